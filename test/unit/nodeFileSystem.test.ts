/** The Node file system port on a real temporary folder: errors, exclusive create, safe rename. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as nativeJoin } from 'node:path';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { FileExistsError, FileNotFoundError } from '../../src/core/errors';
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
      assert.deepEqual(entries, [['linked', 'directory'], ['real', 'directory']]);
      assert.equal(readFileSync(nativeJoin(dir, 'real', 'x.md'), 'utf8'), 'x');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('MemoryFileSystem seeds from objects and fails on demand', async () => {
    const fs = MemoryFileSystem.from({ 'doc/adr/0001-a.md': '# A', '/abs/b.md': new Uint8Array([1, 2]) }, '/r');
    assert.deepEqual(fs.allFiles(), ['/abs/b.md', '/r/doc/adr/0001-a.md']);
    assert.equal(fs.text('/r/doc/adr/0001-a.md'), '# A');
    fs.failOn('/r/doc/adr/0001-a.md');
    await assert.rejects(fs.readFile('/r/doc/adr/0001-a.md'), /EACCES/);
  });
});
