/** Language features in ADR documents, through VS Code's own provider commands. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixture, services, until, writeText } from './support/helpers';

describe('ADR documents', () => {
  before(async () => {
    await services();
  });

  it('hovers a relation link with the target\'s title, status and date', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('doc/adr/0005-help-comments.md'));
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('Amended by'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 14));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n').replace(/\\(.)/g, '$1');
    assert.match(text, /0009\. Help scripts/);
    assert.match(text, /Accepted · 2018-06-26/);
  });

  it('goes to the definition of a relation link', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('doc/adr/0009-help-scripts.md'));
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('Amends'));
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, new vscode.Position(line, 10));
    const uris = defs.map((d) => ('targetUri' in d ? d.targetUri : d.uri).fsPath);
    assert.ok(uris.some((u) => u.endsWith('0005-help-comments.md')), uris.join(', '));
  });

  it('completes ADR ids and links to other records', async () => {
    const uri = fixture('doc/adr/0012-completion-scratch.md');
    await writeText(uri, '# 12. Completion scratch\n\n## Status\n\nProposed\n\nSee ADR-\n\nAlso [\n');
    const s = await services();
    try {
      await until('the scratch record indexed', () => s.workspace.locate(uri));
      const doc = await vscode.workspace.openTextDocument(uri);
      const ids = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(6, 8));
      const idLabels = ids.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(idLabels.includes('ADR-0007'), idLabels.slice(0, 12).join(', '));
      const links = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(8, 6));
      const linkLabels = links.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(linkLabels.includes('[7. Invoke adr-config executable to get configuration](0007-invoke-adr-config-executable-to-get-configuration.md)'), linkLabels.slice(0, 5).join(', '));
      assert.ok(doc);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('puts lint findings of an open record in the Problems panel, and fixes a missing reverse relation', async () => {
    const uri = fixture('doc/adr/0013-lint-scratch.md');
    await writeText(uri, '# 13. Lint scratch\n\nDate: 2026-11-24\n\n## Status\n\nAccepted\n\nAmends [8. Use ISO 8601 Format for Dates](0008-use-iso-8601-format-for-dates.md)\n\nSee [nowhere](0099-missing.md).\n\n## Context\n\n{Describe the context and problem statement}\n');
    const s = await services();
    try {
      await until('the scratch record indexed', () => s.workspace.locate(uri));
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const diags = await until('diagnostics', () => {
        const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'ADR');
        return d.length >= 2 ? d : undefined;
      });
      const codes = diags.map((d) => String(d.code)).sort();
      assert.ok(codes.includes('broken-link'), codes.join(', '));
      assert.ok(codes.includes('template-placeholder'), codes.join(', '));

      // 0008 now says nothing back: its diagnostics offer to write "Amended by".
      const eight = await vscode.workspace.openTextDocument(fixture('doc/adr/0008-use-iso-8601-format-for-dates.md'));
      await vscode.window.showTextDocument(eight);
      const asym = await until('asymmetric-relation on 0008', () => vscode.languages.getDiagnostics(eight.uri).find((d) => d.code === 'asymmetric-relation'));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', eight.uri, asym.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title.startsWith('Add "Amended by'));
      assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
      const before = eight.getText();
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(eight.getText(), /Amended by \[13\. Lint scratch\]\(0013-lint-scratch\.md\)/);
      // Only the new line (and the blank line after it) were added.
      assert.equal(eight.getText().replace('Amended by [13. Lint scratch](0013-lint-scratch.md)\n\n', ''), before);
      await vscode.commands.executeCommand('undo');
      assert.equal(eight.getText(), before);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('shows the status of the active record in the status bar', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('doc/adr/0003-single-command-with-subcommands.md'));
    await vscode.window.showTextDocument(doc);
    const s = await services();
    const item = s.language!.statusBar.item;
    await until('the status item', () => item.text === '$(law) Accepted');
    assert.equal(item.command && typeof item.command !== 'string' ? item.command.command : item.command, 'adrWorkbench.changeStatus');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await until('the item hidden', () => vscode.window.activeTextEditor === undefined);
  });
});
