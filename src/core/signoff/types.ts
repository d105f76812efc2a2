/** Sign-off of decision records: who reviews, who approved, when a decision is due for review. Pure data. */
import type { Span, Status } from '../model';

/** What one reviewer said: approved, asked for changes, or reviewed an accepted decision again. */
export type Verdict = 'approved' | 'changes-requested' | 'reviewed';

export interface Approval {
  readonly by: string;
  /** ISO `YYYY-MM-DD`, or null when the record's date could not be read. */
  readonly date: string | null;
  readonly verdict: Verdict;
  readonly comment?: string;
  /** The line (or front matter item) it was read from. */
  readonly span: Span;
}

/** A period: months and days (12 months, 90 days). */
export interface Period {
  readonly months: number;
  readonly days: number;
}

/** Everything a record says about its sign-off, in its own dialect. */
export interface Signoff {
  /** Who must review it: `reviewers`, decision makers / deciders (in written order, deduplicated). */
  readonly reviewers: readonly string[];
  /** Who is consulted (MADR `consulted`): shown, never awaited. */
  readonly consulted: readonly string[];
  /** Approvals, requests for changes and reviews, in written order. */
  readonly approvals: readonly Approval[];
  /** `review-by:` / `expires:` as ISO, or null. */
  readonly reviewBy: string | null;
  /** Where review-by is written (the value), when it is. */
  readonly reviewBySpan?: Span;
}

/** A collection's sign-off policy (`signoff:` in `.adr-workbench.yml`). */
export interface SignoffPolicy {
  /** Approvals a record needs: a count, or `all` (every named reviewer). 0: none needed. */
  readonly required: number | 'all';
  /** Who may approve (folded names); empty: anyone, and always the record's own reviewers. */
  readonly approvers: readonly string[];
  /** The statuses that need the approvals (default: accepted). */
  readonly statuses: readonly Status[];
  /** How long a decision of a status stays in force before its review is due. */
  readonly reviewEvery: Readonly<Partial<Record<Status, Period>>>;
  /** How long before review-by a review shows as due (default 30 days). */
  readonly dueWithin: Period;
}

export const DEFAULT_POLICY: SignoffPolicy = {
  required: 0,
  approvers: [],
  statuses: ['accepted'],
  reviewEvery: {},
  dueWithin: { months: 0, days: 30 },
};

/** The period `mark-reviewed` moves review-by on by when the policy names none. */
export const DEFAULT_REVIEW_PERIOD: Period = { months: 12, days: 0 };
