/** Catalogues in the Decisions view inside a real extension host: opened, read from the setting, re-read when the file changes, closed. */
import * as assert from 'node:assert/strict';
import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Features as Services } from '../../src/extension';
import type { CatalogNode } from '../../src/features/catalog';
import type { TreeNode } from '../../src/host/treeNodes';
import { threeRepoCatalog } from '../support/catalogFixture';
import { fixture, services, until, writeText } from './support/helpers';

const labelOf = (s: Services, n: TreeNode) => {
  const item = s.tree.getTreeItem(n);
  return `${typeof item.label === 'string' ? item.label : item.label?.label} [${item.description ?? ''}]`;
};

describe('Catalogues in the Decisions view', () => {
  let s: Services;
  const file = () => fixture('catalogs', 'acme.json');
  const catalogRoots = () => s.tree.getChildren().filter((n): n is CatalogNode => n.kind === 'section');

  before(async () => {
    s = await services();
    await s.tree.setGroupBy('status');
    await writeText(file(), threeRepoCatalog());
  });
  afterEach(async () => {
    for (const f of s.catalogs.catalogs.files()) await s.catalogs.catalogs.close(f);
    await vscode.workspace.getConfiguration('adrWorkbench', fixture()).update('catalogs', undefined, vscode.ConfigurationTarget.Workspace);
    await until('no catalogue shown', () => catalogRoots().length === 0);
  });
  after(async () => {
    await vscode.workspace.fs.delete(fixture('catalogs'), { recursive: true });
  });

  it('Open Catalogue shows it after the collections: repositories, records, links, problems', async () => {
    const outline = await vscode.commands.executeCommand('adrWorkbench.catalog.open', { file: file() });
    assert.ok(outline, 'the command resolves with what it read');
    const roots = s.tree.getChildren();
    assert.deepEqual(roots.map((n) => labelOf(s, n)), ['Accepted [9]', 'Acme decisions [catalogue · 3 repositories · 5 records (read-only)]']);
    const catalog = roots[1]!;
    assert.equal(s.tree.getTreeItem(catalog).contextValue, 'adrWorkbench.catalog');
    const rows = s.tree.getChildren(catalog);
    assert.deepEqual(rows.map((n) => labelOf(s, n)), [
      'Problems [2]',
      `payments [github.com/acme/payments · ${'c'.repeat(7)} · 3]`,
      `identity [github.com/acme/identity · ${'c'.repeat(7)} · 1]`,
      `billing [gitlab.com/acme/billing · ${'c'.repeat(7)} · 1]`,
    ]);
    const payments = s.tree.getChildren(rows[1]);
    assert.deepEqual(payments.map((n) => labelOf(s, n)), [
      '0001. Record architecture decisions [2024-01-05]', '0002. Use PostgreSQL [2024-01-05]', '0007. Card tokens [2024-01-05]',
    ]);
    const superseded = s.tree.getTreeItem(payments[1]!);
    assert.equal((superseded.iconPath as vscode.ThemeIcon).id, 'history');
    // Read-only rows: none of the record rows' editing actions apply.
    assert.equal(superseded.contextValue, 'adrWorkbench.catalogRecord.web');
    assert.doesNotMatch(String(superseded.contextValue), /^adrWorkbench\.record/);
    const identity = s.tree.getChildren(s.tree.getChildren(rows[2])[0]);
    assert.deepEqual(identity.map((n) => labelOf(s, n)), [
      'amends payments: 0007. Card tokens []',
      'relates to payments:ADR-0099 [that repository has no such record]',
      'mentions ledger:ADR-1 [the catalogue has no such repository]',
    ]);
    assert.deepEqual(s.tree.getChildren(rows[0]).map((n) => labelOf(s, n)).map((l) => l.replace(/ \[\]$/, '')), [
      'identity:doc/adr/0003-tokens-for-sessions.md refers to payments:ADR-0099: payments has no record 99',
      'identity:doc/adr/0003-tokens-for-sessions.md refers to ledger:ADR-1: the catalogue has no source named "ledger"',
    ]);
    const tip = await s.tree.resolveTreeItem(s.tree.getTreeItem(catalog), catalog);
    assert.match((tip.tooltip as vscode.MarkdownString).value, /3 repositories, 5 records, 2 problems/);
  });

  it('a record opens as a read-only document with the text the export kept; a link opens the other repository\'s record', async () => {
    await vscode.commands.executeCommand('adrWorkbench.catalog.open', { file: file() });
    const catalog = catalogRoots()[0]!;
    const [, payments, identity, billing] = s.tree.getChildren(catalog);
    const card = s.tree.getTreeItem(s.tree.getChildren(payments)[2]!);
    const uri = card.command!.arguments![0] as vscode.Uri;
    assert.equal(uri.scheme, 'adrw-catalog');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.getText(), '# 7. Card tokens\n');
    assert.equal(doc.languageId, 'markdown');
    assert.equal(vscode.workspace.fs.isWritableFileSystem('adrw-catalog'), undefined, 'no file system writes there');
    const link = s.tree.getTreeItem(s.tree.getChildren(s.tree.getChildren(identity)[0])[0]!);
    assert.equal((link.command!.arguments![0] as vscode.Uri).toString(), uri.toString());
    // The export left billing's text out: the document says so, with no address (it was not http).
    const invoices = await vscode.workspace.openTextDocument(s.tree.getTreeItem(s.tree.getChildren(billing)[0]!).command!.arguments![0] as vscode.Uri);
    assert.match(invoices.getText(), /^# 0001\. Invoices\n\nStatus: Accepted\n\nThe export left the text of this record out/);
    assert.doesNotMatch(invoices.getText(), /javascript:/);
  });

  it('reads the setting adrWorkbench.catalogs, re-reads the file when it changes, and shows a broken one in one row', async () => {
    await vscode.workspace.getConfiguration('adrWorkbench', fixture()).update('catalogs', ['catalogs/acme.json', 'catalogs/missing.json'], vscode.ConfigurationTarget.Workspace);
    await until('both catalogue rows', () => {
      const r = catalogRoots();
      return r.length === 2 && !/reading/.test(labelOf(s, r[0]!)) && !/reading/.test(labelOf(s, r[1]!));
    });
    const roots = catalogRoots();
    assert.match(labelOf(s, roots[0]!), /^Acme decisions \[catalogue/);
    assert.equal(labelOf(s, roots[1]!), 'catalogs/missing.json [catalogs/missing.json: no such file]');
    assert.equal((s.tree.getTreeItem(roots[1]!).iconPath as vscode.ThemeIcon).id, 'warning');

    await writeText(fixture('catalogs', 'missing.json'), '{"format":"adr-workbench/catalog","version":2,"sources":[],"records":[]}');
    await until('the new file read', () => /version 2; this adr-workbench reads version 1/.test(labelOf(s, catalogRoots()[1]!)));
    await writeText(fixture('catalogs', 'missing.json'), threeRepoCatalog().replace('"Acme decisions"', '"Acme, again"'));
    await until('the file read again', () => /^Acme, again \[catalogue/.test(labelOf(s, catalogRoots()[1]!)));

    // Named by the setting: closing it says where to remove it, and it stays.
    const closed = await vscode.commands.executeCommand<boolean>('adrWorkbench.catalog.close', catalogRoots()[0]);
    assert.equal(closed, false);
    assert.equal(catalogRoots().length, 2);
  });

  it('Close Catalogue on its row removes an opened one; an export file reads as one repository', async () => {
    const exportFile = fixture('catalogs', 'payments.adr-export.json');
    const text = JSON.parse(threeRepoCatalog()) as { records: unknown[] };
    assert.ok(text.records.length === 5);
    await writeText(exportFile, JSON.stringify({
      format: 'adr-workbench/export', version: 1, generator: { name: 'adr-workbench', version: '0.1.0' },
      provenance: { repository: 'https://github.com/acme/payments', commit: null, path: '' }, collections: [], records: [],
    }));
    await vscode.commands.executeCommand('adrWorkbench.catalog.open', { file: exportFile });
    assert.deepEqual(catalogRoots().map((n) => labelOf(s, n)), ['https://github.com/acme/payments [export · 0 records (read-only)]']);
    assert.equal(await vscode.commands.executeCommand<boolean>('adrWorkbench.catalog.close', catalogRoots()[0]), true);
    assert.deepEqual(catalogRoots(), []);
    assert.deepEqual(s.tree.getChildren().map((n) => labelOf(s, n)), ['Accepted [9]']);
  });

  it('a hostile file gets one row saying why: too large, a symlink to something else, UTF-16', async () => {
    const big = fixture('catalogs', 'big.json').fsPath;
    writeFileSync(big, '');
    truncateSync(big, 65 * 1024 * 1024);
    symlinkSync('/etc/hostname', fixture('catalogs', 'link.json').fsPath);
    writeFileSync(fixture('catalogs', 'utf16.json').fsPath, Buffer.from(`\ufeff${threeRepoCatalog()}`, 'utf16le'));
    for (const name of ['big.json', 'link.json', 'utf16.json']) await vscode.commands.executeCommand('adrWorkbench.catalog.open', { file: fixture('catalogs', name) });
    assert.deepEqual(catalogRoots().map((n) => labelOf(s, n).replace(/\(.*$/, '(…')), [
      'catalogs/big.json [catalogs/big.json: larger than 64 MiB; not read]',
      'catalogs/link.json [catalogs/link.json: not JSON (…',
      'catalogs/utf16.json [catalogs/utf16.json: not JSON (…',
    ]);
    for (const n of catalogRoots()) assert.doesNotMatch(labelOf(s, n), /\n/);
  });
});
