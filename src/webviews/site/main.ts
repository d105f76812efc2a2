/**
 * The static site's only script (assets/site.js): the theme toggle on every page, and on the index
 * page the filters and the full-text search, a MiniSearch index of the records' text the generator
 * wrote (assets/search-docs.js sets window.ADRW_SEARCH_DOCS), built here: a few records at a time
 * while the browser is idle, and what is left of it at once when a search comes first.
 * Without this script every page still reads: the index lists every record. It changes `hidden`
 * and text only; it never writes HTML.
 */
import MiniSearch from 'minisearch';

/** One record: its values in `FIELDS` order (src/core/site/search.ts writes them in the same order). */
type SearchRow = readonly string[];

declare global {
  interface Window { ADRW_SEARCH_DOCS?: readonly SearchRow[] }
}

// The same list as SEARCH_FIELDS in src/core/site/search.ts.
const FIELDS = ['key', 'title', 'reference', 'tags', 'status', 'text'];
const COLUMN = new Map(FIELDS.map((f, i) => [f, i]));
const SEARCH_OPTIONS = {
  idField: 'key', fields: FIELDS.slice(1), storeFields: [] as string[],
  extractField: (row: SearchRow, field: string) => row[COLUMN.get(field) ?? -1],
};
/** Records indexed per step in the background, steps repeated while the browser is idle. */
const CHUNK = 25;

/** The search index, built from the rows as far as needed: all of them before a search, a chunk at a time before that. */
function searchIndex(): { ready: () => MiniSearch<SearchRow> | undefined; warm: () => void } {
  let ms: MiniSearch<SearchRow> | undefined;
  let done = 0;
  let warming = false;
  const rows = (): readonly SearchRow[] | undefined => window.ADRW_SEARCH_DOCS;
  const add = (upTo: number): MiniSearch<SearchRow> | undefined => {
    const all = rows();
    if (!all) return undefined;
    ms ??= new MiniSearch<SearchRow>(SEARCH_OPTIONS);
    const end = Math.min(upTo, all.length);
    if (done < end) ms.addAll(all.slice(done, end));
    done = Math.max(done, end);
    return ms;
  };
  // When the browser is idle (or soon, where it cannot say): a few records at a time, never a long task.
  const schedule = (): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(step, { timeout: 2000 });
    else setTimeout(() => step(), 0);
  };
  const step = (deadline?: IdleDeadline): void => {
    const all = rows();
    if (!all || done >= all.length) return;
    do add(done + CHUNK); while (done < all.length && deadline !== undefined && !deadline.didTimeout && deadline.timeRemaining() > 4);
    schedule();
  };
  return {
    ready: () => add(Infinity),
    warm: () => { if (!warming) { warming = true; schedule(); } },
  };
}

function theme(): void {
  const root = document.documentElement;
  const button = document.getElementById('theme-toggle');
  let saved: string | null = null;
  try { saved = localStorage.getItem('adrw-theme'); } catch { /* file:// in some browsers: no storage */ }
  if (saved === 'dark' || saved === 'light') root.dataset.theme = saved;
  if (!button) return;
  button.hidden = false;
  button.addEventListener('click', () => {
    const dark = root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
    root.dataset.theme = dark ? 'light' : 'dark';
    try { localStorage.setItem('adrw-theme', root.dataset.theme); } catch { /* ignore */ }
  });
}

function filters(): void {
  const form = document.getElementById('filters');
  if (!form) return;
  const q = document.getElementById('q') as HTMLInputElement | null;
  const status = document.getElementById('f-status') as HTMLSelectElement | null;
  const tag = document.getElementById('f-tag') as HTMLSelectElement | null;
  const group = document.getElementById('f-group') as HTMLSelectElement | null;
  const count = document.getElementById('result-count');
  const items = [...document.querySelectorAll<HTMLLIElement>('ul.records li[data-key]')];
  const sections = [...document.querySelectorAll<HTMLElement>('section.group')];
  const index = searchIndex();
  // Indexed in the background from the start (a search before it is done finishes it at once).
  if (q) index.warm();
  form.addEventListener('submit', (ev) => ev.preventDefault());
  const params = new URLSearchParams(location.search);
  if (q && params.get('q')) q.value = params.get('q')!;
  if (status && params.get('status')) status.value = params.get('status')!;
  if (tag && params.get('tag')) tag.value = params.get('tag')!;
  const apply = (): void => {
    const text = q?.value.trim() ?? '';
    let hits: Set<string> | undefined;
    if (text) {
      const ms = index.ready();
      hits = ms ? new Set(ms.search(text, { prefix: true, fuzzy: 0.15, combineWith: 'AND' }).map((r) => String(r.id))) : undefined;
    }
    let shown = 0;
    for (const li of items) {
      const ok = (!hits || hits.has(li.dataset.key ?? ''))
        && (!status?.value || li.dataset.status === status.value)
        && (!tag?.value || (li.dataset.tags ?? '').split('\u001f').includes(tag.value))
        && (!group?.value || li.dataset.group === group.value);
      li.hidden = !ok;
      if (ok) shown++;
    }
    for (const s of sections) s.hidden = !s.querySelector('li[data-key]:not([hidden])');
    if (count) count.textContent = `${shown} of ${items.length} decision${items.length === 1 ? '' : 's'}`;
  };
  for (const el of [q, status, tag, group]) el?.addEventListener('input', apply);
  if ((q?.value ?? '') || status?.value || tag?.value) apply();
}

theme();
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', filters);
else filters();
