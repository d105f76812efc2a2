/** Needs attention in the real workbench: the group at the top of the Decisions view with its rows
 * (a proposal with changes requested, proposals waiting with their approvals and who is awaited, an
 * overdue and a due review), the "awaiting you" status bar entry clicked, Mark Reviewed… from a
 * row's context menu and from an open record's, Approve Decision… from the palette, each answered
 * as a user does and written to the record. */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isoDate } from '../../src/core/naming';
import { addPeriod } from '../../src/core/signoff';
import { e2eContext, useWorkbench } from './harness';
import { DECISIONS, WORKBENCH_CONTAINER } from './support';

/** The DOM id of the "awaiting you" status bar item. */
const ATTENTION_ITEM = 'adr-workbench.adr-workbench.adrWorkbench.attention';
const today = isoDate(new Date());
const day = (offset: number) => addPeriod(today, { months: 0, days: Math.abs(offset) }, offset < 0 ? -1 : 1);
const nygard = (n: number, title: string, status: string, head: string, approvals = '') =>
  `# ${n}. ${title}\n\n${head}\n## Status\n\n${status}\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n${approvals ? `\n## Approvals\n\n${approvals}` : ''}`;

/** Records this suite adds (removed again after it), with a policy asking for two approvals (and no
 * review period: Mark Reviewed moves review-by on by the default 12 months). */
const EXTRA: Record<string, string> = {
  'doc/adr/0020-publish-nightly-builds.md': nygard(20, 'Publish nightly builds', 'Proposed', `Date: ${day(-12)}\nDeciders: Alice Tester, Bob Reviewer, Carol\n`, `* Approved by Carol on ${day(-2)}: fine\n`),
  'doc/adr/0021-drop-windows-support.md': nygard(21, 'Drop Windows support', 'Proposed', `Date: ${day(-3)}\nDeciders: Alice Tester, Bob Reviewer\n`, `* Changes requested by Bob Reviewer on ${day(-1)}: numbers please\n`),
  'doc/adr/0022-keep-a-changelog.md': nygard(22, 'Keep a changelog', 'Accepted', `Date: 2024-01-10\n\nReview-by: ${day(-5)}\n`),
  'doc/adr/0023-sign-releases.md': nygard(23, 'Sign releases', 'Accepted', `Date: 2024-01-11\n\nReview-by: ${day(10)}\n`),
  '.adr-workbench.yml': 'signoff:\n  required: 2\n',
};

describe('Needs attention (e2e)', () => {
  const ws = () => e2eContext().workspace;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ws(), stdio: ['ignore', 'pipe', 'ignore'] });
  const read = (rel: string) => readFileSync(join(ws(), rel), 'utf8');
  // Written before the workbench opens: the extension reads them (and git's user.name) as it starts.
  before(() => {
    for (const [rel, text] of Object.entries(EXTRA)) writeFileSync(join(ws(), rel), text);
    git('config', 'user.name', 'Alice Tester');
  });
  after(() => {
    for (const rel of Object.keys(EXTRA)) rmSync(join(ws(), rel), { force: true });
    try { git('config', '--unset', 'user.name'); } catch { /* not set */ }
  });
  const wb = useWorkbench();
  const attentionRow = (name: string) => wb().treeRow(DECISIONS, `Needs attention: ${name}`);
  /** Answers the comment step (the same title as the name step before it: told apart by its prompt). */
  const comment = async (title: RegExp, text?: string) => {
    await wb().waitFor('.quick-input-widget', { hasText: 'A comment (optional)' });
    await wb().answer(title, text);
  };

  it('shows Needs attention at the top of the Decisions view, with why each record is there', async () => {
    await wb().openViewContainer(WORKBENCH_CONTAINER);
    await wb().widenSideBar(620);
    await wb().treeRow(DECISIONS, 'Needs attention 5').waitFor();
    await wb().treeRow(DECISIONS, 'Accepted 11').waitFor();
    // The showcase's 0010 was committed today: once the history is read, that is when it became proposed.
    await attentionRow('0010. Publish a Homebrew formula, proposed 0 d').waitFor();
    const labels = await wb().treeLabels(DECISIONS);
    assert.deepEqual(labels.slice(0, 7), [
      'Needs attention 5',
      'Needs attention: 0021. Drop Windows support, changes requested by Bob Reviewer · proposed 3 d · 0 of 2 approvals · awaiting Alice Tester, Bob Reviewer',
      'Needs attention: 0020. Publish nightly builds, proposed 12 d · 1 of 2 approvals · awaiting Alice Tester, Bob Reviewer',
      'Needs attention: 0010. Publish a Homebrew formula, proposed 0 d · 0 of 2 approvals',
      'Needs attention: 0022. Keep a changelog, review overdue 5 d',
      'Needs attention: 0023. Sign releases, review due in 10 d',
      'Proposed 3',
    ]);
    // What the row shows: the record's label and the line saying why.
    const row = attentionRow('0020.');
    assert.equal((await row.locator('.label-description').textContent())?.trim(), 'proposed 12 d · 1 of 2 approvals · awaiting Alice Tester, Bob Reviewer');
    // A click opens the record.
    await row.click();
    await wb().editorTab('0020-publish-nightly-builds.md').waitFor();
    await wb().editorHighlighted();
    await wb().settle();
    await wb().screenshot('needs-attention');
  });

  it('the status bar says how many proposals await you; clicking it reveals the group', async () => {
    const item = wb().statusBarItem(ATTENTION_ITEM);
    await item.filter({ hasText: '2 awaiting you' }).waitFor();
    // Collapse the group, move the selection away, then click the status bar entry.
    await wb().treeRow(DECISIONS, 'Needs attention 5').click();
    await wb().page.keyboard.press('ArrowLeft');
    await attentionRow('0021.').waitFor({ state: 'hidden' });
    await wb().treeRow(DECISIONS, 'Accepted 11').click();
    await item.click();
    await wb().view(DECISIONS).locator('[role="treeitem"][aria-selected="true"][aria-expanded="true"]', { hasText: 'Needs attention' }).waitFor();
    await attentionRow('0021.').waitFor();
  });

  it('Mark Reviewed… from a row\'s context menu records the review and moves review-by on', async () => {
    await wb().contextMenu(attentionRow('0022.'), 'Mark Reviewed…');
    // git's user.name is offered.
    const who = await wb().quickInput(/^Mark 0022\. Keep a changelog reviewed/);
    assert.equal(await who.locator('input').inputValue(), 'Alice Tester');
    await wb().answer(/^Mark 0022\. Keep a changelog reviewed/);
    await comment(/^Mark 0022\. Keep a changelog reviewed/, 'still right');
    await attentionRow('0022.').waitFor({ state: 'hidden' });
    await wb().treeRow(DECISIONS, 'Needs attention 4').waitFor();
    const next = addPeriod(today, { months: 12, days: 0 });
    assert.equal(read('doc/adr/0022-keep-a-changelog.md'), EXTRA['doc/adr/0022-keep-a-changelog.md']!.replace(`Review-by: ${day(-5)}`, `Review-by: ${next}`)
      + `\n## Approvals\n\n* Reviewed by Alice Tester on ${today}: still right\n`);
  });

  it('Mark Reviewed… on an open record whose review is due, from the editor\'s context menu', async () => {
    await wb().quickOpen('0023-sign-releases.md');
    await wb().editorTab('0023-sign-releases.md').waitFor();
    await wb().contextMenu(wb().editorLine(/^#\s23\.\sSign\sreleases/), 'Mark Reviewed…');
    await wb().answer(/^Mark 0023\. Sign releases reviewed/, 'Bob Reviewer');
    await comment(/^Mark 0023\. Sign releases reviewed/);
    await attentionRow('0023.').waitFor({ state: 'hidden' });
    assert.match(read('doc/adr/0023-sign-releases.md'), new RegExp(`\\n\\* Reviewed by Bob Reviewer on ${today}\\n$`));
  });

  it('Approve Decision… from the palette: the approval is written and the count awaiting you drops', async () => {
    // No record in an editor: the command asks which.
    await wb().runCommand('View: Close All Editors');
    await wb().runCommand('ADR: Approve Decision…');
    await wb().answer(/^Approve Decision/, 'Publish nightly builds');
    await wb().answer(/^Approve 0020\. Publish nightly builds/);
    await comment(/^Approve 0020\. Publish nightly builds/, 'ship it');
    await wb().statusBarItem(ATTENTION_ITEM).filter({ hasText: '1 awaiting you' }).waitFor();
    assert.match(read('doc/adr/0020-publish-nightly-builds.md'), new RegExp(`\\n\\* Approved by Carol on ${day(-2)}: fine\\n\\* Approved by Alice Tester on ${today}: ship it\\n$`));
    await attentionRow('0020. Publish nightly builds, proposed 12 d · 2 of 2 approvals').waitFor();
  });

  it('Approve Decision… from a row\'s context menu approves that record', async () => {
    await wb().contextMenu(attentionRow('0021.'), 'Approve Decision…');
    await wb().answer(/^Approve 0021\. Drop Windows support/);
    await comment(/^Approve 0021\. Drop Windows support/);
    // Nothing awaits Alice any more: the status bar item goes.
    await wb().statusBarItem(ATTENTION_ITEM).waitFor({ state: 'hidden' });
    assert.match(read('doc/adr/0021-drop-windows-support.md'), new RegExp(`: numbers please\\n\\* Approved by Alice Tester on ${today}\\n$`));
    // Bob's request for changes still stands.
    await attentionRow('0021. Drop Windows support, changes requested by Bob Reviewer').waitFor();
  });
});
