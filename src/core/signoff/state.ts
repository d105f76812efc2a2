/** What a record's sign-off amounts to under a policy on a day: who approved, who is awaited, whether a review is due. */
import type { AdrRecord, Status } from '../model';
import { addPeriod, daysBetween } from './dates';
import { foldName, uniqueNames } from './names';
import type { Approval, Signoff, SignoffPolicy } from './types';

export interface SignoffState {
  /** Approvals needed under the policy for the record's status (0 when its status needs none). */
  readonly needed: number;
  /** Who approved (their latest word), eligible to. */
  readonly approvedBy: readonly string[];
  /** Who asked for changes (their latest word). */
  readonly changesRequestedBy: readonly string[];
  /** Named reviewers (or, without any, the policy's approvers) who have not approved yet. */
  readonly awaited: readonly string[];
  /** True when the approvals suffice (and nobody's latest word asks for changes). */
  readonly satisfied: boolean;
  /** The review date in force: the record's own, else the policy's period after acceptance or the last review. */
  readonly reviewBy: string | null;
  readonly review?: 'due' | 'overdue';
  /** Days until review-by (negative: overdue). */
  readonly reviewInDays?: number;
}

/** "1 of 2 approvals; awaiting Alice; changes requested by Bob": a state in one line (CLI and editor). */
export function signoffSummary(state: Pick<SignoffState, 'approvedBy' | 'needed' | 'awaited' | 'changesRequestedBy'>): string {
  const approved = state.approvedBy.length;
  const parts = [state.needed > 0 ? `${approved} of ${state.needed} approvals` : `${approved} approval${approved === 1 ? '' : 's'}`];
  if (state.awaited.length) parts.push(`awaiting ${state.awaited.join(', ')}`);
  if (state.changesRequestedBy.length) parts.push(`changes requested by ${state.changesRequestedBy.join(', ')}`);
  return parts.join('; ');
}

const NOT_IN_FORCE: readonly Status[] = ['superseded', 'rejected', 'deprecated'];

export interface StateOptions {
  readonly today: string;
  /** The status the record would have (checking an acceptance before it is written); default its own. */
  readonly status?: Status;
  /** When the record was accepted (from history), for the policy's review period. */
  readonly acceptedOn?: string | null;
}

/** The latest word of each person, in written order of their last entry. */
export function latestVerdicts(approvals: readonly Approval[]): Approval[] {
  const last = new Map<string, Approval>();
  for (const a of approvals) {
    const k = foldName(a.by);
    last.delete(k);
    last.set(k, a);
  }
  return [...last.values()];
}

export function signoffState(record: AdrRecord, signoff: Signoff, policy: SignoffPolicy, options: StateOptions): SignoffState {
  const status = options.status ?? record.status;
  const reviewers = signoff.reviewers;
  const folded = new Set(reviewers.map(foldName));
  const allowed = new Set([...policy.approvers, ...folded]);
  const eligible = (name: string) => policy.approvers.length === 0 || allowed.has(foldName(name));
  const latest = latestVerdicts(signoff.approvals.filter((a) => a.verdict !== 'reviewed'));
  const approvedBy = uniqueNames(latest.filter((a) => a.verdict === 'approved' && eligible(a.by)).map((a) => a.by));
  const changesRequestedBy = uniqueNames(latest.filter((a) => a.verdict === 'changes-requested').map((a) => a.by));
  const applies = policy.statuses.includes(status) || (status === 'proposed' && policy.statuses.includes('accepted'));
  const required = policy.required === 'all' ? reviewers.length : policy.required;
  const needed = applies ? required : 0;
  const approved = new Set(approvedBy.map(foldName));
  let awaited = reviewers.filter((r) => !approved.has(foldName(r)));
  if (reviewers.length === 0 && approvedBy.length < needed) awaited = policy.approvers.filter((a) => !approved.has(a));
  // Enough approvals: nobody is waited for any more.
  if (needed > 0 && approvedBy.length >= needed) awaited = [];
  const satisfied = approvedBy.length >= needed && changesRequestedBy.length === 0;

  let reviewBy = signoff.reviewBy;
  if (reviewBy === null) {
    const period = policy.reviewEvery[status];
    const reviews = signoff.approvals.filter((a) => a.verdict === 'reviewed' && a.date).map((a) => a.date!).sort();
    const from = reviews[reviews.length - 1] ?? options.acceptedOn ?? record.date;
    if (period && from) reviewBy = addPeriod(from, period);
  }
  let review: SignoffState['review'];
  let reviewInDays: number | undefined;
  if (reviewBy && !NOT_IN_FORCE.includes(status)) {
    reviewInDays = daysBetween(options.today, reviewBy);
    if (reviewInDays < 0) review = 'overdue';
    else if (options.today >= addPeriod(reviewBy, policy.dueWithin, -1)) review = 'due';
  }
  return { needed, approvedBy, changesRequestedBy, awaited, satisfied, reviewBy, ...(review ? { review } : {}), ...(reviewInDays !== undefined ? { reviewInDays } : {}) };
}
