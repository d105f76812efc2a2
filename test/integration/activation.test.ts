import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import pkg from '../../package.json';

const extensionId = `${pkg.publisher}.${pkg.name}`;

describe('activation', () => {
  it('finds the extension under its publisher.name id', () => {
    assert.equal(extensionId, 'adr-workbench.adr-workbench');
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `extension ${extensionId} is not installed in this host`);
    assert.equal(ext.packageJSON.version, pkg.version);
  });

  it('activates', async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('opens the fixture workspace', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'expected exactly one workspace folder');
    const root = folders[0].uri;
    assert.equal(root.scheme, 'file');
    // The runner says where it assembled the workspace; the fixture's own files are the proof.
    if (process.env.ADRW_FIXTURE_WORKSPACE) assert.equal(root.fsPath, process.env.ADRW_FIXTURE_WORKSPACE);
    assert.equal(readFileSync(join(root.fsPath, '.adr-dir'), 'utf8').trim(), 'doc/adr');
    assert.ok(existsSync(join(root.fsPath, 'doc/adr/0001-record-architecture-decisions.md')));
  });
});
