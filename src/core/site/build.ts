/**
 * Builds the static decision site: index (filters, full-text search), a page per record, the
 * relationship graph, a timeline, assets. Incremental: a manifest in the output folder keeps a hash
 * of what each record page was made from, and a page whose inputs did not change is neither
 * rendered nor written. Pure: pages go out through `SiteWriter`, one at a time (memory stays flat).
 */
import { quickText, renderMarkdown } from './markdown';
import type { SiteModel, SiteRecord } from './model';
import {
  graphPage, indexPage, notFoundPage, recordPage, recordPagePath, rootOf, timelineEvents, timelinePage, type PageContext,
} from './pages';
import { drawSiteGraph, siteGraph } from './graph';
import { searchDocumentsScript, type SearchDocument } from './search';
import { SITE_CSS } from './assets';

/** Bumped when page templates change, so every page is rendered again. */
export const SITE_TEMPLATE_VERSION = 1;
export const MANIFEST_FILE = '.adrw-site.json';
const DEFAULT_HASH = 'cyrb53';

export interface SiteManifest {
  readonly version: 1;
  readonly template: number;
  readonly generator: string;
  /** The hash's name (`SiteOptions.hash`); absent: `hashText`'s. */
  readonly hash?: string;
  /** Site path → hash of what it was made from. */
  readonly pages: Readonly<Record<string, string>>;
}

export interface SiteWriter {
  /** Writes one file of the site (path relative to the output folder, `/`-separated). */
  write(path: string, content: string): Promise<void>;
  /** Removes a file this builder wrote before (listed in the previous manifest). */
  remove(path: string): Promise<void>;
  /** Waits for the writes still under way (a writer may run several at once); rejects with the first failure. */
  flush?(): Promise<void>;
}

export interface SiteOptions {
  readonly generator: string;
  /** The site's path on its host (`/decisions/`), used only by 404.html; default `/`. */
  readonly basePath?: string;
  /** The previous build's manifest (read from the output folder), for an incremental build. */
  readonly previous?: SiteManifest;
  /** The page script (the bundled src/webviews/site/main.ts). */
  readonly script: string;
  /**
   * The change-detection hash of a text (the CLI passes a native one: hashing what 1,000 pages are
   * made of in JavaScript took a fifth of the build); default `hashText`. The manifest records
   * which, so a build with another hash renders everything once rather than comparing apples to pears.
   */
  readonly hash?: { readonly name: string; readonly of: (text: string) => string };
}

export interface SiteResult {
  readonly manifest: SiteManifest;
  /** Record pages rendered and written / left as they were. */
  readonly rendered: number;
  readonly unchanged: number;
  readonly removed: number;
  /** Every file written this time (site paths). */
  readonly written: readonly string[];
  readonly graph: { readonly nodes: number; readonly edges: number; readonly skipped?: string };
}

export async function buildSite(model: SiteModel, writer: SiteWriter, options: SiteOptions): Promise<SiteResult> {
  const hashName = options.hash?.name ?? DEFAULT_HASH;
  const hashOf = options.hash?.of ?? hashText;
  const old = options.previous;
  const previous = old?.template === SITE_TEMPLATE_VERSION && old.generator === options.generator && (old.hash ?? DEFAULT_HASH) === hashName ? old.pages : {};
  const pages: Record<string, string> = {};
  const written: string[] = [];
  const byKey = new Map(model.records.map((r) => [r.key, r]));
  const byPath = new Map(model.records.map((r) => [`${r.source ?? ''}\u0000${r.record.path}`, r]));
  const ctxFor = (path: string): PageContext => ({ siteTitle: model.title, generator: options.generator, root: rootOf(path) });
  const put = async (path: string, content: string, hash = hashOf(content)) => {
    pages[path] = hash;
    if (previous[path] === hash) return false;
    await writer.write(path, content);
    written.push(path);
    return true;
  };

  const summaries = new Map<string, string>();
  const search: SearchDocument[] = [];
  const chains = supersedeChains(model.records);
  let rendered = 0;
  let unchanged = 0;
  for (const s of model.records) {
    const path = recordPagePath(s.key);
    const chain = chains.get(s.key) ?? [];
    // What the page shows: the record, and the titles and statuses of the records it links to.
    const neighbours = [...new Set([...s.links.map((l) => l.target), ...chain])].filter((k): k is string => !!k && byKey.has(k))
      .map((k) => { const o = byKey.get(k)!.record; return [k, o.title, o.status, o.numberText]; });
    const inputHash = hashOf(JSON.stringify([SITE_TEMPLATE_VERSION, model.title, s, neighbours, chain]));
    const body = s.record.markdown !== null ? stripFrontMatter(s.record.markdown) : undefined;
    const quick = body !== undefined ? quickText(body) : { text: '', summary: '' };
    summaries.set(s.key, quick.summary);
    search.push({
      key: s.key, title: s.record.title, reference: [s.record.reference, s.source ? `${s.source}:${s.record.reference}` : ''].join(' ').trim(),
      tags: s.record.tags.join(' '), status: s.record.status, text: quick.text,
    });
    if (previous[path] === inputHash) {
      pages[path] = inputHash;
      unchanged++;
      continue;
    }
    const md = body !== undefined ? renderMarkdown(body, { dropTitle: true, resolveLink: (h) => resolveRecordLink(s, h, byPath, ctxFor(path)) }) : undefined;
    const html = recordPage(ctxFor(path), {
      record: s, byKey, chain,
      bodyHtml: md ? md.html : '<p class="muted">The text of this record is not in the export it came from.</p>',
    });
    await put(path, html, inputHash);
    rendered++;
  }

  await put('index.html', indexPage(ctxFor('index.html'), model, summaries));
  // The graph page from what it shows (its drawing is laid out only when that changed): the graph,
  // and each related record's links for the list below it.
  const decisions = siteGraph(model.records);
  const graphHash = hashOf(JSON.stringify([SITE_TEMPLATE_VERSION, model.title, decisions, model.records.filter((r) => r.links.some((l) => l.target && byKey.has(l.target))).map((r) => [r.key, r.links])]));
  const drawGraph = previous['graph.html'] !== graphHash;
  const graph = drawSiteGraph(decisions, (key) => recordPagePath(key).split('/').map(encodeURIComponent).join('/'), undefined, drawGraph);
  if (drawGraph) await put('graph.html', graphPage(ctxFor('graph.html'), model, graph), graphHash);
  else pages['graph.html'] = graphHash;
  await put('timeline.html', timelinePage(ctxFor('timeline.html'), model, timelineEvents(model)));
  const base = normaliseBase(options.basePath ?? '/');
  await put('404.html', notFoundPage({ siteTitle: model.title, generator: options.generator, root: base }));
  await put('assets/site.css', SITE_CSS);
  await put('assets/site.js', options.script);
  // A script, not JSON: pages opened from file:// cannot fetch, but they can load a script.
  await put('assets/search-docs.js', searchDocumentsScript(search));

  let removed = 0;
  for (const path of Object.keys(options.previous?.pages ?? {})) {
    if (path in pages || !isSitePath(path)) continue;
    await writer.remove(path);
    removed++;
  }
  const manifest: SiteManifest = {
    version: 1, template: SITE_TEMPLATE_VERSION, generator: options.generator, ...(hashName !== DEFAULT_HASH ? { hash: hashName } : {}), pages,
  };
  // The manifest last, once every page it lists is on disk.
  await writer.flush?.();
  await writer.write(MANIFEST_FILE, `${JSON.stringify(manifest, null, 1)}\n`);
  await writer.flush?.();
  return { manifest, rendered, unchanged, removed, written, graph: { nodes: graph.nodes, edges: graph.edges, ...(graph.skipped ? { skipped: graph.skipped } : {}) } };
}

/** A manifest read back, or undefined when it is not one (a hand-edited or foreign file). */
export function parseManifest(text: string): SiteManifest | undefined {
  try {
    const m = JSON.parse(text) as Partial<SiteManifest>;
    if (m.version !== 1 || typeof m.template !== 'number' || typeof m.generator !== 'string' || !m.pages || typeof m.pages !== 'object') return undefined;
    if (m.hash !== undefined && typeof m.hash !== 'string') return undefined;
    for (const [k, v] of Object.entries(m.pages)) if (typeof v !== 'string' || !isSitePath(k)) return undefined;
    return m as SiteManifest;
  } catch {
    return undefined;
  }
}

/** A path this builder may have written: relative, no `..`, a known kind of file. */
function isSitePath(p: string): boolean {
  return !p.startsWith('/') && !p.split('/').some((s) => s === '..' || s === '') && /\.(html|css|js)$/.test(p);
}

function normaliseBase(base: string): string {
  const b = base.trim() || '/';
  if (/^[a-z][\w+.-]*:/i.test(b) || b.startsWith('//')) return '/';
  return `${b.startsWith('/') ? '' : '/'}${b}${b.endsWith('/') ? '' : '/'}`.replace(/\/{2,}/g, '/');
}

export function stripFrontMatter(text: string): string {
  const m = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  return m ? text.slice(m[0].length) : text;
}

/** A relative link in a record: to another record's page when it names one, else to the file on the web host, else none. */
function resolveRecordLink(s: SiteRecord, h: string, byPath: ReadonlyMap<string, SiteRecord>, ctx: PageContext): string | null {
  const [pathPart, fragment] = h.split('#', 2) as [string, string | undefined];
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return null;
  }
  const folder = s.record.path.split('/').slice(0, -1);
  const parts = [...folder];
  for (const seg of decoded.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (!parts.length) return null;
      parts.pop();
    } else parts.push(seg);
  }
  const target = parts.join('/');
  const o = byPath.get(`${s.source ?? ''}\u0000${target}`);
  if (o) return `${ctx.root}${recordPagePath(o.key).split('/').map(encodeURIComponent).join('/')}${fragment ? `#${encodeURIComponent(fragment)}` : ''}`;
  if (s.record.url) {
    // The record's own URL with its path replaced: the same host, commit and scheme.
    const own = s.record.url;
    const i = own.lastIndexOf(s.record.path.split('/').map(encodeURIComponent).join('/'));
    if (i > 0) return `${own.slice(0, i)}${target.split('/').map(encodeURIComponent).join('/')}${fragment ? `#${encodeURIComponent(fragment)}` : ''}`;
  }
  return null;
}

/** For each record in a supersede chain: the whole chain, oldest first. */
function supersedeChains(records: readonly SiteRecord[]): Map<string, string[]> {
  const next = new Map<string, string>();
  const prev = new Map<string, string>();
  for (const s of records) {
    for (const l of s.links) {
      if (!l.target || l.target === s.key) continue;
      if (l.type === 'supersedes') { next.set(l.target, s.key); prev.set(s.key, l.target); }
      if (l.type === 'superseded-by') { next.set(s.key, l.target); prev.set(l.target, s.key); }
    }
  }
  const out = new Map<string, string[]>();
  for (const s of records) {
    if (!next.has(s.key) && !prev.has(s.key)) continue;
    let start = s.key;
    const seen = new Set([start]);
    while (prev.has(start) && !seen.has(prev.get(start)!)) { start = prev.get(start)!; seen.add(start); }
    const chain = [start];
    const inChain = new Set(chain);
    let at = start;
    while (next.has(at) && !inChain.has(next.get(at)!)) { at = next.get(at)!; chain.push(at); inChain.add(at); }
    out.set(s.key, chain);
  }
  return out;
}

/** A 53-bit hash of a string (cyrb53), as hex: change detection, not security. */
export function hashText(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
