/** The Architecture Review panel (a webview in the bottom panel) in the real workbench: findings for
 * untracked files, Draft ADR turning a change into documented, and the page's handling of hostile
 * file names and contents (rendered as text, never as markup), plus the README's screenshot. */
import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { e2eContext, useWorkbench, type Workbench } from './harness';

/** The panel's page: the webview's outer iframe (VS Code's host page, tagged with our extension's
 * id) holds the `active-frame` iframe with the HTML the extension set. */
function reviewPage(wb: Workbench): FrameLocator {
  return wb.page.frameLocator('iframe.webview[src*="extensionId=adr-workbench.adr-workbench"]').frameLocator('#active-frame');
}

/** The card of the finding whose file link reads `file` (exactly, or followed by `:line`). */
function card(page: FrameLocator, file: string): Locator {
  return page.locator('article.finding', { has: page.locator('a.file', { hasText: new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+)?$`) }) });
}

/** Writes workspace files (relative path → text) and returns a function that removes them again. */
function writeFiles(files: Record<string, string>): () => void {
  const ws = e2eContext().workspace;
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(ws, rel)), { recursive: true });
    writeFileSync(join(ws, rel), text);
  }
  return () => {
    for (const rel of Object.keys(files)) rmSync(join(ws, rel), { force: true });
  };
}

/** Opens the panel through the palette and waits for its page to show cards for `files`. */
async function showReview(wb: Workbench, files: readonly string[]): Promise<FrameLocator> {
  // The palette lists what was registered when it opened: wait for the extension to be up (its
  // review ran and counted the changes) before asking for one of its commands.
  await wb.statusBarItem(REVIEW_ITEM).filter({ hasText: /\d+ undocumented/ }).waitFor();
  await wb.runCommand('ADR: Show Architecture Review');
  const page = reviewPage(wb);
  await page.locator('main#root .header').waitFor();
  for (const f of files) await card(page, f).first().waitFor();
  return page;
}

/** The review's status bar item ('<publisher>.<name>.<item id>'); shown once a review is ready. */
const REVIEW_ITEM = 'adr-workbench.adr-workbench.adrWorkbench.review';

const adrDir = () => join(e2eContext().workspace, 'doc/adr');

describe('Architecture Review (e2e)', () => {
  const wb = useWorkbench();

  it('shows undocumented and documented changes in the panel (README screenshot)', async () => {
    const cleanup = writeFiles({
      Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "src/server.js"]\n',
      'package.json': '{\n  "name": "adr-tools-web",\n  "version": "1.0.0",\n  "dependencies": {\n    "express": "^4.19.2",\n    "pg": "^8.11.0"\n  }\n}\n',
      // In the change and naming `pg`: that dependency is documented, the rest is not.
      'doc/adr/0013-store-records-in-postgresql.md': '# 13. Store records in PostgreSQL\n\nDate: 2026-11-24\n\n## Status\n\nAccepted\n\n'
        + '## Context\n\nThe web front end searches records by status and date.\n\n## Decision\n\n'
        + 'Store an index of the records in PostgreSQL, through the `pg` client.\n\n## Consequences\n\nDeployments need a database.\n',
    });
    try {
      const page = await showReview(wb(), ['Dockerfile', 'package.json']);
      const summary = page.locator('.header .summary', { hasText: /^2 undocumented of 3 architectural changes · working change against HEAD$/ });
      await summary.waitFor();
      await card(page, 'Dockerfile').locator('.verdict', { hasText: /^Undocumented$/ }).waitFor();
      const pg = page.locator('article.finding', { hasText: 'New dependency pg' });
      await pg.locator('.verdict', { hasText: /^Documented$/ }).waitFor();
      assert.match(await pg.locator('.evidence').innerText(), /^ADR-0013 Store records in PostgreSQL \(in this change\) names it on line 15: /);
      await page.locator('article.finding', { hasText: 'New dependency express' }).locator('.verdict', { hasText: /^Undocumented$/ }).waitFor();
      await wb().statusBarItem(REVIEW_ITEM).filter({ hasText: '2 undocumented' }).waitFor();

      // The shot: the panel maximized, so every card is legible.
      await wb().runCommand('View: Toggle Maximized Panel');
      await wb().settle();
      await wb().screenshot('review-panel');
      await wb().runCommand('View: Toggle Maximized Panel');
    } finally {
      cleanup();
    }
  });

  describe('hostile file names and contents', () => {
    // Linux file names may hold `<`, `>`, quotes and `=`, but not `/`: markup goes into folder and
    // file names as far as that allows, and freely into contents and the team's own rule.
    const TF = '<img src=x onerror=alert(1)>.tf';
    const NESTED = 'infra/<svg onload=alert(2)>/"main".tf';
    const DOCKER_LINES = [
      'FROM node:20-alpine',
      '# <img src=x onerror=alert(3)>',
      'LABEL note="</script><script>alert(5)</script>"',
      'LABEL docs="javascript:alert(4)"',
    ];
    const RULE_TITLE = '<b>Hostile</b> rule';
    const RULE_MESSAGE = '<img src=x onerror=alert(6)> <a href="javascript:alert(7)">click</a> </script>';
    const files = {
      [TF]: 'resource "aws_s3_bucket" "records" {}\n',
      [NESTED]: 'resource "aws_sqs_queue" "events" {}\n',
      Dockerfile: `${DOCKER_LINES.join('\n')}\n`,
      '.adr-review.yml': `custom:\n  - id: hostile\n    paths: ["**/*.hostile"]\n    title: ${JSON.stringify(RULE_TITLE)}\n    message: ${JSON.stringify(RULE_MESSAGE)}\n`,
      'notes.hostile': 'anything\n',
    };
    let cleanup = () => {};
    let recordsBefore: string[] = [];
    const dialogs: string[] = [];
    const refused: string[] = [];

    before(() => {
      recordsBefore = readdirSync(adrDir());
      cleanup = writeFiles(files);
      wb().page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      // An injected handler or script would be stopped by the CSP, which Chromium logs.
      wb().page.on('console', (m) => {
        if (/Refused to|Content Security Policy/i.test(m.text())) refused.push(m.text());
      });
    });
    after(async () => {
      cleanup();
      rmSync(join(e2eContext().workspace, 'infra'), { recursive: true, force: true });
      for (const name of readdirSync(adrDir())) if (!recordsBefore.includes(name)) rmSync(join(adrDir(), name), { force: true });
      await wb().runCommand('View: Close All Editors');
    });

    it('renders names, added lines and rule texts as literal text, creating no elements from them', async () => {
      const page = await showReview(wb(), [TF, NESTED, 'Dockerfile', 'notes.hostile']);

      // Literal text where the data goes: file links, messages, group titles, excerpts.
      assert.equal(await card(page, TF).locator('.message').textContent(), `Infrastructure as code added: ${TF}`);
      assert.equal(await card(page, NESTED).locator('.message').textContent(), `Infrastructure as code added: ${NESTED}`);
      const excerpt = (await card(page, 'Dockerfile').locator('pre.excerpt').textContent()) ?? '';
      for (const line of DOCKER_LINES) assert.ok(excerpt.includes(`+${line}\n`), `excerpt shows ${JSON.stringify(line)}: ${excerpt}`);
      const custom = card(page, 'notes.hostile');
      assert.equal(await custom.locator('.message').textContent(), RULE_MESSAGE);
      assert.equal(await page.locator('section.group h2', { hasText: 'Hostile' }).textContent(), `${RULE_TITLE} (1)`);

      // Nothing became markup: the page holds only the elements main.ts builds, no attribute
      // beyond the ones it sets, the one nonce'd script, and links that go nowhere.
      const dom = await page.locator('html').evaluate((html) => {
        const all = [...html.querySelectorAll('body *')];
        return {
          tags: [...new Set(all.map((e) => e.tagName.toLowerCase()))].sort(),
          attributes: [...new Set(all.flatMap((e) => [...e.attributes].map((a) => a.name)))].sort(),
          scripts: [...html.querySelectorAll('script')].map((e) => `${e.parentElement?.tagName} nonce=${e.getAttribute('nonce')?.length ?? 0} src=${e.getAttribute('src') ?? ''} ${(e.textContent ?? '').slice(0, 80)}`),
          hrefs: [...new Set([...html.querySelectorAll('a')].map((a) => a.getAttribute('href')))],
          hostile: html.querySelectorAll('img, svg, iframe, object, embed, b, a[href^="javascript:"], [onerror], [onload]').length,
        };
      });
      const allowed = ['a', 'article', 'button', 'div', 'h2', 'li', 'main', 'p', 'pre', 'script', 'section', 'span', 'ul'];
      assert.deepEqual(dom.tags.filter((t) => !allowed.includes(t)), [], `unexpected elements: ${dom.tags.join(', ')}`);
      assert.deepEqual(dom.attributes.filter((a) => !['aria-live', 'class', 'data-id', 'href', 'id', 'nonce', 'src', 'title', 'type'].includes(a)), []);
      assert.equal(dom.hostile, 0, 'no <img>, <svg>, <b>, javascript: link or event handler attribute in the page');
      // VS Code's host adds one script to the head (the acquireVsCodeApi shim); ours is the body's,
      // loaded from the extension with the page's nonce.
      const [shim, ours, ...others] = dom.scripts;
      assert.deepEqual(others, [], dom.scripts.join('\n'));
      assert.match(shim ?? '', /^HEAD nonce=0 src= \s*globalThis\.acquireVsCodeApi = /, dom.scripts.join('\n'));
      assert.match(ours ?? '', /^BODY nonce=(1[6-9]|[2-9]\d) src=\S+\/dist\/webview\/review\.js $/, dom.scripts.join('\n'));
      assert.deepEqual(dom.hrefs, ['#']);
      assert.equal(await page.locator('img').count(), 0);
      assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
      // The `javascript:` texts are plain text inside <pre> and <p>, not links.
      assert.equal(await page.locator('a', { hasText: 'javascript:' }).count(), 0);
      assert.ok((await page.locator('pre.excerpt span.add', { hasText: 'javascript:alert(4)' }).count()) === 1);
      // No alert: a weak check on its own, as the webview's sandbox has no allow-modals.
      assert.deepEqual(dialogs, [], 'no dialog opened');
      assert.deepEqual(refused, [], 'the CSP had nothing to refuse: no injected script or handler ran into it');

      // Control: the same markup, had the page parsed it, is what these checks catch (an element,
      // and the CSP refusing its handler in the console the listener hears).
      await page.locator('body').evaluate((body) => {
        const probe = body.ownerDocument.createElement('div');
        probe.id = 'adrw-control';
        probe.innerHTML = '<img src=x onerror=alert(1)>';
        body.append(probe);
      });
      assert.equal(await page.locator('img').count(), 1);
      for (let i = 0; i < 50 && refused.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(refused.length > 0, 'the CSP refusal of an injected handler shows in the console');
      await page.locator('#adrw-control').evaluate((probe) => probe.remove());
      refused.length = 0;
    });

    it('Draft ADR on a hostile card writes a record governing the path and the card turns Documented', async () => {
      const page = reviewPage(wb());
      const target = card(page, TF);
      await target.locator('.verdict', { hasText: /^Undocumented$/ }).waitFor();
      await target.getByRole('button', { name: 'Draft ADR' }).click();
      // The new record opens; the review runs again and finds it governing the path.
      await wb().page.locator('.tabs-container .tab', { hasText: /^0013-/ }).waitFor();
      await target.locator('.verdict', { hasText: /^Documented$/ }).waitFor();
      assert.equal(await target.getByRole('button', { name: 'Draft ADR' }).count(), 0, 'no Draft ADR on a documented change');
      const evidence = await target.locator('.evidence li').allTextContents();
      assert.ok(evidence.some((e) => /^ADR-0013 .+ \(in this change\) governs it \(/.test(e) && e.endsWith(`(${TF})`)), evidence.join('\n'));
      // The other hostile changes are still undocumented.
      await card(page, NESTED).locator('.verdict', { hasText: /^Undocumented$/ }).waitFor();
      assert.equal(await page.locator('img').count(), 0);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(refused, []);
      await wb().settle();
      await wb().screenshot('review-hostile');
    });
  });
});
