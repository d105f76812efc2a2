/**
 * The Decision Digest page in the editor (#10), on commits this suite scripts in the fixture
 * repository with fixed authors and dates (HEAD is put back afterwards): Show Decision Digest… for a
 * chosen period gives the page the digest core collects for it (decisions with their authors, a
 * dependency merged without a record with its commit, author and pull request), another period
 * another digest, and a period git cannot read one line of error.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Features as Services } from '../../src/extension';
import type { DigestState, Period } from '../../src/webviews/digest/protocol';
import { fixture, git, services, until, writeText } from './support/helpers';

const QUEUE = 'doc/adr/0040-adopt-a-message-queue.md';
const queue = (status: string) => `# 40. Adopt a message queue\n\nDate: 2024-01-15\n\n## Status\n\n${status}\n\n## Context\n\nOrders arrive in bursts.\n\n## Decision\n\nPut them on a queue.\n`;
const PKG = '{\n  "name": "fixture",\n  "version": "1.0.0",\n  "dependencies": {\n    "kafkajs": "^2.2.0"\n  }\n}\n';

async function commit(files: Record<string, string>, message: string, author: { name: string; date: string }): Promise<string> {
  for (const [path, text] of Object.entries(files)) await writeText(fixture(path), text);
  git(['add', '--', ...Object.keys(files)]);
  git(['commit', '-q', '-m', message, '--', ...Object.keys(files)], author);
  return git(['rev-parse', 'HEAD']).trim();
}

describe('The decision digest page', () => {
  let s: Services;
  let head: string;
  let accepted: string;

  /** Runs Show Decision Digest… for `period` and waits for the page to be given its outcome. */
  async function show(period: Period): Promise<DigestState> {
    const before = s.digest.state?.revision ?? 0;
    await vscode.commands.executeCommand('adrWorkbench.digest.show', period);
    return until(`the digest of ${JSON.stringify(period)}`, () => {
      const st = s.digest.state;
      return st && st.revision > before && st.status !== 'loading' && JSON.stringify(st.period) === JSON.stringify(period) ? st : undefined;
    }, 30_000);
  }

  before(async () => {
    s = await services();
    head = git(['rev-parse', 'HEAD']).trim();
    await commit({ [QUEUE]: queue('Proposed') }, 'Propose a message queue', { name: 'Carol', date: '2024-01-15T09:00:00+00:00' });
    await commit({ 'package.json': PKG }, 'Add kafkajs (#21)', { name: 'Dave', date: '2024-02-01T09:00:00+00:00' });
    accepted = await commit({ [QUEUE]: queue('Accepted') }, 'Accept the message queue', { name: 'Alice', date: '2024-02-10T10:00:00+01:00' });
    await commit({ [QUEUE]: queue('Deprecated') }, 'Deprecate the message queue', { name: 'Bob', date: '2024-03-01T09:00:00+00:00' });
    await until('the record indexed', () => s.workspace.locate(fixture(QUEUE))?.record.status === 'deprecated');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // HEAD and the index as they were; the files gone from the work tree.
    git(['reset', '-q', '--mixed', head]);
    for (const p of [QUEUE, 'package.json']) await vscode.workspace.fs.delete(fixture(p)).then(undefined, () => undefined);
    await until('the record gone from the index', () => !s.workspace.locate(fixture(QUEUE)));
  });

  it('gives the page the digest of the period chosen: since the fixture\'s commit until the acceptance', async () => {
    const st = await show({ kind: 'ref', value: head, until: accepted });
    assert.equal(st.status, 'ready', st.message);
    const d = s.digest.digest?.digest;
    assert.ok(d);
    assert.equal(d.period.commits, 3);
    assert.equal(d.period.base, head);
    assert.equal(d.period.until, accepted);
    assert.deepEqual(d.decisions.map((e) => [e.change, e.record.path, e.commit.author, e.commit.date.slice(0, 10)]), [
      ['proposed', QUEUE, 'Carol', '2024-01-15'],
      ['accepted', QUEUE, 'Alice', '2024-02-10'],
    ]);
    const kafka = d.changes.undocumented.find((c) => c.path === 'package.json' && /kafkajs/.test(c.message));
    assert.ok(kafka, JSON.stringify(d.changes));
    assert.equal(kafka.commit?.author, 'Dave');
    assert.equal(kafka.commit?.pr, 21);
    // The page was given the same digest, as core's sections: the records as links by path.
    const view = st.digest!;
    assert.equal(view.heading, `Decision digest: ${d.period.from} to 2024-02-10`);
    const decisions = view.sections.find((x) => x.id === 'decisions')!;
    assert.equal(decisions.items.length, 2);
    assert.ok(decisions.items[1]!.some((p) => 'record' in p && p.path === QUEUE && /^(ADR-)?0040 Adopt a message queue$/.test(p.record)), JSON.stringify(decisions.items[1]));
    assert.equal(view.sections.find((x) => x.id === 'undocumented')!.items.length, d.changes.undocumented.length);
    assert.equal(st.folder, vscode.workspace.workspaceFolders![0]!.name);
  });

  it('another period, another digest: since the acceptance, the deprecation only', async () => {
    const st = await show({ kind: 'ref', value: accepted, until: '' });
    assert.equal(st.status, 'ready', st.message);
    const d = s.digest.digest!.digest;
    assert.equal(d.period.commits, 1);
    assert.deepEqual(d.decisions.map((e) => [e.change, e.from, e.commit.author]), [['deprecated', 'accepted', 'Bob']]);
    assert.equal(d.changes.undocumented.filter((c) => c.path === 'package.json').length, 0);
  });

  it('a period git cannot read, or a ref that would be an option, is one line on the page', async () => {
    const st = await show({ kind: 'ref', value: 'no-such-ref-here', until: '' });
    assert.equal(st.status, 'error');
    assert.match(st.message!, /^No digest: .*no-such-ref-here/);
    assert.doesNotMatch(st.message!, /\n|\bat \w+ \(/);
    assert.equal(s.digest.digest, undefined, 'nothing to copy');
    // The command refuses a period the page could not have sent (before anything runs).
    const revision = s.digest.state!.revision;
    await vscode.commands.executeCommand('adrWorkbench.digest.show', { kind: 'ref', value: '--output=/tmp/x', until: '' });
    assert.equal(s.digest.state!.revision, revision);
  });
});
