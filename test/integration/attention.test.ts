/**
 * Needs attention in a real extension host: the Decisions view's top group on records with
 * proposals (approvals so far, who is awaited), changes requested, an overdue and a due review, and a
 * sign-off policy (`.adr-workbench.yml`); the "awaiting you" status bar item for git's user (the
 * workspace repository's `user.name`); ADR: Mark Reviewed…'s edit, from arguments and the palette.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { GroupNode, RecordNode, TreeNode } from '../../src/features/decisions/grouping';
import { isoDate } from '../../src/core/naming';
import { addPeriod, daysBetween } from '../../src/core/signoff';
import { CommandFixture, adr } from './support/commandFixture';
import { fixture, readText, until, writeText } from './support/helpers';
import { confirm, pick, type } from './support/scriptedPrompter';

const day = (offset: number) => addPeriod(isoDate(new Date()), { months: 0, days: Math.abs(offset) }, offset < 0 ? -1 : 1);
const nygard = (n: number, title: string, status: string, head: string, approvals = '') =>
  `# ${n}. ${title}\n\n${head}\n## Status\n\n${status}\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n${approvals ? `\n## Approvals\n\n${approvals}` : ''}`;

const RECORDS: Record<string, string> = {
  '0020-publish-nightly-builds.md': nygard(20, 'Publish nightly builds', 'Proposed', `Date: ${day(-12)}\nDeciders: Alice Tester, Bob Reviewer, Carol\n`, `* Approved by Carol on ${day(-2)}: fine\n`),
  '0021-drop-windows-support.md': nygard(21, 'Drop Windows support', 'Proposed', `Date: ${day(-3)}\nDeciders: Alice Tester, Bob Reviewer\n`, `* Changes requested by Bob Reviewer on ${day(-1)}: numbers please\n`),
  '0022-keep-a-changelog.md': nygard(22, 'Keep a changelog', 'Accepted', `Date: 2024-01-10\n\nReview-by: ${day(-5)}\n`),
  '0023-sign-releases.md': nygard(23, 'Sign releases', 'Accepted', `Date: 2024-01-11\n\nReview-by: ${day(10)}\n`),
};
const POLICY = '.adr-workbench.yml';

describe('Needs attention', () => {
  const f = new CommandFixture();
  const labelOf = (n: TreeNode) => {
    const item = f.s.tree.getTreeItem(n);
    return `${typeof item.label === 'string' ? item.label : item.label?.label} [${item.description ?? ''}]`;
  };
  const top = () => f.s.tree.getChildren().find((n): n is GroupNode => n.kind === 'group' && n.groupKind === 'top');
  const rows = () => { const g = top(); return g ? f.s.tree.getChildren(g).map(labelOf) : []; };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: fixture().fsPath, stdio: ['ignore', 'pipe', 'ignore'] });
  const settled = async () => { await f.s.signoff.needsAttention.settled(); };

  before(async () => {
    await f.setUp();
    await f.s.tree.setGroupBy('status');
    f.s.tree.setFilter({});
  });
  afterEach(async () => {
    try { git('config', '--unset', 'user.name'); } catch { /* not set */ }
    await f.tearDown();
    await vscode.workspace.getConfiguration('adrWorkbench').update('signoff.statusBar.enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  async function writeFixture(): Promise<void> {
    await writeText(fixture(POLICY), 'signoff:\n  required: 2\n');
    f.remove(fixture(POLICY));
    for (const [name, text] of Object.entries(RECORDS)) {
      await writeText(adr(name), text);
      f.remove(adr(name));
    }
    await until('the four records indexed', () => Object.keys(RECORDS).every((n) => f.s.workspace.locate(adr(n))));
  }

  it('is hidden on the fixture (nothing waits), then lists proposals, changes requested and reviews at the top, in order', async () => {
    await settled();
    assert.equal(top(), undefined, 'no top group when nothing needs attention');
    assert.deepEqual(f.s.tree.getChildren().map(labelOf), ['Accepted [9]']);

    await writeFixture();
    await until('the four rows', async () => { await settled(); return rows().length === 4; });
    const roots = f.s.tree.getChildren();
    assert.equal(labelOf(roots[0]!), 'Needs attention [4]', 'the group comes first');
    assert.deepEqual(roots.slice(1).map(labelOf), ['Proposed [2]', 'Accepted [11]']);
    assert.deepEqual(rows(), [
      '0021. Drop Windows support [changes requested by Bob Reviewer · proposed 3 d · 0 of 2 approvals · awaiting Alice Tester, Bob Reviewer]',
      '0020. Publish nightly builds [proposed 12 d · 1 of 2 approvals · awaiting Alice Tester, Bob Reviewer]',
      '0022. Keep a changelog [review overdue 5 d]',
      '0023. Sign releases [review due in 10 d]',
    ]);
    // The rows are record rows: they open the record, carry its context value (with `.reviewDue`
    // where Mark Reviewed applies) and an icon saying why; they are read out as being in the group.
    const nodes = f.s.tree.getChildren(top()!) as RecordNode[];
    const items = nodes.map((n) => f.s.tree.getTreeItem(n));
    assert.deepEqual(items.map((i) => i.contextValue), ['adrWorkbench.record.proposed', 'adrWorkbench.record.proposed', 'adrWorkbench.record.accepted.reviewDue', 'adrWorkbench.record.accepted.reviewDue']);
    assert.deepEqual(items.map((i) => (i.iconPath as vscode.ThemeIcon).id), ['request-changes', 'person', 'warning', 'calendar']);
    assert.deepEqual(items.map((i) => i.command?.command), ['vscode.open', 'vscode.open', 'vscode.open', 'vscode.open']);
    assert.equal(items[1]!.accessibilityInformation?.label, 'Needs attention: 0020. Publish nightly builds, proposed 12 d · 1 of 2 approvals · awaiting Alice Tester, Bob Reviewer');
    assert.deepEqual(f.s.tree.getChildren(nodes[0]!), [], 'no nested rows');
    // The same record in its status group carries the review flag too.
    const accepted = f.s.tree.getChildren().find((n) => labelOf(n) === 'Accepted [11]')!;
    const r22 = f.s.tree.getChildren(accepted).find((n) => (n as RecordNode).record.number === 22)!;
    assert.equal(f.s.tree.getTreeItem(r22).contextValue, 'adrWorkbench.record.accepted.reviewDue');
    const tip = await f.s.tree.resolveTreeItem(f.s.tree.getTreeItem(nodes[1]!), nodes[1]!);
    assert.match((tip.tooltip as vscode.MarkdownString).value.replace(/\\(.)/g, '$1'), new RegExp(`Proposed on ${day(-12)} · Approved by Carol · Awaiting Alice Tester, Bob Reviewer`));
    // A filter applies to the group too; it is hidden when nothing in it passes.
    f.s.tree.setFilter({ text: 'windows' });
    assert.deepEqual(f.s.tree.getChildren().map(labelOf), ['Needs attention [1]', 'Proposed [1]']);
    f.s.tree.setFilter({ text: 'help' });
    assert.deepEqual(f.s.tree.getChildren().map(labelOf), ['Accepted [2]']);
    f.s.tree.setFilter({});

    // Live: an approval by Alice moves 0020 to "2 of 2" and nobody is awaited; accepting 0021 takes it out.
    await writeText(adr('0020-publish-nightly-builds.md'), `${RECORDS['0020-publish-nightly-builds.md']}* Approved by Alice Tester on ${day(0)}\n`);
    await writeText(adr('0021-drop-windows-support.md'), RECORDS['0021-drop-windows-support.md']!.replace('Proposed', 'Accepted').replace(/\n## Approvals[\s\S]*$/, '\n'));
    await until('the rows after the edits', async () => { await settled(); return rows().length === 3 && rows()[0]!.includes('2 of 2'); });
    assert.deepEqual(rows(), [
      '0020. Publish nightly builds [proposed 12 d · 2 of 2 approvals]',
      '0022. Keep a changelog [review overdue 5 d]',
      '0023. Sign releases [review due in 10 d]',
    ]);
  });

  it('the status bar counts the proposals awaiting git\'s user.name; hidden at 0 and when the setting is off', async () => {
    await writeFixture();
    await settled();
    const na = f.s.signoff.needsAttention;
    assert.equal(na.itemShown, false, 'no git user.name in the workspace repository: nothing awaits "you"');
    git('config', 'user.name', 'Alice Tester');
    // Refresh (the view's toolbar) reads git's user again.
    await vscode.commands.executeCommand('adrWorkbench.tree.refresh');
    await until('the status bar item', async () => { await settled(); return na.itemShown; });
    assert.equal(na.item.text, '$(bell) 2 awaiting you');
    assert.equal(na.item.command, 'adrWorkbench.showNeedsAttention');
    const tooltip = (na.item.tooltip as vscode.MarkdownString).value.replace(/\\(.)/g, '$1');
    assert.match(tooltip, /0021\. Drop Windows support — changes requested by Bob Reviewer/);
    assert.match(tooltip, /0020\. Publish nightly builds — proposed 12 d/);
    assert.deepEqual(na.awaitingYou().map((e) => e.record.number), [21, 20]);

    await vscode.workspace.getConfiguration('adrWorkbench').update('signoff.statusBar.enabled', false, vscode.ConfigurationTarget.Global);
    await until('hidden by the setting', () => !na.itemShown);
    await vscode.workspace.getConfiguration('adrWorkbench').update('signoff.statusBar.enabled', undefined, vscode.ConfigurationTarget.Global);
    await until('shown again', () => na.itemShown);

    // Alice approves 0020: one proposal still awaits her.
    await writeText(adr('0020-publish-nightly-builds.md'), `${RECORDS['0020-publish-nightly-builds.md']}* Approved by Alice Tester on ${day(0)}\n`);
    await until('one awaiting', async () => { await settled(); return na.item.text === '$(bell) 1 awaiting you'; });
    // …and 0021 too: nothing awaits her, the item is hidden (the group still lists both proposals).
    await writeText(adr('0021-drop-windows-support.md'), `${RECORDS['0021-drop-windows-support.md']}* Approved by Alice Tester on ${day(0)}\n`);
    await until('none awaiting', async () => { await settled(); return !na.itemShown; });
    assert.deepEqual(na.awaitingYou(), []);
    assert.ok(rows().some((r) => r.startsWith('0021.')), 'Bob\'s request for changes still stands');
    // The item's command reveals the group (the tree's selection is its row).
    await vscode.commands.executeCommand('adrWorkbench.showNeedsAttention');
    await until('the group selected', () => f.s.tree.view.selection[0]?.kind === 'group' && (f.s.tree.view.selection[0] as GroupNode).groupKind === 'top');
  });

  it('Mark Reviewed… records the review and moves review-by on by the policy\'s period, as a minimal edit', async () => {
    await writeFixture();
    await writeText(fixture(POLICY), 'signoff:\n  required: 2\n  review-every: 6 months\n');
    const uri = adr('0022-keep-a-changelog.md');
    const before = await readText(uri);
    await until('the policy read again', async () => { await settled(); return (await f.s.signoff.needsAttention.policy(f.s.workspace.records()[0]!.collection)).reviewEvery.accepted?.months === 6; });
    // The collection's default: an accepted record without review-by is due 6 months after it was
    // accepted (its history; this one is not committed: its date). The fixture's records were
    // committed (accepted) today: none is due.
    const old = adr('0024-use-make.md');
    await writeText(old, nygard(24, 'Use make', 'Accepted', `Date: ${day(-200)}\n`));
    f.remove(old);
    const overdue = daysBetween(addPeriod(day(-200), { months: 6, days: 0 }), day(0));
    await until('0024 overdue by the policy', async () => { await settled(); return rows().includes(`0024. Use make [review overdue ${overdue} d]`); });
    assert.deepEqual(rows().filter((r) => /review/.test(r)).map((r) => r.slice(0, 4)), ['0024', '0022', '0023'], 'most overdue first');
    await vscode.commands.executeCommand('adrWorkbench.markReviewed', { record: uri, by: 'Dana', comment: 'still right' });
    const next = addPeriod(day(0), { months: 6, days: 0 });
    assert.equal(await readText(uri), `${before.replace(`Review-by: ${day(-5)}`, `Review-by: ${next}`)}\n## Approvals\n\n* Reviewed by Dana on ${day(0)}: still right\n`);
    await until('0022 out of the group', async () => { await settled(); return !rows().some((r) => r.startsWith('0022.')); });
    assert.equal(f.s.signoff.needsAttention.contextOf(uri.fsPath), '');

    // From the palette: the records whose review is due are offered first, with why; then who and a comment.
    const p = f.script(pick(/^0023\. /), type('Erin'), type(''));
    await vscode.commands.executeCommand('adrWorkbench.markReviewed');
    assert.deepEqual(p.problems, []);
    assert.equal(p.asked[0]!.title, 'Mark Reviewed');
    assert.deepEqual(p.asked[0]!.items.slice(0, 3).map((i) => [i.label, i.description]), [
      ['0024. Use make', `review overdue ${overdue} d`], ['0023. Sign releases', 'review due in 10 d'], ['0001. Record architecture decisions', 'Accepted · 2016-02-12'],
    ]);
    assert.match(p.asked[1]!.title ?? '', /^Mark 0023\. Sign releases reviewed/);
    const text = await readText(adr('0023-sign-releases.md'));
    assert.ok(text.includes(`Review-by: ${next}\n`), text);
    assert.ok(text.endsWith(`\n## Approvals\n\n* Reviewed by Erin on ${day(0)}\n`), text);
  });

  it('Change Status to Accepted without the approvals the policy needs warns and asks; declined, nothing is written', async () => {
    await writeFixture();
    const uri = adr('0020-publish-nightly-builds.md');
    const before = await readText(uri);
    let p = f.script(confirm(false));
    await vscode.commands.executeCommand('adrWorkbench.changeStatus', { record: uri, status: 'Accepted' });
    assert.deepEqual(p.problems, []);
    assert.equal(p.asked.length, 1);
    assert.equal(p.asked[0]!.kind, 'confirm');
    assert.equal(p.asked[0]!.title, '0020. Publish nightly builds lacks the approvals the sign-off policy asks for before it is accepted: '
      + '1 of 2 approvals; awaiting Alice Tester, Bob Reviewer. Set it anyway? [Set Anyway]');
    assert.equal(await readText(uri), before, 'declined: unchanged');
    p = f.script(confirm(true));
    await vscode.commands.executeCommand('adrWorkbench.changeStatus', { record: uri, status: 'Accepted' });
    assert.deepEqual(p.problems, []);
    assert.equal(await readText(uri), before.replace('## Status\n\nProposed', '## Status\n\nAccepted'));
    // With the approvals it needs, or another status, or forced: nothing is asked.
    p = f.script();
    await vscode.commands.executeCommand('adrWorkbench.changeStatus', { record: adr('0021-drop-windows-support.md'), status: 'Rejected' });
    await vscode.commands.executeCommand('adrWorkbench.changeStatus', { record: adr('0021-drop-windows-support.md'), status: 'Accepted', force: true });
    assert.deepEqual(p.asked, []);
    assert.match(await readText(adr('0021-drop-windows-support.md')), /## Status\n\nAccepted\n/);
  });
});
