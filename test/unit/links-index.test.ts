/** The workspace anchor index: the scan's skip rules, explain, refs, incremental updates, lint, not blocking. */
import { strict as assert } from 'node:assert';
import { AdrIndex } from '../../src/core/index';
import { CodeIndex, anchorFindings, codeFindings, explain, explainFile, refs, type CodeIndexChange } from '../../src/core/links';
import type { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { linksWorkspace, ROOT } from '../support/linksWorkspace';

const at = (p: string) => `${ROOT}/${p}`;
const rel = (p: string) => p.slice(ROOT.length + 1);

async function setup(options: ConstructorParameters<typeof CodeIndex>[2] = {}): Promise<{ fs: MemoryFileSystem; index: AdrIndex; code: CodeIndex }> {
  const fs = linksWorkspace();
  const index = await AdrIndex.build(fs, ROOT);
  const code = new CodeIndex(fs, index, { maxFileBytes: 2000, ...options });
  return { fs, index, code };
}

describe('links: the workspace anchor index', () => {
  it('scans every file the rules allow: .gitignore (nested, negated), info/exclude, excludes, size, binary', async () => {
    const { code } = await setup({ exclude: ['deploy/**'] });
    const stats = await code.scan();
    assert.equal(stats.cancelled, false);
    assert.deepEqual([...code.anchoredFiles().keys()].map(rel).sort(), [
      'README.md', 'infra/main.tf', 'services/payments/src/Pay.java', 'services/payments/src/pay.go',
      'src/api/handler.py', 'src/api/schema.sql', 'src/payments/charge.ts', 'vendor/kept.ts',
    ]);
    const files = [...code.files()].map(rel);
    for (const skipped of ['dist/bundle.js', 'logs/run.log', 'secret/keys.ts', 'local-only/x.ts', 'node_modules/lib/index.js', 'vendor/dropped.ts', 'deploy/Dockerfile', '.git/HEAD']) {
      assert.ok(!files.includes(skipped), skipped);
    }
    assert.ok(files.includes('src/app.ts') && files.includes('docs/adr/0001-record-architecture-decisions.md'));
    assert.deepEqual(stats.skipped, { large: 1, binary: 1, unreadable: 0 });
    // Records and collection README files are not scanned for anchors: they relate by relations.
    assert.deepEqual(code.anchorsIn(at('docs/adr/README.md')), []);
  });

  it('stores anchors with line and column', async () => {
    const { code } = await setup();
    await code.scan();
    const anchors = code.anchorsIn(at('src/payments/charge.ts'));
    assert.deepEqual(anchors.map((a) => [a.text, a.line, a.character]), [
      ['ADR-0004', 0, 30], ['ADR-99', 3, 15], ['ADR-10', 5, 12], ['ADR-8', 5, 37], ['ADR-3', 6, 23],
      ['docs/decisions/0003', 6, 34], ['[the decision](../../docs/adr/0002-use-postgres.md)', 6, 69],
    ]);
  });

  it('explains a file: records by glob and by anchor, with status; problems of its anchors', async () => {
    const { code } = await setup();
    await code.scan();
    const e = explain(code, at('src/payments/charge.ts'));
    assert.deepEqual(e.records.map((r) => [rel(r.record.path), r.inForce, r.patterns, r.anchors.map((a) => a.text)]), [
      ['docs/adr/0002-use-postgres.md', true, [], ['[the decision](../../docs/adr/0002-use-postgres.md)']],
      ['docs/adr/0004-use-stripe.md', true, ['src/payments/**'], ['ADR-0004']],
      ['docs/decisions/0003-use-grpc.md', true, [], ['docs/decisions/0003']],
      ['docs/adr/0008-use-rabbitmq.md', false, [], ['ADR-8']],
    ]);
    assert.deepEqual(e.anchors.filter((u) => u.resolution.kind !== 'resolved').map((u) => [u.anchor.text, u.resolution.kind]), [
      ['ADR-99', 'unknown'], ['ADR-10', 'ambiguous'], ['ADR-3', 'ambiguous'],
    ]);
    // A file that was never scanned is read on demand.
    const fresh = await setup();
    const e2 = await explainFile(fresh.code, at('src/api/handler.py'));
    assert.deepEqual(e2.anchors.map((u) => [u.anchor.text, u.resolution.kind === 'resolved' ? rel(u.resolution.record.path) : u.resolution.kind]), [
      ['ADR-0003', 'ambiguous'], ['@adr 11', 'docs/adr/0011-use-cobol.md'], ['adr: 0007', 'docs/adr/0007-use-kafka.md'],
    ]);
    assert.deepEqual(e2.records.map((r) => [rel(r.record.path), r.inForce, r.patterns]), [
      ['docs/adr/0007-use-kafka.md', true, []],
      ['docs/adr/0005-try-graphql.md', false, ['src/api']],
      ['docs/adr/0011-use-cobol.md', false, []],
    ]);
  });

  it('lists the references of a record: anchors anywhere, and governed files', async () => {
    const { index, code } = await setup();
    await code.scan();
    const kafka = refs(code, index.get(at('docs/adr/0007-use-kafka.md'))!);
    assert.deepEqual(kafka.anchors.map((u) => `${rel(u.path)}:${u.anchor.line + 1} ${u.anchor.text}`), [
      'README.md:1 [Kafka](docs/adr/0007-use-kafka.md)', 'infra/main.tf:1 docs/adr/0007-use-kafka.md', 'src/api/handler.py:3 adr: 0007',
    ]);
    const pay = refs(code, index.get(at('services/payments/docs/adr/0007-idempotent-charges.md'))!);
    assert.deepEqual(pay.anchors.map((u) => `${rel(u.path)} ${u.anchor.text}`), ['services/payments/src/Pay.java @ADR(7', 'services/payments/src/pay.go ADR-7']);
    assert.deepEqual(pay.governedFiles.map(rel), ['services/payments/src/Pay.java', 'services/payments/src/pay.go']);
    const billing = refs(code, index.get(at('services/billing/docs/adr/0007-monthly-invoices.md'))!);
    assert.deepEqual(billing.anchors.map((u) => u.anchor.text), ['billing/ADR-7']);
    const stripe = refs(code, index.get(at('docs/adr/0004-use-stripe.md'))!);
    assert.deepEqual(stripe.governedFiles.map(rel), ['src/payments/charge.ts']);
    // Ambiguous anchors are listed for each candidate, marked as such.
    const ten = refs(code, index.get(at('docs/adr/0010-first-ten.md'))!);
    assert.deepEqual(ten.anchors.map((u) => [u.anchor.text, u.resolution.kind]), [['ADR-10', 'ambiguous']]);
  });

  it('keeps current from file events: change, create, delete, new folder, .gitignore', async () => {
    const { fs, code } = await setup();
    await code.scan();
    const events: CodeIndexChange[] = [];
    code.onDidChange((e) => events.push(e));
    fs.seed({ 'src/app.ts': '// now ADR-2\n' }, ROOT);
    assert.equal(await code.update(at('src/app.ts')), 'changed');
    assert.deepEqual(code.anchorsIn(at('src/app.ts')).map((a) => a.text), ['ADR-2']);
    assert.deepEqual(events.at(-1), { paths: [at('src/app.ts')] });
    fs.seed({ 'src/new.rb': '# ADR-1\n' }, ROOT);
    assert.equal(await code.update(at('src/new.rb')), 'changed');
    assert.ok(code.files().has(at('src/new.rb')));
    fs.remove(at('src/new.rb'));
    assert.equal(await code.update(at('src/new.rb')), 'removed');
    assert.ok(!code.files().has(at('src/new.rb')));
    assert.equal(await code.update(at('dist/none.js')), 'ignored');
    fs.seed({ 'dist/other.js': '// ADR-2\n' }, ROOT);
    assert.equal(await code.update(at('dist/other.js')), 'ignored');
    fs.seed({ 'lib/a/x.ts': '// ADR-2\n', 'lib/a/b/y.ts': '// ADR-9\n' }, ROOT);
    assert.equal(await code.update(at('lib')), 'changed');
    assert.deepEqual(code.anchorsIn(at('lib/a/b/y.ts')).map((a) => a.text), ['ADR-9']);
    assert.equal(code.remove(at('lib')), true);
    assert.deepEqual(code.anchorsIn(at('lib/a/b/y.ts')), []);
    assert.ok(![...code.files()].some((f) => f.startsWith(at('lib/'))));
    fs.seed({ '.gitignore': 'src/api/\n' }, ROOT);
    assert.equal(await code.update(at('.gitignore')), 'rescanned');
    assert.deepEqual(code.anchorsIn(at('src/api/handler.py')), []);
    assert.deepEqual(code.anchorsIn(at('dist/bundle.js')).map((a) => a.text), ['ADR-2']);
  });

  it('never lets a scan overwrite a newer update, and a newer scan cancels an older one', async () => {
    const { fs, code } = await setup({ sliceMs: 0, concurrency: 1 });
    const first = code.scan();
    fs.seed({ 'src/payments/charge.ts': '// only ADR-2 now\n' }, ROOT);
    await code.update(at('src/payments/charge.ts'));
    await first;
    assert.deepEqual(code.anchorsIn(at('src/payments/charge.ts')).map((a) => a.text), ['ADR-2']);
    const a = code.scan();
    const b = code.scan();
    assert.equal((await a).cancelled, true);
    assert.equal((await b).cancelled, false);
  });

  it('hands the event loop back while scanning', async () => {
    const { code } = await setup({ sliceMs: 0 });
    let ticks = 0;
    let running = true;
    const spin = () => { ticks++; if (running) setImmediate(spin); };
    setImmediate(spin);
    const stats = await code.scan();
    running = false;
    assert.ok(stats.yields > 0, `yields ${stats.yields}`);
    // Other macrotasks ran in between: the scan spanned several turns of the event loop.
    assert.ok(ticks >= 3, `ticks ${ticks}`);
  });

  it('reports anchors to unknown, ambiguous, superseded and inactive records, and globs matching nothing', async () => {
    const { code } = await setup();
    await code.scan();
    const findings = codeFindings(code).map((f) => `${rel(f.path)} ${f.rule} ${f.message}`);
    assert.deepEqual(findings.filter((f) => f.startsWith('src/payments/charge.ts')), [
      'src/payments/charge.ts anchor-unknown ADR-99: no decision record is numbered 99',
      'src/payments/charge.ts anchor-ambiguous ADR-10 is ambiguous: number 10 is used by 2 records of docs/adr: 0010-first-ten.md, 0010-second-ten.md',
      'src/payments/charge.ts anchor-superseded ADR-8 names "Use RabbitMQ", which is superseded by 9. Use NATS',
      'src/payments/charge.ts anchor-ambiguous ADR-3 is ambiguous: number 3 is used in 2 collections (docs/adr, docs/decisions); name one, e.g. docs/adr/ADR-3',
    ]);
    assert.ok(findings.includes('src/api/handler.py anchor-inactive @adr 11 names "Use COBOL", which is rejected'));
    assert.ok(findings.includes('docs/adr/0012-nothing-matches.md governs-matches-nothing "no/such/folder/**" matches no file under the repository root'));
    assert.ok(!findings.some((f) => f.startsWith('docs/adr/README.md')));
    // The superseded anchor carries a fix that points it at the successor, padding kept.
    const text = '// the queue is ADR-0008\n';
    const anchors = code.findAnchors(text, at('src/q.ts'));
    const [f] = anchorFindings(code, at('src/q.ts'), anchors);
    const edit = f!.fix!.plan.edits[0]!.edits[0]!;
    assert.equal(text.slice(0, edit.start) + edit.newText + text.slice(edit.end), '// the queue is ADR-0009\n');
  });

  it('computes anchors for an open document by language id, saved or not', async () => {
    const { code } = await setup();
    assert.deepEqual(code.findAnchors('# ADR-2', at('Untitled-1'), 'python').map((a) => a.text), ['ADR-2']);
    assert.deepEqual(code.findAnchors('# ADR-2', at('notes.unknownext')), []);
  });
});

describe('links: the workspace anchor index on hostile files', () => {
  it('reads only regular files within the cap: a symlink to /dev/zero, a FIFO and a growing file end the scan promptly', async function () {
    this.timeout(20_000);
    const { mkdtempSync, writeFileSync, symlinkSync, mkdirSync, rmSync } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    const { tmpdir } = await import('node:os');
    const { NodeFileSystem } = await import('../../src/platform/nodeFileSystem');
    const root = mkdtempSync(`${tmpdir()}/adrw-links-hostile-`);
    try {
      mkdirSync(`${root}/doc/adr`, { recursive: true });
      writeFileSync(`${root}/.adr-dir`, 'doc/adr\n');
      writeFileSync(`${root}/doc/adr/0001-record-architecture-decisions.md`, '# 1. Record architecture decisions\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n');
      writeFileSync(`${root}/ok.ts`, '// ADR-0001\nexport const x = 1;\n');
      symlinkSync('/dev/zero', `${root}/zero.ts`);
      execFileSync('mkfifo', [`${root}/pipe.ts`]);
      const fs = new NodeFileSystem();
      const index = await AdrIndex.build(fs, root);
      const code = new CodeIndex(fs, index, { root, maxFileBytes: 4096 });
      const t0 = Date.now();
      await code.scan();
      assert.ok(Date.now() - t0 < 10_000, 'the scan ended');
      assert.deepEqual([...code.anchoredFiles().keys()].map((p) => p.slice(root.length + 1)), ['ok.ts']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
