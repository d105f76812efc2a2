/**
 * No "Accessing a window scoped configuration for a resource" (nor "a resource scoped configuration
 * without providing a resource") warning from the extension (#14), read where VS Code writes it:
 * the extension host's log (`remoteexthost.log` in code-server, `exthost.log` on the desktop), in
 * the folder above the extension's own log folder (`context.logUri`). Checked after activation and
 * the suites before this one (mocha runs files in name order), then after every feature re-read
 * its settings: the tree (group by), CodeLens, the code links' index settings, the review.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { EXTENSION_ID, fixture, services, until, writeText } from './support/helpers';

const WARNINGS = /Accessing a (window scoped configuration for a resource|resource scoped configuration without providing a resource)[^\n]*/g;

/** The extension host's log file: beside the extensions' log folders. */
function exthostLog(): string {
  const api = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)!.exports;
  const folder = dirname(api.logUri.fsPath);
  const name = readdirSync(folder).find((n) => /^(remote|worker)?exthost\.log$/i.test(n));
  assert.ok(name, `no extension host log in ${folder}: ${readdirSync(folder).join(', ')}`);
  return join(folder, name);
}

/** The scope warnings in the log that name one of our settings. */
function ourWarnings(log: string): string[] {
  return [...readFileSync(log, 'utf8').matchAll(WARNINGS)].map((m) => m[0]).filter((w) => w.includes("'adrWorkbench.") || w.includes('files.exclude'));
}

const settle = () => new Promise((r) => setTimeout(r, 1500));

describe('Settings read with the scope they declare (extension host log)', () => {
  const config = () => vscode.workspace.getConfiguration('adrWorkbench');
  const CODE = 'src/settings-scope-demo.ts';

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(fixture(CODE)).then(undefined, () => undefined);
  });

  it('logs no scope warning for our settings after activation and every feature reading its settings', async () => {
    const s = await services();
    const log = exthostLog();
    assert.match(readFileSync(log, 'utf8'), /adr-workbench\.adr-workbench/, 'the log names the extension (its activation)');

    // Every feature reads its settings again: a code file with an anchor (CodeLens, code links),
    // the tree (group by), the review, and changes of settings each feature listens to.
    await writeText(fixture(CODE), '// ADR-0002: demo\nexport const x = 1;\n');
    const doc = await vscode.workspace.openTextDocument(fixture(CODE));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri, 5);
    s.tree.refresh();
    for (const g of s.tree.getChildren()) s.tree.getChildren(g);
    try {
      await config().update('tree.groupBy', 'collection', vscode.ConfigurationTarget.Global);
      await config().update('codeLens.anchors', false, vscode.ConfigurationTarget.Global);
      await config().update('links.includeProposed', true, vscode.ConfigurationTarget.Global);
      await config().update('review.enabled', false, vscode.ConfigurationTarget.Global);
      await config().update('signoff.statusBar.enabled', false, vscode.ConfigurationTarget.Global);
      await settle();
    } finally {
      for (const key of ['tree.groupBy', 'codeLens.anchors', 'links.includeProposed', 'review.enabled', 'signoff.statusBar.enabled']) {
        await config().update(key, undefined, vscode.ConfigurationTarget.Global);
      }
    }
    await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri, 5);
    await s.codeLinks.links.ready();
    await settle();
    assert.deepEqual(ourWarnings(log), []);

    // The check can fail: a window setting read for a resource is logged, and found.
    void vscode.workspace.getConfiguration('adrWorkbench', fixture(CODE)).get('tree.groupBy');
    const found = await until('the deliberate warning in the log', () => ourWarnings(log).find((w) => w.includes("'adrWorkbench.tree.groupBy'")), 15_000);
    assert.match(found, /window scoped configuration for a resource/);
  });
});
