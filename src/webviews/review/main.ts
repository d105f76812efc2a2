/**
 * The Architecture Review page. Runs in the webview (a browser): builds its DOM from `PanelState`
 * with `textContent` only (never `innerHTML`), and talks to the extension through typed messages.
 */
import type { FindingView, FromWebview, PanelState, ToWebview } from './protocol';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(label: string, title: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', 'action', label);
  b.type = 'button';
  b.title = title;
  b.addEventListener('click', onClick);
  return b;
}

const VERDICT_LABEL: Record<FindingView['verdict'], string> = {
  undocumented: 'Undocumented', documented: 'Documented', acknowledged: 'Acknowledged',
};

function render(state: PanelState): void {
  root.replaceChildren();
  const header = el('div', 'header');
  const undocumented = state.findings.filter((f) => f.verdict === 'undocumented').length;
  header.append(el('span', 'summary', state.status === 'ready'
    ? `${undocumented} undocumented of ${state.findings.length} architectural change${state.findings.length === 1 ? '' : 's'}${state.scope ? ` · ${state.scope}` : ''}`
    : state.message ?? (state.status === 'loading' ? 'Reviewing the working change…' : '')));
  header.append(button('Refresh', 'Review the working change again', () => vscode.postMessage({ type: 'refresh' })));
  root.append(header);
  if (state.status !== 'ready') {
    if (state.message && state.status !== 'loading') root.append(el('p', `notice ${state.status}`, state.message));
    return;
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

function findingCard(f: FindingView): HTMLElement {
  const card = el('article', `finding ${f.verdict} ${f.severity}`);
  card.dataset.id = f.id;
  const top = el('div', 'top');
  top.append(el('span', `badge ${f.severity}`, f.severity), el('span', `verdict ${f.verdict}`, VERDICT_LABEL[f.verdict]));
  const file = el('a', 'file', `${f.file}${f.line ? `:${f.line}` : ''}`);
  file.href = '#';
  file.addEventListener('click', (e) => {
    e.preventDefault();
    vscode.postMessage({ type: 'action', action: 'openFile', id: f.id });
  });
  top.append(file);
  card.append(top, el('p', 'message', f.message));
  if (f.evidence.length) {
    const ul = el('ul', 'evidence');
    for (const ev of f.evidence) ul.append(el('li', undefined, ev));
    card.append(ul);
  }
  if (f.excerpt) {
    const pre = el('pre', 'excerpt');
    pre.append(el('span', 'hunk-header', `${f.excerpt.header}\n`));
    for (const line of f.excerpt.lines) pre.append(el('span', line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : 'ctx', `${line}\n`));
    card.append(pre);
  }
  const actions = el('div', 'actions');
  if (f.verdict === 'undocumented') {
    actions.append(
      button('Draft ADR', 'Create a decision record for this change', () => vscode.postMessage({ type: 'action', action: 'draftAdr', id: f.id })),
      button('Link to Existing ADR…', 'Say which decision already covers this', () => vscode.postMessage({ type: 'action', action: 'linkToAdr', id: f.id })),
      button('Acknowledge…', 'Mark as not architectural, with a reason', () => vscode.postMessage({ type: 'action', action: 'acknowledge', id: f.id })),
    );
  }
  actions.append(button('Open Diff', 'Show the change', () => vscode.postMessage({ type: 'action', action: 'openDiff', id: f.id })));
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
