/**
 * The GitHub Action's script (scripts/github-action.mjs, which action.yml runs), run locally as the
 * runner would: real repositories with a base commit and a head commit adding an undocumented
 * dependency, GITHUB_* variables pointing at temporary files. Asserts the annotations, the step
 * summary, the SARIF file, the step outputs and the exit status; a shallow checkout has its base
 * fetched; a hostile checkout's git config runs nothing while it is.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { record, TEST_GIT_ENV, TempRepo } from '../support/gitRepo';
import { bundleSingleCli } from '../support/cliBundle';

const SCRIPT = join(process.cwd(), 'scripts', 'github-action.mjs');
const pkg = (deps: Record<string, string>) => `${JSON.stringify({ name: 'app', dependencies: deps }, null, 2)}\n`;
const BASE = { 'docs/adr/0001-record-architecture-decisions.md': record(1, 'Record architecture decisions'), 'package.json': pkg({}), 'src/a.ts': '1\n' };

interface Run { code: number; stdout: string; stderr: string; summary: string; outputs: Record<string, string>; sarif?: { runs: { results: { ruleId: string; message: { text: string } }[] }[] } }

describe('GitHub Action: the script run locally against fixture repositories', function () {
  this.timeout(60000);
  let tmp: string;
  let cliJs: string;
  before(() => {
    tmp = realpathSync(mkdtempSync(join(tmpdir(), 'adrw-action-')));
    cliJs = join(tmp, 'adrw-cli.js');
    bundleSingleCli(cliJs);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  /** Runs the script in `cwd` with the runner's variables; `event` is the webhook payload. */
  function action(cwd: string, event: unknown, env: Record<string, string> = {}): Run {
    const run = mkdtempSync(join(tmp, 'run-'));
    const files = { GITHUB_EVENT_PATH: join(run, 'event.json'), GITHUB_STEP_SUMMARY: join(run, 'summary.md'), GITHUB_OUTPUT: join(run, 'output.txt') };
    writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(event));
    writeFileSync(files.GITHUB_STEP_SUMMARY, '');
    writeFileSync(files.GITHUB_OUTPUT, '');
    const r = spawnSync(process.execPath, [SCRIPT], {
      cwd,
      env: { ...TEST_GIT_ENV, ...files, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: cwd, RUNNER_TEMP: run, ADRW_CLI: cliJs, ...env },
      encoding: 'utf8',
    });
    const outputs = Object.fromEntries(readFileSync(files.GITHUB_OUTPUT, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    const sarifPath = join(run, 'adr-review.sarif');
    return {
      code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'), outputs,
      ...(existsSync(sarifPath) ? { sarif: JSON.parse(readFileSync(sarifPath, 'utf8')) as Run['sarif'] } : {}),
    };
  }

  /** A repository whose `main` is the base and whose `feature` adds redis, undocumented. */
  function fixture(): { repo: TempRepo; base: string } {
    const repo = new TempRepo({ at: join(mkdtempSync(join(tmp, 'origin-')), 'origin') }).commit('base', BASE);
    const base = repo.git('rev-parse', 'HEAD').trim();
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('add redis', { 'package.json': pkg({ redis: '^4.0.0' }), 'src/a.ts': '2\n' });
    return { repo, base };
  }

  it('a pull request adding an undocumented dependency: annotation, summary, SARIF, outputs, exit 1; with its record: exit 0', () => {
    const { repo, base } = fixture();
    const pr = { pull_request: { number: 7, base: { sha: base, ref: 'main' } } };
    const r = action(repo.root, pr);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^::warning file=package\.json,line=4,title=Undocumented architectural change \[dependency-added\]::New dependency redis \^4\.0\.0/m);
    assert.match(r.summary, /^### ADR review: ❌ 1 change to document\n\n2 changed files against merge base of [0-9a-f]{40} and HEAD: 1 undocumented/);
    assert.match(r.summary, /\| ❌ undocumented \| warning \| `package\.json:4` \| New dependency redis/);
    assert.match(r.summary, /#### Suggested records/);
    assert.deepEqual(r.sarif!.runs[0]!.results.map((x) => x.ruleId), ['dependency-added']);
    assert.deepEqual({ ...r.outputs, 'sarif-file': r.outputs['sarif-file']!.endsWith('/adr-review.sarif') }, { 'sarif-file': true, base, 'exit-code': '1' });

    repo.commit('record', { 'docs/adr/0002-use-redis.md': record(2, 'Use Redis for caching', 'Accepted', 'We use redis.', ['package.json']) });
    const ok = action(repo.root, pr);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.summary, /^### ADR review: ✅ passes\n/);
    assert.match(ok.summary, /\| ✅ documented \| warning \| `package\.json:4` \|.*governed by ADR\\-0002/);
    assert.equal(ok.outputs['exit-code'], '0');
    // fail-on error: the same change passes; the base input beats the event.
    const lenient = action(repo.root, {}, { ADRW_BASE: 'main', ADRW_FAIL_ON: 'error' });
    assert.equal(lenient.code, 0);
    assert.equal(lenient.outputs.base, 'main');
  });

  it('a shallow checkout (fetch-depth 1) has the base fetched and the history deepened to the merge base', () => {
    const { repo, base } = fixture();
    const work = join(mkdtempSync(join(tmp, 'work-')), 'work');
    execFileSync('git', ['clone', '-q', '--depth=1', '--branch', 'feature', `file://${repo.root}`, work], { env: TEST_GIT_ENV });
    assert.notEqual(spawnSync('git', ['cat-file', '-e', `${base}^{commit}`], { cwd: work, env: TEST_GIT_ENV }).status, 0, 'the base is not in the checkout');
    const r = action(work, { pull_request: { base: { sha: base } } }, { GITHUB_SERVER_URL: `file://${join(repo.root, '..')}`, GITHUB_REPOSITORY: 'origin' });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /::warning file=package\.json,line=4,.*New dependency redis/);
    assert.equal(r.outputs.base, base);
    assert.match(r.summary, /1 undocumented/);
  });

  it('a hostile checkout: fetching its base runs none of the hooks, fsmonitor, credential helper, ssh or ext:: commands its git config names', () => {
    const { repo, base } = fixture();
    const marker = join(tmp, `pwned-${Date.now()}`);
    const hooks = mkdtempSync(join(tmp, 'hooks-'));
    for (const h of ['reference-transaction', 'post-checkout', 'pre-auto-gc', 'post-index-change']) {
      writeFileSync(join(hooks, h), `#!/bin/sh\necho ${h} >> "${marker}"\n`);
      chmodSync(join(hooks, h), 0o755);
    }
    const cmd = join(hooks, 'payload.sh');
    writeFileSync(cmd, `#!/bin/sh\necho payload >> "${marker}"\nexit 1\n`);
    chmodSync(cmd, 0o755);
    const hostileClone = (extra: [string, string][]) => {
      const work = join(mkdtempSync(join(tmp, 'work-')), 'work');
      execFileSync('git', ['clone', '-q', '--depth=1', '--branch', 'feature', `file://${repo.root}`, work], { env: TEST_GIT_ENV });
      const config: [string, string][] = [
        ['core.hooksPath', hooks], ['core.fsmonitor', cmd], ['credential.helper', `!${cmd}`], ['core.sshCommand', cmd],
        ['core.alternateRefsCommand', cmd], ['protocol.ext.allow', 'always'], ...extra,
      ];
      for (const [k, v] of config) execFileSync('git', ['config', k, v], { cwd: work, env: TEST_GIT_ENV });
      return work;
    };
    const server = { GITHUB_SERVER_URL: `file://${join(repo.root, '..')}`, GITHUB_REPOSITORY: 'origin' };
    const pr = { pull_request: { base: { sha: base } } };

    const work = hostileClone([]);
    const r = action(work, pr, server);
    assert.equal(r.code, 1, `fetched and reviewed: ${r.stderr}`);
    assert.match(r.stdout, /New dependency redis/);
    assert.ok(!existsSync(marker), `nothing ran: ${existsSync(marker) ? readFileSync(marker, 'utf8') : ''}`);

    // The remote URL rewritten to an ext:: command: refused (only the server's own transport is allowed).
    const rewritten = hostileClone([[`url.ext::${cmd} %S .insteadOf`, 'file://']]);
    const x = action(rewritten, pr, server);
    assert.equal(x.code, 2);
    assert.match(x.stderr, /^::error::ADR review: cannot fetch /m);
    assert.ok(!existsSync(marker), `nothing ran: ${existsSync(marker) ? readFileSync(marker, 'utf8') : ''}`);

    // Control: plain git with the same config runs the payload.
    spawnSync('git', ['status'], { cwd: work, env: TEST_GIT_ENV });
    assert.ok(existsSync(marker), 'the payload works when git is run plainly');
  });

  it('action.yml runs this script with the inputs it reads, uploads the SARIF it writes, and builds in the action\'s folder', () => {
    interface Step { name: string; id?: string; if?: string; uses?: string; run?: string; shell?: string; 'working-directory'?: string; env?: Record<string, string>; with?: Record<string, string> }
    const action = parseYaml(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } };
    assert.equal(action.runs.using, 'composite');
    const [build, review, upload] = action.runs.steps;
    assert.equal(build!['working-directory'], '${{ github.action_path }}');
    assert.match(build!.run!, /^npm ci /);
    assert.equal(review!.run, 'node "$GITHUB_ACTION_PATH/scripts/github-action.mjs"');
    const script = readFileSync(SCRIPT, 'utf8');
    for (const [name, value] of Object.entries(review!.env!)) {
      assert.ok(script.includes(`env.${name}`), `the script reads ${name}`);
      const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value)?.[1];
      if (input) assert.ok(input in action.inputs, `input ${input} is declared`);
    }
    assert.match(upload!.uses!, /^github\/codeql-action\/upload-sarif@v\d+$/);
    assert.equal(upload!.with!.sarif_file, '${{ steps.review.outputs.sarif-file }}');
    assert.match(upload!.if!, /inputs\.upload-sarif == 'true'/);
    assert.match(upload!.if!, /!cancelled\(\)/, 'uploaded when the gate fails too');
    for (const o of ['sarif-file', 'base', 'exit-code']) assert.equal(action.outputs[o]!.value, `\${{ steps.review.outputs.${o} }}`);
  });

  it('no base to compare with, a missing CLI, a folder that is not a checkout: exit 2 with one ::error line', () => {
    const { repo } = fixture();
    const none = action(repo.root, {});
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^::error::ADR review: no base to compare with/m);
    assert.equal(none.outputs['exit-code'], '2');
    const cli = action(repo.root, {}, { ADRW_BASE: 'main', ADRW_CLI: join(tmp, 'nope.js') });
    assert.match(cli.stderr, /^::error::ADR review: .*nope\.js is missing/m);
    const bare = mkdtempSync(join(tmp, 'plain-'));
    const notRepo = action(bare, {}, { ADRW_BASE: 'main' });
    assert.equal(notRepo.code, 2);
    assert.match(notRepo.stderr, /is not a git checkout/);
    assert.equal(action(repo.root, {}, { ADRW_BASE: '--upload-pack=touch' }).code, 2);
  });
});
