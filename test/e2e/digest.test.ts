/** The Decision Digest page (a webview editor tab) in the real workbench, on the digest goldens'
 * scripted repository (fixed authors and dates, opened as its own folder): it opens from the palette
 * and from the Decisions view's "…" menu, a period picked in the page (since a date, since a ref
 * until a ref, typed and sent with Enter) shows that period's entries in every section, a record's
 * link opens it, Copy as Markdown and Refresh work, and a ref git does not know is one line. */
import * as assert from 'node:assert/strict';
import { realpathSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Frame } from 'playwright-core';
import { scriptedDigestRepo } from '../support/digestRepo';
import type { HistoryRepo } from '../support/historyRepo';
import { e2eContext, useWorkbench, type Workbench } from './harness';
import { DECISIONS, WORKBENCH_CONTAINER } from './support';

/** The scripted repository, beside the run's fixture workspace (its real path: the review engine resolves symlinks as git does). */
const FOLDER = join(realpathSync(dirname(e2eContext().workspace)), 'digest-shop').replace(/\\/g, '/');

/** The digest page's frame: the webview's inner frame whose page has the period picker. */
async function digestFrame(wb: Workbench, timeout = 30_000): Promise<Frame> {
  const until = Date.now() + timeout;
  for (;;) {
    for (const f of wb.page.frames()) {
      if (f.isDetached()) continue;
      const n = await f.locator('form[aria-label="Digest period"]').count().catch(() => 0);
      if (n > 0) return f;
    }
    if (Date.now() > until) throw new Error('no Decision Digest page');
    await wb.page.waitForTimeout(100);
  }
}

/** Waits until the page shows a digest newer than `after` (its revision) in `status`; returns its revision. */
async function shown(frame: Frame, after: number, status = 'ready'): Promise<number> {
  const root = frame.locator('#root');
  const end = Date.now() + 30_000;
  for (;;) {
    const [s, r] = [await root.getAttribute('data-status'), Number(await root.getAttribute('data-revision'))];
    if (s === status && r > after) return r;
    if (Date.now() > end) throw new Error(`the page shows ${s} (revision ${r}), not ${status} after revision ${after}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

const revision = async (frame: Frame) => Number(await frame.locator('#root').getAttribute('data-revision'));
const items = (frame: Frame, section: string) => frame.locator(`section.${section} li`).allTextContents();

/** Waits until the section lists exactly `want` (a loaded machine may render the page again meanwhile). */
async function lists(frame: Frame, section: string, want: readonly string[]): Promise<void> {
  const end = Date.now() + 15_000;
  let got: string[] = [];
  while (JSON.stringify(got = await items(frame, section)) !== JSON.stringify(want)) {
    if (Date.now() > end) assert.deepEqual(got, want, section);
    await new Promise((res) => setTimeout(res, 100));
  }
}

describe('Decision digest page (e2e)', () => {
  let repo: HistoryRepo;
  // Before the workbench opens on it.
  before(() => {
    rmSync(FOLDER, { recursive: true, force: true });
    repo = scriptedDigestRepo({ at: FOLDER });
    // Refs for a period that ends before the last commits.
    repo.git('tag', 'kafka-proposed', repo.git('log', '--format=%H', '--author=Bob', '-1').trim());
    repo.git('tag', 'pg-accepted', repo.git('log', '--format=%H', '--author=Heidi', '-1').trim());
  });
  const wb = useWorkbench({ folder: FOLDER });
  after(() => rmSync(FOLDER, { recursive: true, force: true }));
  const sha = (author: string) => repo.git('log', '--all', '--format=%h', `--author=${author}`, '-1').trim().slice(0, 7);

  it('opens from the palette on the last 7 days; picking since 2025-03-01 shows that week in every section (README screenshot)', async () => {
    await wb().openViewContainer(WORKBENCH_CONTAINER);
    await wb().view(DECISIONS).locator('.pane-header[aria-label^="Decisions - 5"]').waitFor({ state: 'attached' });
    await wb().runCommand('ADR: Show Decision Digest…');
    const frame = await digestFrame(wb());
    const r = await shown(frame, -1);
    // The last 7 days of a repository last changed in 2025: no commit, but the proposal still waits and the review is overdue.
    await frame.locator('.summary', { hasText: /^0 commits since 7d/ }).waitFor();
    assert.deepEqual(await items(frame, 'decisions'), []);
    assert.equal(await frame.locator('section.decisions .empty').textContent(), 'No decision changed status in the period.');
    assert.match((await items(frame, 'awaiting'))[0]!, /^ADR-0003 Use Kafka: proposed 2025-02-20 by Bob \(\d+ days ago\); approved by Carol \(1 of 2\); awaiting Dave$/);

    await frame.getByRole('combobox', { name: 'Period' }).selectOption('date');
    await frame.getByLabel('Since date').fill('2025-03-01');
    await frame.getByRole('button', { name: 'Show', exact: true }).click();
    await shown(frame, r);
    await frame.locator('h1', { hasText: 'Decision digest: 2025-03-01 to 2025-03-08' }).waitFor();
    await lists(frame, 'decisions', [
      `Proposed ADR-0004 Use GraphQL (new) — ${sha('Erin')} by Erin, 2025-03-01`,
      `Accepted ADR-0005 Use the pg driver (new) — ${sha('Heidi')} by Heidi, 2025-03-06`,
      `Accepted ADR-0004 Use GraphQL (was proposed) — ${sha('Judy')} by Judy, 2025-03-08`,
    ]);
    assert.deepEqual(await items(frame, 'undocumented'), [`package.json: New dependency left-pad ^1.3.0 in package.json (npm) — ${sha('Frank')} by Frank, 2025-03-04 (#12)`]);
    assert.equal((await items(frame, 'documented')).length, 2);
    assert.match((await items(frame, 'acknowledged'))[0]!, /lodash .* by Ivan, 2025-03-07 \(#14\) — acknowledged: A utility, not a decision$/);
    // Reviews are due as of today (the accepted records are reviewed every 12 months): the oldest first.
    const reviews = await items(frame, 'reviews');
    assert.match(reviews[0]!, /^Overdue ADR-0001 Record architecture decisions: review by 2025-01-02 \(\d+ days overdue\)$/);
    assert.deepEqual(await items(frame, 'governed'), ['ADR-0002 Use PostgreSQL: 1 file in 1 commit by Heidi']);
    assert.equal(await frame.locator('section.conflicts .empty').textContent(), 'None.');
    assert.deepEqual(await frame.locator('section h2').allTextContents(), [
      'Decisions (3)', 'Awaiting a decision (1)', `Reviews due (${reviews.length})`, 'Merged without a record (1)', 'Documented (2)', 'Acknowledged (1)', 'Conflicts with decisions', 'Governed code changed (1)',
    ]);
    await wb().settle();
    await wb().screenshot('digest');
  });

  it('since a ref until a ref, typed and sent with Enter; a record link opens it; Copy as Markdown; Refresh', async () => {
    const frame = await digestFrame(wb());
    let r = await revision(frame);
    await frame.getByRole('combobox', { name: 'Period' }).selectOption('ref');
    // The ref box takes the focus; the keyboard does the rest.
    await frame.getByLabel('Since ref').fill('kafka-proposed');
    await frame.getByLabel('Until ref').fill('pg-accepted');
    await frame.getByLabel('Until ref').press('Enter');
    r = await shown(frame, r);
    await lists(frame, 'decisions', [
      `Proposed ADR-0004 Use GraphQL (new) — ${sha('Erin')} by Erin, 2025-03-01`,
      `Accepted ADR-0005 Use the pg driver (new) — ${sha('Heidi')} by Heidi, 2025-03-06`,
    ]);
    assert.deepEqual(await items(frame, 'acknowledged'), [], 'lodash came after pg-accepted');
    await frame.locator('.summary', { hasText: /^5 commits since kafka-proposed/ }).waitFor();

    await frame.locator('section.decisions a.record', { hasText: 'ADR-0005 Use the pg driver' }).click();
    await wb().editorTab('0005-use-the-pg-driver.md').waitFor();

    const back = await digestFrame(wb());
    await back.getByRole('button', { name: 'Copy as Markdown' }).click();
    await wb().notification(/^Copied the decision digest as Markdown/);
    await back.getByRole('button', { name: 'Refresh' }).click();
    r = await shown(back, r);
    await lists(back, 'decisions', [
      `Proposed ADR-0004 Use GraphQL (new) — ${sha('Erin')} by Erin, 2025-03-01`,
      `Accepted ADR-0005 Use the pg driver (new) — ${sha('Heidi')} by Heidi, 2025-03-06`,
    ]);

    // A ref git does not know: one line, no sections.
    await back.getByLabel('Since ref').fill('no-such-tag');
    await back.getByLabel('Until ref').fill('');
    await back.getByLabel('Since ref').press('Enter');
    await shown(back, r, 'error');
    assert.match((await back.locator('p.line').textContent())!, /^No digest: --since: no commit "no-such-tag"/);
    assert.equal(await back.locator('section').count(), 0);
    // A ref that would be an option never leaves the page.
    await back.getByLabel('Since ref').fill('--output=x');
    await back.getByLabel('Since ref').press('Enter');
    await back.locator('p.line.error', { hasText: /is not a git ref/ }).waitFor();
  });

  it('opens from the Decisions view\'s "…" menu, on the period last shown', async () => {
    await wb().runCommand('View: Close All Editors');
    await wb().openViewContainer(WORKBENCH_CONTAINER);
    await wb().viewMenu(DECISIONS, 'Show Decision Digest…');
    const frame = await digestFrame(wb());
    // The period last shown is the bad ref of the test before (ready instead, had that test stopped earlier).
    await Promise.any([shown(frame, -1, 'error'), shown(frame, -1, 'ready')]);
    assert.equal(await frame.getByRole('combobox', { name: 'Period' }).inputValue(), 'ref');
    // Back to a fixed period: picked, it runs at once.
    await frame.getByRole('combobox', { name: 'Period' }).selectOption('30');
    await shown(frame, 0);
    await frame.locator('.summary', { hasText: /^0 commits since 30d/ }).waitFor();
  });
});
