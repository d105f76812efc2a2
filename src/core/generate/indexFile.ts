/**
 * Keeping a collection's index file (README.md / index.md) current, in the convention it already
 * follows, with one minimal edit:
 *
 * - adr-log (adr/adr-log, MADR 2): the text between `<!-- adrlog ... -->` and `<!-- adrlogstop -->`
 *   is the log, one line per record, `* [ADR-0001](0001-x.md) - Title` (adr-log's default `*` bullet;
 *   an existing list's bullet and path prefix are kept). adr-log lists the `.md` files whose name
 *   starts with digits, in name order, the number as the name writes it, and as title the record's
 *   first line without its first two characters (`# `); we take the first `# ` heading (so MADR 4
 *   front matter followed by a blank line still gives the title) and write it as it is written.
 *   The whitespace around the list inside the markers is kept. Text outside the markers is never
 *   touched; an opening marker without a closing one gets the list and a closing marker after it.
 * - adr-tools (`adr generate toc`): a file whose first line is `# Architecture Decision Records`; its
 *   `* [title](file)` list (the first run of such lines) is replaced by the list `generate toc` would
 *   print, keeping the intro and outro around it and the link prefix the list used.
 *
 * Anything else is not an index this module knows how to keep (`updateIndex` returns undefined).
 */
import type { CollectionDialect, TextEdit } from '../model';
import { detectEol } from '../text';
import { diffEdit } from '../edit/merge';
import { adrListOrder, generateToc, type TocEntry } from './adrTools';

/** A file of the collection folder: its name and text. */
export type FolderEntry = TocEntry;

/** The conventions an index file can follow. */
export type IndexStyle = 'adr-log' | 'adr-tools';

/** The index as it should read, and the edit that gets it there. */
export interface IndexUpdate {
  readonly style: IndexStyle;
  /** The whole new text. */
  readonly text: string;
  /** At most one minimal edit from the current text to `text`; empty when it is current. */
  readonly edits: readonly TextEdit[];
}

/** Options for the generated lists. */
export interface IndexOptions {
  /** The index file's own name, never listed (adr-log skips names starting with its base name). */
  readonly indexFileName?: string;
  /** Link prefix when the current text shows none (e.g. `doc/adr/` for an index one folder up). */
  readonly prefix?: string;
}

const TOC_HEADING = '# Architecture Decision Records';
const OPEN = /<!--[ \t]*adrlog(?!stop)\b[\s\S]*?-->/;
const CLOSE = /<!--[ \t]*adrlogstop[ \t]*-->/;
const ADR_LOG_ITEM = /^[ \t]*([-*+])[ \t]+\[[^\]\n]*\]\(([^)\n]*)\)/m;
const TOC_ITEM = /^\* \[.*\]\((.*)\)[ \t]*\r?$/;

/** The convention `text` follows, or undefined. */
export function indexStyleOf(text: string): IndexStyle | undefined {
  const t = text.replace(/^\uFEFF/, '');
  if (OPEN.test(t)) return 'adr-log';
  const first = t.split(/\r?\n/).find((l) => l.trim() !== '');
  return first?.trimEnd() === TOC_HEADING ? 'adr-tools' : undefined;
}

/** The updated index for `current`, or undefined when it follows no known convention. */
export function updateIndex(current: string, entries: readonly FolderEntry[], options: IndexOptions = {}): IndexUpdate | undefined {
  const style = indexStyleOf(current);
  if (!style) return undefined;
  const text = style === 'adr-log' ? updateAdrLog(current, entries, options) : updateToc(current, entries, options);
  return { style, text, edits: diffEdit(current, text) };
}

/** A new index file for a collection that has none: adr-tools' TOC for adr-tools, else an adr-log. */
export function newIndex(entries: readonly FolderEntry[], dialect: CollectionDialect, options: IndexOptions = {}): string {
  if (dialect === 'adr-tools') return generateToc(entries, options.prefix ? { prefix: options.prefix } : {});
  const lines = adrLogLines(entries, '*', options.prefix ?? '', options.indexFileName);
  return [
    '# Architectural Decision Log',
    '',
    'This log lists the architectural decisions of this project.',
    '',
    '<!-- adrlog -->',
    '',
    ...(lines.length > 0 ? [...lines, ''] : []),
    '<!-- adrlogstop -->',
    '',
  ].join('\n');
}

/** adr-log's lines for `entries`: `* [ADR-0001](0001-x.md) - Title`. */
export function adrLogLines(entries: readonly FolderEntry[], bullet: string, prefix: string, indexFileName?: string): string[] {
  const skip = indexFileName ? indexFileName.replace(/\.md$/i, '') : undefined;
  return entries
    .filter((e) => /^\d+/.test(e.fileName) && /\.md$/.test(e.fileName) && !(skip && e.fileName.startsWith(skip)))
    .sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0))
    .map((e) => `${bullet} [ADR-${/^\d+/.exec(e.fileName)![0]}](${prefix}${e.fileName}) - ${adrLogTitle(e.text)}`);
}

/** The record's first `# ` heading after any front matter (else its first line), without `# `. */
export function adrLogTitle(text: string): string {
  const body = text.replace(/^\uFEFF/, '').replace(/^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/, '');
  const lines = body.split(/\r?\n/);
  const h1 = lines.find((l) => /^# /.test(l)) ?? lines.find((l) => l.trim() !== '') ?? '';
  return h1.replace(/^# ?/, '').trim();
}

function updateAdrLog(current: string, entries: readonly FolderEntry[], options: IndexOptions): string {
  const eol = detectEol(current);
  const open = OPEN.exec(current)!;
  const openEnd = open.index + open[0].length;
  const closeMatch = CLOSE.exec(current.slice(openEnd));
  const regionEnd = closeMatch ? openEnd + closeMatch.index : openEnd;
  const region = current.slice(openEnd, regionEnd);
  const item = ADR_LOG_ITEM.exec(region);
  const bullet = item?.[1] ?? '*';
  const prefix = item ? prefixOf(item[2]!) : (options.prefix ?? '');
  const lines = adrLogLines(entries, bullet, prefix, options.indexFileName);
  const blankRegion = region.trim() === '';
  const lead = blankRegion ? eol + eol : /^\s*/.exec(region)![0];
  const trail = blankRegion ? eol + eol : /\s*$/.exec(region)![0];
  const body = lines.length > 0 ? lead + lines.join(eol) + trail : eol + eol;
  if (closeMatch) return current.slice(0, openEnd) + body + current.slice(regionEnd);
  const rest = current.slice(openEnd).replace(/^\s*/, '');
  return current.slice(0, openEnd) + body + '<!-- adrlogstop -->' + (rest ? eol + eol + rest : eol);
}

function updateToc(current: string, entries: readonly FolderEntry[], options: IndexOptions): string {
  const eol = detectEol(current);
  const lines = current.split('\n');
  const start = lines.findIndex((l) => TOC_ITEM.test(l));
  let end = start;
  while (end !== -1 && end < lines.length && TOC_ITEM.test(lines[end]!)) end++;
  const prefix = start === -1 ? (options.prefix ?? '') : prefixOf(TOC_ITEM.exec(lines[start]!)![1]!);
  const listed = adrListOrder(entries).filter((e) => e.fileName !== options.indexFileName);
  const items = generateToc(listed, { prefix })
    .split('\n')
    .filter((l) => l.startsWith('* '))
    .map((l) => (eol === '\r\n' ? `${l}\r` : l));
  if (start === -1) {
    // No list yet: it goes at the end, after a blank line.
    const body = current.replace(/(?:\r?\n)*$/, '');
    return items.length === 0 ? current : body + eol + eol + items.map((l) => l.replace(/\r$/, '')).join(eol) + eol;
  }
  return [...lines.slice(0, start), ...items, ...lines.slice(end)].join('\n');
}

/** The directory part of a link (`doc/adr/` of `doc/adr/0001-x.md`). */
function prefixOf(href: string): string {
  const slash = href.lastIndexOf('/');
  return slash === -1 ? '' : href.slice(0, slash + 1);
}
