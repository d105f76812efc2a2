/** The history of decision records, as git recorded it. Pure data. */
import type { CollectionDialect, RelationType, Status } from '../model';
import type { StatusVocabulary } from '../parse/vocabulary';

/** Who made a commit and when (the author's name and date, as `git log` shows them). */
export interface CommitRef {
  /** Full object id. */
  readonly commit: string;
  /** Author date, ISO 8601 with the author's offset (`2024-03-02T10:00:00+01:00`). */
  readonly date: string;
  readonly author: string;
  readonly email: string;
  /** The first line of the commit message. */
  readonly subject: string;
}

/** A relation as one version of a record states it. */
export interface RelationFact {
  readonly type: RelationType;
  readonly verb: string;
  readonly target: string;
}

/** What the history needs of one version of a record (one blob), read with the core parser. */
export interface BlobFacts {
  readonly title: string;
  readonly status: Status;
  readonly statusText: string | null;
  readonly relations: readonly RelationFact[];
  /** Why the version could not be read (missing from a partial clone, too large, binary). */
  readonly unread?: string;
}

export type HistoryChange = 'created' | 'edited' | 'renamed' | 'deleted';

/** One commit's change to one record. */
export interface HistoryEvent extends CommitRef {
  /** The commit's place in history: a parent's events have a lower number than its children's. */
  readonly order: number;
  readonly change: HistoryChange;
  /** Repository-relative path of the record after the commit (before it, for `deleted`). */
  readonly path: string;
  /** The path before a rename or a move between folders. */
  readonly oldPath?: string;
  /** The commit is a merge and the record's new version is in none of its parents (a conflict resolved, an evil merge). */
  readonly merge?: true;
  /** The record's status after the commit (for `created` and every change that reads it). */
  readonly status?: Status;
  readonly statusText?: string | null;
  /** Set when the commit changed the status: what it was before. */
  readonly statusFrom?: Status;
  readonly statusFromText?: string | null;
  /** Relations the commit added (every relation of a created record). */
  readonly relationsAdded?: readonly RelationFact[];
  readonly relationsRemoved?: readonly RelationFact[];
  /** The version could not be read (see `BlobFacts.unread`). */
  readonly unread?: string;
  /** The record was already there at the oldest commit of a shallow clone (this is not its creation). */
  readonly shallowBoundary?: true;
  /** Blob of the version after the commit (absent for `deleted`). */
  readonly blob?: string;
}

/** Why a record has no (or only part of its) history. */
export type HistoryGap =
  /** Not in HEAD: never committed (or renamed in the work tree and not committed yet). */
  | 'untracked'
  /** The repository has no commits yet. */
  | 'no-commits'
  /** Not inside a git repository. */
  | 'no-repository'
  /** The record was already there at the oldest commit of a shallow clone: its creation is not in the clone. */
  | 'shallow';

/** Everything git says about one record. */
export interface RecordHistory {
  /** Absolute path of the record now (at HEAD, for records still there; the last path for deleted ones). */
  readonly path: string;
  /** The change history, oldest first (commit order: parents before children). */
  readonly events: readonly HistoryEvent[];
  readonly created?: HistoryEvent;
  /** The newest commit that changed the record's content or name. */
  readonly lastEdited?: HistoryEvent;
  readonly statusChanges: readonly HistoryEvent[];
  /** Every relation as it was first added, with the commit that added it. */
  readonly relationsAdded: readonly (RelationFact & CommitRef)[];
  /** Set when the history is missing or incomplete. */
  readonly gap?: HistoryGap;
  /** True when the record is no longer in HEAD. */
  readonly deleted?: true;
}

/** A collection folder whose history is read, with what its records are parsed with. */
export interface HistoryCollection {
  /** Absolute `/` path. */
  readonly path: string;
  readonly dialect?: CollectionDialect;
  readonly statusVocabulary?: StatusVocabulary;
}

/** The repository the history was read from. */
export interface HistoryRepository {
  readonly root: string;
  /** HEAD's commit; undefined without commits. */
  readonly head: string | undefined;
  readonly shallow: boolean;
}

/** How the history was read this time (for tests and the benchmark). */
export interface HistoryReadStats {
  /** `full`: every commit read; `incremental`: only commits after the cached HEAD; `cached`: nothing read. */
  readonly mode: 'full' | 'incremental' | 'cached' | 'none';
  /** Commits read from `git log`. */
  readonly commits: number;
  /** Blobs read with `cat-file --batch`. */
  readonly blobs: number;
  /** Of those, the versions parsed (the others only edit prose no fact is read from: see `facts.ts`). */
  readonly parsed: number;
  /** Git processes started. */
  readonly processes: number;
}
