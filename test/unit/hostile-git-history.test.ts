/**
 * Hostile repositories and the history: a repository whose config names a filter, textconv and
 * external diff driver, fsmonitor, hooks, a pager, and a gpg program that `log.showSignature` would
 * run on its signed commit. `log`, `log REF`, `list --at` and `show --at` (in process and as the
 * bundled binary) must leave no marker; plain git on the same repository fires them (the control).
 */
import { strict as assert } from 'node:assert';
import { execFile, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { cli } from '../support/cliHarness';
import { TEST_GIT_ENV } from '../support/gitRepo';
import { HistoryRepo, nygard } from '../support/historyRepo';
import { Witness, type CheckRun } from '../support/reviewHarness';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const P = 'doc/adr/0002-use-postgresql.md';
const plainGit = (cwd: string, ...args: string[]) =>
  new Promise<void>((resolve) => { execFile('git', args, { cwd, env: TEST_GIT_ENV, timeout: 20_000 }, () => resolve()); });

describe('hostile repositories: the history runs nothing the repository names', function () {
  this.timeout(120_000);
  let repo: HistoryRepo | undefined;
  let w: Witness;
  beforeEach(() => { w = new Witness(); });
  afterEach(() => {
    repo?.dispose();
    repo = undefined;
    w.dispose();
  });

  it('filters, textconv, external diff, fsmonitor, hooks, pager and a gpg program never fire during log or --at', async () => {
    repo = new HistoryRepo();
    const script = (name: string, body: string) => {
      const path = join(w.dir, name);
      writeFileSync(path, `#!/bin/sh\n${body}\n`);
      chmodSync(path, 0o755);
      return path;
    };
    // A signed commit (signed by a stand-in gpg), so that log.showSignature has something to verify.
    const signer = script('sign', `cat >/dev/null\necho '[GNUPG:] SIG_CREATED D 1 8 00 1700000000 ABCDEF' >&2\nprintf -- '-----BEGIN PGP SIGNATURE-----\\n\\nAAAA\\n-----END PGP SIGNATURE-----\\n'`);
    repo.commitAs('Alice', '2024-01-05T10:00:00Z', 'First', {
      'doc/adr/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions', 'Accepted'),
      [P]: nygard(2, 'Use PostgreSQL', 'Proposed'),
      '.gitattributes': '*.md filter=evil diff=evil\n',
    });
    repo.git('add', '-A');
    repo.write({ [P]: nygard(2, 'Use PostgreSQL', 'Accepted') });
    repo.git('add', '-A');
    repo.gitAs('Bob', '2024-02-01T09:00:00Z', '-c', `gpg.program=${signer}`, '-c', 'user.signingkey=ABCDEF', 'commit', '-q', '-S', '-m', 'Accept (signed)');
    // Now the payloads.
    const hooks = join(w.dir, 'hooks');
    mkdirSync(hooks);
    for (const hook of ['pre-commit', 'post-checkout', 'post-merge', 'reference-transaction', 'post-index-change', 'pre-auto-gc']) script(join('hooks', hook), w.touch(`hook-${hook}`));
    const cfg = join(repo.root, '.git', 'config');
    writeFileSync(cfg, `${readFileSync(cfg, 'utf8')}${[
      '[core]', `\tfsmonitor = ${script('fsmonitor', w.touch('fsmonitor'))}`, `\thooksPath = ${hooks}`, `\tpager = ${w.touch('pager')}; cat`,
      '[filter "evil"]', `\tclean = ${w.touch('clean')}; cat`, `\tsmudge = ${w.touch('smudge')}; cat`, '\trequired = true',
      '[diff "evil"]', `\ttextconv = ${script('textconv', `${w.touch('textconv')}\ncat "$1"`)}`, `\tcommand = ${w.touch('diff-command')}`,
      '[diff]', `\texternal = ${script('external', w.touch('external'))}`,
      '[log]', '\tshowSignature = true', '\tfollow = true',
      '[gpg]', `\tprogram = ${script('gpg', `${w.touch('gpg')}\ncat >/dev/null`)}`,
      '[pager]', `\tlog = ${w.touch('pager-log')}; cat`,
      '',
    ].join('\n')}`);

    const runs: CheckRun[] = [];
    for (const argv of [['log'], ['log', '--json'], ['log', '2'], ['list', '--at', 'HEAD~1'], ['list', '--json', '--at', 'HEAD'], ['show', '2', '--at', 'HEAD~1']]) {
      const r = await cli(new NodeFileSystem(), repo.root, argv);
      runs.push({ how: `in process: ${argv.join(' ')}`, ...r } as unknown as CheckRun);
      assert.equal(r.code, 0, `${argv.join(' ')}: ${r.stderr}`);
    }
    for (const argv of [['log', '2'], ['list', '--at', 'HEAD~1']]) {
      const b: SpawnSyncReturns<string> = spawnSync(process.execPath, [CLI, ...argv], { cwd: repo.root, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: w.dir } });
      runs.push({ how: `binary: ${argv.join(' ')}`, code: b.status, stdout: b.stdout, stderr: b.stderr } as unknown as CheckRun);
      assert.equal(b.status, 0, b.stderr);
    }
    w.clean(runs);
    assert.match(runs[2]!.stdout, /proposed → accepted/);
    assert.match(runs[3]!.stdout, /0002-use-postgresql\.md\tproposed/);

    // Control: plain git runs them.
    await plainGit(repo.root, 'log', '-1');
    await plainGit(repo.root, 'log', '-p', '--ext-diff', '-1', '--', P);
    await plainGit(repo.root, 'diff', '--no-ext-diff', 'HEAD~1', 'HEAD', '--', P);
    await plainGit(repo.root, 'status');
    repo.remove(P);
    await plainGit(repo.root, 'checkout', '--', P);
    await plainGit(repo.root, 'commit', '--allow-empty', '-m', 'x');
    const fired = w.markers();
    for (const m of ['gpg', 'diff-command', 'textconv', 'fsmonitor', 'smudge', 'hook-pre-commit']) assert.ok(fired.includes(m), `control: ${m} ran (${fired.join(', ')})`);
  });
});
