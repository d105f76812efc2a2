/**
 * Hovers and tooltips render a record's code spans as Markdown code (#14): the MarkdownString that
 * VS Code gets holds `` `pg` ``, not the escaped `` \`pg\` `` that shows raw backticks. Over an
 * anchor in code, over a record reference in another record, and in the Decisions tree's tooltip.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Features as Services } from '../../src/extension';
import type { GroupNode, RecordNode } from '../../src/features/decisions/grouping';
import { fixture, services, until, writeText } from './support/helpers';

const DRIVER = 'doc/adr/0020-keep-pg-as-the-driver.md';
const POOL = 'doc/adr/0021-pool-settings.md';
const CODE = 'src/hover-demo.ts';

const DRIVER_TEXT = `# 20. Keep \`pg\` as the driver

Date: 2024-03-02

## Status

Accepted

## Context

We talk to PostgreSQL from Node.

## Decision

Use \`pg\` with one \`Pool\` per process (not *knex*).
`;

const POOL_TEXT = `# 21. Pool settings

Date: 2024-03-03

## Status

Accepted

## Decision

The pool of ADR-0020 keeps ten connections.
`;

const CODE_TEXT = '// ADR-0020: the driver\nexport const driver = "pg";\n';

/** The raw Markdown of every hover VS Code collected at `position`. */
async function hoverMarkdown(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
}

describe('Hovers render code spans', () => {
  let s: Services;

  before(async () => {
    s = await services();
    await writeText(fixture(DRIVER), DRIVER_TEXT);
    await writeText(fixture(POOL), POOL_TEXT);
    await writeText(fixture(CODE), CODE_TEXT);
    await until('both records indexed', () => s.workspace.locate(fixture(DRIVER)) && s.workspace.locate(fixture(POOL)));
    await s.codeLinks!.links.ready();
    await until('the demo file scanned', () => {
      const record = s.workspace.locate(fixture(DRIVER))?.record;
      return record && s.codeLinks!.links.refs(record)?.anchors.some((u) => u.path.endsWith(CODE));
    }, 15_000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const p of [DRIVER, POOL, CODE]) await vscode.workspace.fs.delete(fixture(p)).then(undefined, () => undefined);
    await until('the records gone from the index', () => !s.workspace.locate(fixture(DRIVER)) && !s.workspace.locate(fixture(POOL)));
  });

  it('over an anchor in code: the title and the decision with their code spans, the rest escaped', async () => {
    const md = await hoverMarkdown(fixture(CODE), new vscode.Position(0, 5));
    // The model's title is the heading's plain text (its code spans' text without backticks).
    assert.match(md, /\*\*ADR\\-0020 Keep pg as the driver\*\*/);
    assert.match(md, /Use `pg` with one `Pool` per process \\\(not \\\*knex\\\*\\\)\\\./);
    assert.doesNotMatch(md, /\\`/, 'no escaped backtick');
  });

  it('over a record reference in another record', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture(POOL));
    const line = doc.getText().split('\n').findIndex((l) => l.includes('ADR-0020'));
    const md = await hoverMarkdown(doc.uri, new vscode.Position(line, doc.lineAt(line).text.indexOf('ADR-0020') + 3));
    assert.match(md, /\*\*0020\\\. Keep pg as the driver\*\*/);
    assert.match(md, /Use `pg` with one `Pool` per process \\\(not \\\*knex\\\*\\\)\\\./);
    assert.doesNotMatch(md, /\\`/, 'no escaped backtick');
  });

  it('in the Decisions tree\'s tooltip', async () => {
    const tree = s.tree;
    const groups = tree.getChildren() as GroupNode[];
    const node = groups.flatMap((g) => tree.getChildren(g) as RecordNode[]).find((n) => n.record.path === fixture(DRIVER).fsPath);
    assert.ok(node, 'the record is in the tree');
    const tooltip = (await tree.resolveTreeItem(tree.getTreeItem(node), node)).tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString, 'a Markdown tooltip');
    assert.match(tooltip.value, /\*\*0020\\\. Keep pg as the driver\*\*/);
    assert.match(tooltip.value, /Use `pg` with one `Pool` per process/);
    assert.doesNotMatch(tooltip.value, /\\`/, 'no escaped backtick');
  });
});
