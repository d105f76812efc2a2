/** Every toolbar, context-menu, status-bar and Source Control entry the manifest contributes, clicked
 * where a user clicks it, with whatever argument VS Code passes from there (a selected row, a URI, a
 * tree node): each must open the right question about the right record or collection. The quick
 * inputs are dismissed, so nothing is written. */
import * as assert from 'node:assert/strict';
import pkg from '../../package.json';
import { useWorkbench } from './harness';
import { DECISIONS, STATUS_ITEM, WORKBENCH_CONTAINER } from './support';

const RECORD = '0005. Help comments';

/** `<menu> <command id>` of every entry clicked below (checked against package.json at the end). */
const clicked = new Set<string>();
const click = (menu: string, ...ids: string[]) => { for (const id of ids) clicked.add(`${menu} ${id}`); };

describe('Contributed menus (e2e)', () => {
  const wb = useWorkbench();
  // A failed step may leave a menu open: close it before the next test.
  afterEach(async () => {
    await wb().page.keyboard.press('Escape');
    await wb().page.keyboard.press('Escape');
  });

  /** Waits for a quick input titled `title`, then closes it. */
  async function asked(title: RegExp): Promise<void> {
    await wb().quickInput(title);
    await wb().dismissQuickInput();
    await wb().quickInputClosed();
  }

  it('the Decisions view toolbar: New Decision… with a row selected, and every overflow entry', async () => {
    await wb().openViewContainer(WORKBENCH_CONTAINER);
    await wb().widenSideBar(520);
    await wb().treeRow(DECISIONS, RECORD).click();
    // The selected row is passed to the command: it stands for its collection.
    await (await wb().viewAction(DECISIONS, 'New Decision…')).click();
    await asked(/^New Decision \(1\/\d+\)/);
    click('view/title', 'adrWorkbench.newDecision');

    await wb().viewMenu(DECISIONS, 'Refresh');
    await wb().treeRow(DECISIONS, 'Accepted 9').waitFor();
    click('view/title', 'adrWorkbench.tree.refresh');

    await wb().quickOpen('0009-help-scripts.md');
    await wb().editorTab('0009-help-scripts.md').waitFor();
    await wb().viewMenu(DECISIONS, 'Reveal Active Decision');
    await wb().view(DECISIONS).locator('[role="treeitem"][aria-selected="true"]', { hasText: '0009. Help scripts' }).waitFor();
    // From a file that is not a record, the same entry says so.
    await wb().editorLine(/^#\s9\.\sHelp\sscripts/).click();
    await wb().quickOpen('cli.ts');
    await wb().editorTab('cli.ts').waitFor();
    await wb().viewMenu(DECISIONS, 'Reveal Active Decision');
    await wb().notification(/^The active editor is not a decision record/);
    click('view/title', 'adrWorkbench.tree.revealActive');

    await wb().viewMenu(DECISIONS, 'Lint Decisions');
    // The summary notification (a toast, or in the notification centre when toasts are held back).
    await wb().notification(/^Lint Decisions: no problems in 12 records/);
    click('view/title', 'adrWorkbench.lint');
    // Open Catalogue… shows the workbench's file dialog (a catalogue is opened in welcome.test.ts).
    await wb().viewMenu(DECISIONS, 'Open Catalogue…');
    await asked(/^Open Catalogue/);
    click('view/title', 'adrWorkbench.catalog.open');
    await wb().viewMenu(DECISIONS, 'Regenerate Index');
    // The adr-tools fixture has no index file: the command asks before creating one.
    await wb().waitFor('.quick-input-widget, .monaco-dialog-box, .notifications-toasts', { hasText: /no index file/ });
    await wb().page.keyboard.press('Escape');
    await wb().page.locator('.monaco-dialog-box').waitFor({ state: 'hidden' });
    click('view/title', 'adrWorkbench.regenerateIndex');
  });

  it('a record row: the inline actions and every context-menu entry ask about that record', async () => {
    const row = wb().treeRow(DECISIONS, RECORD);
    await wb().rowAction(row, 'Change Status…');
    await asked(/^Change Status: 0005\. Help comments/);
    await wb().rowAction(row, 'Supersede…');
    await asked(/^Supersede 0005\. Help comments by/);
    click('view/item/context', 'adrWorkbench.changeStatus', 'adrWorkbench.supersede');

    await wb().contextMenu(row, 'Change Status…');
    await asked(/^Change Status: 0005\. Help comments/);
    await wb().contextMenu(row, 'Supersede…');
    await asked(/^Supersede 0005\. Help comments by/);
    await wb().contextMenu(row, 'Amend / Link…');
    await asked(/^Amend \/ Link: 0005\. Help comments/);
    await wb().contextMenu(row, 'Rename Decision…');
    await asked(/^Rename 0005\. Help comments/);
    click('view/item/context', 'adrWorkbench.link', 'adrWorkbench.rename');
    await wb().contextMenu(wb().treeRow(DECISIONS, '0003. Single command with subcommands'), 'Find Code References');
    // src/cli.ts names record 3 in a comment: the references view lists it.
    await wb().waitFor('.part.sidebar, .part.panel, .zone-widget', { hasText: /cli\.ts/ });
    click('view/item/context', 'adrWorkbench.findCodeReferences');
    // The record's commits (the fixture workspace has one), newest first.
    await wb().contextMenu(wb().treeRow(DECISIONS, RECORD), 'Show Decision History…');
    await asked(/^Decision History: 0005\. Help comments/);
    click('view/item/context', 'adrWorkbench.showHistory');
    // Approve Decision… asks who approves that record (git's user.name as the default).
    await wb().contextMenu(wb().treeRow(DECISIONS, RECORD), 'Approve Decision…');
    await asked(/^Approve 0005\. Help comments/);
    click('view/item/context', 'adrWorkbench.approveDecision');
  });

  it('a collection row and the Explorer folder: New Decision Here… asks for a title in that collection', async () => {
    await wb().openViewContainer(WORKBENCH_CONTAINER);
    await (await wb().viewAction(DECISIONS, 'Group By…')).click();
    await wb().answer(/^Group Decisions By/, 'Collection');
    const group = wb().treeRow(DECISIONS, /^doc\/adr\b/);
    await group.waitFor();
    await wb().contextMenu(group, 'New Decision Here…');
    // The collection is given, so the first question is the title.
    await asked(/^New Decision \(1\/\d+\)/);
    click('view/item/context', 'adrWorkbench.newDecisionHere');
    click('view/title', 'adrWorkbench.tree.groupBy');
    await (await wb().viewAction(DECISIONS, 'Group By…')).click();
    await wb().answer(/^Group Decisions By/, 'Status');

    await wb().page.keyboard.press('Control+Shift+E');
    // Compact folders: `doc/adr` is one row; its `adr` part is the collection folder.
    const adr = wb().page.locator('.explorer-folders-view').getByRole('treeitem').filter({ hasText: /^doc\s*\/?\s*adr$/ });
    await wb().contextMenu(adr.locator('.monaco-icon-name-container, .label-name').last(), 'New Decision Here…');
    await asked(/^New Decision \(1\/\d+\)/);
    click('explorer/context', 'adrWorkbench.newDecisionHere');
  });

  it('an open record: the editor tab and editor context menus, and the status bar item', async () => {
    await wb().quickOpen('0005-help-comments.md');
    const tab = wb().editorTab('0005-help-comments.md');
    await tab.waitFor();
    await wb().contextMenu(tab, 'Change Status…');
    await asked(/^Change Status: 0005\. Help comments/);
    await wb().contextMenu(tab, 'Supersede…');
    await asked(/^Supersede 0005\. Help comments by/);
    click('editor/title/context', 'adrWorkbench.changeStatus', 'adrWorkbench.supersede');

    const line = wb().editorLine(/^#\s5\.\sHelp\scomments/);
    for (const [entry, title] of [
      ['Change Status…', /^Change Status: 0005\. Help comments/],
      ['Supersede…', /^Supersede 0005\. Help comments by/],
      ['Amend / Link…', /^Amend \/ Link: 0005\. Help comments/],
    ] as const) {
      await wb().contextMenu(line, entry);
      await asked(title);
    }
    await wb().contextMenu(line, 'Find Code References');
    await wb().waitFor('.notifications-toasts, .part.sidebar, .part.panel, .zone-widget', { hasText: /0005|Help comments|No code/ });
    click('editor/context', 'adrWorkbench.changeStatus', 'adrWorkbench.supersede', 'adrWorkbench.link', 'adrWorkbench.findCodeReferences');

    await wb().statusBarItem(STATUS_ITEM).filter({ hasText: 'Accepted' }).click();
    await asked(/^Change Status: 0005\. Help comments/);
  });

  it('a source file: Link Selection to Decision… and Record Decision from Selection… from the editor menu', async () => {
    await wb().quickOpen('cli.ts');
    const line = wb().editorLine(/usage:\sadr/);
    await line.click({ clickCount: 3 });
    await wb().contextMenu(line, 'Link Selection to Decision…');
    await asked(/^Link Selection to Decision/);
    await line.click({ clickCount: 3 });
    await wb().contextMenu(line, 'Record Decision from Selection…');
    await asked(/^New Decision \(1\/\d+\)|^Record Decision/);
    click('editor/context', 'adrWorkbench.linkSelection', 'adrWorkbench.recordFromSelection');
  });

  it('Source Control: Show Architecture Review in the title bar, then the review view toolbar', async () => {
    await wb().page.keyboard.press('Control+Shift+G');
    await wb().page.locator('.part.sidebar .composite.title', { hasText: /Source Control/i }).waitFor();
    await wb().sideBarAction('Show Architecture Review').first().click();
    const panel = wb().page.locator('.part.panel');
    await panel.locator('.composite.title, .panel-switcher-container', { hasText: 'Architecture Review' }).first().waitFor();
    await panel.getByRole('button', { name: 'Review Working Change', exact: true }).click();
    assert.ok(await panel.isVisible());
    click('scm/title', 'adrWorkbench.review.show');
    click('view/title', 'adrWorkbench.review.refresh');
  });

  it('clicked every entry that package.json contributes to a menu', () => {
    // Clicked in decisions.test.ts (the filter flow from the toolbar, with a row selected).
    click('view/title', 'adrWorkbench.tree.filter', 'adrWorkbench.tree.clearFilter');
    // Clicked in welcome.test.ts (a catalogue's row and its records' rows).
    click('view/item/context', 'adrWorkbench.catalog.close', 'adrWorkbench.catalog.openOnWeb');
    // Clicked in graph.test.ts (each opens the Decision Graph on the record it was clicked for).
    click('view/title', 'adrWorkbench.graph.show');
    click('view/item/context', 'adrWorkbench.graph.show');
    click('editor/title', 'adrWorkbench.graph.showRecord');
    click('editor/context', 'adrWorkbench.graph.showRecord');
    // Clicked in attention.test.ts (each marks the record reviewed, answered to the end).
    click('view/item/context', 'adrWorkbench.markReviewed');
    click('editor/context', 'adrWorkbench.markReviewed');
    const menus = pkg.contributes.menus as Record<string, { command?: string }[]>;
    const contributed = Object.entries(menus).filter(([menu]) => menu !== 'commandPalette')
      .flatMap(([menu, entries]) => entries.filter((e) => e.command).map((e) => `${menu} ${e.command}`));
    assert.ok(contributed.length > 20, 'menus were read');
    assert.deepEqual([...new Set(contributed)].filter((e) => !clicked.has(e)), [], 'contributed but never clicked from there');
  });
});
