import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import pkg from '../../package.json';
import nls from '../../package.nls.json';

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

describe('commands: registered vs contributed', () => {
  /** Commands registered but deliberately not in `contributes.commands` (none today: every command
   * has a title, and the internal ones are hidden from the palette with `"when": "false"`). */
  const HIDDEN_UNCONTRIBUTED: readonly string[] = [];

  it('registers every command package.json contributes, and contributes every command it registers', async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext);
    await ext.activate();
    // VS Code itself registers `<view id>.focus`, `.open`, … for every contributed view.
    const views = Object.values(pkg.contributes.views).flat().map((v: { id: string }) => v.id);
    const viewCommand = (c: string) => views.some((v) => c.startsWith(`${v}.`) && /^(open|focus|resetViewLocation|toggleVisibility|removeView)$/.test(c.slice(v.length + 1)));
    const registered = new Set((await vscode.commands.getCommands(true)).filter((c) => c.startsWith('adrWorkbench.') && !viewCommand(c)));
    assert.ok(registered.size >= 20, `the extension's commands are registered (${registered.size})`);
    const contributed = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    assert.deepEqual([...contributed].filter((c) => !registered.has(c)), [], 'contributed but not registered');
    assert.deepEqual([...registered].filter((c) => !contributed.has(c) && !HIDDEN_UNCONTRIBUTED.includes(c)), [], 'registered but not contributed');
  });

  it('names only contributed commands in menus, keybindings and welcome views', () => {
    const contributed = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    const used: string[] = [];
    for (const entries of Object.values(pkg.contributes.menus ?? {}) as { command?: string; submenu?: string }[][]) {
      for (const e of entries) if (e.command) used.push(e.command);
    }
    for (const k of (pkg.contributes as { keybindings?: { command: string }[] }).keybindings ?? []) used.push(k.command);
    // Welcome contents are `%key%` placeholders: the links are in package.nls.json's text.
    const text = (s: string) => (nls as Record<string, string>)[s.replace(/^%|%$/g, '')] ?? s;
    for (const w of pkg.contributes.viewsWelcome ?? []) for (const m of text(w.contents).matchAll(/\(command:([\w.]+)/g)) used.push(m[1]!);
    assert.ok(used.length > 10, 'menus were read');
    assert.deepEqual(used.filter((c) => !contributed.has(c)), []);
  });
});
