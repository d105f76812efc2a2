/**
 * The small layered layout (src/core/graph/layered.ts) that lays out the graph's small parts in
 * place of dagre: on generated collections of many small parts (stars, diamonds, tangled topics,
 * cycles), every node once, no overlaps, older records above the records that supersede, amend or
 * clarify them, edges from border to border, the same result on every run and through the cache;
 * the same invariants with dagre (`smallLimit: 0`) for comparison.
 */
import { strict as assert } from 'node:assert';
import { LayoutCache, layoutGraph, type DecisionGraph, type GraphEdge, type GraphLayout, type GraphNode } from '../../src/core/graph';
import { fitInOrder, layeredLayout } from '../../src/core/graph/layered';

function record(i: number, cluster = 'c'): GraphNode {
  const label = `${String(i).padStart(4, '0')} Decision ${'x'.repeat(i % 23)}`;
  return { kind: 'record', id: `${cluster}/${i}`, recordId: `${cluster}/${i}`, number: i, numberLabel: String(i).padStart(4, '0'), title: label, label, status: 'accepted', statusText: null, date: null, tags: [], cluster, order: i };
}

function edge(kind: GraphEdge['kind'], from: string, to: string): GraphEdge {
  return { id: `${kind}:${from}->${to}`, kind, from, to, label: kind, declaredBy: 'from' };
}

/** `count` records in topics of about `topic`; newer records supersede, amend or clarify older ones of their topic. */
function generated(count: number, topic: number, seed = 7): DecisionGraph {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const nodes = Array.from({ length: count }, (_, i) => record(i + 1));
  const edges: GraphEdge[] = [];
  const pairs = new Set<string>();
  const topics = Math.max(1, Math.round(count / topic));
  const topicOf = (i: number) => (i * 7919) % topics;
  for (let i = 2; i <= count; i++) {
    const earlier = nodes.filter((n) => n.order < i && topicOf(n.order) === topicOf(i));
    const links = earlier.length === 0 ? 0 : 1 + Math.floor(rnd() * 2.2);
    for (let k = 0; k < links; k++) {
      const to = earlier[Math.max(0, earlier.length - 1 - Math.floor(rnd() * 5))]!;
      const key = `${i} ${to.order}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      const r = rnd();
      edges.push(edge(r < 0.5 ? 'supersedes' : r < 0.8 ? 'amends' : 'clarifies', `c/${i}`, to.id));
    }
    if (rnd() < 0.3) edges.push(edge('relates', `c/${i}`, `c/${1 + Math.floor(rnd() * (i - 1))}`));
  }
  return { clusters: [{ id: 'c', name: 'c', dialect: 'adr-tools', nodes: nodes.map((n) => n.id) }], nodes, edges };
}

const ORDERING = new Set(['supersedes', 'amends', 'clarifies']);

function assertSound(graph: DecisionGraph, layout: GraphLayout, acyclic = true, clean = false): void {
  assert.equal(layout.nodes.length, graph.nodes.length);
  assert.equal(new Set(layout.nodes.map((b) => b.id)).size, graph.nodes.length, 'every node once');
  const box = new Map(layout.nodes.map((b) => [b.id, b]));
  const sorted = [...layout.nodes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < a.x + a.width; j++) {
      const b = sorted[j]!;
      assert.ok(!(a.y < b.y + b.height && b.y < a.y + a.height), `${a.id} overlaps ${b.id}`);
    }
  }
  for (const c of layout.clusters) {
    for (const n of graph.nodes.filter((x) => x.cluster === c.id)) {
      const b = box.get(n.id)!;
      assert.ok(b.x >= c.x && b.y >= c.y && b.x + b.width <= c.x + c.width && b.y + b.height <= c.y + c.height, `${n.id} outside ${c.id}`);
    }
  }
  const near = (p: { x: number; y: number }, id: string) => {
    const b = box.get(id)!;
    return p.x >= b.x - 1 && p.x <= b.x + b.width + 1 && p.y >= b.y - 1 && p.y <= b.y + b.height + 1;
  };
  const byId = new Map(graph.edges.map((e) => [e.id, e]));
  for (const r of layout.edges) {
    const e = byId.get(r.id)!;
    assert.ok(r.points.length >= 2, `${e.id}: a route`);
    assert.ok(near(r.points[0]!, e.from), `${e.id} starts away from ${e.from}`);
    assert.ok(near(r.points[r.points.length - 1]!, e.to), `${e.id} ends away from ${e.to}`);
    if (acyclic && ORDERING.has(e.kind)) {
      // The older record (`to`) wholly above the one that supersedes, amends or clarifies it.
      const older = box.get(e.to)!;
      const newer = box.get(e.from)!;
      assert.ok(older.y + older.height <= newer.y, `${e.id}: ${e.to} not above ${e.from}`);
      assert.ok(r.layered, `${e.id} routed by the layered layout`);
    }
    if (clean && r.layered) {
      // No routed edge crosses a box it does not join (dagre's routes may clip one: not checked).
      for (let i = 1; i < r.points.length; i++) {
        const [p, q] = [r.points[i - 1]!, r.points[i]!];
        for (const b of layout.nodes) {
          if (b.id === e.from || b.id === e.to || Math.max(p.x, q.x) <= b.x || Math.min(p.x, q.x) >= b.x + b.width || Math.max(p.y, q.y) <= b.y || Math.min(p.y, q.y) >= b.y + b.height) continue;
          for (let k = 1; k < 16; k++) {
            const x = p.x + (q.x - p.x) * k / 16;
            const y = p.y + (q.y - p.y) * k / 16;
            assert.ok(!(x > b.x + 1 && x < b.x + b.width - 1 && y > b.y + 1 && y < b.y + b.height - 1), `${e.id} passes through ${b.id}`);
          }
        }
      }
    }
  }
}

describe('decision graph: the small layered layout', () => {
  for (const [count, topic] of [[120, 5], [300, 12], [200, 30]] as const) {
    it(`${count} records in topics of about ${topic}: sound, the same as dagre's invariants, the same on every run`, () => {
      const graph = generated(count, topic);
      const small = layoutGraph(graph);
      assertSound(graph, small, true, true);
      assertSound(graph, layoutGraph(graph, { smallLimit: 0 }));
      assert.deepEqual(layoutGraph(graph), small, 'deterministic');
      assert.deepEqual(layoutGraph(generated(count, topic)), small, 'deterministic from a fresh graph');
    });
  }

  it('a part above `smallLimit` goes to dagre, at or below it to the small layout (the cache keeps them apart)', () => {
    const graph = generated(60, 60);
    const cache = new LayoutCache();
    const small = layoutGraph(graph, { smallLimit: 1000, cache });
    const dagre = layoutGraph(graph, { smallLimit: 0, cache });
    assertSound(graph, small);
    assertSound(graph, dagre);
    assert.notDeepEqual(small, dagre);
    assert.equal(cache.hits, 0, 'a part laid out one way is not reused for the other');
    assert.deepEqual(layoutGraph(graph, { smallLimit: 0 }), dagre);
  });

  it('a star: the older record centred (on average) above the records that amend it, in time order', () => {
    const nodes = [1, 2, 3, 4, 5].map((i) => record(i));
    const graph: DecisionGraph = { clusters: [], nodes, edges: [2, 3, 4, 5].map((i) => edge('amends', `c/${i}`, 'c/1')) };
    const layout = layoutGraph(graph);
    assertSound(graph, layout);
    const box = new Map(layout.nodes.map((b) => [b.id, b]));
    const xs = [2, 3, 4, 5].map((i) => box.get(`c/${i}`)!.x);
    assert.deepEqual(xs, [...xs].sort((a, b) => a - b), 'left to right in time order');
    assert.equal(new Set([2, 3, 4, 5].map((i) => box.get(`c/${i}`)!.y)).size, 1, 'one row');
    const hub = box.get('c/1')!;
    const row = [2, 3, 4, 5].map((i) => box.get(`c/${i}`)!);
    const mid = row.reduce((sum, b) => sum + b.x + b.width / 2, 0) / row.length;
    assert.ok(Math.abs(hub.x + hub.width / 2 - mid) < 1, `hub centred: ${hub.x + hub.width / 2} vs ${mid}`);
  });

  it('a diamond and a long edge: the long edge passes the middle rank beside its records, not through them', () => {
    // 4 supersedes 2 and 3, both supersede 1; 4 also clarifies 1 (two ranks down).
    const nodes = [1, 2, 3, 4].map((i) => record(i));
    const edges = [edge('supersedes', 'c/2', 'c/1'), edge('supersedes', 'c/3', 'c/1'), edge('supersedes', 'c/4', 'c/2'), edge('supersedes', 'c/4', 'c/3'), edge('clarifies', 'c/4', 'c/1')];
    const graph: DecisionGraph = { clusters: [], nodes, edges };
    const layout = layoutGraph(graph);
    assertSound(graph, layout);
    const long = layout.edges.find((r) => r.id === 'clarifies:c/4->c/1')!;
    assert.equal(long.points.length, 4, 'down through the middle rank');
    // No point of the route (sampled along it) inside a box it does not join.
    const pts = long.points;
    for (let i = 1; i < pts.length; i++) {
      for (let k = 1; k < 20; k++) {
        const p = { x: pts[i - 1]!.x + (pts[i]!.x - pts[i - 1]!.x) * k / 20, y: pts[i - 1]!.y + (pts[i]!.y - pts[i - 1]!.y) * k / 20 };
        for (const b of layout.nodes) assert.ok(!(p.x > b.x && p.x < b.x + b.width && p.y > b.y && p.y < b.y + b.height), `through ${b.id} at ${JSON.stringify(p)}`);
      }
    }
  });

  it('a cycle (bad data: two records supersede each other) is laid out whole, without overlaps, each edge still from border to border', () => {
    const nodes = [1, 2, 3].map((i) => record(i));
    const graph: DecisionGraph = { clusters: [], nodes, edges: [edge('supersedes', 'c/2', 'c/1'), edge('supersedes', 'c/1', 'c/2'), edge('amends', 'c/3', 'c/2'), edge('amends', 'c/1', 'c/3')] };
    const layout = layoutGraph(graph);
    assertSound(graph, layout, false);
    assert.deepEqual(layoutGraph(graph), layout);
  });

  it('layeredLayout routes a loop beside its node, inside the reported width', () => {
    const r = layeredLayout({ ids: ['a', 'b'], size: () => ({ width: 100, height: 40 }), edges: [{ id: 'l', from: 'a', to: 'a' }, { id: 'e', from: 'a', to: 'b' }], nodesep: 24, edgesep: 12, ranksep: 40 });
    const pts = r.routes.get('l')!;
    const a = r.boxes.get('a')!;
    assert.ok(pts.every((p) => p.x >= a.x + a.width && p.x <= r.width), JSON.stringify(pts));
    assert.ok(r.boxes.get('b')!.y >= a.y + a.height + 40);
  });

  it('fitInOrder: as near the wanted positions as the order and gaps allow', () => {
    assert.deepEqual(fitInOrder([0, 100, 200], [1, 1, 1], [0, 10, 10]), [0, 100, 200], 'room enough: as wanted');
    assert.deepEqual(fitInOrder([50, 50], [1, 1], [0, 20]), [40, 60], 'a clash: split evenly');
    assert.deepEqual(fitInOrder([50, 50], [3, 1], [0, 20]), [45, 65], 'the heavier moves less');
    assert.deepEqual(fitInOrder([100, 0], [1, 1], [0, 10]), [45, 55], 'the order kept');
  });
});
