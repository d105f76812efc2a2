/**
 * The bundled binary (dist/cli.js and its per-module bundles) through a real shell: a closed pipe
 * ends it quietly, help and --version load no command bundle, and the code cache is written once
 * and survives a corrupt cache file.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(process.cwd(), 'dist', 'cli.js');

(process.platform === 'win32' ? describe.skip : describe)('CLI: the bundled binary', () => {
  let dir: string;
  let cache: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'adrw-binary-'));
    cache = join(dir, '.cache');
    mkdirSync(join(dir, 'doc', 'adr'), { recursive: true });
    // Enough output to fill a pipe buffer (64 KiB) many times over.
    for (let i = 1; i <= 4000; i++) writeFileSync(join(dir, 'doc', 'adr', `${String(i).padStart(4, '0')}-a-decision-with-a-rather-long-title-${i}.md`), `# ${i}. A decision\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function sh(script: string) {
    const r = spawnSync('bash', ['-c', `set -o pipefail; ${script}`], { cwd: dir, encoding: 'utf8', env: { ...process.env, CLI, ADRW_COMPILE_CACHE: cache } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('`list | head -1`: the first line, nothing on stderr, exit 0 (EPIPE ends it quietly)', () => {
    for (let i = 0; i < 3; i++) {
      const r = sh('node "$CLI" list | head -1');
      assert.equal(r.stdout, 'doc/adr/0001-a-decision-with-a-rather-long-title-1.md\n');
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
    }
    const help = sh('node "$CLI" help | head -1');
    assert.deepEqual([help.code, help.stderr], [0, '']);
    const toc = sh('node "$CLI" generate toc | head -2');
    assert.deepEqual([toc.code, toc.stdout, toc.stderr], [0, '# Architecture Decision Records\n\n', '']);
  });

  it('--version and help write no code cache (no command bundle is loaded); a command writes its own once', () => {
    rmSync(cache, { recursive: true, force: true });
    assert.equal(sh('node "$CLI" --version').stdout, '0.1.0\n');
    assert.ok(sh('node "$CLI" help new').stdout.startsWith('usage: adr-workbench new '));
    const hasEnableCompileCache = typeof (Module as unknown as { enableCompileCache?: unknown }).enableCompileCache === 'function';
    const cached = () => { try { return readdirSync(cache); } catch { return []; } };
    assert.deepEqual(cached(), []);
    assert.equal(sh('node "$CLI" list | wc -l').stdout.trim(), '4000');
    if (!hasEnableCompileCache) {
      const files = cached();
      assert.equal(files.length, 1);
      // Named by the bundle, a hash of its path (checkouts side by side keep one each), its size and time.
      assert.match(files[0]!, /^query-[0-9a-z]+-\d+-\d+-v[\d.]+\.v8$/);
      const checkout = files[0]!.split('-').slice(0, 2).join('-');
      // A corrupt cache is rejected by V8, the command still runs, and the cache is rewritten.
      writeFileSync(join(cache, files[0]!), 'garbage');
      assert.equal(sh('node "$CLI" list | tail -1').stdout, 'doc/adr/4000-a-decision-with-a-rather-long-title-4000.md\n');
      assert.deepEqual(cached(), files);
      // A cache of an earlier build of the bundle is removed when the current one is written; the
      // caches of another checkout's bundle (another path) are left alone.
      writeFileSync(join(cache, `${checkout}-1-2-v0.v8`), 'old');
      writeFileSync(join(cache, 'query-elsewhere-1-2-v0.v8'), 'theirs');
      rmSync(join(cache, files[0]!));
      sh('node "$CLI" list >/dev/null');
      assert.deepEqual(cached().sort(), [files[0]!, 'query-elsewhere-1-2-v0.v8'].sort());
    }
  });

  it('`new` without -s/-l runs without the optimising compiler, its code cache apart from the other author commands\'', () => {
    rmSync(cache, { recursive: true, force: true });
    const hasEnableCompileCache = typeof (Module as unknown as { enableCompileCache?: unknown }).enableCompileCache === 'function';
    const cached = () => { try { return readdirSync(cache).filter((f) => f.startsWith('author-')).sort(); } catch { return []; } };
    const made = sh('VISUAL= EDITOR= node --trace-opt "$CLI" new A short one');
    assert.equal(made.code, 0, made.stderr);
    const path = made.stdout.trim().split('\n').at(-1)!;
    assert.match(path, /^doc\/adr\/4001-a-short-one\.md$/);
    // --trace-opt prints a line for every function TurboFan compiles: none.
    assert.ok(!/compiling method/.test(made.stdout), 'no function was optimised');
    const other = sh('VISUAL= EDITOR= node --trace-opt "$CLI" new -s 4001 A longer one');
    assert.equal(other.code, 0, other.stderr);
    assert.equal(other.stdout.trim().split('\n').at(-1), 'doc/adr/4002-a-longer-one.md');
    rmSync(join(dir, 'doc', 'adr', '4002-a-longer-one.md'));
    rmSync(join(dir, path));
    if (!hasEnableCompileCache) {
      // Each variant keeps its own cache (V8 rejects a cache made under other flags).
      const files = cached();
      assert.equal(files.length, 2, files.join(', '));
      assert.match(files[0]!, /^author-[0-9a-z]+-\d+-\d+-v[\d.]+-no-opt\.v8$/);
      assert.match(files[1]!, /^author-[0-9a-z]+-\d+-\d+-v[\d.]+\.v8$/);
    }
  });

  it('user errors and adr-tools\' messages: one line, no stack trace', () => {
    const r = sh('node "$CLI" new');
    assert.deepEqual([r.code, r.stdout, r.stderr], [1, '', 'ERROR: no title given\n']);
    const bad = sh('node "$CLI" list --bogus');
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr.split('\n').length, 2);
    assert.ok(!/\n\s+at /.test(bad.stderr));
  });
});

describe('CLI: terminal escape sequences from a repository are shown, never interpreted', () => {
  let dir: string;
  const ESC = '\u001b';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'adrw-escapes-'));
    mkdirSync(join(dir, 'doc', 'adr'), { recursive: true });
    writeFileSync(join(dir, '.adr-dir'), 'doc/adr\n');
    // A title that would retitle the terminal window, clear the screen and fake a link (OSC 8), and a
    // file name with an escape in it.
    writeFileSync(join(dir, 'doc', 'adr', '0001-record-architecture-decisions.md'),
      `# 1. Use ${ESC}]0;pwned\u0007 ${ESC}[2J ${ESC}]8;;http://evil.invalid/${ESC}\\link${ESC}]8;;${ESC}\\ now\n\nDate: 2024-01-01\n\n## Status\n\nAccepted ${ESC}[31mred\n`);
    writeFileSync(join(dir, 'doc', 'adr', `0002-bad${ESC}[2Jname.md`), '# 2. Second\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const args of [['list'], ['show', '1'], ['generate', 'toc'], ['generate', 'graph'], ['list', '--json'], ['lint'], ['index', '--check']]) {
    it(`adrw ${args.join(' ')}`, () => {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
      const out = r.stdout + r.stderr;
      assert.ok(out.length > 0, 'printed something');
      assert.ok(!out.includes(ESC) && !out.includes('\u0007'), JSON.stringify(out.slice(0, 300)));
    });
  }
});
