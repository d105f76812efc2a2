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
import { findSection, nextHeadingStart } from './sections';

/** Where a dialect writes relation lines. */
export type RelationPlacement = 'status-section' | 'links-section';

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
