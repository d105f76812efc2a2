/**
 * Hostile repositories on a real disk: records that are symlinks out of the repository, config files
 * naming folders elsewhere, a `rootlink -> /`, FIFOs and devices as records, Latin-1 records. Next to
 * each repository lies an `outside` folder with a secret and a shell rc file: after every command it
 * must be byte-identical, the secret must appear in no output, and every refusal is one line, exit 2.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { toPosix } from '../../src/core/paths';
import { cli, type CliResult } from '../support/cliHarness';

const SECRET = 'SECRET-TOKEN-8c1f0e';
const RC = `# my shell rc\nexport TOKEN=${SECRET}\n`;
/** A file that looks like a record, so a naive tool would edit it. */
const EVIL = `# Evil\n\n## Status\n\nAccepted\n\n## Context\n\n${SECRET}\n`;

function record(n: number, title: string, status = 'Accepted'): string {
  return `# ${n}. ${title}\n\nDate: 2026-01-0${n}\n\n## Status\n\n${status}\n\n## Context\n\nBecause.\n`;
}

/** Every entry under `dir`: file bytes, symlink targets, folder markers. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = `${d}/${name}`;
      const s = lstatSync(p);
      if (s.isSymbolicLink()) out.set(p, `link:${readlinkSync(p)}`);
      else if (s.isDirectory()) {
        out.set(p, 'dir');
        walk(p);
      } else out.set(p, `${s.mode.toString(8)}:${readFileSync(p).toString('base64')}`);
    }
  };
  walk(dir);
  return out;
}

interface World {
  base: string;
  repo: string;
  outside: string;
  run(...argv: string[]): Promise<CliResult>;
  /** Asserts `outside` is as it was and the secret was printed nowhere. */
  untouched(...results: CliResult[]): void;
  cleanup(): void;
}

function world(): World {
  const base = toPosix(mkdtempSync(`${tmpdir()}/adrw-hostile-`));
  const repo = `${base}/repo`;
  const outside = `${base}/outside`;
  mkdirSync(`${repo}/.git`, { recursive: true });
  mkdirSync(`${repo}/doc/adr`, { recursive: true });
  mkdirSync(outside);
  writeFileSync(`${outside}/secret.txt`, `${SECRET}\n`);
  writeFileSync(`${outside}/bashrc`, RC);
  writeFileSync(`${outside}/0001-evil.md`, EVIL);
  writeFileSync(`${outside}/README.md`, `# Architecture Decision Records\n\n* [1. Evil](0001-evil.md)\n`);
  const before = snapshot(outside);
  const fs = new NodeFileSystem();
  return {
    base,
    repo,
    outside,
    run: (...argv) => cli(fs, repo, argv),
    untouched: (...results) => {
      assert.deepEqual(snapshot(outside), before, 'the folder outside the repository changed');
      for (const r of results) {
        assert.ok(!`${r.stdout}${r.stderr}`.includes(SECRET), `the secret leaked: ${r.stdout}${r.stderr}`);
        assert.ok(!/\n\s+at /.test(r.stderr), `a stack trace: ${r.stderr}`);
      }
    },
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}

/** A refusal: exit 2 and exactly one line on stderr matching `pattern`. */
function refused(r: CliResult, pattern: RegExp): void {
  assert.equal(r.code, 2, `exit ${r.code}: ${r.stdout}${r.stderr}`);
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line: ${r.stderr}`);
  assert.match(r.stderr, pattern);
}

describe('hostile files (real temporary folders)', function () {
  this.timeout(30_000);
  let w: World;
  beforeEach(() => {
    w = world();
  });
  afterEach(() => w.cleanup());

  describe('write-through: a record that is a symlink out of the repository', () => {
    beforeEach(() => {
      symlinkSync(`${w.outside}/bashrc`, `${w.repo}/doc/adr/0001-record-architecture-decisions.md`);
      writeFileSync(`${w.repo}/doc/adr/0002-use-x.md`, record(2, 'Use X'));
      writeFileSync(`${w.repo}/doc/adr/0003-use-y.md`, record(3, 'Use Y'));
    });

    it('status, link, new -s, rename and index refuse it with one line; nothing outside changes', async () => {
      writeFileSync(`${w.outside}/bashrc`, EVIL); // looks like a record now (and is the target)
      const inRepo = () => snapshot(w.repo);
      const repoBefore = inRepo();
      const results = [
        await w.run('status', '1', 'deprecated'),
        await w.run('link', '2', 'Amends', '1', 'Amended by'),
        await w.run('new', '-s', '1', 'Replace evil'),
        await w.run('rename', '1', 'Harmless'),
      ];
      // The symlinked record is not even read (it is no record of the repository), so the commands
      // refuse it as unknown, or as outside the repository where they name it by path.
      for (const r of results) refused(r, /outside the repository|no decision record matches "1"/);
      assert.deepEqual(inRepo(), repoBefore, 'a refused command changed the repository');
      writeFileSync(`${w.outside}/bashrc`, RC);
      w.untouched(...results);
    });

    it('a symlinked record linking to the renamed one is left alone: it is no record of the repository', async () => {
      writeFileSync(`${w.outside}/bashrc`, `# Evil\n\nAmends [2. Use X](0002-use-x.md)\n`);
      const r = await w.run('rename', '2', 'Use Z');
      assert.equal(r.code, 0, r.stderr);
      assert.equal(readFileSync(`${w.outside}/bashrc`, 'utf8'), `# Evil\n\nAmends [2. Use X](0002-use-x.md)\n`);
      writeFileSync(`${w.outside}/bashrc`, RC);
      w.untouched(r);
    });

    it('an index file that is a symlink out of the repository is not written through', async () => {
      rmSync(`${w.repo}/doc/adr/0001-record-architecture-decisions.md`);
      writeFileSync(`${w.repo}/doc/adr/0001-start.md`, record(1, 'Start'));
      symlinkSync(`${w.outside}/README.md`, `${w.repo}/doc/adr/README.md`);
      const r = await w.run('index');
      refused(r, /README\.md: a symlink to .*outside the repository/);
      w.untouched(r);
    });

    it('a symlink inside the repository is written through to its target and stays a link', async () => {
      rmSync(`${w.repo}/doc/adr/0001-record-architecture-decisions.md`);
      mkdirSync(`${w.repo}/shared`);
      writeFileSync(`${w.repo}/shared/one.md`, record(1, 'Shared'));
      symlinkSync('../../shared/one.md', `${w.repo}/doc/adr/0001-shared.md`);
      const r = await w.run('status', '1', 'Superseded');
      assert.equal(r.code, 0, r.stderr);
      assert.ok(lstatSync(`${w.repo}/doc/adr/0001-shared.md`).isSymbolicLink());
      assert.match(readFileSync(`${w.repo}/shared/one.md`, 'utf8'), /## Status\n\nSuperseded\n/);
      w.untouched(r);
    });
  });

  describe('paths outside: configured folders', () => {
    const configs: [string, string, (outside: string) => string][] = [
      ['.adr-dir', '../outside', () => '../outside\n'],
      ['.adr-dir', 'an absolute path', (o) => `${o}\n`],
      ['.log4brains.yml', '../outside', () => 'project:\n  adrFolder: ../outside\n'],
      ['adr.config.json', 'an absolute path', (o) => JSON.stringify({ path: o })],
      ['adrs.toml', '../../outside', () => 'adr_dir = "../../outside"\n'],
    ];
    for (const [file, what, content] of configs) {
      it(`${file} naming ${what}: new and index write nothing there`, async () => {
        rmSync(`${w.repo}/doc`, { recursive: true });
        writeFileSync(`${w.repo}/${file}`, content(w.outside));
        const created = await w.run('new', 'Sneaky');
        const indexed = await w.run('index');
        const listed = await w.run('list', '--json');
        if (file === '.adr-dir') {
          refused(created, /outside .*refused/);
          refused(indexed, /outside .*refused/);
        } else {
          // Not a collection: `new` falls back to doc/adr inside the repository.
          assert.equal(created.code, 0, created.stderr);
          assert.equal(created.stdout.trim(), 'doc/adr/0001-sneaky.md');
        }
        assert.ok(!listed.stdout.includes('Evil'), listed.stdout);
        w.untouched(created, indexed, listed);
      });
    }

    it('.adr-dir in a sub-folder may name a folder elsewhere in the same repository', async () => {
      mkdirSync(`${w.repo}/services/pay`, { recursive: true });
      writeFileSync(`${w.repo}/services/pay/.adr-dir`, '../../doc/adr\n');
      const r = await cli(new NodeFileSystem(), `${w.repo}/services/pay`, ['new', 'Shared log']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.trim(), '../../doc/adr/0001-shared-log.md');
      w.untouched(r);
    });

    it('--collection names a folder outside explicitly: then it is written', async () => {
      mkdirSync(`${w.base}/elsewhere`);
      const r = await w.run('new', '--collection', `${w.base}/elsewhere`, 'On purpose');
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(readdirSync(`${w.base}/elsewhere`), ['0001-on-purpose.md']);
      w.untouched(r);
    });

    it('a collection folder that is a symlink out of the repository is refused for new', async () => {
      rmSync(`${w.repo}/doc/adr`, { recursive: true });
      symlinkSync(w.outside, `${w.repo}/doc/adr`);
      const r = await w.run('new', 'Through the link');
      refused(r, /doc\/adr \(a symlink to .*\) is outside the repository/);
      w.untouched(r);
    });
  });

  describe('discovery stays inside the root', () => {
    it('a rootlink -> / and a loop are not followed; the walk is quick', async () => {
      writeFileSync(`${w.repo}/doc/adr/0001-start.md`, record(1, 'Start'));
      symlinkSync('/', `${w.repo}/rootlink`);
      symlinkSync('.', `${w.repo}/doc/loop`);
      symlinkSync(w.outside, `${w.repo}/outlink`);
      const started = Date.now();
      const r = await w.run('collections', '--json');
      assert.equal(r.code, 0, r.stderr);
      assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
      const paths = (JSON.parse(r.stdout) as { path: string }[]).map((c) => c.path);
      assert.deepEqual(paths, ['doc/adr']);
      w.untouched(r);
    });
  });

  describe('special files and encodings', () => {
    it('a FIFO and /dev/zero as records neither hang nor fill memory; huge and binary records are lint errors', async () => {
      writeFileSync(`${w.repo}/doc/adr/0001-start.md`, record(1, 'Start'));
      execFileSync('mkfifo', [`${w.repo}/doc/adr/0002-pipe.md`]);
      symlinkSync('/dev/zero', `${w.repo}/doc/adr/0003-zero.md`);
      writeFileSync(`${w.repo}/doc/adr/0004-binary.md`, Buffer.from('# Bin\n\0\0\0'));
      writeFileSync(`${w.repo}/doc/adr/0005-huge.md`, Buffer.alloc(3 * 1024 * 1024, 0x61));
      const started = Date.now();
      const rss = process.memoryUsage().rss;
      const listed = await w.run('list');
      const linted = await w.run('lint');
      assert.ok(Date.now() - started < 10_000);
      assert.ok(process.memoryUsage().rss - rss < 200 * 1024 * 1024);
      assert.equal(listed.code, 0, listed.stderr);
      // Only regular files are records: the FIFO and the device are not even listed.
      assert.equal(listed.stdout, 'doc/adr/0001-start.md\ndoc/adr/0004-binary.md\ndoc/adr/0005-huge.md\n');
      assert.equal(linted.code, 1);
      assert.match(linted.stdout, /doc\/adr\/0004-binary\.md:1:1: error \[unreadable-record\] Not read: binary file/);
      assert.match(linted.stdout, /doc\/adr\/0005-huge\.md:1:1: error \[unreadable-record\] Not read: file is larger than 2097152 bytes/);
      assert.doesNotMatch(linted.stdout, /pipe|zero/);
      w.untouched(listed, linted);
    });

    it('a Latin-1 record is listed with a problem and never edited (its bytes kept)', async () => {
      const latin1 = Buffer.from('# 1. Caf\xe9 cr\xe8me\n\n## Status\n\nAccepted\n', 'latin1');
      writeFileSync(`${w.repo}/doc/adr/0001-cafe.md`, latin1);
      writeFileSync(`${w.repo}/doc/adr/0002-use-x.md`, record(2, 'Use X'));
      const status = await w.run('status', '1', 'deprecated');
      refused(status, /0001-cafe\.md: not UTF-8 \(byte 0xE9 at offset 8\)/);
      const link = await w.run('link', '2', 'Amends', '1', 'Amended by');
      refused(link, /not UTF-8/);
      assert.deepEqual(readFileSync(`${w.repo}/doc/adr/0001-cafe.md`), latin1);
      assert.equal(readFileSync(`${w.repo}/doc/adr/0002-use-x.md`, 'utf8'), record(2, 'Use X'));
      const listed = await w.run('list');
      assert.match(listed.stdout, /0001-cafe\.md/);
      const linted = await w.run('lint');
      assert.match(linted.stdout, /0001-cafe\.md:1:1: warning \[parse-problem\] Not UTF-8/);
      w.untouched(status, link, listed, linted);
    });

    it('YAML: a block scalar status is replaced whole; duplicate status keys are refused', async () => {
      rmSync(`${w.repo}/doc`, { recursive: true });
      mkdirSync(`${w.repo}/docs/decisions`, { recursive: true });
      const block = '---\nstatus: >-\n  accepted\ndate: 2026-01-01\n---\n# Use X\n\n## Context\n\nx\n';
      const dup = '---\nstatus: proposed\ndate: 2026-01-01\nstatus: accepted\n---\n# Use Y\n\n## Context\n\nx\n';
      writeFileSync(`${w.repo}/docs/decisions/0001-use-x.md`, block);
      writeFileSync(`${w.repo}/docs/decisions/0002-use-y.md`, dup);
      const r1 = await w.run('status', '1', 'deprecated');
      assert.equal(r1.code, 0, r1.stderr);
      assert.equal(readFileSync(`${w.repo}/docs/decisions/0001-use-x.md`, 'utf8'), block.replace('>-\n  accepted', 'deprecated'));
      const r2 = await w.run('status', '2', 'rejected');
      refused(r2, /0002-use-y\.md: Front matter has the key "status" more than once; fix it by hand; not edited/);
      assert.equal(readFileSync(`${w.repo}/docs/decisions/0002-use-y.md`, 'utf8'), dup);
      const linted = await w.run('lint');
      assert.equal(linted.code, 1);
      assert.match(linted.stdout, /0002-use-y\.md:4:1: error \[parse-problem\] Front matter has the key "status" more than once/);
      w.untouched(r1, r2, linted);
    });

    it('YAML bombs: nested explicit keys and an alias bomb are findings, read in well under a second', async () => {
      rmSync(`${w.repo}/doc`, { recursive: true });
      mkdirSync(`${w.repo}/docs/decisions`, { recursive: true });
      const keys = `---\n${'? '.repeat(412)}a\n---\n# Keys\n`;
      const laughs = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 1; i <= 9; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
      laughs.push('---', '# Laughs', '');
      writeFileSync(`${w.repo}/docs/decisions/0001-keys.md`, keys);
      writeFileSync(`${w.repo}/docs/decisions/0002-keys.md`, keys);
      writeFileSync(`${w.repo}/docs/decisions/0003-laughs.md`, laughs.join('\n'));
      const started = Date.now();
      const linted = await w.run('lint');
      assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
      assert.equal(linted.code, 1);
      assert.match(linted.stdout, /0001-keys\.md:2:1: error \[parse-problem\] Front matter not read: nested deeper than 16 levels/);
      assert.match(linted.stdout, /0003-laughs\.md:2:1: error \[parse-problem\] Front matter not read: more than 50 aliases/);
      w.untouched(linted);
    });
  });
});

describe('hostile files: a record that is a symlink out of the repository', () => {
  it('is not read: list, show, lint and generate print none of its content, lint says why (exit 1)', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } = await import('node:fs');
    const { spawnSync } = await import('node:child_process');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const base = mkdtempSync(join(tmpdir(), 'adrw-linked-record-'));
    try {
      const secret = `SECRET-${Date.now()}`;
      mkdirSync(join(base, 'outside'));
      writeFileSync(join(base, 'outside', 'id_rsa'), `# ${secret}\n\n## Status\n\nAccepted ${secret}\n`);
      const repo = join(base, 'repo');
      mkdirSync(join(repo, 'doc', 'adr'), { recursive: true });
      mkdirSync(join(repo, '.git'));
      writeFileSync(join(repo, '.adr-dir'), 'doc/adr\n');
      writeFileSync(join(repo, 'doc', 'adr', '0001-one.md'), '# 1. One\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n');
      writeFileSync(join(repo, 'doc', 'adr', '0003-inside.md'), '# 3. Inside\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n');
      symlinkSync(join(base, 'outside', 'id_rsa'), join(repo, 'doc', 'adr', '0002-two.md'));
      // A symlink that stays inside the repository is read as usual.
      mkdirSync(join(repo, 'shared'));
      writeFileSync(join(repo, 'shared', 'four.md'), '# 4. Four\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n');
      symlinkSync(join(repo, 'shared', 'four.md'), join(repo, 'doc', 'adr', '0004-four.md'));
      const cli = (...args: string[]) => spawnSync(process.execPath, [join(process.cwd(), 'dist', 'cli.js'), ...args], { cwd: repo, encoding: 'utf8' });
      for (const args of [['list', '--json'], ['show', '2'], ['generate', 'toc'], ['lint'], ['index', '--check']]) {
        const r = cli(...args);
        assert.ok(!(r.stdout + r.stderr).includes(secret), `${args.join(' ')} printed the secret`);
      }
      const titles = (JSON.parse(cli('list', '--json').stdout) as { title: string }[]).map((r) => r.title);
      assert.deepEqual(titles, ['One', 'Inside', 'Four']);
      const lint = cli('lint');
      assert.equal(lint.status, 1);
      assert.match(lint.stdout, /0002-two\.md.*symlink to a file outside/);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
