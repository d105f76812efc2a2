/**
 * Writing a record's status where its dialect keeps it, changing as few bytes as possible:
 *
 * - front matter (MADR 3/4): the `status:` scalar, in the quoting style it was written in; a missing
 *   key is added as the last entry; a record without front matter gets one;
 * - bullets (MADR 2, log4brains): the value of `* Status:` / `- Status:` (a trailing `<!-- ... -->` is
 *   kept); a missing bullet goes first in the header list, or below the title;
 * - Nygard: the status line of `## Status` (link lines around it untouched); a missing section is
 *   added before the first `##` heading;
 * - a table cell (`| Status | Accepted |`), a blockquote (`> Status: x`), a `**Status:** x` label or a
 *   status label in the title heading: in place.
 */
import type { AdrRecord, Span, Status, TextEdit } from '../model';
import { endsWithBlankLine, isBlank, lineAt, lineEndOf, nextLineStart } from './lines';
import { quoteStyleOf, yamlScalar } from './yaml';
import { cleanStatusText, normaliseStatus } from '../parse/status';
import { letters, withoutLeadingNonLetters } from '../letters';

/** Where a record keeps (or would keep) its status. */
export type StatusHome = 'front-matter' | 'bullet' | 'section';

/** Where `record`'s status lives, or where its dialect would put a missing one. */
export function statusHome(record: AdrRecord): StatusHome {
  const f = record.statusField;
  if (f) {
    if (f.source === 'front-matter') return 'front-matter';
    if (f.source === 'section') return 'section';
    return 'bullet';
  }
  switch (record.dialect) {
    case 'madr3':
    case 'madr4':
      return 'front-matter';
    case 'madr2':
    case 'log4brains':
      return 'bullet';
    case 'nygard':
      return 'section';
    case 'unknown':
      return record.frontMatter ? 'front-matter' : 'section';
  }
}

/**
 * A status word written the way the record writes statuses: lower-case when its current status (or,
 * without one, its dialect: MADR, log4brains) is lower-case, else capitalised as Nygard does.
 */
export function formatStatus(record: AdrRecord, status: Exclude<Status, 'unknown'>): string {
  return matchCase(record, status);
}

/** `phrase` with its first letter in the case the record's statuses use. */
export function matchCase(record: AdrRecord, phrase: string): string {
  const current = withoutLeadingNonLetters(record.statusText);
  let lower: boolean;
  if (current !== '') lower = current[0] === current[0]!.toLowerCase();
  else lower = record.dialect !== 'nygard' && record.dialect !== 'unknown';
  const first = phrase.charAt(0);
  return (lower ? first.toLowerCase() : first.toUpperCase()) + phrase.slice(1);
}

/**
 * Edits that make `record`'s status read `value` (written verbatim, e.g. "Accepted" or "superseded
 * by [x](x.md)"), where the record states it: a front-matter scalar, a bullet, a `Status:` line or
 * label, a table cell, a blockquote, the Status section. A record that states its status in several
 * places ("Accepted" and a later "Superceded by …") gets each statement that disagrees rewritten,
 * so it says one thing; none gets a second status (new front matter, a new section) added.
 */
export function setStatusEdits(record: AdrRecord, text: string, value: string): TextEdit[] {
  const main = singleStatusEdits(record, text, value);
  const statements = record.statusStatements ?? [];
  if (statements.length < 2) return main;
  const want = normaliseStatus(cleanStatusText(value));
  // A superseded statement outweighs the others when read: the record already says one thing.
  if (want === 'superseded') return main;
  const out = [...main];
  for (const s of statements) {
    if (s.status === want || s.status === 'unknown' || s.value === '') continue;
    if (out.some((e) => e.start < s.span.end && s.span.start < e.end) || (s.span.start === record.statusField?.span.start)) continue;
    // A statement inside prose ("Refined and superseded for … by [ADR 17]. Keep this ADR as …") is
    // the author's sentence: rewriting its words would garble it. Only statements that are a line
    // of their own (a value, a label's value, a "Superseded by [..](..)" line) are rewritten.
    if (s.source !== 'front-matter' && !standsAlone(text, s)) continue;
    out.push({ start: s.span.start, end: s.span.end, newText: s.source === 'front-matter' ? yamlScalar(value, quoteStyleOf(text.slice(s.span.start, s.span.end))) : value });
  }
  return out;
}

const LABEL_BEFORE = letters(/^(?:[-*+]\s+|>\s*)*(?:\*\*)?[\p{L} _-]+:(?:\*\*)?$/u);

/** True when a statement is all of its line (after a label or bullet) and its paragraph is that line. */
function standsAlone(text: string, s: { readonly span: Span; readonly lineSpan: Span }): boolean {
  const before = text.slice(s.lineSpan.start, s.span.start).trim();
  if (before !== '' && !LABEL_BEFORE(before).test(before)) return false;
  const after = text.slice(s.span.end, Math.max(s.span.end, s.lineSpan.end)).trim();
  if (after !== '' && !/^(?:\[[^\]]*\]\([^)]*\)|\[[^\]]*\])?[.\s]*$/.test(after)) return false;
  // The next line is blank or the end: the paragraph is this one line.
  const next = text.slice(s.lineSpan.end).replace(/^\r?\n/, '');
  return next === '' || /^[ \t]*(?:\r?\n|$)/.test(next) || /^(?:#|[-*+]\s|\|)/.test(next);
}

function singleStatusEdits(record: AdrRecord, text: string, value: string): TextEdit[] {
  const f = record.statusField;
  if (!f) {
    switch (statusHome(record)) {
      case 'front-matter':
        return [newFrontMatterEntry(record, text, value)];
      case 'bullet':
        return [newStatusBullet(record, text, value)];
      case 'section':
        return [newStatusSection(record, text, value)];
    }
  }
  if (f.source === 'front-matter') return [frontMatterValue(text, f.span, value)];
  if (f.source === 'section' && !isInlineHeading(record, f)) {
    const edit = statusSectionEdit(record, text, value);
    if (edit) return [edit];
  }
  if (f.span.start === f.span.end) {
    // `- Status:` with nothing after it.
    const pad = /[ \t]$/.test(text.slice(0, f.span.start)) ? '' : ' ';
    return [{ start: f.span.start, end: f.span.end, newText: pad + value }];
  }
  if (f.source === 'heading' && !/^(?:super[sc]eded|replaced|deprecated)\s+by\b/i.test(value)) {
    // adr-log's `# Superseded by [ADR-31] Title`: a plain word is written `[Deprecated]` so it reads back.
    return [{ start: f.span.start, end: f.span.end, newText: `[${value.replace(/^\[|\]$/g, '')}]` }];
  }
  return [{ start: f.span.start, end: f.span.end, newText: value }];
}

/** The status line of a `## Status` section rewritten, or a status paragraph put before its link lines. */
function statusSectionEdit(record: AdrRecord, text: string, value: string): TextEdit | undefined {
  const f = record.statusField!;
  if (f.value === '' && f.span.start === f.span.end) return intoEmptyStatusSection(record, text, value);
  const line = firstStatusLine(record, text);
  if (!line) return undefined;
  // A later statement is the one in force ("Accepted⏎⏎Superceded by [..](..)"): edit that one.
  if ((record.statusStatements?.length ?? 0) > 1 && f.span.start > line.valueEnd) return { start: f.span.start, end: f.span.end, newText: value };
  if (isLinkLine(record, line.start) && !isSupersededLine(record, line.start)) {
    // Only relation lines ("Amends [..](..)"): the status becomes a paragraph of its own above them.
    return { start: line.start, end: line.start, newText: `${value}${record.eol}${record.eol}` };
  }
  return { start: line.valueStart, end: line.valueEnd, newText: value };
}

/** True when a relation link line (`Amends [..](..)`) starts at `lineStart`. */
export function isLinkLine(record: AdrRecord, lineStart: number): boolean {
  return record.relations.some((r) => r.source === 'link-line' && r.span.start === lineStart);
}

function frontMatterValue(text: string, span: { start: number; end: number }, value: string): TextEdit {
  const written = text.slice(span.start, span.end);
  if (written === '') {
    const pad = /[ \t]$/.test(text.slice(0, span.start)) ? '' : ' ';
    return { start: span.start, end: span.end, newText: pad + yamlScalar(value) };
  }
  return { start: span.start, end: span.end, newText: yamlScalar(value, quoteStyleOf(written)) };
}

function newFrontMatterEntry(record: AdrRecord, text: string, value: string): TextEdit {
  const fm = record.frontMatter;
  const eol = record.eol;
  if (!fm) {
    return { start: 0, end: 0, newText: `---${eol}status: ${yamlScalar(value)}${eol}---${eol}` };
  }
  // A `status` key the parser could not read as text (a list, a map): rewrite that entry whole.
  const existing = fm.entries.find((e) => e.key.toLowerCase() === 'status');
  if (existing) return { start: existing.span.start, end: existing.span.end, newText: `${existing.key}: ${yamlScalar(value)}` };
  // The closing fence starts at `contentSpan.end`; a new last entry goes just before it.
  const at = fm.contentSpan.end;
  const lead = at > 0 && text[at - 1] !== '\n' ? eol : '';
  return { start: at, end: at, newText: `${lead}status: ${yamlScalar(value)}${eol}` };
}

function intoEmptyStatusSection(record: AdrRecord, text: string, value: string): TextEdit {
  const eol = record.eol;
  const field = record.statusField!;
  // The parser puts an empty section's status at the start of the line after the heading.
  const at = field.span.start;
  if (at === field.lineSpan.end) return { start: at, end: at, newText: `${eol}${eol}${value}${eol}` };
  // `## Status⏎` + `⏎value⏎` + the blank line that followed, or one before a heading right below.
  const tail = at < text.length && !isBlank(lineAt(text, at)) ? eol : '';
  return { start: at, end: at, newText: `${eol}${value}${eol}${tail}` };
}

/** True for a status written in its heading (`## Status: Accepted`). */
function isInlineHeading(record: AdrRecord, f: NonNullable<AdrRecord['statusField']>): boolean {
  return f.value !== '' && record.sections.some((x) => x.headingSpan.start === f.lineSpan.start);
}

/**
 * The status line of a Nygard `## Status` section: its first line with content (HTML comments
 * skipped). We look for it ourselves rather than take the parser's choice, which prefers a prose
 * line to a leading "Superceded by [..](..)": rewriting that prose would lose it.
 */
function firstStatusLine(record: AdrRecord, text: string): { start: number; valueStart: number; valueEnd: number } | undefined {
  const section = record.sections.find((x) => x.depth >= 2 && /^status$/i.test(x.heading.trim()));
  if (!section) return undefined;
  for (let at = section.bodySpan.start; at < section.bodySpan.end; ) {
    const end = lineEndOf(text, at);
    const line = text.slice(at, end);
    if (!isBlank(line) && !/^\s*<!--.*-->\s*$/.test(line)) {
      const lead = line.length - line.trimStart().length;
      return { start: at, valueStart: at + lead, valueEnd: at + line.trimEnd().length };
    }
    const next = nextLineStart(text, at);
    if (next === at) break;
    at = next;
  }
  return undefined;
}

function isSupersededLine(record: AdrRecord, lineStart: number): boolean {
  return record.relations.some((r) => r.source === 'link-line' && r.span.start === lineStart && r.type === 'superseded-by');
}

function newStatusSection(record: AdrRecord, text: string, value: string): TextEdit {
  const eol = record.eol;
  const titleStart = record.titleField?.lineSpan.start ?? -1;
  const next = record.sections.find((s) => s.depth >= 2 && s.headingSpan.start > titleStart);
  const block = `## Status${eol}${eol}${value}${eol}`;
  if (next) {
    const at = next.headingSpan.start;
    return { start: at, end: at, newText: (endsWithBlankLine(text, at) ? '' : eol) + block + eol };
  }
  const at = text.length;
  const lead = at === 0 || endsWithBlankLine(text, at) ? '' : text.endsWith('\n') ? eol : eol + eol;
  return { start: at, end: at, newText: lead + block };
}

const META_BULLET = /^([ \t]*[-*+][ \t]+)(?:\*\*|__)?[A-Za-z][A-Za-z -]{0,30}(?:\*\*|__)?[ \t]*:/;

function newStatusBullet(record: AdrRecord, text: string, value: string): TextEdit {
  const eol = record.eol;
  const headerStart = record.titleField?.source === 'heading' ? record.titleField.lineSpan.end : record.frontMatter?.span.end ?? 0;
  const firstH2 = record.sections.find((s) => s.depth >= 2 && s.headingSpan.start >= headerStart);
  const headerEnd = firstH2 ? firstH2.headingSpan.start : text.length;
  for (let at = nextLineStart(text, headerStart); at < headerEnd; at = nextLineStart(text, at)) {
    const m = META_BULLET.exec(text.slice(at, lineEndOf(text, at)));
    if (m) return { start: at, end: at, newText: `${m[1]}Status: ${value}${eol}` };
    if (nextLineStart(text, at) === at) break;
  }
  const marker = record.dialect === 'log4brains' ? '-' : '*';
  if (record.titleField?.source === 'heading') {
    const at = record.titleField.lineSpan.end;
    return { start: at, end: at, newText: `${eol}${eol}${marker} Status: ${value}` };
  }
  const at = record.frontMatter?.span.end ?? 0;
  return { start: at, end: at, newText: `${marker} Status: ${value}${eol}${eol}` };
}
