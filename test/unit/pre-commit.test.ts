/**
 * The pre-commit framework, for real: Debian's `pre-commit` installs this repository's hooks from a
 * local clone (`repo: <path>`, `rev: <commit>`) — the `node` hook through `npm install` and `npm pack`,
 * the `system` one from the project's node_modules — and a real `git commit` adding an undocumented
 * dependency is refused with the finding shown; the same commit with its record passes.
 *
 * Needs `pre-commit` (installed with apt-get when missing and running as root) and the npm registry
 * or npm's cache (the node hook installs this package's dependencies). Without pre-commit it fails,
 * saying so: it does not skip.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { record, TEST_GIT_ENV, TempRepo } from '../support/gitRepo';
import { bundleSingleCli } from '../support/cliBundle';

function preCommitVersion(): string | undefined {
  const r = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** pre-commit on the PATH: installed with apt-get when missing and root; an error saying how when it cannot be had. */
function ensurePreCommit(): string {
  const have = preCommitVersion();
  if (have) return have;
  const why: string[] = [];
  if (process.getuid?.() === 0) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    let r = spawnSync('apt-get', ['install', '-y', '-q', 'pre-commit'], { encoding: 'utf8', env });
    if (r.status !== 0) {
      spawnSync('apt-get', ['update', '-q'], { encoding: 'utf8', env });
      r = spawnSync('apt-get', ['install', '-y', '-q', 'pre-commit'], { encoding: 'utf8', env });
    }
    if (r.status !== 0) why.push(`apt-get install pre-commit failed: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}`);
    const now = preCommitVersion();
    if (now) return now;
  } else why.push('not root, so it was not installed with apt-get');
  throw new Error(`this test needs the pre-commit framework and it is not installed (${why.join('; ')}): run \`apt-get install pre-commit\` (Debian) or \`pipx install pre-commit\``);
}

describe('pre-commit framework: this repository\'s hooks installed and run by pre-commit', function () {
  this.timeout(900_000);
  let tmp: string;
  let project: TempRepo | undefined;
  before(() => {
    tmp = realpathSync(mkdtempSync(join(tmpdir(), 'adrw-pre-commit-')));
  });
  after(() => {
    project?.dispose();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('both hooks install from a local clone; a commit adding an undocumented dependency is refused with the finding, with its record it passes', () => {
    const version = ensurePreCommit();
    // The hook repository: this one, as committed (HEAD).
    const hookRepo = join(tmp, 'adr-workbench');
    execFileSync('git', ['clone', '-q', '--no-hardlinks', process.cwd(), hookRepo], { env: TEST_GIT_ENV });
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: hookRepo, env: TEST_GIT_ENV, encoding: 'utf8' }).trim();

    // The `system` hook runs `npx --no-install adr-workbench`: the project has it in node_modules (here, this CLI bundled).
    const cliJs = join(tmp, 'adrw-cli.js');
    bundleSingleCli(cliJs);
    project = new TempRepo({ at: join(tmp, 'project') });
    const bin = join(project.root, 'node_modules', '.bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'adr-workbench'), `#!/bin/sh\nexec "${process.execPath}" "${cliJs}" "$@"\n`);
    chmodSync(join(bin, 'adr-workbench'), 0o755);
    const config = `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: adr-review\n      - id: adr-review-system\n`;
    project.commit('base', {
      '.gitignore': 'node_modules/\n',
      '.pre-commit-config.yaml': config,
      'docs/adr/0001-record-architecture-decisions.md': record(1, 'Record architecture decisions'),
      'package.json': `${JSON.stringify({ name: 'app', private: true, dependencies: {} }, null, 2)}\n`,
    });

    const env = {
      ...TEST_GIT_ENV, PRE_COMMIT_HOME: join(tmp, 'cache'), PRE_COMMIT_COLOR: 'never',
      npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false',
    };
    const run = (cmd: string, ...args: string[]) => {
      const r = spawnSync(cmd, args, { cwd: project!.root, env, encoding: 'utf8' });
      return { code: r.status, out: `${r.stdout}${r.stderr}` };
    };
    const installed = run('pre-commit', 'install');
    assert.equal(installed.code, 0, installed.out);
    const started = Date.now();
    const hooks = run('pre-commit', 'install-hooks');
    assert.equal(hooks.code, 0, `${version} installs the hooks:\n${hooks.out}`);
    const installSeconds = (Date.now() - started) / 1000;

    const head = project.git('rev-parse', 'HEAD').trim();
    project.write({ 'package.json': `${JSON.stringify({ name: 'app', private: true, dependencies: { redis: '^4.0.0' } }, null, 2)}\n` });
    project.git('add', '-A');
    const refused = run('git', 'commit', '-m', 'Add redis');
    assert.equal(refused.code, 1, refused.out);
    assert.equal(project.git('rev-parse', 'HEAD').trim(), head, 'no commit was made');
    assert.match(refused.out, /^ADR Workbench architecture review\.+Failed$/m);
    assert.match(refused.out, /^ADR Workbench architecture review \(installed adr-workbench\)\.+Failed$/m);
    const findings = refused.out.match(/^package\.json:\d+: warning \[dependency-added\] New dependency redis \^4\.0\.0 in package\.json \(npm\) — UNDOCUMENTED$/gm) ?? [];
    assert.equal(findings.length, 2, `each hook shows the finding:\n${refused.out}`);

    project.write({ 'docs/adr/0002-use-redis-for-caching.md': record(2, 'Use Redis for caching', 'Accepted', 'We cache sessions in redis.') });
    project.git('add', '-A');
    const passed = run('git', 'commit', '-m', 'Add redis, with its record');
    assert.equal(passed.code, 0, passed.out);
    assert.match(passed.out, /^ADR Workbench architecture review\.+Passed$/m);
    assert.match(passed.out, /^ADR Workbench architecture review \(installed adr-workbench\)\.+Passed$/m);
    assert.notEqual(project.git('rev-parse', 'HEAD').trim(), head);
    console.log(`      (${version}; hooks installed in ${installSeconds.toFixed(0)} s)`);
  });
});
