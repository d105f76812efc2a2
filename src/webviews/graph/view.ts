/**
 * The Decision Graph's view model: pure functions the page draws from and the extension exports
 * from, so the graph on screen, its accessible list and an exported file show the same records.
 * No DOM, no vscode: unit-tested in Node.
 */
import { renderDot, renderMermaid } from '../../core/graph/export';
import { layoutGraph, type GraphLayout } from '../../core/graph/layout';
import { selectGraph } from '../../core/graph/select';
import { renderSvg } from '../../core/graph/svg';
import { STATUS_STYLE } from '../../core/graph/style';
import type { NodeBox } from '../../core/graph/layout';
import type { ShapeName } from '../../core/graph/style';
import type { DecisionGraph, GraphEdge, GraphNode, RecordNode } from '../../core/graph/types';
import type { Status } from '../../core/model';
import type { ExportFormat, Selection } from './protocol';

/** The graph the selection shows: filtered, focused, without the code layer unless it is on. */
export function applySelection(graph: DecisionGraph, sel: Selection): DecisionGraph {
  let g = graph;
  if (!sel.code) {
    const keep = new Set(g.nodes.filter((n) => n.kind === 'record').map((n) => n.id));
    g = { clusters: g.clusters, nodes: g.nodes.filter((n) => keep.has(n.id)), edges: g.edges.filter((e) => keep.has(e.from) && keep.has(e.to)) };
  }
  return selectGraph(g, {
    filter: { statuses: sel.statuses, tags: sel.tags, clusters: sel.clusters, text: sel.text },
    ...(sel.focus ? { focus: { node: sel.focus.node, hops: sel.focus.hops } } : {}),
  });
}

/** True when the selection narrows the graph (the page says so and offers to clear it). */
export function isNarrowed(sel: Selection): boolean {
  return sel.statuses.length > 0 || sel.tags.length > 0 || sel.clusters.length > 0 || sel.text.trim() !== '' || sel.focus !== undefined;
}

/** The filter choices a graph offers: statuses present (in lifecycle order), tags, clusters. */
export function filterChoices(graph: DecisionGraph): { statuses: Status[]; tags: string[]; clusters: { id: string; name: string }[] } {
  const statuses = new Set<Status>();
  const tags = new Map<string, string>();
  for (const n of graph.nodes) {
    if (n.kind !== 'record') continue;
    statuses.add(n.status);
    for (const t of n.tags) if (!tags.has(t.toLowerCase())) tags.set(t.toLowerCase(), t);
  }
  const order = Object.keys(STATUS_STYLE) as Status[];
  return {
    statuses: order.filter((s) => statuses.has(s)),
    tags: [...tags.values()].sort((a, b) => a.localeCompare(b)),
    clusters: graph.clusters.map((c) => ({ id: c.id, name: c.name })),
  };
}

/** The word a status shows in a node and in the list, whatever the colour. */
export function statusWord(status: Status): string {
  return STATUS_STYLE[status].word;
}

/** A node's short name in the list and in relation lines: `0007 Use PostgreSQL`, a path. */
export function nodeName(n: GraphNode | undefined): string {
  return n ? n.label : '?';
}

/** The relation as read from `node`'s side: "supersedes 0007 X", "superseded by 0012 Y". */
export function relationLine(edge: GraphEdge, node: string, byId: ReadonlyMap<string, GraphNode>): string {
  const outgoing = edge.from === node;
  const other = byId.get(outgoing ? edge.to : edge.from);
  if (outgoing || edge.kind === 'relates') return `${edge.label} ${nodeName(other)}`;
  const inverse: Partial<Record<GraphEdge['kind'], string>> = { supersedes: 'superseded by', amends: 'amended by', clarifies: 'clarified by', governs: 'governed by' };
  const word = inverse[edge.kind];
  // A custom verb has no inverse word: the other record says it ("0004 Use Redis depends on this").
  return word ? `${word} ${nodeName(other)}` : `${nodeName(other)} ${edge.label} this`;
}

export interface ListItem {
  readonly id: string;
  readonly kind: GraphNode['kind'];
  /** `0007 Use PostgreSQL, Accepted, 2024-03-02`. */
  readonly text: string;
  readonly relations: readonly string[];
}

export interface ListGroup {
  readonly cluster: string;
  readonly name: string;
  readonly items: readonly ListItem[];
}

/** The same graph as a list: per collection, each node in time order with its relations as lines. */
export function listModel(graph: DecisionGraph): ListGroup[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const edgesOf = new Map<string, GraphEdge[]>();
  for (const e of graph.edges) for (const end of [e.from, e.to]) (edgesOf.get(end) ?? edgesOf.set(end, []).get(end)!).push(e);
  const groups: ListGroup[] = [];
  const clusterIds = [...new Set([...graph.clusters.map((c) => c.id), ...graph.nodes.map((n) => n.cluster)])];
  for (const cid of clusterIds) {
    const nodes = graph.nodes.filter((n) => n.cluster === cid).sort((a, b) => a.order - b.order);
    if (nodes.length === 0) continue;
    groups.push({
      cluster: cid,
      name: graph.clusters.find((c) => c.id === cid)?.name ?? cid,
      items: nodes.map((n) => ({ id: n.id, kind: n.kind, text: describe(n), relations: (edgesOf.get(n.id) ?? []).map((e) => relationLine(e, n.id, byId)) })),
    });
  }
  return groups;
}

/** `0007 Use PostgreSQL, Accepted, 2024-03-02` (records), `governed code: src/db/**` (code). */
export function describe(n: GraphNode): string {
  if (n.kind === 'code') return `governed code: ${n.members.join(', ')}`;
  return [n.label, n.statusText && n.statusText.toLowerCase() !== statusWord(n.status).toLowerCase() ? `${statusWord(n.status)} (${n.statusText})` : statusWord(n.status), n.date].filter(Boolean).join(', ');
}

/** The hover's lines: title, status, date, then the first paragraph (when known). */
export function hoverLines(n: RecordNode, paragraph: string | undefined): { title: string; meta: string; paragraph: string } {
  return {
    title: n.label,
    // The status word, and the words the record uses when they say more ("Superseded by [3. …]").
    meta: [n.statusText && n.statusText.trim().toLowerCase() !== statusWord(n.status).toLowerCase() ? `${statusWord(n.status)} · ${n.statusText}` : statusWord(n.status), n.date ?? 'no date'].join(' · '),
    paragraph: paragraph ?? '',
  };
}

const f = (v: number) => String(Math.round(v * 10) / 10);

/** The outline of a status shape as SVG path data: the page's SVG and its PNG canvas (Path2D) share it. */
export function shapePath(shape: ShapeName, b: Pick<NodeBox, 'x' | 'y' | 'width' | 'height'>): string {
  const { x, y, width: w, height: h } = b;
  const k = Math.min(12, h / 3);
  const poly = (pts: [number, number][]) => `M${pts.map(([px, py]) => `${f(px)},${f(py)}`).join(' L')} Z`;
  const roundRect = (r: number) => `M${f(x + r)},${f(y)} H${f(x + w - r)} A${f(r)},${f(r)} 0 0 1 ${f(x + w)},${f(y + r)} V${f(y + h - r)} A${f(r)},${f(r)} 0 0 1 ${f(x + w - r)},${f(y + h)} H${f(x + r)} A${f(r)},${f(r)} 0 0 1 ${f(x)},${f(y + h - r)} V${f(y + r)} A${f(r)},${f(r)} 0 0 1 ${f(x + r)},${f(y)} Z`;
  switch (shape) {
    case 'rounded': return roundRect(8);
    case 'pill': return roundRect(h / 2);
    case 'hexagon': return poly([[x + k, y], [x + w - k, y], [x + w, y + h / 2], [x + w - k, y + h], [x + k, y + h], [x, y + h / 2]]);
    case 'parallelogram': return poly([[x + k, y], [x + w, y], [x + w - k, y + h], [x, y + h]]);
    case 'octagon': return poly([[x + k, y], [x + w - k, y], [x + w, y + k], [x + w, y + h - k], [x + w - k, y + h], [x + k, y + h], [x, y + h - k], [x, y + k]]);
    case 'trapezium': return poly([[x + k, y], [x + w - k, y], [x + w, y + h], [x, y + h]]);
    case 'flag': return poly([[x, y], [x + w - k, y], [x + w, y + h / 2], [x + w - k, y + h], [x, y + h], [x + k, y + h / 2]]);
    case 'folder': {
      const tab = Math.min(40, w / 3);
      return `M${f(x)},${f(y + 5)} H${f(x + tab)} L${f(x + tab + 4)},${f(y)} H${f(x + w)} V${f(y + h)} H${f(x)} Z`;
    }
  }
}

/** The node nearest to `from` in a direction (arrow-key navigation), by box centres; undefined at the edge. */
export function nearestInDirection(boxes: readonly NodeBox[], from: string, dir: 'up' | 'down' | 'left' | 'right'): string | undefined {
  const a = boxes.find((b) => b.id === from);
  if (!a) return boxes[0]?.id;
  const ca = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  let best: { id: string; score: number } | undefined;
  for (const b of boxes) {
    if (b.id === from) continue;
    const dx = b.x + b.width / 2 - ca.x;
    const dy = b.y + b.height / 2 - ca.y;
    const along = dir === 'up' ? -dy : dir === 'down' ? dy : dir === 'left' ? -dx : dx;
    const across = dir === 'up' || dir === 'down' ? Math.abs(dx) : Math.abs(dy);
    if (along <= 0) continue;
    // Straight ahead wins over a closer box far to the side.
    const score = along + across * 2;
    if (!best || score < best.score) best = { id: b.id, score };
  }
  return best?.id;
}

/** The graph shown as a file's or the clipboard's text; SVG drawn from `layout` (the one on screen) when given. */
export function exportText(shown: DecisionGraph, format: ExportFormat, layout?: GraphLayout): string {
  if (format === 'mermaid') return renderMermaid(shown);
  if (format === 'dot') return renderDot(shown);
  return renderSvg(shown, layout ?? layoutGraph(shown));
}
