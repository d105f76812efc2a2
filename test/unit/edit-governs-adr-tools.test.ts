/**
 * Draft ADR / Record Decision from Selection on an adr-tools collection: `governs` goes on a
 * `Governs:` line under the Date line, so adr-tools still reads the record — `adr generate toc`
 * (title from `head -1`) still lists it and `_adr_links` finds no new link. Checked against adr-tools'
 * logic reproduced from its scripts, and against Debian's adr-tools itself when it is installed.
 */
import { strict as assert } from 'node:assert';
import { addGovernsEdits } from '../../src/core/edit';
import { parseRecord } from '../../src/core/parse/record';
import { applyEdits } from '../../src/core/text';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { cli } from '../support/cliHarness';
import { REAL_ADR_TOOLS, reproducedLinks, reproducedStatus, reproducedToc, runRealAdr } from '../support/adrToolsReal';

const ENV = { ADR_DATE: '1992-01-12' };

async function draftedCollection(): Promise<{ fs: MemoryFileSystem; files: Record<string, string>; before: string; after: string }> {
  const fs = new MemoryFileSystem().seedFolder('/p');
  await cli(fs, '/p', ['init'], ENV);
  await cli(fs, '/p', ['new', 'Use PostgreSQL'], ENV);
  await cli(fs, '/p', ['new', '-s', '2', 'Use CockroachDB'], ENV);
  const path = '/p/doc/adr/0003-use-cockroachdb.md';
  const before = fs.text(path)!;
  // What Draft ADR and Record Decision from Selection do to the new record.
  const record = parseRecord(before, { path, collectionDialect: 'adr-tools', mode: 'full' });
  const after = applyEdits(before, addGovernsEdits(record, before, ['src/db/**', 'migrations/*.sql']));
  fs.seed({ [path]: after });
  const files: Record<string, string> = {};
  for (const name of ['0001-record-architecture-decisions.md', '0002-use-postgresql.md', '0003-use-cockroachdb.md']) files[name] = fs.text(`/p/doc/adr/${name}`)!;
  return { fs, files, before, after };
}

describe('governs in adr-tools collections', () => {
  it('a Governs line after the Date line; the H1 stays the first line; the Status section is untouched', async () => {
    const { before, after } = await draftedCollection();
    assert.equal(after.split('\n')[0], '# 3. Use CockroachDB');
    assert.match(after, /^# 3\. Use CockroachDB\n\nDate: 1992-01-12\n\nGoverns: `src\/db\/\*\*`, `migrations\/\*\.sql`\n\n## Status\n\nAccepted\n\nSupercedes \[2\. Use PostgreSQL\]\(0002-use-postgresql\.md\)\n\n## Context\n/);
    assert.deepEqual(reproducedStatus(after), reproducedStatus(before));
    assert.deepEqual(reproducedLinks(after), ['2=Supercedes']);
    const r = parseRecord(after, { path: '/p/doc/adr/0003-use-cockroachdb.md', collectionDialect: 'adr-tools' });
    assert.deepEqual([r.governs, r.title, r.status], [['src/db/**', 'migrations/*.sql'], 'Use CockroachDB', 'accepted']);
  });

  it('adr generate toc (reproduced, and ours) still lists every title', async () => {
    const { fs, files } = await draftedCollection();
    const want = '# Architecture Decision Records\n\n* [1. Record architecture decisions](0001-record-architecture-decisions.md)\n' +
      '* [2. Use PostgreSQL](0002-use-postgresql.md)\n* [3. Use CockroachDB](0003-use-cockroachdb.md)\n';
    assert.equal(reproducedToc(files), want);
    assert.equal((await cli(fs, '/p', ['generate', 'toc'])).stdout, want);
  });

  it(`real adr-tools ${REAL_ADR_TOOLS ? '(/usr/bin/adr)' : '(not installed here: reproduced logic only)'} lists it in generate toc and graph`, async () => {
    const { files } = await draftedCollection();
    const want = reproducedToc(files);
    if (!REAL_ADR_TOOLS) {
      assert.match(want, /\* \[3\. Use CockroachDB\]/);
      return;
    }
    const tree = Object.fromEntries(Object.entries(files).map(([n, t]) => [`doc/adr/${n}`, t]));
    assert.equal(runRealAdr(tree, ['generate', 'toc']), want);
    const graph = runRealAdr(tree, ['generate', 'graph']);
    assert.match(graph, /_3 \[label="3\. Use CockroachDB"; URL="0003-use-cockroachdb\.html"\];/);
    assert.match(graph, /_3 -> _2 \[label="Supercedes", weight=0\]/);
    assert.equal(runRealAdr(tree, ['list']), Object.keys(files).map((n) => `doc/adr/${n}\n`).join(''));
  });
});
