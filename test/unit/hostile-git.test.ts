/**
 * The hostile-repository suite: real temporary repositories set up as an attacker would, the review
 * run in process and as the bundled CLI (`dist/cli.js`, as CI runs it) in every output format. Each
 * payload is a command that leaves a marker file outside the repository: no marker may exist
 * afterwards. A secret file outside the repository (and a secret in the CLI's environment, for
 * `/proc/self/environ`) must never appear in any output. Each vector ends with a control that runs
 * plain git on the same repository and sees the payload fire, so the test cannot pass vacuously.
 */
import { strict as assert } from 'node:assert';
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitCommandError, GitUnavailableError, ReviewEngine } from '../../src/core/review';
import { NOT_IN_PARTIAL_CLONE } from '../../src/core/review/changes';
import { NodeGit } from '../../src/platform/git';
import { NodeWorkTree } from '../../src/platform/workTree';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { cli } from '../support/cliHarness';
import { record, TempRepo, TEST_GIT_ENV } from '../support/gitRepo';
import { checkEverywhere, review, runCliProcess, summary, Witness, type CheckRun } from '../support/reviewHarness';

const pkg = (deps: Record<string, string>) => `${JSON.stringify({ name: 'app', dependencies: deps }, null, 2)}\n`;
const BASE = {
  'docs/adr/0001-record-architecture-decisions.md': record(1, 'Record architecture decisions'),
  'package.json': pkg({ express: '^4.0.0' }), Dockerfile: 'FROM node:20\n', 'src/a.txt': 'one\n', 'requirements.txt': 'flask==3.0\n',
};
/** Plain git as a user would run it in that repository (no protection): the control. Asynchronous, so a test's server keeps answering. */
const plainGit = (cwd: string, ...args: string[]) =>
  new Promise<void>((resolve) => {
    // The payload runs (or not) whatever git's exit code.
    execFile('git', args, { cwd, env: TEST_GIT_ENV, timeout: 20_000 }, () => resolve());
  });
const outputOf = (runs: readonly CheckRun[]) => runs.map((r) => `${r.stdout}${r.stderr}`).join('\n');

describe('hostile repositories: git never runs what the repository asks for', function () {
  this.timeout(120_000);
  let repo: TempRepo | undefined;
  let w: Witness;
  beforeEach(() => { w = new Witness(); });
  afterEach(() => {
    repo?.dispose();
    repo = undefined;
    w.dispose();
  });

  /** Drivers that leave a marker per kind: clean, process (long-running) and smudge. */
  const drivers = (w: Witness, source: string, tag = source.replace(/\W/g, '-')) => [
    '[filter "evilc"]', `\tclean = ${w.touch(`clean-${tag}`)}; cat`, '\trequired = true',
    '[filter "evilp"]', `\tprocess = ${w.touch(`process-${tag}`)}`,
    '[filter "evils"]', `\tsmudge = ${w.touch(`smudge-${tag}`)}; cat`, `\tclean = ${w.touch(`clean2-${tag}`)}; cat`, '',
  ].join('\n');
  const ATTRS = 'Dockerfile filter=evilc\npackage.json filter=evilp\n*.txt filter=evilc\nsrc/*.c filter=evils\n';

  /** A committed repository, then the filter set up from `source`, then a change that touches every filtered file. */
  function filterRepo(source: 'gitattributes' | 'info/attributes' | 'core.attributesFile' | 'include.path' | 'includeIf'): TempRepo {
    const r = new TempRepo().commit('base', { ...BASE, 'src/main.c': 'int main;\n' });
    const cfg = join(r.root, '.git', 'config');
    if (source === 'include.path' || source === 'includeIf') {
      writeFileSync(join(r.root, '.git', 'evil.inc'), drivers(w, source));
      writeFileSync(cfg, `${readFileSync(cfg, 'utf8')}${source === 'include.path' ? '[include]' : `[includeIf "gitdir:${r.root}/"]`}\n\tpath = evil.inc\n`);
    } else {
      writeFileSync(cfg, `${readFileSync(cfg, 'utf8')}${drivers(w, source)}`);
    }
    if (source === 'info/attributes') {
      mkdirSync(join(r.root, '.git', 'info'), { recursive: true });
      writeFileSync(join(r.root, '.git', 'info', 'attributes'), ATTRS);
    } else if (source === 'core.attributesFile') {
      writeFileSync(join(w.dir, 'attributes'), ATTRS);
      r.git('config', 'core.attributesFile', join(w.dir, 'attributes'));
    } else {
      r.write({ '.gitattributes': ATTRS });
    }
    // A change in every filtered file, a touched-but-same one, and an untracked one that matches too.
    r.write({ Dockerfile: 'FROM node:22\n', 'package.json': pkg({ express: '^4.0.0', pg: '^8.0.0' }), 'src/a.txt': 'one\n', 'new.txt': 'x\n' });
    execFileSync('touch', ['-d', '2030-01-01', join(r.root, 'src/a.txt'), join(r.root, 'requirements.txt'), join(r.root, 'src/main.c')]);
    return r;
  }

  for (const source of ['gitattributes', 'info/attributes', 'core.attributesFile', 'include.path', 'includeIf'] as const) {
    it(`clean, process and smudge filters named through ${source} never run (working, --base and --staged)`, async () => {
      repo = filterRepo(source);
      const runs = await checkEverywhere(repo.root);
      runs.push(await runCliProcess(repo.root, ['check', '--base', 'main']), await runCliProcess(repo.root, ['check', '--staged']));
      w.clean(runs);
      const text = runs[0]!.stdout;
      assert.match(text, /package\.json:\d+: warning \[dependency-added\] New dependency pg/, text);
      assert.match(text, /Dockerfile:1: warning \[infra-container\]/);
      assert.match(text, /has filter=evilc: compared as stored on disk, the filter not run/);
      const files = 3 + (source === 'info/attributes' || source === 'core.attributesFile' ? 0 : 1);
      assert.match(text, new RegExp(`${files} changed files against HEAD`), 'Dockerfile, package.json, new.txt (and .gitattributes): the touched files are not changes');
      // Control: git itself runs the repository's filters: to stage (clean, process), to check out (smudge).
      await plainGit(repo.root, 'add', '-A');
      repo.remove('src/main.c');
      await plainGit(repo.root, 'checkout', '--', 'src/main.c');
      assert.ok(w.markers().some((m) => m.startsWith('clean')), `control: clean filter ran (${w.markers().join(', ')})`);
      assert.ok(w.markers().some((m) => m.startsWith('process')), `control: process filter ran (${w.markers().join(', ')})`);
      assert.ok(w.markers().some((m) => m.startsWith('smudge')), `control: smudge filter ran (${w.markers().join(', ')})`);
    });
  }

  it('a racily clean index entry (time stamps in the future) is compared in process, never through the filter', async () => {
    repo = filterRepo('gitattributes');
    // The index claims the files were written after the index itself: git would re-hash them (through the filter).
    execFileSync('touch', ['-d', '2001-01-01', join(repo.root, '.git', 'index')]);
    const out = await review(repo);
    assert.deepEqual(w.markers(), []);
    assert.deepEqual(summary(out), ['dependency-added package.json pg undocumented', 'infra-container Dockerfile undocumented']);
  });
});

describe('hostile repositories: partial clones never fetch', function () {
  this.timeout(120_000);
  let src: TempRepo;
  let clone: TempRepo;
  let w: Witness;
  let firstCommit: string;
  let missing: string;
  let server: Server | undefined;

  beforeEach(() => {
    w = new Witness();
    src = new TempRepo().commit('one', { ...BASE, 'package.json': pkg({ express: '^4.0.0' }) });
    firstCommit = src.git('rev-parse', 'HEAD').trim();
    src.commit('two', { 'package.json': pkg({ express: '^4.0.0', redis: '^4.0.0' }), 'infra/main.tf': 'resource "a" "b" {}\n' });
    src.git('config', 'uploadpack.allowFilter', 'true');
    src.git('config', 'uploadpack.allowAnySHA1InWant', 'true');
    const at = `${realpathSync(mkdtempSync(join(tmpdir(), 'adrw-partial-')))}/clone`;
    execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${src.root}`, at], { env: TEST_GIT_ENV, stdio: 'ignore' });
    clone = new TempRepo({ git: false, at });
    missing = src.git('rev-parse', `${firstCommit}:package.json`).trim();
    // The old package.json is not in the clone: git would fetch it.
    assert.match(clone.git('rev-list', '--objects', '--missing=print', firstCommit), new RegExp(`\\?${missing}`));
    // The attacker re-allows every protocol in the repository's own config.
    clone.git('config', 'protocol.allow', 'always');
    for (const p of ['file', 'ext', 'ssh', 'git', 'http', 'https']) clone.git('config', `protocol.${p}.allow`, 'always');
  });
  afterEach(async () => {
    src.dispose();
    rmSync(join(clone.root, '..'), { recursive: true, force: true });
    w.dispose();
    if (server) await new Promise((r) => server!.close(r));
    server = undefined;
  });

  async function attempt(vector: string): Promise<void> {
    const runs = await checkEverywhere(clone.root, ['--base', firstCommit]);
    w.clean(runs);
    const text = runs[0]!.stdout;
    assert.match(text, new RegExp(`package\\.json: note: ${NOT_IN_PARTIAL_CLONE.replace(/[()]/g, '\\$&')} \\(the version before\\)`), text);
    assert.match(text, /infra\/main\.tf:1: warning \[infra-iac\]/, 'what can be read is still reviewed');
    assert.ok(!/dependency-(added|removed)/.test(text), 'a version that could not be read is not taken as empty');
    assert.ok(runs.every((r) => r.code === 1), runs.map((r) => `${r.how}: ${r.code} ${r.stderr}`).join('\n'));
    // Control: plain git, reading that blob, runs the payload.
    await plainGit(clone.root, 'cat-file', '-p', missing);
    assert.ok(w.markers().length > 0, `control: ${vector} ran`);
  }

  it('remote.origin.uploadpack (file:// promisor remote) never runs', async () => {
    clone.git('config', 'remote.origin.uploadpack', `${w.touch('uploadpack')}; git-upload-pack`);
    await attempt('uploadpack');
  });

  it('an ext:: promisor remote never runs', async () => {
    clone.git('config', 'remote.origin.url', `ext::sh -c ${w.touch('ext').replace(/ /g, '% ')}`);
    await attempt('ext::');
  });

  it('core.sshCommand for an ssh:// promisor remote never runs', async () => {
    clone.git('config', 'remote.origin.url', 'ssh://git@example.invalid/repo.git');
    clone.git('config', 'core.sshCommand', `${w.touch('ssh')}; false`);
    await attempt('core.sshCommand');
  });

  it('core.gitProxy for a git:// promisor remote never runs', async () => {
    const proxy = join(w.dir, 'proxy.sh');
    writeFileSync(proxy, `#!/bin/sh\n${w.touch('gitproxy')}\n`, { mode: 0o755 });
    clone.git('config', 'remote.origin.url', 'git://example.invalid/repo.git');
    clone.git('config', 'core.gitProxy', proxy);
    await attempt('core.gitProxy');
  });

  it('credential.helper and core.askPass for an http:// promisor remote that asks for a password never run', async () => {
    server = createServer((_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="x"' });
      res.end();
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    const askpass = join(w.dir, 'askpass.sh');
    writeFileSync(askpass, `#!/bin/sh\n${w.touch('askpass')}\necho x\n`, { mode: 0o755 });
    clone.git('config', 'remote.origin.url', `http://127.0.0.1:${port}/repo.git`);
    clone.git('config', 'credential.helper', `!${w.touch('credential')}; echo`);
    clone.git('config', 'core.askPass', askpass);
    await attempt('credential.helper / core.askPass');
  });
});

describe('hostile repositories: change content is read safely', function () {
  this.timeout(120_000);
  let repo: TempRepo | undefined;
  let w: Witness;
  beforeEach(() => { w = new Witness(); });
  afterEach(() => {
    repo?.dispose();
    repo = undefined;
    w.dispose();
  });

  it('symlinks to secrets, /dev/zero and /proc/self/environ, a FIFO, a symlinked folder: reported, never followed, never hanging', async () => {
    repo = new TempRepo().commit('base', { ...BASE, 'deploy/k8s/app.yaml': 'kind: Service\napiVersion: v1\n', 'go.mod': 'module x\n\ngo 1.22\n' });
    const outside = join(w.dir, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'app.yaml'), `kind: Service\napiVersion: v1\nmetadata: {name: "${w.secret}"}\n`);
    repo.remove('requirements.txt', 'package.json', 'Dockerfile', 'deploy', 'go.mod');
    symlinkSync(w.secretPath, join(repo.root, 'requirements.txt'));
    symlinkSync(w.secretPath, join(repo.root, 'package.json'));
    symlinkSync('/dev/zero', join(repo.root, 'Dockerfile'));
    symlinkSync('/proc/self/environ', join(repo.root, 'go.mod'));
    symlinkSync(outside, join(repo.root, 'deploy'));
    symlinkSync(w.secretPath, join(repo.root, 'Cargo.toml'));
    symlinkSync(w.secretPath, join(repo.root, '.adr-review.yml'));
    mkdirSync(join(repo.root, 'infra'));
    execFileSync('mkfifo', [join(repo.root, 'infra', 'main.tf')]);
    execFileSync('mkfifo', [join(repo.root, 'docker-compose.yml')]);
    const started = Date.now();
    const runs = await checkEverywhere(repo.root, [], { ADRW_ENV_SECRET: w.secret });
    assert.ok(Date.now() - started < 60_000, 'no hang');
    assert.ok(runs.every((r) => !r.stderr.includes('timed out')), outputOf(runs));
    w.clean(runs);
    const text = runs[0]!.stdout;
    assert.match(text, /package\.json: note: a symbolic link \(to .*secret\.txt\): not followed, not read/, text);
    assert.match(text, /requirements\.txt: note: a symbolic link/);
    assert.match(text, /go\.mod: note: a symbolic link \(to \/proc\/self\/environ\)/);
    assert.match(text, /\.adr-review\.yml: a symbolic link/);
    assert.ok(!/dependency-(added|removed)/.test(text), `a symlinked manifest is not parsed (nor taken as empty):\n${text}`);
    const json = JSON.parse(runs[1]!.stdout) as { repositories: { unread: { path: string }[] }[] };
    assert.ok(json.repositories[0]!.unread.some((u) => u.path === 'Dockerfile'));
    const sarif = JSON.parse(runs[2]!.stdout) as { runs: { invocations?: { toolExecutionNotifications: { message: { text: string } }[] }[] }[] };
    assert.ok(sarif.runs[0]!.invocations![0]!.toolExecutionNotifications.some((n) => /package\.json: a symbolic link/.test(n.message.text)));
    assert.match(runs[3]!.stdout, /::notice file=package\.json::package\.json: a symbolic link/);
  });

  it('a symlinked manifest staged or committed is reported as a symlink, not parsed (no dependency "removed")', async () => {
    repo = new TempRepo().commit('base', BASE);
    repo.remove('package.json');
    symlinkSync(w.secretPath, join(repo.root, 'package.json'));
    repo.git('add', '-A');
    const staged = await checkEverywhere(repo.root, ['--staged']);
    w.clean(staged);
    assert.match(staged[0]!.stdout, /package\.json: note: a symbolic link \(as staged or committed\): not followed, not read/, staged[0]!.stdout);
    assert.ok(!/dependency-removed/.test(staged[0]!.stdout + staged[4]!.stdout));
    repo.git('checkout', '-q', '-b', 'feature');
    repo.git('commit', '-q', '-m', 'link');
    const pr = await checkEverywhere(repo.root, ['--base', 'main']);
    w.clean(pr);
    assert.match(pr[0]!.stdout, /package\.json: note: a symbolic link/, pr[0]!.stdout);
    assert.ok(!/dependency-removed/.test(pr[0]!.stdout + pr[4]!.stdout));
  });

  it('a FIFO named .gitignore (git itself would block opening it) stops the review with a message, not a hang', async () => {
    repo = new TempRepo().commit('base', BASE);
    mkdirSync(join(repo.root, 'sub'));
    execFileSync('mkfifo', [join(repo.root, 'sub', '.gitignore')]);
    const engine = new ReviewEngine(new NodeGit({ timeoutMs: 1500 }), new NodeFileSystem(), new NodeWorkTree());
    const started = Date.now();
    await assert.rejects(engine.review({ folders: [repo.root], trusted: true }), (e: unknown) => e instanceof GitUnavailableError || e instanceof GitCommandError);
    assert.ok(Date.now() - started < 15_000, `${Date.now() - started} ms`);
  });

  it('a file far over the size cap is listed but not read', async () => {
    repo = new TempRepo().commit('base', BASE);
    repo.write({ 'package.json': `${pkg({ express: '^4.0.0', huge: '1' }).slice(0, -2)}${' '.repeat(3 * 1024 * 1024)}}\n` });
    const runs = await checkEverywhere(repo.root);
    w.clean(runs);
    assert.match(runs[0]!.stdout, /package\.json: note: larger than 2097152 bytes/);
  });

  it('terminal escape sequences in file names, lines and rule messages are shown, never interpreted', async () => {
    repo = new TempRepo().commit('base', {
      ...BASE,
      '.adr-review.yml': 'custom:\n  - id: esc\n    paths: ["src/**"]\n    title: "T \\e]0;pwned\\a"\n    message: "M \\e[2J\\e[31mred \\u009b31m"\n',
    });
    const evil = 'deploy/k8s/\x1b]0;owned\x07\x1b[2J\u202eevil.yaml';
    repo.write({ [evil]: 'kind: Service\napiVersion: v1\n', 'src/b.txt': 'x\x1b[5m\n', 'package.json': pkg({ express: '^4.0.0', 'a\x1b[8mb': '1' }) });
    const runs = await checkEverywhere(repo.root);
    w.clean(runs);
    for (const r of runs) {
      assert.ok(!/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/.test(r.stdout + r.stderr), `${r.how} printed a raw control character:\n${JSON.stringify(r.stdout)}`);
    }
    assert.match(runs[0]!.stdout, /\\u001b\]0;owned\\u0007\\u001b\[2J\\u202eevil\.yaml/);
    assert.match(runs[0]!.stdout, /M \\u001b\[2J\\u001b\[31mred \\u009b31m/);
    const json = JSON.parse(runs[1]!.stdout) as { findings: { path: string; message: string }[] };
    assert.ok(json.findings.some((f) => f.path === evil), 'JSON keeps the real name (escaped, same meaning)');
    assert.ok(json.findings.some((f) => f.message.includes('\u009b')));
  });

  it('a catastrophic custom pattern (^(a+)+$) on a long changed line finishes at once; a backreference is refused with one line', async () => {
    repo = new TempRepo().commit('base', {
      ...BASE,
      '.adr-review.yml': 'custom:\n  - id: redos\n    paths: ["src/**"]\n    added: "^(a+)+$"\n  - id: backref\n    paths: ["src/**"]\n    added: "(a)\\\\1"\n',
    });
    repo.write({ 'src/a.txt': `${'a'.repeat(100_000)}b\n${'a'.repeat(40)}!\n` });
    const started = Date.now();
    const runs = await checkEverywhere(repo.root);
    assert.ok(Date.now() - started < 30_000, `took ${Date.now() - started} ms`);
    w.clean(runs);
    assert.match(runs[0]!.stdout, /warning: custom\[1\]\.added: .*\(patterns run on RE2: no backreferences or lookaround\)/, runs[0]!.stdout);
    repo.write({ 'src/a.txt': 'aaaa\n' });
    const r = await cli(new NodeFileSystem(), repo.root, ['check']);
    assert.match(r.stdout, /\[custom\/redos\]/, 'the pattern still matches what it should');
  });

  it('a fresh copy of a clean repository has no changes (stat data differs, content does not), and no filter runs for it', async () => {
    repo = new TempRepo().commit('base', { ...BASE, 'bin/run.sh': '#!/bin/sh\n', 'crlf.txt': 'a\r\nb\r\n', 'img.bin': new Uint8Array([0, 1, 2, 3]) });
    symlinkSync('src/a.txt', join(repo.root, 'link'));
    repo.commit('link');
    writeFileSync(join(repo.root, '.git', 'config'), `${readFileSync(join(repo.root, '.git', 'config'), 'utf8')}${drivers(w)}`);
    mkdirSync(join(repo.root, '.git', 'info'), { recursive: true });
    writeFileSync(join(repo.root, '.git', 'info', 'attributes'), '* filter=evilc\n');
    const copy = `${w.dir}/copy`;
    cpSync(repo.root, copy, { recursive: true, verbatimSymlinks: true });
    const runs = await checkEverywhere(copy);
    w.clean(runs);
    assert.match(runs[0]!.stdout, /^0 changed files against HEAD: 0 undocumented/m, runs[0]!.stdout);
    assert.ok(runs.every((r) => r.code === 0));
  });

  function drivers(w: Witness): string {
    return `[filter "evilc"]\n\tclean = ${w.touch('clean')}; cat\n`;
  }
});

describe('hostile repositories: honest exit codes', function () {
  this.timeout(60_000);
  let repo: TempRepo | undefined;
  afterEach(() => {
    repo?.dispose();
    repo = undefined;
  });

  it('check exits 2 with the reason when git refuses the repository (owned by another user: dubious ownership)', async () => {
    repo = new TempRepo().commit('base', BASE);
    repo.write({ Dockerfile: 'FROM x\n' });
    assert.equal(process.getuid?.(), 0, 'this test reproduces the CI container case as root (owner differs)');
    execFileSync('chown', ['-R', '4242:4242', repo.root]);
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const r = await runCliProcess(repo.root, ['check', '--format', format]);
      assert.equal(r.code, 2, `${format}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /not reviewed: detected dubious ownership in repository at .*safe\.directory/);
    }
    const inProcess = await cli(new NodeFileSystem(), repo.root, ['check', '--fail-on', 'never']);
    assert.equal(inProcess.code, 2, 'even --fail-on never does not pass a review that did not happen');
  });
});
