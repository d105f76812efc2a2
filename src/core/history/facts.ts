/**
 * What the history needs of one version of a record (its title, status and relations), and the cheap
 * road to it: most commits to a record edit its prose (a Context paragraph, a Consequence), which
 * changes none of these. `carriesFacts(prev, next)` tells, from the two texts alone, that `next`
 * differs from `prev` only in lines no fact is read from; then `next` has `prev`'s facts and is not
 * parsed at all. Anything it cannot prove falls back to the full parse (`factsOf`).
 *
 * The proof follows the parser's line scanner (`parse/structure.ts`, the mode records are parsed
 * in) and `parse/record.ts`: facts come from the front matter, the headings, the lines between the
 * title and the next heading, the bodies of a Status and a Links section, one-line reference
 * definitions (`[x]: y`) and the file's name. So `prev` must have no front matter, fences, setext
 * underlines or multi-line comments (then its headings are exactly its ATX lines, and stay so), the
 * changed lines on both sides must be plain prose (not a heading, fence, underline, comment marker or
 * anything with a bracket), after the record's second heading (past the title's metadata), and in no
 * section whose heading could be a Status or Links heading (any heading with markup, accents, or
 * "sta"/"situa"/"link" in it counts as one). A unit test checks the shortcut against the full parse
 * on edits of every line of every corpus file.
 */
import type { RelationType } from '../model';
import { parseRecord, type ParseContext } from '../parse/record';
import type { BlobFacts, RelationFact } from './types';

/** The facts of one version, read with the full parser. */
export function factsOf(text: string, ctx: ParseContext): BlobFacts {
  const r = parseRecord(text, ctx);
  return {
    title: r.title, status: r.status, statusText: r.statusText,
    relations: dedupe(r.relations.map((x) => ({ type: x.type as RelationType, verb: x.verb, target: x.target }))),
  };
}

export const relationKey = (r: RelationFact): string => `${r.type}\0${r.target.toLowerCase()}`;

function dedupe(rs: RelationFact[]): RelationFact[] {
  const seen = new Set<string>();
  return rs.filter((r) => (seen.has(relationKey(r)) ? false : (seen.add(relationKey(r)), true)));
}

// The scanner's own patterns (parse/structure.ts), on a line without its `\r`.
const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(?:`{3,}|~{3,})/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** A fence, a setext underline (front matter's `---` is one) or the start of a multi-line comment, anywhere. */
const COMPLEX = /^ {0,3}(?:`{3}|~{3}|(?:=+|-+)[ \t]*\r?$)|^[^\S\n]*<!--(?![^\n]*-->)/m;
/** An ATX heading, with its depth and content. */
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]([^\n]*)|\r?$)/;
/** A heading whose section cannot be a Status or Links section: plain ASCII, no markup, none of their words. */
const PLAIN_HEADING = /^[ -~]*$/;
const SUSPECT = /[<>&\\`*_[\]!]|sta|situa|link/i;

/** A version's text as `carriesFacts` compares the next one against it. */
export interface FactsText {
  readonly text: string;
  /** False when the text has a construct the shortcut does not follow (front matter, a fence, a setext heading, a multi-line comment). */
  readonly simple: boolean;
}

export function factsText(text: string): FactsText {
  return { text, simple: !COMPLEX.test(text) };
}

/** A changed line no fact can depend on (`line` without its line break). */
function inert(line: string): boolean {
  const l = line.endsWith('\r') ? line.slice(0, -1) : line;
  return !ATX.test(l) && !FENCE.test(l) && !SETEXT.test(l) && !l.includes('[') && !l.includes(']') && !l.includes('<!--') && !l.includes('-->');
}

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/**
 * True when `next` provably has the same title, status and relations as `prev` (both parsed with
 * the same file name and collection): the lines that differ are inert prose in a section no fact
 * is read from.
 */
export function carriesFacts(prev: FactsText, next: string): boolean {
  const a = prev.text;
  if (a === next) return true;
  if (!prev.simple) return false;
  // a = head + changedA + tail, next = head + changedB + tail; head ends a line, tail starts one (or is empty).
  const max = Math.min(a.length, next.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === next.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === next.charCodeAt(next.length - 1 - s)) s++;
  const head = a.lastIndexOf('\n', p - 1) + 1;
  const changedA = a.slice(head, lineEnd(a, a.length - s)).split('\n');
  const changedB = next.slice(head, lineEnd(next, next.length - s)).split('\n');
  // Lines that are not inert prose (headings, links…) must be the same, in the same order, on both
  // sides; the prose between them may differ only where no fact is read from.
  const structureA = changedA.flatMap((l, i) => (inert(l) ? [] : [i]));
  const structureB = changedB.flatMap((l, i) => (inert(l) ? [] : [i]));
  if (structureA.length !== structureB.length || structureA.some((i, k) => changedA[i] !== changedB[structureB[k]!])) return false;
  // The sections open at each place (the headings before it, nested by depth).
  const open: { depth: number; plain: boolean }[] = [];
  let headings = 0;
  const heading = (line: string): void => {
    const m = HEADING.exec(line);
    if (!m) return;
    headings++;
    const depth = m[1]!.length;
    while (open.length > 0 && open[open.length - 1]!.depth >= depth) open.pop();
    const content = (m[2] ?? '').replace(/\r$/, '');
    open.push({ depth, plain: PLAIN_HEADING.test(content) && !SUSPECT.test(content) });
  };
  // The headings before the change (a line that is one starts with at most three spaces and a `#`).
  for (let at = 0; at < head;) {
    const end = lineEnd(a, at);
    let i = at;
    while (i < at + 3 && a.charCodeAt(i) === 32) i++;
    if (a.charCodeAt(i) === 35) heading(a.slice(at, end));
    at = end + 1;
  }
  let fromA = 0;
  let fromB = 0;
  for (let k = 0; k <= structureA.length; k++) {
    const toA = structureA[k] ?? changedA.length;
    const toB = structureB[k] ?? changedB.length;
    const same = toA - fromA === toB - fromB && changedA.slice(fromA, toA).every((l, i) => l === changedB[fromB + i]);
    if (!same && !(headings >= 2 && open.every((o) => o.plain))) return false;
    if (k < structureA.length) heading(changedA[toA]!);
    fromA = toA + 1;
    fromB = toB + 1;
  }
  return true;
}
