/** Line-level reading inside a span: metadata lines (`* Status: x`, `Date: y`) with exact spans. */
import type { Span } from '../model';

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

const KNOWN_KEYS = new Set([
  'status', 'date', 'deciders', 'decision-makers', 'decision makers', 'decider', 'consulted', 'informed', 'tags',
  'technical story', 'last updated', 'last-modified',
]);
const META = /^(\s*(?:[-*+]\s+)?)(\*\*|__)?([A-Za-z][A-Za-z -]{0,30}?)(?:\*\*|__)?\s*:(?:\*\*|__)?[ \t]*(.*)$/;

export interface MetadataLine {
  readonly key: string;
  readonly value: string;
  readonly valueSpan: Span;
  readonly bullet: boolean;
}

/** Reads `* Status: accepted <!-- optional -->` as key `status`, value `accepted` (comment excluded). */
export function metadataLine(_text: string, line: Line): MetadataLine | undefined {
  // "Date 09/04/2018" (colon forgotten) is common enough in Nygard records to accept.
  const m = META.exec(line.text) ?? /^(\s*)()(Date)[ \t]+(\d.*)$/i.exec(line.text);
  if (!m) return undefined;
  const key = m[3]!.trim().toLowerCase();
  if (!KNOWN_KEYS.has(key)) return undefined;
  const raw = m[4]!;
  const valueStart = line.span.start + line.text.length - raw.length;
  const value = raw.replace(/\s*<!--[\s\S]*?-->\s*$/, '').trimEnd();
  return { key, value, valueSpan: { start: valueStart, end: valueStart + value.length }, bullet: /^\s*[-*+]\s/.test(m[1]!) };
}
