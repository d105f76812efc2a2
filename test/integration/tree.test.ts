/** The Decisions view inside a real extension host: groupings, filter, live updates from files. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroupNode, RecordNode, TreeNode } from '../../src/features/decisions/grouping';
import type { Features as Services } from '../../src/extension';
import { fixture, services, until, writeText } from './support/helpers';

const label = (s: Services, n: TreeNode) => {
  const item = s.tree!.getTreeItem(n);
  return `${typeof item.label === 'string' ? item.label : item.label?.label} [${item.description ?? ''}]`;
};

describe('Decisions view', () => {
  let s: Services;
  before(async () => {
    s = await services();
    // Files other suites created and deleted may still be on their way out of the index.
    await until('the nine fixture records', () => s.workspace.records().length === 9);
  });
  beforeEach(async () => {
    await s.tree!.setGroupBy('status');
    s.tree!.setFilter({});
  });

  it('lists the fixture records grouped by status', async () => {
    await s.tree!.setGroupBy('status');
    const roots = s.tree!.getChildren();
    assert.deepEqual(roots.map((n) => label(s, n)), ['Accepted [9]']);
    const records = s.tree!.getChildren(roots[0]);
    assert.equal(records.length, 9);
    const first = s.tree!.getTreeItem(records[0]!);
    assert.equal(first.label, '0001. Record architecture decisions');
    assert.equal(first.description, '2016-02-12');
    assert.equal((first.iconPath as vscode.ThemeIcon).id, 'pass');
    assert.equal(first.command?.command, 'vscode.open');
    assert.match(String(first.contextValue), /^adrWorkbench\.record/);
  });

  it('groups by collection, tag and month', async () => {
    await s.tree!.setGroupBy('collection');
    assert.deepEqual(s.tree!.getChildren().map((n) => label(s, n)), ['doc/adr [9]']);
    await s.tree!.setGroupBy('tag');
    assert.deepEqual(s.tree!.getChildren().map((n) => label(s, n)), ['Untagged [9]']);
    await s.tree!.setGroupBy('month');
    const months = s.tree!.getChildren().map((n) => label(s, n));
    assert.equal(months[0], 'June 2018 [1]');
    assert.ok(months.includes('February 2016 [6]'), months.join(', '));
  });

  it('resolves a Markdown tooltip with the decision text', async () => {
    const accepted = s.tree!.getChildren()[0]!;
    const node = s.tree!.getChildren(accepted).find((n) => (n as RecordNode).record.number === 2)!;
    const item = await s.tree!.resolveTreeItem(s.tree!.getTreeItem(node), node);
    const md = (item.tooltip as vscode.MarkdownString).value.replace(/\\(.)/g, '$1');
    assert.match(md, /Implement as shell scripts/);
    assert.match(md, /The tool is implemented as shell scripts/);
  });

  it('filters by text and status and says so in the view message', async () => {
    s.tree!.setFilter({ text: 'help' });
    const records = s.tree!.getChildren().flatMap((g) => s.tree!.getChildren(g));
    assert.deepEqual(records.map((n) => (n as RecordNode).record.number).sort(), [5, 9]);
    assert.equal(s.tree!.view.message, 'Filter: "help" — 2 of 9');
    s.tree!.setFilter({ statuses: ['rejected'] });
    assert.deepEqual(s.tree!.getChildren(), []);
    await vscode.commands.executeCommand('adrWorkbench.tree.clearFilter');
    assert.equal(s.tree!.getChildren().length, 1);
    assert.equal(s.tree!.view.message, undefined);
  });

  it('shows a new record within moments of the file appearing, and a supersede chain nested', async () => {
    const uri = fixture('doc/adr/0010-use-a-new-thing.md');
    await writeText(uri, '# 10. Use a new thing\n\nDate: 2026-11-24\n\n## Status\n\nProposed\n\nSupersedes [2. Implement as shell scripts](0002-implement-as-shell-scripts.md)\n\n## Context\n\nX.\n');
    try {
      const proposed = await until('the new record in the tree', () => s.tree!.getChildren().find((g) => (g as GroupNode).key === 'proposed'));
      const node = s.tree!.getChildren(proposed)[0] as RecordNode;
      assert.equal(node.record.title, 'Use a new thing');
      assert.equal(s.tree!.getTreeItem(node).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      assert.deepEqual(s.tree!.getChildren(node).map((n) => (n as RecordNode).record.number), [2]);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await until('the record gone again', () => !s.tree!.getChildren().some((g) => (g as GroupNode).key === 'proposed'));
  });

  it('flags a malformed record with a warning icon and keeps it visible', async () => {
    const uri = fixture('doc/adr/0011-broken-front-matter.md');
    await writeText(uri, '---\nstatus: [unclosed\n---\n# Broken front matter\n\n## Status\n\nAccepted\n');
    try {
      const node = await until('the malformed record', () => s.tree!.getChildren().flatMap((g) => s.tree!.getChildren(g)).find((n) => (n as RecordNode).record.number === 11));
      assert.equal((s.tree!.getTreeItem(node).iconPath as vscode.ThemeIcon).id, 'warning');
      const item = await s.tree!.resolveTreeItem(s.tree!.getTreeItem(node), node);
      assert.match((item.tooltip as vscode.MarkdownString).value, /not valid YAML/);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('reveals the active editor\'s record', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('doc/adr/0004-markdown-format.md'));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.view.extension.adrWorkbench');
    assert.equal(await s.tree!.reveal(doc.uri, false), true);
    await until('the selection', () => s.tree!.view.selection.some((n) => (n as RecordNode).record?.number === 4));
  });

  it('takes a burst of hundreds of files (a branch switch) in one go, and their removal', async () => {
    const uris = Array.from({ length: 400 }, (_, i) => fixture(`doc/adr/${String(100 + i).padStart(4, '0')}-burst-${i}.md`));
    await Promise.all(uris.map((u, i) => writeText(u, `# ${100 + i}. Burst ${i}\n\nDate: 2026-11-24\n\n## Status\n\nProposed\n`)));
    try {
      await until('409 records in the tree', () => {
        const proposed = s.tree!.getChildren().find((g) => (g as GroupNode).key === 'proposed') as GroupNode | undefined;
        return proposed?.count === 400;
      }, 20_000);
      assert.equal(s.workspace.records().length, 409);
    } finally {
      await Promise.all(uris.map((u) => vscode.workspace.fs.delete(u)));
    }
    await until('back to nine', () => s.workspace.records().length === 9 && s.tree!.getChildren().length === 1, 20_000);
  });
});
