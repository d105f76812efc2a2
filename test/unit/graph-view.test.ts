/**
 * The Decision Graph's pure parts: the page's view model (selection, list, relation lines, filter
 * choices, shapes, arrow-key navigation), the messages both ways (every malformed message refused),
 * the extension's model (the workspace graph over several folders, first paragraphs, command
 * argument shapes, exports of what the page shows) and the page's text-only DOM.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AdrIndex } from '../../src/core/index';
import { buildGraph, type DecisionGraph, type NodeBox, type RecordNode } from '../../src/core/graph';
import { firstParagraph, showTarget, workspaceGraph } from '../../src/features/graph/model';
import { EMPTY_SELECTION, MAX_EXPORT, MAX_PNG_BASE64, parseFromWebview, parseSelection, parseToWebview, type Selection } from '../../src/webviews/graph/protocol';
import { applySelection, describe as describeNode, exportText, filterChoices, hoverLines, isNarrowed, listModel, nearestInDirection, relationLine, shapePath } from '../../src/webviews/graph/view';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { FIXTURE, madr } from '../support/graphFixture';

async function fixture(files: Record<string, string> = FIXTURE, root = '/r'): Promise<AdrIndex> {
  return AdrIndex.build(MemoryFileSystem.from(files, root), root);
}

const sel = (s: Partial<Selection> = {}): Selection => ({ ...EMPTY_SELECTION, ...s });
const ids = (g: DecisionGraph) => g.nodes.map((n) => n.id);
const A = 'doc/adr/';

describe('graph view: selection', () => {
  it('hides the governed-code layer unless it is on, and shows one collapsed leaf per record when it is', async () => {
    const g = buildGraph(await fixture(), { code: {} });
    assert.ok(g.nodes.some((n) => n.kind === 'code'), 'the fixture governs code');
    const off = applySelection(g, sel());
    assert.deepEqual(off.nodes.filter((n) => n.kind === 'code'), []);
    assert.deepEqual(off.edges.filter((e) => e.kind === 'governs'), []);
    assert.equal(off.nodes.length, 8);
    const on = applySelection(g, sel({ code: true }));
    const code = on.nodes.filter((n) => n.kind === 'code');
    assert.equal(code.length, 2);
    assert.ok(code.every((n) => n.kind === 'code' && n.collapsed));
  });

  it('filters by status, tag, collection and text, and focuses N hops out', async () => {
    const g = buildGraph(await fixture());
    assert.deepEqual(ids(applySelection(g, sel({ statuses: ['proposed'] }))), [`${A}0005-use-a-queue.md`, 'docs/decisions/0001-use-kafka.md']);
    assert.deepEqual(ids(applySelection(g, sel({ tags: ['infra'] }))), ['docs/decisions/0001-use-kafka.md']);
    assert.equal(applySelection(g, sel({ clusters: ['docs/decisions'] })).nodes.length, 3);
    assert.deepEqual(ids(applySelection(g, sel({ text: 'mysql' }))), [`${A}0003-use-mysql.md`]);
    const focus = applySelection(g, sel({ focus: { node: `${A}0002-use-postgres.md`, hops: 1 } }));
    assert.deepEqual(ids(focus), [`${A}0002-use-postgres.md`, `${A}0003-use-mysql.md`]);
    assert.deepEqual(focus.edges.map((e) => e.kind), ['supersedes']);
    const two = applySelection(g, sel({ focus: { node: `${A}0002-use-postgres.md`, hops: 2 } }));
    assert.deepEqual(ids(two).sort(), [`${A}0001-record-decisions.md`, `${A}0002-use-postgres.md`, `${A}0003-use-mysql.md`, `${A}0004-use-redis.md`, `${A}0005-use-a-queue.md`]);
    assert.ok(!isNarrowed(sel({ code: true })));
    assert.ok(isNarrowed(sel({ text: 'x' })) && isNarrowed(sel({ focus: { node: 'a', hops: 0 } })));
  });

  it('offers the statuses present in lifecycle order, the tags once each whatever their case, and the collections', async () => {
    const c = filterChoices(buildGraph(await fixture({ ...FIXTURE, 'docs/decisions/0003-x.md': madr('status: accepted\ntags: [infra]', 'X') })));
    assert.deepEqual(c.statuses, ['accepted', 'proposed', 'rejected', 'superseded']);
    assert.deepEqual(c.tags, ['Infra', 'messaging', 'process']);
    assert.deepEqual(c.clusters.map((x) => x.id), ['doc/adr', 'docs/decisions']);
  });
});

describe('graph view: the accessible list', () => {
  it('lists each collection in time order, each record with its status, date and relations read from its side', async () => {
    const groups = listModel(applySelection(buildGraph(await fixture()), sel()));
    assert.deepEqual(groups.map((g) => g.cluster), ['doc/adr', 'docs/decisions']);
    const adr = groups[0]!;
    assert.deepEqual(adr.items.map((i) => i.text), [
      '0001 Record decisions, Accepted, 2024-01-01',
      '0002 Use Postgres, Superseded (Superseded by [3. Use MySQL](0003-use-mysql.md)), 2024-01-02',
      '0003 Use MySQL, Accepted, 2024-01-03',
      '0004 Use Redis, Accepted, 2024-01-04',
      '0005 Use a queue, Proposed, 2024-01-05',
    ]);
    const two = adr.items.find((i) => i.id.endsWith('0002-use-postgres.md'))!;
    assert.deepEqual(two.relations, ['superseded by 0003 Use MySQL']);
    const three = adr.items.find((i) => i.id.endsWith('0003-use-mysql.md'))!;
    assert.deepEqual([...three.relations].sort(), ['amends 0001 Record decisions', 'relates to 0004 Use Redis', 'relates to 0005 Use a queue', 'supersedes 0002 Use Postgres'].sort());
    const five = adr.items.find((i) => i.id.endsWith('0005-use-a-queue.md'))!;
    assert.ok(five.relations.includes('clarified by 0004 Use Redis'), five.relations.join('; '));
    assert.ok(five.relations.includes('0004 Use Redis depends on this'), five.relations.join('; '));
  });

  it('the relation line of a custom verb and of code', async () => {
    const g = buildGraph(await fixture(), { code: {} });
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    const custom = g.edges.find((e) => e.kind === 'custom')!;
    assert.equal(relationLine(custom, custom.from, byId), `depends on ${byId.get(custom.to)!.label}`);
    assert.equal(relationLine(custom, custom.to, byId), `${byId.get(custom.from)!.label} depends on this`);
    const gov = g.edges.find((e) => e.kind === 'governs')!;
    assert.match(relationLine(gov, gov.to, byId), /^governed by 0000 Use MADR$/);
    assert.equal(describeNode(byId.get(gov.to)!), 'governed code: infra/, src/payments/**');
  });

  it('hover lines: title, status and date, then the paragraph', async () => {
    const g = buildGraph(await fixture());
    const n = g.nodes.find((x) => x.id.endsWith('0005-use-a-queue.md')) as RecordNode;
    assert.deepEqual(hoverLines(n, 'We queue.'), { title: '0005 Use a queue', meta: 'Proposed · 2024-01-05', paragraph: 'We queue.' });
    const two = g.nodes.find((x) => x.id.endsWith('0002-use-postgres.md')) as RecordNode;
    assert.equal(hoverLines(two, '').meta, 'Superseded · Superseded by [3. Use MySQL](0003-use-mysql.md) · 2024-01-02');
    assert.equal(hoverLines({ ...n, date: null, statusText: null }, undefined).meta, 'Proposed · no date');
  });
});

describe('graph view: shapes and keyboard', () => {
  const box = { x: 10, y: 20, width: 100, height: 40 };
  it('draws every status shape as a closed path inside the box', () => {
    for (const s of ['rounded', 'hexagon', 'parallelogram', 'octagon', 'trapezium', 'flag', 'pill', 'folder'] as const) {
      const d = shapePath(s, box);
      assert.match(d, /^M[\d.]+,[\d.]+ .* Z$/, s);
      // Every point (not an arc's radii) lies in the box.
      const nums = [...d.replace(/A[\d.]+,[\d.]+ 0 0 1 /g, 'L').matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
      for (const [x, y] of nums) assert.ok(x >= 10 && x <= 110 && y >= 20 && y <= 60, `${s}: ${x},${y} outside`);
    }
    // Distinct outlines, so the status reads without colour.
    const all = ['rounded', 'hexagon', 'parallelogram', 'octagon', 'trapezium', 'flag', 'pill', 'folder'] as const;
    assert.equal(new Set(all.map((s) => shapePath(s, box))).size, all.length);
  });

  it('moves to the nearest box in the arrow direction, straight ahead before one far to the side', () => {
    const b = (id: string, x: number, y: number): NodeBox => ({ id, x, y, width: 20, height: 10 });
    const boxes = [b('a', 0, 0), b('below', 0, 100), b('side', 200, 40), b('right', 100, 0)];
    assert.equal(nearestInDirection(boxes, 'a', 'down'), 'below');
    assert.equal(nearestInDirection(boxes, 'a', 'right'), 'right');
    assert.equal(nearestInDirection(boxes, 'a', 'up'), undefined);
    assert.equal(nearestInDirection(boxes, 'below', 'up'), 'a');
    assert.equal(nearestInDirection(boxes, 'gone', 'up'), 'a');
  });
});

describe('graph messages: from the page (validated in the extension)', () => {
  it('accepts the page\'s requests', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'open', id: 'doc/adr/0001-x.md', extra: 1 }), { type: 'open', id: 'doc/adr/0001-x.md' });
    assert.deepEqual(parseFromWebview({ type: 'expandCode', id: 'a', expand: true }), { type: 'expandCode', id: 'a', expand: true });
    const selection = { statuses: ['accepted'], tags: ['x'], clusters: ['doc/adr'], text: 'q', code: true, focus: { node: 'a', hops: 2 } };
    assert.deepEqual(parseSelection(selection), selection);
    assert.deepEqual(parseFromWebview({ type: 'export', format: 'mermaid', text: 'flowchart TB\n  n0' }), { type: 'export', format: 'mermaid', text: 'flowchart TB\n  n0' });
    assert.deepEqual(parseFromWebview({ type: 'export', format: 'dot', text: 'digraph decisions {\n}' })?.type, 'export');
    assert.deepEqual(parseFromWebview({ type: 'export', format: 'svg', text: '<svg xmlns="http://www.w3.org/2000/svg" width="1"></svg>' })?.type, 'export');
    assert.deepEqual(parseFromWebview({ type: 'png', data: 'iVBORw0KGgoAAAA=' }), { type: 'png', data: 'iVBORw0KGgoAAAA=' });
    assert.deepEqual(parseFromWebview({ type: 'layout', revision: 1, ms: 12.5, nodes: 3, edges: 2, reused: 0, laidOut: 1 }),
      { type: 'layout', revision: 1, ms: 12.5, nodes: 3, edges: 2, reused: 0, laidOut: 1 });
  });

  it('refuses anything malformed', () => {
    const good = { statuses: [], tags: [], clusters: [], text: '', code: false };
    for (const bad of [
      null, 'ready', [], { type: 'nope' }, { type: 'open' }, { type: 'open', id: '' }, { type: 'open', id: 7 }, { type: 'open', id: 'x'.repeat(5000) },
      { type: 'reveal', id: {} }, { type: 'expandCode', id: 'a' }, { type: 'expandCode', id: 'a', expand: 'yes' },
      { type: 'export', format: 'pdf', text: 'flowchart TB\n' }, { type: 'export', format: 'svg' },
      { type: 'export', format: 'svg', text: '<html><script>alert(1)</script>' }, { type: 'export', format: 'mermaid', text: 'digraph decisions {\n' },
      { type: 'export', format: 'dot', text: `digraph decisions {\n${'x'.repeat(MAX_EXPORT)}` },
      { type: 'png', data: '' }, { type: 'png', data: 'R0lGODlh' }, { type: 'png', data: 'iVBORw0KGgo<script>' },
      { type: 'png', data: `iVBORw0KGgo${'A'.repeat(MAX_PNG_BASE64)}` },
      { type: 'layout', revision: 1, ms: -1, nodes: 1, edges: 1, reused: 0, laidOut: 0 }, { type: 'layout', revision: 1, ms: Number.NaN, nodes: 1, edges: 1, reused: 0, laidOut: 0 },
    ]) assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad)?.slice(0, 120));
    for (const bad of [undefined, { ...good, statuses: ['living'] }, { ...good, code: 'no' }, { ...good, focus: { node: 'a', hops: -1 } }, { ...good, focus: { node: 'a', hops: 1.5 } }, { ...good, tags: [1] }, { ...good, text: 3 }]) {
      assert.equal(parseSelection(bad), undefined, JSON.stringify(bad));
    }
  });
});

describe('graph messages: to the page (validated in the page)', () => {
  it('passes the graph the extension builds, field by field', async () => {
    const graph = buildGraph(await fixture(), { code: {} });
    const m = parseToWebview(JSON.parse(JSON.stringify({ type: 'graph', graph, revision: 3 })));
    assert.ok(m && m.type === 'graph');
    assert.deepEqual(m.graph, graph);
    assert.deepEqual(parseToWebview({ type: 'active', id: null }), { type: 'active', id: null });
    assert.deepEqual(parseToWebview({ type: 'details', id: 'a', paragraph: 'p' }), { type: 'details', id: 'a', paragraph: 'p' });
  });

  it('drops a graph with a malformed node, edge or cluster, or an edge to no node', async () => {
    const graph = buildGraph(await fixture());
    const json = () => JSON.parse(JSON.stringify(graph)) as { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[]; clusters: Record<string, unknown>[] };
    const cases: [string, (g: ReturnType<typeof json>) => void][] = [
      ['status', (g) => { g.nodes[0]!.status = 'living'; }],
      ['title', (g) => { g.nodes[0]!.title = 42; }],
      ['kind', (g) => { g.nodes[0]!.kind = 'script'; }],
      ['tags', (g) => { g.nodes[0]!.tags = 'a'; }],
      ['duplicate id', (g) => { g.nodes[1]!.id = g.nodes[0]!.id; }],
      ['edge kind', (g) => { g.edges[0]!.kind = 'eats'; }],
      ['dangling edge', (g) => { g.edges[0]!.to = 'nowhere.md'; }],
      ['declaredBy', (g) => { g.edges[0]!.declaredBy = 'me'; }],
      ['dialect', (g) => { g.clusters[0]!.dialect = 'x'; }],
    ];
    for (const [name, spoil] of cases) {
      const g = json();
      spoil(g);
      assert.equal(parseToWebview({ type: 'graph', graph: g, revision: 1 }), undefined, name);
    }
    for (const bad of [{ type: 'graph', graph: graph }, { type: 'active', id: 3 }, { type: 'select', id: '' }, { type: 'details', id: 'a' }, { type: 'x' }]) {
      assert.equal(parseToWebview(bad), undefined, JSON.stringify(bad).slice(0, 80));
    }
  });
});

describe('graph feature model', () => {
  it('merges several workspace folders, each id and cluster behind its folder name, with its paths', async () => {
    const one = await fixture(FIXTURE, '/w/one');
    const two = await fixture({ 'doc/adr/0001-only.md': '# 1. Only\n\n## Status\n\nAccepted\n\nSupersedes [2. Two](0002-two.md)\n', 'doc/adr/0002-two.md': '# 2. Two\n\n## Status\n\nSuperseded\n' }, '/w/two');
    const single = workspaceGraph([{ name: 'one', source: one }]);
    assert.deepEqual(single.graph.nodes.map((n) => n.id), buildGraph(one, { code: {} }).nodes.map((n) => n.id));
    assert.equal(single.paths.get(`${A}0003-use-mysql.md`), '/w/one/doc/adr/0003-use-mysql.md');
    const wg = workspaceGraph([{ name: 'one', source: one }, { name: 'two', source: two }]);
    const twoNodes = wg.graph.nodes.filter((n) => n.id.startsWith('two/'));
    assert.deepEqual(twoNodes.map((n) => n.id), ['two/doc/adr/0001-only.md', 'two/doc/adr/0002-two.md']);
    assert.deepEqual(wg.graph.clusters.map((c) => `${c.id}=${c.name}`), ['one/doc/adr=one: doc/adr', 'one/docs/decisions=one: docs/decisions', 'two/doc/adr=two: doc/adr']);
    assert.deepEqual(wg.graph.edges.filter((e) => e.from.startsWith('two/')).map((e) => e.id), ['supersedes:two/doc/adr/0001-only.md->two/doc/adr/0002-two.md']);
    assert.ok(wg.graph.nodes.some((n) => n.id === 'code:one/docs/decisions/0000-use-madr.md#all'));
    assert.equal(wg.paths.get('two/doc/adr/0002-two.md'), '/w/two/doc/adr/0002-two.md');
    assert.equal(wg.ids.get('/w/one/doc/adr/0001-record-decisions.md'), 'one/doc/adr/0001-record-decisions.md');
    // Orders stay unique and increasing across folders; the page's protocol accepts the result.
    assert.equal(new Set(wg.graph.nodes.map((n) => n.order)).size, wg.graph.nodes.length);
    assert.ok(parseToWebview(JSON.parse(JSON.stringify({ type: 'graph', graph: wg.graph, revision: 1 }))));
    // A record's code expands on request (by node id).
    const expanded = workspaceGraph([{ name: 'one', source: one }, { name: 'two', source: two }], new Set(['one/docs/decisions/0000-use-madr.md']));
    assert.deepEqual(expanded.graph.nodes.filter((n) => n.kind === 'code' && !n.collapsed).map((n) => n.id).sort(), ['code:one/infra/', 'code:one/src/payments/**']);
  });

  it('reads the first paragraph of the Decision section, else Context, else the body', async () => {
    const text = '# 7. X\n\n## Status\n\nAccepted\n\n## Context\n\nWhy we\nneed it.\n\nMore.\n\n## Decision\n\n<!-- note -->\nWe will use X\nfor all.\n\nNot this.\n';
    const index = await fixture({ 'doc/adr/0007-x.md': text, 'doc/adr/0008-y.md': '# 8. Y\n\n## Context\n\nOnly context.\n', 'doc/adr/0009-z.md': '# 9. Z\n\nJust a body\nline.\n' });
    const r = (n: string) => index.records().find((x) => x.id.startsWith(n))!;
    assert.equal(firstParagraph(text, r('0007')), 'We will use X for all.');
    assert.equal(firstParagraph('# 8. Y\n\n## Context\n\nOnly context.\n', r('0008')), 'Only context.');
    assert.equal(firstParagraph('# 9. Z\n\nJust a body\nline.\n', r('0009')), 'Just a body line.');
    assert.equal(firstParagraph(text, r('0007'), 10), 'We will us…');
  });

  it('takes a tree node, a file Uri, an absolute path or nothing as the command argument; anything else is invalid', () => {
    assert.deepEqual(showTarget(undefined), { kind: 'none' });
    assert.deepEqual(showTarget({ kind: 'record', id: 'x', record: { path: '/r/doc/adr/0001-a.md' } }), { kind: 'path', path: '/r/doc/adr/0001-a.md' });
    assert.deepEqual(showTarget({ scheme: 'file', fsPath: '/r/doc/adr/0001-a.md', path: '/r/doc/adr/0001-a.md' }), { kind: 'path', path: '/r/doc/adr/0001-a.md' });
    assert.deepEqual(showTarget('/r/doc/adr/0001-a.md'), { kind: 'path', path: '/r/doc/adr/0001-a.md' });
    assert.deepEqual(showTarget({ kind: 'group', id: 'g', label: 'Accepted' }), { kind: 'none' });
    for (const bad of [{ scheme: 'untitled', fsPath: 'Untitled-1' }, 'relative.md', 7, { kind: 'record', record: { path: 3 } }, { foo: 1 }, []]) {
      assert.equal(showTarget(bad).kind, 'invalid', JSON.stringify(bad));
    }
  });

  it('exports what the page shows (filters, focus, the code layer), escaping record text in every format', async () => {
    const hostile = 'a < b > c "quote" & #1 </text><script>';
    const index = await fixture({ ...FIXTURE, 'doc/adr/0006-hostile.md': `# 6. ${hostile}\n\n## Status\n\nAccepted\n\nAmends [5. Use a queue](0005-use-a-queue.md)\n` });
    const { graph } = workspaceGraph([{ name: 'one', source: index }]);
    const svg = exportText(applySelection(graph, sel()), 'svg');
    assert.match(svg, /^<svg /);
    assert.ok(!svg.includes('<script>'), 'no markup from a title');
    assert.match(svg, /a &lt; b &gt; c &quot;quote&quot; &amp; #1/);
    assert.equal((svg.match(/class="node record/g) ?? []).length, 9);
    assert.equal((svg.match(/class="node code/g) ?? []).length, 0, 'code layer off');
    assert.equal((exportText(applySelection(graph, sel({ code: true })), 'svg').match(/class="node code/g) ?? []).length, 2);
    const mermaid = exportText(applySelection(graph, sel({ statuses: ['proposed'] })), 'mermaid');
    assert.equal((mermaid.match(/:::proposed/g) ?? []).length, 2);
    assert.ok(!/:::accepted/.test(mermaid));
    const focused = exportText(applySelection(graph, sel({ focus: { node: `${A}0006-hostile.md`, hops: 1 } })), 'mermaid');
    assert.ok(!focused.includes('<') && focused.includes('a #lt; b #gt; c #quot;quote#quot; #amp; #35;1'), focused);
    assert.equal((focused.match(/:::/g) ?? []).length, 2);
    const dot = exportText(applySelection(graph, sel({ focus: { node: `${A}0006-hostile.md`, hops: 1 } })), 'dot');
    assert.match(dot, /\\"quote\\"/);
    assert.equal((dot.match(/ -> /g) ?? []).length, 1);
  });
});

describe('graph page: the DOM is built from text', () => {
  const dir = join(process.cwd(), 'src/webviews/graph');
  it('never parses markup: no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval or string timers', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    assert.ok(files.includes('main.ts') && files.length >= 3, files.join(', '));
    for (const f of files) {
      const code = readFileSync(join(dir, f), 'utf8').replace(/^\s*(?:\/\/|\*|\/\*).*$/gm, '');
      for (const bad of [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /\beval\(/, /new Function\(/, /setTimeout\(\s*['"`]/, /DOMParser/, /createContextualFragment/]) {
        assert.ok(!bad.test(code), `${f}: ${bad}`);
      }
    }
    // The page sets text with textContent (the check above would pass on an empty file).
    assert.ok((readFileSync(join(dir, 'main.ts'), 'utf8').match(/\.textContent = /g) ?? []).length >= 5);
  });

  it('validates every message it receives before using it', () => {
    const main = readFileSync(join(dir, 'main.ts'), 'utf8');
    assert.match(main, /addEventListener\('message', \(event: MessageEvent<unknown>\) => \{\n\s*const m = parseToWebview\(event\.data\);\n\s*if \(!m\) return;/);
    assert.equal((main.match(/event\.data/g) ?? []).length, 1, 'event.data is read once, by the validator');
  });
});
