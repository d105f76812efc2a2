/** The Decisions view and an open record in the real workbench: the activity-bar container, grouping
 * with counts, the filter flow through the command palette, the status bar item and the hover. */
import * as assert from 'node:assert/strict';
import { useWorkbench } from './harness';
import { DECISIONS, STATUS_ITEM, WORKBENCH_CONTAINER, isGroupRow } from './support';

describe('Decisions view (e2e)', () => {
  const wb = useWorkbench();

  it('lists the records grouped by status with counts in the ADR Workbench container', async () => {
    await wb().openViewContainer(WORKBENCH_CONTAINER);
    // The view's header carries the number of records once the index is built.
    await wb().view(DECISIONS).locator('.pane-header[aria-label^="Decisions - 12"]').waitFor({ state: 'attached' });
    // Groups first, then the rows of the expanded ones (the tree asks for children separately).
    for (const row of ['Needs attention 1', 'Proposed 1', '0010.', 'Accepted 9', '0001.', '0012.', 'Superseded 1', 'Rejected 1']) {
      await wb().treeRow(DECISIONS, row).waitFor();
    }
    const labels = await wb().treeLabels(DECISIONS);
    assert.deepEqual(labels.filter(isGroupRow), ['Needs attention 1', 'Proposed 1', 'Accepted 9', 'Superseded 1', 'Rejected 1']);
    // The proposal waiting for a decision at the top (its row there is read as being in that group).
    assert.match(labels[1]!, /^Needs attention: 0010\. Publish a Homebrew formula, proposed \d+ d$/);
    assert.deepEqual(labels.slice(2).filter((l) => !isGroupRow(l)).map((l) => l.slice(0, 4)),
      ['0010', '0001', '0002', '0003', '0004', '0005', '0006', '0008', '0009', '0012'],
      'Proposed first, then the accepted records in number order; superseded and rejected collapsed');
    assert.equal(labels[3], '0010. Publish a Homebrew formula, Proposed, 2024-03-04');

    // A record opens from the tree, and the records it supersedes are nested under it.
    await wb().widenSideBar(520);
    await wb().treeRow(DECISIONS, '0012. Read configuration from environment variables').click();
    await wb().editorTab('0012-read-configuration-from-environment-variables.md').waitFor();
    await wb().treeRow(DECISIONS, '0007. Invoke adr-config executable to get configuration, Superseded').waitFor();
    await wb().editorHighlighted();
    await wb().settle();
    await wb().screenshot('decisions-view');
  });

  it('filters by text through ADR: Filter… and clears the filter from the view toolbar', async () => {
    await wb().runCommand('ADR: Filter…');
    await wb().answer(/^Filter Decisions \(1\/2\)/, 'help');
    await wb().answer(/^Filter Decisions \(2\/2\)/); // no status ticked: any status
    await wb().quickInputClosed();
    await wb().viewMessage(DECISIONS).filter({ hasText: 'Filter: "help" — 2 of 12' }).waitFor();
    await wb().treeRow(DECISIONS, 'Accepted 2').waitFor();
    assert.deepEqual(await wb().treeLabels(DECISIONS), [
      'Accepted 2',
      '0005. Help comments, Accepted, 2016-02-13',
      '0009. Help scripts, Accepted, 2018-06-26',
    ]);
    await wb().settle();
    await wb().screenshot('decisions-filter');

    await wb().sideBarAction('Clear Filter').click();
    await wb().treeRow(DECISIONS, 'Accepted 9').waitFor();
    await wb().viewMessage(DECISIONS).filter({ hasText: 'Filter:' }).waitFor({ state: 'hidden' });
    await wb().sideBarAction('Clear Filter').waitFor({ state: 'hidden' });
  });

  it('Filter… on the view toolbar asks for the filter (with a row selected, the click passes that row)', async () => {
    await wb().openViewContainer(WORKBENCH_CONTAINER);
    // A selected row, as after any use of the tree: VS Code may hand the toolbar command an argument.
    await wb().treeRow(DECISIONS, '0005. Help comments').click();
    await (await wb().viewAction(DECISIONS, 'Filter…')).click();
    await wb().answer(/^Filter Decisions \(1\/2\)/, 'python');
    await wb().answer(/^Filter Decisions \(2\/2\)/);
    await wb().quickInputClosed();
    await wb().viewMessage(DECISIONS).filter({ hasText: 'Filter: "python" — 1 of 12' }).waitFor();
    await wb().treeRow(DECISIONS, 'Rejected 1').waitFor();
    await wb().sideBarAction('Clear Filter').click();
    await wb().treeRow(DECISIONS, 'Accepted 9').waitFor();
  });

  it('Group By… on the view toolbar offers the groupings (with a row selected), and the tree keeps its records', async () => {
    await wb().openViewContainer(WORKBENCH_CONTAINER);
    await wb().treeRow(DECISIONS, '0005. Help comments').click();
    await (await wb().viewAction(DECISIONS, 'Group By…')).click();
    await wb().answer(/^Group Decisions By/, 'Month');
    await wb().quickInputClosed();
    // Month groups (newest first) replace the status groups; every record is still listed.
    await wb().treeRow(DECISIONS, 'March 2024 ').waitFor();
    assert.equal((await wb().treeLabels(DECISIONS)).some((l) => l.startsWith('Accepted ')), false);
    await (await wb().viewAction(DECISIONS, 'Group By…')).click();
    await wb().answer(/^Group Decisions By/, 'Status');
    await wb().quickInputClosed();
    await wb().treeRow(DECISIONS, 'Accepted 9').waitFor();
  });

  it('filters by status and clears the filter with ADR: Clear Filter from the palette', async () => {
    await wb().runCommand('ADR: Filter…');
    await wb().answer(/^Filter Decisions \(1\/2\)/, '');
    const pick = await wb().quickInput(/^Filter Decisions \(2\/2\)/);
    // A pick-many list: its rows are checkboxes (and hold one).
    const superseded = pick.locator('.monaco-list-row').getByRole('checkbox', { name: 'Superseded', exact: true });
    await superseded.click();
    await pick.locator('.monaco-list-row').getByRole('checkbox', { name: 'Superseded', exact: true, checked: true }).waitFor();
    await pick.locator('.quick-input-count', { hasText: '1 Selected' }).waitFor();
    // OK, not Enter: with the focus on the list, Enter would toggle the row again.
    await pick.getByRole('button', { name: 'OK', exact: true }).click();
    await wb().quickInputClosed();
    await wb().viewMessage(DECISIONS).filter({ hasText: 'Filter: Superseded — 1 of 12' }).waitFor();
    await wb().treeRow(DECISIONS, 'Superseded 1').waitFor();

    await wb().runCommand('ADR: Clear Filter');
    await wb().treeRow(DECISIONS, 'Accepted 9').waitFor();
    await wb().viewMessage(DECISIONS).filter({ hasText: 'Filter:' }).waitFor({ state: 'hidden' });
  });

  it('shows the status of an open record in the status bar and a linked record on hover', async () => {
    await wb().quickOpen('0012-read-configuration-from-environment-variables.md');
    await wb().editorLine('# 12. Read configuration from environment variables').waitFor();
    await wb().editorHighlighted();
    const status = wb().statusBarItem(STATUS_ITEM);
    await status.filter({ hasText: 'Accepted' }).waitFor();
    assert.equal(await status.locator('.codicon-law').count(), 1, 'the $(law) icon before the status');
    assert.match(await status.getAttribute('aria-label') ?? '', /Decision status: Accepted/);

    // The link text starts a line of its own, so it is not wrapped whatever the editor's width.
    // (\s: Monaco renders spaces as no-break spaces.)
    const linkText = /6\.\sPackaging\sand\sdistribution/;
    const link = wb().editorLine(linkText).locator('span', { hasText: linkText }).last();
    const hover = await wb().hover(link);
    await hover.filter({ hasText: '0006. Packaging and distribution in other version control repositories' }).waitFor();
    assert.match(await hover.innerText(), /Accepted · 2016-02-16/);
    await wb().settle({ keepHover: true });
    await wb().screenshot('record-hover-status');

    // Another record, another status.
    await wb().quickOpen('0011-rewrite-in-python.md');
    await status.filter({ hasText: 'Rejected' }).waitFor();
  });
});
