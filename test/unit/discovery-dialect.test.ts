/**
 * Declared against actual dialect: a collection's dialect is what its records are; the declaration
 * (`.adr-dir`, `.log4brains.yml`, pyadr's `.adr`) breaks ties and names empty collections.
 * Fixtures: test/fixtures/naming/declared/<case>. Also the wild corpora's folders: Wikibase's three
 * independent folders, dsp-api's deep `.adr-dir`, the timestamp-named MADR of zero-logement-vacant.
 */
import { strict as assert } from 'node:assert';
import { join as nativeJoin, resolve as nativeResolve } from 'node:path';
import { discover, parseRecordName } from '../../src/core/discovery';
import { classify, resolveDialect } from '../../src/core/discovery/layout';
import type { Collection } from '../../src/core/model';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { CORPORA_WILD, corporaWildAvailable } from '../support/corporaWild';

const DECLARED = nativeResolve('test/fixtures/naming/declared');

async function collectionsOf(source: string): Promise<Collection[]> {
  const fs = new MemoryFileSystem().copyFromDisk(source, '/repo');
  const { collections, problems } = await discover(fs, '/repo');
  assert.deepEqual(problems, []);
  return collections;
}

const shape = (c: Collection) => ({ folder: c.path.slice('/repo/'.length), source: c.source, dialect: c.dialect, naming: c.naming });

describe('declared and actual dialect', () => {
  const cases: [string, ReturnType<typeof shape>][] = [
    ['adr-dir-madr2', { folder: 'decisions', source: '.adr-dir', dialect: 'madr', naming: 'number' }],
    ['adr-dir-empty', { folder: 'doc/arch', source: '.adr-dir', dialect: 'adr-tools', naming: 'number' }],
    ['adr-dir-unclear', { folder: 'doc/arch', source: '.adr-dir', dialect: 'adr-tools', naming: 'number' }],
    ['adr-dir-doxygen', { folder: 'doc/arch', source: '.adr-dir', dialect: 'adr-tools', naming: 'number' }],
    ['log4brains-nygard', { folder: 'docs/adr', source: '.log4brains.yml', dialect: 'adr-tools', naming: 'number' }],
    ['log4brains-bullets', { folder: 'docs/adr', source: '.log4brains.yml', dialect: 'log4brains', naming: 'date' }],
    ['undeclared-bullets-dated', { folder: 'docs/adr', source: 'convention', dialect: 'log4brains', naming: 'date' }],
    ['undeclared-front-matter-timestamps', { folder: 'docs/decisions', source: 'convention', dialect: 'madr', naming: 'date' }],
  ];
  for (const [fixture, want] of cases) {
    it(`${fixture}: ${want.dialect} (${want.source}), ${want.naming} names`, async () => {
      const cs = await collectionsOf(nativeJoin(DECLARED, fixture));
      assert.deepEqual(cs.map(shape), [want]);
    });
  }

  it('an empty log4brains folder is log4brains and date-named; an empty pyadr one MADR', async () => {
    const l4b = MemoryFileSystem.from({ '.log4brains.yml': '---\nproject:\n  name: x\n  adrFolder: ./docs/adr\n' }, '/r').seedFolder('/r/docs/adr');
    assert.deepEqual((await discover(l4b, '/r')).collections.map((c) => [c.dialect, c.naming]), [['log4brains', 'date']]);
    const pyadr = MemoryFileSystem.from({ '.adr': '[adr]\nrecords-dir = docs/adr\n' }, '/r').seedFolder('/r/docs/adr');
    assert.deepEqual((await discover(pyadr, '/r')).collections.map((c) => c.dialect), ['madr']);
  });

  it('resolveDialect: records first, the declaration on a tie', () => {
    const v = (madr: number, bullets: number, nygard: number) => ({ madr, bullets, 'adr-tools': nygard });
    assert.equal(resolveDialect(v(0, 3, 0), 'adr-tools', 'number'), 'madr');
    assert.equal(resolveDialect(v(2, 0, 1), 'adr-tools', 'number'), 'madr');
    assert.equal(resolveDialect(v(0, 0, 3), 'log4brains', 'date'), 'adr-tools');
    assert.equal(resolveDialect(v(1, 0, 1), 'adr-tools', 'number'), 'adr-tools');
    assert.equal(resolveDialect(v(1, 0, 1), 'log4brains', 'number'), 'log4brains');
    assert.equal(resolveDialect(v(0, 0, 0), undefined, 'number'), 'generic');
    assert.equal(resolveDialect(v(0, 0, 0), undefined, 'date'), 'log4brains');
    assert.equal(resolveDialect(v(0, 2, 0), undefined, 'date'), 'log4brains');
    assert.equal(resolveDialect(v(3, 0, 0), undefined, 'date'), 'madr');
  });

  it('classify: what one record opening looks like', () => {
    assert.equal(classify('# 3. Use X\n\nDate: 2020-01-01\n'), 'adr-tools');
    assert.equal(classify('# 31) Use X {#adr_0031}\n\nDate: 2020-01-01\n'), 'adr-tools');
    assert.equal(classify('# ADR-0001 Use X\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n'), 'adr-tools');
    assert.equal(classify('# Use X\n\n* Status: accepted\n* Date: 2020-01-01\n\n## Context and Problem Statement\n'), 'bullets');
    assert.equal(classify('# Use X\n\n- Status: accepted\n- Tags: a\n'), 'bullets');
    assert.equal(classify('---\nstatus: accepted\n---\n# X\n'), 'madr');
    assert.equal(classify('# Use X\n\n## Considered Options\n'), 'madr');
    // A bullet list further down (consequences) is not a header.
    assert.equal(classify('# 2. Use X\n\n## Status\n\nAccepted\n\n## Consequences\n\n* Date: handled\n'), 'adr-tools');
    assert.equal(classify('# Use X\n\nSome text.\n'), undefined);
  });
});

(corporaWildAvailable() ? describe : describe.skip)('wild corpora folders', () => {
  it('wikibase: three independent folders are three Nygard collections, numbered from 0 (docs/adr, crud) and 1 (reuse)', async () => {
    const cs = await collectionsOf(nativeJoin(CORPORA_WILD, 'wikibase'));
    assert.deepEqual(
      cs.map((c) => [c.path.slice('/repo/'.length), c.source, c.dialect, c.padding, c.firstNumber]),
      [
        ['docs/adr', 'convention', 'adr-tools', 4, 0],
        ['repo/domains/crud/docs/adr', 'convention', 'adr-tools', 4, 0],
        ['repo/domains/reuse/docs/adr', 'convention', 'adr-tools', 4, 1],
      ],
    );
  });

  it("dsp-api: the deep .adr-dir path is the collection, ADR-NNNN names numbered, Nygard", async () => {
    const cs = await collectionsOf(nativeJoin(CORPORA_WILD, 'dsp-api'));
    assert.deepEqual(cs.map(shape), [{ folder: 'docs/05-internals/design/adr', source: '.adr-dir', dialect: 'adr-tools', naming: 'number' }]);
    assert.equal(cs[0]!.padding, 4);
  });

  it('zero-logement-vacant: timestamp names are dates, the records MADR (not log4brains)', async () => {
    const cs = await collectionsOf(nativeJoin(CORPORA_WILD, 'zero-logement-vacant'));
    assert.deepEqual(cs.map(shape), [{ folder: 'docs/decisions', source: 'convention', dialect: 'madr', naming: 'date' }]);
  });

  it('scielo-kernel, looms, agentv: each its records\' dialect', async () => {
    const dialects = await Promise.all(['scielo-kernel', 'looms', 'agentv'].map(async (c) => (await collectionsOf(nativeJoin(CORPORA_WILD, c))).map((x) => x.dialect)));
    assert.deepEqual(dialects, [['adr-tools'], ['madr'], ['adr-tools']]);
  });
});

describe('parseRecordName (the older view, kept for its callers)', () => {
  it('is parseFileName seen as number / date / nothing', () => {
    assert.deepEqual(parseRecordName('ADR-0007-x.md'), { naming: 'number', number: 7, digits: '0007', adrPrefix: true });
    assert.deepEqual(parseRecordName('1950-01-01-x.md'), { naming: 'date', number: null, digits: '', adrPrefix: false });
    assert.equal(parseRecordName('notes.md'), undefined);
  });
});
