/**
 * The static site's only script (assets/site.js): the theme toggle on every page, and on the index
 * page the filters and the full-text search over the MiniSearch index the generator built
 * (assets/search-index.js sets window.ADRW_SEARCH_INDEX). Without it every page still reads: the
 * index lists every record. It changes `hidden` and text only; it never writes HTML.
 */
import MiniSearch from 'minisearch';

declare global {
  interface Window { ADRW_SEARCH_INDEX?: unknown }
}

// The same options as src/core/site/search.ts (MiniSearch.loadJSON needs them).
const SEARCH_OPTIONS = { idField: 'key', fields: ['title', 'reference', 'tags', 'status', 'text'], storeFields: [] as string[] };

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
  let search: MiniSearch | undefined;
  const index = (): MiniSearch | undefined => {
    if (!search && window.ADRW_SEARCH_INDEX) search = MiniSearch.loadJS(window.ADRW_SEARCH_INDEX as Parameters<typeof MiniSearch.loadJS>[0], SEARCH_OPTIONS);
    return search;
  };
  form.addEventListener('submit', (ev) => ev.preventDefault());
  const params = new URLSearchParams(location.search);
  if (q && params.get('q')) q.value = params.get('q')!;
  if (status && params.get('status')) status.value = params.get('status')!;
  if (tag && params.get('tag')) tag.value = params.get('tag')!;
  const apply = (): void => {
    const text = q?.value.trim() ?? '';
    let hits: Set<string> | undefined;
    if (text) {
      const ms = index();
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
