/**
 * `governs` written as a line under the title, where Nygard / adr-tools records keep it (front
 * matter before the H1 would break adr-tools' `generate toc`, which reads the title with `head -1`):
 *
 *     # 12. Use PostgreSQL
 *
 *     Date: 2024-03-01
 *
 *     Governs: `src/db/**`, `migrations/*.sql`
 *
 * Code spans keep `*` and `_` literal in rendered Markdown; a plain comma-separated list is read too.
 * Only lines between the title and the first section count (not the Status section, where adr-tools
 * reads links).
 */
import type { Span } from '../model';

const LINE = /^[ \t]{0,3}(?:[-*+][ \t]+)?(?:\*\*|__)?Governs(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*(.*?)[ \t]*$/i;

/** A `Governs:` line: its globs and the span of the whole line. */
export interface GovernsLine {
  readonly globs: readonly string[];
  readonly lineSpan: Span;
  /** Where the value ends (before trailing spaces): new globs are appended there. */
  readonly valueEnd: number;
}

/** The `Governs:` lines of `text[start, end)`. */
export function governsLines(text: string, start: number, end: number): GovernsLine[] {
  const out: GovernsLine[] = [];
  let at = start;
  while (at < end) {
    let nl = text.indexOf('\n', at);
    if (nl === -1 || nl > end) nl = end;
    const lineEnd = nl > at && text[nl - 1] === '\r' ? nl - 1 : nl;
    const line = text.slice(at, lineEnd);
    const m = LINE.exec(line);
    if (m) out.push({ globs: readGlobs(m[1]!), lineSpan: { start: at, end: lineEnd }, valueEnd: at + line.trimEnd().length });
    at = nl + 1;
  }
  return out;
}

/** `` `a/**`, `b` `` or `a/**, b` → globs. */
export function readGlobs(value: string): string[] {
  const spans = [...value.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.trim());
  if (spans.length > 0) return spans.filter(Boolean);
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}
