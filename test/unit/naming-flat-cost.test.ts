/**
 * The flat-cost readers of record names (issue 15): `parseFileName` with its first-character
 * checks and memo, `scanNames` (a folder's pattern, records and lowest number in one pass),
 * `sortRecordNames` and `recordNamesAt` (record order without a comparator sort). Each is checked
 * against the plain definition it replaces, written out here: on every name of every folder of the
 * shared corpora (../shared/corpora, ../shared/corpora-wild), on the naming fixtures, and on
 * generated names.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { discover } from '../../src/core/discovery';
import { describeCollection } from '../../src/core/discovery/layout';
import { list } from '../../src/core/discovery/walk';
import type { Collection } from '../../src/core/model';
import {
  compareRecordNames, highestNumber, inferNamingPattern, isRecordFile, isTemplateName, newestRecordNames, nextRecordFileName, parseFileName, readRecordName, recordNamesAt,
  scanNames, scannedPattern, sortRecordNames, type FileNameInfo, type NamingPattern,
} from '../../src/core/naming';
import { orderNumber, plainRead, readPlainRecordName } from '../../src/core/naming/fileName';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { CORPUS_ROOTS, foldersUnder } from '../support/corpusFolders';

// --- The definitions, as they read before the fast paths (one regex after another, every call). ---

const DASHED_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:([-_ .]+)(.*))?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})((?:\d{2}){2,3})?(?:([-_ .]+)(.*))?$/;
const NUMBERED = /^((?:adr)[-_ ]?)?(\d{1,15})(?:([-_ .]+)(.*))?$/i;
const PLACEHOLDER = /^((?:adr)[-_ ]?)?(n{2,}|x{2,}|#{2,}|y{4}-?m{2}-?d{2})(?:[-_ .]|$)/i;
const TEMPLATE_ID = /^(?:adr[-_ ]?|madr[-_ ]?)?template(?:$|[-_ .])/i;
const TEMPLATE_WORD = /(?:^|[-_ .])template(?:$|[-_ .])/i;
const TEMPLATE_SLUG = /^(?:adr[-_ ]?|madr[-_ ]?)?template$/i;

function plausibleDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  return d <= [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

function plausibleTime(t: string): boolean {
  return Number(t.slice(0, 2)) < 24 && Number(t.slice(2, 4)) < 60 && (t.length > 4 ? Number(t.slice(4, 6)) : 0) < 60;
}

function referenceParse(fileName: string): FileNameInfo {
  const id = fileName.replace(/\.(md|markdown)$/i, '');
  const none = { number: null, numberText: null, date: null, dateStyle: null, dateText: null };
  const dashed = DASHED_DATE.exec(id);
  if (dashed && plausibleDate(Number(dashed[1]), Number(dashed[2]), Number(dashed[3]))) {
    const date = `${dashed[1]}-${dashed[2]}-${dashed[3]}`;
    return { id, kind: 'date', ...none, date, dateStyle: 'dashed', dateText: date, prefix: '', separator: dashed[4] ?? '', slug: dashed[5] ?? '' };
  }
  const c = COMPACT_DATE.exec(id);
  if (c && plausibleDate(Number(c[1]), Number(c[2]), Number(c[3])) && (c[4] === undefined || plausibleTime(c[4]))) {
    return {
      id, kind: 'date', ...none, date: `${c[1]}-${c[2]}-${c[3]}`, dateStyle: c[4] === undefined ? 'compact' : 'timestamp',
      dateText: `${c[1]}${c[2]}${c[3]}${c[4] ?? ''}`, prefix: '', separator: c[5] ?? '', slug: c[6] ?? '',
    };
  }
  const n = NUMBERED.exec(id);
  if (n && Number.isSafeInteger(Number.parseInt(n[2]!, 10))) {
    return { id, kind: 'number', ...none, number: Number.parseInt(n[2]!, 10), numberText: n[2]!, prefix: n[1] ?? '', separator: n[3] ?? '', slug: n[4] ?? '' };
  }
  return { id, kind: 'none', ...none, prefix: '', separator: '', slug: id };
}

function referenceIsTemplate(info: FileNameInfo): boolean {
  if (TEMPLATE_ID.test(info.id) || PLACEHOLDER.test(info.id)) return true;
  if (info.kind !== 'number') return false;
  return (/^0+$/.test(info.numberText!) && TEMPLATE_WORD.test(info.slug)) || TEMPLATE_SLUG.test(info.slug);
}

function referenceIsRecord(name: string): boolean {
  if (name.startsWith('.') || !/\.md$/i.test(name)) return false;
  const info = referenceParse(name);
  return !/^(?:readme|index)$/i.test(info.id) && !referenceIsTemplate(info);
}

function referenceCompare(a: string, b: string): number {
  const order = (s: string): number | null => {
    const m = /^(?:adr[-_ ]?)?(\d+)/i.exec(s);
    return m ? Number(m[1]) : null;
  };
  const na = order(a);
  const nb = order(b);
  if (na !== null && nb !== null && na !== nb) return na - nb;
  if ((na === null) !== (nb === null)) return na !== null ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The records of a listing, sorted, their lowest number, and the padding as the plain definition reads them. */
function referenceScan(names: readonly string[]): { records: string[]; lowest: number | null; padding: number | undefined; kind: 'number' | 'date' | undefined } {
  const records = names.filter(referenceIsRecord);
  const infos = records.map(referenceParse).filter((r) => r.kind !== 'none');
  const numbers = infos.filter((r) => r.number !== null).map((r) => r.number!);
  const dated = infos.filter((r) => r.kind === 'date').length;
  const kind = infos.length === 0 ? undefined : dated * 2 > infos.length ? 'date' : 'number';
  const digits = infos.filter((r) => r.kind === 'number').map((r) => r.numberText!);
  const padded = digits.filter((d) => d.length > 1 && d.startsWith('0'));
  const widest = (ws: number[]): number | undefined => {
    const counts = new Map<number, number>();
    for (const w of ws) counts.set(w, (counts.get(w) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
  };
  const widths = new Set(digits.map((d) => d.length));
  const padding = padded.length > 0 ? widest(padded.map((d) => d.length)) : widths.size > 1 ? 1 : widest([...widths]);
  return { records, lowest: numbers.length > 0 ? Math.min(...numbers) : null, padding, kind };
}

// --- Names to check: every entry of every folder of the corpora and fixtures, plus edge cases. ---

const ROOTS = CORPUS_ROOTS;
const FOLDERS = ROOTS.flatMap((r) => foldersUnder(r));
const LISTINGS = FOLDERS.map((f) => readdirSync(f)).filter((l) => l.length > 0);

const EDGE_NAMES = [
  '', '.', '.md', 'md', 'a', 'adr', 'adr-', 'adr-7.md', 'ADR--7.md', 'adr_x.md', 'adrx.md', 'adr7-x.md', 'Adr 12 x.md', 'ADR-0012.MD',
  '1950-01-01-x.md', '1950-01-01.md', '2021-02-30-x.md', '20201016.md', '2024051613230.md', '20240516256103-x.md', '12345678-x.md',
  'NNNN-adr-template.md', 'ADR-nnn_Title_Template.md', 'yyyy-mm-dd-x.md', 'YYYYMMDD-x.md', '#####-x.md', 'xxxx.md', 'xx', 'n-x.md',
  '000-template.md', '00-template.md', '0-template.md', '001-template.md', '007-Template.md', '0001-adr-template.md', '0001-madr_template.md',
  '0012-use-a-template-engine.md', 'template.md', 'TEMPLATE.md', 'template-nygard.md', 'madr-template.md', 'adr-template-bare.md',
  'README.md', 'readme.MD', 'index.md', 'Index.md', 'indexes.md', 'x.markdown', 'X.MarkDown', '0001-x.markdown', '0001-x.MD', '.0001-x.md',
  '99999999999999999999-x.md', '1234567890123456-x.md', '123456789012345-x.md', '0012-diagram.png', '0001-registrar-decisões.md',
  '0001 title with spaces.md', '0001.title.md', '0001--double.md', '0001-\n.md', 'Ⅻ-x.md', '٣-x.md', 'ａｄｒ-1.md',
  // The regex-free reading of `NNNN-slug` (one to four digits): every way it can end.
  '12a-x.md', '0001a.md', '1.md', '1', '0001-.md', '0001-x\r.md', '0001-x\u2028y.md', '0001\u2029.md', '1- -x.md', '0001 - x.md',
  '0001-.-_ x.md', '0001x', '9999-x.md', '01234-x.md', '0123-45-67-x.md', '1234-12-31x.md', '2020-1-1-x.md', '007_Title_Words.MD',
];

/** Generated names: prefixes, numbers and dates, separators, slugs and extensions combined. */
function generatedNames(): string[] {
  const heads = ['', 'adr', 'ADR-', 'adr_', 'Adr ', 'madr-', 'x', 'n', 'NN', 'yyyy-mm-dd', '#'];
  const cores = ['0', '00', '007', '0012', '12', '1999', '2020-10-16', '2020-13-01', '20201016', '20201016093005', '20201016250000', '9'.repeat(16), 'template', 'TEMPLATE'];
  const seps = ['', '-', '_', ' ', '.', '--'];
  const slugs = ['', 'x', 'use-postgresql', 'Title_Words', 'template', 'adr-template', 'décision'];
  const exts = ['.md', '.MD', '.markdown', '.txt', ''];
  const out: string[] = [];
  for (const h of heads) for (const c of cores) for (const s of seps) for (const g of slugs) for (const e of exts) out.push(`${h}${c}${s}${g}${e}`);
  return out;
}

const ALL_NAMES = [...new Set([...LISTINGS.flat(), ...EDGE_NAMES, ...generatedNames()])];

describe('flat cost: the fast name readers agree with the plain definitions', () => {
  it(`parseFileName, readRecordName, isTemplateName: ${ALL_NAMES.length} names, each read twice (the memo)`, () => {
    for (const name of ALL_NAMES) {
      const want = referenceParse(name);
      assert.deepEqual({ ...parseFileName(name) }, want, name);
      assert.deepEqual({ ...parseFileName(name) }, want, `${name} (again)`);
      assert.equal(isTemplateName(name), referenceIsTemplate(want), name);
      assert.equal(isRecordFile(name), referenceIsRecord(name), name);
      assert.equal(readRecordName(name) === undefined, !referenceIsRecord(name), name);
    }
  });

  it('parseFileName hands out frozen infos: one caller cannot change what another reads', () => {
    const info = parseFileName('0007-use-postgresql.md');
    assert.ok(Object.isFrozen(info));
    assert.equal(parseFileName('0007-use-postgresql.md'), info);
  });

  it('compareRecordNames orders every pair of names as the regex definition', () => {
    const sample = [...EDGE_NAMES, ...ALL_NAMES.filter((_, i) => i % 43 === 0)];
    for (const a of sample) for (const b of sample) assert.equal(Math.sign(compareRecordNames(a, b)), Math.sign(referenceCompare(a, b)), `${a} / ${b}`);
  });

  it('sortRecordNames gives the comparator sort, sorted or not (every listing, reversed, and all names)', () => {
    for (const listing of [...LISTINGS, ALL_NAMES]) {
      const want = [...listing].sort(referenceCompare);
      assert.deepEqual(sortRecordNames(listing), want);
      assert.deepEqual(sortRecordNames([...listing].reverse()), want);
      assert.deepEqual(sortRecordNames([...listing].sort()), want);
    }
  });

  it('recordNamesAt picks the names at any rank of the sorted order without sorting', () => {
    const lists = [...LISTINGS, ALL_NAMES, ['10000-x.md', '9999-y.md', '1000-z.md', '0010-a.md', '010-b.md', '10-c.md', 'x.md', 'a.md']];
    for (const listing of lists) {
      const sorted = [...listing].sort(referenceCompare);
      const ranks = [0, listing.length >> 1, listing.length - 1, 1, listing.length - 2].filter((r) => r >= 0 && r < listing.length);
      assert.deepEqual(recordNamesAt(listing, ranks), ranks.map((r) => sorted[r]), listing.slice(0, 5).join(', '));
      assert.deepEqual(recordNamesAt([...listing].reverse(), ranks), ranks.map((r) => sorted[r]));
      // With the order numbers scanNames read beside its records: the same picks among those records.
      const scan = scanNames([...listing].reverse(), { naming: 'number', padding: 4 });
      assert.deepEqual(scan.keys, scan.records.map((r) => orderNumber(r)));
      assert.deepEqual(recordNamesAt(scan.records, ranks, scan.keys), recordNamesAt(scan.records, ranks));
    }
    assert.deepEqual(recordNamesAt([], [0]), []);
    assert.deepEqual(recordNamesAt(['a.md'], [0, 5, -1]), ['a.md']);
  });

  it('readPlainRecordName: where it reads a name, what readRecordName reads; every other name is left to it', () => {
    let plain = 0;
    for (const name of ALL_NAMES) {
      const got = readPlainRecordName(name);
      if (got === undefined) continue;
      plain++;
      const want = readRecordName(name);
      if (got === 'template') {
        assert.equal(want, undefined, name);
      } else {
        assert.equal(want?.kind, 'number', name);
        assert.deepEqual({ ...plainRead }, { number: want!.number, digits: want!.numberText!.length, zeroLed: want!.numberText!.startsWith('0') }, name);
      }
    }
    assert.ok(plain > 500, `${plain} names read the plain way`);
  });

  it('highestNumber: the highest number any entry carries (hidden ones aside), whatever the order of the names', () => {
    for (const listing of [...LISTINGS, ALL_NAMES, ['0012-diagram.png', '0003-x.md', '.0099.adr-new', '2020-10-16-x.md', 'adr-7.md', '20201016-x.md']]) {
      let want: number | null = null;
      for (const name of listing) {
        const n = name.startsWith('.') ? null : referenceParse(name).number;
        if (n !== null && (want === null || n > want)) want = n;
      }
      for (const order of [listing, [...listing].reverse(), [...listing].sort()]) assert.equal(highestNumber(order), want, order.slice(0, 3).join(', '));
    }
  });

  it('newestRecordNames: the last files of the sorted order that are numbered or dated records, newest first', () => {
    const lists = [...LISTINGS, ALL_NAMES, ['10000-x.md', '9999-y.md', '1000-z.md', '0010-a.md', '010-b.md', '10-c.md', 'x.md', 'a.md', 'README.md', '20201016-x.md']];
    for (const listing of lists) {
      for (const order of [listing, [...listing].reverse(), [...listing].sort()]) {
        // Every tenth entry a folder: never taken, whatever its name.
        const entries = order.map((name, i) => [name, i % 10 === 3 ? 'directory' : 'file'] as const);
        const records = entries.filter(([name, kind]) => kind === 'file' && ['number', 'date'].includes(readRecordName(name)?.kind ?? ''));
        const sorted = records.map(([name]) => name).sort(referenceCompare).reverse();
        for (const count of [0, 1, 5, 12]) assert.deepEqual(newestRecordNames(entries, count), sorted.slice(0, count), `${count}: ${order.slice(0, 3).join(', ')}`);
      }
    }
  });

  it('scanNames: the records, lowest number, kind and padding of every listing, as the plain definition', () => {
    for (const listing of [...LISTINGS, ALL_NAMES]) {
      const scan = scanNames(listing, { naming: 'number', padding: 4 });
      const want = referenceScan(listing);
      assert.deepEqual(scan.records, want.records);
      assert.equal(scan.lowest, want.lowest);
      if (want.kind !== undefined) assert.equal(scan.pattern.kind, want.kind);
      if (want.kind === 'number') assert.equal(scan.pattern.padding, want.padding ?? 4, listing.slice(0, 5).join(', '));
      assert.deepEqual(scan.pattern, inferNamingPattern(listing, { naming: 'number', padding: 4 }));
      for (const order of [listing, [...listing].reverse(), [...listing].sort()]) {
        const s2 = scanNames(order, { naming: 'number', padding: 4 });
        assert.equal(s2.ordered, JSON.stringify(s2.records) === JSON.stringify([...s2.records].sort(referenceCompare)), order.slice(0, 3).join(', '));
      }
    }
  });

  it('scanNames: a folder\'s pattern does not depend on the order its names are listed in', () => {
    for (const listing of LISTINGS) {
      const ids = listing.map((n) => n.replace(/\.(md|markdown)$/i, ''));
      if (new Set(ids).size !== ids.length) continue; // `x.md` beside `x.markdown`: a tie, kept in listing order
      const want = scanNames(listing, { naming: 'number', padding: 4 }).pattern;
      for (const order of [[...listing].reverse(), [...listing].sort(), [...listing].sort(referenceCompare)]) {
        assert.deepEqual(scanNames(order, { naming: 'number', padding: 4 }).pattern, want, listing.slice(0, 3).join(', '));
      }
    }
  });

  it('scannedPattern: the pattern inferNamingPattern gives, for the very listing scanned with records, whatever the defaults; else nothing', () => {
    let hits = 0;
    for (const listing of LISTINGS) {
      const names = [...listing];
      assert.equal(scannedPattern(names), undefined, 'nothing before a scan');
      const scan = scanNames(names, { naming: 'date', padding: 7 });
      const found = scannedPattern(names);
      if (scan.records.every((r) => parseFileName(r).kind === 'none')) {
        assert.equal(found, undefined, `no records, no reuse: ${names.join(', ')}`);
        continue;
      }
      hits++;
      for (const defaults of [{ naming: 'number', padding: 4 }, { naming: 'date', padding: 0 }, { naming: 'number', padding: 2 }] as const) {
        assert.deepEqual(found, inferNamingPattern(names, defaults), names.join(', '));
        assert.deepEqual(found, inferNamingPattern([...names].reverse(), defaults), 'order does not matter');
      }
      assert.equal(scannedPattern([...names]), undefined, 'another array (same names) is not reused');
      names.push('9999-added-later.md');
      assert.equal(scannedPattern(names), undefined, 'a listing that changed length is not reused');
    }
    assert.ok(hits > 5, `only ${hits} listings with records`);
  });

  it('padding: the width most zero-padded numbers have (ties: the wider); unpadded mixed widths are 1', () => {
    const padding = (names: string[]): number => scanNames(names, { naming: 'number', padding: 4 }).pattern.padding;
    assert.equal(padding(['001-a.md', '002-b.md', '0003-c.md']), 3);
    assert.equal(padding(['001-a.md', '0002-b.md']), 4);
    assert.equal(padding(['1-a.md', '2-b.md', '10-c.md']), 1);
    assert.equal(padding(['10-a.md', '11-b.md']), 2);
    assert.equal(padding(['9-a.md', '10-b.md', '0011-c.md']), 4);
    assert.equal(padding(['20201016-a.md']), 0); // dated: no padding
    assert.equal(padding(['README.md']), 4); // no record: the default
  });
});

describe('flat cost: one pass gives the collection and the next name that every reader gave', () => {
  const fs = new NodeFileSystem();

  /** The pattern as the plain definition infers it: parse everything, sort, take the newest ten. */
  function referencePattern(names: readonly string[], c: Collection): Pick<NamingPattern, 'kind' | 'padding'> {
    const scan = referenceScan(names);
    if (scan.kind === undefined) return { kind: inferNamingPattern([], c).kind, padding: inferNamingPattern([], c).padding };
    return { kind: scan.kind, padding: scan.kind === 'date' ? 0 : scan.padding ?? c.padding };
  }

  for (const root of ROOTS) {
    it(`every collection under ${root.split('/').slice(-2).join('/')}: first number, records and next name`, async function () {
      this.timeout(60_000);
      let checked = 0;
      for (const top of readdirSync(root).map((n) => join(root, n)).filter((p) => statSync(p).isDirectory())) {
        for (const c of (await discover(fs, top)).collections) {
          const listing = await list(fs, c.path);
          if (!listing) continue;
          const again = await describeCollection(fs, c.path, c.source, c.name, listing);
          assert.deepEqual({ ...again, statusVocabulary: undefined }, { ...c, statusVocabulary: undefined });
          const want = referenceScan(listing.files);
          if (want.lowest !== null && want.lowest <= 1) assert.equal(c.firstNumber, want.lowest, c.path);
          const names = (await fs.readDirectory(c.path)).map(([n]) => n);
          const pattern = inferNamingPattern(names, c);
          const ref = referencePattern(names, c);
          assert.equal(pattern.kind, ref.kind, c.path);
          if (pattern.kind === 'number') {
            assert.equal(pattern.padding, ref.padding, c.path);
            const next = nextRecordFileName(names, { title: 'Flat cost check', collection: c, pattern });
            const highest = Math.max(...names.filter((n) => !n.startsWith('.')).map((n) => referenceParse(n).number ?? -Infinity));
            assert.equal(next.number, Number.isFinite(highest) ? Math.max(highest + 1, c.firstNumber) : c.firstNumber, c.path);
            assert.ok(!names.some((n) => !n.startsWith('.') && referenceParse(n).number === next.number), `${c.path}: ${next.fileName} takes a number in use`);
          }
          checked++;
        }
      }
      assert.ok(checked > 0, `no collection under ${root}`);
    });
  }
});
