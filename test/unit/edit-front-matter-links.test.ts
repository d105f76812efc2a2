/**
 * Relations where the record's siblings write them: a front matter `links:` list of `{rel, target}`
 * maps in joshrotenberg/adrs "ng" collections (both ends), read back by parse/frontMatterLinks.ts.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { amend, supersede, type RecordText } from '../../src/core/edit';
import { parseRecord } from '../../src/core/parse/record';
import { applyEdits } from '../../src/core/text';
import type { EditPlan } from '../../src/core/model';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { cli } from '../support/cliHarness';

const NG = join(process.cwd(), 'test', 'fixtures', 'writing', 'adrs-ng');
const ONE = '/p/docs/adrs/0001-record-architecture-decisions.md';
const TWO = '/p/docs/adrs/0002-use-just.md';

function load(fs: MemoryFileSystem, path: string): RecordText {
  const text = fs.text(path)!;
  return { record: parseRecord(text, { path, collectionDialect: 'madr' }), text };
}

function after(rt: RecordText, plan: EditPlan): RecordText {
  const edits = plan.edits.filter((e) => e.path === rt.record.path).flatMap((e) => [...e.edits]);
  const text = applyEdits(rt.text, edits);
  return { record: parseRecord(text, { path: rt.record.path, collectionDialect: 'madr' }), text };
}

describe('front matter links (adrs ng)', () => {
  it('reads `links: [{rel, target}]` as relations to record numbers', () => {
    const fs = new MemoryFileSystem().copyFromDisk(NG, '/p');
    const two = load(fs, TWO);
    assert.deepEqual(two.record.relations.map((r) => [r.type, r.verb, r.target, r.source]), [['custom', 'extends', '1', 'front-matter']]);
  });

  it('supersede: `status: superseded` and a Superseded by item in the old record, a Supersedes item (replacing `[]`) in the new one', () => {
    const fs = new MemoryFileSystem().copyFromDisk(NG, '/p');
    const old = load(fs, TWO);
    const repl = load(fs, ONE);
    const plan = supersede(old, repl);
    const o = after(old, plan);
    const n = after(repl, plan);
    assert.equal(o.text, old.text.replace('status: proposed', 'status: superseded').replace('    target: 1\n---', '    target: 1\n  - rel: Superseded by\n    target: 1\n---'));
    assert.equal(n.text, repl.text.replace('links: []', 'links:\n  - rel: Supersedes\n    target: 2'));
    assert.equal(o.record.status, 'superseded');
    assert.ok(o.record.relations.some((r) => r.type === 'superseded-by' && r.target === '1'));
    assert.ok(n.record.relations.some((r) => r.type === 'supersedes' && r.target === '2'));
    assert.deepEqual(supersede(o, n).edits, [], 'not idempotent');
  });

  it('amend writes both ends, in CRLF files too', () => {
    const fs = new MemoryFileSystem().copyFromDisk(NG, '/p');
    const crlf = (rt: RecordText): RecordText => {
      const text = rt.text.replace(/\n/g, '\r\n');
      return { record: parseRecord(text, { path: rt.record.path, collectionDialect: 'madr' }), text };
    };
    const a = crlf(load(fs, TWO));
    const b = crlf(load(fs, ONE));
    const plan = amend(a, b);
    assert.match(after(a, plan).text, /\r\n {4}target: 1\r\n {2}- rel: Amends\r\n {4}target: 1\r\n---\r\n/);
    assert.match(after(b, plan).text, /\r\nlinks:\r\n {2}- rel: Amended by\r\n {4}target: 2\r\n---\r\n/);
    assert.ok(!/[^\r]\n/.test(after(a, plan).text));
  });

  it('new -s through the CLI: the new record names the old one in its own `links:`', async () => {
    const fs = new MemoryFileSystem().copyFromDisk(NG, '/p');
    const r = await cli(fs, '/p', ['new', '-s', '2', 'Use Make again'], { ADR_DATE: '2026-11-24' });
    assert.equal(r.code, 0, r.stderr);
    const text = fs.text(`/p/${r.stdout.trim()}`)!;
    assert.match(text, /^---\nnumber: 3\ntitle: Use Make again\nstatus: proposed\ndate: 2026-11-24\ntags: \[\]\nlinks:\n {2}- rel: Supersedes\n {4}target: 2\n---\n/);
    assert.match(fs.text(TWO)!, /^status: superseded$/m);
    assert.match(fs.text(TWO)!, / {2}- rel: Superseded by\n {4}target: 3\n---/);
  });
});
