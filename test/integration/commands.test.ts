/** Authoring commands in the real extension host: New Decision, Change Status, Supersede, Amend / Link, Rename. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroupNode, RecordNode } from '../../src/features/decisions/grouping';
import { readText } from './support/helpers';
import { adr, CommandFixture, nameOf, tag } from './support/commandFixture';
import { back, dismiss, pick, pickMany, type } from './support/scriptedPrompter';

const run = <T>(id: string, ...args: unknown[]) => vscode.commands.executeCommand<T | undefined>(`adrWorkbench.${id}`, ...args);
const CONTEXT_GUIDANCE = /^The issue motivating this decision/;

describe('Authoring commands', () => {
  const f = new CommandFixture();
  before(() => f.setUp());
  beforeEach(() => void f.script());
  afterEach(() => f.tearDown());

  describe('New Decision', () => {
    it('creates the next record from arguments, with supersede and link edits to the others, and opens it at its Context', async () => {
      await f.keep(adr(2), adr(4));
      const title = `Scratch decision ${tag()}`;
      const uri = await run<vscode.Uri>('newDecision', { title, supersedes: ['doc/adr/0002-implement-as-shell-scripts.md'], links: [{ target: '4', verb: 'Amends', reverseVerb: 'Amended by' }] });
      f.remove(uri);
      assert.ok(uri, `no record created: ${f.s.prompter && JSON.stringify((f.s.prompter as { notes?: unknown }).notes)}`);
      const name = nameOf(uri);
      assert.match(name, /^0010-scratch-decision-[a-z0-9]+\.md$/);
      const text = await readText(uri);
      assert.ok(text.startsWith(`# 10. ${title}\n\nDate: `), text);
      assert.match(text, /\n## Status\n\nProposed\n/);
      assert.ok(text.includes('Supercedes [2. Implement as shell scripts](0002-implement-as-shell-scripts.md)'), text);
      assert.ok(text.includes('Amends [4. Markdown format](0004-markdown-format.md)'), text);
      const two = await readText(adr(2));
      assert.ok(two.includes(`## Status\n\nSuperceded by [10. ${title}](${name})\n`), two);
      assert.ok(!/\nAccepted\n/.test(two));
      assert.ok((await readText(adr(4))).includes(`Amended by [10. ${title}](${name})`));
      assert.equal(vscode.workspace.textDocuments.filter((d) => d.isDirty).length, 0, 'edited records are saved');
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.fsPath, uri.fsPath);
      assert.match(editor.document.getText(editor.selection), CONTEXT_GUIDANCE);
      await f.indexed(uri);
    });

    it('plans the superseded record from its unsaved editor text, leaves it unsaved, and one undo takes the edit back', async () => {
      await f.keep(adr(2));
      const onDisk = await readText(adr(2));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(adr(2)));
      await editor.edit((b) => b.insert(new vscode.Position(2, 0), 'Unsaved line.\n\n'));
      const typed = editor.document.getText();
      const title = `Over unsaved ${tag()}`;
      const uri = await run<vscode.Uri>('newDecision', { title, supersedes: ['2'], open: false });
      f.remove(uri);
      assert.ok(uri);
      assert.equal(editor.document.getText(), typed.replace('## Status\n\nAccepted\n', `## Status\n\nSuperceded by [10. ${title}](${nameOf(uri)})\n`));
      assert.ok(editor.document.isDirty);
      assert.equal(await readText(adr(2)), onDisk);
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), typed);
    });

    it('asks through the quick inputs, with step counters and a back button', async () => {
      await f.keep(adr(3));
      const title = `Scripted decision ${tag()}`;
      const p = f.script(
        type(title), pick("The collection's template"), pick('Accepted'),
        back, // at "supersedes": back to the status
        pick('Other…'), type('Draft for review'),
        pickMany(), pickMany(/^0003\. /), pick('Clarifies'),
      );
      const uri = await run<vscode.Uri>('newDecision');
      f.remove(uri);
      assert.deepEqual(p.problems, []);
      assert.ok(uri);
      assert.equal(p.remaining, 0);
      assert.deepEqual(p.asked.map((q) => `${q.kind} ${q.step?.index}/${q.step?.total}`), [
        'input 1/5', 'pick 2/5', 'pick 3/5', 'pickMany 4/5', 'pick 3/5', 'input 3/5', 'pickMany 4/5', 'pickMany 5/5', 'pick 6/6',
      ]);
      assert.ok(p.asked.every((q) => q.title === 'New Decision'));
      const text = await readText(uri);
      assert.match(text, /\n## Status\n\nDraft for review\n/);
      assert.ok(text.includes('Clarifies [3. Single command with subcommands](0003-single-command-with-subcommands.md)'), text);
      assert.ok((await readText(adr(3))).includes(`Clarified by [10. ${title}](${nameOf(uri)})`));
    });

    it('New Decision Here takes the collection from the explorer folder; a dismissed question creates nothing', async () => {
      const before = await vscode.workspace.fs.readDirectory(adr('.'));
      const p = f.script(type('Never written'), dismiss);
      assert.equal(await run('newDecisionHere', adr('.')), undefined);
      assert.deepEqual(p.asked.map((q) => `${q.kind} ${q.step?.index}/${q.step?.total}`), ['input 1/5', 'pick 2/5']);
      assert.deepEqual(await vscode.workspace.fs.readDirectory(adr('.')), before);
      assert.deepEqual(p.problems, []);
    });

    it('New Decision Here from a collection node of the Decisions view', async () => {
      await f.s.tree!.setGroupBy('collection');
      try {
        const node = f.s.tree!.getChildren()[0] as GroupNode;
        assert.equal(node.collection?.dialect, 'adr-tools');
        const p = f.script(type(`From the tree ${tag()}`), pick('MADR 4 (full)'), pick('Proposed'), pickMany(), pickMany());
        const uri = await run<vscode.Uri>('newDecisionHere', node);
        f.remove(uri);
        assert.deepEqual(p.problems, []);
        assert.ok(uri && uri.fsPath.startsWith(adr('.').fsPath));
        // MADR writes its status lower-case, in front matter.
        assert.match(await readText(uri), /^---\n#[^\n]*\nstatus: proposed\ndate: \d{4}-\d{2}-\d{2}\n/);
      } finally {
        await f.s.tree!.setGroupBy('status');
      }
    });
  });

  describe('Change Status', () => {
    it('sets the status from arguments as one undoable edit of the open editor', async () => {
      await f.keep(adr(5));
      const doc = await vscode.workspace.openTextDocument(adr(5));
      await vscode.window.showTextDocument(doc);
      const before = doc.getText();
      const uri = await run<vscode.Uri>('changeStatus', { record: adr(5), status: 'deprecated' });
      assert.equal(uri?.fsPath, adr(5).fsPath);
      assert.equal(doc.getText(), before.replace('## Status\n\nAccepted\n', '## Status\n\nDeprecated\n'));
      assert.equal(doc.isDirty, false);
      await f.indexed(adr(5), (r) => r.statusText === 'Deprecated');
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), before);
    });

    it('plans against unsaved text and leaves it unsaved', async () => {
      await f.keep(adr(6));
      const onDisk = await readText(adr(6));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(adr(6)));
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '<!-- unsaved -->\n'));
      await run('changeStatus', { record: adr(6), status: 'Rejected' });
      assert.ok(editor.document.isDirty);
      assert.equal(editor.document.getText(), `<!-- unsaved -->\n${onDisk.replace('## Status\n\nAccepted\n', '## Status\n\nRejected\n')}`);
      assert.equal(await readText(adr(6)), onDisk);
    });

    it('asks for the record and the status, with a typed status through Other…', async () => {
      await f.keep(adr(7));
      const p = f.script(pick(/^0007\. /), pick('Other…'), type('Accepted with reservations'));
      await run('changeStatus');
      assert.deepEqual(p.problems, []);
      assert.equal(p.asked[0]!.title, 'Change Status');
      assert.deepEqual(p.asked[1]!.items.map((i) => i.label), ['Proposed', 'Accepted', 'Rejected', 'Deprecated', 'Superseded', 'Draft', 'Other…']);
      assert.equal(p.asked[1]!.items[1]!.description, 'current');
      assert.match(await readText(adr(7)), /## Status\n\nAccepted with reservations\n/);
    });

    it('takes a record node of the Decisions view', async () => {
      await f.keep(adr(8));
      const accepted = f.s.tree!.getChildren().find((n) => (n as GroupNode).key === 'accepted')!;
      const node = f.s.tree!.getChildren(accepted).find((n) => (n as RecordNode).record.number === 8)!;
      const p = f.script(pick('Rejected'));
      await run('changeStatus', node);
      assert.equal(p.remaining, 0);
      assert.match(await readText(adr(8)), /## Status\n\nRejected\n/);
    });
  });

  describe('Approve Decision', () => {
    it('records an approval in the record (Nygard: an Approvals section), from arguments and from the palette', async () => {
      await f.keep(adr(5));
      const before = await readText(adr(5));
      const uri = await run<vscode.Uri>('approveDecision', { record: adr(5), by: 'Alice', comment: 'Fine by me' });
      assert.equal(uri?.fsPath, adr(5).fsPath);
      const once = await readText(adr(5));
      assert.ok(once.startsWith(before.replace(/\s*$/, '')), 'nothing else changed');
      assert.match(once, /\n\n## Approvals\n\n\* Approved by Alice on \d{4}-\d{2}-\d{2}: Fine by me\n$/);
      const p = f.script(pick(/^0005\. /), type('Bob'), type(''));
      await run('approveDecision');
      assert.deepEqual(p.problems, []);
      assert.equal(p.asked[0]!.title, 'Approve Decision');
      assert.match(await readText(adr(5)), /: Fine by me\n\* Approved by Bob on \d{4}-\d{2}-\d{2}\n$/);
    });
  });

  describe('Supersede', () => {
    it('marks a record superseded by another from arguments', async () => {
      await f.keep(adr(3), adr(4));
      await run('supersede', { record: '3', by: '4' });
      assert.match(await readText(adr(3)), /## Status\n\nSuperceded by \[4\. Markdown format\]\(0004-markdown-format\.md\)\n/);
      assert.ok((await readText(adr(4))).includes('Supercedes [3. Single command with subcommands](0003-single-command-with-subcommands.md)'));
    });

    it('"New decision…" runs New Decision with the superseded record filled in', async () => {
      await f.keep(adr(8));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(adr(8)));
      const title = `Replacement ${tag()}`;
      const p = f.script(pick('$(add) New decision…'), type(title), pick("The collection's template"), pick('Accepted'), pickMany());
      const uri = await run<vscode.Uri>('supersede');
      f.remove(uri);
      assert.deepEqual(p.problems, []);
      assert.ok(uri);
      assert.ok((await readText(uri)).includes('Supercedes [8. Use ISO 8601 Format for Dates](0008-use-iso-8601-format-for-dates.md)'));
      assert.match(editor.document.getText(), new RegExp(`## Status\\n\\nSuperceded by \\[10\\. ${title}\\]\\(${nameOf(uri)}\\)\\n`));
    });
  });

  describe('Amend / Link', () => {
    it('writes a built-in relation and custom verbs from arguments', async () => {
      await f.keep(adr(2), adr(9), adr(6), adr(7));
      await run('link', { source: '9', target: '2', relation: 'clarifies' });
      assert.ok((await readText(adr(9))).includes('Clarifies [2. Implement as shell scripts](0002-implement-as-shell-scripts.md)'));
      assert.ok((await readText(adr(2))).includes('Clarified by [9. Help scripts](0009-help-scripts.md)'));
      await run('link', { source: adr(6), target: adr(7), verb: 'Depends on', reverseVerb: 'Is depended on by' });
      assert.ok((await readText(adr(6))).includes('Depends on [7. Invoke adr-config executable to get configuration](0007-invoke-adr-config-executable-to-get-configuration.md)'));
      assert.match(await readText(adr(7)), /Is depended on by \[6\. Packaging and distribution in other version control repositories\]\(0006-/);
    });

    it('asks for the relation and the other record, for the active editor\'s record', async () => {
      await f.keep(adr(1), adr(9));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(adr(9)));
      const p = f.script(pick('Amends'), pick(/^0001\. /));
      await run('link');
      assert.deepEqual(p.asked.map((q) => `${q.step?.index}/${q.step?.total}`), ['1/2', '2/2']);
      assert.ok((await readText(adr(9))).includes('Amends [1. Record architecture decisions](0001-record-architecture-decisions.md)'));
      assert.ok((await readText(adr(1))).includes('Amended by [9. Help scripts](0009-help-scripts.md)'));
    });
  });

  describe("with VS Code's own quick input", () => {
    const settle = () => new Promise((r) => setTimeout(r, 600));
    const press = async (command: string) => {
      await settle();
      await vscode.commands.executeCommand(command);
    };

    it('Change Status: the current status is preselected, the next one accepted', async () => {
      await f.keep(adr(4));
      f.s.prompter = undefined;
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(adr(4)));
      const done = run('changeStatus');
      await press('quickInput.next');
      await press('quickInput.accept');
      await done;
      assert.match(editor.document.getText(), /## Status\n\nRejected\n/);
    });

    it('Initialize Collection: back from the folder keeps the convention picked', async () => {
      f.remove(vscode.Uri.joinPath(adr('.'), '../../docs'));
      f.s.prompter = undefined;
      const done = run<vscode.Uri>('initCollection');
      await press('quickInput.next'); // MADR 4
      await press('quickInput.accept');
      await press('workbench.action.quickInputBack');
      await press('quickInput.accept'); // MADR 4 again: it stayed the active item
      await press('quickInput.accept'); // the folder as proposed
      const uri = await done;
      assert.equal(uri && vscode.workspace.asRelativePath(uri), 'docs/decisions/0000-use-markdown-architectural-decision-records.md');
    });
  });

  describe('Rename Decision', () => {
    it('retitles the H1, renames the file and fixes inbound links, as one edit', async () => {
      const t = tag();
      const a = await run<vscode.Uri>('newDecision', { title: `Rename me ${t}`, open: false });
      f.remove(a);
      assert.ok(a);
      await f.indexed(a);
      const b = await run<vscode.Uri>('newDecision', { title: `Links to it ${t}`, links: [{ target: a }], open: false });
      f.remove(b);
      assert.ok(b);
      await f.indexed(b);
      const renamed = await run<vscode.Uri>('rename', { record: a, title: `Renamed ${t}` });
      f.remove(renamed);
      assert.ok(renamed);
      assert.equal(nameOf(renamed), `0010-renamed-${t}.md`);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(a)));
      assert.ok((await readText(renamed)).startsWith(`# 10. Renamed ${t}\n`));
      assert.ok((await readText(b)).includes(`Relates to [10. Renamed ${t}](0010-renamed-${t}.md)`), await readText(b));
    });
  });
});
