/**
 * The decision graph's layout and exports (JSON, DOT, Mermaid, SVG), hostile titles in each, and
 * `adrw generate graph --format …` on adr-tools, MADR and log4brains collections.
 */
import { strict as assert } from 'node:assert';
import { AdrIndex } from '../../src/core/index';
import {
  buildGraph, escapeXml, LayoutCache, layoutGraph, mermaidString, relativeHref, renderDot, renderJson, renderMermaid, renderSvg, selectGraph,
  GRAPH_JSON_VERSION, STATUS_STYLE, type DecisionGraph,
} from '../../src/core/graph';
import { STATUSES } from '../../src/core/model';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { cli } from '../support/cliHarness';
import { FIXTURE } from '../support/graphFixture';

async function graphOf(files: Record<string, string>, root = '/r'): Promise<DecisionGraph> {
  return buildGraph(await AdrIndex.build(MemoryFileSystem.from(files, root), root), { code: {} });
}

const HOSTILE = '</text><script>alert(1)</script><a href="javascript:x">&amp; "q" \'s\' `tick` #quot; {{x}} ]]> --> -- ; \\" \n';
const hostileFixture = () => ({
  ...FIXTURE,
  'doc/adr/0006-hostile.md': `# 6. ${HOSTILE.replace(/\n/g, '')}\n\nDate: 2024-02-01\n\n## Status\n\nAccepted\n\nSupersedes [5. Use a queue](0005-use-a-queue.md)\n`,
  'doc/adr/0007-javascript:alert(1).md': '# 7. <img src=x onerror=alert(1)>\n\nDate: 2024-02-02\n\n## Status\n\nProposed\n',
});

describe('decision graph: layout', () => {
  it('places every node once, inside its cluster, without overlaps; supersede chains run downwards in time order', async () => {
    const graph = await graphOf(FIXTURE);
    const layout = layoutGraph(graph);
    assert.equal(layout.nodes.length, graph.nodes.length);
    assert.equal(layout.edges.length, graph.edges.length);
    const box = new Map(layout.nodes.map((b) => [b.id, b]));
    for (const n of graph.nodes) {
      const b = box.get(n.id)!;
      const c = layout.clusters.find((x) => x.id === n.cluster)!;
      assert.ok(b.x >= c.x && b.y >= c.y && b.x + b.width <= c.x + c.width && b.y + b.height <= c.y + c.height, `${n.id} outside ${c.id}`);
      assert.ok(b.x + b.width <= layout.width + 0.1 && b.y + b.height <= layout.height + 0.1);
    }
    for (const a of layout.nodes) {
      for (const b of layout.nodes) {
        if (a === b) continue;
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        assert.ok(!overlap, `${a.id} overlaps ${b.id}`);
      }
    }
    // 0003 supersedes 0002 and amends 0001: the older records sit above it; 0004 clarifies 0005 -> 0005 above 0004.
    const y = (id: string) => box.get(id)!.y;
    assert.ok(y('doc/adr/0002-use-postgres.md') < y('doc/adr/0003-use-mysql.md'));
    assert.ok(y('doc/adr/0001-record-decisions.md') < y('doc/adr/0003-use-mysql.md'));
    assert.ok(y('doc/adr/0005-use-a-queue.md') < y('doc/adr/0004-use-redis.md'));
    // Edges start at their `from` node and end at their `to` node (on the border).
    for (const r of layout.edges) {
      const e = graph.edges.find((x) => x.id === r.id)!;
      const near = (p: { x: number; y: number }, id: string) => {
        const b = box.get(id)!;
        return p.x >= b.x - 1 && p.x <= b.x + b.width + 1 && p.y >= b.y - 1 && p.y <= b.y + b.height + 1;
      };
      assert.ok(near(r.points[0]!, e.from), `${e.id} starts away from ${e.from}`);
      assert.ok(near(r.points[r.points.length - 1]!, e.to), `${e.id} ends away from ${e.to}`);
    }
    // Deterministic.
    assert.deepEqual(layoutGraph(graph), layout);
  });

  it('a cache re-lays out only the parts that changed, with the same result as without it', async () => {
    const graph = await graphOf(FIXTURE);
    const cache = new LayoutCache();
    const first = layoutGraph(graph, { cache });
    assert.deepEqual(first, layoutGraph(graph));
    const parts = cache.misses;
    assert.ok(parts >= 2, `parts laid out: ${parts}`);
    assert.deepEqual(layoutGraph(graph, { cache }), first);
    assert.deepEqual([cache.hits, cache.misses], [parts, parts], 'nothing laid out again');
    // One more relation in the 0004/0005 part: that part only is laid out again.
    const changed = await graphOf({ ...FIXTURE, 'doc/adr/0006-use-nats.md': '# 6. Use NATS\n\nDate: 2024-01-09\n\n## Status\n\nAccepted\n\nSupersedes [5. Use a queue](0005-use-a-queue.md)\n' });
    const again = layoutGraph(changed, { cache });
    assert.deepEqual([cache.hits, cache.misses], [parts + parts - 1, parts + 1]);
    assert.deepEqual(again, layoutGraph(changed));
  });

  it('a chain is stacked in time order without the layered layout', async () => {
    const graph = await graphOf({
      '.adr-dir': 'doc/adr',
      'doc/adr/0001-a.md': '# 1. A\n\n## Status\n\nSuperseded by [2. B](0002-b.md)\n',
      'doc/adr/0002-b.md': '# 2. B\n\n## Status\n\nSuperseded by [3. C](0003-c.md)\n\nSupersedes [1. A](0001-a.md)\n',
      'doc/adr/0003-c.md': '# 3. C\n\n## Status\n\nAccepted\n\nSupersedes [2. B](0002-b.md)\n',
    });
    const layout = layoutGraph(graph);
    const ys = layout.nodes.map((b) => b.y);
    assert.deepEqual(ys, [...ys].sort((a, b) => a - b));
    assert.equal(new Set(layout.nodes.map((b) => b.x + b.width / 2)).size, 1, 'one column');
    for (const r of layout.edges) assert.equal(r.points.length, 2);
  });

  it('lays out an empty graph and a graph with no edges', () => {
    assert.deepEqual(layoutGraph({ clusters: [], nodes: [], edges: [] }), { width: 0, height: 0, nodes: [], edges: [], clusters: [] });
  });
});

describe('decision graph: exports', () => {
  it('JSON: versioned, stable key order, the same text twice, optional layout', async () => {
    const graph = await graphOf(FIXTURE);
    const text = renderJson(graph);
    assert.equal(text, renderJson(graph));
    const json = JSON.parse(text);
    assert.equal(json.format, 'adr-workbench/decision-graph');
    assert.equal(json.version, GRAPH_JSON_VERSION);
    assert.deepEqual(Object.keys(json), ['format', 'version', 'clusters', 'nodes', 'edges']);
    assert.deepEqual(Object.keys(json.nodes[0]), ['kind', 'id', 'recordId', 'number', 'numberLabel', 'title', 'label', 'status', 'statusText', 'date', 'tags', 'cluster', 'order']);
    assert.deepEqual(Object.keys(json.edges[0]), ['id', 'kind', 'from', 'to', 'label', 'declaredBy']);
    assert.equal(json.nodes.length, 10);
    assert.ok(JSON.parse(renderJson(graph, layoutGraph(graph))).layout.nodes.length === 10);
  });

  it('DOT: a cluster per collection, status as fill and shape, kinds as line styles, relates undirected', async () => {
    const dot = renderDot(await graphOf(FIXTURE));
    assert.match(dot, /^digraph decisions \{\n/);
    assert.equal((dot.match(/subgraph cluster_\d+ \{/g) ?? []).length, 2);
    assert.match(dot, /n2 \[label="0003 Use MySQL\\nAccepted", shape=box, style="rounded,filled", fillcolor="#d9f2dd"/);
    assert.match(dot, /n4 \[label="0005 Use a queue\\nProposed", shape=hexagon,/);
    assert.match(dot, /n7 \[label="0002 Use RabbitMQ\\nRejected", shape=octagon,/);
    assert.match(dot, /n2 -> n1 \[label="supersedes", style=solid,/);
    assert.match(dot, /n2 -> n0 \[label="amends", style=dashed,/);
    assert.match(dot, /n2 -> n3 \[label="relates to", style=solid, color="#8a8a8a", penwidth=1, dir=none\];/);
    assert.match(dot, /n5 -> n8 \[label="governs", style=dotted/);
  });

  it('Mermaid: subgraphs, a shape and a class per status, labelled edges', async () => {
    const m = renderMermaid(await graphOf(FIXTURE));
    assert.match(m, /^flowchart TB\n {2}subgraph c0\["doc\/adr"\]\n/);
    assert.match(m, /\n {4}n2\("0003 Use MySQL \(Accepted\)"\):::accepted\n/);
    assert.match(m, /\n {4}n4\{\{"0005 Use a queue \(Proposed\)"\}\}:::proposed\n/);
    assert.match(m, /\n {2}n2 ==>\|"supersedes"\| n1\n/);
    assert.match(m, /\n {2}n2 ---\|"relates to"\| n3\n/);
    assert.match(m, /\n {2}classDef rejected fill:#f9dcdf,stroke:#b71c1c\n/);
  });

  it('SVG: every node with its status shape and word, every edge, a link per record; well-formed', async () => {
    const graph = await graphOf(FIXTURE);
    const svg = renderSvg(graph, layoutGraph(graph));
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="[\d.]+" height="[\d.]+" viewBox="0 0 [\d.]+ [\d.]+" role="img"/);
    assert.equal((svg.match(/<g class="node record/g) ?? []).length, 8);
    assert.equal((svg.match(/<g class="node code"/g) ?? []).length, 2);
    assert.equal((svg.match(/<g class="edge /g) ?? []).length, graph.edges.length);
    assert.match(svg, /<g class="node record status-accepted" data-id="doc\/adr\/0003-use-mysql.md"><title>0003 Use MySQL: Accepted, 2024-01-03<\/title><a href=".\/doc\/adr\/0003-use-mysql.md"><rect [^>]*rx="8"/);
    assert.match(svg, /status-proposed" data-id="doc\/adr\/0005-use-a-queue.md">.*<polygon points="(?:[\d.]+,[\d.]+ ){5}[\d.]+,[\d.]+" fill="#fff1c9"/);
    assert.match(svg, /status-rejected".*<polygon points="(?:[\d.]+,[\d.]+ ){7}[\d.]+,[\d.]+"/);
    assert.match(svg, />Rejected<\/text>/);
    assert.match(svg, /<g class="edge edge-supersedes"><title>0003 Use MySQL supersedes 0002 Use Postgres<\/title><path d="M[^"]+" fill="none" stroke="#5e35b1" stroke-width="2" marker-end="url\(#arrow-supersedes\)"\/>/);
    assert.match(svg, /<g class="edge edge-relates">.*<path [^>]*stroke-width="1"\/>/);
    assertBalanced(svg);
  });

  it('each status has its own shape and word, so the graph reads without colour', () => {
    assert.equal(new Set(STATUSES.map((s) => STATUS_STYLE[s].shape)).size, STATUSES.length);
    assert.equal(new Set(STATUSES.map((s) => STATUS_STYLE[s].word)).size, STATUSES.length);
  });
});

describe('decision graph: hostile titles and file names', () => {
  it('SVG: no element, attribute or link comes of record text', async () => {
    const graph = await graphOf(hostileFixture());
    const svg = renderSvg(graph, layoutGraph(graph));
    assert.ok(!/<script|<img|<a href="javascript|onerror=/i.test(svg), svg);
    assert.ok(svg.includes('0006 alert(1)&amp;amp; &quot;q&quot; &#39;s&#39;'), svg.split('\n').filter((l) => l.includes('0006')).join('\n'));
    // The parser already drops tags from titles; the renderer must hold for any text, so feed it raw.
    const raw: DecisionGraph = {
      clusters: [{ id: HOSTILE, name: HOSTILE, dialect: 'generic', nodes: ['a', 'b'] }],
      nodes: [
        { kind: 'record', id: 'a', recordId: 'a', number: 1, numberLabel: '1', title: HOSTILE, label: HOSTILE, status: 'accepted', statusText: HOSTILE, date: HOSTILE, tags: [HOSTILE], cluster: HOSTILE, order: 0 },
        { kind: 'record', id: 'javascript:alert(1)', recordId: 'b', number: 2, numberLabel: '2', title: 'b', label: 'b', status: 'proposed', statusText: null, date: null, tags: [], cluster: HOSTILE, order: 1 },
        { kind: 'code', id: 'code:x', label: HOSTILE, members: [HOSTILE], collapsed: false, cluster: HOSTILE, order: 2 },
      ],
      edges: [
        { id: 'e1', kind: 'custom', from: 'javascript:alert(1)', to: 'a', label: HOSTILE, declaredBy: 'from' },
        { id: 'e2', kind: 'governs', from: 'a', to: 'code:x', label: 'governs', declaredBy: 'from' },
      ],
    };
    const rawSvg = renderSvg(raw, layoutGraph(raw), { title: HOSTILE });
    assert.ok(!/<script|<a href="javascript|<\/text><script/i.test(rawSvg), rawSvg);
    assert.ok(rawSvg.includes('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(rawSvg.includes('href="./javascript:alert(1)"'));
    assert.deepEqual(new Set([...rawSvg.matchAll(/<([a-zA-Z]+)/g)].map((m) => m[1])), new Set(['svg', 'title', 'defs', 'marker', 'path', 'g', 'rect', 'text', 'a', 'polygon']));
    assertBalanced(rawSvg);
    for (const line of renderDot(raw).split('\n')) {
      const outside = line.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/ -> /g, ' ');
      assert.ok(!/[<>&`']|script/.test(outside), line);
    }
    assertMermaidForms(renderMermaid(raw));
    assert.ok(svg.includes('href="./doc/adr/0007-javascript:alert(1).md"'), 'a record named like a scheme is linked as a relative path');
    // Only the elements the renderer writes.
    const tags = new Set([...svg.matchAll(/<([a-zA-Z]+)/g)].map((m) => m[1]));
    assert.deepEqual([...tags].sort(), ['a', 'defs', 'g', 'marker', 'path', 'polygon', 'rect', 'svg', 'text', 'title']);
    assertBalanced(svg);
  });

  it('DOT and Mermaid: the text stays inside its quotes', async () => {
    const graph = await graphOf(hostileFixture());
    const dot = renderDot(graph);
    for (const line of dot.split('\n').filter((l) => l.includes('label='))) {
      // Outside the quoted strings, a DOT line holds only ids, attribute names and plain values.
      const outside = line.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/ -> /g, ' ');
      assert.ok(!/[<>&`']/.test(outside) && !outside.includes('script'), line);
    }
    assertMermaidForms(renderMermaid(graph));
    assert.ok(renderMermaid(graph).includes('#quot;q#quot;'));
    assert.equal(mermaidString('a"b<c>#d&`'), '"a#quot;b#lt;c#gt;#35;d#amp;#96;"');
    assert.equal(escapeXml(`<a href="x" b='y'>&\u0001`), '&lt;a href=&quot;x&quot; b=&#39;y&#39;&gt;&amp;');
    assert.equal(relativeHref('javascript:alert(1)'), './javascript:alert(1)');
    assert.equal(relativeHref('docs/a b#c?.md'), './docs/a%20b%23c%3F.md');
  });
});

// Every Mermaid line is one of the forms the renderer writes, with the text inside one "…" each.
const MERMAID_FORMS = [
  /^flowchart TB$/, /^ {2}subgraph c\d+\["[^"]*"\]$/, /^ {2}end$/, /^$/,
  /^ {4}n\d+(?:\(|\{\{|\[\/|\[\[|>|\(\[|\[\()"[^"]*"(?:\)|\}\}|\/\]|\\\]|\]\]|\]|\]\)|\)\]):::\w+$/,
  /^ {2}n\d+ (?:==>|-\.->|---|-->)\|"[^"]*"\| n\d+$/, /^ {2}classDef \w+ fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6}(?:,stroke-dasharray:4 3)?$/,
];

function assertMermaidForms(text: string): void {
  for (const line of text.split('\n')) assert.ok(MERMAID_FORMS.some((f) => f.test(line)), line);
}

/** The SVG's elements open and close in order (a cheap well-formedness check). */
function assertBalanced(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (m[1]) assert.equal(stack.pop(), m[2], `</${m[2]}> closes the wrong element`);
    else stack.push(m[2]!);
  }
  assert.deepEqual(stack, []);
}

describe('CLI: generate graph --format', () => {
  const MADR = {
    '/w/docs/decisions/0000-use-madr.md': '---\nstatus: accepted\n---\n\n# Use MADR\n',
    '/w/docs/decisions/0001-use-postgresql.md': '---\nstatus: superseded by [ADR-0002](0002-use-mysql.md)\n---\n\n# Use PostgreSQL\n',
    '/w/docs/decisions/0002-use-mysql.md': '---\nstatus: accepted\nsupersedes: 0001-use-postgresql.md\n---\n\n# Use MySQL\n',
  };

  it('dot (the default) stays adr-tools\' graph; mermaid, json and svg draw the decision graph', async () => {
    const fs = MemoryFileSystem.from(FIXTURE, '/r');
    const plain = await cli(fs, '/r', ['generate', 'graph']);
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal((await cli(fs, '/r', ['generate', 'graph', '--format', 'dot'])).stdout, plain.stdout);
    assert.match(plain.stdout, /^digraph \{\n {2}node \[shape=plaintext\];/);
    const json = JSON.parse((await cli(fs, '/r', ['generate', 'graph', '--format', 'json'])).stdout);
    assert.deepEqual(json.clusters.map((c: { id: string }) => c.id), ['doc/adr', 'docs/decisions']);
    assert.equal(json.nodes.length, 8);
    const m = await cli(fs, '/r', ['generate', 'graph', '-f', 'mermaid', '--collection', 'docs/decisions']);
    assert.equal(m.code, 0, m.stderr);
    assert.deepEqual(m.stdout.match(/subgraph c\d+\["[^"]*"\]/g), ['subgraph c0["docs/decisions"]']);
    const svg = await cli(fs, '/r', ['generate', 'graph', '--format', 'SVG']);
    assert.equal(svg.code, 0, svg.stderr);
    assert.match(svg.stdout, /^<svg /);
    assert.equal((svg.stdout.match(/<g class="node record/g) ?? []).length, 8);
  });

  it('filters and focus, in any format (DOT with a filter is the decision graph)', async () => {
    const fs = MemoryFileSystem.from(FIXTURE, '/r');
    const ids = async (...args: string[]) => {
      const r = await cli(fs, '/r', ['generate', 'graph', '--format', 'json', ...args]);
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout).nodes.map((n: { id: string }) => n.id.startsWith('code:') ? n.id : n.id.replace(/^.*\/(\d{4})-.*$/, '$1'));
    };
    assert.deepEqual(await ids('--status', 'proposed,rejected'), ['0005', '0001', '0002']);
    assert.deepEqual(await ids('--tag', 'process', '--code'), ['0000', 'code:docs/decisions/0000-use-madr.md#all']);
    assert.deepEqual(await ids('--focus', '2', '--hops', '2'), ['0001', '0002', '0003', '0004', '0005']);
    assert.deepEqual(await ids('--focus', 'postgres'), ['0002', '0003']);
    assert.deepEqual(await ids('--text', 'kafka'), ['0001']);
    const dot = await cli(fs, '/r', ['generate', 'graph', '--status', 'accepted']);
    assert.match(dot.stdout, /^digraph decisions \{/);
    const withLayout = JSON.parse((await cli(fs, '/r', ['generate', 'graph', '--format', 'json', '--layout'])).stdout);
    assert.equal(withLayout.layout.nodes.length, 8);
  });

  it('bad input: one line, exit 2', async () => {
    const fs = MemoryFileSystem.from(FIXTURE, '/r');
    for (const [args, message] of [
      [['--format', 'png'], 'generate graph: unknown format "png" (one of dot, mermaid, json, svg)'],
      [['--format', 'json', '--status', 'done'], 'generate graph: unknown status "done"'],
      [['--format', 'json', '--focus', '99'], 'no decision record matches "99"'],
      [['--format', 'json', '--hops', 'x', '--focus', '1'], 'generate graph: --hops takes a number of hops, not "x"'],
      [['--format', 'json', '--hops', '2'], 'generate graph: --hops needs --focus REF'],
      [['--format', 'svg', '--collection', 'nowhere'], 'nowhere: not a decision record collection'],
    ] as const) {
      const r = await cli(fs, '/r', ['generate', 'graph', ...args]);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.ok(r.stderr.startsWith(`adr-workbench: ${message}`), r.stderr);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  });

  it('works on MADR and log4brains collections without an adr-tools folder', async () => {
    const m = await cli(MemoryFileSystem.from(MADR), '/w', ['generate', 'graph', '--format', 'mermaid']);
    assert.equal(m.code, 0, m.stderr);
    assert.match(m.stdout, /n2 ==>\|"supersedes"\| n1\n/);
    const l4b = MemoryFileSystem.from({
      '/l/.log4brains.yml': 'project:\n  name: x\n  adrFolder: ./docs/adr\n',
      '/l/docs/adr/20240101-first.md': '# First\n\n- Status: superseded\n- Date: 2024-01-01\n',
      '/l/docs/adr/20240302-second.md': '# Second\n\n- Status: accepted\n- Date: 2024-03-02\n\n## Links\n\n- Supersedes [first](20240101-first.md)\n',
    });
    const svg = await cli(l4b, '/l', ['generate', 'graph', '--format', 'svg']);
    assert.equal(svg.code, 0, svg.stderr);
    assert.match(svg.stdout, /<g class="edge edge-supersedes"><title>Second supersedes First<\/title>/);
    const sel = selectGraph(await graphOf({ '.log4brains.yml': 'project:\n  name: x\n  adrFolder: ./docs/adr\n', 'docs/adr/20240101-first.md': '# First\n' }, '/z'), {});
    assert.equal(sel.nodes.length, 1);
  });
});
