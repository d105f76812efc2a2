/** Workspace commands in the real extension host: Open Decision, Regenerate Index, Lint, Initialize Collection, errors. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IndexOutcome } from '../../src/features/authoring/regenerateIndex';
import type { LintSummary } from '../../src/features/authoring/lint';
import { fixture, readText, writeText } from './support/helpers';
import { adr, CommandFixture, nameOf } from './support/commandFixture';
import { pick, search, type } from './support/scriptedPrompter';

const run = <T>(id: string, ...args: unknown[]) => vscode.commands.executeCommand<T | undefined>(`adrWorkbench.${id}`, ...args);

describe('Workspace commands', () => {
  const f = new CommandFixture();
  before(() => f.setUp());
  beforeEach(() => void f.script());
  afterEach(() => f.tearDown());

  describe('Open Decision', () => {
    it('opens a record named in the arguments', async () => {
      const uri = await run<vscode.Uri>('openDecision', { record: '5' });
      assert.equal(uri?.fsPath, adr(5).fsPath);
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, adr(5).fsPath);
    });

    it('lists every record with status and date, and searches their text after "?"', async () => {
      let results: readonly { label: string; detail?: string }[] = [];
      const p = f.script(search('ISO 8601', /^0008\. /, (r) => (results = r)));
      await run('openDecision');
      const q = p.asked[0]!;
      assert.equal(q.items.length, 9);
      assert.equal(q.items[0]!.label, '0001. Record architecture decisions');
      assert.equal(q.items[0]!.description, 'Accepted · 2016-02-12');
      assert.ok(results.length >= 1 && results.every((r) => r.detail && /iso 8601/i.test(r.detail)), JSON.stringify(results));
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, adr(8).fsPath);
    });
  });

  describe('Regenerate Index', () => {
    it('creates an adr-tools TOC on request, then keeps it current with a minimal edit', async () => {
      const readme = adr('README.md');
      f.remove(readme);
      const created = await run<IndexOutcome[]>('regenerateIndex', { collection: 'doc/adr', create: true });
      assert.deepEqual(created?.map((o) => o.result), ['created']);
      const toc = await readText(readme);
      assert.ok(toc.startsWith('# Architecture Decision Records\n\n* [1. Record architecture decisions](0001-record-architecture-decisions.md)\n* [2. Implement as shell scripts]'), toc);
      assert.equal(toc.split('\n').filter((l) => l.startsWith('* [')).length, 9);
      assert.ok(f.s.workspace.collections()[0]!.collection.indexPath?.endsWith('/README.md'));

      await writeText(readme, toc.replace(/^\* \[5\..*\n/m, ''));
      const updated = await run<IndexOutcome[]>('regenerateIndex');
      assert.deepEqual(updated?.map((o) => o.result), ['updated']);
      assert.equal(await readText(readme), toc);
      assert.deepEqual((await run<IndexOutcome[]>('regenerateIndex'))?.map((o) => o.result), ['current']);
    });
  });

  describe('Lint Decisions', () => {
    it('publishes findings of closed records with the rule as code', async () => {
      const scratch = adr('0014-lint-me.md');
      f.remove(scratch);
      await writeText(scratch, '# 14. Lint me\n\nDate: 2026-11-24\n\n## Status\n\nAccepted\n\nSee [nowhere](0099-missing.md).\n\n## Context\n\nX.\n');
      await f.indexed(scratch);
      const summary = await run<LintSummary>('lint');
      assert.ok(summary && summary.findings >= 1 && summary.checked === 10, JSON.stringify(summary));
      const broken = vscode.languages.getDiagnostics(scratch).find((d) => d.code === 'broken-link');
      assert.ok(broken, JSON.stringify(vscode.languages.getDiagnostics(scratch)));
      assert.equal(broken.source, 'ADR');
      assert.deepEqual([broken.range.start.line, broken.range.start.character], [8, 14]);
    });
  });

  describe('Initialize Collection', () => {
    it('creates a MADR collection from arguments: record 0000 and the template, then indexes it', async () => {
      f.remove(fixture('docs'));
      const uri = await run<vscode.Uri>('initCollection', { convention: 'madr', folder: 'docs/decisions' });
      assert.ok(uri, JSON.stringify(f.s.prompter && (f.s.prompter as { notes?: unknown }).notes));
      assert.equal(nameOf(uri), '0000-use-markdown-architectural-decision-records.md');
      assert.match(await readText(uri), /^---\nstatus: accepted\ndate: \d{4}-\d{2}-\d{2}\n---\n\n# Use Markdown Architectural Decision Records\n/);
      await vscode.workspace.fs.stat(fixture('docs/decisions/adr-template.md'));
      const c = f.s.workspace.collections().find((x) => x.collection.path.endsWith('/docs/decisions'));
      assert.equal(c?.collection.dialect, 'madr');
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, uri.fsPath);
    });

    it('asks for the convention and the folder, and writes .log4brains.yml for log4brains', async () => {
      f.remove(fixture('docs'));
      f.remove(fixture('.log4brains.yml'));
      const p = f.script(pick('log4brains'), type('docs/adr'));
      const uri = await run<vscode.Uri>('initCollection');
      assert.deepEqual(p.problems, []);
      assert.deepEqual(p.asked.map((q) => `${q.kind} ${q.step?.index}/${q.step?.total}`), ['pick 1/2', 'input 2/2']);
      assert.match(nameOf(uri!), /^\d{8}-use-markdown-architectural-decision-records\.md$/);
      assert.match(await readText(fixture('.log4brains.yml')), /\n {2}adrFolder: \.\/docs\/adr\n/);
      assert.equal(f.s.workspace.collections().find((x) => x.collection.path.endsWith('/docs/adr'))?.collection.dialect, 'log4brains');
    });

    it('never overwrites: an .adr-dir naming another folder stops adr-tools init with a warning', async () => {
      const p = f.script();
      const before = await readText(fixture('.adr-dir'));
      assert.equal(await run('initCollection', { convention: 'adr-tools', folder: 'architecture/adr' }), undefined);
      assert.equal(await readText(fixture('.adr-dir')), before);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(fixture('architecture'))));
      assert.equal(p.problems.length, 1);
      assert.match(p.problems[0]!, /^warning: .*\.adr-dir already exists and names another folder/);
    });
  });

  it('turns a bad argument into a warning, changing nothing', async () => {
    const p = f.script();
    assert.equal(await run('changeStatus', { record: 'no such record', status: 'Accepted' }), undefined);
    assert.deepEqual(p.problems, ['warning: No decision record matches "no such record"']);
  });
});
