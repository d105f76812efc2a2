/**
 * What the editor says of a record's history (core `readHistory`), as plain text: the line a hover
 * and a tooltip show ("Accepted 2024-03-02 by Alice (abc1234)"), the month a record was decided,
 * and the items of Show Decision History. Pure: no vscode (unit-tested in plain Node).
 */
import type { HistoryEvent, RecordHistory } from '../core/history';
import type { Status } from '../core/model';

const short = (commit: string) => commit.slice(0, 7);
const day = (date: string) => date.slice(0, 10);
const who = (e: HistoryEvent) => e.author || e.email || '?';

/** `Accepted` for a status as written (`accepted` when not written): the first letter capitalised. */
function statusName(text: string | null | undefined, status: Status | undefined): string {
  const written = (text ?? '').trim();
  // As written when it is a word or two ("Accepted", "Approved"); a sentence with a link is its status.
  const s = written && written.length <= 24 && !/[[\]()\n]/.test(written) ? written : status || written || 'unknown';
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The commit that gave the record its current status: the newest status change, else its creation. */
export function statusEvent(h: RecordHistory): HistoryEvent | undefined {
  const changes = h.statusChanges;
  if (changes.length > 0) return changes[changes.length - 1];
  return h.created && !h.created.shallowBoundary ? h.created : undefined;
}

/** "Accepted 2024-03-02 by Alice (abc1234)": who set the current status, when; undefined without history. */
export function statusLine(h: RecordHistory): string | undefined {
  const e = statusEvent(h);
  if (!e) return undefined;
  return `${statusName(e.statusText, e.status)} ${day(e.date)} by ${who(e)} (${short(e.commit)})`;
}

/** The day (`YYYY-MM-DD`) the record was decided, from its history: when it got its current status. */
export function decidedOn(h: RecordHistory | undefined): string | undefined {
  const e = h && statusEvent(h);
  return e ? day(e.date) : undefined;
}

/** One commit of a record's history, for the quick pick (newest first). */
export interface HistoryItem {
  readonly label: string;
  readonly description: string;
  readonly detail: string;
  readonly event: HistoryEvent;
  /** The version before this commit (the previous event's blob; none for the creation). */
  readonly before: { readonly blob: string; readonly path: string } | undefined;
  /** The version after it (none for a deletion). */
  readonly after: { readonly blob: string; readonly path: string } | undefined;
}

/** What a commit did to the record, in words: `created (proposed)`, `Proposed → Accepted`, `renamed from a.md`. */
export function changeText(e: HistoryEvent): string {
  const parts: string[] = [];
  if (e.change === 'created') parts.push(e.shallowBoundary ? 'already there (oldest commit of a shallow clone)' : 'created');
  else if (e.change === 'renamed') parts.push(`renamed from ${e.oldPath ?? '?'}`);
  else if (e.change === 'deleted') parts.push('deleted');
  else parts.push('edited');
  if (e.statusFrom !== undefined) parts.push(`${statusName(e.statusFromText, e.statusFrom)} → ${statusName(e.statusText, e.status)}`);
  else if (e.change === 'created' && e.status) parts.push(statusName(e.statusText, e.status));
  for (const r of e.relationsAdded ?? []) if (e.change !== 'created') parts.push(`${r.verb} ${r.target}`);
  if (e.merge) parts.push('in a merge');
  return parts.join(' · ');
}

/** The record's commits, newest first, each with the versions to compare. */
export function historyItems(h: RecordHistory): HistoryItem[] {
  const items: HistoryItem[] = [];
  let previous: HistoryEvent | undefined;
  for (const e of h.events) {
    const before = previous?.blob ? { blob: previous.blob, path: previous.path } : undefined;
    const after = e.change !== 'deleted' && e.blob ? { blob: e.blob, path: e.path } : undefined;
    items.push({
      label: `${short(e.commit)} ${e.subject}`,
      description: `${day(e.date)} · ${who(e)}`,
      detail: changeText(e),
      event: e,
      before,
      after,
    });
    previous = e;
  }
  return items.reverse();
}
