/**
 * Text from a record shown in a hover or tooltip `MarkdownString`: its code spans (`` `pg` ``)
 * render as code, everything else is escaped and shows as written (no emphasis, links, headings or
 * `$(icon)`s from a repository's text).
 */
import { escapeMarkdown, noIcons } from '../platform/markdownText';

/**
 * `text` as inline Markdown: each CommonMark code span (a run of n backticks up to the next run of
 * exactly n) kept verbatim, with `$(` broken so that it stays literal; backticks without a partner
 * and every other special character escaped.
 */
export function inlineMarkdown(text: string): string {
  let out = '';
  let plain = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '`') {
      plain += text[i];
      i++;
      continue;
    }
    let n = 0;
    while (text[i + n] === '`') n++;
    const close = closingRun(text, i + n, n);
    if (close < 0) {
      plain += text.slice(i, i + n);
      i += n;
      continue;
    }
    out += escapeMarkdown(plain) + noIcons(text.slice(i, close + n));
    plain = '';
    i = close + n;
  }
  return out + escapeMarkdown(plain);
}

/** Where the next run of exactly `n` backticks from `from` starts, or -1. */
function closingRun(text: string, from: number, n: number): number {
  let j = from;
  while (j < text.length) {
    if (text[j] !== '`') {
      j++;
      continue;
    }
    let m = 0;
    while (text[j + m] === '`') m++;
    if (m === n) return j;
    j += m;
  }
  return -1;
}
