/**
 * Narrowing a decision graph: filters (status, tag, collection, text) and focus (a record's
 * neighbourhood N hops out, along edges in either direction). The result is a graph of the same
 * shape holding only the kept nodes and the edges between them: never a dangling edge.
 */
import type { Status } from '../model';
import type { Cluster, DecisionGraph, GraphNode } from './types';

export interface GraphFilter {
  /** Keep records with one of these statuses. */
  readonly statuses?: readonly Status[];
  /** Keep records with one of these tags (case-insensitive). */
  readonly tags?: readonly string[];
  /** Keep records of these clusters (cluster ids, i.e. collection folders relative to the root). */
  readonly clusters?: readonly string[];
  /** Keep records whose label, title, id or tags contain this (case-insensitive). */
  readonly text?: string;
}

export interface GraphFocus {
  /** Node id (or record id) at the centre. */
  readonly node: string;
  /** Hops out (default 1). */
  readonly hops?: number;
}

export interface Selection {
  readonly filter?: GraphFilter;
  readonly focus?: GraphFocus;
}

/** True when the record node passes the filter (code nodes pass when a kept record governs them). */
export function matchesFilter(node: GraphNode, filter: GraphFilter): boolean {
  if (node.kind !== 'record') return true;
  if (filter.statuses?.length && !filter.statuses.includes(node.status)) return false;
  if (filter.clusters?.length && !filter.clusters.includes(node.cluster)) return false;
  if (filter.tags?.length) {
    const want = new Set(filter.tags.map((t) => t.toLowerCase()));
    if (!node.tags.some((t) => want.has(t.toLowerCase()))) return false;
  }
  const q = filter.text?.trim().toLowerCase();
  if (q) {
    const hay = [node.label, node.title, node.id, node.recordId, ...node.tags].join('\n').toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}

/** The node a focus names: a node id, a record id, or a record number (`7`, `0007`). */
export function findNode(graph: DecisionGraph, ref: string): GraphNode | undefined {
  const r = ref.trim();
  const exact = graph.nodes.find((n) => n.id === r) ?? graph.nodes.find((n) => n.kind === 'record' && n.recordId === r);
  if (exact) return exact;
  if (/^\d+$/.test(r)) return graph.nodes.find((n) => n.kind === 'record' && n.number === Number(r));
  return undefined;
}

/** Nodes within `hops` edges of `start`, both directions, start included. */
export function neighbourhood(graph: DecisionGraph, start: string, hops: number): Set<string> {
  const adj = new Map<string, string[]>();
  for (const e of graph.edges) {
    (adj.get(e.from) ?? adj.set(e.from, []).get(e.from)!).push(e.to);
    (adj.get(e.to) ?? adj.set(e.to, []).get(e.to)!).push(e.from);
  }
  const seen = new Set([start]);
  let frontier = [start];
  for (let h = 0; h < hops && frontier.length > 0; h++) {
    const next: string[] = [];
    for (const n of frontier) for (const m of adj.get(n) ?? []) if (!seen.has(m)) { seen.add(m); next.push(m); }
    frontier = next;
  }
  return seen;
}

/** The graph restricted to `keep` (node ids): the kept nodes, the edges among them, non-empty clusters. */
export function subgraph(graph: DecisionGraph, keep: ReadonlySet<string>): DecisionGraph {
  const nodes = graph.nodes.filter((n) => keep.has(n.id));
  const edges = graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to));
  const clusters: Cluster[] = graph.clusters
    .map((c) => ({ ...c, nodes: c.nodes.filter((id) => keep.has(id)) }))
    .filter((c) => c.nodes.length > 0 || nodes.some((n) => n.cluster === c.id));
  return { clusters, nodes, edges };
}

/**
 * Filters, then focuses: the records passing the filter (and the code they govern), then, with a
 * focus, those within N hops of the focused record over the kept edges. An unknown focus gives an
 * empty graph (the caller says so).
 */
export function selectGraph(graph: DecisionGraph, selection: Selection): DecisionGraph {
  let g = graph;
  const f = selection.filter;
  if (f && (f.statuses?.length || f.tags?.length || f.clusters?.length || f.text?.trim())) {
    const records = new Set(g.nodes.filter((n) => n.kind === 'record' && matchesFilter(n, f)).map((n) => n.id));
    const keep = new Set(records);
    // Code leaves stay when a kept record governs them.
    for (const e of g.edges) if (e.kind === 'governs' && records.has(e.from)) keep.add(e.to);
    g = subgraph(g, keep);
  }
  if (selection.focus) {
    const start = findNode(g, selection.focus.node);
    g = subgraph(g, start ? neighbourhood(g, start.id, Math.max(0, selection.focus.hops ?? 1)) : new Set());
  }
  return g;
}
