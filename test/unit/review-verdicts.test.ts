/** Review scenarios, verdicts: documented by a new or existing record, acknowledged, custom and governed rules, trust, re-review. */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { NodeWorkTree } from '../../src/platform/workTree';
import { acknowledge, ReviewEngine, RESTRICTED_REASON } from '../../src/core/review';
import { applyEdits } from '../../src/core/text';
import { record, TempRepo } from '../support/gitRepo';
import { CountingGit, review, summary } from '../support/reviewHarness';

const pkg = (deps: Record<string, string>) => `${JSON.stringify({ name: 'app', dependencies: deps }, null, 2)}\n`;
const BASE = { 'docs/adr/0001-record-architecture-decisions.md': record(1, 'Record architecture decisions'), 'package.json': pkg({}), 'src/a.ts': '1\n' };

describe('review scenarios: verdicts', function () {
  this.timeout(30000);
  let repo: TempRepo;
  afterEach(() => repo?.dispose());

  it('documented by a record added in the same change: by its governs globs, or by naming the dependency', async () => {
    repo = new TempRepo().commit('base', BASE);
    repo.write({
      Dockerfile: 'FROM node:20\n', 'package.json': pkg({ ioredis: '^5.0.0', redis: '^4.0.0' }),
      'docs/adr/0002-containerise.md': record(2, 'Containerise the API', 'Proposed', 'We ship one image.', ['Dockerfile']),
      'docs/adr/0003-cache.md': record(3, 'Cache sessions', 'Accepted', 'We cache sessions in Redis,\nusing the node redis client.'),
    });
    const out = await review(repo);
    assert.deepEqual(summary(out), [
      'dependency-added package.json ioredis undocumented', 'dependency-added package.json redis documented', 'infra-container Dockerfile documented',
    ]);
    const docker = out.findings.find((f) => f.rule === 'infra-container')!;
    assert.deepEqual({ kind: docker.evidence[0]!.kind, id: docker.evidence[0]!.record!.id, inChange: docker.evidence[0]!.record!.inChange, glob: docker.evidence[0]!.glob, line: docker.evidence[0]!.line },
      { kind: 'governs', id: '0002-containerise', inChange: true, glob: 'Dockerfile', line: 3 });
    const redis = out.findings.find((f) => f.subject === 'redis')!;
    assert.equal(redis.evidence[0]!.kind, 'mentions');
    assert.equal(redis.evidence[0]!.record!.number, 3);
    assert.equal(redis.evidence[0]!.text, 'We cache sessions in Redis,');
  });

  it('documented by an existing in-force record that governs the path; a superseded or proposed one does not count', async () => {
    repo = new TempRepo().commit('base', {
      ...BASE,
      'docs/adr/0002-terraform.md': record(2, 'Terraform for infrastructure', 'Accepted', 'All of it.', ['infra/**']),
      'docs/adr/0003-old-ci.md': record(3, 'Old CI', 'Superseded', 'x', ['.github/**']),
      'docs/adr/0004-k8s.md': record(4, 'Kubernetes', 'Proposed', 'x', ['k8s/**']),
    });
    repo.write({ 'infra/main.tf': 'resource "a" "b" {}\n', '.github/workflows/ci.yml': 'on: push\n', 'k8s/app.yaml': 'kind: Pod\napiVersion: v1\n' });
    const out = await review(repo);
    assert.deepEqual(summary(out), ['ci-pipeline .github/workflows/ci.yml undocumented', 'infra-iac infra/main.tf documented', 'infra-orchestration k8s/app.yaml undocumented']);
    const tf = out.findings.find((f) => f.rule === 'infra-iac')!;
    assert.deepEqual([tf.evidence[0]!.kind, tf.evidence[0]!.record!.title, tf.evidence[0]!.record!.inChange, tf.evidence[0]!.glob], ['governs', 'Terraform for infrastructure', false, 'infra/**']);
  });

  it('governed code: a change to a file an accepted record governs asks for review against it (documented)', async () => {
    repo = new TempRepo().commit('base', { ...BASE, 'src/payments/charge.ts': 'export {};\n', 'docs/adr/0002-payments.md': record(2, 'Payments via Stripe', 'Accepted', 'x', ['src/payments']) });
    repo.write({ 'src/payments/charge.ts': 'export const charge = 1;\n' });
    const out = await review(repo);
    assert.deepEqual(summary(out), ['governed-code src/payments/charge.ts 0002-payments documented']);
    assert.match(out.findings[0]!.message, /Review against ADR-0002 \(Payments via Stripe\)/);
  });

  it('acknowledged: an entry in .adr-review.yml (rule, path, subject, reason) marks it, with the entry as evidence', async () => {
    repo = new TempRepo().commit('base', {
      ...BASE,
      '.adr-review.yml': 'acknowledged:\n  - rule: dependency-added\n    path: package.json\n    subject: left-pad\n    reason: A tiny helper\n    by: Jane\n  - rule: ci-pipeline\n    path: ".github/**"\n    reason: CI tweaks are routine here\n',
    });
    repo.write({ 'package.json': pkg({ 'left-pad': '^1.0.0', 'right-pad': '^1.0.0' }), '.github/workflows/lint.yml': 'on: push\n' });
    const out = await review(repo);
    assert.deepEqual(summary(out), ['ci-pipeline .github/workflows/lint.yml acknowledged', 'dependency-added package.json left-pad acknowledged', 'dependency-added package.json right-pad undocumented']);
    const ack = out.findings.find((f) => f.subject === 'left-pad')!.evidence[0]!;
    assert.deepEqual([ack.kind, ack.reason, ack.by, ack.line, ack.text], ['acknowledged', 'A tiny helper', 'Jane', 2, '.adr-review.yml']);
  });

  it('acknowledge() writes the entry (creating the file), and the next review sees it', async () => {
    repo = new TempRepo().commit('base', BASE);
    repo.write({ 'package.json': pkg({ dayjs: '^1.11.0', zod: '^3.0.0' }) });
    const fs = new NodeFileSystem();
    let out = await review(repo);
    const [dayjs, zod] = out.findings;
    const first = await acknowledge(fs, dayjs!, 'Date formatting only', { by: 'Ann', date: '2026-11-24' });
    assert.equal(first.creates.length, 1);
    writeFileSync(first.creates[0]!.path, first.creates[0]!.content);
    const second = await acknowledge(fs, zod!, 'Validation: a library choice, not: architecture', { by: 'Ann' });
    const file = second.edits[0]!.path;
    writeFileSync(file, applyEdits(readFileSync(file, 'utf8'), second.edits[0]!.edits));
    assert.match(readFileSync(file, 'utf8'), /subject: zod\n {4}reason: "Validation: a library choice, not: architecture"\n {4}by: Ann\n$/);
    out = await review(repo);
    assert.deepEqual(summary(out), ['dependency-added package.json dayjs acknowledged', 'dependency-added package.json zod acknowledged']);
  });

  it('custom rules from .adr-review.yml: globs plus a pattern on added lines, with their own severity', async () => {
    repo = new TempRepo().commit('base', {
      ...BASE,
      '.adr-review.yml': 'custom:\n  - id: queues\n    paths: ["src/**/*.ts"]\n    added: "new (Kafka|SQS)Client\\\\("\n    message: A new message queue client\n    severity: error\n  - id: feature-flags\n    paths: ["config/flags/*.json"]\n    message: Feature flag set changed\n    severity: info\n',
    });
    repo.write({ 'src/events.ts': 'const c = new KafkaClient({});\n', 'src/other.ts': 'const d = new HttpClient();\n', 'config/flags/prod.json': '{}\n' });
    const out = await review(repo);
    assert.deepEqual(summary(out), ['custom/feature-flags config/flags/prod.json undocumented', 'custom/queues src/events.ts undocumented']);
    assert.deepEqual(out.findings.map((f) => [f.severity, f.line]), [['info', 1], ['error', 1]]);
  });

  it('configuration turns rules off or changes their severity, and ignores paths', async () => {
    repo = new TempRepo().commit('base', { ...BASE, '.adr-review.yml': 'rules:\n  ci-pipeline: off\n  infra-container: error\nignore: ["sandbox/**"]\n' });
    repo.write({ '.github/workflows/x.yml': 'on: push\n', Dockerfile: 'FROM a\n', 'sandbox/Dockerfile': 'FROM b\n' });
    const out = await review(repo);
    assert.deepEqual(out.findings.map((f) => `${f.rule} ${f.path} ${f.severity}`), ['infra-container Dockerfile error']);
  });

  it('in Restricted Mode (untrusted) the review is off, says why, and runs no git', async () => {
    repo = new TempRepo().commit('base', BASE);
    const git = new CountingGit();
    const out = await new ReviewEngine(git, new NodeFileSystem(), new NodeWorkTree()).review({ folders: [repo.root], trusted: false });
    assert.deepEqual(out, { kind: 'disabled', reason: RESTRICTED_REASON });
    assert.equal(git.calls.length, 0);
  });

  it('reads content only where a rule looks; a second review after an edit reads only the edited files it needs', async () => {
    repo = new TempRepo().commit('base', { ...BASE, 'src/b.ts': '1\n', Dockerfile: 'FROM a\n', 'package.json': pkg({}) });
    repo.write({ Dockerfile: 'FROM b\n', 'src/a.ts': '2\n', 'src/b.ts': '2\n' });
    const git = new CountingGit();
    const engine = new ReviewEngine(git, new NodeFileSystem(), new NodeWorkTree());
    const blobs = () => git.calls.filter((c) => c[0] === 'cat-file' && c[1] === 'blob').map((c) => c[2]);
    const first = await review(repo, undefined, engine);
    assert.deepEqual(summary(first), ['infra-container Dockerfile undocumented']);
    assert.deepEqual(first.findings[0]!.excerpt!.lines, ['-FROM a', '+FROM b']);
    assert.deepEqual(blobs(), [repo.git('rev-parse', 'HEAD:Dockerfile').trim()]);
    // Git never diffs against the work tree (that is where it would run a filter).
    assert.ok(git.calls.every((c) => c[0] !== 'diff-index' || c.includes('--cached')), JSON.stringify(git.calls));
    assert.ok(git.calls.every((c) => !c.includes('-p') && c[0] !== 'status' && c[0] !== 'diff-files' && c[0] !== 'diff'));
    git.calls.length = 0;
    repo.write({ 'src/b.ts': '3\nwith more text\n', 'package.json': pkg({ hono: '^4.0.0' }) });
    const second = await review(repo, undefined, engine);
    assert.deepEqual(summary(second), ['dependency-added package.json hono undocumented', 'infra-container Dockerfile undocumented']);
    assert.deepEqual(blobs(), [repo.git('rev-parse', 'HEAD:package.json').trim()]);
    assert.equal(second.repositories[0]!.fileCount, 4);
  });
});
