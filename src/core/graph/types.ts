/**
 * The decision graph: records as nodes, relations as labelled edges (one per related pair and kind),
 * collections as clusters, and optionally the code records govern as leaf nodes. Pure data, the same
 * for the CLI exports and the webview; the JSON export is this shape with a version.
 */
import type { CollectionDialect, Status } from '../model';

/** How two records relate, seen from the edge's `from` end ("A supersedes B"). */
export type EdgeKind = 'supersedes' | 'amends' | 'clarifies' | 'relates' | 'custom' | 'governs';

export const EDGE_KINDS: readonly EdgeKind[] = ['supersedes', 'amends', 'clarifies', 'relates', 'custom', 'governs'];

/** Kinds that order records in time (the later record points at the earlier one). */
export const ORDERING_KINDS: ReadonlySet<EdgeKind> = new Set(['supersedes', 'amends', 'clarifies']);

export interface RecordNode {
  readonly kind: 'record';
  /** The record's path relative to the graph root (`doc/adr/0007-use-x.md`): unique, stable. */
  readonly id: string;
  /** The record id (file name without `.md`). */
  readonly recordId: string;
  readonly number: number | null;
  /** The number padded as the collection pads it (`0007`), or null for date-named records. */
  readonly numberLabel: string | null;
  readonly title: string;
  /** `0007 Use PostgreSQL`, or the title alone. */
  readonly label: string;
  readonly status: Status;
  readonly statusText: string | null;
  readonly date: string | null;
  readonly tags: readonly string[];
  /** The cluster (collection) id. */
  readonly cluster: string;
  /** Position in time order within the whole graph (0 = oldest), for layouts and lists. */
  readonly order: number;
}

/**
 * Code a record governs: one glob or file (`expanded`), or, collapsed, a single leaf per record
 * standing for all of them (`members`).
 */
export interface CodeNode {
  readonly kind: 'code';
  /** `code:` + the path or glob (expanded), `code:` + record id + `#all` (collapsed). */
  readonly id: string;
  readonly label: string;
  /** Globs and files this node stands for, repository-relative, sorted. */
  readonly members: readonly string[];
  readonly collapsed: boolean;
  /** The cluster of the (first) governing record. */
  readonly cluster: string;
  readonly order: number;
}

export type GraphNode = RecordNode | CodeNode;

export interface GraphEdge {
  /** `kind:from->to` (plus `:verb` for custom edges): unique, stable. */
  readonly id: string;
  readonly kind: EdgeKind;
  readonly from: string;
  readonly to: string;
  /** What the edge says, as a label: `supersedes`, `amends`, `relates to`, a custom verb. */
  readonly label: string;
  /** Which records wrote it: the `from` one, the `to` one (as the inverse), or both. */
  readonly declaredBy: 'from' | 'to' | 'both';
}

export interface Cluster {
  /** The collection folder relative to the graph root (`.` for the root itself). */
  readonly id: string;
  readonly name: string;
  readonly dialect: CollectionDialect;
  /** Node ids in time order. */
  readonly nodes: readonly string[];
}

export interface DecisionGraph {
  readonly clusters: readonly Cluster[];
  /** Records in time order (cluster by cluster), then code nodes. */
  readonly nodes: readonly GraphNode[];
  /** In node order of `from`, then `to`, then kind. */
  readonly edges: readonly GraphEdge[];
}
