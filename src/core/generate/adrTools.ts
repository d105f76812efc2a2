/**
 * `adr generate toc` and `adr generate graph`, byte-compatible with adr-tools 3.0:
 * - toc: "# Architecture Decision Records\n\n", the INTRO file, "* [TITLE](PREFIX+FILE)" per record
 *   (TITLE is the first line of the file without its first two characters, as `_adr_title` does),
 *   then the OUTRO file after a blank line.
 * - graph: Graphviz with one node per record (label = title, URL = PREFIX + name + EXTENSION), a
 *   dotted edge from each number to the next, and one edge per Status-section link line whose verb
 *   does not end in " by" (`_adr_links`).
 * Records are listed as `adr list` does: `NNNN-*.md` file names in byte order.
 */

export interface TocEntry {
  /** File name, e.g. `0001-record-architecture-decisions.md`. */
  readonly fileName: string;
  /** The record's full text (only the first line and the Status section are read). */
  readonly text: string;
  /** The record's status as written, for lists that show one (`--status`). */
  readonly status?: string;
}

/** The order and selection of `adr list`: numbered Markdown file names, sorted byte-wise. */
export function adrListOrder<T extends { fileName: string }>(entries: readonly T[]): T[] {
  // Sorted by name with the engine's own string sort (a comparator function costs several times
  // more at 10,000 names in a short-lived process); names are unique within a folder.
  const byName = new Map<string, T>();
  for (const e of entries) if (ADR_LIST_NAME.test(e.fileName)) byName.set(e.fileName, e);
  return [...byName.keys()].sort().map((n) => byName.get(n)!);
}

const ADR_LIST_NAME = /^[0-9]+-[^/]*\.md/;

/** `_adr_title`: the first line without its first two characters ("# "). */
export function adrToolsTitle(text: string): string {
  const nl = text.indexOf('\n');
  const first = nl === -1 ? text : text.slice(0, nl);
  return first.replace(/\r$/, '').slice(2);
}

export interface TocOptions {
  /** Contents of the INTRO file (adr-tools takes a file name and `cat`s it). */
  readonly intro?: string;
  readonly outro?: string;
  readonly prefix?: string;
  /** Each line followed by `: STATUS` (adr-tools' `generate toc -s` format) where an entry has one. */
  readonly status?: boolean;
}

export function generateToc(entries: readonly TocEntry[], options: TocOptions = {}): string {
  let out = '# Architecture Decision Records\n\n';
  if (options.intro !== undefined) out += ensureNewline(options.intro) + '\n';
  for (const e of adrListOrder(entries)) out += `* [${adrToolsTitle(e.text)}](${options.prefix ?? ''}${e.fileName})${statusSuffix(e, options.status, ': ')}\n`;
  if (options.outro !== undefined) out += '\n' + ensureNewline(options.outro);
  return out;
}

/** `SEP + status` when statuses are shown and the entry has one, else nothing. */
export function statusSuffix(e: Pick<TocEntry, 'status'>, show: boolean | undefined, sep: string, close = ''): string {
  return show && e.status ? `${sep}${e.status}${close}` : '';
}

function ensureNewline(s: string): string {
  return s === '' || s.endsWith('\n') ? s : s + '\n';
}

/** `_adr_status`: the non-blank, non-heading lines between `## Status` and the next heading. */
export function adrToolsStatusLines(text: string): string[] {
  const out: string[] = [];
  let inside = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!inside) {
      if (line.startsWith('## Status')) inside = true;
      continue;
    }
    if (line.startsWith('#')) break;
    if (line.trim() !== '') out.push(line);
  }
  return out;
}

const LINK_LINE = /^(.+) \[.*\]\(0*([1-9][0-9]*).*\)/;

export interface GraphOptions {
  readonly prefix?: string;
  /** Defaults to `.html`, as in adr-tools. */
  readonly extension?: string;
}

export function generateGraph(entries: readonly TocEntry[], options: GraphOptions = {}): string {
  const prefix = options.prefix ?? '';
  const ext = options.extension ?? '.html';
  const listed = adrListOrder(entries);
  const index = (fileName: string) => fileName.replace(/-.*/, '').replace(/^0*/, '');
  const lines = ['digraph {', '  node [shape=plaintext];', '  subgraph {'];
  for (const e of listed) {
    const n = index(e.fileName);
    lines.push(`    _${n} [label="${adrToolsTitle(e.text)}"; URL="${prefix}${e.fileName.replace(/\.md$/, '')}${ext}"];`);
    if (Number(n) > 1) lines.push(`    _${Number(n) - 1} -> _${n} [style="dotted", weight=1];`);
  }
  lines.push('  }');
  for (const e of listed) {
    const n = index(e.fileName);
    for (const status of adrToolsStatusLines(e.text)) {
      const m = LINK_LINE.exec(status);
      if (!m || / by$/.test(m[1]!)) continue;
      lines.push(`  _${n} -> _${m[2]} [label="${m[1]}", weight=0]`);
    }
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

/**
 * The same two reports for any collection, from what the index reads of each record (its title and
 * relations) instead of adr-tools' line rules: MADR, log4brains and other collections get the TOC
 * and graph adr-tools would draw if it could read them.
 */
export interface ReportRecord {
  readonly fileName: string;
  readonly title: string;
  /** Graph node id (`_7`): the record number, else its position in the list. */
  readonly id: string;
  /** Relations the record states itself, by verb as written, to other listed records' ids. */
  readonly links: readonly { readonly verb: string; readonly target: string }[];
}

/** `generate toc` over `records` (already in list order). */
export function renderToc(records: readonly Pick<ReportRecord, 'fileName' | 'title'>[], options: TocOptions = {}): string {
  let out = '# Architecture Decision Records\n\n';
  if (options.intro !== undefined) out += ensureNewline(options.intro) + '\n';
  for (const r of records) out += `* [${r.title}](${options.prefix ?? ''}${r.fileName})\n`;
  if (options.outro !== undefined) out += '\n' + ensureNewline(options.outro);
  return out;
}

/** `generate graph` over `records` (in list order): consecutive records joined by dotted edges. */
export function renderGraph(records: readonly ReportRecord[], options: GraphOptions = {}): string {
  const prefix = options.prefix ?? '';
  const ext = options.extension ?? '.html';
  const quote = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const lines = ['digraph {', '  node [shape=plaintext];', '  subgraph {'];
  records.forEach((r, i) => {
    lines.push(`    _${r.id} [label="${quote(r.title)}"; URL="${quote(prefix + r.fileName.replace(/\.md$/, '') + ext)}"];`);
    if (i > 0) lines.push(`    _${records[i - 1]!.id} -> _${r.id} [style="dotted", weight=1];`);
  });
  lines.push('  }');
  for (const r of records) {
    for (const l of r.links) if (!/ by$/i.test(l.verb)) lines.push(`  _${r.id} -> _${l.target} [label="${quote(l.verb)}", weight=0]`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
