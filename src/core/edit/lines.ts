/** Small line helpers over raw text (offsets are UTF-16, line breaks `\n` or `\r\n`). */

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the end of the content of the line holding `offset` (before `\r\n` / `\n`). */
export function lineEndOf(text: string, offset: number): number {
  let nl = text.indexOf('\n', offset);
  if (nl === -1) return text.length;
  if (nl > 0 && text.charCodeAt(nl - 1) === 13) nl--;
  return Math.max(nl, offset);
}

/** Offset just after the line break ending the line holding `offset` (text length on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** The content of the line holding `offset`, without its line break. */
export function lineAt(text: string, offset: number): string {
  return text.slice(lineStartOf(text, offset), lineEndOf(text, offset));
}

/** True for an empty or whitespace-only line. */
export function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

/** Start offsets of the lines in `[start, end)`; a line is included when it starts before `end`. */
export function lineStartsIn(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  let at = lineStartOf(text, start);
  while (at < end) {
    out.push(at);
    const next = nextLineStart(text, at);
    if (next === at) break;
    at = next;
  }
  return out;
}

/** The last non-blank line in `[start, end)`, as its `[start, end)` content span, or undefined. */
export function lastNonBlankLine(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let found: { start: number; end: number } | undefined;
  for (const s of lineStartsIn(text, start, end)) {
    if (s < start) continue;
    const e = lineEndOf(text, s);
    if (!isBlank(text.slice(s, e))) found = { start: s, end: e };
  }
  return found;
}

/** True when `text` up to `offset` ends with a blank line (or is empty), i.e. a new paragraph may start there. */
export function endsWithBlankLine(text: string, offset: number): boolean {
  const before = text.slice(0, offset);
  if (before === '') return true;
  return /\n[ \t]*\r?\n$/.test(before) || /^[ \t]*\r?\n$/.test(before);
}
