/**
 * Sign-off edits, planned as minimal text edits (never re-serialising the record), where each dialect
 * keeps them:
 *
 * | dialect | approvals | review-by |
 * | --- | --- | --- |
 * | MADR 3 / 4, log4brains, any record with front matter | `approvals:` block list in front matter, one flow mapping per item: `- {by: Alice, date: 2024-03-01, comment: LGTM}` (`verdict: changes-requested` / `reviewed` when not an approval) | `review-by: 2025-03-01` in front matter |
 * | Nygard / adr-tools, MADR 2, generic | an `## Approvals` section at the end of the record (signatures go last), one bullet per entry: `* Approved by Alice on 2024-03-01: LGTM` | a `Review-by: 2025-03-01` line under the `Date:` line (Nygard) or a `* Review-by:` bullet after the metadata bullets (MADR 2) |
 *
 * adr-tools reads a record's title from its first line and its links from the Status section: both
 * stay untouched. A log4brains record without front matter gets one (as `governs` does).
 */
import type { AdrRecord, TextEdit } from '../model';
import { dialectOfRecord } from '../dialects';
import { isSafePlain, yamlScalar } from '../edit/yaml';
import { lineEndOf } from '../edit/lines';
import { forEachLine } from '../parse/lines';
import { approvalsSection, headerLines, headerSpan, APPROVAL_ITEM } from './read';
import type { Verdict } from './types';

export interface ApprovalEntry {
  readonly by: string;
  /** ISO `YYYY-MM-DD`. */
  readonly date: string;
  readonly verdict: Verdict;
  readonly comment?: string;
}

/** True when the record keeps its sign-off in front matter. */
export function signoffInFrontMatter(record: AdrRecord): boolean {
  return record.frontMatter !== undefined || record.dialect === 'madr3' || record.dialect === 'madr4' || record.dialect === 'log4brains';
}

/** A scalar inside a YAML flow mapping: plain when safe there too, else double-quoted. */
function flowScalar(v: string): string {
  return isSafePlain(v) && !/[,[\]{}]/.test(v) ? v : JSON.stringify(v);
}

/** One line of text: line breaks in a comment become spaces. */
const oneLine = (s: string): string => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();

function yamlItem(a: ApprovalEntry): string {
  const parts = [`by: ${flowScalar(oneLine(a.by))}`, `date: ${a.date}`];
  if (a.verdict !== 'approved') parts.push(`verdict: ${a.verdict}`);
  if (a.comment && oneLine(a.comment)) parts.push(`comment: ${flowScalar(oneLine(a.comment))}`);
  return `{${parts.join(', ')}}`;
}

const WORDS: Record<Verdict, string> = { approved: 'Approved', 'changes-requested': 'Changes requested', reviewed: 'Reviewed' };

function bulletItem(a: ApprovalEntry, bullet: string): string {
  const comment = a.comment ? oneLine(a.comment) : '';
  return `${bullet} ${WORDS[a.verdict]} by ${oneLine(a.by)} on ${a.date}${comment ? `: ${comment}` : ''}`;
}

/** Edits that record `entry` (an approval, a request for changes, a review) in `record`. */
export function approvalEdits(record: AdrRecord, text: string, entry: ApprovalEntry): TextEdit[] {
  const eol = record.eol;
  if (signoffInFrontMatter(record)) return frontMatterEntry(record, text, 'approvals', null, yamlItem(entry));
  const bullet = dialectOfRecord(record.dialect).wording.bullet;
  const line = bulletItem(entry, bullet);
  const section = approvalsSection(record);
  if (section) {
    // After the section's last item (or right under its heading).
    let after: number | undefined;
    forEachLine(text, section.bodySpan.start, section.bodySpan.end, (l) => {
      if (APPROVAL_ITEM.test(l.text) || /^\s*[-*+]\s/.test(l.text)) after = l.span.end;
      return true;
    });
    if (after !== undefined) return [{ start: after, end: after, newText: `${eol}${line}` + (after === text.length ? eol : '') }];
    const at = section.headingSpan.end;
    return [{ start: at, end: at, newText: `${eol}${eol}${line}` + (at === text.length ? eol : '') }];
  }
  // A new last section.
  const trimmed = text.replace(/[ \t\r\n]*$/, '').length;
  const tail = text.slice(trimmed);
  const block = `## Approvals${eol}${eol}${line}${eol}`;
  if (trimmed === 0) return [{ start: 0, end: text.length, newText: block }];
  // Keep what ends the file; add the blank line a new section needs.
  const breaks = (tail.match(/\n/g) ?? []).length;
  const lead = breaks >= 2 ? '' : breaks === 1 ? eol : eol + eol;
  return [{ start: text.length, end: text.length, newText: `${lead}${block}` }];
}

/** Edits that set the record's review-by date to `date`. */
export function reviewByEdits(record: AdrRecord, text: string, date: string): TextEdit[] {
  const eol = record.eol;
  const fm = record.frontMatter;
  if (fm) {
    const e = fm.entries.find((x) => ['review-by', 'review_by', 'expires', 'next-review', 'review-date'].includes(x.key.toLowerCase()));
    if (e) {
      if (e.valueSpan) return text.slice(e.valueSpan.start, e.valueSpan.end) === date ? [] : [{ start: e.valueSpan.start, end: e.valueSpan.end, newText: date }];
      return [{ start: e.span.end, end: e.span.end, newText: ` ${date}` }];
    }
  }
  const existing = headerLines(record, text).find((h) => h.key === 'review-by');
  if (existing && !fm) {
    if (existing.value === date) return [];
    return [{ start: existing.valueSpan.start, end: existing.valueSpan.end, newText: date }];
  }
  if (signoffInFrontMatter(record)) return frontMatterEntry(record, text, 'review-by', date, null);
  const header = headerSpan(record);
  // MADR 2: after the metadata bullets.
  const bullets: number[] = [];
  forEachLine(text, header.start, header.end, (l) => {
    if (/^\s*[-*+]\s+\S[^:]*:/.test(l.text)) bullets.push(l.span.end);
    else if (bullets.length > 0 && l.text.trim() === '') return false;
    return true;
  });
  const bullet = dialectOfRecord(record.dialect).wording.bullet;
  if (bullets.length > 0) {
    const at = bullets[bullets.length - 1]!;
    return [{ start: at, end: at, newText: `${eol}${bullet} Review-by: ${date}` + (at === text.length ? eol : '') }];
  }
  // Nygard: a paragraph of its own after the Date line, else after the title.
  const d = record.dateField && record.dateField.source === 'line' && record.dateField.lineSpan.start >= header.start && record.dateField.lineSpan.end <= header.end ? record.dateField : undefined;
  const after = d ? lineEndOf(text, d.lineSpan.start) : record.titleField?.source === 'heading' ? record.titleField.lineSpan.end : undefined;
  const line = `Review-by: ${date}`;
  if (after !== undefined) return [{ start: after, end: after, newText: `${eol}${eol}${line}` + (after === text.length ? eol : '') }];
  return [{ start: 0, end: 0, newText: `${line}${eol}${eol}` }];
}

/** Marks the record reviewed by `by` on `today`: a `reviewed` entry, and review-by moved on to `next`. */
export function markReviewedEdits(record: AdrRecord, text: string, by: string, today: string, next: string, comment?: string): TextEdit[] {
  return mergeInserts([...reviewByEdits(record, text, next), ...approvalEdits(record, text, { by, date: today, verdict: 'reviewed', ...(comment ? { comment } : {}) })]);
}

/** Inserts at one offset joined into one edit (in order), so that a plan never holds two edits at one place. */
export function mergeInserts(edits: readonly TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && last.start === e.start && last.end === last.start && e.end === e.start) out[out.length - 1] = { ...last, newText: last.newText + e.newText };
    else out.push(e);
  }
  return out;
}

/**
 * A front matter entry: `key: scalar` (scalar) or `key:` with `item` appended to its block list.
 * An existing entry is extended; a missing one is added as the last entry; a record without front
 * matter gets some, before its first line.
 */
function frontMatterEntry(record: AdrRecord, text: string, key: string, scalar: string | null, item: string | null): TextEdit[] {
  const eol = record.eol;
  const fm = record.frontMatter;
  const content = scalar !== null ? `${key}: ${yamlScalar(scalar)}` : `${key}:${eol}  - ${item}`;
  if (!fm) return [{ start: 0, end: 0, newText: `---${eol}${content}${eol}---${eol}` + (text.startsWith('#') || text === '' ? '' : eol) }];
  const entry = item !== null ? fm.entries.find((e) => e.key.toLowerCase() === key) : undefined;
  if (entry) {
    const written = text.slice(entry.span.start, entry.span.end);
    const indent = /\n([ \t]*)-\s/.exec(written)?.[1];
    if (indent !== undefined) return [{ start: entry.span.end, end: entry.span.end, newText: `${eol}${indent}- ${item}` }];
    if (!entry.valueSpan) return [{ start: entry.span.end, end: entry.span.end, newText: `${eol}  - ${item}` }];
    const value = text.slice(entry.valueSpan.start, entry.valueSpan.end);
    const flow = /^\[([\s\S]*)\]$/.exec(value);
    // `approvals: []` or `[{…}]`: one more item in the flow list; a scalar becomes the list's first item.
    if (flow) return [{ start: entry.valueSpan.end - 1, end: entry.valueSpan.end - 1, newText: `${flow[1]!.trim() ? ', ' : ''}${item}` }];
    return [{ start: entry.valueSpan.start, end: entry.valueSpan.end, newText: `[${value}, ${item}]` }];
  }
  const at = fm.contentSpan.end;
  const before = text.slice(fm.contentSpan.start, at);
  const lead = before === '' || before.endsWith('\n') ? '' : eol;
  return [{ start: at, end: at, newText: `${lead}${content}${eol}` }];
}
