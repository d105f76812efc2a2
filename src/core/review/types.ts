/** The review's data: the change read from git, rules, findings and verdicts. Pure data. */
import type { Severity } from '../model';
import type { Hunk } from './diffParse';

/** Which change to review. */
export type ReviewScope =
  /** Staged, unstaged and untracked changes against HEAD (the working change). */
  | { readonly kind: 'working' }
  /** What the next commit would hold: the index against HEAD. */
  | { readonly kind: 'staged' }
  /** Everything since the merge base of `ref` and HEAD, committed or not (what a pull request shows). */
  | { readonly kind: 'base'; readonly ref: string }
  /**
   * The commits of a range, committed only: the tree of `to` against `from` (a commit, or the empty
   * tree), neither the index nor the work tree looked at (the digest's merged changes of a period).
   */
  | { readonly kind: 'range'; readonly from: string; readonly to: string };

/** A repository and the state it is in. */
export interface RepositoryInfo {
  /** Absolute `/` path of the work tree's top folder. */
  readonly root: string;
  /** Absolute path of the git folder. */
  readonly gitDir: string;
  /** The commit HEAD points at; undefined in a repository without commits. */
  readonly head: string | undefined;
  /** The branch checked out; undefined on a detached HEAD. */
  readonly branch: string | undefined;
  /** An operation in progress. */
  readonly operation: 'merge' | 'rebase' | 'cherry-pick' | 'revert' | undefined;
  readonly objectFormat: 'sha1' | 'sha256';
}

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed' | 'unmerged' | 'untracked';

/** One changed file of a change set. */
export interface ChangedFile {
  /** Repository-relative `/` path (the new name for renames). */
  readonly path: string;
  /** The old name of a renamed or copied file. */
  readonly oldPath?: string;
  readonly status: ChangeStatus;
  readonly binary: boolean;
  /**
   * Empty for binary files and pure renames, and for files no rule reads hunks of (see
   * `ChangeReader.read`'s `wantsPatch`); one all-added hunk for untracked text files.
   */
  readonly hunks: readonly Hunk[];
  /** Blob of the version before the change; undefined when the file is new. */
  readonly oldBlob?: string;
  /** Blob of the version after, when git knows it (staged and committed content). */
  readonly newBlob?: string;
  /** Why the new version was not read, when that is known from listing (a symlink, a FIFO, too large). */
  readonly unread?: string;
  /** A remark on how it was compared (a file with a filter attribute, compared without running the filter). */
  readonly note?: string;
  /** Changes whenever the file's change does: the cache key for per-file results. */
  readonly fingerprint: string;
}

/** What was compared with what. */
export interface ChangeBase {
  /** The tree-ish the change is measured from (a commit, or the empty tree). */
  readonly treeish: string;
  /** How it was chosen, for messages: `HEAD`, `merge-base of main and HEAD`, `empty tree (no commits yet)`. */
  readonly description: string;
}

/** The families rules belong to. */
export type RuleFamily = 'dependencies' | 'infrastructure' | 'data' | 'interfaces' | 'structure' | 'governed' | 'custom';

/** A review rule: what it flags and why that is decision-shaped. */
export interface RuleInfo {
  readonly id: string;
  readonly family: RuleFamily;
  readonly title: string;
  readonly rationale: string;
  readonly severity: Severity;
}

/** What a rule flagged, before the verdict. */
export interface RuleHit {
  readonly rule: string;
  /** Repository-relative path. */
  readonly path: string;
  /** What changed: a dependency name, a module folder; empty when the path says it all. */
  readonly subject: string;
  readonly message: string;
  /** 1-based line in the new file (or the old one for deletions) that shows the change. */
  readonly line?: number;
  /** The line is in the old version (a removal). */
  readonly oldSide?: boolean;
  /** Extra words on why it matched ("matched **\/Dockerfile"). */
  readonly reason?: string;
  /** Words a record may use to name this change (the dependency, the folder). */
  readonly terms?: readonly string[];
  /** The path an acknowledgement names, when not `path` (the folder of a module). */
  readonly anchor?: string;
  /** Severity from a custom rule or configuration, overriding the rule's. */
  readonly severity?: Severity;
}

export type Verdict = 'documented' | 'acknowledged' | 'undocumented';

/** Why a finding got its verdict. */
export interface VerdictEvidence {
  /** `governs`: a record's glob matches; `mentions`: a record in the change names it; `acknowledged`: an ack entry. */
  readonly kind: 'governs' | 'mentions' | 'acknowledged';
  readonly record?: {
    readonly path: string;
    readonly id: string;
    readonly number: number | null;
    readonly title: string;
    readonly status: string;
    /** The record is added or modified in the same change. */
    readonly inChange: boolean;
  };
  readonly glob?: string;
  /** 1-based line of the record (or of the ack file) that matched, and its text. */
  readonly line?: number;
  readonly text?: string;
  readonly reason?: string;
  readonly by?: string;
}

/** A few lines of the diff around the change. */
export interface DiffExcerpt {
  readonly header: string;
  readonly lines: readonly string[];
  /** Index in `lines` of the change's own line, when the hunk holds it. */
  readonly at?: number;
  /** The hunk has lines before / after the ones shown. */
  readonly cutBefore?: boolean;
  readonly cutAfter?: boolean;
}

/** A flagged change with its verdict: what the panel, the gate and every format show. */
export interface ReviewFinding {
  /** `rule:path:subject`, stable across runs: what an acknowledgement names. */
  readonly fingerprint: string;
  readonly rule: string;
  readonly family: RuleFamily;
  readonly ruleTitle: string;
  readonly severity: Severity;
  readonly message: string;
  readonly reason?: string;
  /** Absolute `/` path of the repository root. */
  readonly repository: string;
  /** Repository-relative path. */
  readonly path: string;
  /** The path an acknowledgement names (the module folder for structure findings, else `path`). */
  readonly anchor: string;
  readonly oldPath?: string;
  readonly status: ChangeStatus;
  readonly subject: string;
  readonly line?: number;
  readonly oldSide?: boolean;
  readonly verdict: Verdict;
  readonly evidence: readonly VerdictEvidence[];
  readonly excerpt?: DiffExcerpt;
  /** For "Draft ADR": a title and the globs the new record would govern. */
  readonly suggestion: { readonly title: string; readonly governs: readonly string[] };
}

/** Where a record says something was not chosen (see docs/architecture-review.md, "Conflicts"). */
export type ConflictSource =
  /** MADR: an entry of "Considered Options" that is not the "Chosen option". */
  | 'considered'
  /** Nygard-style wording in the decision: "we will not use …", "… instead of …". */
  | 'will-not'
  /** The record's own status is rejected: what it proposed. */
  | 'rejected-record'
  /** What a superseded record chose, when the record that superseded it chose otherwise. */
  | 'superseded'
  /** Front matter `rejects:` / `forbids:` lists (names or globs). */
  | 'front-matter';

/**
 * A change that adds what an in-force record rejected or replaced: a dependency, an infrastructure
 * kind or a path. Reported beside the findings (a conflict is not a verdict: a documented change can
 * still conflict with an older decision), error level unless configured otherwise.
 */
export interface ReviewConflict {
  /** `decision-conflict:path:subject:record-id`, stable across runs. */
  readonly fingerprint: string;
  /** Always `decision-conflict` (the id its severity is configured under). */
  readonly rule: string;
  readonly severity: Severity;
  /** What the change does against which record: "adds `mongodb`, which ADR-0004 considered and rejected in favour of PostgreSQL". */
  readonly message: string;
  /** Absolute `/` path of the repository root. */
  readonly repository: string;
  /** Repository-relative path of the file that adds it (the manifest, the new file). */
  readonly path: string;
  /** 1-based line in the new file that adds it. */
  readonly line?: number;
  /** What is added: the dependency name, the infrastructure kind ("Kubernetes manifest"), the path. */
  readonly subject: string;
  readonly what: 'dependency' | 'infrastructure' | 'path';
  /** The fingerprint of the finding for the same change, when a rule flagged it. */
  readonly finding?: string;
  readonly source: ConflictSource;
  /** What the record rejected, as it wrote it ("MongoDB", "mongo*"). */
  readonly rejected: string;
  /** What it chose instead, when it says ("PostgreSQL"). */
  readonly chosen?: string;
  /** The record that rejected it (for a superseded choice: the superseded record). */
  readonly record: {
    readonly path: string;
    readonly id: string;
    readonly number: number | null;
    readonly title: string;
    readonly status: string;
  };
  /** For a superseded choice: the in-force record that replaced it. */
  readonly by?: ReviewConflict['record'];
  /** 1-based line of the record that says it, and that line's text. */
  readonly recordLine: number;
  readonly recordText: string;
}
