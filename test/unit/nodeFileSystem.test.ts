/** The Node file system port on a real temporary folder: errors, exclusive create, safe rename. */
import { strict as assert } from 'node:assert';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join as nativeJoin } from 'node:path';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { FileExistsError, FileNotFoundError, UserError } from '../../src/core/errors';
import { toPosix } from '../../src/core/paths';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import type { FileSystem } from '../../src/core/ports';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** The same contract, run against the Node implementation and the in-memory fake. */
function contract(name: string, make: () => { fs: FileSystem; root: string; cleanup(): void }): void {
  describe(name, () => {
    let fs: FileSystem;
    let root: string;
    let cleanup: () => void;
    beforeEach(async () => {
      ({ fs, root, cleanup } = make());
      await fs.mkdir(`${root}/a/b`);
      await fs.writeFile(`${root}/a/one.md`, bytes('one'));
    });
    afterEach(() => cleanup());

    it('reads and writes files; readFile of a missing file is FileNotFoundError', async () => {
      assert.equal(text(await fs.readFile(`${root}/a/one.md`)), 'one');
      await fs.writeFile(`${root}/a/one.md`, bytes('uno'));
      assert.equal(text(await fs.readFile(`${root}/a/one.md`)), 'uno');
      await assert.rejects(fs.readFile(`${root}/a/none.md`), FileNotFoundError);
      await assert.rejects(fs.writeFile(`${root}/missing/x.md`, bytes('x')), FileNotFoundError);
    });

    it('createFile never overwrites: FileExistsError, content kept', async () => {
      await fs.createFile(`${root}/a/new.md`, bytes('first'));
      await assert.rejects(fs.createFile(`${root}/a/new.md`, bytes('second')), FileExistsError);
      assert.equal(text(await fs.readFile(`${root}/a/new.md`)), 'first');
      await assert.rejects(fs.createFile(`${root}/nope/new.md`, bytes('x')), FileNotFoundError);
    });

    it('of several concurrent createFile calls for one path exactly one wins', async () => {
      const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => fs.createFile(`${root}/a/race.md`, bytes(`w${i}`))));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      assert.ok(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof FileExistsError));
    });

    it('lists folders with kinds; stat is undefined for nothing', async () => {
      const entries = [...(await fs.readDirectory(`${root}/a`))].sort();
      assert.deepEqual(entries, [['b', 'directory'], ['one.md', 'file']]);
      await assert.rejects(fs.readDirectory(`${root}/zzz`), FileNotFoundError);
      assert.equal(await fs.stat(`${root}/zzz`), undefined);
      assert.equal(await fs.stat(`${root}/a/one.md/x`), undefined);
      const s = await fs.stat(`${root}/a/one.md`);
      assert.equal(s?.kind, 'file');
      assert.equal(s?.size, 3);
      assert.equal((await fs.stat(`${root}/a`))?.kind, 'directory');
      await fs.mkdir(`${root}/a/b`); // exists: no error
    });

    it('rename moves a file, refuses to replace an existing target, reports a missing source', async () => {
      await fs.rename(`${root}/a/one.md`, `${root}/a/b/moved.md`);
      assert.equal(await fs.stat(`${root}/a/one.md`), undefined);
      assert.equal(text(await fs.readFile(`${root}/a/b/moved.md`)), 'one');
      await fs.writeFile(`${root}/a/two.md`, bytes('two'));
      await assert.rejects(fs.rename(`${root}/a/two.md`, `${root}/a/b/moved.md`), FileExistsError);
      assert.equal(text(await fs.readFile(`${root}/a/two.md`)), 'two');
      assert.equal(text(await fs.readFile(`${root}/a/b/moved.md`)), 'one');
      await assert.rejects(fs.rename(`${root}/a/none.md`, `${root}/a/x.md`), FileNotFoundError);
    });

    it('renames folders, never onto an existing one', async () => {
      await fs.mkdir(`${root}/c`);
      await assert.rejects(fs.rename(`${root}/a`, `${root}/c`), FileExistsError);
      await fs.rename(`${root}/a/b`, `${root}/a/bb`);
      assert.equal((await fs.stat(`${root}/a/bb`))?.kind, 'directory');
      assert.equal(await fs.stat(`${root}/a/b`), undefined);
    });
  });
}

describe('FileSystem port', () => {
  contract('NodeFileSystem', () => {
    const dir = mkdtempSync(nativeJoin(tmpdir(), 'adrw-fs-'));
    return { fs: new NodeFileSystem(), root: toPosix(dir), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  });
  contract('MemoryFileSystem', () => ({ fs: new MemoryFileSystem(), root: '/tmp/x', cleanup: () => undefined }));

  it('NodeFileSystem follows symlinks in listings and skips dangling ones', async function () {
    const dir = mkdtempSync(nativeJoin(tmpdir(), 'adrw-fs-'));
    try {
      mkdirSync(nativeJoin(dir, 'real'));
      writeFileSync(nativeJoin(dir, 'real', 'x.md'), 'x');
      try {
        symlinkSync(nativeJoin(dir, 'real'), nativeJoin(dir, 'linked'));
        symlinkSync(nativeJoin(dir, 'gone'), nativeJoin(dir, 'dangling'));
      } catch {
        this.skip(); // no symlink permission (Windows without developer mode)
      }
      const fs = new NodeFileSystem();
      const entries = [...(await fs.readDirectory(toPosix(dir)))].sort();
      assert.deepEqual(entries.map(([n, k]) => [n, k]), [['linked', 'directory'], ['real', 'directory']]);
      assert.deepEqual(entries.map((e) => e.symlink === true), [true, false], 'symlinks are marked');
      assert.equal(readFileSync(nativeJoin(dir, 'real', 'x.md'), 'utf8'), 'x');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('NodeFileSystem: special files, caps, atomic writes, locks', () => {
    let dir: string;
    const fs = new NodeFileSystem();
    beforeEach(() => {
      dir = toPosix(mkdtempSync(nativeJoin(tmpdir(), 'adrw-fs-')));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('refuses a FIFO at once instead of hanging', async () => {
      execFileSync('mkfifo', [`${dir}/pipe.md`]);
      const started = Date.now();
      await assert.rejects(fs.readFile(`${dir}/pipe.md`), (e: Error) => e instanceof UserError && /not a regular file/.test(e.message));
      assert.ok(Date.now() - started < 1000);
    });

    it('refuses /dev/zero behind a symlink without reading it, and a folder', async () => {
      symlinkSync('/dev/zero', `${dir}/zero.md`);
      const before = process.memoryUsage().rss;
      await assert.rejects(fs.readFile(`${dir}/zero.md`), /not a regular file/);
      assert.ok(process.memoryUsage().rss - before < 50 * 1024 * 1024);
      await assert.rejects(fs.readFile(dir), /a folder/);
    });

    it('errors a user can cause are one-line UserErrors naming the file (ENOTDIR, ELOOP)', async () => {
      writeFileSync(`${dir}/x.md`, 'x');
      symlinkSync(`${dir}/loop.md`, `${dir}/loop.md`);
      await assert.rejects(fs.readFile(`${dir}/x.md/y.md`), (e: Error) => e instanceof UserError && e.message === `${dir}/x.md/y.md: a part of the path is not a folder (ENOTDIR)`);
      await assert.rejects(fs.readFile(`${dir}/loop.md`), (e: Error) => e instanceof UserError && /too many levels of symbolic links \(ELOOP\)$/.test(e.message));
      await assert.rejects(fs.mkdir(`${dir}/x.md/sub`), UserError);
    });

    it('caps the length while reading', async () => {
      writeFileSync(`${dir}/big.md`, Buffer.alloc(10_000, 0x61));
      assert.equal((await fs.readFile(`${dir}/big.md`, { maxBytes: 10_000 })).length, 10_000);
      await assert.rejects(fs.readFile(`${dir}/big.md`, { maxBytes: 9_999 }), /larger than 9999 bytes/);
      writeFileSync(`${dir}/empty.md`, '');
      assert.equal((await fs.readFile(`${dir}/empty.md`)).length, 0);
    });

    it('writeFile replaces through a temporary file, keeps the mode, leaves no temporary file', async () => {
      writeFileSync(`${dir}/x.md`, 'old');
      chmodSync(`${dir}/x.md`, 0o640);
      const inode = statSync(`${dir}/x.md`).ino;
      await fs.writeFile(`${dir}/x.md`, bytes('new'));
      assert.equal(readFileSync(`${dir}/x.md`, 'utf8'), 'new');
      assert.equal(statSync(`${dir}/x.md`).mode & 0o777, 0o640);
      assert.notEqual(statSync(`${dir}/x.md`).ino, inode, 'a new file renamed into place');
      assert.deepEqual(readdirSync(dir), ['x.md']);
    });

    it('stageWrite shows nothing until commit; discard removes the temporary file', async () => {
      writeFileSync(`${dir}/x.md`, 'old');
      const staged = await fs.stageWrite(`${dir}/x.md`, bytes('new'));
      assert.equal(readFileSync(`${dir}/x.md`, 'utf8'), 'old');
      assert.equal(readdirSync(dir).length, 2);
      await staged.discard();
      assert.deepEqual(readdirSync(dir), ['x.md']);
      assert.equal(readFileSync(`${dir}/x.md`, 'utf8'), 'old');
    });

    it('writing through a symlink replaces its target and keeps the link', async () => {
      writeFileSync(`${dir}/real.md`, 'old');
      symlinkSync(`${dir}/real.md`, `${dir}/link.md`);
      await fs.writeFile(`${dir}/link.md`, bytes('new'));
      assert.ok(lstatSync(`${dir}/link.md`).isSymbolicLink());
      assert.equal(readFileSync(`${dir}/real.md`, 'utf8'), 'new');
      assert.equal(await fs.realPath(`${dir}/link.md`), await fs.realPath(`${dir}/real.md`));
      assert.equal(await fs.realPath(`${dir}/none/deeper.md`), `${await fs.realPath(dir)}/none/deeper.md`);
    });

    it('stageWrite refuses a folder or a FIFO as the target', async () => {
      mkdirSync(`${dir}/sub.md`);
      await assert.rejects(fs.stageWrite(`${dir}/sub.md`, bytes('x')), /not a regular file/);
      execFileSync('mkfifo', [`${dir}/pipe.md`]);
      await assert.rejects(fs.stageWrite(`${dir}/pipe.md`, bytes('x')), /not a regular file/);
    });

    it('lock excludes a second holder until released, in a lock folder inside the folder', async () => {
      const release = await fs.lock(dir);
      assert.ok(statSync(`${dir}/.adrw.lock`).isDirectory());
      let second = false;
      const waiting = fs.lock(dir).then((r) => {
        second = true;
        return r;
      });
      await new Promise((r) => setTimeout(r, 150));
      assert.equal(second, false, 'the second lock waits');
      await release();
      const r2 = await waiting;
      assert.equal(second, true);
      await r2();
      assert.throws(() => statSync(`${dir}/.adrw.lock`));
    });

    it('lock refuses at once, in one line, what a repository put where its lock goes (a file, a folder with files, a symlink)', async () => {
      const cases: [string, (p: string) => void, RegExp][] = [
        ['a file', (p) => writeFileSync(p, 'x'), /\.adrw\.lock there is a file, not adr-workbench's lock; remove it/],
        ['a folder with files', (p) => { mkdirSync(p); writeFileSync(`${p}/x`, 'x'); }, /a folder with files in it/],
        ['a symlink', (p) => symlinkSync(dir, p), /a symlink/],
      ];
      for (const [name, make, message] of cases) {
        const folder = `${dir}/hostile-${name.replace(/ /g, '-')}`;
        mkdirSync(folder);
        make(`${folder}/.adrw.lock`);
        const started = Date.now();
        await assert.rejects(fs.lock(folder), (e: unknown) => e instanceof UserError && message.test(e.message) && !e.message.includes('\n'), name);
        assert.ok(Date.now() - started < 2000, `${name}: waited ${Date.now() - started} ms`);
        assert.deepEqual(readdirSync(folder), ['.adrw.lock'], `${name}: nothing else written`);
      }
    });
  });

  it('MemoryFileSystem seeds from objects and fails on demand', async () => {
    const fs = MemoryFileSystem.from({ 'doc/adr/0001-a.md': '# A', '/abs/b.md': new Uint8Array([1, 2]) }, '/r');
    assert.deepEqual(fs.allFiles(), ['/abs/b.md', '/r/doc/adr/0001-a.md']);
    assert.equal(fs.text('/r/doc/adr/0001-a.md'), '# A');
    fs.failOn('/r/doc/adr/0001-a.md');
    await assert.rejects(fs.readFile('/r/doc/adr/0001-a.md'), /EACCES/);
  });
});

describe('NodeFileSystem.readHead', () => {
  const dir = mkdtempSync(nativeJoin(tmpdir(), 'adrw-head-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const fs = new NodeFileSystem();

  it('reads a short file whole, a long one to the cap, and says which', async () => {
    writeFileSync(nativeJoin(dir, 'short.md'), 'abc\n');
    writeFileSync(nativeJoin(dir, 'exact.md'), 'abcd');
    writeFileSync(nativeJoin(dir, 'long.md'), 'abcdefgh');
    const short = await fs.readHead(toPosix(nativeJoin(dir, 'short.md')), 4);
    assert.deepEqual([Buffer.from(short.bytes).toString(), short.complete, short.size], ['abc\n', true, 4]);
    const exact = await fs.readHead(toPosix(nativeJoin(dir, 'exact.md')), 4);
    assert.deepEqual([Buffer.from(exact.bytes).toString(), exact.complete], ['abcd', true]);
    const long = await fs.readHead(toPosix(nativeJoin(dir, 'long.md')), 4);
    assert.deepEqual([Buffer.from(long.bytes).toString(), long.complete, long.size], ['abcd', false, 8]);
  });

  it('refuses what readFile refuses: missing, a folder, a FIFO (without hanging)', async function () {
    await assert.rejects(fs.readHead(toPosix(nativeJoin(dir, 'nope.md')), 10), FileNotFoundError);
    await assert.rejects(fs.readHead(toPosix(dir), 10), UserError);
    try {
      execFileSync('mkfifo', [nativeJoin(dir, 'pipe.md')]);
    } catch {
      this.skip(); // no mkfifo here
    }
    await assert.rejects(fs.readHead(toPosix(nativeJoin(dir, 'pipe.md')), 10), /not a regular file/);
  });
});
