/**
 * The static site's generator: safe Markdown rendering (the XSS payload set), relative links,
 * incremental builds, the output folder's safety, and every corpus built.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildSite, escapeHtml, pageKey, parseManifest, quickText, renderMarkdown, safeHref, siteFromExport, stripFrontMatter, type SiteManifest, type SiteWriter,
} from '../../src/core/site';
import { distinctWords, SEARCH_FIELDS, searchDocumentsScript } from '../../src/core/site/search';
import type { ExportDocument, ExportRecord } from '../../src/core/export';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { cli } from '../support/cliHarness';
import { CORPORA } from '../support/corpora';
import { CORPORA_WILD } from '../support/corporaWild';
import { XSS_PAYLOADS } from '../support/xss';

/**
 * No element, attribute or URL that can run script. Text is escaped, so every `<` in the output
 * opens a real tag: the tags are what is checked (the page's own two scripts are allowed).
 */
function assertInert(html: string, label: string): void {
  const tags = html.match(/<[a-zA-Z!/][^>]*>/g) ?? [];
  for (const tag of tags) {
    if (/^<script src="(\.\.\/)*assets\/(site|search-docs)\.js" defer>$/.test(tag)) continue;
    assert.doesNotMatch(tag, /^<(script|iframe|object|embed|svg|math|style|body(?!>)|input(?! type="checkbox" disabled)|form|link(?! rel="stylesheet")|meta(?! (charset|name|http-equiv)))\b/i, `${label}: ${tag}`);
    assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, `${label}: event handler in ${tag}`);
    assert.doesNotMatch(tag, /\b(href|src|data|action|formaction)\s*=\s*["']?\s*(javascript|vbscript|data):/i, `${label}: script URL in ${tag}`);
    assert.doesNotMatch(tag, /\bstyle\s*=\s*["'][^"']*(url\(|expression)/i, `${label}: style URL in ${tag}`);
  }
}

function record(over: Partial<ExportRecord> & { key: string; title: string }): ExportRecord {
  return {
    id: over.key.split('/').pop()!, reference: 'ADR-0001', number: 1, numberText: '0001', status: 'accepted', statusText: 'Accepted', date: '2024-01-01',
    dialect: 'nygard', collection: 'doc/adr', path: `${over.key}.md`, deciders: [], consulted: [], informed: [], tags: [], governs: [], relations: [],
    crossReferences: [], history: null, url: null, markdown: `# ${over.title}\n\nSome text.\n`, ...over,
  };
}

function exportDoc(records: ExportRecord[]): ExportDocument {
  return { format: 'adr-workbench/export', version: 1, generator: { name: 'adr-workbench', version: 'test' }, provenance: { repository: null, commit: null, path: '' }, collections: [], records };
}

class MemoryWriter implements SiteWriter {
  files = new Map<string, string>();
  writes: string[] = [];
  removed: string[] = [];
  async write(path: string, content: string) { this.files.set(path, content); this.writes.push(path); }
  async remove(path: string) { this.files.delete(path); this.removed.push(path); }
}

describe('site: record Markdown as safe HTML', () => {
  it('the check itself catches each kind of live markup', () => {
    for (const live of ['<img src=x onerror=alert(1)>', '<script>x</script>', '<a href="javascript:x">', '<svg>', '<div style="background:url(x)">', '<iframe src=x>']) {
      assert.throws(() => assertInert(`<p>${live}</p>`, 'probe'), live);
    }
    assertInert('<p>&lt;img src=x onerror=alert(1)&gt;</p>', 'escaped text');
  });

  for (const payload of XSS_PAYLOADS) {
    it(`renders as text: ${JSON.stringify(payload).slice(0, 70)}`, () => {
      const { html } = renderMarkdown(`# T\n\n${payload}\n\nafter ${payload}\n`, { resolveLink: (h) => `resolved/${h}` });
      assertInert(html, payload);
      assert.ok(html.includes('after'), 'the text around it is kept');
    });
  }

  it('keeps the syntax people use: tables, task lists, code, strikethrough, footnotes, bare URLs, Mermaid as code', () => {
    const { html } = renderMarkdown([
      '# Title', '', '| Option | Cost |', '|:--|--:|', '| A | 1 |', '', '- [x] done', '- [ ] open', '',
      '```ts', 'const a = 1 < 2;', '```', '', '~~old~~ new[^1]', '', '[^1]: A note.', '', '```mermaid', 'graph TD; A-->B', '```', '',
      'A <br> break and <kbd>Ctrl</kbd>.', '', 'See https://example.com/x.',
    ].join('\n'), { dropTitle: true });
    assert.ok(!html.includes('<h2 id="title">'), 'the title heading is left to the page');
    assert.match(html, /<div class="table"><table>\s*<thead>\s*<tr>\s*<th style="text-align:left">Option<\/th>\s*<th style="text-align:right">Cost<\/th>/);
    assert.match(html, /<input type="checkbox" disabled checked aria-label="done">/);
    assert.match(html, /<pre><code class="language-ts">const a = 1 &lt; 2;\n?<\/code><\/pre>/);
    assert.match(html, /<s>old<\/s>/);
    assert.match(html, /<sup class="footnote-ref"><a href="#fn1" id="fnref1">/);
    assert.match(html, /<figure class="mermaid-source"><figcaption>Mermaid diagram \(source\)<\/figcaption><pre><code class="language-mermaid">graph TD; A--&gt;B/);
    assert.match(html, /A &lt;br&gt; break and &lt;kbd&gt;Ctrl&lt;\/kbd&gt;/, 'raw HTML is text');
    assert.match(html, /<a href="https:\/\/example.com\/x" rel="noopener noreferrer nofollow">https:\/\/example.com\/x<\/a>/, 'bare URLs are links');
  });

  it('links: http(s), mailto and fragments kept; relative ones resolved by the site; schemes and //host dropped', () => {
    assert.equal(safeHref('https://x.example/a'), 'https://x.example/a');
    assert.equal(safeHref('mailto:a@b.c'), 'mailto:a@b.c');
    assert.equal(safeHref('#part'), '#part');
    assert.equal(safeHref('0002-x.md'), '0002-x.md');
    assert.equal(safeHref('../a b.md'), '../a%20b.md');
    for (const bad of ['javascript:alert(1)', ' JAVASCRIPT:x', 'java\tscript:x', 'data:text/html,x', 'vbscript:x', '//evil.example', '\\\\evil', 'file:///etc/passwd']) {
      assert.equal(safeHref(bad), null, bad);
    }
    const { html } = renderMarkdown('[a](0002-x.md#why) [b](../other.md) [c](https://e.example)', { resolveLink: (h) => (h.startsWith('0002') ? 'records/0002.html#why' : null) });
    assert.match(html, /<a href="records\/0002.html#why">a<\/a>/);
    assert.match(html, /<span class="link-text" title="..\/other.md">b<\/span>/);
    assert.match(html, /<a href="https:\/\/e.example" rel="noopener noreferrer nofollow">c<\/a>/);
  });

  it('escapeHtml, pageKey and front matter', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>\u0000`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal(pageKey('./0001-a'), '0001-a');
    assert.equal(pageKey('../../etc/passwd'), '_/_/etc/passwd');
    assert.equal(pageKey('doc/adr/0001-a?b'), 'doc/adr/0001-a_b');
    assert.equal(stripFrontMatter('---\nstatus: x\n---\n# T\n'), '# T\n');
    assert.equal(stripFrontMatter('# T\n---\nx\n---\n'), '# T\n---\nx\n---\n');
  });

  it('quickText: the Context section\'s first paragraph is the summary, not the Date line', () => {
    const md = '# 1. Use X\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWe need a **database** for [orders](x.md).\n\n## Decision\n\nUse X.\n';
    const q = quickText(md);
    assert.equal(q.summary, 'We need a database for orders.');
    assert.ok(q.text.includes('Use X'));
  });
});

describe('site: pages and incremental builds', () => {
  const records = () => [
    record({ key: 'doc/adr/0001-a', title: 'Use A', relations: [{ type: 'superseded-by', verb: 'superseded by', target: 'doc/adr/0002-b', written: '0002-b.md', origin: 'both' }], status: 'superseded' }),
    record({ key: 'doc/adr/0002-b', title: 'Use B', number: 2, numberText: '0002', reference: 'ADR-0002', relations: [{ type: 'supersedes', verb: 'supersedes', target: 'doc/adr/0001-a', written: '0001-a.md', origin: 'both' }],
      markdown: '# 2. Use B\n\n## Context\n\nSee [A](0001-a.md) and [elsewhere](../../README.md).\n' }),
    record({ key: 'doc/adr/0003-c', title: 'Use C', number: 3, numberText: '0003', reference: 'ADR-0003', tags: ['db'] }),
  ];

  it('writes index, a page per record, graph, timeline, 404 and assets, every link relative', async () => {
    const w = new MemoryWriter();
    const r = await buildSite(siteFromExport(exportDoc(records()), 'T'), w, { generator: 'g', script: '/*s*/', basePath: '/decisions' });
    assert.equal(r.rendered, 3);
    assert.deepEqual([...w.files.keys()].sort(), [
      '.adrw-site.json', '404.html', 'assets/search-docs.js', 'assets/site.css', 'assets/site.js', 'graph.html', 'index.html',
      'records/doc/adr/0001-a.html', 'records/doc/adr/0002-b.html', 'records/doc/adr/0003-c.html', 'timeline.html',
    ]);
    const b = w.files.get('records/doc/adr/0002-b.html')!;
    assert.match(b, /href="..\/..\/..\/assets\/site.css"/);
    assert.match(b, /<a href="..\/..\/..\/records\/doc\/adr\/0001-a.html">A<\/a>/, 'a link to a record goes to its page');
    assert.match(b, /<span class="link-text" title="..\/..\/README.md">elsewhere<\/span>/, 'a file off the site without a web address: text');
    assert.match(b, /Supersede chain[\s\S]*0001[\s\S]*aria-current="true"/);
    assert.doesNotMatch([...w.files.values()].filter((_, i) => i >= 0).join(''), /(href|src)="\/(?!decisions\/)/, 'no absolute link but in 404.html');
    assert.match(w.files.get('404.html')!, /href="\/decisions\/assets\/site.css"/);
    assert.match(w.files.get('graph.html')!, /<svg[\s\S]*href="records\/doc\/adr\/0002-b.html"/);
    const docs = w.files.get('assets/search-docs.js')!;
    assert.match(docs, /^window\.ADRW_SEARCH_DOCS=\[\["doc\/adr\/0001-a","Use A","ADR-0001","","superseded","/);
    assert.match(w.files.get('index.html')!, /data-tags="db"/);
  });

  it('a second build renders nothing; a changed record re-renders it and the pages that show its title; a removed one is deleted', async () => {
    const w = new MemoryWriter();
    const first = await buildSite(siteFromExport(exportDoc(records()), 'T'), w, { generator: 'g', script: 's' });
    const manifest = JSON.parse(w.files.get('.adrw-site.json')!) as SiteManifest;
    w.writes = [];
    const again = await buildSite(siteFromExport(exportDoc(records()), 'T'), w, { generator: 'g', script: 's', previous: manifest });
    assert.equal(again.rendered, 0);
    assert.equal(again.unchanged, 3);
    assert.deepEqual(w.writes, ['.adrw-site.json'], 'nothing else written');
    const changed = records();
    changed[0] = { ...changed[0]!, title: 'Use A (renamed)' };
    changed.pop();
    w.writes = [];
    const third = await buildSite(siteFromExport(exportDoc(changed), 'T'), w, { generator: 'g', script: 's', previous: first.manifest });
    assert.equal(third.rendered, 2, 'A and B (which shows A\'s title)');
    assert.deepEqual(w.removed, ['records/doc/adr/0003-c.html']);
    assert.ok(w.writes.includes('index.html'));
    assert.ok(w.writes.includes('graph.html'), 'the graph shows A\'s title: drawn again');
    assert.match(w.files.get('graph.html')!, /Use A \(renamed\)/);
    // C (no relation) changing leaves the graph as it was: not laid out, not written.
    const fourth = records();
    fourth[0] = changed[0]!;
    fourth[2] = { ...fourth[2]!, title: 'Use C (renamed)' };
    w.writes = [];
    const fifth = await buildSite(siteFromExport(exportDoc(fourth), 'T'), w, { generator: 'g', script: 's', previous: third.manifest });
    assert.equal(fifth.rendered, 1);
    assert.ok(!w.writes.includes('graph.html'), w.writes.join(', '));
    assert.deepEqual(fifth.graph, { nodes: 2, edges: 1 });
  });
});

describe('site: search documents, indexed by the reader\'s browser', () => {
  const docsOf = (script: string): string[][] => {
    const m = /^window\.ADRW_SEARCH_DOCS=(.*);\n$/s.exec(script);
    assert.ok(m, script.slice(0, 80));
    return JSON.parse(m[1]!) as string[][];
  };

  it('MiniSearch with the page script\'s options finds a record by a word in its body, as the page does', async () => {
    const w = new MemoryWriter();
    await buildSite(siteFromExport(exportDoc([
      record({ key: 'doc/adr/0001-a', title: 'Use A', markdown: '# 1. Use A\n\n## Context\n\nOrders must survive a **zanzibar** region failure.\n' }),
      record({ key: 'doc/adr/0002-b', title: 'Use B', number: 2, reference: 'ADR-0002', tags: ['storage'], markdown: '# 2. Use B\n\nSee [the relational store](x.md).\n' }),
    ]), 'T'), w, { generator: 'g', script: 's' });
    const rows = docsOf(w.files.get('assets/search-docs.js')!);
    // The page script's own options (src/webviews/site/main.ts, checked below to list the same fields).
    const { default: MiniSearch } = await import('minisearch');
    const column = new Map(SEARCH_FIELDS.map((f, i) => [f, i]));
    const ms = new MiniSearch<string[]>({ idField: 'key', fields: SEARCH_FIELDS.slice(1), storeFields: [], extractField: (row, f) => row[column.get(f as never) ?? -1] });
    ms.addAll(rows);
    const find = (q: string) => ms.search(q, { prefix: true, fuzzy: 0.15, combineWith: 'AND' }).map((r) => String(r.id));
    assert.deepEqual(find('zanzibar'), ['doc/adr/0001-a'], 'a word in bold, in the body');
    assert.deepEqual(find('relational'), ['doc/adr/0002-b'], 'a word in a link text');
    assert.deepEqual(find('storage'), ['doc/adr/0002-b'], 'a tag');
    assert.deepEqual(find('nothing-like-it'), []);
  });

  it('keeps each word once, escapes what would end a script, and lists the fields the page script reads', () => {
    assert.equal(distinctWords('a b  a\n\tc b'), 'a b c');
    const script = searchDocumentsScript([{ key: 'k', title: '</script><script>alert(1)</script>\u2028', reference: 'R', tags: '', status: 'accepted', text: 'x x\ty' }]);
    assert.doesNotMatch(script, /<\/?script/i);
    assert.doesNotMatch(script, /\u2028/);
    assert.deepEqual(docsOf(script), [['k', '</script><script>alert(1)</script>\u2028', 'R', '', 'accepted', 'x y']]);
    const page = readFileSync(join(process.cwd(), 'src/webviews/site/main.ts'), 'utf8');
    const fields = /const FIELDS = (\[[^\]]*\]);/.exec(page);
    assert.ok(fields, 'main.ts names its fields');
    assert.deepEqual(JSON.parse(fields[1]!.replace(/'/g, '"')), [...SEARCH_FIELDS]);
  });

  it('the summary is the Context\'s first paragraph after a list of metadata, cleaned of its Markdown', () => {
    const md = '# Decision 7\n\n- Status: accepted\n- Date: 2024-01-01\n\n## Context and Problem Statement\n\nThe **issue** motivating [this](x.md) decision\nand its context.\n\n## Decision Outcome\n\nChosen.\n';
    assert.equal(quickText(md).summary, 'The issue motivating this decision and its context.');
    assert.equal(quickText('# T\n\nStatus: x\n\nFirst real paragraph of it.\n').summary, 'First real paragraph of it.', 'no Context: the first paragraph not a metadata line');
    assert.equal(quickText('# T\n\n```\ncode only here\n```\n').summary, '');
  });

  it('a manifest made with another hash renders every page again; the same one renders none', async () => {
    const hash = { name: 'test-hash', of: (t: string) => String(t.length) + t.slice(-20) };
    const w = new MemoryWriter();
    const docs = () => exportDoc([record({ key: 'doc/adr/0001-a', title: 'Use A' })]);
    const first = await buildSite(siteFromExport(docs(), 'T'), w, { generator: 'g', script: 's', hash });
    assert.equal(first.manifest.hash, 'test-hash');
    assert.equal(parseManifest(JSON.stringify(first.manifest))?.hash, 'test-hash');
    assert.equal((await buildSite(siteFromExport(docs(), 'T'), w, { generator: 'g', script: 's', hash, previous: first.manifest })).rendered, 0);
    const other = await buildSite(siteFromExport(docs(), 'T'), w, { generator: 'g', script: 's', previous: first.manifest });
    assert.equal(other.rendered, 1, 'hashText\'s values are not compared with test-hash\'s');
    assert.equal(other.manifest.hash, undefined);
  });
});

describe('CLI: site', function () {
  this.timeout(120000);
  let dir: string;
  beforeEach(() => { dir = realpathSync(mkdtempSync(join(tmpdir(), 'adrw-site-'))); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const run = (cwd: string, ...argv: string[]) => cli(new NodeFileSystem(), cwd, argv);

  for (const [base, name] of [...readdirSync(CORPORA).map((n) => [CORPORA, n]), ...readdirSync(CORPORA_WILD).map((n) => [CORPORA_WILD, n])] as [string, string][]) {
    if (!statSync(join(base, name)).isDirectory()) continue;
    it(`builds ${name}: a page per record, every page inert`, async () => {
      const out = join(dir, 'out');
      const r = await run(join(base, name).replace(/\\/g, '/'), 'site', '--out', out, '--no-history');
      assert.equal(r.code, 0, r.stderr);
      const exported = JSON.parse((await run(join(base, name).replace(/\\/g, '/'), 'export', '--no-history')).stdout) as ExportDocument;
      const pages: string[] = [];
      const walk = (d: string) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else if (p.endsWith('.html')) pages.push(p); } };
      walk(join(out, 'records'));
      assert.equal(pages.length, exported.records.length);
      for (const p of pages) assertInert(readFileSync(p, 'utf8'), p);
    });
  }

  it('refuses a folder it did not write, a symlinked one, and writes again into its own', async () => {
    mkdirSync(join(dir, 'repo/doc/adr'), { recursive: true });
    writeFileSync(join(dir, 'repo/doc/adr/0001-a.md'), '# 1. A\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n');
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'docs'));
    writeFileSync(join(repo, 'docs/keep.txt'), 'mine');
    const foreign = await run(repo, 'site', '--out', 'docs');
    assert.equal(foreign.code, 2);
    assert.match(foreign.stderr, /docs is not empty and is not a site adr-workbench wrote/);
    assert.equal(readFileSync(join(repo, 'docs/keep.txt'), 'utf8'), 'mine', 'nothing lost');
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(repo, 'linked'));
    const linked = await run(repo, 'site', '--out', 'linked');
    assert.equal(linked.code, 2);
    assert.match(linked.stderr, /linked is a symbolic link/);
    assert.deepEqual(readdirSync(join(dir, 'elsewhere')), []);
    const ok = await run(repo, 'site', '--out', 'adr-site');
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^adr-site\/index.html \(1 record page rendered, 0 unchanged, 0 removed/);
    const again = await run(repo, 'site', '--out', 'adr-site');
    assert.match(again.stdout, /\(0 record pages rendered, 1 unchanged, 0 removed/);
    assert.ok(existsSync(join(repo, 'adr-site/.adrw-site.json')));
    // A link planted where a new record's page goes is not written through (pages are created exclusively).
    writeFileSync(join(dir, 'outside.html'), 'mine');
    symlinkSync(join(dir, 'outside.html'), join(repo, 'adr-site/records/doc/adr/0002-b.html'));
    writeFileSync(join(repo, 'doc/adr/0002-b.md'), '# 2. B\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n');
    const planted = await run(repo, 'site', '--out', 'adr-site');
    assert.equal(planted.code, 2);
    assert.match(planted.stderr, /adr-site\/records\/doc\/adr\/0002-b.html exists and is not a regular file/);
    assert.equal(readFileSync(join(dir, 'outside.html'), 'utf8'), 'mine', 'the file the link points to is untouched');
  });
});

describe('CLI: site --watch', function () {
  this.timeout(60000);
  it('serves the site on 127.0.0.1 only, rebuilds when a record changes, refuses paths out of the site, stops on SIGTERM', async () => {
    const { spawn } = await import('node:child_process');
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'adrw-watch-')));
    try {
      mkdirSync(join(dir, 'doc/adr'), { recursive: true });
      writeFileSync(join(dir, 'doc/adr/0001-a.md'), '# 1. Use A\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n');
      const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'cli.js'), 'site', '--watch', '--port', '0', '--no-history'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
      child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
      const waitFor = async (re: RegExp) => {
        for (let i = 0; i < 200 && !re.test(out); i++) await new Promise((r) => setTimeout(r, 100));
        const m = re.exec(out);
        assert.ok(m, `waited for ${re}: ${out}`);
        return m;
      };
      const url = (await waitFor(/serving (http:\/\/127\.0\.0\.1:\d+\/)/))[1]!;
      const index = await fetch(`${url}`);
      assert.equal(index.status, 200);
      assert.match(await index.text(), /Use A/);
      const escape = await fetch(`${url}..%2F..%2F..%2Fetc%2Fpasswd`);
      assert.equal(escape.status, 404);
      assert.doesNotMatch(await escape.text(), /root:/);
      writeFileSync(join(dir, 'doc/adr/0001-a.md'), '# 1. Use A, revised\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n');
      await waitFor(/rebuilt: 1 record page rendered/);
      assert.match(await (await fetch(`${url}records/doc/adr/0001-a.html`)).text(), /Use A, revised/);
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
