/**
 * The Decision Digest page. Runs in the webview (a browser): a period picker (the last 7 or 30 days,
 * since a date, since a git ref; "until" optional) whose choice the extension digests, and the
 * digest it posts, as the sections every format renders (the extension builds them with core's
 * `digestSections`: one wording), with records as links that open them in the editor. DOM built with `textContent` only
 * (never `innerHTML`); theme colours only; every control reachable by keyboard.
 */
import {
  DEFAULT_PERIOD, parsePeriod, parseToWebview, periodLabel, periodProblem, type DigestState, type DigestView, type FromWebview, type Part, type Period,
} from './protocol';
import { button, el, vsCodeApi } from '../dom';

const vscode = vsCodeApi<FromWebview>();
const root = document.getElementById('root')!;
const post = (m: FromWebview) => vscode.postMessage(m);

// ---- the period picker --------------------------------------------------------------------------

type Choice = '7' | '30' | 'date' | 'ref';
const CHOICES: readonly [Choice, string][] = [['7', 'Last 7 days'], ['30', 'Last 30 days'], ['date', 'Since a date…'], ['ref', 'Since a git ref…']];

const saved = parsePeriod((vscode.getState() as { period?: unknown } | undefined)?.period);
let state: DigestState = { status: 'loading', period: saved ?? DEFAULT_PERIOD, folder: '', revision: -1 };

const form = el('form', 'toolbar');
form.setAttribute('aria-label', 'Digest period');
const choice = el('select');
choice.id = 'period';
choice.setAttribute('aria-label', 'Period');
for (const [value, label] of CHOICES) {
  const o = el('option', undefined, label);
  o.value = value;
  choice.append(o);
}
const dateInput = el('input');
dateInput.type = 'date';
dateInput.setAttribute('aria-label', 'Since date');
const refInput = el('input');
refInput.type = 'text';
refInput.placeholder = 'branch, tag or commit';
refInput.setAttribute('aria-label', 'Since ref');
refInput.spellcheck = false;
const untilLabel = el('label', 'until', 'until ');
const untilInput = el('input');
untilInput.type = 'text';
untilInput.placeholder = 'HEAD';
untilInput.setAttribute('aria-label', 'Until ref');
untilInput.spellcheck = false;
untilLabel.append(untilInput);
const show = el('button', 'primary', 'Show');
show.type = 'submit';
show.title = 'Digest this period';
const refresh = button('Refresh', 'Digest the period again (git moved on)', () => post({ type: 'refresh' }));
const copy = button('Copy as Markdown', 'Copy the digest as Markdown (as `adrw digest --format markdown` prints it)', () => post({ type: 'copy' }));
const sep = el('span', 'sep');
form.append(choice, dateInput, refInput, untilLabel, show, sep, refresh, copy);
const line = el('p', 'line');
line.setAttribute('role', 'status');
const body = el('div', 'body');
root.append(form, line, body);

function choiceOf(p: Period): Choice {
  return p.kind === 'days' ? (p.value === '30' ? '30' : '7') : p.kind;
}

/** Shows `p` in the picker (as posted back by the extension, or restored). */
function setPicker(p: Period): void {
  choice.value = choiceOf(p);
  if (p.kind === 'date') dateInput.value = p.value;
  if (p.kind === 'ref') refInput.value = p.value;
  untilInput.value = p.until;
  syncPicker();
}

function syncPicker(): void {
  dateInput.hidden = choice.value !== 'date';
  refInput.hidden = choice.value !== 'ref';
}

/** The period the picker shows now. */
function picked(): Period {
  const c = choice.value as Choice;
  const until = untilInput.value.trim();
  if (c === 'date') return { kind: 'date', value: dateInput.value.trim(), until };
  if (c === 'ref') return { kind: 'ref', value: refInput.value.trim(), until };
  return { kind: 'days', value: c, until };
}

function run(): void {
  const p = picked();
  const problem = periodProblem(p);
  if (problem) {
    renderLine('error', problem);
    (p.kind === 'date' ? dateInput : p.kind === 'ref' ? refInput : untilInput).focus();
    return;
  }
  vscode.setState({ period: p });
  post({ type: 'run', period: p });
}

choice.addEventListener('change', () => {
  syncPicker();
  // The fixed periods run at once; a date or a ref waits for its value.
  if (choice.value === '7' || choice.value === '30') run();
  else (choice.value === 'date' ? dateInput : refInput).focus();
});
form.addEventListener('submit', (e) => {
  e.preventDefault();
  run();
});

// ---- the digest -----------------------------------------------------------------------------------

function renderLine(kind: 'loading' | 'error' | 'empty' | 'info', text: string): void {
  line.className = `line ${kind}`;
  line.textContent = text;
}

function inline(parts: readonly Part[], into: HTMLElement): void {
  for (const p of parts) {
    if ('text' in p) into.append(p.text);
    else if ('code' in p) into.append(el('code', undefined, p.code));
    else if ('strong' in p) into.append(el('strong', undefined, p.strong));
    else {
      // A record: opened in the editor by the extension (which checks it is one of the digest's).
      const a = el('a', 'record', p.record);
      a.href = '#';
      a.dataset.path = p.path;
      a.title = `Open ${p.path}`;
      a.addEventListener('click', (e) => {
        e.preventDefault();
        post({ type: 'open', path: p.path });
      });
      into.append(a);
    }
  }
}

function renderDigest(d: DigestView): void {
  const head = el('header');
  const summary = el('p', 'summary', d.summary);
  if (state.folder) summary.append(el('span', 'folder', `Folder: ${state.folder}`));
  head.append(el('h1', undefined, d.heading), summary);
  body.append(head);
  for (const s of d.sections) {
    const section = el('section', `group ${s.id}`);
    const h = el('h2', undefined, s.items.length ? `${s.title} (${s.items.length})` : s.title);
    h.id = `s-${s.id}`;
    section.setAttribute('aria-labelledby', h.id);
    section.append(h);
    if (s.items.length === 0) section.append(el('p', 'empty', s.empty));
    else {
      const ul = el('ul');
      for (const item of s.items) {
        const li = el('li');
        inline(item, li);
        ul.append(li);
      }
      section.append(ul);
    }
    body.append(section);
  }
  if (d.notes.length) {
    const section = el('section', 'group notes');
    section.append(el('h2', undefined, 'Notes'));
    const ul = el('ul');
    for (const n of d.notes) ul.append(el('li', undefined, n));
    section.append(ul);
    body.append(section);
  }
}

function render(): void {
  body.replaceChildren();
  root.dataset.status = state.status;
  root.dataset.revision = String(state.revision);
  const ready = state.status === 'ready' && state.digest !== undefined;
  copy.disabled = !ready;
  refresh.disabled = state.status === 'loading' || state.status === 'none';
  root.setAttribute('aria-busy', String(state.status === 'loading'));
  // "the digest of the last 7 days", "the digest since v1.2".
  const what = `${state.period.kind === 'days' ? 'of ' : ''}${periodLabel(state.period)}`;
  if (state.status === 'loading') renderLine('loading', `Reading the digest ${what}…`);
  else if (state.status !== 'ready' || !state.digest) renderLine(state.status === 'none' ? 'empty' : 'error', state.message ?? 'No digest.');
  else if (state.digest.empty) renderLine('empty', `Nothing to report: the digest ${what} is empty (${state.digest.commits} commit${state.digest.commits === 1 ? '' : 's'}).`);
  else renderLine('info', `The digest ${what}.`);
  if (ready) renderDigest(state.digest!);
}

window.addEventListener('message', (e: MessageEvent) => {
  const m = parseToWebview(e.data);
  if (!m) return;
  if (m.state.revision < state.revision) return;
  state = m.state;
  setPicker(state.period);
  vscode.setState({ period: state.period });
  render();
});

setPicker(state.period);
render();
post(saved ? { type: 'ready', period: saved } : { type: 'ready' });
