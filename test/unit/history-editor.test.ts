/**
 * The editor's words for a record's history (src/host/historyText.ts) and the Decisions tree's
 * month grouping from history, on a scripted repository: commits with fixed authors and dates.
 */
import { strict as assert } from 'node:assert';
import { readHistory, type HistoryResult } from '../../src/core/history';
import { AdrIndex } from '../../src/core/index';
import { NodeGit } from '../../src/platform/git';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { changeText, decidedOn, historyItems, statusLine } from '../../src/host/historyText';
import { buildTree, type GroupNode, type RecordNode } from '../../src/features/decisions/grouping';
import { HistoryRepo } from '../support/historyRepo';

const record = (n: number, title: string, status: string, extra = '') => `# ${n}. ${title}\n\n## Status\n\n${status}\n${extra}\n## Decision\n\nWe do it.\n`;

describe('history in the editor: status line, month decided, the commits to pick', () => {
  let repo: HistoryRepo;
  let history: HistoryResult;
  let index: AdrIndex;
  const path = (name: string) => `${repo.root}/doc/adr/${name}`;

  before(async () => {
    repo = new HistoryRepo();
    repo.write({ '.adr-dir': 'doc/adr\n' });
    repo.commitAs('Carol', '2024-01-15T09:00:00+00:00', 'Start the log', { 'doc/adr/0001-use-pg.md': record(1, 'Use pg', 'Proposed') });
    repo.commitAs('Alice', '2024-03-02T10:00:00+01:00', 'Accept ADR-1', { 'doc/adr/0001-use-pg.md': record(1, 'Use pg', 'Accepted') });
    repo.commitAs('Bob', '2024-05-20T12:00:00+00:00', 'Cache in Redis', { 'doc/adr/0002-cache-in-redis.md': record(2, 'Cache in Redis', 'Accepted') });
    repo.commitAs('Dave', '2024-06-01T08:00:00+00:00', 'Word the decision', { 'doc/adr/0002-cache-in-redis.md': `${record(2, 'Cache in Redis', 'Accepted')}\nMore.\n` });
    const fs = new NodeFileSystem();
    index = await AdrIndex.build(fs, repo.root);
    history = await readHistory(new NodeGit(), fs, { folder: repo.root, collections: index.collections.map((c) => ({ path: c.path, dialect: c.dialect })) });
  });
  after(() => repo.dispose());

  it('says who set the current status, when, in which commit', () => {
    const sha = repo.git('log', '-1', '--format=%H', '--grep', 'Accept ADR-1').trim();
    assert.equal(statusLine(history.of(path('0001-use-pg.md'))), `Accepted 2024-03-02 by Alice (${sha.slice(0, 7)})`);
    // Created accepted, edited later: the creation set the status.
    assert.match(statusLine(history.of(path('0002-cache-in-redis.md')))!, /^Accepted 2024-05-20 by Bob \([0-9a-f]{7}\)$/);
    assert.equal(statusLine({ path: '/x', events: [], statusChanges: [], relationsAdded: [], gap: 'untracked' }), undefined);
  });

  it('takes the month a record was decided from history when it has no date', () => {
    assert.equal(decidedOn(history.of(path('0001-use-pg.md'))), '2024-03-02');
    const folder = { name: 'repo', root: repo.root, index, decidedOn: (r: { path: string }) => decidedOn(history.of(r.path)) };
    const months = buildTree([folder], 'month', {}).roots as GroupNode[];
    assert.deepEqual(months.map((g) => `${g.label} (${g.count})`), ['May 2024 (1)', 'March 2024 (1)']);
    assert.deepEqual(months[1]!.children().map((n) => (n as RecordNode).record.number), [1]);
    // Without history: no date.
    const plain = buildTree([{ name: 'repo', root: repo.root, index }], 'month', {}).roots as GroupNode[];
    assert.deepEqual(plain.map((g) => g.label), ['No date']);
  });

  it('lists the commits newest first, each with the versions before and after it', () => {
    const items = historyItems(history.of(path('0001-use-pg.md')));
    assert.deepEqual(items.map((i) => i.label.slice(8)), ['Accept ADR-1', 'Start the log']);
    assert.deepEqual(items.map((i) => i.description), ['2024-03-02 · Alice', '2024-01-15 · Carol']);
    assert.deepEqual(items.map((i) => i.detail), ['edited · Proposed → Accepted', 'created · Proposed']);
    assert.equal(items[1]!.before, undefined, 'a creation compares with nothing');
    assert.equal(items[0]!.before!.blob, items[1]!.after!.blob, 'each commit against the version before it');
    assert.notEqual(items[0]!.after!.blob, items[0]!.before!.blob);
    assert.equal(repo.git('cat-file', 'blob', items[0]!.after!.blob), record(1, 'Use pg', 'Accepted'));
  });

  it('words renames, deletions and merges', () => {
    const base = { commit: 'a'.repeat(40), date: '2024-01-01T00:00:00Z', author: 'A', email: 'a@x', subject: 's', order: 1, path: 'doc/adr/b.md' };
    assert.equal(changeText({ ...base, change: 'renamed', oldPath: 'doc/adr/a.md' }), 'renamed from doc/adr/a.md');
    assert.equal(changeText({ ...base, change: 'deleted' }), 'deleted');
    assert.equal(changeText({ ...base, change: 'edited', merge: true, status: 'superseded', statusText: 'Superseded by [2. B](0002-b.md)', statusFrom: 'accepted', statusFromText: 'Accepted' }), 'edited · Accepted → Superseded · in a merge');
  });
});
