/** The Decisions tree's shape, from real corpora: groups, counts, filters, nested supersede chains. */
import { strict as assert } from 'node:assert';
import { AdrIndex } from '../../src/core/index';
import { buildTree, childrenOf, matches, type GroupNode, type RecordNode, type TreeNode } from '../../src/features/decisions/grouping';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { CORPORA } from '../support/corpora';

describe('Decisions tree grouping', () => {
  let index: AdrIndex;
  let folders: { name: string; root: string; index: AdrIndex }[];
  before(async () => {
    const fs = new MemoryFileSystem().copyFromDisk(CORPORA, '/c');
    index = await AdrIndex.build(fs, '/c');
    folders = [{ name: 'corpora', root: '/c', index }];
  });
  const labels = (nodes: TreeNode[]) => nodes.map((n) => (n.kind === 'group' ? `${n.label} (${n.count})` : n.kind === 'record' ? n.record.id : n.id));

  it('groups by status in lifecycle order with counts that add up', () => {
    const { roots, shown, total } = buildTree(folders, 'status', {});
    assert.equal(total, 164);
    assert.equal(shown, 164);
    assert.deepEqual(labels(roots), ['Proposed (6)', 'Draft (2)', 'Accepted (64)', 'Superseded (3)', 'Rejected (2)', 'No status (87)']);
    assert.equal(roots.reduce((n, g) => n + (g as GroupNode).count, 0), 164);
  });

  it('groups by collection, tag and month', () => {
    const byCollection = buildTree(folders, 'collection', {}).roots as GroupNode[];
    assert.equal(byCollection.length, 7);
    assert.ok(labels(byCollection).includes('core (log4brains/packages/core/docs/adr) (3)'), labels(byCollection).join(', '));
    const byTag = buildTree(folders, 'tag', {}).roots as GroupNode[];
    assert.ok(labels(byTag).includes('frontend (1)'));
    assert.equal(byTag.at(-1)!.label, 'Untagged');
    const byMonth = buildTree(folders, 'month', {}).roots as GroupNode[];
    assert.equal(byMonth.at(-1)!.label, 'No date');
    assert.ok(byMonth[0]!.key > byMonth[1]!.key, 'months newest first');
  });

  it('sorts records by number inside a group', () => {
    const collection = (buildTree(folders, 'collection', {}).roots as GroupNode[]).find((g) => g.key === '/c/adr-tools/doc/adr')!;
    assert.deepEqual(collection.children().map((n) => (n as RecordNode).record.number), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('nests what a record supersedes under it', () => {
    const accepted = (buildTree(folders, 'status', {}).roots as GroupNode[]).find((g) => g.key === 'accepted')!;
    const multi = accepted.children().find((n) => (n as RecordNode).record.id === '036-multi-cluster') as RecordNode;
    assert.deepEqual(childrenOf(multi).map((n) => (n as RecordNode).record.id), ['021-Multi-cluster']);
    const slug = accepted.children().find((n) => (n as RecordNode).record.id === '20201016-use-the-adr-slug-as-its-unique-id') as RecordNode;
    assert.deepEqual(childrenOf(slug).map((n) => (n as RecordNode).record.id), ['20200926-use-the-adr-number-as-its-unique-id']);
    assert.equal(childrenOf(multi)[0]!.parent, multi);
  });

  it('filters by text and status and reports how many are shown', () => {
    const r = buildTree(folders, 'status', { text: 'kubernetes', statuses: ['accepted'] });
    assert.equal(r.total, 164);
    assert.ok(r.shown >= 1 && r.shown < 10);
    for (const g of r.roots as GroupNode[]) for (const n of g.children()) assert.equal((n as RecordNode).record.status, 'accepted');
    assert.ok(matches(index.byNumber(9, '/c/adr-tools/doc/adr')[0]!, { text: 'ADR-0009' }));
    assert.ok(!matches(index.byNumber(9, '/c/adr-tools/doc/adr')[0]!, { text: 'kafka' }));
  });

  it('puts one node per workspace folder on top in a multi-root workspace', () => {
    const r = buildTree([...folders, { name: 'second', root: '/c2', index }], 'status', {});
    assert.deepEqual(r.roots.map((n) => (n as GroupNode).label), ['corpora', 'second']);
    assert.equal((r.roots[0] as GroupNode).children()[0]!.parent, r.roots[0]);
  });
});

describe('statusDisplay', () => {
  it('shows a status with links as plain words', async () => {
    const { statusDisplay } = await import('../../src/core/presentation');
    const { parseRecord } = await import('../../src/core/parse/record');
    const r = parseRecord('# 3. X\n\n## Status\n\nSuperseded by [12. Use **Y**](0012-use-y.md)\n', { path: '/r/0003-x.md' });
    assert.equal(statusDisplay(r), 'Superseded by 12. Use Y');
    assert.equal(statusDisplay(parseRecord('# X\n', { path: '/r/0004-x.md' })), 'No status');
  });
});

describe('Decisions view command arguments', () => {
  it('takes a grouping only when the argument names one', async () => {
    const { asGroupBy } = await import('../../src/features/decisions/grouping');
    assert.equal(asGroupBy('collection'), 'collection');
    assert.equal(asGroupBy('month'), 'month');
    // What a toolbar, a context menu or a keybinding passes is not a grouping.
    for (const arg of [undefined, null, '', 'Status', 'statuses', 7, {}, { groupBy: 'tag' }, ['tag'], { fsPath: '/x', scheme: 'file' }]) {
      assert.equal(asGroupBy(arg), undefined, JSON.stringify(arg));
    }
  });

  it('takes a filter preset only when the argument has exactly its shape', async () => {
    const { asFilter } = await import('../../src/features/decisions/grouping');
    assert.deepEqual(asFilter({ text: 'help' }), { text: 'help', statuses: undefined });
    assert.deepEqual(asFilter({ statuses: ['accepted', 'superseded'] }), { text: undefined, statuses: ['accepted', 'superseded'] });
    for (const arg of [undefined, null, 'help', 3, [], {}, { text: 3 }, { statuses: ['nope'] }, { statuses: 'accepted' },
      { text: 'x', kind: 'record' }, { record: { id: '0001' }, kind: 'record' }, new (class Node { text = 'x'; })()]) {
      assert.equal(asFilter(arg), undefined, String(JSON.stringify(arg)));
    }
  });
});
