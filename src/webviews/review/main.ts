/**
 * The Architecture Review page. Runs in the webview (a browser): builds its DOM from `PanelState`
 * with `textContent` only (never `innerHTML`), and talks to the extension through typed messages.
 */
import type { ConflictView, ExcerptView, FindingAction, FindingView, FromWebview, PanelState, ToWebview } from './protocol';
import { button, el, vsCodeApi } from '../dom';

const vscode = vsCodeApi<FromWebview>();
const root = document.getElementById('root')!;

function action(label: string, title: string, onClick: () => void): HTMLButtonElement {
  return button(label, title, onClick, 'action');
}

const VERDICT_LABEL: Record<FindingView['verdict'], string> = {
  undocumented: 'Undocumented', documented: 'Documented', acknowledged: 'Acknowledged',
};

function render(state: PanelState): void {
  root.replaceChildren();
  const header = el('div', 'header');
  const undocumented = state.findings.filter((f) => f.verdict === 'undocumented').length;
  const conflicts = state.conflicts ?? [];
  const clash = conflicts.length ? ` · ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'} with decisions` : '';
  // (Refresh is the view's toolbar button: one Refresh, not two.)
  header.append(el('span', 'summary', state.status === 'ready'
    ? `${undocumented} undocumented of ${state.findings.length} architectural change${state.findings.length === 1 ? '' : 's'}${clash}${state.scope ? ` · ${state.scope}` : ''}`
    : state.message ?? (state.status === 'loading' ? 'Reviewing the working change…' : '')));
  root.append(header);
  if (state.status !== 'ready') {
    if (state.message && state.status !== 'loading') root.append(el('p', `notice ${state.status}`, state.message));
    return;
  }
  if (conflicts.length) {
    const section = el('section', 'group conflicts');
    section.append(el('h2', undefined, `Conflicts with decisions (${conflicts.length})`));
    for (const c of conflicts) section.append(conflictCard(c));
    root.append(section);
  }
  if (state.findings.length === 0) {
    root.append(el('p', 'notice', 'No architectural changes in the working change.'));
    return;
  }
  const groups = new Map<string, FindingView[]>();
  for (const f of state.findings) groups.set(f.ruleTitle, [...(groups.get(f.ruleTitle) ?? []), f]);
  for (const [title, findings] of groups) {
    const section = el('section', 'group');
    section.append(el('h2', undefined, `${title} (${findings.length})`));
    for (const f of findings) section.append(findingCard(f));
    root.append(section);
  }
}

const act = (action: FindingAction, id: string) => () => vscode.postMessage({ type: 'action', action, id });

function fileLink(cls: string, text: string, onClick: () => void): HTMLAnchorElement {
  const a = el('a', cls, text);
  a.href = '#';
  a.addEventListener('click', (e) => {
    e.preventDefault();
    onClick();
  });
  return a;
}

function conflictCard(c: ConflictView): HTMLElement {
  const card = el('article', `conflict ${c.severity}`);
  card.dataset.id = c.id;
  const top = el('div', 'top');
  top.append(el('span', `badge ${c.severity}`, c.severity), el('span', 'verdict conflict', 'Conflict'),
    fileLink('file', `${c.file}${c.line ? `:${c.line}` : ''}`, act('openFile', c.id)));
  card.append(top, el('p', 'message', c.message));
  const ul = el('ul', 'evidence');
  const li = el('li', undefined, `${c.record} (${c.recordFile}) on line ${c.recordLine}: `);
  li.append(el('span', 'record-text', c.recordText.trim()));
  ul.append(li);
  card.append(ul);
  const actions = el('div', 'actions');
  actions.append(action('Open Record', `Open ${c.recordFile} at line ${c.recordLine}`, act('openRecord', c.id)));
  card.append(actions);
  return card;
}

function excerptBlock(x: ExcerptView): HTMLElement {
  const pre = el('pre', 'excerpt');
  pre.append(el('span', 'hunk-header', `${x.header}\n`));
  if (x.cutBefore) pre.append(el('span', 'ellipsis', '…\n'));
  for (const line of x.lines) pre.append(el('span', line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : 'ctx', `${line}\n`));
  if (x.cutAfter) pre.append(el('span', 'ellipsis', '…\n'));
  return pre;
}

function findingCard(f: FindingView): HTMLElement {
  const card = el('article', `finding ${f.verdict}${f.pill ? ` ${f.pill.tone}` : ''}`);
  card.dataset.id = f.id;
  const top = el('div', 'top');
  if (f.pill) top.append(el('span', `badge ${f.pill.tone}`, f.pill.label));
  top.append(el('span', `verdict ${f.verdict}`, VERDICT_LABEL[f.verdict]));
  top.append(fileLink('file', `${f.file}${f.line ? `:${f.line}` : ''}`, act('openFile', f.id)));
  card.append(top, el('p', 'message', f.message));
  if (f.evidence.length) {
    const ul = el('ul', 'evidence');
    for (const ev of f.evidence) ul.append(el('li', undefined, ev));
    card.append(ul);
  }
  if (f.excerpt) card.append(excerptBlock(f.excerpt));
  const actions = el('div', 'actions');
  if (f.verdict === 'undocumented') {
    actions.append(
      action('Draft ADR', 'Create a decision record for this change', () => vscode.postMessage({ type: 'action', action: 'draftAdr', id: f.id })),
      action('Link to Existing ADR…', 'Say which decision already covers this', () => vscode.postMessage({ type: 'action', action: 'linkToAdr', id: f.id })),
      action('Acknowledge…', 'Mark as not architectural, with a reason', () => vscode.postMessage({ type: 'action', action: 'acknowledge', id: f.id })),
    );
  }
  actions.append(action('Open Diff', 'Show the change', () => vscode.postMessage({ type: 'action', action: 'openDiff', id: f.id })));
  card.append(actions);
  return card;
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  if (m && m.type === 'state') {
    vscode.setState(m.state);
    render(m.state);
  }
});

const previous = vscode.getState() as PanelState | undefined;
render(previous ?? { status: 'loading', findings: [] });
vscode.postMessage({ type: 'ready' });
