/**
 * Where each dialect writes relation lines (`Supercedes [1. First](0001-first.md)`), as text edits:
 *
 * - `status-section` (Nygard / adr-tools): a new paragraph at the end of the `## Status` section,
 *   i.e. `LINE⏎⏎` just before the next heading, as adr-tools' `_adr_add_link` does.
 * - `links-section` (MADR 2, log4brains, and MADR 3/4 too): a bullet appended to the list under
 *   `## Links`; without such a section, `⏎## Links⏎⏎- LINE⏎` at the end of the file (log4brains'
 *   `addLink`). MADR 3/4 dropped the Links section for free text under "More Information", but a
 *   Links list is what every reader (and our parser) recognises as relations, so we keep writing it.
 */
import type { Section, TextEdit } from '../model';
import { endsWithBlankLine, isBlank, lastNonBlankLine, lineAt, lineEndOf } from './lines';
import { findSection, frontMatterEnd, nextHeadingStart } from './sections';
import { yamlScalar } from './yaml';

/**
 * Where a dialect writes relation lines; `front-matter-links` is a front matter `links:` list of
 * `{rel, target}` maps (joshrotenberg/adrs "ng" mode), see `insertFrontMatterLinks`.
 */
export type RelationPlacement = 'status-section' | 'links-section' | 'front-matter-links';

/** What placement needs to know about a document: its text, sections and line break. */
export interface DocShape {
  readonly text: string;
  readonly sections: readonly Section[];
  readonly eol: '\n' | '\r\n';
  /** Offset where a new section may be appended when none fits (default: end of text). */
  readonly appendAt?: number;
}

const BULLET = /^([ \t]*)([-*+])([ \t]+)/;

/**
 * One edit inserting `lines` (without bullet markers) where `placement` says. `undefined` when there
 * is nothing to insert, or for `status-section` when the document has no Status section.
 */
export function insertRelationLines(
  doc: DocShape,
  placement: RelationPlacement,
  lines: readonly string[],
  defaultMarker: '-' | '*' = '*',
): TextEdit | undefined {
  if (lines.length === 0) return undefined;
  if (placement === 'status-section') return insertInStatusSection(doc, lines);
  if (placement === 'front-matter-links') placement = 'links-section'; // callers with targets use insertFrontMatterLinks
  const section = findSection(doc.sections, ['links']);
  return section ? appendBullets(doc, section, lines, defaultMarker) : appendSection(doc, 'Links', lines, defaultMarker);
}

function insertInStatusSection(doc: DocShape, lines: readonly string[]): TextEdit | undefined {
  const { text, eol } = doc;
  const status = findSection(doc.sections, ['status']);
  if (!status) return undefined;
  const at = nextHeadingStart(doc.sections, status, text.length);
  const body = lines.map((l) => l + eol).join(eol);
  if (at < text.length) {
    // Before a heading: `LINE⏎⏎` per line, after making sure a blank line separates it from the text above.
    const lead = endsWithBlankLine(text, at) ? '' : eol;
    return { start: at, end: at, newText: lead + body + eol };
  }
  return { start: at, end: at, newText: paragraphLead(text, at, eol) + body };
}

/** What to put before a new paragraph at `at` (end of text) so that a blank line precedes it. */
function paragraphLead(text: string, at: number, eol: string): string {
  if (at === 0 || endsWithBlankLine(text, at)) return '';
  return text.endsWith('\n') ? eol : eol + eol;
}

function appendBullets(doc: DocShape, section: Section, lines: readonly string[], defaultMarker: string): TextEdit {
  const { text, eol } = doc;
  const last = lastNonBlankLine(text, section.bodySpan.start, section.bodySpan.end);
  const lastLine = last ? text.slice(last.start, last.end) : undefined;
  const bullet = lastLine !== undefined ? BULLET.exec(lastLine) ?? firstBullet(text, section) : undefined;
  const marker = bullet ? `${bullet[1]}${bullet[2]}${bullet[3]}` : `${defaultMarker} `;
  const items = lines.map((l) => marker + l);
  if (last && lastLine !== undefined && BULLET.test(lastLine)) {
    // Continue the list: one new line after its last item.
    return { start: last.end, end: last.end, newText: items.map((i) => eol + i).join('') };
  }
  if (last) {
    // The section has prose but no list to continue: a new list after a blank line.
    return { start: last.end, end: last.end, newText: eol + eol + items.join(eol) };
  }
  // Empty section: the list goes one blank line below the heading.
  const headingEnd = lineEndOf(text, section.headingSpan.start);
  const atEof = headingEnd === text.length;
  const newText = eol + eol + items.join(eol) + (atEof ? eol : '');
  return { start: headingEnd, end: headingEnd, newText };
}

function firstBullet(text: string, section: Section): RegExpExecArray | null {
  for (let at = section.bodySpan.start; at < section.bodySpan.end; ) {
    const m = BULLET.exec(lineAt(text, at));
    if (m) return m;
    const nl = text.indexOf('\n', at);
    if (nl === -1) break;
    at = nl + 1;
  }
  return null;
}

function appendSection(doc: DocShape, title: string, lines: readonly string[], marker: string): TextEdit {
  const { text, eol } = doc;
  const at = doc.appendAt ?? text.length;
  const block = `## ${title}${eol}${eol}` + lines.map((l) => `${marker} ${l}${eol}`).join('');
  if (at < text.length) {
    const lead = endsWithBlankLine(text, at) ? '' : eol;
    return { start: at, end: at, newText: lead + block + eol };
  }
  return { start: at, end: at, newText: paragraphLead(text, at, eol) + block };
}

/** True when a line of a section body is a relation line `verb [label](target)` for `target`. */
export function hasRelationLine(text: string, section: Section | undefined, verb: string, target: string): boolean {
  if (!section) return false;
  const body = text.slice(section.bodySpan.start, section.bodySpan.end);
  const want = `${verb} [`.toLowerCase();
  return body.split('\n').some((raw) => {
    const line = raw.replace(BULLET, '').trim().toLowerCase();
    return !isBlank(line) && line.startsWith(want) && line.includes(`](${target.toLowerCase()})`);
  });
}

/** One item of a front matter `links:` list. */
export interface FrontMatterLink {
  readonly rel: string;
  /** A record number, or a relative file when the record has none. */
  readonly target: number | string;
}

/** The `links:` entry of `text`'s front matter: where it is and how its items are written. */
function linksEntry(text: string): { keyEnd: number; rest: string; restStart: number; blockEnd: number; indent: string; relKey: string } | undefined {
  const fmEnd = frontMatterEnd(text);
  if (fmEnd === 0) return undefined;
  const m = /^links[ \t]*:([ \t]*)([^\r\n]*?)[ \t]*\r?$/m.exec(text.slice(0, fmEnd));
  if (!m) return undefined;
  const keyEnd = m.index + 'links'.length + m[0].slice('links'.length).indexOf(':') + 1;
  const restStart = keyEnd + m[1]!.length;
  let blockEnd = lineEndOf(text, m.index);
  let indent = '  ';
  let relKey = 'rel';
  let first = true;
  // The block below the key: indented lines (or `- ` items at the key's column).
  for (let at = text.indexOf('\n', blockEnd) + 1; at > 0 && at < fmEnd; ) {
    const end = lineEndOf(text, at);
    const line = text.slice(at, end);
    if (!/^(?:[ \t]+\S|-[ \t])/.test(line)) break;
    const item = /^([ \t]*)-[ \t]+(rel|kind|type|target)[ \t]*:/.exec(line);
    if (item && first) {
      indent = item[1]!;
      if (item[2] !== 'target') relKey = item[2]!;
      first = false;
    } else if (item === null && /^[ \t]+(rel|kind|type)[ \t]*:/.test(line)) {
      relKey = /^[ \t]+(rel|kind|type)/.exec(line)![1]!;
    }
    blockEnd = end;
    const nl = text.indexOf('\n', end);
    if (nl === -1) break;
    at = nl + 1;
  }
  return { keyEnd, rest: m[2]!, restStart, blockEnd, indent, relKey };
}

/** True when `text` has a front matter `links:` entry that takes `{rel, target}` items (empty, or already a list of maps). */
export function hasFrontMatterLinks(text: string): boolean {
  const e = linksEntry(text);
  return e !== undefined && (e.rest === '[]' || (e.rest === '' && e.blockEnd > e.keyEnd));
}

/** The edit adding `items` to the front matter `links:` list, in its style; undefined when there is none to extend. */
export function insertFrontMatterLinks(text: string, eol: '\n' | '\r\n', items: readonly FrontMatterLink[]): TextEdit | undefined {
  const e = linksEntry(text);
  if (!e || items.length === 0) return undefined;
  const block = (indent: string, key: string) =>
    items.map((i) => `${eol}${indent}- ${key}: ${yamlScalar(i.rel)}${eol}${indent}  target: ${typeof i.target === 'number' ? i.target : yamlScalar(i.target)}`).join('');
  if (e.rest === '[]') return { start: e.keyEnd, end: e.restStart + 2, newText: block('  ', 'rel') };
  if (e.rest === '' && e.blockEnd > e.keyEnd) return { start: e.blockEnd, end: e.blockEnd, newText: block(e.indent, e.relKey) };
  return undefined;
}
