/** `hook install` on repositories and setups that could make it lose a user's work or write where it should not. */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { cli } from '../support/cliHarness';
import { TempRepo } from '../support/gitRepo';
import { runCliProcess } from '../support/reviewHarness';

const noStack = (stderr: string) => assert.ok(!/\n\s+at /.test(stderr) && stderr.trim().split('\n').length === 1, `one line, no stack trace: ${stderr}`);

describe('hook install on hostile setups', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let home: string;
  beforeEach(() => {
    repo = new TempRepo().commit('base', { 'a.txt': '1\n' });
    home = realpathSync(mkdtempSync(join(tmpdir(), 'adrw-home-')));
  });
  afterEach(() => {
    repo.dispose();
    rmSync(home, { recursive: true, force: true });
  });

  it('an installed hook edited by the user is kept as a backup (numbered when taken), never overwritten', async () => {
    const hooks = join(repo.root, '.git', 'hooks');
    const first = await cli(new NodeFileSystem(), repo.root, ['hook', 'install', '--command', 'adrw']);
    assert.equal(first.code, 0, first.stderr);
    const edited = `${readFileSync(join(hooks, 'pre-commit'), 'utf8')}\n# my own line\nmake lint\n`;
    writeFileSync(join(hooks, 'pre-commit'), edited, { mode: 0o755 });
    const second = await cli(new NodeFileSystem(), repo.root, ['hook', 'install', '--command', 'adrw']);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /differs from the hook this command writes \(edited\?\): kept as .*pre-commit\.adr-workbench-backup\n/);
    assert.equal(readFileSync(join(hooks, 'pre-commit.adr-workbench-backup'), 'utf8'), edited);
    assert.ok(!readFileSync(join(hooks, 'pre-commit'), 'utf8').includes('make lint'));
    writeFileSync(join(hooks, 'pre-commit'), `${edited}# again\n`);
    const third = await cli(new NodeFileSystem(), repo.root, ['hook', 'install', '--command', 'adrw']);
    assert.equal(third.code, 0, third.stderr);
    assert.equal(readFileSync(join(hooks, 'pre-commit.adr-workbench-backup'), 'utf8'), edited, 'the first backup is untouched');
    assert.equal(readFileSync(join(hooks, 'pre-commit.adr-workbench-backup.1'), 'utf8'), `${edited}# again\n`);
    const same = await cli(new NodeFileSystem(), repo.root, ['hook', 'install', '--command', 'adrw']);
    assert.match(same.stdout, /already installed/);
  });

  it('a core.hooksPath from the global config is refused without --global (nothing written there), used with it and said so', async () => {
    const global = join(home, 'global-hooks');
    writeFileSync(join(home, '.gitconfig'), `[core]\n\thooksPath = ${global}\n`);
    const env = { HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
    const refused = await runCliProcess(repo.root, ['hook', 'install'], env);
    assert.equal(refused.code, 2, refused.stdout + refused.stderr);
    assert.match(refused.stderr, /core\.hooksPath is set in your global git config \(.*global-hooks\): a hook there runs in every repository; pass --global/);
    noStack(refused.stderr);
    assert.ok(!existsSync(global), 'nothing written in the global folder');
    assert.ok(!existsSync(join(repo.root, '.git', 'hooks', 'pre-commit')), 'nor silently elsewhere');
    const ok = await runCliProcess(repo.root, ['hook', 'install', '--global'], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /global-hooks\/pre-commit: installed \(global hooks folder: runs in every repository\)/);
    assert.deepEqual(readdirSync(global), ['pre-commit']);
    const noGlobal = await runCliProcess(repo.root, ['hook', 'install', '--global'], { HOME: join(home, 'nowhere') });
    assert.equal(noGlobal.code, 2);
    assert.match(noGlobal.stderr, /--global needs core\.hooksPath set in your global git config/);
  });

  it("a repository's core.hooksPath pointing outside it is refused; a folder named pre-commit is a one-line error", async () => {
    const outside = join(home, 'outside-hooks');
    repo.git('config', 'core.hooksPath', outside);
    const out = await cli(new NodeFileSystem(), repo.root, ['hook', 'install']);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /core\.hooksPath \(.*outside-hooks\) is outside the repository; refusing/);
    assert.ok(!existsSync(outside));
    repo.git('config', '--unset', 'core.hooksPath');
    mkdirSync(join(repo.root, '.git', 'hooks', 'pre-commit'), { recursive: true });
    const dir = await runCliProcess(repo.root, ['hook', 'install']);
    assert.equal(dir.code, 2, dir.stdout + dir.stderr);
    assert.match(dir.stderr, /pre-commit is a folder, not a hook; move it away first/);
    noStack(dir.stderr);
  });
});
