/**
 * The whole-listing fast paths of the name readers (issue 15, flat cost): `summariseNames` (what
 * describing a collection and naming its next record need, read from all the names at once),
 * `highestNumber` over the joined names, and `newestRecordNames` answered by a summary. Each must
 * give what the per-name pass gives (`scanNames`, `recordNamesAt`, `newestRecordNames`, the plain
 * loop) on every folder of the shared corpora (../shared/corpora, ../shared/corpora-wild) and the
 * fixtures, each grown past the size where the fast path starts, and on fixtures of its own:
 * several widths, odd name patterns, gaps, duplicate numbers, templates, dates, names with line
 * breaks and accents.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { flag, parse, str, strs } from '../../src/cli/args';
import { describeCollection } from '../../src/core/discovery/layout';
import { list } from '../../src/core/discovery/walk';
import { newestRecordNames, parseFileName, recordNamesAt, rememberNewest } from '../../src/core/naming/fileName';
import { FAST_MIN, highestNumber, scanNames, scannedPattern, summariseNames, summaryOf, type PatternDefaults } from '../../src/core/naming/pattern';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { CORPUS_ROOTS, foldersUnder } from '../support/corpusFolders';

const ROOTS = CORPUS_ROOTS;
/** The files of every folder of the corpora and fixtures. */
const LISTINGS = ROOTS.flatMap((r) => foldersUnder(r)).map((f) => readdirSync(f, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)).filter((l) => l.length > 0);

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
/** `count` plain names `NNNN-slug.md` of `width` digits from `first`, `step` apart. */
function plain(count: number, width: number, first = 1, step = 1, slug = (n: number) => `generated-decision-${n}`): string[] {
  return Array.from({ length: count }, (_, i) => `${pad(first + i * step, width)}-${slug(first + i * step)}.md`);
}

/** A listing grown past the fast path's threshold in several ways, each a case of its own. */
function grown(listing: readonly string[]): string[][] {
  const width = /^\d{1,4}(?=[-_ .])/.exec([...listing].sort().find((n) => /^\d/.test(n)) ?? '')?.[0].length ?? 4;
  return [
    [...listing, ...plain(120, width, 200)],
    [...listing, ...plain(120, 4, 1)],
    [...listing, ...plain(90, 3, 5, 3)],
    [...plain(80, width, 1), ...listing],
  ];
}

/** Fixtures of our own: widths, gaps, duplicates, templates, dates, other shapes beside plain names. */
const FIXTURES: Record<string, string[]> = {
  'plain, 4 digits': plain(300, 4),
  'plain, 3 digits': plain(300, 3),
  'plain, 1 digit (mixed widths beyond 9)': plain(120, 1),
  'plain, 2 digits, from 0': plain(99, 2, 0),
  'beyond 9999 (10000-x.md beside 9999-y.md)': [...plain(200, 4, 9800), ...plain(3, 5, 10000)],
  'gaps': plain(150, 4, 1, 7),
  'duplicate numbers': [...plain(100, 4), ...plain(100, 4, 1, 1, (n) => `another-${n}`), '0050_underscore.md', '0050 space.md', '0050.md'],
  'same number, slugs that sort apart by id': [...plain(100, 4), '0100-a-b.md', '0100-a.md', '0100-a.MD', '0100-a.markdown'],
  'templates and index beside records': [...plain(100, 4), 'template.md', 'README.md', 'index.md', '0000-template.md', '0000-adr-template.md', '0001-template.md', 'adr-template.md', 'NNNN-adr-template.md', '0042-use-a-template-engine.md', 'Template-x.md'],
  'other files': [...plain(100, 4), '0012-diagram.png', '0101-diagram.svg', 'notes.txt', '.hidden.md', '.0101.adr-new', 'Makefile'],
  'prefixed and wide beside plain': [...plain(100, 4), 'ADR-0200-prefixed.md', 'adr-7.md', 'adr_0150_x.md', '00150-wide.md', '010000-zero-led-wide.md'],
  'a few dates beside plain': [...plain(100, 4), '2020-01-05-dated.md', '20201016-compact.md', '20240516132303-stamp.md', '1950-01-01-x.md'],
  'dates mostly': [...plain(40, 4), ...Array.from({ length: 80 }, (_, i) => `2020${pad(1 + (i % 12), 2)}${pad(1 + (i % 28), 2)}-d${i}.md`)],
  'date-like plain starts': [...plain(100, 4), '0001-ab-x.md', '1234-12-31x.md', '0123-45-67-x.md', '2020-13-45-x.md'],
  'odd separators and slugs': [...plain(100, 4), '0101.md', '0102-.md', '0103..md', '0104--double.md', '0105_Title_Words.md', '0106 - spaced.md', '0107.title.md', '0108-x.MD'],
  'unnumbered records': [...plain(100, 4), 'use-x.md', 'decision.md', '12a-x.md', 'x.md', 'a.md'],
  'upper case slugs': plain(100, 4, 1, 1, (n) => `USE-THING-${n}`),
  'title case, underscores': plain(100, 3, 1, 1, (n) => `Use_Thing_${n}`),
  'no slug': Array.from({ length: 100 }, (_, i) => `adr-${i + 1}.md`),
  'plain without slug': Array.from({ length: 100 }, (_, i) => `${pad(i + 1, 4)}.md`),
  'accents': [...plain(100, 4), '0101-registrar-decisões.md'],
  'line breaks in names': [...plain(100, 4), '0001-a\n99999-b.md', '0002-x\r.md', '0003-y\u2028z.md'],
  'a tab': [...plain(100, 4), '0101-tab\there.md'],
  'many other shapes': [...plain(70, 4), ...Array.from({ length: 70 }, (_, i) => `ADR-${pad(i + 500, 4)}-x.md`)],
  'only other shapes': Array.from({ length: 100 }, (_, i) => `ADR-${pad(i + 1, 3)}_Title.md`),
  'no records': Array.from({ length: 100 }, (_, i) => `notes-${i}.txt`),
  'hidden only beyond': [...plain(100, 4), '.9999-hidden.md'],
};

/** The fast path's threshold in these tests: low, so that the corpora's folders (grown a little) take it. */
const FROM = 64;

const DEFAULTS: PatternDefaults[] = [{ naming: 'number', padding: 4 }, { naming: 'date', padding: 0 }, { naming: 'number', padding: 2 }];

/** What the per-name pass says of `files`, for every question a summary answers. */
function perName(files: readonly string[], defaults: PatternDefaults) {
  const scan = scanNames(files, defaults);
  const n = scan.records.length;
  const ranks = [...new Set([0, n >> 1, n - 1, 1, n - 2, 7, n + 3, -1])];
  const entries = files.map((f) => [f, 'file'] as const);
  return {
    pattern: scan.pattern,
    lowest: scan.lowest,
    count: n,
    ranks,
    at: recordNamesAt(scan.records, ranks.filter((r) => r >= 0 && r < n)),
    newest: [0, 1, 5, 12].map((k) => newestRecordNames(entries, k)),
  };
}

function check(files: readonly string[], label: string): boolean {
  let fast = false;
  for (const defaults of DEFAULTS) {
    for (const order of [files, [...files].reverse(), [...files].sort()]) {
      const copy = [...order];
      const s = summariseNames(copy, defaults, FROM);
      if (!s) continue;
      fast = true;
      const want = perName(copy, defaults);
      assert.deepEqual(s.pattern, want.pattern, `${label}: pattern`);
      assert.equal(s.lowest, want.lowest, `${label}: lowest`);
      assert.equal(s.count, want.count, `${label}: records`);
      assert.deepEqual(s.at(want.ranks), want.at, `${label}: record order`);
      assert.deepEqual([0, 1, 5, 12].map((k) => s.newest(k)), want.newest, `${label}: newest`);
      assert.equal(summaryOf(copy), s);
      const others = new Set(s.others);
      for (const f of copy) if (!/^\d/.test(f)) assert.ok(others.has(f), `${label}: ${f} among the other shapes`);
      assert.deepEqual(scannedPattern(copy), want.pattern, `${label}: scannedPattern`);
    }
  }
  return fast;
}

/** The highest number as the plain loop reads it. */
function referenceHighest(names: readonly string[]): number | null {
  let max: number | null = null;
  for (const name of names) {
    const n = name.startsWith('.') ? null : parseFileName(name).number;
    if (n !== null && (max === null || n > max)) max = n;
  }
  return max;
}

function shuffled<T>(xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (i * 7919 + 13) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('flat cost: the whole-listing fast paths give what the per-name pass gives', () => {
  it('summariseNames on our fixtures: pattern, lowest, records, record order and newest as scanNames & co.', () => {
    const applied: string[] = [];
    for (const [label, files] of Object.entries(FIXTURES)) if (check(files, label)) applied.push(label);
    // The fast path must really run on the plain shapes (else this test would prove nothing) …
    for (const label of ['plain, 4 digits', 'plain, 3 digits', 'beyond 9999 (10000-x.md beside 9999-y.md)', 'duplicate numbers', 'templates and index beside records', 'other files',
      'prefixed and wide beside plain', 'a few dates beside plain', 'date-like plain starts', 'odd separators and slugs', 'unnumbered records', 'same number, slugs that sort apart by id']) {
      assert.ok(applied.includes(label), `fast path not taken: ${label}`);
    }
    // … and step aside where the per-name pass must read (accents, control characters, mostly other shapes).
    for (const label of ['accents', 'line breaks in names', 'a tab', 'many other shapes', 'only other shapes', 'no records', 'dates mostly']) {
      assert.ok(!applied.includes(label), `fast path taken: ${label}`);
    }
  });

  it('summariseNames on every folder of the corpora and fixtures, grown four ways past its threshold', () => {
    let applied = 0;
    let cases = 0;
    for (const listing of LISTINGS) {
      for (const files of [listing, ...grown(listing)]) {
        cases++;
        if (check(files, files.slice(0, 3).join(', '))) applied++;
      }
    }
    assert.ok(cases > 40, `${cases} cases`);
    assert.ok(applied > cases / 3, `fast path taken in ${applied} of ${cases} cases`);
  });

  it('summariseNames leaves small folders to the per-name pass', () => {
    assert.equal(summariseNames(plain(FAST_MIN - 1, 4), { naming: 'number', padding: 4 }), undefined);
    assert.ok(summariseNames(plain(FAST_MIN, 4), { naming: 'number', padding: 4 }));
    assert.equal(summariseNames(plain(63, 4), { naming: 'number', padding: 4 }, FROM), undefined);
  });

  it('highestNumber over the joined names: the plain loop\'s answer, in any order, line breaks and all', () => {
    const lists = [
      ...LISTINGS.flatMap((l) => grown(l)),
      ...Object.values(FIXTURES),
      [...plain(100, 4), '0001-a\n99999-b.md'], // a fragment of a name is no name
      [...plain(100, 4), 'x\r99999.md', '0101-y\u2029123456-z.md'],
      [...plain(100, 4), '.99999.adr-new', '99999999999999999999-x.md', '1234567890123456-x.md', '123456789012345-x.md'],
      [...plain(100, 4), '20201016-x.md', '2020-10-16-x.md', '12345678-x.md', '0012-diagram.png', 'ADR-0500.md', 'adr7-x.md', 'ADR--900.md', 'madr-999.md'],
      [...plain(100, 4), '000000101-zeros.md', '0000-x.md'],
      Array.from({ length: 100 }, (_, i) => `${pad(i, 2)}-x.md`),
      Array.from({ length: 100 }, (_, i) => `notes-${i}.txt`),
      [...Array.from({ length: 100 }, (_, i) => `notes-${i}.txt`), '0.md'],
    ];
    for (const names of lists) {
      const want = referenceHighest(names);
      for (const order of [names, [...names].reverse(), [...names].sort(), shuffled(names)]) {
        assert.equal(highestNumber(order, FROM), want, order.slice(0, 3).join(', '));
        assert.equal(highestNumber(order), want, order.slice(0, 3).join(', '));
      }
    }
  });

  it('newestRecordNames answers from a summary only for the very entries it was told of', () => {
    const files = [...plain(200, 4), '10000-wide.md', 'README.md', '20201016-x.md', 'template.md'];
    const s = summariseNames(files, { naming: 'number', padding: 4 }, FROM)!;
    assert.ok(s);
    const entries = [...files.map((f) => [f, 'file'] as const), ['0999-a-folder', 'directory'] as const];
    const want = [0, 1, 5, 12].map((k) => newestRecordNames(entries, k));
    rememberNewest(entries, s.newest);
    assert.deepEqual([0, 1, 5, 12].map((k) => newestRecordNames(entries, k)), want);
    assert.deepEqual(newestRecordNames([...entries], 5), want[2], 'another array is read in full');
  });

  it('describeCollection on a large folder on disk: the numbering the per-name pass reads, and the dialect of its records', async () => {
    const root = mkdtempSync(join(tmpdir(), 'adrw-fast-'));
    try {
      const fs = new NodeFileSystem();
      const cases: Record<string, { names: string[]; text: (n: string) => string; dialect: string }> = {
        nygard: { names: [...plain(600, 4), '10000-wide.md', 'README.md'], text: (n) => `# ${parseFileName(n).number}. X\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n`, dialect: 'adr-tools' },
        madr: { names: [...plain(520, 4, 0), 'index.md', 'template.md'], text: () => '---\nstatus: accepted\n---\n\n# X\n\n## Context and Problem Statement\n\nx\n', dialect: 'madr' },
        readme: { names: [...plain(500, 4), 'Readme.md', 'notes.txt'], text: (n) => `# ${parseFileName(n).number ?? 0}. X\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n`, dialect: 'adr-tools' },
        indexes: { names: [...plain(500, 4), 'Index.md', 'readme.MD'], text: (n) => `# ${parseFileName(n).number ?? 0}. X\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n`, dialect: 'adr-tools' },
        three: { names: [...plain(500, 3, 1, 2), 'adr-template.md'], text: () => '# X\n\n* Status: accepted\n* Date: 2020-01-01\n\n## Context and Problem Statement\n\nx\n', dialect: 'madr' },
      };
      for (const [label, c] of Object.entries(cases)) {
        const dir = join(root, label);
        mkdirSync(dir);
        mkdirSync(join(dir, '0500-a-folder.md'));
        for (const name of c.names) writeFileSync(join(dir, name), c.text(name));
        const listing = (await list(fs, dir))!;
        const collection = await describeCollection(fs, dir, 'convention', label, listing);
        assert.ok(summaryOf(listing.files), `${label}: summarised`);
        const scan = scanNames([...listing.files], { naming: 'number', padding: 4 });
        assert.equal(collection.naming, scan.pattern.kind, label);
        assert.equal(collection.padding, scan.pattern.padding, label);
        assert.equal(collection.firstNumber, scan.lowest !== null && scan.lowest <= 1 ? scan.lowest : collection.dialect === 'madr' ? 0 : 1, label);
        assert.equal(collection.dialect, c.dialect, label);
        const indexFile = ['README.md', 'index.md'].find((n) => listing.files.includes(n)) ?? listing.files.find((f) => /^(readme|index)\.md$/i.test(f));
        assert.equal(collection.indexPath, indexFile === undefined ? undefined : join(dir, indexFile), label);
        assert.equal(highestNumber(listing.entries!.map(([n]) => n)), referenceHighest(listing.entries!.map(([n]) => n)), label);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('flat cost: a command line without arguments is not handed to Node\'s parser', () => {
  it('parse(command, [], options) gives what util.parseArgs gives, for every option table of the commands', () => {
    const tables: NonNullable<ParseArgsConfig['options']>[] = [
      {},
      { json: { type: 'boolean' }, status: { type: 'string', multiple: true }, tag: { type: 'string', multiple: true } },
      { supersede: { type: 'string', short: 's', multiple: true }, link: { type: 'string', short: 'l', multiple: true }, template: { type: 'string' }, collection: { type: 'string' } },
      { check: { type: 'boolean' }, status: { type: 'boolean' }, collection: { type: 'string' } },
    ];
    for (const options of tables) {
      const want = parseArgs({ args: [], options, allowPositionals: true, strict: true });
      const got = parse('x', [], options);
      assert.deepEqual({ ...got.values }, { ...want.values });
      assert.deepEqual(got.positionals, want.positionals);
      for (const name of Object.keys(options)) {
        assert.equal(str(got, name), undefined);
        assert.deepEqual(strs(got, name), []);
        assert.equal(flag(got, name), false);
      }
    }
    // Defaults are Node's to fill in.
    assert.deepEqual({ ...parse('x', [], { n: { type: 'string', default: '5' } }).values }, { n: '5' });
    assert.throws(() => parse('x', ['--nope'], {}), /x: Unknown option '--nope'/);
  });
});
