/** CLI `explain`, `refs` and `lint --code`, in process on a memory file system and once through dist/cli.js. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cli } from '../support/cliHarness';
import { LINKS_FILES, linksWorkspace, ROOT } from '../support/linksWorkspace';
import type { MemoryFileSystem } from '../fakes/memoryFileSystem';

interface ExplainJson {
  path: string;
  records: { path: string; number: number | null; status: string; inForce: boolean; via: string[]; patterns: string[]; anchors: { line: number; column: number; text: string }[] }[];
  anchors: { line: number; column: number; text: string; resolution: string; record?: string; candidates?: string[]; message?: string; via?: string }[];
}

interface RefsJson {
  record: { path: string; number: number; status: string; inForce: boolean };
  patterns: string[];
  anchors: { path: string; line: number; text: string; resolution: string }[];
  governedFiles: string[];
}

describe('CLI: explain, refs, lint --code', () => {
  let fs: MemoryFileSystem;
  beforeEach(() => {
    fs = linksWorkspace();
  });

  it('explain --json lists the records by glob and by anchor, with status, and the anchor problems', async () => {
    const r = await cli(fs, ROOT, ['explain', '--json', 'src/payments/charge.ts']);
    assert.equal(r.code, 0, r.stderr);
    const e = JSON.parse(r.stdout) as ExplainJson;
    assert.equal(e.path, 'src/payments/charge.ts');
    assert.deepEqual(e.records.map((x) => [x.path, x.status, x.inForce, x.via.join('+')]), [
      ['docs/adr/0002-use-postgres.md', 'accepted', true, 'anchor'],
      ['docs/adr/0004-use-stripe.md', 'accepted', true, 'glob+anchor'],
      ['docs/decisions/0003-use-grpc.md', 'accepted', true, 'anchor'],
      ['docs/adr/0008-use-rabbitmq.md', 'superseded', false, 'anchor'],
    ]);
    assert.deepEqual(e.records[1]!.patterns, ['src/payments/**']);
    assert.deepEqual(e.records[1]!.anchors, [{ line: 1, column: 31, text: 'ADR-0004' }]);
    const problems = e.anchors.filter((a) => a.resolution !== 'resolved');
    assert.deepEqual(problems.map((a) => [a.line, a.text, a.resolution]), [[4, 'ADR-99', 'unknown'], [6, 'ADR-10', 'ambiguous'], [7, 'ADR-3', 'ambiguous']]);
    assert.deepEqual(problems[1]!.candidates, ['docs/adr/0010-first-ten.md', 'docs/adr/0010-second-ten.md']);
  });

  it('explain prints a readable summary, from a subfolder too', async () => {
    const r = await cli(fs, `${ROOT}/src`, ['explain', 'payments/charge.ts']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'payments/charge.ts');
    assert.ok(lines.some((l) => /^ {2}4\. Use Stripe +accepted +\.\.\/docs\/adr\/0004-use-stripe\.md$/.test(l)), r.stdout);
    assert.ok(lines.includes('      glob src/payments/**; anchor 1:31 ADR-0004'), r.stdout);
    assert.ok(lines.some((l) => l.includes('8. Use RabbitMQ') && l.endsWith('(not in force)')), r.stdout);
    assert.ok(lines.includes('  4:16  ADR-99: no decision record is numbered 99'), r.stdout);
    const none = await cli(fs, ROOT, ['explain', 'src/app.ts']);
    assert.equal(none.stdout, 'src/app.ts\n\nNo decision governs this file or is named in it.\n');
  });

  it('explain takes proposed records in with --include-proposed, and resolves by folder scope', async () => {
    const plain = JSON.parse((await cli(fs, ROOT, ['explain', '--json', 'src/api/handler.py'])).stdout) as ExplainJson;
    assert.deepEqual(plain.records.map((x) => [x.number, x.inForce]), [[7, true], [5, false], [11, false]]);
    const opted = JSON.parse((await cli(fs, ROOT, ['explain', '--json', '--include-proposed', 'src/api/handler.py'])).stdout) as ExplainJson;
    assert.deepEqual(opted.records.map((x) => [x.number, x.inForce]), [[5, true], [7, true], [11, false]]);
    const go = JSON.parse((await cli(fs, ROOT, ['explain', '--json', 'services/payments/src/pay.go'])).stdout) as ExplainJson;
    assert.deepEqual(go.anchors.map((a) => [a.text, a.record, a.via]), [
      ['ADR-7', 'services/payments/docs/adr/0007-idempotent-charges.md', 'scope'],
      ['billing/ADR-7', 'services/billing/docs/adr/0007-monthly-invoices.md', undefined],
    ]);
    const strict = JSON.parse((await cli(fs, ROOT, ['explain', '--json', '--strict', 'services/payments/src/pay.go'])).stdout) as ExplainJson;
    assert.equal(strict.anchors[0]!.resolution, 'ambiguous');
  });

  it('explain: usage errors', async () => {
    assert.equal((await cli(fs, ROOT, ['explain'])).code, 2);
    const missing = await cli(fs, ROOT, ['explain', 'nope.ts']);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'adr-workbench: nope.ts: no such file\n');
    assert.equal((await cli(fs, ROOT, ['explain', 'src'])).code, 2);
    assert.equal((await cli(fs, ROOT, ['explain', '--pattern', '(', 'src/app.ts'])).code, 2);
    assert.equal((await cli(fs, ROOT, ['explain', '--prefix', 'PAY', 'src/app.ts'])).code, 2);
  });

  it('refs --json lists every anchor and every governed file of a record', async () => {
    const r = await cli(fs, ROOT, ['refs', '--json', 'services/payments/docs/adr/0007-idempotent-charges.md']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as RefsJson;
    assert.equal(j.record.number, 7);
    assert.deepEqual(j.patterns, ['services/payments/src/**']);
    assert.deepEqual(j.anchors.map((a) => `${a.path}:${a.line} ${a.text}`), ['services/payments/src/Pay.java:1 @ADR(7', 'services/payments/src/pay.go:3 ADR-7']);
    assert.deepEqual(j.governedFiles, ['services/payments/src/Pay.java', 'services/payments/src/pay.go']);
    assert.match(r.stderr, /^scanned \d+ files \(\d+ read\) in \d+ ms\n$/);
  });

  it('refs reads REF as an anchor: hints work, ambiguous numbers are refused, scope follows the working folder', async () => {
    const hinted = await cli(fs, ROOT, ['refs', 'billing/ADR-7']);
    assert.equal(hinted.code, 0, hinted.stderr);
    assert.ok(hinted.stdout.startsWith('7. Monthly invoices'), hinted.stdout);
    assert.ok(hinted.stdout.includes('  services/payments/src/pay.go:3:36  billing/ADR-7\n'), hinted.stdout);
    const ambiguous = await cli(fs, ROOT, ['refs', '3']);
    assert.equal(ambiguous.code, 2);
    assert.match(ambiguous.stderr, /"3" is ambiguous: number 3 is used in 2 collections/);
    const scoped = await cli(fs, `${ROOT}/services/payments`, ['refs', '--json', 'ADR-7']);
    assert.equal((JSON.parse(scoped.stdout) as RefsJson).record.path, 'docs/adr/0007-idempotent-charges.md');
    const kafka = await cli(fs, ROOT, ['refs', 'kafka']);
    assert.ok(kafka.stdout.includes('  README.md:1:26  [Kafka](docs/adr/0007-use-kafka.md)\n'), kafka.stdout);
    assert.ok(kafka.stdout.includes('  src/api/handler.py:3:25  adr: 0007\n'), kafka.stdout);
    assert.equal((await cli(fs, ROOT, ['refs', '404'])).code, 2);
  });

  it('lint --code adds anchor and glob findings; plain lint does not scan code', async () => {
    const plain = await cli(fs, ROOT, ['lint', '--json']);
    const plainRules = (JSON.parse(plain.stdout) as { rule: string }[]).map((f) => f.rule);
    assert.ok(!plainRules.some((r) => r.startsWith('anchor-')));
    const r = await cli(fs, ROOT, ['lint', '--code']);
    assert.equal(r.code, 1);
    const lines = r.stdout.split('\n');
    assert.ok(lines.includes('src/payments/charge.ts:4:16: error [anchor-unknown] ADR-99: no decision record is numbered 99'), r.stdout);
    assert.ok(lines.includes('src/payments/charge.ts:6:38: warning [anchor-superseded] ADR-8 names "Use RabbitMQ", which is superseded by 9. Use NATS'), r.stdout);
    assert.ok(lines.some((l) => l.startsWith('src/payments/charge.ts:6:13: warning [anchor-ambiguous] ADR-10 is ambiguous')), r.stdout);
    assert.ok(lines.some((l) => l.startsWith('docs/adr/0012-nothing-matches.md:') && l.includes('[governs-matches-nothing]')), r.stdout);
    const rules = await cli(fs, ROOT, ['lint', '--rules']);
    assert.ok(rules.stdout.includes('anchor-unknown'));
  });

  it('the bundled binary explains a file on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'adrw-links-'));
    try {
      for (const [p, content] of Object.entries(LINKS_FILES)) {
        mkdirSync(dirname(join(dir, p)), { recursive: true });
        writeFileSync(join(dir, p), content);
      }
      const bin = join(process.cwd(), 'dist', 'cli.js');
      const r = spawnSync(process.execPath, [bin, 'explain', '--json', 'src/payments/charge.ts'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const e = JSON.parse(r.stdout) as ExplainJson;
      assert.deepEqual(e.records.map((x) => x.path), [
        'docs/adr/0002-use-postgres.md', 'docs/adr/0004-use-stripe.md', 'docs/decisions/0003-use-grpc.md', 'docs/adr/0008-use-rabbitmq.md',
      ]);
      const refs = spawnSync(process.execPath, [bin, 'refs', 'docs/adr/0002-use-postgres.md'], { cwd: join(dir, 'src'), encoding: 'utf8' });
      assert.equal(refs.status, 0, refs.stderr);
      // .gitignore, the nested vendor/.gitignore and node_modules are honoured on disk too.
      assert.ok(refs.stdout.includes('../vendor/kept.ts:1:4  ADR-2'), refs.stdout);
      for (const hidden of ['dist/', 'secret/', 'node_modules/', 'vendor/dropped.ts', 'local-only/']) assert.ok(!refs.stdout.includes(hidden), `${hidden}\n${refs.stdout}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
