/** Types the ADR index hands out. */
import type { Relation, RelationType } from '../model';

/** A relation of one record, resolved to the record on the other side, seen from that one record. */
export interface ResolvedRelation {
  readonly type: RelationType;
  /** The verb: as written for declared relations, the opposite verb for inverse ones. */
  readonly verb: string;
  /** Path of the record on the other side; undefined when the target names no indexed record. */
  readonly other: string | undefined;
  /**
   * `declared`: only this record wrote it. `inverse`: only the other record wrote the opposite
   * (e.g. B says "supersedes A", A says nothing). `both`: each side wrote its half.
   */
  readonly origin: 'declared' | 'inverse' | 'both';
  /** The relation as written in this record (`declared`, `both`). */
  readonly declared?: Relation;
  /** The opposite relation as written in the other record (`inverse`, `both`). */
  readonly counterpart?: Relation;
}

/** A relation whose target cannot be found. */
export interface BrokenRelation {
  /** The record that wrote the relation. */
  readonly path: string;
  readonly relation: Relation;
  /** `no-such-file`: a relative link to a file that does not exist; `no-such-record`: an id or number no record has. */
  readonly reason: 'no-such-file' | 'no-such-record';
  /** Where a link points (absolute), for `no-such-file`. */
  readonly resolvedPath?: string;
}

/** Several records of one collection sharing a number. */
export interface DuplicateNumber {
  readonly collection: string;
  readonly number: number;
  /** Sorted. */
  readonly paths: readonly string[];
}

/** A file or folder the index could not read; the rest of the index is still valid. */
export interface IndexProblem {
  readonly path: string;
  readonly message: string;
}

/** What changed in the index; each path appears in one list. */
export interface IndexChangeEvent {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  /** True when the whole index was rebuilt (collections may have changed too). */
  readonly rebuilt?: boolean;
}

/** The outcome of `AdrIndex.update` for one path. */
export type UpdateResult = 'added' | 'changed' | 'removed' | 'ignored' | 'failed';

export interface Disposable {
  dispose(): void;
}
