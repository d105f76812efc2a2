/** The Decisions view's welcome content on a folder without records: its Create ADR Collection link
 * runs Initialize Collection (the question is dismissed, so nothing is written); its Open a
 * Catalogue… link shows a catalogue file as a read-only collection (a lead's whole organisation),
 * whose rows' context menus are clicked here: Open on Web and Close Catalogue. */
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { threeRepoCatalog } from '../support/catalogFixture';
import { useWorkbench } from './harness';
import { DECISIONS, WORKBENCH_CONTAINER } from './support';

describe('Welcome view (e2e)', () => {
  const folder = join(tmpdir(), `adrw-e2e-empty-${process.pid}`);
  mkdirSync(folder, { recursive: true });
  // The harness waits for the Explorer's first row.
  writeFileSync(join(folder, 'README.md'), '# A project without decision records\n');
  writeFileSync(join(folder, 'acme.json'), threeRepoCatalog());
  const wb = useWorkbench({ folder });

  it('offers Create ADR Collection, which asks how to initialize one', async () => {
    await wb().openViewContainer(WORKBENCH_CONTAINER);
    const link = wb().view(DECISIONS).getByRole('button', { name: 'Create ADR Collection' });
    await link.click();
    await wb().quickInput(/^Initialize Decision Collection/);
    await wb().dismissQuickInput();
    await wb().quickInputClosed();
  });

  it('offers Open a Catalogue…: read-only repositories and records, Open on Web asks first, Close Catalogue from its row', async () => {
    const page = wb().page;
    await wb().openViewContainer(WORKBENCH_CONTAINER);
    await wb().widenSideBar(520);
    const openCatalogue = async (open: () => Promise<void>) => {
      await open();
      // The workbench's own file dialog (a quick input), in the workspace folder: the file clicked.
      const dialog = await wb().quickInput(/^Open Catalogue/);
      await dialog.getByRole('option', { name: /acme\.json/ }).click();
      await wb().quickInputClosed();
    };
    await openCatalogue(() => wb().view(DECISIONS).getByRole('button', { name: 'Open a Catalogue…' }).click());
    // Rows expand by their twisties (a record row's click opens it).
    const expand = (row: Locator) => row.locator('.monaco-tl-twistie').click();
    const catalogue = wb().treeRow(DECISIONS, /^Acme decisions/);
    await expand(catalogue);
    await expand(wb().treeRow(DECISIONS, /^payments/));
    await expand(wb().treeRow(DECISIONS, /^identity/));
    const card = wb().treeRow(DECISIONS, /^0007\. Card tokens, Accepted, 2024-01-05, read-only/);
    await card.waitFor();
    await expand(wb().treeRow(DECISIONS, /^0003\. Tokens for sessions/));
    await wb().treeRow(DECISIONS, /^mentions ledger:ADR-1/).waitFor();
    assert.deepEqual((await wb().treeLabels(DECISIONS)).slice(0, 10).map((l) => l.split(',')[0]!.trim()), [
      'Acme decisions catalogue · 3 repositories · 5 records (read-only)',
      'Problems 2',
      'payments github.com/acme/payments · ccccccc · 3',
      '0001. Record architecture decisions',
      '0002. Use PostgreSQL',
      '0007. Card tokens',
      'identity github.com/acme/identity · ccccccc · 1',
      '0003. Tokens for sessions',
      'amends payments: 0007. Card tokens',
      'relates to payments:ADR-0099 that repository has no such record',
    ]);
    await wb().screenshot('catalogue');
    await card.click();
    await wb().editorTab('0007-card-tokens.md').waitFor();
    assert.match(await wb().activeEditorText(), /^# 7\. Card tokens/);

    // Open on Web: the workbench asks before it opens the record's address on its web host.
    await wb().contextMenu(card, 'Open on Web');
    await wb().waitFor('.monaco-dialog-box', { hasText: /github\.com\/acme\/x\/blob\// });
    await page.keyboard.press('Escape');
    await page.locator('.monaco-dialog-box').waitFor({ state: 'hidden' });

    // Close Catalogue: the row's inline action, then (opened again from the palette) its context menu.
    await wb().rowAction(catalogue, 'Close Catalogue');
    await catalogue.waitFor({ state: 'hidden' });
    await wb().view(DECISIONS).getByRole('button', { name: 'Open a Catalogue…' }).waitFor();
    await openCatalogue(() => wb().runCommand('ADR: Open Catalogue…'));
    await wb().contextMenu(catalogue, 'Close Catalogue');
    await catalogue.waitFor({ state: 'hidden' });
    await wb().view(DECISIONS).getByRole('button', { name: 'Create ADR Collection' }).waitFor();
  });
});
