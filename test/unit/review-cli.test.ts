/** `adrw check` (formats, exit codes, SARIF shape), `adrw ack`, and `adrw hook install` on real repositories. */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { cli } from '../support/cliHarness';
import { record, TempRepo } from '../support/gitRepo';
import { bundleSingleCli } from '../support/cliBundle';

const pkg = (deps: Record<string, string>) => `${JSON.stringify({ name: 'app', dependencies: deps }, null, 2)}\n`;
const BASE = { 'docs/adr/0001-record-architecture-decisions.md': record(1, 'Record architecture decisions'), 'package.json': pkg({}), 'src/a.ts': '1\n' };
const check = (repo: TempRepo, ...args: string[]) => cli(new NodeFileSystem(), repo.root, ['check', ...args]);

interface Sarif {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; suppressions?: unknown[];
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: { startLine: number } } }[] }[];
  }[];
}

describe('CLI: check, ack, hook install', function () {
  this.timeout(30000);
  let repo: TempRepo;
  afterEach(() => repo?.dispose());

  it('check: exit 1 with undocumented findings at or above --fail-on, 0 below it, text report with evidence', async () => {
    repo = new TempRepo().commit('base', { ...BASE, 'docs/adr/0002-tf.md': record(2, 'Terraform', 'Accepted', 'x', ['infra/**']) });
    repo.write({ 'package.json': pkg({ redis: '^4.0.0' }), 'infra/a.tf': 'resource "a" "b" {}\n', '.github/workflows/ci.yml': 'on: push\n' });
    const r = await check(repo);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^package\.json:4: warning \[dependency-added\] New dependency redis \^4\.0\.0 in package\.json \(npm\) — UNDOCUMENTED$/m);
    assert.match(r.stdout, /or acknowledge: dependency-added:package\.json:redis/);
    assert.match(r.stdout, /infra\/a\.tf:1: warning \[infra-iac\].*DOCUMENTED\n {4}governed by ADR-0002 "Terraform" \(docs\/adr\/0002-tf\.md\): infra\/\*\*/);
    assert.match(r.stdout, /3 changed files against HEAD: 2 undocumented, 1 documented, 0 acknowledged\n$/);
    assert.equal((await check(repo, '--fail-on', 'error')).code, 0);
    assert.equal((await check(repo, '--fail-on', 'never')).code, 0);
    repo.write({ 'package.json': pkg({}) });
    assert.equal((await check(repo)).code, 0, 'only an info finding left');
    assert.equal((await check(repo, '--fail-on', 'info')).code, 1);
  });

  it('check: exit 0 with nothing to review, and outside a repository (with a message)', async () => {
    repo = new TempRepo().commit('base', BASE);
    const clean = await check(repo);
    assert.deepEqual([clean.code, clean.stdout], [0, '0 changed files against HEAD: 0 undocumented, 0 documented, 0 acknowledged\n']);
    const outside = new TempRepo({ git: false });
    try {
      const r = await check(outside);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /not a git repository: nothing to review/);
    } finally {
      outside.dispose();
    }
  });

  it('check: exit 2 on usage errors and git errors', async () => {
    repo = new TempRepo().commit('base', BASE);
    for (const args of [['--format', 'xml'], ['--fail-on', 'loud'], ['--staged', '--base', 'main'], ['--base', '--output=x'], ['extra']]) {
      const r = await check(repo, ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^adr-workbench: check: /);
    }
    const git = await check(repo, '--base', 'nope');
    assert.equal(git.code, 2);
    assert.match(git.stderr, /unknown revision "nope"/);
  });

  it('check --format json: the whole outcome', async () => {
    repo = new TempRepo().commit('base', BASE);
    repo.write({ Dockerfile: 'FROM a\n' });
    const r = await check(repo, '--format', 'json');
    const out = JSON.parse(r.stdout) as { kind: string; findings: { rule: string; verdict: string; suggestion: { title: string } }[] };
    assert.equal(out.kind, 'reviewed');
    assert.deepEqual(out.findings.map((f) => [f.rule, f.verdict, f.suggestion.title]), [['infra-container', 'undocumented', 'Container image']]);
  });

  it('check --format sarif: SARIF 2.1.0 with rules, results, levels, locations and suppressions for documented ones', async () => {
    repo = new TempRepo().commit('base', { ...BASE, 'docs/adr/0002-img.md': record(2, 'Images', 'Accepted', 'x', ['docker/**']) });
    repo.write({ 'deploy/my app.yaml': 'kind: Pod\napiVersion: v1\n', 'docker/Dockerfile': 'FROM a\n', '.github/workflows/ci.yml': 'on: push\n' });
    const r = await check(repo, '--format', 'sarif');
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout) as Sarif;
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.runs.length, 1);
    const { driver } = log.runs[0]!.tool;
    assert.equal(driver.name, 'ADR Workbench');
    assert.ok(driver.rules.length >= 15);
    for (const rule of driver.rules) assert.ok(rule.id && rule.shortDescription.text && ['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    const results = log.runs[0]!.results;
    assert.deepEqual(results.map((x) => [x.ruleId, x.level, x.locations[0]!.physicalLocation.artifactLocation.uri, !!x.suppressions]), [
      ['ci-pipeline', 'note', '.github/workflows/ci.yml', false],
      ['infra-orchestration', 'warning', 'deploy/my%20app.yaml', false],
      ['infra-container', 'warning', 'docker/Dockerfile', true],
    ]);
    for (const x of results) {
      assert.equal(driver.rules[x.ruleIndex]!.id, x.ruleId);
      assert.equal(x.locations[0]!.physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.equal(x.locations[0]!.physicalLocation.region!.startLine, 1);
      assert.ok(x.message.text);
    }
  });

  it('check --format github: workflow annotations for undocumented findings only, escaped', async () => {
    repo = new TempRepo().commit('base', BASE);
    repo.write({ 'ops/a,b.yaml': 'kind: Pod\napiVersion: v1\n', '.github/workflows/ci.yml': 'on: push\n', 'package.json': pkg({ pg: '^8.0.0' }) });
    writeFileSync(join(repo.root, '.adr-review.yml'), 'acknowledged:\n  - {rule: dependency-added, path: package.json, reason: fine}\n');
    const r = await check(repo, '--format', 'github');
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0]!, /^::notice file=\.github\/workflows\/ci\.yml,line=1,title=Undocumented architectural change \[ci-pipeline\]::CI pipeline added: /);
    assert.match(lines[1]!, /^::warning file=ops\/a%2Cb\.yaml,line=1,title=Undocumented architectural change \[infra-orchestration\]::Kubernetes manifest added: ops\/a,b\.yaml\. /);
    assert.equal(lines[2], 'ADR review: 2 undocumented, 0 documented, 1 acknowledged');
  });

  it('ack: records the finding in .adr-review.yml, after which check passes', async () => {
    repo = new TempRepo().commit('base', BASE);
    repo.write({ 'package.json': pkg({ 'date-fns': '^3.0.0' }) });
    assert.equal((await check(repo)).code, 1);
    const r = await cli(new NodeFileSystem(), repo.root, ['ack', 'dependency-added:package.json:date-fns', '--reason', 'Formatting helper']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(join(repo.root, '.adr-review.yml'), 'utf8'), /- rule: dependency-added\n {4}path: package.json\n {4}subject: date-fns\n {4}reason: Formatting helper\n {4}by: Test User\n {4}date: 2026-11-24\n/);
    assert.equal((await check(repo)).code, 0);
    assert.equal((await cli(new NodeFileSystem(), repo.root, ['ack', 'nope:x:y', '--reason', 'r'])).code, 2);
  });

  it('hook install: fresh, idempotent, chaining an existing hook, honouring core.hooksPath — and the hook gates a real commit', async () => {
    repo = new TempRepo().commit('base', BASE);
    const hooks = join(repo.root, '.git', 'hooks');
    mkdirSync(hooks, { recursive: true });
    writeFileSync(join(hooks, 'pre-commit'), '#!/bin/sh\necho chained >> "$(git rev-parse --show-toplevel)/.git/chain.log"\n', { mode: 0o755 });
    const cliJs = join(repo.root, '.git', 'adrw-cli.js');
    bundleSingleCli(cliJs);
    const command = `node ${cliJs}`;
    const install = await cli(new NodeFileSystem(), repo.root, ['hook', 'install', '--command', command]);
    assert.equal(install.code, 0, install.stderr);
    assert.match(install.stdout, /existing hook kept as .*pre-commit\.pre-adr-workbench and run first/);
    const hook = readFileSync(join(hooks, 'pre-commit'), 'utf8');
    assert.match(hook, /# adr-workbench pre-commit hook/);
    assert.ok(statSync(join(hooks, 'pre-commit')).mode & 0o100);
    const again = await cli(new NodeFileSystem(), repo.root, ['hook', 'install', '--command', command]);
    assert.match(again.stdout, /already installed/);
    assert.equal(readFileSync(join(hooks, 'pre-commit'), 'utf8'), hook);

    repo.write({ Dockerfile: 'FROM node\n' });
    repo.git('add', 'Dockerfile');
    assert.notEqual(repo.gitStatus('commit', '-q', '-m', 'undocumented'), 0, 'the hook blocks the commit');
    assert.equal(readFileSync(join(repo.root, '.git', 'chain.log'), 'utf8'), 'chained\n');
    repo.write({ 'docs/adr/0002-docker.md': record(2, 'Docker', 'Accepted', 'x', ['Dockerfile']) });
    repo.git('add', '-A');
    assert.equal(repo.gitStatus('commit', '-q', '-m', 'documented'), 0, 'documented: the commit goes through');

    repo.git('config', 'core.hooksPath', '.husky');
    const husky = await cli(new NodeFileSystem(), repo.root, ['hook', 'install']);
    assert.equal(husky.code, 0);
    assert.ok(existsSync(join(repo.root, '.husky', 'pre-commit')));
    assert.match(readFileSync(join(repo.root, '.husky', 'pre-commit'), 'utf8'), /command -v adr-workbench/);
    assert.ok(!existsSync(join(repo.root, '.husky', 'pre-commit.pre-adr-workbench')));
  });
});
