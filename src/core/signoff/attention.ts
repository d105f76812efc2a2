/**
 * What needs someone's attention in a record's sign-off today: a proposal waiting for approvals (its
 * age, who approved, who is awaited), changes someone asked for, a review due or overdue. The
 * editor's "Needs attention" group, its status bar count and the digest's awaiting / reviews read it.
 */
import type { AdrRecord, Status } from '../model';
import { daysBetween } from './dates';
import { foldName } from './names';
import { signoffState, type SignoffState } from './state';
import type { Signoff, SignoffPolicy } from './types';

/** One status change as the history tells it (a `HistoryEvent`'s fields the sign-off needs). */
export interface StatusEventLike {
  readonly change: string;
  readonly status?: Status;
  readonly statusFrom?: Status;
  /** ISO 8601 (the commit's author date). */
  readonly date: string;
  readonly author: string;
}

export interface StatusEntry {
  /** ISO `YYYY-MM-DD`. */
  readonly date: string;
  readonly author: string;
  /** The event itself (the digest names its commit). */
  readonly index: number;
}

/** When a record last became proposed (a draft counts) and accepted, from its history (oldest first). */
export function statusDates(events: readonly StatusEventLike[]): { readonly proposed?: StatusEntry; readonly accepted?: StatusEntry } {
  let proposed: StatusEntry | undefined;
  let accepted: StatusEntry | undefined;
  events.forEach((e, index) => {
    const became = e.change === 'created' ? e.status : e.statusFrom !== undefined ? e.status : undefined;
    const entry = { date: e.date.slice(0, 10), author: e.author, index };
    if (became === 'proposed' || became === 'draft') proposed = entry;
    else if (became === 'accepted') accepted = entry;
  });
  return { ...(proposed ? { proposed } : {}), ...(accepted ? { accepted } : {}) };
}

export type AttentionKind = 'changes-requested' | 'awaiting' | 'review-overdue' | 'review-due';

export interface RecordAttention {
  /** Why the record needs attention, most pressing first (empty: it needs none). */
  readonly kinds: readonly AttentionKind[];
  readonly state: SignoffState;
  /** A proposal: since when (history, else the record's date), how old, approvals needed to accept it. */
  readonly proposal?: { readonly since: string | null; readonly ageDays: number | null; readonly needed: number };
}

export interface AttentionOptions {
  readonly today: string;
  /** When the record last became proposed (history); default its date. */
  readonly proposedOn?: string | null;
  /** When it was accepted (history), for the policy's review period. */
  readonly acceptedOn?: string | null;
}

/** Statuses whose requests for changes still matter (the decision is open, or in force). */
const OPEN: readonly Status[] = ['proposed', 'draft', 'accepted'];

/** The record's attention under `policy` today. */
export function recordAttention(record: AdrRecord, signoff: Signoff, policy: SignoffPolicy, o: AttentionOptions): RecordAttention {
  const state = signoffState(record, signoff, policy, { today: o.today, acceptedOn: o.acceptedOn ?? null });
  const kinds: AttentionKind[] = [];
  if (OPEN.includes(record.status) && state.changesRequestedBy.length > 0) kinds.push('changes-requested');
  let proposal: RecordAttention['proposal'];
  if (record.status === 'proposed') {
    const since = o.proposedOn ?? record.date;
    proposal = { since, ageDays: since ? daysBetween(since, o.today) : null, needed: signoffState(record, signoff, policy, { today: o.today, status: 'accepted' }).needed };
    if (state.changesRequestedBy.length === 0) kinds.push('awaiting');
  }
  if (state.review === 'overdue') kinds.push('review-overdue');
  else if (state.review === 'due') kinds.push('review-due');
  return { kinds, state, ...(proposal ? { proposal } : {}) };
}

/** Who the current user is, as git says (`user.name`, `user.email`). */
export interface Person {
  readonly name?: string;
  readonly email?: string;
}

/**
 * True when `name` (as a record writes it: `Alice Smith`, `@alice`, `alice@x.org`) is `person`:
 * the same folded name, or the e-mail's address or its local part.
 */
export function isPerson(name: string, person: Person): boolean {
  const folded = foldName(name);
  if (!folded) return false;
  const mail = /<([^>]+)>/.exec(name)?.[1]?.trim().toLowerCase() ?? (/^[^\s@]+@[^\s@]+$/.test(name.trim()) ? name.trim().toLowerCase() : undefined);
  const email = person.email?.trim().toLowerCase();
  if (email && mail && mail === email) return true;
  if (person.name && foldName(person.name) === folded) return true;
  if (email && (folded === email || folded === email.split('@')[0])) return true;
  return false;
}

/** True when the proposal waits for `person`'s approval. */
export function awaits(a: RecordAttention, person: Person): boolean {
  return a.proposal !== undefined && a.state.awaited.some((n) => isPerson(n, person));
}
