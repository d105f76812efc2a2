/**
 * The static site in a real browser (headless Chromium): built by the CLI binary from a scripted
 * repository, opened from file:// and from a sub-path of a local server; the index's filters and
 * full-text search, a record page, the graph, the timeline, the 404 page, dark theme, a phone's
 * width, and a record made of script-injection payloads rendering as text.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { HistoryRepo, nygard } from '../support/historyRepo';
import { XSS_PAYLOADS } from '../support/xss';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const SHOTS = join(process.cwd(), 'out', 'screenshots');

function scriptedRepository(): HistoryRepo {
  const repo = new HistoryRepo();
  repo.commitAs('Alice', '2024-01-05T10:00:00Z', 'First decisions', {
    'doc/adr/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions', 'Accepted', [], 'We keep a record of decisions.'),
    'doc/adr/0002-use-postgresql.md': nygard(2, 'Use PostgreSQL', 'Proposed', [], 'Orders need a relational store.'),
  });
  repo.commitAs('Bob', '2024-02-01T09:00:00Z', 'Accept PostgreSQL', {
    'doc/adr/0002-use-postgresql.md': nygard(2, 'Use PostgreSQL', 'Accepted', [], 'Orders need a relational store.'),
  });
  repo.commitAs('Carol', '2024-03-01T09:00:00Z', 'CockroachDB supersedes PostgreSQL', {
    'doc/adr/0003-use-cockroachdb.md': nygard(3, 'Use CockroachDB', 'Accepted', ['Supercedes [2. Use PostgreSQL](0002-use-postgresql.md)'],
      'Orders must survive a zanzibar region failure.\n\n| Option | Regions |\n|---|---|\n| PostgreSQL | 1 |\n| CockroachDB | 3 |\n\n```mermaid\ngraph TD; A-->B\n```'),
    'doc/adr/0002-use-postgresql.md': nygard(2, 'Use PostgreSQL', 'Superceded by [3. Use CockroachDB](0003-use-cockroachdb.md)', [], 'Orders need a relational store.'),
  });
  repo.commitAs('Mallory', '2024-04-01T09:00:00Z', 'A hostile record', {
    'doc/adr/0004-hostile.md': `# 4. <img src=x onerror=alert('title')> Hostile\n\nDate: 2024-04-01\n\n## Status\n\nProposed\n\n## Context\n\n${XSS_PAYLOADS.join('\n\n')}\n`,
  });
  return repo;
}

function buildSite(cwd: string, ...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, 'site', ...args], { cwd, encoding: 'utf8', env: { ...process.env, ADRW_HISTORY_CACHE: 'off' } });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** Serves `dir` under `prefix` (a sub-path, as GitHub Pages serves a project site); 404.html for anything else. */
function serveUnder(dir: string, prefix: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const rel = path.startsWith(prefix) ? path.slice(prefix.length) || 'index.html' : undefined;
    const file = rel !== undefined && !rel.includes('..') ? join(dir, rel.endsWith('/') ? `${rel}index.html` : rel) : undefined;
    if (file && existsSync(file) && !file.endsWith('/')) {
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    } else {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(dir, '404.html')));
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const a = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}${prefix}` });
  }));
}

describe('the static site in Chromium', function () {
  this.timeout(120000);
  let repo: HistoryRepo;
  let browser: Browser;
  let site: string;
  const dialogs: string[] = [];
  const errors: string[] = [];

  before(async () => {
    repo = scriptedRepository();
    buildSite(repo.root, '--title', 'Acme decisions', '--base-path', '/org/decisions/');
    site = join(repo.root, 'adr-site');
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    repo?.dispose();
  });

  async function open(url: string, options: { width?: number; dark?: boolean } = {}): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: options.width ?? 1100, height: 820 }, colorScheme: options.dark ? 'dark' : 'light' });
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(url);
    return page;
  }

  const visible = (page: Page) => page.locator('ul.records li[data-key]:visible');

  it('file://: the index lists every record; status and tag filters and search narrow it', async () => {
    const page = await open(`file://${site}/index.html`);
    assert.equal(await visible(page).count(), 4);
    assert.equal(await page.textContent('#result-count'), '4 decisions');
    await page.selectOption('#f-status', 'accepted');
    assert.equal(await visible(page).count(), 2);
    assert.equal(await page.textContent('#result-count'), '2 of 4 decisions');
    await page.selectOption('#f-status', '');
    // A word that is only in one record's body.
    await page.fill('#q', 'zanzibar');
    assert.deepEqual(await visible(page).locator('a').allTextContents(), ['0003 Use CockroachDB']);
    await page.fill('#q', 'relational');
    assert.deepEqual(await visible(page).locator('a').allTextContents(), ['0002 Use PostgreSQL']);
    await page.fill('#q', '');
    assert.equal(await visible(page).count(), 4);
    await page.screenshot({ path: join(SHOTS, 'site-index.png') });
    await page.close();
  });

  it('file://: the search index built in the background while the page is idle finds the same records, with no error', async () => {
    const before = errors.length;
    const page = await open(`file://${site}/index.html`);
    // Long enough for the idle steps to index every record before the first search.
    await page.waitForTimeout(1500);
    await page.fill('#q', 'zanzibar');
    assert.deepEqual(await visible(page).locator('a').allTextContents(), ['0003 Use CockroachDB']);
    await page.fill('#q', 'relational store');
    assert.deepEqual(await visible(page).locator('a').allTextContents(), ['0002 Use PostgreSQL']);
    assert.equal(errors.length, before, errors.join('\n'));
    await page.close();
  });

  it('file://: a record page shows its status, relations both ways, the supersede chain, history and the rendered table', async () => {
    const page = await open(`file://${site}/index.html`);
    await page.click('ul.records a:has-text("Use CockroachDB")');
    await page.waitForURL(/0003-use-cockroachdb\.html$/);
    assert.equal((await page.textContent('h1'))?.trim(), 'ADR-0003 Use CockroachDB');
    assert.match((await page.textContent('dl.facts')) ?? '', /Accepted/);
    assert.match((await page.textContent('ul.relations')) ?? '', /Supersedes\s+0002 Use PostgreSQL/);
    assert.deepEqual((await page.locator('ol.chain li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()), [
      '0002 Use PostgreSQL ↻ Superseded', '0003 Use CockroachDB ✔ Accepted',
    ]);
    assert.match((await page.textContent('ul.history')) ?? '', /Created 2024-03-01 by Carol/);
    // The scripted record has the same text under Context and Decision: two tables, two diagrams.
    assert.equal(await page.locator('.body table').count(), 2);
    assert.equal(await page.locator('.body table tr').count(), 6);
    assert.equal(await page.locator('.body figure.mermaid-source code').count(), 2);
    await page.screenshot({ path: join(SHOTS, 'site-record.png'), fullPage: true });
    // The superseded record links back.
    await page.click('ol.chain >> text=Use PostgreSQL');
    await page.waitForURL(/0002-use-postgresql\.html$/);
    assert.match((await page.textContent('ul.relations')) ?? '', /Superseded by\s+0003 Use CockroachDB/);
    assert.match((await page.textContent('ul.history')) ?? '', /Accepted \(was proposed\) 2024-02-01 by Bob/);
    await page.close();
  });

  it('file://: the graph draws the relation and links to the records; the list says the same', async () => {
    const page = await open(`file://${site}/graph.html`);
    assert.equal(await page.locator('svg g.node.record').count(), 2);
    assert.match((await page.textContent('ul.graph-list')) ?? '', /Supersedes\s*0002 Use PostgreSQL/);
    await page.screenshot({ path: join(SHOTS, 'site-graph.png') });
    await page.locator('svg g.node.record a').first().click();
    await page.waitForURL(/records\/doc\/adr\/000[23]-.*\.html$/);
    await page.close();
  });

  it('file://: the timeline lists creations and status changes by month, newest first, with authors', async () => {
    const page = await open(`file://${site}/timeline.html`);
    assert.deepEqual(await page.locator('main h2').allTextContents(), ['2024-04', '2024-03', '2024-02', '2024-01']);
    const first = (await page.locator('ol.timeline li').first().textContent())?.replace(/\s+/g, ' ');
    assert.match(first ?? '', /^2024-04-01 Created 0004 Hostile by Mallory$/);
    assert.match((await page.textContent('main')) ?? '', /Accepted 0002 Use PostgreSQL by Bob/);
    await page.close();
  });

  it('a record of script-injection payloads renders as text: no dialog, no script, no live markup', async () => {
    const before = dialogs.length;
    const page = await open(`file://${site}/records/doc/adr/0004-hostile.html`);
    await page.waitForTimeout(300);
    await page.hover('main');
    assert.equal(dialogs.length, before, `dialogs: ${dialogs.join(', ')}`);
    // In the page (a string: this suite is typed for Node, not the DOM).
    const live = await page.evaluate<{ scripts: string[]; handlers: number; dangerous: number; scriptLinks: number }>(`({
      scripts: [...document.scripts].map((s) => s.getAttribute('src')),
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      dangerous: document.querySelectorAll('main iframe, main object, main embed, main svg, main math, main style, main img, main input:not([type=checkbox])').length,
      scriptLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\\s*(javascript|data|vbscript):/i.test(a.getAttribute('href') ?? '')).length,
    })`);
    assert.deepEqual(live.scripts, ['../../../assets/site.js']);
    assert.equal(live.handlers, 0);
    assert.equal(live.dangerous, 0);
    assert.equal(live.scriptLinks, 0);
    const text = (await page.textContent('main')) ?? '';
    // The parser reads a heading's text without its HTML: the title is what remains.
    assert.equal((await page.textContent('h1'))?.trim(), 'ADR-0004 Hostile');
    assert.ok(text.includes('<img src=x onerror=alert(1)>'), 'a payload is shown as text');
    assert.ok(text.includes('<script>alert(2)</script>'), 'raw HTML is shown as text');
    // The index shows the hostile title as text too, and searching for a payload word does nothing bad.
    const index = await open(`file://${site}/index.html`);
    await index.fill('#q', 'onerror');
    await index.waitForTimeout(200);
    assert.equal(dialogs.length, before);
    assert.equal(errors.length, 0, errors.join('\n'));
    await page.close();
    await index.close();
  });

  it('from a sub-path of a server: relative links work, and the 404 page finds its style through --base-path', async () => {
    const { server, url } = await serveUnder(site, '/org/decisions/');
    try {
      const page = await open(`${url}index.html`);
      await page.fill('#q', 'zanzibar');
      assert.equal(await visible(page).count(), 1);
      await visible(page).locator('a').click();
      await page.waitForURL(`${url}records/doc/adr/0003-use-cockroachdb.html`);
      await page.click('header nav >> text=Timeline');
      await page.waitForURL(`${url}timeline.html`);
      const missing = await open(`${url}no/such/page.html`);
      assert.equal((await missing.textContent('h1'))?.trim(), 'Not found');
      const bg = await missing.evaluate<string>("getComputedStyle(document.querySelector('header.top')).borderBottomStyle");
      assert.equal(bg, 'solid', 'the style sheet loaded from /org/decisions/assets/site.css');
      await missing.click('text=All decisions');
      await missing.waitForURL(`${url}index.html`);
      await page.close();
      await missing.close();
    } finally {
      server.close();
    }
  });

  it('dark theme from the reader\'s preference and the toggle; a phone\'s width scrolls only vertically; landmarks and labels', async () => {
    const page = await open(`file://${site}/records/doc/adr/0003-use-cockroachdb.html`, { dark: true, width: 390 });
    const bg = () => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    assert.equal(await bg(), 'rgb(13, 17, 23)');
    assert.ok(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1'), 'no sideways scrolling at 390 px');
    await page.screenshot({ path: join(SHOTS, 'site-record-phone-dark.png') });
    await page.click('#theme-toggle');
    assert.equal(await bg(), 'rgb(255, 255, 255)');
    const landmarks = await page.evaluate<boolean[]>("['header', 'nav', 'main', 'footer'].map((t) => document.querySelectorAll(t).length > 0)");
    assert.deepEqual(landmarks, [true, true, true, true]);
    await page.close();
    const index = await open(`file://${site}/index.html`);
    const unlabeled = await index.evaluate<number>("[...document.querySelectorAll('input, select')].filter((el) => !el.closest('label')).length");
    assert.equal(unlabeled, 0);
    await index.keyboard.press('Tab');
    assert.equal(await index.evaluate<string>('document.activeElement?.textContent'), 'Skip to content');
    await index.close();
  });

  it('a second build renders nothing again; a changed record only itself and its neighbours', () => {
    assert.match(buildSite(repo.root, '--title', 'Acme decisions', '--base-path', '/org/decisions/'), /\(0 record pages rendered, 4 unchanged/);
    repo.write({ 'doc/adr/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions', 'Accepted', [], 'Edited.') });
    assert.match(buildSite(repo.root, '--title', 'Acme decisions', '--base-path', '/org/decisions/'), /\(1 record page rendered, 3 unchanged/);
  });
});
