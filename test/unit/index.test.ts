/** The ADR index: lookups, relations both ways, duplicates, broken links, incremental updates. */
import { strict as assert } from 'node:assert';
import { AdrIndex, type IndexChangeEvent } from '../../src/core/index';
import type { AdrRecord, Relation } from '../../src/core/model';
import { basename, dirname } from '../../src/core/paths';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { CORPORA, corporaAvailable } from '../support/corpora';

const A = '/r/doc/adr';
const B = '/r/docs/decisions';
const nygard = (n: number, title: string, status: string, links = '') =>
  `# ${n}. ${title}\n\nDate: 2024-01-0${n}\n\n## Status\n\n${status}\n${links ? `\n${links}\n` : ''}\n## Context\n\nWhy.\n`;

function seed(): MemoryFileSystem {
  return MemoryFileSystem.from({
    '.adr-dir': 'doc/adr',
    'doc/README.md': '# Docs\n',
    'doc/adr/README.md': '# Index\n',
    'doc/adr/0001-record-decisions.md': nygard(1, 'Record decisions', 'Accepted'),
    'doc/adr/0002-use-postgres.md': nygard(2, 'Use Postgres', 'Superseded by [3. Use MySQL](0003-use-mysql.md)'),
    'doc/adr/0003-use-mysql.md': nygard(3, 'Use MySQL', 'Accepted', 'Supersedes [2. Use Postgres](0002-use-postgres.md)\n\nAmends [1. Record decisions](0001-record-decisions.md)'),
    'doc/adr/0004-use-redis.md': nygard(4, 'Use Redis', 'Accepted', 'Relates to ADR-0003\n\nDepends on [5. Queue](0005-use-a-queue.md)\n\nClarifies ADR-0099\n\nSee [docs](../README.md)'),
    'docs/decisions/0001-use-madr.md': '---\nstatus: accepted\n---\n# Use MADR\n\n## Context and Problem Statement\n\nWhy?\n',
    'docs/decisions/0002-other.md': '---\nstatus: accepted\n---\n# Other\n\n## Context and Problem Statement\n\nWhy?\n',
    'docs/decisions/0003-later.md': '---\nstatus: accepted\nsupersedes: ["ADR-0002", 0001-record-decisions]\n---\n# Later\n\n## Context and Problem Statement\n\nWhy?\n',
  }, '/r');
}

const rel = (index: AdrIndex, path: string) =>
  index.relationsOf(path).map((r) => [r.type, r.verb, r.other && basename(r.other), r.origin]);

describe('AdrIndex', () => {
  let fs: MemoryFileSystem;
  let index: AdrIndex;
  beforeEach(async () => {
    fs = seed();
    index = await AdrIndex.build(fs, '/r');
  });

  describe('lookups', () => {
    it('indexes every record of every collection, not README files', () => {
      assert.deepEqual(index.collections.map((c) => c.path), [A, B]);
      assert.equal(index.size, 7);
      assert.deepEqual(index.records(A).map((r) => r.number), [1, 2, 3, 4]);
      assert.equal(index.records().length, 7);
      assert.deepEqual(index.problems, []);
    });

    it('finds records by path, number, id and title', () => {
      assert.equal(index.get(`${A}/0003-use-mysql.md`)?.title, 'Use MySQL');
      assert.deepEqual(index.byNumber(2, A).map((r) => r.path), [`${A}/0002-use-postgres.md`]);
      assert.deepEqual(index.byNumber(2).map((r) => r.path), [`${A}/0002-use-postgres.md`, `${B}/0002-other.md`]);
      assert.deepEqual(index.byId('0001-use-madr').map((r) => r.path), [`${B}/0001-use-madr.md`]);
      assert.deepEqual(index.byTitle('  use   MYSQL ').map((r) => r.path), [`${A}/0003-use-mysql.md`]);
      assert.deepEqual(index.byTitle('nothing'), []);
    });

    it('resolves adr-tools REFs: numbers, partial file names, paths', () => {
      const ref = (r: string, c?: string) => index.resolveRef(r, c)?.path;
      assert.equal(ref('3', A), `${A}/0003-use-mysql.md`);
      assert.equal(ref('0003', A), `${A}/0003-use-mysql.md`);
      assert.equal(ref('ADR-2', B), `${B}/0002-other.md`);
      assert.equal(ref('postgres'), `${A}/0002-use-postgres.md`);
      assert.equal(ref('MySQL'), `${A}/0003-use-mysql.md`); // no exact-case match: case-insensitive
      assert.equal(ref('use-'), `${A}/0002-use-postgres.md`); // first in numeric order
      assert.equal(ref('doc/adr/0004-use-redis.md'), `${A}/0004-use-redis.md`);
      assert.equal(ref('nothing-like-it'), undefined);
    });

    it('resolves links and ids written in a record', () => {
      assert.equal(index.resolveLink(`${A}/0004-use-redis.md`, '0003-use-mysql.md#decision'), `${A}/0003-use-mysql.md`);
      assert.equal(index.resolveLink(`${B}/0003-later.md`, 'ADR 2'), `${B}/0002-other.md`);
      assert.equal(index.resolveLink(`${B}/0003-later.md`, '../../doc/adr/0004-use-redis.md'), `${A}/0004-use-redis.md`);
      assert.equal(index.resolveLink(`${B}/0003-later.md`, '4'), `${A}/0004-use-redis.md`); // no 4 here: the other collection
      assert.equal(index.resolveLink(`${A}/0001-record-decisions.md`, 'https://example.com/x.md'), undefined);
    });
  });

  describe('relations', () => {
    it('pairs relations written on both sides and derives the missing side', () => {
      assert.deepEqual(rel(index, `${A}/0002-use-postgres.md`), [['superseded-by', 'superseded by', '0003-use-mysql.md', 'both']]);
      assert.deepEqual(rel(index, `${A}/0003-use-mysql.md`), [
        ['supersedes', 'supersedes', '0002-use-postgres.md', 'both'],
        ['amends', 'amends', '0001-record-decisions.md', 'declared'],
        ['relates', 'relates to', '0004-use-redis.md', 'inverse'],
      ]);
    });

    it('inverts supersedes, amends and relates written only by the other record', () => {
      assert.deepEqual(rel(index, `${A}/0001-record-decisions.md`), [
        ['amended-by', 'amended by', '0003-use-mysql.md', 'inverse'],
        ['superseded-by', 'superseded by', '0003-later.md', 'inverse'],
      ]);
      const inverse = index.relationsOf(`${A}/0001-record-decisions.md`)[0]!;
      assert.equal(inverse.counterpart?.verb, 'amends');
    });

    it("resolves ids against the record's own collection first", () => {
      assert.deepEqual(rel(index, `${B}/0003-later.md`), [
        ['supersedes', 'supersedes', '0002-other.md', 'declared'],
        ['supersedes', 'supersedes', '0001-record-decisions.md', 'declared'],
      ]);
    });

    it('keeps unresolved and custom relations, with no other side', () => {
      assert.deepEqual(rel(index, `${A}/0004-use-redis.md`), [
        ['relates', 'relates to', '0003-use-mysql.md', 'declared'],
        ['custom', 'depends on', undefined, 'declared'],
        ['clarifies', 'clarifies', undefined, 'declared'],
        ['custom', 'see', undefined, 'declared'],
      ]);
    });

    it('reports broken links and unknown ids, not links to existing files', () => {
      const broken = index.brokenRelations().map((b) => [basename(b.path), b.relation.target, b.reason, b.resolvedPath]);
      assert.deepEqual(broken, [
        ['0004-use-redis.md', '0005-use-a-queue.md', 'no-such-file', `${A}/0005-use-a-queue.md`],
        ['0004-use-redis.md', 'ADR-0099', 'no-such-record', undefined],
      ]);
    });
  });

  describe('duplicates and problems', () => {
    it('lists numbers used twice in one collection, and drops them when fixed', async () => {
      assert.deepEqual(index.duplicateNumbers(), []);
      fs.seed({ [`${A}/0004-use-memcached.md`]: nygard(4, 'Use Memcached', 'Proposed') });
      await index.update(`${A}/0004-use-memcached.md`);
      assert.deepEqual(index.duplicateNumbers(), [{ collection: A, number: 4, paths: [`${A}/0004-use-memcached.md`, `${A}/0004-use-redis.md`] }]);
      fs.remove(`${A}/0004-use-memcached.md`);
      assert.equal(await index.update(`${A}/0004-use-memcached.md`), 'removed');
      assert.deepEqual(index.duplicateNumbers(), []);
    });

    it('turns binary and unreadable files into problems, not crashes', async () => {
      const fs2 = seed();
      fs2.seed({ [`${A}/0006-binary.md`]: new Uint8Array([0x23, 0, 1, 2]), [`${A}/0007-locked.md`]: '# 7. Locked\n' });
      fs2.failOn(`${A}/0007-locked.md`);
      const i2 = await AdrIndex.build(fs2, '/r');
      assert.equal(i2.size, 7);
      assert.deepEqual(i2.problems.map((p) => basename(p.path)), ['0006-binary.md', '0007-locked.md']);
      assert.match(i2.problems[0]!.message, /binary/);
    });

    it('reports discovery problems (malformed config) with the records it could read', async () => {
      const fs2 = seed();
      fs2.seed({ '/r/.log4brains.yml': 'project: [' });
      const i2 = await AdrIndex.build(fs2, '/r');
      assert.equal(i2.size, 7);
      assert.deepEqual(i2.problems.map((p) => p.path), ['/r/.log4brains.yml']);
    });
  });

  describe('incremental updates', () => {
    let events: IndexChangeEvent[];
    beforeEach(() => {
      events = [];
      index.onDidChange((e) => events.push(e));
    });

    it('adds a created record and resolves relations that were waiting for it', async () => {
      fs.seed({ [`${A}/0005-use-a-queue.md`]: nygard(5, 'Use a queue', 'Proposed') });
      assert.equal(await index.update(`${A}/0005-use-a-queue.md`), 'added');
      assert.deepEqual(events, [{ added: [`${A}/0005-use-a-queue.md`], changed: [], removed: [] }]);
      assert.deepEqual(rel(index, `${A}/0005-use-a-queue.md`), [['custom', 'depends on', '0004-use-redis.md', 'inverse']]);
      assert.deepEqual(index.brokenRelations().map((b) => b.relation.target), ['ADR-0099']);
      assert.equal(index.byNumber(5, A).length, 1);
    });

    it('re-reads a changed record: title, number maps and relations follow', async () => {
      fs.seed({ [`${A}/0002-use-postgres.md`]: nygard(2, 'Use PostgreSQL 16', 'Accepted') });
      assert.equal(await index.update(`${A}/0002-use-postgres.md`), 'changed');
      assert.deepEqual(index.byTitle('use postgres'), []);
      assert.equal(index.byTitle('Use PostgreSQL 16')[0]?.path, `${A}/0002-use-postgres.md`);
      assert.equal(index.records(A)[1]!.title, 'Use PostgreSQL 16');
      // 0003 still says "supersedes": now only one side wrote it.
      assert.deepEqual(rel(index, `${A}/0002-use-postgres.md`)[0], ['superseded-by', 'superseded by', '0003-use-mysql.md', 'inverse']);
      assert.deepEqual(events.map((e) => e.changed), [[`${A}/0002-use-postgres.md`]]);
    });

    it('removes a deleted record; relations to it become broken', async () => {
      fs.remove(`${A}/0003-use-mysql.md`);
      assert.equal(await index.update(`${A}/0003-use-mysql.md`), 'removed');
      assert.equal(index.get(`${A}/0003-use-mysql.md`), undefined);
      assert.deepEqual(rel(index, `${A}/0001-record-decisions.md`), [['superseded-by', 'superseded by', '0003-later.md', 'inverse']]);
      const broken = index.brokenRelations().map((b) => [basename(b.path), b.relation.target, b.reason]);
      assert.deepEqual(broken, [
        ['0002-use-postgres.md', '0003-use-mysql.md', 'no-such-file'],
        ['0004-use-redis.md', '0005-use-a-queue.md', 'no-such-file'],
        ['0004-use-redis.md', 'ADR-0099', 'no-such-record'],
      ]);
      // "ADR-0003" now matches no record of its own collection: the other collection's 3 is next.
      assert.equal(index.relationsOf(`${A}/0004-use-redis.md`)[0]!.other, `${B}/0003-later.md`);
      assert.equal(index.remove(`${A}/0003-use-mysql.md`), false);
      assert.deepEqual(events.map((e) => e.removed), [[`${A}/0003-use-mysql.md`]]);
    });

    it('ignores files that are not records of a known collection', async () => {
      fs.seed({ [`${A}/README.md`]: '# changed', '/r/src/0001-x.md': '# x', [`${A}/templates/template.md`]: '# t' });
      assert.equal(await index.update(`${A}/README.md`), 'ignored');
      assert.equal(await index.update('/r/src/0001-x.md'), 'ignored');
      assert.equal(await index.update(`${A}/templates/template.md`), 'ignored');
      assert.deepEqual(events, []);
    });

    it('a record that turns binary is dropped and listed as a problem', async () => {
      fs.seed({ [`${A}/0001-record-decisions.md`]: new Uint8Array([0, 0, 0]) });
      assert.equal(await index.update(`${A}/0001-record-decisions.md`), 'failed');
      assert.equal(index.get(`${A}/0001-record-decisions.md`), undefined);
      assert.deepEqual(index.problems.map((p) => basename(p.path)), ['0001-record-decisions.md']);
      fs.seed({ [`${A}/0001-record-decisions.md`]: nygard(1, 'Record decisions', 'Accepted') });
      assert.equal(await index.update(`${A}/0001-record-decisions.md`), 'added');
      assert.deepEqual(index.problems, []);
    });

    it('when two updates of one file race, the later one wins', async () => {
      const p = `${A}/0001-record-decisions.md`;
      fs.seed({ [p]: nygard(1, 'First edit', 'Accepted') });
      const first = index.update(p);
      fs.seed({ [p]: nygard(1, 'Second edit', 'Accepted') });
      const second = index.update(p);
      assert.deepEqual(await Promise.all([first, second]), ['ignored', 'changed']);
      assert.equal(index.get(p)?.title, 'Second edit');
    });

    it('listeners can be disposed; rebuild re-discovers', async () => {
      const sub = index.onDidChange(() => assert.fail('disposed listener called'));
      sub.dispose();
      fs.seed({ '/r/docs/adr/0001-new-place.md': nygard(1, 'New place', 'Accepted') });
      await index.rebuild();
      assert.deepEqual(events.map((e) => e.rebuilt), [true]);
      assert.ok(index.collections.some((c) => c.path === '/r/docs/adr'));
      assert.equal(index.size, 8);
    });
  });

  describe('scale', () => {
    /** A cheap stand-in parser: measures the index's own bookkeeping, not Markdown parsing. */
    const stubParse = (text: string, ctx: { path: string; collection?: string }): AdrRecord => {
      const name = basename(ctx.path, '.md');
      const n = Number(/^\d+/.exec(name)?.[0] ?? NaN);
      const relations: Relation[] = [];
      const m = /supersedes (\S+)/.exec(text);
      if (m) relations.push({ type: 'supersedes', verb: 'supersedes', target: m[1]!, source: 'link-line', span: { start: 0, end: 0 } });
      return {
        id: name, path: ctx.path, collection: ctx.collection ?? dirname(ctx.path), dialect: 'nygard', number: Number.isNaN(n) ? null : n,
        numberText: Number.isNaN(n) ? null : name.slice(0, 5), title: text.split('\n')[0]!.slice(2), titleField: undefined,
        status: 'accepted', statusText: 'Accepted', statusField: undefined, date: null, dateField: undefined,
        deciders: [], consulted: [], informed: [], tags: [], relations, links: [], governs: [], frontMatter: undefined,
        sections: [], problems: [], eol: '\n', bom: false, length: text.length,
      };
    };

    it('updates one record of a 10,000-record index in a few milliseconds', async function () {
      this.timeout(60_000);
      const files: Record<string, string> = {};
      for (let i = 1; i <= 10_000; i++) {
        const id = String(i).padStart(5, '0');
        files[`/big/doc/adr/${id}-record-${i}.md`] = `# Record ${i}\n${i > 1 ? `supersedes ${String(i - 1).padStart(5, '0')}-record-${i - 1}.md` : ''}\n`;
      }
      // The memory fake lists folders in O(all files); give it one big folder only.
      const big = MemoryFileSystem.from(files);
      const idx = await AdrIndex.build(big, '/big', { parse: stubParse });
      assert.equal(idx.size, 10_000);
      idx.records('/big/doc/adr'); // warm the sorted cache
      const target = '/big/doc/adr/05000-record-5000.md';
      const started = performance.now();
      const rounds = 50;
      for (let i = 0; i < rounds; i++) {
        big.seed({ [target]: `# Record 5000 v${i}\nsupersedes 04999-record-4999.md\n` });
        await idx.update(target);
        idx.records('/big/doc/adr');
        idx.relationsOf(target);
      }
      const perUpdate = (performance.now() - started) / rounds;
      assert.ok(perUpdate < 5, `one update took ${perUpdate.toFixed(2)} ms`);
      assert.equal(idx.get(target)?.title, 'Record 5000 v49');
      assert.deepEqual(idx.relationsOf('/big/doc/adr/04999-record-4999.md').map((r) => [r.type, r.origin, r.other && basename(r.other)]), [
        ['supersedes', 'declared', '04998-record-4998.md'],
        ['superseded-by', 'inverse', '05000-record-5000.md'],
      ]);
    });
  });

  describe('real corpora', function () {
    before(function () {
      if (!corporaAvailable()) this.skip();
    });

    it('indexes all five corpora under one root: 164 records, adr-tools links resolved', async () => {
      const all = new MemoryFileSystem().copyFromDisk(CORPORA, '/c');
      const idx = await AdrIndex.build(all, '/c');
      assert.equal(idx.size, 164);
      assert.deepEqual(idx.problems, []);
      const help = idx.resolveRef('help-comments', '/c/adr-tools/doc/adr')!;
      assert.deepEqual(idx.relationsOf(help.path).map((r) => [r.type, r.other && basename(r.other), r.origin]), [
        ['amended-by', '0009-help-scripts.md', 'both'],
      ]);
    });
  });
});
