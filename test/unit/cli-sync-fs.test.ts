/**
 * The CLI's file system (src/cli/syncFileSystem.ts) reads with synchronous calls and must answer
 * exactly as `NodeFileSystem`: the same bytes, entries, stats and real paths, and the same errors
 * (class and message) for what is missing, not a regular file, over the cap or not a folder.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SyncNodeFileSystem } from '../../src/cli/syncFileSystem';
import { toPosix } from '../../src/core/paths';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { list, listByName } from '../../src/core/discovery/walk';

/** The outcome of a call: its value, or the error's class and message. */
async function outcome<T>(f: () => Promise<T>): Promise<{ ok: T } | { error: string; message: string }> {
  try {
    return { ok: await f() };
  } catch (e) {
    return { error: e instanceof Error ? e.constructor.name : typeof e, message: e instanceof Error ? e.message : String(e) };
  }
}

describe('CLI file system: synchronous reads, the answers of NodeFileSystem', () => {
  let root: string;
  const node = new NodeFileSystem();
  const sync = new SyncNodeFileSystem();

  before(() => {
    root = toPosix(mkdtempSync(join(tmpdir(), 'adrw-syncfs-')));
    mkdirSync(join(root, 'folder', 'inner'), { recursive: true });
    writeFileSync(join(root, '0001-record.md'), '# 1. Record\n\nDate: 2020-01-01\n');
    writeFileSync(join(root, 'empty.md'), '');
    writeFileSync(join(root, 'big.md'), 'x'.repeat(5000));
    writeFileSync(join(root, 'bom.md'), '\uFEFF# Title\n');
    writeFileSync(join(root, 'folder', 'inner', 'deep.md'), 'deep\n');
    symlinkSync(join(root, '0001-record.md'), join(root, '0002-link.md'));
    symlinkSync(join(root, 'missing.md'), join(root, '0003-dangling.md'));
    symlinkSync(join(root, 'folder'), join(root, 'linked-folder'));
    spawnSync('mkfifo', [join(root, 'fifo.md')]);
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  const paths = () => [
    '0001-record.md', 'empty.md', 'big.md', 'bom.md', '0002-link.md', '0003-dangling.md', 'linked-folder', 'folder', 'folder/inner/deep.md',
    'linked-folder/inner/deep.md', 'fifo.md', 'nothing.md', 'nothing/at/all.md', '0001-record.md/below', '',
  ].map((p) => (p ? `${root}/${p}` : root));

  it('readFile: the same bytes, and the same errors (missing, a folder, a FIFO, over the cap, under a file)', async () => {
    for (const path of paths()) {
      for (const options of [undefined, { maxBytes: 4096 }, { maxBytes: 10 }, { maxBytes: 0 }]) {
        const want = await outcome(async () => Buffer.from(await node.readFile(path, options)).toString('latin1'));
        const got = await outcome(async () => Buffer.from(await sync.readFile(path, options)).toString('latin1'));
        assert.deepEqual(got, want, `${path} ${JSON.stringify(options)}`);
      }
    }
  });

  it('stat and realPath: the same answers for files, folders, links, missing paths and paths under a file', async () => {
    for (const path of paths()) {
      assert.deepEqual(await outcome(() => sync.stat(path)), await outcome(() => node.stat(path)), path);
      assert.deepEqual(await outcome(() => sync.realPath(path)), await outcome(() => node.realPath(path)), path);
    }
  });

  it('readDirectory: the same entries (links followed and marked, dangling ones left out), and the same errors', async () => {
    const sorted = (e: readonly (readonly [string, string])[]) => [...e].map((x) => [...x, 'symlink' in x]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    for (const path of paths()) {
      const want = await outcome(async () => sorted(await node.readDirectory(path)));
      assert.deepEqual(await outcome(async () => sorted(await sync.readDirectory(path))), want, path);
    }
    const names = (await sync.readDirectory(root)).map((e) => e[0]);
    assert.ok(names.includes('0002-link.md') && !names.includes('0003-dangling.md'));
  });

  it('createFile: exclusive, the same bytes, and the same errors (exists, folder missing, a folder in the way)', async () => {
    const bytes = new TextEncoder().encode('# 5. New\n');
    for (const [name, fs] of [['node', node], ['sync', sync]] as const) {
      await fs.createFile(`${root}/new-${name}.md`, bytes);
      assert.equal(Buffer.from(await node.readFile(`${root}/new-${name}.md`)).toString(), '# 5. New\n');
    }
    for (const target of ['new-node.md', 'folder', 'nothing/x.md', '0001-record.md/x.md', '0003-dangling.md']) {
      const path = `${root}/${target}`;
      assert.deepEqual(await outcome(() => sync.createFile(path, bytes)), await outcome(() => node.createFile(path, bytes)), target);
    }
    assert.equal(Buffer.from(await node.readFile(`${root}/new-node.md`)).toString(), '# 5. New\n');
  });

  it('rename: never replaces, the same errors (target exists, source missing, folder missing)', async () => {
    const bytes = new TextEncoder().encode('claim\n');
    await sync.createFile(`${root}/.0009.adr-new`, bytes);
    await sync.rename(`${root}/.0009.adr-new`, `${root}/0009-claimed.md`);
    assert.equal(await sync.stat(`${root}/.0009.adr-new`), undefined);
    assert.equal(Buffer.from(await sync.readFile(`${root}/0009-claimed.md`)).toString(), 'claim\n');
    await sync.createFile(`${root}/.0010.adr-new`, bytes);
    await node.createFile(`${root}/.0011.adr-new`, bytes);
    for (const [from, to] of [['.0010.adr-new', '0001-record.md'], ['.nothing', 'x.md'], ['.0010.adr-new', 'nothing/x.md'], ['folder', 'folder-2']]) {
      const want = await outcome(() => node.rename(`${root}/${from}`, `${root}/${to}`));
      await node.rename(`${root}/${to}`, `${root}/${from}`).catch(() => undefined); // undo a success
      assert.deepEqual(await outcome(() => sync.rename(`${root}/${from}`, `${root}/${to}`)), want, `${from} → ${to}`);
    }
    await node.rename(`${root}/folder-2`, `${root}/folder`);
    assert.equal(Buffer.from(await sync.readFile(`${root}/0001-record.md`)).toString(), '# 1. Record\n\nDate: 2020-01-01\n');
  });

  it('readNames: every name, dangling links too, kinds unread; a missing folder rejects as readDirectory does', async () => {
    const names = [...(await sync.readNames(root))].sort();
    assert.ok(names.includes('0003-dangling.md') && names.includes('folder') && names.includes('0001-record.md'));
    assert.deepEqual(names.filter((n) => n !== '0003-dangling.md'), (await node.readDirectory(root)).map((e) => e[0]).sort());
    for (const path of [`${root}/nothing`, `${root}/0001-record.md`]) {
      assert.deepEqual(await outcome(() => sync.readNames(path)), await outcome(() => node.readDirectory(path)), path);
    }
  });

  it('lock: the same lock folder as NodeFileSystem\'s, so each waits for the other; a stale one is broken', async () => {
    const dir = `${root}/locking`;
    mkdirSync(dir);
    const lockDir = `${dir}/.adrw.lock`;
    const release = await sync.lock(dir);
    assert.ok(existsSync(lockDir), 'one mkdir');
    // NodeFileSystem (the extension, a long-running command) waits for it…
    let nodeHas = false;
    const nodeLock = node.lock(dir).then((r) => ((nodeHas = true), r));
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(nodeHas, false, 'NodeFileSystem took a lock the CLI held');
    await release();
    await release(); // twice: no error, nothing removed that is not ours
    const releaseNode = await nodeLock;
    assert.ok(nodeHas && existsSync(lockDir));
    // …and the CLI waits for NodeFileSystem's lock in turn.
    let syncHas = false;
    const syncLock = sync.lock(dir).then((r) => ((syncHas = true), r));
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(syncHas, false, 'the CLI took a lock NodeFileSystem held');
    await releaseNode();
    await (await syncLock)();
    assert.ok(!existsSync(lockDir), 'released');
    // A lock left by a process that died (older than 10 s) is broken, not waited for.
    mkdirSync(lockDir);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockDir, old, old);
    const started = Date.now();
    const releaseStale = await sync.lock(dir);
    assert.ok(Date.now() - started < 5000, 'waited for a stale lock');
    await releaseStale();
    assert.ok(!existsSync(lockDir));
  });

  it('listByName: the listing of names alone agrees with the full one but for what it says it does not tell', async () => {
    const byName = (await listByName(sync, root))!;
    const full = (await list(sync, root))!;
    // Names with an extension are files without asking (a dangling link and a FIFO among them);
    // names without one are asked about (a folder, a link to a folder).
    assert.deepEqual(byName.folders, full.folders.filter((f) => !/\.[A-Za-z0-9]+$/.test(f)));
    assert.deepEqual(byName.files.filter((f) => f !== '0003-dangling.md' && f !== 'fifo.md'), full.files.filter((f) => f !== 'fifo.md'));
    assert.ok(byName.files.includes('0003-dangling.md') && byName.folders.includes('linked-folder'));
    assert.equal(byName.linkedFiles, undefined);
    assert.equal(await listByName(sync, `${root}/nothing`), undefined);
    const problems: { path: string; message: string }[] = [];
    await listByName(sync, `${root}/nothing`, problems);
    assert.match(problems[0]!.message, /^cannot read folder/);
  });
});
