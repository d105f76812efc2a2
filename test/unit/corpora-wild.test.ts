/**
 * The six wild collections (../shared/corpora-wild): discovery finds each collection, and both
 * readers (the line scanner and the full remark parse) read every record's number, title, status,
 * date and supersede relations as a careful person does. The expectations live in
 * test/support/corporaWild.ts, written by reading every file; this file only compares.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join as nativeJoin } from 'node:path';
import { discover, listRecordFiles } from '../../src/core/discovery';
import { parseRecord } from '../../src/core/parse/record';
import { decodeText } from '../../src/core/text';
import type { AdrRecord, Collection } from '../../src/core/model';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import {
  CORPORA_WILD,
  CORPORA_WILD_COUNTS,
  CORPORA_WILD_EXPECTED,
  NEXT_TITLE,
  corporaWildAvailable,
  wildFolderPath,
  type WildFolder,
  type WildRecord,
} from '../support/corporaWild';

const ROOT = '/repo';
const SUPERSEDE = new Set(['supersedes', 'superseded-by']);

/** A relation target as the expectations write it: a file name, or a record number. */
function canonTarget(target: string): string {
  const t = target.replace(/#.*$/, '').trim();
  if (/\.md$/i.test(t)) return t.slice(t.lastIndexOf('/') + 1);
  const digits = /\d+/.exec(t);
  return digits ? String(Number.parseInt(digits[0], 10)) : t;
}

/**
 * A linked file where the expectation names a record number (`ADR 0008` written without a link, the
 * parser resolving it to `0008-x.md`) compares as that number: the reader's target is the same record.
 */
function asExpected(target: string, expected: WildRecord): string {
  const n = /^(?:adr[-_]?)?(\d+)[-_].*\.md$/i.exec(target);
  const wantedTargets = (expected.relations ?? []).map((r) => r.target);
  if (n && !wantedTargets.includes(target) && wantedTargets.includes(String(Number.parseInt(n[1]!, 10)))) return String(Number.parseInt(n[1]!, 10));
  return target;
}

const ws = (s: string): string => s.replace(/\s+/g, ' ').trim();
const sortBy = <T>(xs: T[], key: (x: T) => string): T[] => [...xs].sort((a, b) => key(a).localeCompare(key(b)));

/** What the reader is compared on: only the fields an expectation states. */
function view(record: AdrRecord, expected: WildRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    number: record.number,
    title: ws(record.title),
    status: record.status,
    date: record.date,
    relations: sortBy(
      [...new Map(record.relations.filter((r) => SUPERSEDE.has(r.type)).map((r) => {
        const v = { type: r.type, target: asExpected(canonTarget(r.target), expected) };
        return [`${v.type} ${v.target}`, v] as const;
      })).values()],
      (r) => `${r.type} ${r.target}`,
    ),
  };
  if (expected.otherRelations) {
    out.otherRelations = sortBy(
      record.relations.filter((r) => !SUPERSEDE.has(r.type) && r.source === 'front-matter').map((r) => ({ verb: r.verb, target: canonTarget(r.target) })),
      (r) => `${r.verb} ${r.target}`,
    );
  }
  if (expected.deciders) out.deciders = [...record.deciders];
  if (expected.tags) out.tags = [...record.tags];
  return out;
}

function wanted(expected: WildRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    number: expected.number,
    title: ws(expected.title),
    status: expected.status,
    date: expected.date,
    relations: sortBy([...(expected.relations ?? [])], (r) => `${r.type} ${r.target}`),
  };
  if (expected.otherRelations) out.otherRelations = sortBy([...expected.otherRelations], (r) => `${r.verb} ${r.target}`);
  if (expected.deciders) out.deciders = [...expected.deciders];
  if (expected.tags) out.tags = [...expected.tags];
  return out;
}

function read(corpus: string, folder: WildFolder, file: string): { text: string; bom: boolean } {
  const path = nativeJoin(wildFolderPath(corpus, folder), file);
  return decodeText(readFileSync(path), path);
}

function parseBoth(corpus: string, folder: WildFolder, file: string, collection: Collection | undefined): { scan: AdrRecord; full: AdrRecord } {
  const { text, bom } = read(corpus, folder, file);
  const path = `${ROOT}/${folder.folder}/${file}`;
  const ctx = { path, bom, collection: collection?.path ?? `${ROOT}/${folder.folder}`, ...(collection ? { collectionDialect: collection.dialect } : {}) };
  return { scan: parseRecord(text, { ...ctx, mode: 'scan' }), full: parseRecord(text, { ...ctx, mode: 'full' }) };
}


/** Records whose MADR version (3 or 4) only their siblings tell: they must read as MADR, and as the
 * same version in both readers. */
const SAME_FAMILY_ONLY = new Set([
  'zero-logement-vacant/docs/decisions/20240516132303-use-markdown-any-decision-records.md',
  'looms/docs/src/adrs/0020-release-workflow.md',
]);

describe('the wild corpora, read as a careful person reads them', () => {
  it(`are present at ${CORPORA_WILD} (set ADRW_CORPORA_WILD to move them)`, () => {
    assert.ok(corporaWildAvailable(), `missing ${CORPORA_WILD}`);
  });

  it('every record of every wild corpus has an expectation (the counts of the corpora README)', () => {
    for (const [corpus, count] of Object.entries(CORPORA_WILD_COUNTS)) {
      const expected = CORPORA_WILD_EXPECTED[corpus];
      assert.ok(expected, `no expectations for ${corpus}`);
      assert.equal(expected.folders.reduce((n, f) => n + f.records.length, 0), count, corpus);
    }
  });

  for (const [corpus, expected] of Object.entries(CORPORA_WILD_EXPECTED)) {
    describe(corpus, () => {
      let collections: Collection[] = [];
      let fs: MemoryFileSystem;
      const byFolder = (folder: WildFolder): Collection | undefined => collections.find((c) => c.path === `${ROOT}/${folder.folder}`);

      before(async () => {
        fs = new MemoryFileSystem().copyFromDisk(nativeJoin(CORPORA_WILD, corpus), ROOT);
        try {
          collections = (await discover(fs, ROOT)).collections;
        } catch {
          collections = []; // the discovery test below reports it; records are still read
        }
      });

      const folderList = expected.folders.map((f) => `${f.folder} (${f.records.length})`).join(', ');
      it(`discovery finds ${folderList} and nothing else`, async () => {
        const { collections: found, problems } = await discover(fs, ROOT);
        assert.deepEqual(problems, []);
        const got = await Promise.all(
          found.map(async (c) => ({ folder: c.path.slice(ROOT.length + 1), records: (await listRecordFiles(fs, c)).length })),
        );
        assert.deepEqual(
          sortBy(got, (g) => g.folder),
          sortBy(expected.folders.map((f) => ({ folder: f.folder, records: f.records.length })), (g) => g.folder),
        );
        for (const f of expected.folders) {
          const c = found.find((x) => x.path === `${ROOT}/${f.folder}`)!;
          assert.ok(f.sources.includes(c.source), `${f.folder}: found by ${c.source}, expected ${f.sources.join(' or ')}`);
        }
      });

      for (const folder of expected.folders) {
        it(`${folder.folder}: the record files are exactly the expected ones${folder.notRecords.length ? ` (not ${folder.notRecords.join(', ')})` : ''}`, async () => {
          const onDisk = readdirSync(nativeJoin(CORPORA_WILD, corpus, folder.folder)).filter((n) => n.endsWith('.md')).sort();
          const names = folder.records.map((r) => r.file);
          assert.equal(new Set(names).size, names.length, 'an expectation is listed twice');
          assert.deepEqual(onDisk.filter((n) => !folder.notRecords.includes(n)), [...names].sort(), 'expectations vs Markdown files on disk');
          const c = byFolder(folder);
          assert.ok(c, `discovery did not find ${folder.folder}`);
          const listed = (await listRecordFiles(fs, c)).map((p) => p.slice(p.lastIndexOf('/') + 1));
          assert.deepEqual([...listed].sort(), [...names].sort(), 'listRecordFiles');
        });

        for (const record of folder.records) {
          it(`${folder.folder}/${record.file}: ${record.number ?? '-'} "${record.title}" ${record.status} ${record.date ?? 'no date'}`, () => {
            const { scan, full } = parseBoth(corpus, folder, record.file, byFolder(folder));
            assert.deepEqual(view(scan, record), wanted(record), 'line scanner');
            assert.deepEqual(view(full, record), wanted(record), 'full parse');
          });
        }

        it(`${folder.folder}: the next record for "${NEXT_TITLE}" is ${String(folder.next)} (the expectation itself is consistent)`, () => {
          // Checks the data another module is tested against: a number one above the highest, never one in use.
          const numberOf = (name: string): number | null => {
            const m = /^(?:adr-)?(\d{1,6})[-_]/i.exec(name);
            return m ? Number.parseInt(m[1]!, 10) : null;
          };
          const used = folder.records.map((r) => r.number).filter((n): n is number => n !== null);
          if (typeof folder.next === 'string') {
            const n = numberOf(folder.next);
            assert.equal(n, Math.max(...used) + 1);
            assert.ok(!folder.records.some((r) => r.file === folder.next));
            assert.ok(folder.next.toLowerCase().includes(NEXT_TITLE.toLowerCase().replace(/ /g, folder.next.includes('_') ? '_' : '-')));
          } else {
            const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
            assert.match(`${stamp}-use-example-thing.md`, folder.next);
            assert.ok(`${stamp}-use-example-thing.md` > folder.nextAfter!, 'a new timestamp name sorts after every existing one');
            assert.ok(folder.records.every((r) => r.file <= folder.nextAfter!));
          }
        });

        it(`${folder.folder}: the records are written in ${folder.dialect}`, () => {
          const wrong: string[] = [];
          const votes = new Map<string, number>();
          for (const record of folder.records) {
            const { scan, full } = parseBoth(corpus, folder, record.file, byFolder(folder));
            const want = record.dialect ?? folder.dialect;
            votes.set(scan.dialect, (votes.get(scan.dialect) ?? 0) + 1);
            if (scan.dialect === want && full.dialect === want) continue;
            // A record with no MADR version clue of its own (no front matter; `deciders` without a
            // Confirmation section) reads as the family's default version, not as its siblings'
            // version: the parser sees one record. Known, and listed here so it stays visible.
            const family = (d: string) => (d === 'madr3' || d === 'madr4' ? 'madr' : d);
            const known = SAME_FAMILY_ONLY.has(`${corpus}/${folder.folder}/${record.file}`);
            if (!(known && family(scan.dialect) === family(want) && scan.dialect === full.dialect)) wrong.push(`${record.file}: ${scan.dialect}/${full.dialect}, expected ${want}`);
          }
          assert.deepEqual(wrong, []);
          // The collection as a whole reads as the expected dialect.
          const majority = [...votes].sort((a, b) => b[1] - a[1])[0]![0];
          assert.equal(majority, folder.dialect);
        });
      }

      it('the line scanner and the full parse agree on every field of every record', () => {
        for (const folder of expected.folders) {
          for (const record of folder.records) {
            const { scan, full } = parseBoth(corpus, folder, record.file, byFolder(folder));
            assert.deepEqual(scan, full, `${folder.folder}/${record.file}`);
          }
        }
      });
    });
  }
});
