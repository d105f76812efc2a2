/**
 * A property over every record folder we have (the shared corpora, the wild corpora, the naming
 * fixtures), each copied into memory: `new`, `new -s REF` and `new -l REF:Amends:Amended by`, run
 * one after another through the CLI, never create a number that exists (or an existing file name),
 * each new record follows the folder's pattern, and no file other than the new records and the
 * superseded / linked one changes. Also: parallel creators in a prefixed folder (`ADR-NNNN-`) get
 * distinct numbers.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, statSync } from 'node:fs';
import { join as nativeJoin, resolve as nativeResolve } from 'node:path';
import { discover, listRecordFiles } from '../../src/core/discovery';
import { createRecord } from '../../src/core/edit';
import { inferNamingPattern, parseFileName } from '../../src/core/naming';
import { FixedClock } from '../fakes/fixedClock';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { cli } from '../support/cliHarness';
import { CORPORA, corporaAvailable } from '../support/corpora';
import { CORPORA_WILD, corporaWildAvailable } from '../support/corporaWild';

const FIXTURES = nativeResolve('test/fixtures/naming');

/** Every source tree to check: [label, folder on disk, where it goes in memory]. */
function sources(): [string, string, string][] {
  const out: [string, string, string][] = [];
  const corpusDirs = (base: string) => readdirSync(base).filter((n) => statSync(nativeJoin(base, n)).isDirectory());
  if (corporaAvailable()) for (const c of corpusDirs(CORPORA)) out.push([`corpora/${c}`, nativeJoin(CORPORA, c), '/repo']);
  if (corporaWildAvailable()) for (const c of corpusDirs(CORPORA_WILD)) out.push([`corpora-wild/${c}`, nativeJoin(CORPORA_WILD, c), '/repo']);
  for (const f of corpusDirs(FIXTURES)) if (f !== 'declared') out.push([`fixtures/${f}`, nativeJoin(FIXTURES, f), '/repo/docs/adr']);
  for (const f of corpusDirs(nativeJoin(FIXTURES, 'declared'))) out.push([`fixtures/declared/${f}`, nativeJoin(FIXTURES, 'declared', f), '/repo']);
  return out;
}

function snapshot(fs: MemoryFileSystem): Map<string, string> {
  return new Map(fs.allFiles().map((p) => [p, fs.text(p) ?? '']));
}

describe('property: new, new -s, new -l never create a duplicate number', () => {
  for (const [label, source, target] of sources()) {
    it(label, async () => {
      const fs = new MemoryFileSystem().copyFromDisk(source, target);
      const { collections } = await discover(fs, '/repo');
      for (const c of collections) {
        const records = await listRecordFiles(fs, c);
        if (records.length === 0) continue;
        const folder = c.path.slice('/repo/'.length) || '.';
        const before = (await fs.readDirectory(c.path)).map(([n]) => n);
        const pattern = inferNamingPattern(before, c);
        const numbers = new Set(before.map((n) => parseFileName(n).number).filter((n): n is number => n !== null));
        const files = snapshot(fs);
        const last = records[records.length - 1]!;
        const first = records[0]!;
        const runs: [string[], string[]][] = [
          [['new', '--collection', folder, 'Use Example Thing'], []],
          [['new', '--collection', folder, '-s', last, 'Replace the last decision'], [last]],
          [['new', '--collection', folder, '-l', `${first}:Amends:Amended by`, 'Amend the first decision'], [first]],
        ];
        const created: string[] = [];
        const touched = new Set<string>();
        for (const [argv, targets] of runs) {
          const r = await cli(fs, '/repo', argv, { ADR_DATE: '2026-12-01' });
          assert.equal(r.code, 0, `${label} ${folder} ${argv.join(' ')}: ${r.stderr}`);
          const path = `/repo/${r.stdout.trim()}`;
          assert.ok(path.startsWith(`${c.path}/`), `${path} is in ${c.path}`);
          const name = path.slice(c.path.length + 1);
          assert.ok(!before.includes(name) && !created.includes(name), `${folder}: ${name} existed`);
          const n = parseFileName(name).number;
          if (pattern.kind === 'number') {
            assert.notEqual(n, null, `${folder}: ${name} is numbered`);
            assert.ok(!numbers.has(n!), `${folder}: ${name} reuses number ${n}`);
            numbers.add(n!);
          } else {
            assert.equal(parseFileName(name).kind, 'date', `${folder}: ${name} is dated`);
          }
          assert.deepEqual(inferNamingPattern([...before, name], c), pattern, `${folder}: ${name} follows the pattern`);
          created.push(name);
          for (const t of targets) touched.add(t);
        }
        // Nothing but the new records and the superseded / linked records changed or appeared.
        const now = snapshot(fs);
        for (const [p, text] of files) if (!touched.has(p)) assert.equal(now.get(p), text, `${p} changed`);
        for (const p of now.keys()) {
          if (!files.has(p)) assert.ok(created.some((n) => p === `${c.path}/${n}`), `${p} appeared`);
        }
        for (const p of created) files.set(`${c.path}/${p}`, now.get(`${c.path}/${p}`)!);
        for (const t of touched) files.set(t, now.get(t)!);
      }
    });
  }

  (corporaWildAvailable() ? it : it.skip)('parallel creators in dsp-api (ADR-NNNN- names) take 11..18, each once', async () => {
    const fs = new MemoryFileSystem().copyFromDisk(nativeJoin(CORPORA_WILD, 'dsp-api'), '/repo');
    const [c] = (await discover(fs, '/repo')).collections;
    const clock = new FixedClock('2026-12-01T10:00:00Z');
    const made = await Promise.all(Array.from({ length: 8 }, (_, i) => createRecord(fs, clock, c!, { title: `Parallel ${i}` })));
    assert.deepEqual(made.map((m) => m.number).sort((a, b) => a! - b!), [11, 12, 13, 14, 15, 16, 17, 18]);
    for (const m of made) assert.match(m.path, /\/ADR-00(1[1-8])-parallel-\d\.md$/);
    assert.ok(!fs.allFiles().some((p) => p.endsWith('.adr-new')), 'no claim left behind');
  });
});
