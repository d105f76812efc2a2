/**
 * History from git in the editor (#9), on commits this suite scripts in the fixture repository with
 * fixed authors and dates (HEAD is put back afterwards): the record hover and the Decisions tree's
 * tooltip say who set the status and when, group by month takes a record without a date from its
 * history, and Show Decision History… picks a commit and opens its diff (both sides read-only).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Features as Services } from '../../src/extension';
import type { HistoryDiff } from '../../src/features/decisions/history';
import type { GroupNode, RecordNode } from '../../src/features/decisions/grouping';
import { fixture, git, services, until, writeText } from './support/helpers';
import { pick, ScriptedPrompter } from './support/scriptedPrompter';

const EVENTS = 'doc/adr/0030-adopt-event-sourcing.md';
const USER = 'doc/adr/0031-project-events-into-tables.md';

const events = (status: string) => `# 30. Adopt event sourcing\n\n## Status\n\n${status}\n\n## Context\n\nOrders change often.\n\n## Decision\n\nStore every change as an event.\n`;
const USER_TEXT = '# 31. Project events into tables\n\nDate: 2024-04-10\n\n## Status\n\nProposed\n\n## Decision\n\nThe events of ADR-0030 are projected into tables.\n';

const commit = (path: string, text: string, message: string, author: { name: string; date: string }) => async () => {
  await writeText(fixture(path), text);
  git(['add', '--', path]);
  git(['commit', '-q', '-m', message, '--', path], author);
  return git(['rev-parse', 'HEAD']).trim();
};

const unescape = (md: string) => md.replace(/\\(.)/g, '$1');

describe('History from git in the editor', () => {
  let s: Services;
  let head: string;
  let accepted: string;
  let proposed: string;

  before(async () => {
    s = await services();
    head = git(['rev-parse', 'HEAD']).trim();
    proposed = await commit(EVENTS, events('Proposed'), 'Propose event sourcing', { name: 'Carol', date: '2024-01-15T09:00:00+00:00' })();
    accepted = await commit(EVENTS, events('Accepted'), 'Accept event sourcing', { name: 'Alice', date: '2024-03-02T10:00:00+01:00' })();
    await writeText(fixture(USER), USER_TEXT);
    await until('both records indexed', () => s.workspace.locate(fixture(EVENTS))?.record.status === 'accepted' && s.workspace.locate(fixture(USER)));
  });

  after(async () => {
    s.prompter = undefined;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await s.tree.setGroupBy('status');
    // HEAD and the index as they were; the two records gone from the work tree.
    git(['reset', '-q', '--mixed', head]);
    for (const p of [EVENTS, USER]) await vscode.workspace.fs.delete(fixture(p)).then(undefined, () => undefined);
    await until('the records gone from the index', () => !s.workspace.locate(fixture(EVENTS)) && !s.workspace.locate(fixture(USER)));
  });

  it('the record hover says who set the status, when, in which commit', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture(USER));
    const line = doc.getText().split('\n').findIndex((l) => l.includes('ADR-0030'));
    const at = new vscode.Position(line, doc.lineAt(line).text.indexOf('ADR-0030') + 2);
    const want = `Accepted 2024-03-02 by Alice (${accepted.slice(0, 7)})`;
    const text = await until('the hover with the history line', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      const md = unescape(hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n'));
      return md.includes(want) ? md : undefined;
    }, 15_000);
    assert.match(text, /\*\*0030\. Adopt event sourcing\*\*/);
  });

  it('the Decisions tree tooltip says it too', async () => {
    const node = (s.tree.getChildren() as GroupNode[]).flatMap((g) => s.tree.getChildren(g) as RecordNode[]).find((n) => n.record.path === fixture(EVENTS).fsPath);
    assert.ok(node, 'the record is in the tree');
    const tooltip = (await s.tree.resolveTreeItem(s.tree.getTreeItem(node), node)).tooltip as vscode.MarkdownString;
    assert.ok(unescape(tooltip.value).includes(`Accepted 2024-03-02 by Alice (${accepted.slice(0, 7)})`), tooltip.value);
  });

  it('groups by the month a record was decided, from history when it has no date', async () => {
    await s.tree.setGroupBy('month');
    const march = await until('March 2024 from history', () => (s.tree.getChildren() as GroupNode[]).find((g) => g.label === 'March 2024'));
    assert.deepEqual(s.tree.getChildren(march).map((n) => (n as RecordNode).record.number), [30]);
    // A record with a Date line keeps its own month.
    const april = (s.tree.getChildren() as GroupNode[]).find((g) => g.label === 'April 2024');
    assert.ok(april && s.tree.getChildren(april).some((n) => (n as RecordNode).record.number === 31));
    assert.ok(!(s.tree.getChildren() as GroupNode[]).some((g) => g.label === 'No date' && s.tree.getChildren(g).some((n) => (n as RecordNode).record.number === 30)));
  });

  it('Show Decision History…: the commits newest first, the picked one opens as a diff against its parent version', async () => {
    const prompter = new ScriptedPrompter([pick(/Accept event sourcing$/)]);
    s.prompter = prompter;
    const diff = await vscode.commands.executeCommand<HistoryDiff | undefined>('adrWorkbench.showHistory', fixture(EVENTS));
    assert.ok(diff, 'a diff was opened');
    const q = prompter.asked[0]!;
    assert.equal(q.title, 'Decision History: 0030. Adopt event sourcing');
    assert.deepEqual(q.items.map((i) => i.label), [`${accepted.slice(0, 7)} Accept event sourcing`, `${proposed.slice(0, 7)} Propose event sourcing`]);
    assert.deepEqual(q.items.map((i) => i.description), ['2024-03-02 · Alice', '2024-01-15 · Carol']);
    assert.equal(q.items[0]!.detail, 'edited · Proposed → Accepted');

    const tab = await until('the diff tab', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    });
    assert.equal(tab.original.scheme, 'adrw-history');
    assert.equal(tab.modified.scheme, 'adrw-history');
    const left = await vscode.workspace.openTextDocument(tab.original);
    const right = await vscode.workspace.openTextDocument(tab.modified);
    assert.equal(left.getText(), events('Proposed'));
    assert.equal(right.getText(), events('Accepted'));
    assert.equal(diff.title, `0030-adopt-event-sourcing.md (${accepted.slice(0, 7)}): Accept event sourcing`);
  });
});
