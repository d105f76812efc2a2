/**
 * Reading a record's sign-off in its own dialect (where each lives: see `edit.ts`):
 *
 * - reviewers: front matter `reviewers`, MADR `decision-makers` / `deciders` (front matter in MADR
 *   3/4, `* Deciders:` bullets in MADR 2), a `Reviewers:` / `Deciders:` line or bullet under the title
 *   (Nygard, MADR 2, log4brains); `consulted` is kept apart (never awaited);
 * - approvals: a front matter `approvals:` list of `{by, date, verdict, comment}` items, or the
 *   bullets of an `## Approvals` section (`* Approved by Alice on 2024-03-01: comment`,
 *   `* Changes requested by Bob on 2024-03-02: comment`, `* Reviewed by Carol on 2025-03-01`);
 * - review-by: front matter `review-by` / `expires`, or a `Review-by:` / `Expires:` line or bullet
 *   under the title.
 */
import type { AdrRecord, Section, Span } from '../model';
import { normaliseDate } from '../parse/dates';
import { stringList } from '../parse/frontMatter';
import { forEachLine } from '../parse/lines';
import { uniqueNames } from './names';
import type { Approval, Signoff, Verdict } from './types';

const REVIEW_BY_KEYS = ['review-by', 'review_by', 'reviewby', 'review by', 'expires', 'next-review', 'next review', 'review-date'];
const REVIEWER_KEYS = ['reviewers', 'reviewer'];
/** `Reviewers: a, b`, `* Review-by: 2025-01-01`, `**Expires:** …` under the title. */
const HEADER_LINE = /^(\s*(?:[-*+]\s+)?)(?:\*\*|__)?(review[- _]?by|expires|next[- ]review|review[- ]date|reviewers?)(?:\*\*|__)?\s*:(?:\*\*|__)?[ \t]*(.*?)\s*$/i;
/** An item of an Approvals section. */
export const APPROVAL_ITEM = /^\s*[-*+]\s+(approved|changes requested|reviewed)\s+by\s+(.+?)\s+on\s+(\d{4}-\d{2}-\d{2})(?:\s*:\s*(.*?))?\s*$/i;
export const APPROVALS_HEADING = /^(?:approvals?|sign-?offs?)$/i;

/** A header line the sign-off reads, with the span of its value. */
export interface HeaderLine {
  readonly key: 'review-by' | 'reviewers';
  readonly value: string;
  readonly valueSpan: Span;
  readonly lineSpan: Span;
  readonly bullet: boolean;
}

/** Where the metadata under the title is: from the end of the title line to the first section. */
export function headerSpan(record: AdrRecord): Span {
  const fmEnd = record.frontMatter?.span.end ?? 0;
  const start = record.titleField?.source === 'heading' ? record.titleField.lineSpan.end : fmEnd;
  const next = record.sections.find((s) => s.depth >= 2 && s.headingSpan.start >= start);
  return { start, end: next ? next.headingSpan.start : record.length };
}

/** The sign-off header lines (`Review-by:`, `Reviewers:`) under the title. */
export function headerLines(record: AdrRecord, text: string): HeaderLine[] {
  const out: HeaderLine[] = [];
  const span = headerSpan(record);
  forEachLine(text, span.start, span.end, (l) => {
    if (!l.text.includes(':')) return true;
    const m = HEADER_LINE.exec(l.text);
    if (m) {
      const key = /^reviewers?$/i.test(m[2]!) ? 'reviewers' : 'review-by';
      const value = m[3]!.replace(/\s*<!--[\s\S]*?-->\s*$/, '');
      const start = l.span.start + l.text.trimEnd().length - m[3]!.length;
      out.push({ key, value, valueSpan: { start, end: start + value.length }, lineSpan: l.span, bullet: /[-*+]\s/.test(m[1]!) });
    }
    return true;
  });
  return out;
}

/** The `## Approvals` section, when the record has one. */
export function approvalsSection(record: AdrRecord): Section | undefined {
  return record.sections.find((s) => s.depth >= 2 && APPROVALS_HEADING.test(s.heading.trim()));
}

export function verdictOf(word: string): Verdict {
  const w = word.toLowerCase().replace(/[\s_]+/g, '-');
  return w.startsWith('changes') || w === 'request-changes' || w === 'rejected' ? 'changes-requested' : w === 'reviewed' ? 'reviewed' : 'approved';
}

/** Everything `record` (with its `text`) says about its sign-off. */
export function readSignoff(record: AdrRecord, text: string): Signoff {
  const data = record.frontMatter?.data;
  const fmEntry = (keys: readonly string[]) => record.frontMatter?.entries.find((e) => keys.includes(e.key.toLowerCase()));
  const header = headerLines(record, text);
  const reviewers: string[] = [];
  const rEntry = fmEntry(REVIEWER_KEYS);
  if (data && rEntry) reviewers.push(...stringList(data[rEntry.key]));
  for (const h of header) if (h.key === 'reviewers') reviewers.push(...stringList(h.value));
  reviewers.push(...record.deciders);

  const approvals: Approval[] = [];
  const aEntry = fmEntry(['approvals', 'approved-by', 'approvals-list']);
  if (data && aEntry) {
    const items = data[aEntry.key];
    if (Array.isArray(items)) {
      for (const item of items) {
        if (typeof item === 'string') {
          if (item.trim()) approvals.push({ by: item.trim(), date: null, verdict: 'approved', span: aEntry.span });
          continue;
        }
        if (typeof item !== 'object' || item === null) continue;
        const o = item as Record<string, unknown>;
        const by = typeof o.by === 'string' ? o.by.trim() : typeof o.name === 'string' ? o.name.trim() : '';
        if (!by) continue;
        const comment = typeof o.comment === 'string' && o.comment.trim() ? o.comment.trim() : undefined;
        approvals.push({
          by, date: normaliseDate(o.date), verdict: typeof o.verdict === 'string' ? verdictOf(o.verdict) : 'approved',
          ...(comment !== undefined ? { comment } : {}), span: aEntry.span,
        });
      }
    }
  }
  const section = approvalsSection(record);
  if (section) {
    forEachLine(text, section.bodySpan.start, section.bodySpan.end, (l) => {
      const m = APPROVAL_ITEM.exec(l.text);
      if (m) approvals.push({ by: m[2]!.trim(), date: m[3]!, verdict: verdictOf(m[1]!), ...(m[4] ? { comment: m[4] } : {}), span: l.span });
      return true;
    });
  }

  let reviewBy: string | null = null;
  let reviewBySpan: Span | undefined;
  const rbEntry = fmEntry(REVIEW_BY_KEYS);
  if (data && rbEntry) {
    reviewBy = normaliseDate(data[rbEntry.key]);
    reviewBySpan = rbEntry.valueSpan;
  }
  if (reviewBy === null) {
    const h = header.find((x) => x.key === 'review-by');
    if (h) {
      reviewBy = normaliseDate(h.value);
      reviewBySpan = h.valueSpan;
    }
  }
  return { reviewers: uniqueNames(reviewers), consulted: uniqueNames(record.consulted), approvals, reviewBy, ...(reviewBySpan ? { reviewBySpan } : {}) };
}
