/**
 * How a record is named and its status worded wherever a person reads it (tree rows, pickers,
 * hovers, CodeLens, the review panel): one label, one reference and one status wording, each
 * written with the collection's own number padding (`numberText`, as in the file name).
 * Plain text: callers that render `$(icon)` syntax or Markdown escape it themselves.
 */
import type { AdrRecord, Status } from './model';
import { STATUSES } from './model';
import { inlinePlain } from './parse/structure';

type Named = Pick<AdrRecord, 'number' | 'numberText' | 'title' | 'id'>;

/** The number as the collection writes it: `0007` (the file name's padding), else `7`. */
function numberOf(r: Pick<AdrRecord, 'number' | 'numberText'>): string | undefined {
  return r.number === null ? undefined : r.numberText ?? String(r.number);
}

/** "0007. Use PostgreSQL" (the title alone for records without a number): lists, pickers, tree rows. */
export function recordLabel(r: Named): string {
  const n = numberOf(r);
  return n !== undefined ? `${n}. ${r.title}` : r.title;
}

/** "ADR-0007" (the record's id for records without a number): how code and prose name a record. */
export function recordReference(r: Pick<AdrRecord, 'number' | 'numberText' | 'id'>): string {
  const n = numberOf(r);
  return n !== undefined ? `ADR-${n}` : r.id;
}

/** "ADR-0007 Use PostgreSQL" (the title alone for records without a number): where a record is named from code. */
export function referenceLabel(r: Named): string {
  return r.number !== null ? `${recordReference(r)} ${r.title}` : r.title;
}

export const STATUS_LABEL: Readonly<Record<Status, string>> = {
  proposed: 'Proposed', draft: 'Draft', accepted: 'Accepted', superseded: 'Superseded', deprecated: 'Deprecated', rejected: 'Rejected', unknown: 'No status',
};

/** The status in one word ("Superseded"). */
export function statusWord(r: Pick<AdrRecord, 'status'>): string {
  return STATUS_LABEL[r.status] ?? STATUS_LABEL.unknown;
}

/** The status as a person reads it: the record's words without Markdown ("Superseded by 12. Use X"). */
export function statusDisplay(r: Pick<AdrRecord, 'status' | 'statusText'>): string {
  return r.statusText ? inlinePlain(r.statusText) : statusWord(r);
}

/** "Accepted · 2024-01-31" */
export function statusAndDate(r: Pick<AdrRecord, 'status' | 'statusText' | 'date'>): string {
  return [statusDisplay(r), r.date].filter(Boolean).join(' · ');
}

/** The six statuses offered in pickers, capitalised. */
export const STATUS_CHOICES: readonly string[] = STATUSES.filter((s): s is Exclude<Status, 'unknown'> => s !== 'unknown')
  .map((s) => s.charAt(0).toUpperCase() + s.slice(1));
