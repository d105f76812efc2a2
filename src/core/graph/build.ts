/**
 * Builds the decision graph from the index: one node per record (in time order, cluster by cluster),
 * one edge per related pair and kind whichever side wrote it ("B supersedes A" and "A superseded by
 * B" are one edge), and optionally the code the records govern as leaf nodes.
 */
import type { AdrRecord, Collection } from '../model';
import type { ResolvedRelation } from '../index/types';
import { relative } from '../paths';
import type { Cluster, CodeNode, DecisionGraph, EdgeKind, GraphEdge, GraphNode, RecordNode } from './types';

/** What the graph is built from: an `AdrIndex` is one. */
export interface GraphSource {
  readonly root: string;
  readonly collections: readonly Collection[];
  records(collection?: string): readonly AdrRecord[];
  relationsOf(path: string): readonly ResolvedRelation[];
}

export interface CodeLayerOptions {
  /** Files whose anchors name a record: record path (absolute) → repository-relative file paths. */
  readonly anchors?: ReadonlyMap<string, readonly string[]>;
  /**
   * Records whose code is shown one leaf per glob or file (`true`: every record); the others get
   * one collapsed leaf standing for all of their code. Default: all collapsed.
   */
  readonly expand?: boolean | ReadonlySet<string>;
}

export interface BuildOptions {
  /** Only these collections (absolute paths); default every collection of the source. */
  readonly collections?: readonly string[];
  /** Add the governed-code layer (`governs` globs, and anchors when given). */
  readonly code?: CodeLayerOptions;
}

/** `0007` for 7 in a collection padded to 4; the number alone when the collection does not pad. */
export function numberLabel(record: Pick<AdrRecord, 'number' | 'numberText'>, collection: Pick<Collection, 'padding'> | undefined): string | null {
  if (record.number === null) return null;
  const width = collection?.padding ?? record.numberText?.length ?? 0;
  return String(record.number).padStart(width, '0');
}

/** Time order within a collection: by number, then date, then id (date-named records by date). */
export function compareRecords(a: AdrRecord, b: AdrRecord): number {
  const na = a.number ?? Number.POSITIVE_INFINITY;
  const nb = b.number ?? Number.POSITIVE_INFINITY;
  if (na !== nb) return na < nb ? -1 : 1;
  const da = a.date ?? '9999';
  const db = b.date ?? '9999';
  if (da !== db) return da < db ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

const CANONICAL: Record<ResolvedRelation['type'], { kind: EdgeKind; reversed: boolean } | undefined> = {
  supersedes: { kind: 'supersedes', reversed: false },
  'superseded-by': { kind: 'supersedes', reversed: true },
  amends: { kind: 'amends', reversed: false },
  'amended-by': { kind: 'amends', reversed: true },
  clarifies: { kind: 'clarifies', reversed: false },
  'clarified-by': { kind: 'clarifies', reversed: true },
  relates: { kind: 'relates', reversed: false },
  custom: undefined,
};

const LABEL: Partial<Record<EdgeKind, string>> = { supersedes: 'supersedes', amends: 'amends', clarifies: 'clarifies', relates: 'relates to' };

export function buildGraph(source: GraphSource, options: BuildOptions = {}): DecisionGraph {
  const rel = (p: string) => relative(source.root, p) || '.';
  const wanted = options.collections ? new Set(options.collections) : undefined;
  const collections = source.collections.filter((c) => !wanted || wanted.has(c.path));
  const clusters: Cluster[] = [];
  const nodes: GraphNode[] = [];
  const byPath = new Map<string, RecordNode>();
  const records: AdrRecord[] = [];
  for (const c of collections) {
    const id = rel(c.path);
    const list = [...source.records(c.path)].sort(compareRecords);
    const ids: string[] = [];
    for (const r of list) {
      if (byPath.has(r.path)) continue;
      const num = numberLabel(r, c);
      const node: RecordNode = {
        kind: 'record', id: rel(r.path), recordId: r.id, number: r.number, numberLabel: num, title: r.title,
        label: num !== null ? `${num} ${r.title}` : r.title, status: r.status, statusText: r.statusText, date: r.date,
        tags: [...r.tags], cluster: id, order: nodes.length,
      };
      nodes.push(node);
      byPath.set(r.path, node);
      records.push(r);
      ids.push(node.id);
    }
    clusters.push({ id, name: c.name, dialect: c.dialect, nodes: ids });
  }

  const edges = new Map<string, { kind: EdgeKind; from: RecordNode; to: RecordNode; label: string; sides: Set<'from' | 'to'> }>();
  for (const r of records) {
    const me = byPath.get(r.path)!;
    for (const x of source.relationsOf(r.path)) {
      const other = x.other === undefined ? undefined : byPath.get(x.other);
      if (!other || other === me) continue;
      // Which end wrote it: `declared` = this record, `inverse` = the other one, `both`.
      const writers: ('me' | 'other')[] = x.origin === 'both' ? ['me', 'other'] : [x.origin === 'declared' ? 'me' : 'other'];
      let kind: EdgeKind;
      let from: RecordNode;
      let to: RecordNode;
      let label: string;
      const canon = CANONICAL[x.type];
      if (canon) {
        kind = canon.kind;
        [from, to] = canon.reversed ? [other, me] : [me, other];
        label = LABEL[kind]!;
        // A symmetric relation: one edge per pair, from the earlier record.
        if (kind === 'relates' && from.order > to.order) [from, to] = [to, from];
      } else {
        kind = 'custom';
        // The verb as its writer wrote it, pointing from the writer.
        [from, to] = x.origin === 'inverse' ? [other, me] : [me, other];
        label = x.verb.trim() || 'relates to';
      }
      const key = `${kind}:${from.id}->${to.id}${kind === 'custom' ? `:${label}` : ''}`;
      let e = edges.get(key);
      if (!e) edges.set(key, (e = { kind, from, to, label, sides: new Set() }));
      for (const w of writers) e.sides.add((w === 'me') === (from === me) ? 'from' : 'to');
    }
  }
  const out: GraphEdge[] = [...edges.entries()].map(([id, e]) => ({
    id, kind: e.kind, from: e.from.id, to: e.to.id, label: e.label,
    declaredBy: e.sides.size === 2 ? 'both' : e.sides.has('from') ? 'from' : 'to',
  }));

  if (options.code) addCode(options.code, records, byPath, nodes, out);

  const orderOf = new Map(nodes.map((n) => [n.id, n.order]));
  const kindRank = (k: EdgeKind) => ['supersedes', 'amends', 'clarifies', 'relates', 'custom', 'governs'].indexOf(k);
  out.sort((a, b) => orderOf.get(a.from)! - orderOf.get(b.from)! || orderOf.get(a.to)! - orderOf.get(b.to)! || kindRank(a.kind) - kindRank(b.kind) || (a.id < b.id ? -1 : 1));
  return { clusters, nodes, edges: out };
}

function addCode(options: CodeLayerOptions, records: readonly AdrRecord[], byPath: ReadonlyMap<string, RecordNode>, nodes: GraphNode[], edges: GraphEdge[]): void {
  const expanded = (n: RecordNode) => options.expand === true || (options.expand instanceof Set && (options.expand.has(n.id) || options.expand.has(n.recordId)));
  const shared = new Map<string, CodeNode>();
  const seen = new Set<string>();
  for (const r of records) {
    const me = byPath.get(r.path)!;
    const globs = [...new Set(r.governs.map((g) => g.trim()).filter((g) => g && !g.startsWith('!')))];
    const anchored = [...new Set(options.anchors?.get(r.path) ?? [])].filter((f) => !globs.includes(f));
    if (globs.length + anchored.length === 0) continue;
    if (!expanded(me)) {
      const members = [...globs, ...anchored].sort();
      const node: CodeNode = {
        kind: 'code', id: `code:${me.id}#all`, label: members.length === 1 ? members[0]! : `${members.length} paths`,
        members, collapsed: true, cluster: me.cluster, order: nodes.length,
      };
      nodes.push(node);
      edges.push({ id: `governs:${me.id}->${node.id}`, kind: 'governs', from: me.id, to: node.id, label: 'governs', declaredBy: 'from' });
      continue;
    }
    for (const [member, label] of [...globs.map((g) => [g, 'governs'] as const), ...anchored.map((f) => [f, 'cited in'] as const)]) {
      let node = shared.get(member);
      if (!node) {
        node = { kind: 'code', id: `code:${member}`, label: member, members: [member], collapsed: false, cluster: me.cluster, order: nodes.length };
        shared.set(member, node);
        nodes.push(node);
      }
      const id = `governs:${me.id}->${node.id}`;
      if (seen.has(id)) continue;
      seen.add(id);
      edges.push({ id, kind: 'governs', from: me.id, to: node.id, label, declaredBy: label === 'governs' ? 'from' : 'to' });
    }
  }
}
