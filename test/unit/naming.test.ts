/**
 * Record file names: the one reader (every pattern, dates against numbers, templates), the naming
 * pattern of a folder, and the next record's name — planned by `nextRecordFileName`, written by
 * `createRecord` and by the CLI's `new` — for fixtures of every pattern (test/fixtures/naming)
 * and for every collection of the shared corpora.
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join as nativeJoin, resolve as nativeResolve } from 'node:path';
import { discover } from '../../src/core/discovery';
import { createRecord } from '../../src/core/edit';
import type { Collection } from '../../src/core/model';
import {
  compareRecordNames, highestNumber, inferNamingPattern, isDateName, isNumberedRecordName, isRecordFile, isTemplateName, leadingNumber,
  nextNumber, nextRecordFileName, parseFileName, recordFileName, renamedForTitle, renumberedFileName, slugFor,
} from '../../src/core/naming';
import { fileNameForTitle } from '../../src/core/edit/rename';
import { newest } from '../../src/core/naming/pattern';
import { FixedClock } from '../fakes/fixedClock';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { cli } from '../support/cliHarness';
import { CORPORA, corporaAvailable } from '../support/corpora';
import { CORPORA_WILD, CORPORA_WILD_EXPECTED, NEXT_TITLE, corporaWildAvailable } from '../support/corporaWild';

const FIXTURES = nativeResolve('test/fixtures/naming');
/** A fixed local time: 2026-12-01 09:30:05 wherever the test runs. */
const NOW = new Date(2026, 11, 1, 9, 30, 5);
const TODAY = '2026-12-01';
const STAMP = '20261201093005';

const read = (name: string) => {
  const r = parseFileName(name);
  return [r.kind, r.prefix, r.number, r.numberText, r.date, r.dateStyle, r.separator, r.slug];
};

describe('record file names: the one reader', () => {
  it('reads every numbered pattern, numbers decimal with or without zeros and prefixes', () => {
    assert.deepEqual(read('ADR-001_Title_With_Underscores.md'), ['number', 'ADR-', 1, '001', null, null, '_', 'Title_With_Underscores']);
    assert.deepEqual(read('adr-001-x.md'), ['number', 'adr-', 1, '001', null, null, '-', 'x']);
    assert.deepEqual(read('ADR-0001-x.md'), ['number', 'ADR-', 1, '0001', null, null, '-', 'x']);
    assert.deepEqual(read('001-x.md'), ['number', '', 1, '001', null, null, '-', 'x']);
    assert.deepEqual(read('1-x.md'), ['number', '', 1, '1', null, null, '-', 'x']);
    assert.deepEqual(read('adr-1.md'), ['number', 'adr-', 1, '1', null, null, '', '']);
    assert.deepEqual(read('0031_transport_layer.md'), ['number', '', 31, '0031', null, null, '_', 'transport_layer']);
    assert.deepEqual(read('0008-x.md').slice(2, 4), [8, '0008']);
    assert.deepEqual(read('0009-x.md').slice(2, 4), [9, '0009']);
  });

  it('reads dates before numbers: dashed, compact (log4brains) and 14-digit timestamps', () => {
    assert.deepEqual(read('1950-01-01-x.md'), ['date', '', null, null, '1950-01-01', 'dashed', '-', 'x']);
    assert.deepEqual(read('20201016-use-slugs.md'), ['date', '', null, null, '2020-10-16', 'compact', '-', 'use-slugs']);
    assert.deepEqual(read('20240516132303-use-markdown.md'), ['date', '', null, null, '2024-05-16', 'timestamp', '-', 'use-markdown']);
    // Not a plausible date or time: a number.
    assert.equal(parseFileName('12345678-x.md').kind, 'number');
    assert.equal(parseFileName('2021-02-30-x.md').kind, 'number');
    assert.equal(parseFileName('20240516256103-x.md').kind, 'number');
    assert.equal(parseFileName('1999-x.md').number, 1999);
  });

  it('1950-01-01-x.md is a date to every reader: never number 1950', () => {
    const name = '1950-01-01-x.md';
    assert.equal(leadingNumber(name), null);
    assert.ok(isDateName(name));
    assert.equal(nextNumber([name, '0003-y.md'], 1), 4);
    assert.equal(highestNumber([name]), null);
    assert.ok(isNumberedRecordName(name));
    assert.deepEqual([name, '20200101-z.md'].sort(compareRecordNames), [name, '20200101-z.md']);
  });

  it('leadingNumber reads prefixed names (ADR-0001-x.md is 1: the cause of new -s numbering 1 beside it)', () => {
    assert.equal(leadingNumber('ADR-0001-x.md'), 1);
    assert.equal(leadingNumber('adr_0012_y.md'), 12);
    assert.equal(nextNumber(['ADR-0001-a.md', 'ADR-0010-b.md'], 1), 11);
  });

  it('keeps non-ASCII slugs as written', () => {
    assert.deepEqual(read('0001-registrar-decisões-arquiteturais.md').slice(2), [1, '0001', null, null, '-', 'registrar-decisões-arquiteturais']);
    assert.ok(isRecordFile('0005-api-de-mudanças-e-replicação.md'));
  });

  it('templates and examples are not records; records about templates are', () => {
    for (const t of ['000-template.md', '0000-template.md', '001-template.md', '0001-adr-template.md', '0000-adr-template-bare.md', 'NNNN-adr-template.md', 'ADR-nnn_Title_Template.md', 'ADR-NNN_Short_Title_Template.md', 'template-nygard.md', 'template_madr.md', 'TEMPLATE.md', 'template.md', 'adr-template.md', 'adr-template-bare-minimal.md', 'XXXX-title.md']) {
      assert.ok(isTemplateName(t), t);
      assert.equal(isRecordFile(t), false, t);
    }
    for (const r of ['0012-use-a-template-engine.md', '0005-template-engine.md', '0001-templates-for-emails.md', '0003-adr-template-usage.md', '0000-use-markdown-architectural-decision-records.md', 'ADR-0001-x.md']) {
      assert.equal(isTemplateName(r), false, r);
      assert.ok(isRecordFile(r), r);
    }
    assert.equal(isRecordFile('README.md'), false);
    assert.equal(isRecordFile('index.md'), false);
    assert.equal(isRecordFile('.0007.adr-new'), false);
  });
});

describe('naming pattern and the next file name', () => {
  const fallback = { naming: 'number' as const, padding: 4, firstNumber: 1 };
  const next = (names: string[], title = NEXT_TITLE, collection: Pick<Collection, 'naming' | 'padding' | 'firstNumber'> = fallback) =>
    nextRecordFileName(names, { title, collection, date: TODAY, now: NOW }).fileName;

  it('copies prefix, padding, separators and case', () => {
    assert.equal(next(['ADR-001_Title_With_Underscores.md', 'ADR-002_Use_Kafka.md']), 'ADR-003_Use_Example_Thing.md');
    assert.equal(next(['adr-001-x-y.md', 'adr-002-y-z.md']), 'adr-003-use-example-thing.md');
    assert.equal(next(['ADR-0001-x-y.md']), 'ADR-0002-use-example-thing.md');
    assert.equal(next(['001-x-y.md', '002-x-y.md']), '003-use-example-thing.md');
    assert.equal(next(['1-x-y.md', '2-x.md', '10-x-y.md']), '11-use-example-thing.md');
    assert.equal(next(['adr-1.md', 'adr-2.md']), 'adr-3.md');
    assert.equal(next(['0000_snake_case.md', '0001_other_one.md']), '0002_use_example_thing.md');
    assert.equal(next(['000-Record-Architecture-Decisions.md', '001-Use-AWS-Hosted-Elasticsearch.md']), '002-Use-Example-Thing.md');
    assert.equal(next(['001-Use-AWS-hosted-elasticsearch.md', '002-Use-github-for-records.md'], 'Use an example thing'), '003-Use-an-example-thing.md');
  });

  it('dated patterns: the date as the folder writes it; a taken name gets -2', () => {
    const dated = { naming: 'date' as const, padding: 0, firstNumber: 1 };
    assert.equal(next(['2021-03-04-use-jekyll.md'], NEXT_TITLE, dated), '2026-12-01-use-example-thing.md');
    assert.equal(next(['20200924-use-markdown.md'], NEXT_TITLE, dated), '20261201-use-example-thing.md');
    assert.equal(next(['20200924-use-markdown.md', '20261201-use-example-thing.md'], NEXT_TITLE, dated), '20261201-use-example-thing-2.md');
    assert.equal(next(['20240516132303-use-markdown.md'], NEXT_TITLE, dated), `${STAMP}-use-example-thing.md`);
    // The records decide: date names in a collection declared numbered, and the reverse.
    assert.equal(next(['20200924-use-markdown.md']), '20261201-use-example-thing.md');
    assert.equal(next(['0001-x-y.md'], NEXT_TITLE, dated), '0002-use-example-thing.md');
  });

  it('mixed folders follow the majority (of the newest ten records for style)', () => {
    const hyphens = Array.from({ length: 6 }, (_, i) => `000${i}-record-number-${i}.md`);
    assert.equal(next([...hyphens, '0006_one_with_underscores.md']), '0007-use-example-thing.md');
    assert.equal(next(['0001_a_b.md', '0002_c_d.md', '0003-e-f.md']), '0004_use_example_thing.md');
    // Capitalised early names, lower case for the last ten (cloud-platform): lower case.
    const early = Array.from({ length: 12 }, (_, i) => `${String(i).padStart(3, '0')}-Use-Thing-${i}.md`);
    const late = Array.from({ length: 10 }, (_, i) => `${String(i + 12).padStart(3, '0')}-use-thing-${i + 12}.md`);
    assert.equal(next([...early, ...late]), '022-use-example-thing.md');
    // Most names padded to 4, one unpadded: 4.
    assert.equal(next(['0001-a-b.md', '0002-a-b.md', '3-a-b.md']), '0004-use-example-thing.md');
  });

  it('never a number in use: every entry with a number counts, prefixed or not, records or not', () => {
    assert.equal(next(['0001-a-b.md', '0002-a-b.md', 'ADR-0007-c-d.md', '0012-diagram.png', 'README.md', '.0013.adr-new']), '0013-use-example-thing.md');
    assert.equal(next(['0001-a-b.md', '0001-dup-b.md', '0003-c-d.md']), '0004-use-example-thing.md');
  });

  it('an empty folder takes the collection defaults, or the shape of a template name', () => {
    assert.equal(next([]), '0001-use-example-thing.md');
    assert.equal(next(['README.md'], NEXT_TITLE, { naming: 'number', padding: 3, firstNumber: 0 }), '000-use-example-thing.md');
    assert.equal(next([], NEXT_TITLE, { naming: 'date', padding: 0, firstNumber: 1 }), '20261201-use-example-thing.md');
    assert.equal(next(['ADR-nnn_Title_Template.md', 'README.md']), 'ADR-001_Use_Example_Thing.md');
    assert.equal(next(['NNNN-adr-template.md']), '0001-use-example-thing.md');
    assert.equal(next(['000-template.md']), '001-use-example-thing.md');
    assert.equal(next(['adr_xxx_template.md']), 'adr_001_use_example_thing.md');
  });

  it('accents: kept where the folder keeps them, else stripped like adr-tools', () => {
    assert.equal(next(['0001-registrar-decisões-arquiteturais.md', '0002-arquitetura-hexagonal.md'], 'Decisão técnica'), '0003-decisão-técnica.md');
    assert.equal(next(['0001-use-x-y.md'], 'Decisão técnica'), '0002-decisao-tecnica.md');
    assert.equal(slugFor('Something About Node.JS', { wordSeparator: '-', slugCase: 'lower', ascii: true }), 'something-about-node-js');
    assert.equal(slugFor('!!!', { wordSeparator: '_', slugCase: 'title', ascii: true }), 'Untitled');
  });

  it('the next name matches the folder pattern (adding it changes nothing)', () => {
    const folders = [
      ['ADR-001_Title_With_Underscores.md', 'ADR-002_Use_Kafka.md'],
      ['adr-1.md', 'adr-2.md'],
      ['0000_snake_case.md', '0001_other_one.md'],
      ['20240516132303-use-markdown.md', '20250101101010-b-c.md'],
    ];
    for (const names of folders) {
      const before = inferNamingPattern(names, fallback);
      const after = inferNamingPattern([...names, next(names)], fallback);
      assert.deepEqual(after, before, names.join(' '));
    }
  });

  it('retitling and renumbering keep the name style', () => {
    assert.equal(renamedForTitle('ADR-002_Title_With_Underscores.md', 'Use Kafka for events'), 'ADR-002_Use_Kafka_For_Events.md');
    assert.equal(fileNameForTitle('0007-use-x.md', 'Use PostgreSQL'), '0007-use-postgresql.md');
    assert.equal(fileNameForTitle('20201016-use-x.md', 'Use Lunr'), '20201016-use-lunr.md');
    assert.equal(fileNameForTitle('0031_transport_layer.md', 'Keep layers apart'), '0031_keep_layers_apart.md');
    assert.equal(fileNameForTitle('adr-3.md', 'Anything'), 'adr-3.md');
    assert.equal(fileNameForTitle('notes.md', 'Anything'), 'notes.md');
    assert.equal(renumberedFileName('ADR-0007-x.md', 12), 'ADR-0012-x.md');
    assert.equal(renumberedFileName('7_x.md', 12), '12_x.md');
  });

  it('recordFileName writes each pattern', () => {
    const p = inferNamingPattern(['ADR-0001-a-b.md'], fallback);
    assert.equal(recordFileName(p, { number: 42, title: 'Use Z' }), 'ADR-0042-use-z.md');
    assert.throws(() => recordFileName(p, { title: 'Use Z' }), /needs a number/);
  });
});

/** Each fixture folder (test/fixtures/naming/<case>) and the name its next record gets. */
const FIXTURE_NEXT: Record<string, string> = {
  'adr-underscores': 'ADR-004_Use_Example_Thing.md',
  'adr-lower-prefix': 'adr-010-use-example-thing.md',
  'adr-upper-prefix': 'ADR-0011-use-example-thing.md',
  'padded-3': '004-use-example-thing.md',
  unpadded: '12-use-example-thing.md',
  slugless: 'adr-4.md',
  'snake-case': '0003_use_example_thing.md',
  'mixed-separators': '0007-use-example-thing.md',
  'dashed-dates': '2026-12-01-use-example-thing.md',
  'compact-dates': '20261201-use-example-thing-2.md',
  timestamps: `${STAMP}-use-example-thing.md`,
  'non-ascii': '0004-use-example-thing.md',
  'title-case': '003-Use-Example-Thing.md',
  'templates-only': 'ADR-001_Use_Example_Thing.md',
};

describe('the next record of every fixture folder: planned, created by createRecord, created by `new`', () => {
  it('has an expectation for every fixture folder', () => {
    const folders = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'declared').map((d) => d.name).sort();
    assert.deepEqual(folders, Object.keys(FIXTURE_NEXT).sort());
  });

  for (const [fixture, expected] of Object.entries(FIXTURE_NEXT)) {
    it(`${fixture}: ${expected}`, async () => {
      const fs = new MemoryFileSystem().copyFromDisk(nativeJoin(FIXTURES, fixture), '/repo/docs/adr');
      const { collections } = await discover(fs, '/repo');
      assert.equal(collections.length, 1);
      const c = collections[0]!;
      const names = (await fs.readDirectory(c.path)).map(([n]) => n);
      assert.equal(nextRecordFileName(names, { title: NEXT_TITLE, collection: c, date: TODAY, now: NOW }).fileName, expected, 'planned');
      const created = await createRecord(fs, new FixedClock(NOW), c, { title: NEXT_TITLE, date: TODAY });
      assert.equal(created.path, `${c.path}/${expected}`, 'createRecord');
      fs.remove(created.path);
      const r = await cli(fs, '/repo', ['new', NEXT_TITLE], { ADR_DATE: TODAY });
      assert.equal(r.code, 0, r.stderr);
      // The CLI's clock is its own: only timestamp names depend on it.
      if (fixture === 'timestamps') assert.match(r.stdout, /^docs\/adr\/\d{14}-use-example-thing\.md\n$/);
      else assert.equal(r.stdout, `docs/adr/${expected}\n`, 'new');
    });
  }
});

/** The shared corpora: every collection, and the name its next record gets (checked by hand). */
const CORPORA_NEXT: Record<string, Record<string, string>> = {
  'adr-tools': { 'doc/adr': '0010-use-example-thing.md' },
  'cloud-platform': { 'architecture-decision-record': '050-use-example-thing.md' },
  jabref: { 'docs/decisions': '0070-use-example-thing.md' },
  log4brains: {
    'docs/adr': '20261201-use-example-thing.md',
    'packages/core/docs/adr': '20261201-use-example-thing.md',
    'packages/web/docs/adr': '20261201-use-example-thing.md',
  },
  madr: { 'docs/decisions': '0019-use-example-thing.md' },
};

async function checkCorpus(base: string, corpus: string, want: Record<string, string | RegExp>, after: Record<string, string | undefined> = {}): Promise<void> {
  const fs = new MemoryFileSystem().copyFromDisk(nativeJoin(base, corpus), '/repo');
  const { collections } = await discover(fs, '/repo');
  assert.deepEqual(collections.map((c) => c.path.slice('/repo/'.length)).sort(), Object.keys(want).sort());
  for (const c of collections) {
    const folder = c.path.slice('/repo/'.length);
    const names = (await fs.readDirectory(c.path)).map(([n]) => n);
    const planned = nextRecordFileName(names, { title: NEXT_TITLE, collection: c, date: TODAY, now: NOW });
    const expected = want[folder]!;
    if (typeof expected === 'string') assert.equal(planned.fileName, expected, folder);
    else assert.match(planned.fileName, expected, folder);
    const last = after[folder];
    if (last !== undefined) assert.ok(planned.fileName > last, `${planned.fileName} sorts after ${last}`);
    assert.ok(!names.includes(planned.fileName), `${folder}: ${planned.fileName} exists`);
    if (planned.number !== null) assert.ok(!names.some((n) => parseFileName(n).number === planned.number), `${folder}: number ${planned.number} in use`);
    assert.deepEqual(inferNamingPattern([...names, planned.fileName], c), inferNamingPattern(names, c), `${folder}: the new name fits the pattern`);
    const created = await createRecord(fs, new FixedClock(NOW), c, { title: NEXT_TITLE, date: TODAY });
    assert.equal(created.path, `${c.path}/${planned.fileName}`, `${folder}: createRecord`);
  }
}

describe('the next record of every corpus collection', () => {
  (corporaAvailable() ? describe : describe.skip)('../shared/corpora', () => {
    for (const [corpus, want] of Object.entries(CORPORA_NEXT)) {
      it(`${corpus}: ${Object.values(want).join(', ')}`, () => checkCorpus(CORPORA, corpus, want));
    }
  });

  (corporaWildAvailable() ? describe : describe.skip)('../shared/corpora-wild (expectations: test/support/corporaWild.ts)', () => {
    for (const [corpus, expected] of Object.entries(CORPORA_WILD_EXPECTED)) {
      const want = Object.fromEntries(expected.folders.map((f) => [f.folder, f.next]));
      const after = Object.fromEntries(expected.folders.map((f) => [f.folder, f.nextAfter]));
      it(`${corpus}: ${expected.folders.map((f) => String(f.next)).join(', ')}`, () => checkCorpus(CORPORA_WILD, corpus, want, after));
    }
  });
});

describe('newest: the style voters without sorting the folder', () => {
  it('equals a stable sort by (number, id) and the last k, duplicates and all', () => {
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let round = 0; round < 200; round++) {
      const infos = Array.from({ length: rnd(40) }, (_, i) => ({ ...parseFileName(`${String(rnd(25)).padStart(4, '0')}-${'abc'[rnd(3)]}.md`), tag: i }));
      for (const k of [1, 3, 10]) {
        const expected = [...infos].sort((a, b) => (a.number ?? 0) - (b.number ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(-k);
        assert.deepEqual(newest(infos, k).map((r) => r.tag), expected.map((r) => r.tag));
      }
    }
  });
});
