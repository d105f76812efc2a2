/**
 * The decision graph model (src/core/graph): nodes, clusters, one edge per related pair and kind,
 * focus, filters and the governed-code layer, on fixtures of our own and on every corpus.
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AdrIndex } from '../../src/core/index';
import { buildGraph, neighbourhood, selectGraph, type DecisionGraph, type GraphEdge, type RecordNode } from '../../src/core/graph';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { CORPORA, corporaAvailable } from '../support/corpora';
import { CORPORA_WILD, corporaWildAvailable } from '../support/corporaWild';
import { FIXTURE, madr } from '../support/graphFixture';

async function fixtureGraph(options: Parameters<typeof buildGraph>[1] = {}): Promise<{ index: AdrIndex; graph: DecisionGraph }> {
  const index = await AdrIndex.build(MemoryFileSystem.from(FIXTURE, '/r'), '/r');
  return { index, graph: buildGraph(index, options) };
}

const edgeList = (g: DecisionGraph) => g.edges.map((e) => `${short(e.from)} ${e.kind}${e.kind === 'custom' ? `(${e.label})` : ''} ${short(e.to)} [${e.declaredBy}]`);
const short = (id: string) => id.replace(/^.*\/(\d{4})-.*$/, '$1').replace(/^doc\/adr\//, '');

/** Every edge joins two nodes of the graph, and no two edges say the same thing about one pair. */
function assertWellFormed(g: DecisionGraph): void {
  const ids = new Set(g.nodes.map((n) => n.id));
  assert.equal(ids.size, g.nodes.length, 'node ids are unique');
  const keys = new Set<string>();
  for (const e of g.edges) {
    assert.ok(ids.has(e.from), `edge ${e.id}: no node ${e.from}`);
    assert.ok(ids.has(e.to), `edge ${e.id}: no node ${e.to}`);
    assert.notEqual(e.from, e.to, `edge ${e.id} is a loop`);
    // One edge per pair and kind: the reverse direction of a directed kind, or relates either way, is the same relation.
    const pair = e.kind === 'relates' ? [e.from, e.to].sort().join(' ') : e.kind === 'custom' ? `${e.from} ${e.to} ${e.label}` : `${e.from} ${e.to}`;
    const key = `${e.kind} ${pair}`;
    assert.ok(!keys.has(key), `relation twice: ${key}`);
    keys.add(key);
    if (e.kind !== 'custom' && e.kind !== 'relates' && e.kind !== 'governs') assert.ok(!keys.has(`${e.kind} ${e.to} ${e.from}`), `both directions: ${e.id}`);
  }
  const clustered = g.clusters.flatMap((c) => c.nodes);
  assert.deepEqual(new Set(clustered), new Set(g.nodes.filter((n) => n.kind === 'record').map((n) => n.id)), 'every record in exactly one cluster');
  assert.equal(clustered.length, new Set(clustered).size);
}

describe('decision graph: building', () => {
  it('one node per record, in time order, numbered with the collection\'s padding, one cluster per collection', async () => {
    const { graph } = await fixtureGraph();
    assertWellFormed(graph);
    assert.deepEqual(graph.clusters.map((c) => [c.id, c.dialect, c.nodes.length]), [['doc/adr', 'adr-tools', 5], ['docs/decisions', 'madr', 3]]);
    const records = graph.nodes as RecordNode[];
    assert.deepEqual(records.map((n) => n.label), [
      '0001 Record decisions', '0002 Use Postgres', '0003 Use MySQL', '0004 Use Redis', '0005 Use a queue',
      '0000 Use MADR', '0001 Use Kafka', '0002 Use RabbitMQ',
    ]);
    assert.deepEqual(records.map((n) => n.order), [0, 1, 2, 3, 4, 5, 6, 7]);
    const kafka = records.find((n) => n.title === 'Use Kafka')!;
    assert.deepEqual({ id: kafka.id, status: kafka.status, date: kafka.date, tags: kafka.tags, cluster: kafka.cluster, numberLabel: kafka.numberLabel },
      { id: 'docs/decisions/0001-use-kafka.md', status: 'proposed', date: '2023-06-01', tags: ['messaging', 'Infra'], cluster: 'docs/decisions', numberLabel: '0001' });
  });

  it('one edge per relation whichever side wrote it, with the kind, the direction and who wrote it', async () => {
    const { graph } = await fixtureGraph();
    assert.deepEqual(edgeList(graph).sort(), [
      '0000 relates 0001 [both]',
      '0003 amends 0001 [from]',
      '0003 relates 0004 [to]',
      '0003 relates 0005 [to]',
      '0003 supersedes 0002 [both]',
      '0004 clarifies 0005 [both]',
      '0004 custom(depends on) 0005 [from]',
    ].sort());
    const byKind = (k: GraphEdge['kind']) => graph.edges.filter((e) => e.kind === k).map((e) => e.label);
    assert.deepEqual(byKind('supersedes'), ['supersedes']);
    assert.deepEqual(byKind('relates'), ['relates to', 'relates to', 'relates to']);
    assert.deepEqual(byKind('custom'), ['depends on']);
  });

  it('edges to records outside the chosen collections are left out, not left dangling', async () => {
    const fs = MemoryFileSystem.from({ ...FIXTURE, 'docs/decisions/0003-x.md': madr('status: accepted', 'Cross', '* Supersedes [3. Use MySQL](../../doc/adr/0003-use-mysql.md)') }, '/r');
    const index = await AdrIndex.build(fs, '/r');
    const all = buildGraph(index);
    assert.ok(edgeList(all).includes('0003 supersedes 0003 [from]'), edgeList(all).join('\n'));
    const one = buildGraph(index, { collections: ['/r/docs/decisions'] });
    assertWellFormed(one);
    assert.deepEqual(one.clusters.map((c) => c.id), ['docs/decisions']);
    assert.equal(one.nodes.length, 4);
    assert.deepEqual(edgeList(one), ['0000 relates 0001 [both]']);
  });

  it('date-named records (log4brains) are ordered by date and labelled by title alone', async () => {
    const fs = MemoryFileSystem.from({
      '.log4brains.yml': 'project:\n  name: x\n  adrFolder: ./docs/adr\n',
      'docs/adr/20240302-second.md': '# Second\n\n- Status: accepted\n- Date: 2024-03-02\n\n## Links\n\n- Supersedes [first](20240101-first.md)\n',
      'docs/adr/20240101-first.md': '# First\n\n- Status: superseded\n- Date: 2024-01-01\n',
    }, '/l');
    const g = buildGraph(await AdrIndex.build(fs, '/l'));
    assert.deepEqual(g.nodes.map((n) => n.label), ['First', 'Second']);
    assert.deepEqual(g.nodes.map((n) => (n as RecordNode).numberLabel), [null, null]);
    assert.deepEqual(edgeList(g), ['docs/adr/20240302-second.md supersedes docs/adr/20240101-first.md [from]']);
  });
});

describe('decision graph: focus and filters', () => {
  it('focus keeps the neighbourhood N hops out, in both directions, and the edges among it', async () => {
    const { graph } = await fixtureGraph();
    const focus = (hops: number) => selectGraph(graph, { focus: { node: 'doc/adr/0002-use-postgres.md', hops } }).nodes.map((n) => short(n.id));
    assert.deepEqual(focus(0), ['0002']);
    assert.deepEqual(focus(1), ['0002', '0003']);
    assert.deepEqual(focus(2), ['0001', '0002', '0003', '0004', '0005']);
    const two = selectGraph(graph, { focus: { node: '0002-use-postgres', hops: 2 } });
    assertWellFormed(two);
    // The edges among the kept nodes: 0004-0005 too, though neither is on a path from 0002 through it.
    assert.deepEqual(edgeList(two).sort(), [
      '0003 amends 0001 [from]', '0003 relates 0004 [to]', '0003 relates 0005 [to]', '0003 supersedes 0002 [both]', '0004 clarifies 0005 [both]', '0004 custom(depends on) 0005 [from]',
    ]);
    assert.deepEqual(selectGraph(graph, { focus: { node: 'no-such-record' } }).nodes, []);
    assert.equal(neighbourhood(graph, 'doc/adr/0004-use-redis.md', 1).size, 3);
  });

  it('filters by status, tag (any case), collection and text; edges only between kept records', async () => {
    const { graph } = await fixtureGraph();
    const labels = (g: DecisionGraph) => g.nodes.map((n) => n.label);
    const accepted = selectGraph(graph, { filter: { statuses: ['accepted'] } });
    assertWellFormed(accepted);
    assert.deepEqual(labels(accepted), ['0001 Record decisions', '0003 Use MySQL', '0004 Use Redis', '0000 Use MADR']);
    assert.deepEqual(edgeList(accepted).sort(), ['0003 amends 0001 [from]', '0003 relates 0004 [to]']);
    assert.deepEqual(labels(selectGraph(graph, { filter: { tags: ['infra'] } })), ['0001 Use Kafka']);
    assert.deepEqual(labels(selectGraph(graph, { filter: { clusters: ['docs/decisions'], statuses: ['proposed', 'rejected'] } })), ['0001 Use Kafka', '0002 Use RabbitMQ']);
    assert.deepEqual(labels(selectGraph(graph, { filter: { text: 'USE R' } })), ['0004 Use Redis', '0002 Use RabbitMQ']);
    const filteredClusters = selectGraph(graph, { filter: { text: 'redis' } }).clusters;
    assert.deepEqual(filteredClusters.map((c) => c.id), ['doc/adr'], 'empty clusters go');
    // Filter and focus together: the focus walks only the kept edges.
    assert.deepEqual(labels(selectGraph(graph, { filter: { statuses: ['accepted'] }, focus: { node: '3', hops: 1 } })), ['0001 Record decisions', '0003 Use MySQL', '0004 Use Redis']);
  });
});

describe('decision graph: the governed-code layer', () => {
  it('off by default; collapsed: one leaf per governing record standing for all its globs', async () => {
    assert.equal((await fixtureGraph()).graph.nodes.filter((n) => n.kind === 'code').length, 0);
    const { graph } = await fixtureGraph({ code: {} });
    assertWellFormed(graph);
    const code = graph.nodes.filter((n) => n.kind === 'code');
    assert.deepEqual(code.map((n) => [n.id, n.label, n.kind === 'code' && n.members, n.kind === 'code' && n.collapsed]), [
      ['code:docs/decisions/0000-use-madr.md#all', '2 paths', ['infra/', 'src/payments/**'], true],
      ['code:docs/decisions/0001-use-kafka.md#all', '2 paths', ['src/payments/**', 'src/queue/**'], true],
    ]);
    assert.deepEqual(graph.edges.filter((e) => e.kind === 'governs').map((e) => `${short(e.from)} -> ${e.to}`),
      ['0000 -> code:docs/decisions/0000-use-madr.md#all', '0001 -> code:docs/decisions/0001-use-kafka.md#all']);
  });

  it('expanded: one shared leaf per glob or anchored file; anchors add files that cite a record', async () => {
    const anchors = new Map([['/r/doc/adr/0003-use-mysql.md', ['src/db/pool.ts']]]);
    const { graph } = await fixtureGraph({ code: { expand: true, anchors } });
    assertWellFormed(graph);
    assert.deepEqual(graph.nodes.filter((n) => n.kind === 'code').map((n) => n.id).sort(),
      ['code:infra/', 'code:src/db/pool.ts', 'code:src/payments/**', 'code:src/queue/**']);
    const governs = graph.edges.filter((e) => e.kind === 'governs').map((e) => `${short(e.from)} ${e.label} ${e.to}`).sort();
    assert.deepEqual(governs, [
      '0000 governs code:infra/', '0000 governs code:src/payments/**', '0001 governs code:src/payments/**', '0001 governs code:src/queue/**', '0003 cited in code:src/db/pool.ts',
    ]);
    // Expanding one record only.
    const one = buildGraph((await fixtureGraph()).index, { code: { expand: new Set(['0000-use-madr']) } });
    assert.deepEqual(one.nodes.filter((n) => n.kind === 'code').map((n) => n.id), ['code:src/payments/**', 'code:infra/', 'code:docs/decisions/0001-use-kafka.md#all']);
    // A filter keeps the code of kept records only.
    const kept = selectGraph(graph, { filter: { statuses: ['proposed'] } });
    assert.deepEqual(kept.nodes.map((n) => n.id), ['doc/adr/0005-use-a-queue.md', 'docs/decisions/0001-use-kafka.md', 'code:src/payments/**', 'code:src/queue/**']);
  });
});

describe('decision graph: every corpus', () => {
  const corpora = [
    ...(corporaAvailable() ? readdirSync(CORPORA).filter((d) => !d.includes('.')).map((d) => join(CORPORA, d)) : []),
    ...(corporaWildAvailable() ? readdirSync(CORPORA_WILD).filter((d) => !d.includes('.')).map((d) => join(CORPORA_WILD, d)) : []),
  ];
  it('finds the corpora', () => {
    assert.ok(corpora.length >= 11, `corpora: ${corpora.join(', ')}`);
  });
  for (const root of corpora) {
    it(`${root.split('/').slice(-2).join('/')}: every record a node, every resolved relation one edge, none dangling`, async () => {
      const { NodeFileSystem } = await import('../../src/platform/nodeFileSystem');
      const index = await AdrIndex.build(new NodeFileSystem(), root);
      const graph = buildGraph(index, { code: { expand: true } });
      assertWellFormed(graph);
      assert.equal(graph.nodes.filter((n) => n.kind === 'record').length, index.size);
      assert.equal(graph.clusters.length, index.collections.length);
      // Every relation the index resolves to another record is an edge of the graph, one way or the other.
      const ids = new Map(index.records().map((r) => [r.path, r.path.slice(root.length + 1)]));
      const pairs = new Set(graph.edges.map((e) => `${e.from}\0${e.to}`));
      for (const r of index.records()) {
        for (const x of index.relationsOf(r.path)) {
          if (!x.other || x.other === r.path) continue;
          const a = ids.get(r.path)!;
          const b = ids.get(x.other)!;
          assert.ok(pairs.has(`${a}\0${b}`) || pairs.has(`${b}\0${a}`), `${a} ${x.type} ${b} has no edge`);
        }
      }
    });
  }
});
