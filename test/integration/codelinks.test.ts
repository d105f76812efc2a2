/**
 * Code ↔ decision links in the real editor: CodeLens (placed, then resolved), hover, go to
 * definition, find references, diagnostics with the superseded quick fix, the commands, the
 * Decisions for This File view and the Governed code rows. Two records (10 superseded by 11, which
 * governs `src/**\/*.ts`) and a source file with anchors are written before and removed after.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Features as Services } from '../../src/extension';
import type { GroupNode, RecordNode } from '../../src/features/decisions/grouping';
import { fixture, readText, services, until, writeText } from './support/helpers';

const OLD = 'doc/adr/0010-dispatch-with-a-shell-case.md';
const NEW = 'doc/adr/0011-dispatch-commands-in-typescript.md';
const CODE = 'src/links-demo.ts';

const OLD_TEXT = `# 10. Dispatch with a shell case

Date: 2024-04-01

## Status

Superseded by [11. Dispatch commands in TypeScript](0011-dispatch-commands-in-typescript.md)

## Context

The first scripts dispatched with a shell \`case\`.

## Decision

Dispatch subcommands with one \`case\` statement in \`adr\`.
`;

const NEW_TEXT = `---
governs:
  - src/**/*.ts
  - lib/nothing-here/**
---
# 11. Dispatch commands in TypeScript

Date: 2024-05-02

## Status

Accepted

Supersedes [10. Dispatch with a shell case](0010-dispatch-with-a-shell-case.md)

## Context

The dispatcher moved to TypeScript.

## Decision

Commands are dispatched by one TypeScript function,
with a switch over the first argument.

## Consequences

One place lists every command.
`;

const CODE_TEXT = [
  '// ADR-0011: dispatch lives here',
  'export const a = 1;',
  '// The old way: ADR-0010',
  'export const b = 2;',
  '// ADR-0099 names nothing',
  'export const c = 3;',
  '',
].join('\n');

function lensTitles(lenses: readonly vscode.CodeLens[]): string[] {
  return lenses.map((l) => l.command?.title ?? '<unresolved>');
}

/** The lenses of a file, `resolve` of them resolved (VS Code then leaves out the others); all unresolved without it. */
async function lenses(uri: vscode.Uri, resolve?: number): Promise<vscode.CodeLens[]> {
  return vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, resolve);
}

describe('Code ↔ decision links', () => {
  let s: Services;
  const code = () => fixture(CODE);

  before(async () => {
    s = await services();
    await writeText(fixture(OLD), OLD_TEXT);
    await writeText(fixture(NEW), NEW_TEXT);
    await writeText(code(), CODE_TEXT);
    await until('both records indexed', () => s.workspace.locate(fixture(NEW)) && s.workspace.locate(fixture(OLD))?.record.status === 'superseded');
    await s.codeLinks!.links.ready();
    await until('the demo file scanned', () => {
      const record = s.workspace.locate(fixture(NEW))?.record;
      return record && s.codeLinks!.links.refs(record)?.anchors.some((u) => u.path.endsWith(CODE));
    }, 15_000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const p of [OLD, NEW, CODE]) await vscode.workspace.fs.delete(fixture(p)).then(undefined, () => undefined);
    await until('the records gone from the index', () => s.workspace.records().length === 9);
  });

  it('places CodeLens cheaply and resolves titles and commands lazily', async () => {
    const doc = await vscode.workspace.openTextDocument(code());
    await vscode.window.showTextDocument(doc);
    const all = await lenses(code(), 20);
    assert.deepEqual(all.map((l) => l.range.start.line), [0, 0, 2, 4]);
    const titles = lensTitles(all);
    assert.match(titles[0]!, /^\$\(law\) Governed by ADR-0011 Dispatch commands in TypeScript$/);
    assert.match(titles[1]!, /ADR-0011 Dispatch commands in TypeScript · Accepted$/);
    assert.match(titles[2]!, /ADR-0010 Dispatch with a shell case · Superseded by ADR-0011/);
    assert.match(titles[3]!, /ADR-0099: no decision record is numbered 99/);
    assert.equal(all[1]!.command?.command, 'adrWorkbench.codeLinks.openRecords');
    assert.deepEqual(all[1]!.command?.arguments, [[fixture(NEW).fsPath.replace(/\\/g, '/')]]);

    // Placing them computes no title; only the lenses asked for are resolved.
    const placed = await lenses(code());
    assert.deepEqual(placed.map((l) => l.command), [undefined, undefined, undefined, undefined]);
    const one = await lenses(code(), 1);
    assert.deepEqual(lensTitles(one), [titles[0]]);
  });

  it('turns each kind of lens off, and all of them, from settings', async () => {
    const config = vscode.workspace.getConfiguration('adrWorkbench');
    try {
      await config.update('codeLens.anchors', false, vscode.ConfigurationTarget.Global);
      assert.deepEqual(lensTitles(await lenses(code(), 20)).map((t) => t.slice(0, 17)), ['$(law) Governed b']);
      await config.update('codeLens.governedFiles', false, vscode.ConfigurationTarget.Global);
      await until('the provider unregistered', () => !s.codeLinks!.lenses.registered);
      assert.deepEqual(await lenses(code(), 20), []);
      await config.update('codeLens.anchors', undefined, vscode.ConfigurationTarget.Global);
      await until('the provider registered again', () => s.codeLinks!.lenses.registered);
      assert.equal((await lenses(code(), 20)).length, 3);
    } finally {
      await config.update('codeLens.anchors', undefined, vscode.ConfigurationTarget.Global);
      await config.update('codeLens.governedFiles', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('hovers an anchor with title, status, date, the decision and the successor', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', code(), new vscode.Position(2, 20));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n').replace(/\\(.)/g, '$1');
    assert.match(text, /\*\*ADR-0010 Dispatch with a shell case\*\*/);
    assert.match(text, /Superseded by 11\. Dispatch commands in TypeScript · 2024-04-01/);
    assert.match(text, /Dispatch subcommands with one `case` statement in `adr`\./);
    // Code spans reach VS Code as Markdown code, not as escaped backticks (#14).
    assert.ok(hovers.some((h) => h.contents.some((c) => typeof c !== 'string' && (c as vscode.MarkdownString).value.includes('one `case` statement in `adr`'))));
    assert.match(text, /\[Superseded by ADR-0011 Dispatch commands in TypeScript\]\(file:.*0011-dispatch-commands-in-typescript\.md\)/);
  });

  it('goes to the record from an anchor', async () => {
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', code(), new vscode.Position(0, 5));
    const uris = defs.map((d) => ('targetUri' in d ? d.targetUri : d.uri).fsPath);
    assert.ok(uris.some((u) => u.endsWith('0011-dispatch-commands-in-typescript.md')), uris.join(', '));
  });

  it('finds every anchor and governed file of a record from its heading', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture(NEW));
    const h1 = doc.getText().split('\n').findIndex((l) => l.startsWith('# 11.'));
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, new vscode.Position(h1, 4));
    const rows = refs.map((l) => `${vscode.workspace.asRelativePath(l.uri)}:${l.range.start.line}:${l.range.start.character}`);
    assert.ok(rows.includes(`${CODE}:0:3`), rows.join(', '));
    assert.ok(rows.includes('src/cli.ts:0:0'), rows.join(', '));
    assert.ok(rows.includes(`${CODE}:0:0`), rows.join(', '));
    // The same list from the Decisions tree's command.
    const fromCommand = await vscode.commands.executeCommand<vscode.Location[]>('adrWorkbench.findCodeReferences', fixture(NEW));
    assert.equal(fromCommand.length, refs.filter((l) => !l.uri.fsPath.endsWith('.md')).length);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reports anchor problems and rewrites a superseded anchor to the successor', async () => {
    const doc = await vscode.workspace.openTextDocument(code());
    await vscode.window.showTextDocument(doc);
    const diags = await until('anchor diagnostics', () => {
      const d = vscode.languages.getDiagnostics(code()).filter((x) => x.source === 'ADR links');
      return d.length >= 2 ? d : undefined;
    });
    const unknown = diags.find((d) => d.code === 'anchor-unknown');
    const superseded = diags.find((d) => d.code === 'anchor-superseded');
    assert.equal(unknown?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(superseded?.severity, vscode.DiagnosticSeverity.Warning);
    // The editor cancels a code-action request when the document changes under it (a reload from
    // the disk on a loaded machine); ask again, as the light bulb does.
    const actions = await until('quick fixes', () => Promise.resolve(vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', code(), superseded!.range, vscode.CodeActionKind.QuickFix.value)
      .then((a) => (a.length > 0 ? a : undefined), (e: unknown) => { if (e instanceof Error && e.name === 'Canceled') return undefined; throw e; })));
    const fix = actions.find((a) => a.title.startsWith('Point to 11.'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(2).text, '// The old way: ADR-0011');
    await until('the warning gone', () => !vscode.languages.getDiagnostics(code()).some((d) => d.code === 'anchor-superseded'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('reports a governs glob that matches no file in the record', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture(NEW));
    await vscode.window.showTextDocument(doc);
    const d = await until('governs diagnostic', () => vscode.languages.getDiagnostics(doc.uri).find((x) => x.code === 'governs-matches-nothing'));
    assert.equal(doc.getText(d.range), 'lib/nothing-here/**');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists the decisions of the active file, and the governed code of a record in the tree', async () => {
    const doc = await vscode.workspace.openTextDocument(code());
    await vscode.window.showTextDocument(doc);
    const view = s.codeLinks!.fileView;
    view.update();
    const rows = view.current.map((i) => (i.kind === 'record' ? i.e.record.number : `problem ${i.u.anchor.text}`));
    assert.deepEqual(rows, [11, 10, 'problem ADR-0099']);

    const accepted = s.tree!.getChildren().find((g) => (g as GroupNode).key === 'accepted')!;
    const eleven = s.tree!.getChildren(accepted).find((n) => (n as RecordNode).record?.number === 11)!;
    assert.equal(s.tree!.getTreeItem(eleven).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const [governed] = s.tree!.getChildren(eleven);
    assert.equal(s.tree!.getTreeItem(governed!).label, 'Governed code');
    const labels = s.tree!.getChildren(governed).map((n) => s.tree!.getTreeItem(n).label);
    assert.ok(labels.includes(`${CODE}:1`), labels.join(', '));
    assert.ok(labels.includes('src/cli.ts'), labels.join(', '));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('links the selection to a decision with an anchor comment', async () => {
    const doc = await vscode.workspace.openTextDocument(code());
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(3, 0, 3, 5);
    const anchor = await vscode.commands.executeCommand<string>('adrWorkbench.linkSelection', { record: '3' });
    assert.equal(anchor, 'ADR-0003');
    assert.equal(doc.lineAt(3).text, '// ADR-0003: Single command with subcommands');
    assert.equal(doc.lineAt(4).text, 'export const b = 2;');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('records a decision from the selection, quoting it and governing the file', async () => {
    const doc = await vscode.workspace.openTextDocument(code());
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, 2, 0);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('adrWorkbench.recordFromSelection', { title: 'Keep the demo small', open: false });
    assert.ok(uri);
    try {
      const text = await readText(uri);
      assert.match(text, /^# 12\. Keep the demo small\n\nDate: \d{4}-\d{2}-\d{2}\n\nGoverns: `src\/links-demo\.ts`\n\n## Status\n/);
      assert.match(text, /## Context\n\nFrom `src\/links-demo\.ts` \(lines 1–2\):\n\n```typescript\n\/\/ ADR-0011: dispatch lives here\nexport const a = 1;\n```\n/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
