/**
 * A small, linear lexer that splits a source text into comment regions (searched for anchors) and
 * string regions (never searched), after `CommentSyntax`. Everything else is code. It looks only
 * at the characters that can open a comment or string, so it costs one pass over the text.
 */
import type { BlockRule, CommentSyntax, StringRule } from './languages';

/** A region searched for anchors: a comment, a docstring, or Markdown prose. */
export const COMMENT = 0;
/** A region never searched: a string literal, or code in Markdown. */
export const STRING = 1;

/**
 * Regions in text order as flat triples `[start, end, kind, start, end, kind, …]` (`kind` is
 * `COMMENT` or `STRING`); text between them is code.
 */
export type Regions = readonly number[];

type Opener =
  | { readonly kind: 'line'; readonly token: string }
  | { readonly kind: 'block'; readonly token: string; readonly rule: BlockRule }
  | { readonly kind: 'string'; readonly token: string; readonly rule: StringRule };

interface Compiled {
  /** Openers by the char code (< 128) of their first character, longest token first. */
  readonly byFirst: readonly (readonly Opener[] | undefined)[];
  /** The distinct first characters, for `indexOf` jumps. */
  readonly firsts: readonly string[];
}

const compiled = new WeakMap<CommentSyntax, Compiled>();

function compile(syntax: CommentSyntax): Compiled {
  let c = compiled.get(syntax);
  if (c) return c;
  const openers: Opener[] = [
    ...syntax.block.map((rule): Opener => ({ kind: 'block', token: rule.open, rule })),
    ...syntax.line.map((token): Opener => ({ kind: 'line', token })),
    ...syntax.strings.map((rule): Opener => ({ kind: 'string', token: rule.open, rule })),
  ].sort((a, b) => b.token.length - a.token.length);
  const byFirst: (Opener[] | undefined)[] = new Array<Opener[] | undefined>(128).fill(undefined);
  for (const o of openers) {
    const code = o.token.charCodeAt(0);
    if (code >= 128) continue;
    (byFirst[code] ??= []).push(o);
  }
  const firsts = [...new Set(openers.map((o) => o.token[0]!).filter((ch) => ch.charCodeAt(0) < 128))];
  c = { byFirst, firsts };
  compiled.set(syntax, c);
  return c;
}

/**
 * Comment and string regions of `text`, up to `limit` (regions starting before it are complete).
 * Unterminated comments and multi-line strings run to the end of the text; a single-line string
 * ends at the line break.
 */
export function scanRegions(text: string, syntax: CommentSyntax, limit = text.length): Regions {
  if (syntax.prose) return proseRegions(text, limit);
  const { byFirst, firsts } = compile(syntax);
  const out: number[] = [];
  const n = text.length;
  // Next position of each opener's first character (-2: not looked up yet, -1: none left). The
  // lexer jumps from one to the next with `indexOf`, which is far faster than visiting every char.
  const next = new Array<number>(firsts.length).fill(-2);
  let i = 0;
  outer: while (i < limit) {
    let at = -1;
    for (let k = 0; k < firsts.length; k++) {
      let p = next[k]!;
      if (p !== -1 && p < i) next[k] = p = text.indexOf(firsts[k]!, i);
      if (p >= 0 && (at < 0 || p < at)) at = p;
    }
    if (at < 0 || at >= limit) break;
    i = at;
    const candidates = byFirst[text.charCodeAt(i)]!;
    for (const o of candidates) {
      if (o.token.length > 1 && !text.startsWith(o.token, i)) continue;
      if (o.kind === 'line') {
        if (syntax.lineNeedsSpace && i > 0 && !isSpaceBefore(text.charCodeAt(i - 1))) continue;
        const end = lineEnd(text, i);
        out.push(i, end, COMMENT);
        i = end;
        continue outer;
      }
      if (o.kind === 'block') {
        if (o.rule.atLineStart && !atLineStart(text, i)) continue;
        const end = blockEnd(text, i, o.rule, syntax.nested === true);
        out.push(i, end, COMMENT);
        i = end;
        continue outer;
      }
      const rule = o.rule;
      let start = i;
      if (rule.boundary && i > 0 && isWord(text.charCodeAt(i - 1))) {
        start = prefixStart(text, i, rule.prefixes);
        if (start < 0) continue;
      }
      const end = stringEnd(text, i + rule.open.length, rule, n);
      if (end < 0) continue;
      out.push(start, end, rule.docAtLineStart && atLineStart(text, start) ? COMMENT : STRING);
      i = end;
      continue outer;
    }
    i++;
  }
  return out;
}

function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

/** White space, or a shell separator: `a;# x` is a comment, `a#b` and `$#` are not. */
function isSpaceBefore(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 59 || c === 12;
}

function lineEnd(text: string, from: number): number {
  const e = text.indexOf('\n', from);
  return e < 0 ? text.length : e;
}

/** Only spaces or tabs between the previous line break and `i`. */
function atLineStart(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (c === 10) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Where a quote preceded by a word starts, when that word is an allowed prefix (`rb'…'`); else -1. */
function prefixStart(text: string, quote: number, prefixes: readonly string[] | undefined): number {
  if (!prefixes) return -1;
  let j = quote;
  while (j > 0 && quote - j < 3 && isWord(text.charCodeAt(j - 1))) j--;
  if (j > 0 && isWord(text.charCodeAt(j - 1))) return -1;
  return prefixes.includes(text.slice(j, quote).toLowerCase()) ? j : -1;
}

function blockEnd(text: string, start: number, rule: BlockRule, nested: boolean): number {
  const { open, close } = rule;
  if (rule.atLineStart) {
    // Ruby `=end` / Perl `=cut` close only at the start of a line.
    const at = text.indexOf(`\n${close}`, start + open.length);
    return at < 0 ? text.length : lineEnd(text, at + 1);
  }
  if (!nested) {
    const at = text.indexOf(close, start + open.length);
    return at < 0 ? text.length : at + close.length;
  }
  let depth = 1;
  let i = start + open.length;
  while (i < text.length) {
    if (text.startsWith(close, i)) {
      i += close.length;
      if (--depth === 0) return i;
    } else if (text.startsWith(open, i)) {
      i += open.length;
      depth++;
    } else {
      i++;
    }
  }
  return text.length;
}

/** End of a string literal whose body starts at `from`, or -1 when the quote opens no literal. */
function stringEnd(text: string, from: number, rule: StringRule, n: number): number {
  const close = rule.close;
  const first = close.charCodeAt(0);
  const esc = rule.escape !== undefined ? rule.escape.charCodeAt(0) : -1;
  const max = rule.maxLength !== undefined ? from + rule.maxLength : n;
  let j = from;
  while (j < n) {
    if (j > max) return -1;
    const c = text.charCodeAt(j);
    if (c === esc) {
      j += 2;
      continue;
    }
    if (c === first && (close.length === 1 || text.startsWith(close, j))) {
      if (rule.doubled && text.startsWith(close, j + close.length)) {
        j += 2 * close.length;
        continue;
      }
      return j + close.length;
    }
    if (c === 10 && !rule.multiline) return rule.maxLength !== undefined ? -1 : j;
    j++;
  }
  return rule.maxLength !== undefined ? -1 : n;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Markdown: fenced code blocks and code spans are `STRING` regions; the rest is prose. */
function proseRegions(text: string, limit: number): Regions {
  const out: number[] = [];
  let p = 0;
  while (p < limit && p < text.length) {
    const e = lineEnd(text, p);
    const line = text.slice(p, e);
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      let q = e + 1;
      let end = text.length;
      while (q < text.length) {
        const qe = lineEnd(text, q);
        const t = text.slice(q, qe).trimStart();
        if (t.startsWith(marker) && isRunOf(t.slice(marker.length).trimEnd(), marker.charCodeAt(0))) {
          end = qe;
          break;
        }
        q = qe + 1;
      }
      out.push(p, end, STRING);
      p = end + 1;
      continue;
    }
    codeSpans(line, p, out);
    p = e + 1;
  }
  return out;
}

function isRunOf(s: string, code: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== code) return false;
  return true;
}

/** Code spans on one line: a run of N backticks up to the next run of exactly N. */
function codeSpans(line: string, offset: number, out: number[]): void {
  let i = line.indexOf('`');
  while (i >= 0) {
    let k = i;
    while (k < line.length && line.charCodeAt(k) === 96) k++;
    const run = k - i;
    let j = line.indexOf('`', k);
    let closed = -1;
    while (j >= 0) {
      let m = j;
      while (m < line.length && line.charCodeAt(m) === 96) m++;
      if (m - j === run) {
        closed = m;
        break;
      }
      j = line.indexOf('`', m);
    }
    if (closed < 0) return;
    out.push(offset + i, offset + closed, STRING);
    i = line.indexOf('`', closed);
  }
}
