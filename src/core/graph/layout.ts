/**
 * Lays a decision graph out: a layered (Sugiyama) layout for each cluster's connected parts, time
 * flowing downwards (the superseded record above the one that supersedes it), packed into one box
 * per collection. A chain is stacked directly; a part up to `smallLimit` nodes goes through the
 * small layered layout of `layered.ts` (dagre's fixed cost per call was most of the time of a graph
 * of many small parts); bigger parts through dagre. Runs anywhere: no Node API, so the webview
 * bundles it as the CLI does.
 *
 * Only the edges that order records in time (supersedes, amends, clarifies) and governed-code edges
 * are ranked by dagre; `relates` and custom edges, and edges between collections, say nothing about
 * order and are drawn straight between the boxes they join. Edge labels are placed on the drawn
 * path, not given to dagre as dummy nodes (which doubles the ranks and the work). Records that no
 * ordering edge joins are set in rows, in time order, below the connected parts.
 */
import dagre from '@dagrejs/dagre';
import { layeredLayout } from './layered';
import { ORDERING_KINDS, type DecisionGraph, type GraphEdge, type GraphNode } from './types';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A node's box: `x`, `y` the top-left corner. */
export interface NodeBox {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface EdgeRoute {
  readonly id: string;
  /** From the edge's `from` node's border to its `to` node's border. */
  readonly points: readonly Point[];
  /** Where the label goes. */
  readonly label: Point;
  /** True when dagre routed it; false for straight edges drawn after the layout. */
  readonly layered: boolean;
}

export interface ClusterBox extends NodeBox {
  readonly name: string;
}

export interface GraphLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly NodeBox[];
  readonly edges: readonly EdgeRoute[];
  readonly clusters: readonly ClusterBox[];
}

/** Text metrics the layout sizes boxes by, and that renderers truncate text to. */
export const METRICS = {
  charWidth: 6.6,
  fontSize: 12,
  recordHeight: 46,
  codeHeight: 28,
  minWidth: 140,
  maxWidth: 260,
  padding: 12,
  clusterPadding: 16,
  clusterTitle: 22,
  gap: 28,
} as const;

export interface LayoutOptions {
  /** Components above this many nodes get the faster `tight-tree` ranker (default 150). */
  readonly simplexLimit?: number;
  /**
   * Components up to this many nodes are laid out by the built-in small layered layout
   * (`layered.ts`), bigger ones by dagre (default 40; 0 sends every non-chain part to dagre).
   * dagre's fixed cost, ~5 ms a call, made most of a 1,000-record graph's layout time.
   */
  readonly smallLimit?: number;
  /**
   * Parts laid out before, by what they hold (node ids and sizes, edge ids): pass the same cache to
   * each layout of a changing graph and only the parts that changed are laid out again.
   */
  readonly cache?: LayoutCache;
}

/** Laid-out parts kept between layouts (see `LayoutOptions.cache`). */
export class LayoutCache {
  private readonly parts = new Map<string, Part>();
  private used = new Set<string>();
  /** Parts taken from the cache / laid out, since the cache was made. */
  hits = 0;
  misses = 0;

  get(key: string): Part | undefined {
    const p = this.parts.get(key);
    if (p) { this.hits++; this.used.add(key); }
    return p;
  }

  set(key: string, part: Part): void {
    this.misses++;
    this.parts.set(key, part);
    this.used.add(key);
  }

  /** Forgets the parts the last layout did not use. */
  prune(): void {
    for (const k of [...this.parts.keys()]) if (!this.used.has(k)) this.parts.delete(k);
    this.used = new Set();
  }
}

/** How many characters of a label fit in a box `width` wide. */
export function fitChars(width: number): number {
  return Math.max(4, Math.floor((width - 2 * METRICS.padding) / METRICS.charWidth));
}

export function nodeSize(node: GraphNode): { width: number; height: number } {
  const width = Math.round(Math.min(METRICS.maxWidth, Math.max(METRICS.minWidth, node.label.length * METRICS.charWidth + 2 * METRICS.padding)));
  return { width, height: node.kind === 'record' ? METRICS.recordHeight : METRICS.codeHeight };
}

interface Placed {
  readonly id: string;
  x: number;
  y: number;
  readonly width: number;
  readonly height: number;
}

/** A connected part laid out on its own, at the origin (shared through `LayoutCache`, never changed). */
export interface Part {
  readonly nodes: Placed[];
  readonly routes: Map<string, Point[]>;
  width: number;
  height: number;
  readonly first: number;
}

/** The layered edge as dagre sees it: from the earlier record to the later one, records above code. */
function layeredEnds(e: GraphEdge): [string, string] {
  return e.kind === 'governs' ? [e.from, e.to] : [e.to, e.from];
}

export function layoutGraph(graph: DecisionGraph, options: LayoutOptions = {}): GraphLayout {
  const simplexLimit = options.simplexLimit ?? 150;
  const smallLimit = options.smallLimit ?? 40;
  const cache = options.cache;
  const nodeById = new Map(graph.nodes.map((n) => [n.id, n]));
  const clusterOf = (id: string) => nodeById.get(id)!.cluster;
  const layered = graph.edges.filter((e) => (ORDERING_KINDS.has(e.kind) || e.kind === 'governs') && nodeById.has(e.from) && nodeById.has(e.to) && clusterOf(e.from) === clusterOf(e.to));
  const layeredIds = new Set(layered.map((e) => e.id));

  const boxes = new Map<string, Placed>();
  const routes = new Map<string, Point[]>();
  const clusters: ClusterBox[] = [];
  let cursorX = 0;
  let maxHeight = 0;
  const clusterIds = [...new Set([...graph.clusters.map((c) => c.id), ...graph.nodes.map((n) => n.cluster)])];
  for (const cid of clusterIds) {
    const members = graph.nodes.filter((n) => n.cluster === cid);
    if (members.length === 0) continue;
    const name = graph.clusters.find((c) => c.id === cid)?.name ?? cid;
    const edges = layered.filter((e) => clusterOf(e.from) === cid);
    const { width, height, placed, paths } = layoutCluster(members, edges, simplexLimit, smallLimit, cache);
    const ox = cursorX + METRICS.clusterPadding;
    const oy = METRICS.clusterPadding + METRICS.clusterTitle;
    for (const p of placed) boxes.set(p.id, { ...p, x: p.x + ox, y: p.y + oy });
    for (const [id, pts] of paths) routes.set(id, pts.map((q) => ({ x: q.x + ox, y: q.y + oy })));
    const w = Math.max(width, name.length * METRICS.charWidth) + 2 * METRICS.clusterPadding;
    const h = height + 2 * METRICS.clusterPadding + METRICS.clusterTitle;
    clusters.push({ id: cid, name, x: cursorX, y: 0, width: round(w), height: round(h) });
    cursorX += w + METRICS.gap;
    maxHeight = Math.max(maxHeight, h);
  }

  const edgeRoutes: EdgeRoute[] = graph.edges.filter((e) => boxes.has(e.from) && boxes.has(e.to)).map((e) => {
    const a = boxes.get(e.from)!;
    const b = boxes.get(e.to)!;
    let points: Point[];
    const routed = layeredIds.has(e.id) ? routes.get(e.id) : undefined;
    if (routed && routed.length >= 2) {
      // dagre runs from the earlier record to the later one; the edge from `from` to `to`.
      const [lf] = layeredEnds(e);
      points = (lf === e.from ? routed : [...routed].reverse()).map(roundPoint);
    } else {
      points = straight(a, b);
    }
    return { id: e.id, points, label: midpoint(points), layered: !!routed };
  });

  cache?.prune();
  return {
    width: round(Math.max(0, cursorX - METRICS.gap)),
    height: round(maxHeight),
    nodes: graph.nodes.filter((n) => boxes.has(n.id)).map((n) => {
      const b = boxes.get(n.id)!;
      return { id: n.id, x: round(b.x), y: round(b.y), width: b.width, height: b.height };
    }),
    edges: edgeRoutes,
    clusters,
  };
}

/** One cluster: its connected parts laid out by dagre, packed in rows; lone nodes in rows after. */
function layoutCluster(members: readonly GraphNode[], edges: readonly GraphEdge[], simplexLimit: number, smallLimit: number, cache: LayoutCache | undefined): { width: number; height: number; placed: Placed[]; paths: Map<string, Point[]> } {
  // Connected parts over the layered edges (union-find).
  const parent = new Map<string, string>(members.map((n) => [n.id, n.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let y = x;
    while (parent.get(y) !== r) { const next = parent.get(y)!; parent.set(y, r); y = next; }
    return r;
  };
  for (const e of edges) {
    const a = find(e.from);
    const b = find(e.to);
    if (a !== b) parent.set(a, b);
  }
  const groups = new Map<string, GraphNode[]>();
  for (const n of members) {
    const r = find(n.id);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(n);
  }
  const edgesOf = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    const r = find(e.from);
    (edgesOf.get(r) ?? edgesOf.set(r, []).get(r)!).push(e);
  }

  const parts: Part[] = [];
  const singles: GraphNode[] = [];
  for (const [root, nodes] of groups) {
    if (nodes.length === 1) singles.push(nodes[0]!);
    else {
      const own = edgesOf.get(root) ?? [];
      const key = cache && `${nodes.length <= smallLimit ? 's' : 'd'}${partKey(nodes, own)}`;
      let part = key !== undefined ? cache!.get(key) : undefined;
      if (!part) {
        part = layoutPart(nodes, own, simplexLimit, smallLimit);
        if (key !== undefined) cache!.set(key, part);
      }
      parts.push(part);
    }
  }
  parts.sort((a, b) => a.first - b.first);

  // Pack the parts in rows no wider than about the square root of their area (or the widest part).
  const area = parts.reduce((s, p) => s + p.width * p.height, 0) + singles.reduce((s, n) => s + nodeSize(n).width * 80, 0);
  const rowWidth = Math.max(Math.sqrt(area) * 1.6, ...parts.map((p) => p.width), METRICS.maxWidth * 3);
  const placed: Placed[] = [];
  const paths = new Map<string, Point[]>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const p of parts) {
    if (x > 0 && x + p.width > rowWidth) { x = 0; y += rowHeight + METRICS.gap; rowHeight = 0; }
    for (const n of p.nodes) placed.push({ ...n, x: n.x + x, y: n.y + y });
    for (const [id, pts] of p.routes) paths.set(id, pts.map((q) => ({ x: q.x + x, y: q.y + y })));
    x += p.width + METRICS.gap;
    rowHeight = Math.max(rowHeight, p.height);
    width = Math.max(width, x - METRICS.gap);
  }
  if (singles.length > 0) {
    if (x > 0) { x = 0; y += rowHeight + METRICS.gap; rowHeight = 0; }
    singles.sort((a, b) => a.order - b.order);
    for (const n of singles) {
      const s = nodeSize(n);
      if (x > 0 && x + s.width > rowWidth) { x = 0; y += rowHeight + METRICS.gap / 2; rowHeight = 0; }
      placed.push({ id: n.id, x, y, width: s.width, height: s.height });
      x += s.width + METRICS.gap / 2;
      rowHeight = Math.max(rowHeight, s.height);
      width = Math.max(width, x - METRICS.gap / 2);
    }
  }
  return { width, height: y + rowHeight, placed, paths };
}

/** What a part's layout depends on: its nodes (order, size), its edges. */
function partKey(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string {
  const n = [...nodes].sort((a, b) => a.order - b.order).map((x) => { const s = nodeSize(x); return `${x.id}\u0001${s.width}x${s.height}`; });
  return `${n.join('\u0002')}\u0003${edges.map((e) => e.id).sort().join('\u0002')}`;
}

/** The nodes of a part that is one chain (each node at most one edge in and one out), top to bottom. */
function chainOrder(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string[] | undefined {
  if (edges.length !== nodes.length - 1) return undefined;
  const next = new Map<string, string>();
  const hasIn = new Set<string>();
  for (const e of edges) {
    const [a, b] = layeredEnds(e);
    if (next.has(a) || hasIn.has(b)) return undefined;
    next.set(a, b);
    hasIn.add(b);
  }
  const heads = nodes.filter((n) => !hasIn.has(n.id));
  if (heads.length !== 1) return undefined;
  const order: string[] = [];
  for (let at: string | undefined = heads[0]!.id; at !== undefined; at = next.get(at)) order.push(at);
  return order.length === nodes.length ? order : undefined;
}

/** A chain needs no layered layout: one box under the other, centred, straight edges. */
function layoutChain(nodes: readonly GraphNode[], edges: readonly GraphEdge[], order: readonly string[]): Part {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const width = Math.max(...nodes.map((n) => nodeSize(n).width));
  const placed: Placed[] = [];
  let y = 0;
  for (const id of order) {
    const s = nodeSize(byId.get(id)!);
    placed.push({ id, x: (width - s.width) / 2, y, width: s.width, height: s.height });
    y += s.height + 40;
  }
  const at = new Map(placed.map((p) => [p.id, p]));
  const routes = new Map<string, Point[]>();
  for (const e of edges) {
    const [a, b] = layeredEnds(e);
    const pa = at.get(a)!;
    const pb = at.get(b)!;
    routes.set(e.id, [{ x: width / 2, y: pa.y + pa.height }, { x: width / 2, y: pb.y }]);
  }
  return { nodes: placed, routes, width, height: y - 40, first: Math.min(...nodes.map((n) => n.order)) };
}

/** A small part by `layeredLayout`, with dagre's spacing (its `ranksep` 40 is between real ranks). */
function layoutSmall(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Part {
  const sorted = [...nodes].sort((a, b) => a.order - b.order);
  const byId = new Map(sorted.map((n) => [n.id, n]));
  const r = layeredLayout({
    ids: sorted.map((n) => n.id),
    size: (id) => nodeSize(byId.get(id)!),
    edges: edges.map((e) => { const [from, to] = layeredEnds(e); return { id: e.id, from, to }; }),
    nodesep: 24, edgesep: 12, ranksep: 40,
  });
  return {
    nodes: sorted.map((n) => ({ id: n.id, ...r.boxes.get(n.id)! })),
    routes: r.routes,
    width: r.width,
    height: r.height,
    first: sorted[0]!.order,
  };
}

function layoutPart(nodes: readonly GraphNode[], edges: readonly GraphEdge[], simplexLimit: number, smallLimit: number): Part {
  const chain = chainOrder(nodes, edges);
  if (chain) return layoutChain(nodes, edges, chain);
  if (nodes.length <= smallLimit) return layoutSmall(nodes, edges);
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 40, edgesep: 12, marginx: 0, marginy: 0, ranker: nodes.length > simplexLimit ? 'tight-tree' : 'network-simplex' });
  const sorted = [...nodes].sort((a, b) => a.order - b.order);
  // dagre keys its maps by node id and builds edge keys from them: short ids ("n0", never numeric,
  // which would reorder object keys) keep that work small without changing the layout.
  const key = new Map(sorted.map((n, i) => [n.id, `n${i}`]));
  for (const n of sorted) g.setNode(key.get(n.id)!, nodeSize(n));
  edges.forEach((e, i) => {
    const [a, b] = layeredEnds(e);
    g.setEdge(key.get(a)!, key.get(b)!, { weight: e.kind === 'supersedes' ? 4 : 1, minlen: 1 }, `e${i}`);
  });
  dagre.layout(g);
  const placed: Placed[] = sorted.map((n) => {
    const l = g.node(key.get(n.id)!) as { x: number; y: number; width: number; height: number };
    return { id: n.id, x: l.x - l.width / 2, y: l.y - l.height / 2, width: l.width, height: l.height };
  });
  const minX = Math.min(...placed.map((p) => p.x));
  const minY = Math.min(...placed.map((p) => p.y));
  for (const p of placed) { p.x -= minX; p.y -= minY; }
  const routes = new Map<string, Point[]>();
  edges.forEach((e, i) => {
    const [a, b] = layeredEnds(e);
    const label = g.edge(key.get(a)!, key.get(b)!, `e${i}`) as { points?: Point[] } | undefined;
    if (label?.points) routes.set(e.id, label.points.map((q) => ({ x: q.x - minX, y: q.y - minY })));
  });
  return {
    nodes: placed,
    routes,
    width: Math.max(...placed.map((p) => p.x + p.width)),
    height: Math.max(...placed.map((p) => p.y + p.height)),
    first: sorted[0]!.order,
  };
}

/** A straight segment between the borders of two boxes (centre to centre, clipped). */
function straight(a: NodeBox, b: NodeBox): Point[] {
  const ca = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const cb = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  return [roundPoint(clip(a, ca, cb)), roundPoint(clip(b, cb, ca))];
}

/** Where the segment from the centre `c` of `box` towards `to` leaves the box. */
function clip(box: NodeBox, c: Point, to: Point): Point {
  const dx = to.x - c.x;
  const dy = to.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Number.POSITIVE_INFINITY : box.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Number.POSITIVE_INFINITY : box.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

/** The point halfway along a polyline. */
export function midpoint(points: readonly Point[]): Point {
  if (points.length === 0) return { x: 0, y: 0 };
  let total = 0;
  for (let i = 1; i < points.length; i++) total += dist(points[i - 1]!, points[i]!);
  let left = total / 2;
  for (let i = 1; i < points.length; i++) {
    const d = dist(points[i - 1]!, points[i]!);
    if (d >= left && d > 0) {
      const t = left / d;
      return roundPoint({ x: points[i - 1]!.x + (points[i]!.x - points[i - 1]!.x) * t, y: points[i - 1]!.y + (points[i]!.y - points[i - 1]!.y) * t });
    }
    left -= d;
  }
  return points[points.length - 1]!;
}

const dist = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y);
const round = (v: number) => Math.round(v * 10) / 10;
const roundPoint = (p: Point): Point => ({ x: round(p.x), y: round(p.y) });
