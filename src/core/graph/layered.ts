/**
 * A small layered (Sugiyama) layout for the graph's small connected parts, where dagre's fixed cost
 * per call (~5 ms: graph copies, nesting graph, four Brandes–Köpf passes) is most of the work. The
 * same steps, kept short: cycles broken by a depth-first search, ranks by longest path (sources
 * pulled down next to what follows them), dummy nodes on long edges, barycenter sweeps that keep
 * the order with the fewest crossings, and x positions by repeated weighted averaging of the
 * neighbours under the layer's order and spacing (an exact isotonic fit per layer). Deterministic:
 * everything runs in the order the nodes are given. No Node API (the webview bundles it).
 */

export interface LayeredPoint {
  readonly x: number;
  readonly y: number;
}

export interface LayeredInput {
  /** Node ids, in the order ties are broken by (time order). */
  readonly ids: readonly string[];
  readonly size: (id: string) => { width: number; height: number };
  /** Edges from the node drawn above (`from`) to the one drawn below (`to`). */
  readonly edges: readonly { readonly id: string; readonly from: string; readonly to: string }[];
  readonly nodesep: number;
  readonly edgesep: number;
  readonly ranksep: number;
}

export interface LayeredResult {
  /** Top-left corners, the part's top-left at the origin. */
  readonly boxes: Map<string, { x: number; y: number; width: number; height: number }>;
  /** Per edge: from `from`'s border to `to`'s border. */
  readonly routes: Map<string, LayeredPoint[]>;
  readonly width: number;
  readonly height: number;
}

interface Vertex {
  readonly rank: number;
  readonly width: number;
  readonly height: number;
  readonly dummy: boolean;
  readonly up: number[];
  readonly down: number[];
}

const SWEEPS = 8;
const PLACEMENT_ROUNDS = 12;
/** Pull of a long edge's segments towards a straight line, against 1 for an ordinary edge. */
const STRAIGHTEN = 4;
const LOOP = 16;

export function layeredLayout(input: LayeredInput): LayeredResult {
  const n = input.ids.length;
  const index = new Map(input.ids.map((id, i) => [id, i]));
  const sizes = input.ids.map((id) => input.size(id));
  const links = input.edges.map((e) => ({ id: e.id, u: index.get(e.from)!, v: index.get(e.to)! }));

  // 1. Break cycles: an edge back to a node on the depth-first stack is ranked the other way round.
  const out: number[][] = Array.from({ length: n }, () => []);
  links.forEach((l, k) => { if (l.u !== l.v) out[l.u]!.push(k); });
  const reversed = new Set<number>();
  const state = new Uint8Array(n); // 0 new, 1 on the stack, 2 done
  for (let s = 0; s < n; s++) {
    if (state[s]) continue;
    const stack: [number, number][] = [[s, 0]];
    state[s] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [v, i] = top;
      if (i < out[v]!.length) {
        top[1]++;
        const k = out[v]![i]!;
        const w = links[k]!.v;
        if (state[w] === 1) reversed.add(k);
        else if (state[w] === 0) { state[w] = 1; stack.push([w, 0]); }
      } else { state[v] = 2; stack.pop(); }
    }
  }
  const dir = links.map((l, k) => (reversed.has(k) ? { a: l.v, b: l.u } : { a: l.u, b: l.v }));

  // 2. Ranks: longest path from the sources, in topological order (ties by input order).
  const succ: number[][] = Array.from({ length: n }, () => []);
  const pred: number[][] = Array.from({ length: n }, () => []);
  const indeg = new Array<number>(n).fill(0);
  dir.forEach((d) => { if (d.a !== d.b) { succ[d.a]!.push(d.b); pred[d.b]!.push(d.a); indeg[d.b]!++; } });
  const topo: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) ready.push(i);
  while (ready.length > 0) {
    // The smallest ready index first: the same order on every run.
    let best = 0;
    for (let j = 1; j < ready.length; j++) if (ready[j]! < ready[best]!) best = j;
    const v = ready.splice(best, 1)[0]!;
    topo.push(v);
    for (const w of succ[v]!) if (--indeg[w]! === 0) ready.push(w);
  }
  const rank = new Array<number>(n).fill(0);
  for (const v of topo) for (const w of succ[v]!) rank[w] = Math.max(rank[w]!, rank[v]! + 1);
  // Sources sit right above the first node that follows them, not at the top.
  for (let t = topo.length - 1; t >= 0; t--) {
    const v = topo[t]!;
    if (pred[v]!.length === 0 && succ[v]!.length > 0) rank[v] = Math.min(...succ[v]!.map((w) => rank[w]!)) - 1;
  }
  const minRank = Math.min(...rank);
  for (let i = 0; i < n; i++) rank[i] = rank[i]! - minRank;
  const ranks = Math.max(...rank) + 1;

  // 3. Vertices: the nodes, then one dummy per rank a long edge passes.
  const vs: Vertex[] = sizes.map((s, i) => ({ rank: rank[i]!, width: s.width, height: s.height, dummy: false, up: [], down: [] }));
  const chains: number[][] = dir.map((d) => {
    if (d.a === d.b) return [];
    const chain = [d.a];
    for (let r = rank[d.a]! + 1; r < rank[d.b]!; r++) {
      vs.push({ rank: r, width: 0, height: 0, dummy: true, up: [], down: [] });
      chain.push(vs.length - 1);
    }
    chain.push(d.b);
    for (let j = 1; j < chain.length; j++) { vs[chain[j - 1]!]!.down.push(chain[j]!); vs[chain[j]!]!.up.push(chain[j - 1]!); }
    return chain;
  });

  // 4. Order within the ranks: depth-first from the nodes (by rank, then input order), then sweeps.
  const layers: number[][] = Array.from({ length: ranks }, () => []);
  const seen = new Uint8Array(vs.length);
  const starts = [...vs.keys()].filter((i) => !vs[i]!.dummy).sort((a, b) => vs[a]!.rank - vs[b]!.rank || a - b);
  for (const s of starts) {
    const stack = [s];
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (seen[v]) continue;
      seen[v] = 1;
      layers[vs[v]!.rank]!.push(v);
      for (let j = vs[v]!.down.length - 1; j >= 0; j--) if (!seen[vs[v]!.down[j]!]) stack.push(vs[v]!.down[j]!);
    }
  }
  const pos = new Array<number>(vs.length).fill(0);
  const setPos = () => { for (const layer of layers) layer.forEach((v, i) => { pos[v] = i; }); };
  setPos();
  let bestLayers = layers.map((l) => [...l]);
  let bestCross = crossings(layers, vs, pos);
  for (let sweep = 0; sweep < SWEEPS && bestCross > 0; sweep++) {
    const downwards = sweep % 2 === 0;
    for (let k = 1; k < ranks; k++) {
      const r = downwards ? k : ranks - 1 - k;
      const layer = layers[r]!;
      const bary = new Map<number, number>();
      for (const v of layer) {
        const nb = downwards ? vs[v]!.up : vs[v]!.down;
        bary.set(v, nb.length > 0 ? nb.reduce((s, w) => s + pos[w]!, 0) / nb.length : pos[v]!);
      }
      layer.sort((a, b) => bary.get(a)! - bary.get(b)! || pos[a]! - pos[b]!);
      layer.forEach((v, i) => { pos[v] = i; });
    }
    const c = crossings(layers, vs, pos);
    if (c < bestCross) { bestCross = c; bestLayers = layers.map((l) => [...l]); }
  }
  for (let r = 0; r < ranks; r++) layers[r] = bestLayers[r]!;
  setPos();

  // 5. x: centres, packed, then pulled towards their neighbours under the order and spacing.
  const x = new Array<number>(vs.length).fill(0);
  const gapAfter = (a: number, b: number) => vs[a]!.width / 2 + vs[b]!.width / 2 + (vs[a]!.dummy || vs[b]!.dummy ? input.edgesep : input.nodesep);
  for (const layer of layers) for (let i = 1; i < layer.length; i++) x[layer[i]!] = x[layer[i - 1]!]! + gapAfter(layer[i - 1]!, layer[i]!);
  const weight = (a: number, b: number) => (vs[a]!.dummy && vs[b]!.dummy ? STRAIGHTEN : vs[a]!.dummy || vs[b]!.dummy ? 2 : 1);
  for (let round = 0; round < PLACEMENT_ROUNDS; round++) {
    const downwards = round % 2 === 0;
    for (let k = 0; k < ranks; k++) {
      const layer = layers[downwards ? k : ranks - 1 - k]!;
      const want: number[] = [];
      const wts: number[] = [];
      for (const v of layer) {
        let sw = 0;
        let sx = 0;
        for (const w of vs[v]!.up) { const q = weight(v, w); sw += q; sx += q * x[w]!; }
        for (const w of vs[v]!.down) { const q = weight(v, w); sw += q; sx += q * x[w]!; }
        want.push(sw > 0 ? sx / sw : x[v]!);
        wts.push(sw > 0 ? sw : 0.01);
      }
      const placed = fitInOrder(want, wts, layer.map((v, i) => (i === 0 ? 0 : gapAfter(layer[i - 1]!, v))));
      layer.forEach((v, i) => { x[v] = placed[i]!; });
    }
  }

  // 6. y: ranks as tall as their tallest node, `ranksep` apart; nodes centred in their rank.
  const rankHeight = layers.map((l) => Math.max(0, ...l.map((v) => vs[v]!.height)));
  const rankTop: number[] = [];
  let top = 0;
  for (let r = 0; r < ranks; r++) { rankTop.push(top); top += rankHeight[r]! + input.ranksep; }
  const cy = (v: number) => rankTop[vs[v]!.rank]! + rankHeight[vs[v]!.rank]! / 2;

  let minX = Number.POSITIVE_INFINITY;
  for (let v = 0; v < vs.length; v++) minX = Math.min(minX, x[v]! - vs[v]!.width / 2);
  const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
  let width = 0;
  let height = 0;
  for (let i = 0; i < n; i++) {
    const b = { x: x[i]! - sizes[i]!.width / 2 - minX, y: cy(i) - sizes[i]!.height / 2, width: sizes[i]!.width, height: sizes[i]!.height };
    boxes.set(input.ids[i]!, b);
    width = Math.max(width, b.x + b.width);
    height = Math.max(height, b.y + b.height);
  }

  // 7. Routes: from the bottom of the upper node through the dummies to the top of the lower one.
  const routes = new Map<string, LayeredPoint[]>();
  links.forEach((l, k) => {
    if (l.u === l.v) {
      const b = boxes.get(input.ids[l.u]!)!;
      const r = b.x + b.width;
      const c = b.y + b.height / 2;
      routes.set(l.id, [{ x: r, y: c - 8 }, { x: r + LOOP, y: c - 8 }, { x: r + LOOP, y: c + 8 }, { x: r, y: c + 8 }]);
      width = Math.max(width, r + LOOP);
      return;
    }
    const chain = chains[k]!;
    // Through a dummy's rank straight down, in the gap the order left: a slanted line across the
    // rank could clip a neighbour's corner.
    const pts: LayeredPoint[] = chain.flatMap((v, j) => {
      const px = x[v]! - minX;
      if (j === 0) return [{ x: px, y: cy(v) + vs[v]!.height / 2 }];
      if (j === chain.length - 1) return [{ x: px, y: cy(v) - vs[v]!.height / 2 }];
      const r = vs[v]!.rank;
      return rankHeight[r]! > 0 ? [{ x: px, y: rankTop[r]! }, { x: px, y: rankTop[r]! + rankHeight[r]! }] : [{ x: px, y: rankTop[r]! }];
    });
    routes.set(l.id, reversed.has(k) ? pts.reverse() : pts);
  });
  return { boxes, routes, width, height };
}

/** Crossings between each pair of neighbouring ranks (pairwise: the parts are small). */
function crossings(layers: readonly number[][], vs: readonly Vertex[], pos: readonly number[]): number {
  let total = 0;
  for (let r = 0; r + 1 < layers.length; r++) {
    const segs: [number, number][] = [];
    for (const v of layers[r]!) for (const w of vs[v]!.down) segs.push([pos[v]!, pos[w]!]);
    for (let i = 0; i < segs.length; i++) {
      for (let j = i + 1; j < segs.length; j++) {
        const [a, b] = segs[i]!;
        const [c, d] = segs[j]!;
        if ((a - c) * (b - d) < 0) total++;
      }
    }
  }
  return total;
}

/**
 * Positions as near `want` as the weights ask (least squares) with each at least `gap[i]` right of
 * the one before: an isotonic fit (pool adjacent violators) on the positions less their offsets.
 */
export function fitInOrder(want: readonly number[], weights: readonly number[], gap: readonly number[]): number[] {
  const offset: number[] = [];
  let o = 0;
  for (let i = 0; i < want.length; i++) { o += i === 0 ? 0 : gap[i]!; offset.push(o); }
  const blocks: { value: number; weight: number; count: number }[] = [];
  for (let i = 0; i < want.length; i++) {
    blocks.push({ value: want[i]! - offset[i]!, weight: weights[i]!, count: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2]!.value > blocks[blocks.length - 1]!.value) {
      const b = blocks.pop()!;
      const a = blocks[blocks.length - 1]!;
      a.value = (a.value * a.weight + b.value * b.weight) / (a.weight + b.weight);
      a.weight += b.weight;
      a.count += b.count;
    }
  }
  const out: number[] = [];
  for (const b of blocks) for (let j = 0; j < b.count; j++) out.push(b.value + offset[out.length]!);
  return out;
}
