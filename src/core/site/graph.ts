/**
 * The site's relationship graph: the decision graph of src/core/graph built from the site's records
 * (so a catalogue's graph has its edges between repositories), laid out and drawn by the same code
 * as `adrw generate graph --format svg`.
 */
import type { Cluster, DecisionGraph, EdgeKind, GraphEdge, RecordNode } from '../graph/types';
import { layoutGraph } from '../graph/layout';
import { renderSvg } from '../graph/svg';
import type { SiteRecord } from './model';

const CANONICAL: Record<string, { kind: EdgeKind; reversed: boolean } | undefined> = {
  supersedes: { kind: 'supersedes', reversed: false }, 'superseded-by': { kind: 'supersedes', reversed: true },
  amends: { kind: 'amends', reversed: false }, 'amended-by': { kind: 'amends', reversed: true },
  clarifies: { kind: 'clarifies', reversed: false }, 'clarified-by': { kind: 'clarifies', reversed: true },
  relates: { kind: 'relates', reversed: false },
};
const LABEL: Record<string, string> = { supersedes: 'supersedes', amends: 'amends', clarifies: 'clarifies', relates: 'relates to' };

/** Records with at least one relation to another record on the site, as a decision graph. */
export function siteGraph(records: readonly SiteRecord[]): DecisionGraph {
  const byKey = new Map(records.map((r) => [r.key, r]));
  const related = new Set<string>();
  for (const r of records) for (const l of r.links) if (l.target && l.target !== r.key && byKey.has(l.target)) related.add(r.key).add(l.target);
  const chosen = records.filter((r) => related.has(r.key)).sort(timeOrder);
  const nodes: RecordNode[] = [];
  const clusters = new Map<string, string[]>();
  for (const r of chosen) {
    const rec = r.record;
    const label = rec.numberText !== null ? `${rec.numberText} ${rec.title}` : rec.title;
    nodes.push({
      kind: 'record', id: r.key, recordId: rec.id, number: rec.number, numberLabel: rec.numberText, title: rec.title, label,
      status: rec.status, statusText: rec.statusText, date: rec.date, tags: [...rec.tags], cluster: r.group, order: nodes.length,
    });
    const members = clusters.get(r.group);
    if (members) members.push(r.key);
    else clusters.set(r.group, [r.key]);
  }
  const order = new Map(nodes.map((n) => [n.id, n.order]));
  const edges = new Map<string, GraphEdge>();
  for (const r of chosen) {
    for (const l of r.links) {
      if (!l.target || l.target === r.key || !order.has(l.target)) continue;
      const canon = CANONICAL[l.type];
      let from = r.key;
      let to = l.target;
      let kind: EdgeKind = 'custom';
      let label = l.verb || 'relates to';
      if (canon) {
        kind = canon.kind;
        if (canon.reversed) [from, to] = [to, from];
        label = LABEL[kind]!;
        if (kind === 'relates' && order.get(from)! > order.get(to)!) [from, to] = [to, from];
      } else if (l.type === 'reference') {
        label = l.verb === 'mentions' ? 'refers to' : l.verb;
      }
      const id = `${kind}:${from}->${to}${kind === 'custom' ? `:${label}` : ''}`;
      const e = edges.get(id);
      if (!e) edges.set(id, { id, kind, from, to, label, declaredBy: from === r.key ? 'from' : 'to' });
      else if (e.declaredBy !== (from === r.key ? 'from' : 'to')) edges.set(id, { ...e, declaredBy: 'both' });
    }
  }
  const cl: Cluster[] = [...clusters.entries()].map(([id, ids]) => ({ id, name: id, dialect: 'generic', nodes: ids }));
  const out = [...edges.values()].sort((a, b) => order.get(a.from)! - order.get(b.from)! || order.get(a.to)! - order.get(b.to)! || (a.id < b.id ? -1 : 1));
  return { clusters: cl, nodes, edges: out };
}

function timeOrder(a: SiteRecord, b: SiteRecord): number {
  const da = a.record.date ?? '';
  const db = b.record.date ?? '';
  if (a.group !== b.group) return a.group < b.group ? -1 : 1;
  if (a.record.number !== null && b.record.number !== null && a.record.number !== b.record.number) return a.record.number - b.record.number;
  return da < db ? -1 : da > db ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The graph drawn as SVG, nodes linking to `href(key)`; undefined when there are no relations. */
export function siteGraphSvg(records: readonly SiteRecord[], href: (key: string) => string, maxNodes = 2500): { svg?: string; nodes: number; edges: number; skipped?: string } {
  return drawSiteGraph(siteGraph(records), href, maxNodes);
}

/** A site graph drawn (`siteGraphSvg` for one made already); `draw: false` gives the counts only. */
export function drawSiteGraph(graph: DecisionGraph, href: (key: string) => string, maxNodes = 2500, draw = true): { svg?: string; nodes: number; edges: number; skipped?: string } {
  if (graph.nodes.length === 0) return { nodes: 0, edges: 0 };
  if (graph.nodes.length > maxNodes) return { nodes: graph.nodes.length, edges: graph.edges.length, skipped: `${graph.nodes.length} related records are more than one drawing can show (${maxNodes})` };
  if (!draw) return { nodes: graph.nodes.length, edges: graph.edges.length };
  const layout = layoutGraph(graph);
  const svg = renderSvg(graph, layout, { href: (n) => href(n.id) });
  return { svg, nodes: graph.nodes.length, edges: graph.edges.length };
}
