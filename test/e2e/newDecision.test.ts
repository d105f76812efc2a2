/** ADR: New Decision… from the command palette, answered by keyboard: the record is written, opens
 * in an editor and shows up in the Decisions view. */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { e2eContext, useWorkbench } from './harness';
import { DECISIONS, STATUS_ITEM, WORKBENCH_CONTAINER } from './support';

describe('New Decision (e2e)', () => {
  const wb = useWorkbench();
  const file = '0013-use-playwright-for-ui-tests.md';
  const path = () => join(e2eContext().workspace, 'doc/adr', file);
  // Later suites see the showcase workspace as it was.
  after(() => rmSync(path(), { force: true }));

  it('asks for a title, takes the defaults, opens the new record and lists it under Proposed', async () => {
    await wb().openViewContainer(WORKBENCH_CONTAINER);
    await wb().treeRow(DECISIONS, 'Proposed 1').waitFor();
    await wb().widenSideBar(520);

    await wb().runCommand('ADR: New Decision…');
    // No complaint about an empty title before the user has typed or pressed Enter…
    const box = await wb().quickInput(/^New Decision \(1\/\d+\)/);
    const message = box.locator('.quick-input-message');
    assert.doesNotMatch(await message.innerText().catch(() => ''), /Required/);
    // …and one on Enter with nothing typed, which keeps the question open.
    await wb().page.keyboard.press('Enter');
    await message.filter({ hasText: 'Required' }).waitFor();
    await wb().answer(/^New Decision \(1\/\d+\)/, 'Use Playwright for UI tests');
    const tab = wb().editorTab(file);
    // Template, status, supersedes, links: Enter takes each default (the collection's template,
    // Proposed, none, none).
    const defaults = await wb().acceptRemainingSteps('New Decision', 2, tab);
    assert.ok(defaults >= 2, `expected at least template and status steps, answered ${defaults}`);

    await wb().editorLine('# 13. Use Playwright for UI tests').waitFor();
    await wb().editorHighlighted();
    await wb().statusBarItem(STATUS_ITEM).filter({ hasText: 'Proposed' }).waitFor();
    await wb().treeRow(DECISIONS, 'Proposed 2').waitFor();
    await wb().treeRow(DECISIONS, /^0013\. Use Playwright for UI tests, Proposed\b/).waitFor();
    assert.ok(existsSync(path()), `${path()} was written`);
    const text = readFileSync(path(), 'utf8');
    assert.match(text, /^# 13\. Use Playwright for UI tests\n/);
    assert.match(text, /## Status\n\nProposed\n/);
    await wb().settle();
    await wb().screenshot('new-decision');
  });
});
