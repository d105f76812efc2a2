/**
 * The decision digest of a period: what happened to the decisions, what waits for whom, and what
 * was merged without a record. Pure data; `--format json` prints it as is (field order is part of
 * the format: every object is built in the order declared here).
 */
import type { Status } from '../model';
import type { Verdict as ReviewVerdict } from '../review/types';
import type { Verdict as SignoffVerdict } from '../signoff/types';

export const DIGEST_VERSION = 1;

/** A commit as the digest names it. */
export interface DigestCommit {
  readonly commit: string;
  /** Author date, ISO 8601 with the author's offset. */
  readonly date: string;
  readonly author: string;
  readonly subject: string;
  /** The pull request its message (or the merge that brought it in) names: "(#123)", "Merge pull request #123". */
  readonly pr: number | null;
}

export interface DigestRecord {
  readonly id: string;
  readonly number: number | null;
  /** "ADR-0007" or the id. */
  readonly label: string;
  readonly title: string;
  /** Repository-relative path. */
  readonly path: string;
  readonly status: Status;
}

export type DecisionChange = 'proposed' | 'accepted' | 'superseded' | 'deprecated' | 'rejected';

export interface DecisionEvent {
  readonly change: DecisionChange;
  readonly record: DigestRecord;
  /** The status before (null: the record was created with this one). */
  readonly from: Status | null;
  readonly commit: DigestCommit;
}

export interface AwaitingProposal {
  readonly record: DigestRecord;
  /** When it was proposed (from history; else the record's date). */
  readonly since: string | null;
  readonly ageDays: number | null;
  readonly proposedBy: string | null;
  /** Approvals the policy needs to accept it. */
  readonly needed: number;
  readonly approvals: readonly { readonly by: string; readonly date: string | null; readonly verdict: SignoffVerdict; readonly comment: string | null }[];
  readonly approvedBy: readonly string[];
  readonly changesRequestedBy: readonly string[];
  readonly awaited: readonly string[];
}

export interface DueReview {
  readonly record: DigestRecord;
  readonly reviewBy: string;
  readonly state: 'due' | 'overdue';
  /** Days until review-by (negative: overdue by that many). */
  readonly days: number;
}

export interface ArchitecturalChange {
  readonly verdict: ReviewVerdict;
  readonly rule: string;
  readonly ruleTitle: string;
  readonly severity: string;
  readonly path: string;
  readonly subject: string;
  readonly message: string;
  /** The commit of the period that made the change (null when none could be told). */
  readonly commit: DigestCommit | null;
  /** Records that document it (verdict documented). */
  readonly documentedBy: readonly DigestRecord[];
  /** Why it was acknowledged (verdict acknowledged). */
  readonly reason: string | null;
}

export interface DigestConflict {
  readonly message: string;
  readonly path: string;
  readonly subject: string;
  readonly record: DigestRecord;
  readonly commit: DigestCommit | null;
}

export interface GovernedChange {
  readonly record: DigestRecord;
  /** Files it governs that the period's commits changed. */
  readonly files: number;
  readonly paths: readonly string[];
  readonly authors: readonly string[];
  readonly commits: number;
}

export interface Digest {
  readonly version: typeof DIGEST_VERSION;
  readonly period: {
    /** As asked: `7d`, `2024-03-01`, a ref. */
    readonly since: string;
    /** ISO date the period starts on (a ref: its commit's date). */
    readonly from: string | null;
    /** ISO date the period ends on (the until commit's date). */
    readonly to: string | null;
    /** The commit the period's changes are measured from (null: the start of history). */
    readonly base: string | null;
    readonly until: string;
    readonly commits: number;
  };
  readonly decisions: readonly DecisionEvent[];
  readonly awaiting: readonly AwaitingProposal[];
  readonly reviews: readonly DueReview[];
  readonly changes: {
    readonly undocumented: readonly ArchitecturalChange[];
    readonly documented: readonly ArchitecturalChange[];
    readonly acknowledged: readonly ArchitecturalChange[];
  };
  readonly conflicts: readonly DigestConflict[];
  readonly governed: readonly GovernedChange[];
  /** What could not be read (a review problem, history incomplete). */
  readonly notes: readonly string[];
}
