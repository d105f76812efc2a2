/** Line-level reading inside a span: metadata lines (`* Status: x`, `Date: y`) with exact spans. */
import type { Span } from '../model';
import { letters } from '../letters';

export interface Line {
  /** The line's content, without its line break. */
  readonly text: string;
  readonly span: Span;
}

/** Calls `fn` for each line of `text[start, end)`; stops when `fn` returns false. */
export function forEachLine(text: string, start: number, end: number, fn: (line: Line) => boolean): void {
  let at = start;
  while (at < end) {
    let nl = text.indexOf('\n', at);
    if (nl === -1 || nl >= end) nl = end;
    let lineEnd = nl;
    if (lineEnd > at && text[lineEnd - 1] === '\r') lineEnd--;
    if (!fn({ text: text.slice(at, lineEnd), span: { start: at, end: lineEnd } })) return;
    at = nl + 1;
  }
}

/**
 * Metadata keys as people write them (any case, with or without accents, in a few languages) →
 * the key the parser uses.
 */
const KEY_ALIASES: Record<string, string> = {
  status: 'status', statut: 'status', estado: 'status', estatus: 'status', stato: 'status', situacao: 'status', 'status da decisao': 'status',
  date: 'date', data: 'date', fecha: 'date', datum: 'date', 'date of submission': 'date', 'submission date': 'date', 'decision date': 'date',
  'date of decision': 'date', 'date de decision': 'date', 'data da decisao': 'date',
  deciders: 'deciders', decideurs: 'deciders', decisores: 'deciders', 'decision-makers': 'decision-makers', 'decision makers': 'decision makers',
  decider: 'decider', 'entscheider': 'deciders',
  consulted: 'consulted', consultes: 'consulted', consultados: 'consulted', informed: 'informed', informes: 'informed', informados: 'informed',
  tags: 'tags', etiquetas: 'tags', 'technical story': 'technical story',
  'last updated': 'last updated', 'last-modified': 'last-modified', updated: 'last updated', atualizacao: 'last updated', 'mise a jour': 'last updated',
};

/** `Statut`, `Décideurs`, `DATE` → `status`, `deciders`, `date`; undefined for keys metadata has no use for. */
export function metadataKey(key: string): string | undefined {
  return KEY_ALIASES[foldKey(key)];
}

/** Lower-case, accents removed, inner spaces collapsed. */
export function foldKey(key: string): string {
  const ascii = /^[\x00-\x7f]*$/.test(key);
  return (ascii ? key : key.normalize('NFD').replace(/\p{M}+/gu, '')).toLowerCase().replace(/\s+/g, ' ').trim();
}

const META = letters(/^(\s*(?:>[ \t]?)*\s*(?:[-*+]\s+)?)(\*\*|__)?(\p{L}[\p{L} -]{0,30}?)(?:\*\*|__)?\s*:(?:\*\*|__)?[ \t]*(.*)$/u);

export interface MetadataLine {
  readonly key: string;
  readonly value: string;
  readonly valueSpan: Span;
  readonly bullet: boolean;
  /** Written in a blockquote (`> Status: Accepted`). */
  readonly quoted?: boolean;
}

/** Reads `* Status: accepted <!-- optional -->` as key `status`, value `accepted` (comment excluded). */
export function metadataLine(_text: string, line: Line): MetadataLine | undefined {
  // "Date 09/04/2018" (colon forgotten) is common enough in Nygard records to accept.
  // Cheap refusal first: a metadata line has a colon (or is "Date 09/04/2018").
  if (!line.text.includes(':') && !/^\s*date\s/i.test(line.text)) return undefined;
  const m = META(line.text).exec(line.text) ?? /^(\s*)()(Date)[ \t]+(\d.*)$/i.exec(line.text);
  if (!m) return undefined;
  const key = metadataKey(m[3]!);
  if (!key) return undefined;
  const raw = m[4]!;
  const valueStart = line.span.start + line.text.length - raw.length;
  const value = raw.replace(/\s*<!--[\s\S]*?-->\s*$/, '').trimEnd();
  const quoted = /^\s*>/.test(m[1]!);
  return { key, value, valueSpan: { start: valueStart, end: valueStart + value.length }, bullet: /[-*+]\s/.test(m[1]!), ...(quoted ? { quoted } : {}) };
}

/**
 * Metadata in Markdown tables: key/value rows (`| Status | Accepted |`) or a header row naming the
 * columns (`| ID | Status | Date |`) whose first data row holds the values. `lines` are consecutive
 * prose lines; rows are lines starting with `|` (after an optional `>`).
 */
export function tableMetadata(text: string, lines: readonly Line[]): MetadataLine[] {
  const out: MetadataLine[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isRow(lines[i]!)) { i++; continue; }
    const rows: Line[] = [];
    while (i < lines.length && isRow(lines[i]!) && (rows.length === 0 || lines[i]!.span.start === nextLineStart(text, rows[rows.length - 1]!))) rows.push(lines[i++]!);
    out.push(...readTable(rows));
  }
  return out;
}

/** Where the line after `l` starts (after its `\n` or `\r\n`). */
export function nextLineStart(text: string, l: Line): number {
  return l.span.end + (text[l.span.end] === '\r' ? 2 : 1);
}

function isRow(l: Line): boolean {
  return /^\s*(?:>\s?)*\s*\|/.test(l.text);
}

interface Cell {
  readonly text: string;
  readonly span: Span;
}

function cellsOf(l: Line): Cell[] {
  const cells: Cell[] = [];
  const t = l.text;
  let at = t.indexOf('|') + 1;
  while (at <= t.length) {
    let end = at;
    while (end < t.length && t[end] !== '|') end += t[end] === '\\' ? 2 : 1;
    if (end >= t.length && t.slice(at).trim() === '') break; // after the closing pipe
    const raw = t.slice(at, Math.min(end, t.length));
    const lead = raw.length - raw.trimStart().length;
    const value = raw.trim();
    cells.push({ text: value, span: { start: l.span.start + at + lead, end: l.span.start + at + lead + value.length } });
    at = end + 1;
  }
  return cells;
}

const SEPARATOR = /^:?-{1,}:?$/;
const plainCell = (s: string) => s.replace(/(\*\*|__)(.+?)\1/g, '$2').replace(/[*_`]/g, '').replace(/:$/, '').trim();

function readTable(rows: readonly Line[]): MetadataLine[] {
  const grid = rows.map(cellsOf);
  const isSep = (cells: Cell[]) => cells.length > 0 && cells.every((c) => SEPARATOR.test(c.text.replace(/\s/g, '')));
  const out: MetadataLine[] = [];
  const quoted = /^\s*>/.test(rows[0]!.text);
  const field = (key: string, c: Cell): MetadataLine => ({ key, value: c.text, valueSpan: c.span, bullet: false, ...(quoted ? { quoted } : {}) });
  const header = grid[0]!;
  const hasSep = grid.length > 1 && isSep(grid[1]!);
  const data = grid.filter((r, i) => !(hasSep && i === 1) && !isSep(r));
  const keyValueRows = data.filter((r) => r.length >= 2 && metadataKey(plainCell(r[0]!.text)) !== undefined);
  const headerKeys = header.map((c) => metadataKey(plainCell(c.text)));
  if (hasSep && keyValueRows.filter((r) => r !== header).length === 0 && headerKeys.some((k) => k !== undefined) && grid.length > 2) {
    // A header row naming the columns: the first data row holds the values.
    const first = grid[2]!;
    headerKeys.forEach((k, i) => { if (k && first[i]) out.push(field(k, first[i]!)); });
    return out;
  }
  for (const r of keyValueRows) out.push(field(metadataKey(plainCell(r[0]!.text))!, r[1]!));
  return out;
}
