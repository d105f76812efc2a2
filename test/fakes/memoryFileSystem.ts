/**
 * An in-memory `FileSystem` for unit tests. It behaves like the Node implementation where core
 * relies on it: missing parents fail, `createFile` and `rename` never overwrite, errors are the
 * port's `FileNotFoundError` / `FileExistsError`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join as nativeJoin } from 'node:path';
import type { DirectoryEntry, FileHead, FileKind, FileStat, FileSystem, ReadOptions, ReleaseLock, StagedWrite } from '../../src/core/ports';
import { FileExistsError, FileNotFoundError, UserError } from '../../src/core/errors';
import { dirname, join, normalize } from '../../src/core/paths';

interface FileEntry {
  data: Uint8Array;
  mtime: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Seed content: text (UTF-8) or raw bytes, keyed by path. */
export type SeedFiles = Record<string, string | Uint8Array>;

/** Files and folders in maps; see the file comment for what it guarantees. */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, FileEntry>();
  private readonly dirs = new Set<string>(['/']);
  private readonly failures = new Map<string, Error>();
  private readonly readOnly = new Set<string>();
  private readonly locks = new Map<string, Promise<void>>();
  /** Folders' mtimes: moved on whenever an entry is added, removed or replaced (as a real folder's). */
  private readonly dirTimes = new Map<string, number>();
  private tick = 1_700_000_000_000;
  /** Every `lock` taken and released, in order (`+/a` / `-/a`), for tests of the lock discipline. */
  readonly lockLog: string[] = [];
  /** Every `readFile` call, in order (tests can assert what was read). */
  readonly reads: string[] = [];

  /** A file system holding `files` (absolute paths, or relative to `root`). */
  static from(files: SeedFiles, root = '/'): MemoryFileSystem {
    return new MemoryFileSystem().seed(files, root);
  }

  /** Adds files (creating their folders); relative paths are taken from `root`. */
  seed(files: SeedFiles, root = '/'): this {
    for (const [p, content] of Object.entries(files)) {
      const path = normalize(p.startsWith('/') ? p : join(root, p));
      this.mkdirSync(dirname(path));
      this.files.set(path, { data: toBytes(content), mtime: this.nextTime() });
    }
    return this;
  }

  /** Adds an empty folder (and its parents). */
  seedFolder(path: string): this {
    this.mkdirSync(normalize(path));
    return this;
  }

  /** Copies a real folder from disk (e.g. a corpus) to `target` in memory, recursively. */
  copyFromDisk(source: string, target: string): this {
    this.mkdirSync(normalize(target));
    for (const name of readdirSync(source)) {
      const from = nativeJoin(source, name);
      const to = join(target, name);
      const s = statSync(from);
      if (s.isDirectory()) this.copyFromDisk(from, to);
      else if (s.isFile()) this.files.set(normalize(to), { data: new Uint8Array(readFileSync(from)), mtime: s.mtimeMs });
    }
    return this;
  }

  /** Makes every later operation on `path` reject with `error` (e.g. EACCES). */
  failOn(path: string, error: Error = Object.assign(new Error(`EACCES: permission denied, ${path}`), { code: 'EACCES' })): this {
    this.failures.set(normalize(path), error);
    return this;
  }

  /** Makes `path` (a file or folder) refuse writes as a read-only file does: `stageWrite` rejects. */
  makeReadOnly(path: string): this {
    this.readOnly.add(normalize(path));
    return this;
  }

  /** The text of a file, or undefined. */
  text(path: string): string | undefined {
    const f = this.files.get(normalize(path));
    return f ? decoder.decode(f.data) : undefined;
  }

  /** Every file path, sorted. */
  allFiles(): string[] {
    return [...this.files.keys()].sort();
  }

  exists(path: string): boolean {
    const p = normalize(path);
    return this.files.has(p) || this.dirs.has(p);
  }

  /** Deletes a file or a folder tree (test setup; the port itself has no delete). */
  remove(path: string): void {
    const p = normalize(path);
    if (this.files.has(p) || this.dirs.has(p)) this.touch(dirname(p));
    this.files.delete(p);
    this.dirs.delete(p);
    const prefix = p.endsWith('/') ? p : `${p}/`;
    for (const f of [...this.files.keys()]) if (f.startsWith(prefix)) this.files.delete(f);
    for (const d of [...this.dirs]) if (d.startsWith(prefix)) this.dirs.delete(d);
  }

  async readFile(path: string, options: ReadOptions = {}): Promise<Uint8Array> {
    const p = this.check(path);
    this.reads.push(p);
    const f = this.files.get(p);
    if (!f) {
      if (this.dirs.has(p)) throw new UserError(`${p}: a folder, not a file`, p);
      throw new FileNotFoundError(p);
    }
    if (options.maxBytes !== undefined && f.data.length > options.maxBytes) {
      throw new UserError(`${p}: file is larger than ${options.maxBytes} bytes; not read`, p);
    }
    return f.data.slice();
  }

  async readHead(path: string, maxBytes: number): Promise<FileHead> {
    const data = await this.readFile(path);
    return { bytes: data.subarray(0, maxBytes), complete: data.length <= maxBytes, size: data.length };
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    const staged = await this.stageWrite(path, data);
    await staged.commit();
  }

  async stageWrite(path: string, data: Uint8Array): Promise<StagedWrite> {
    const p = this.check(path);
    this.requireParent(p);
    if (this.dirs.has(p)) throw new UserError(`${p}: not a regular file; nothing was written`, p);
    if (this.readOnly.has(p)) throw new UserError(`${p}: not writable (permission denied); nothing was written`, p);
    if (this.readOnly.has(dirname(p))) throw new UserError(`${dirname(p)}: folder not writable (EACCES); nothing was written`, dirname(p));
    const copy = data.slice();
    let done = false;
    return {
      path: p,
      commit: async () => {
        if (done) return;
        this.check(p);
        this.files.set(p, { data: copy, mtime: this.nextTime() });
        // An atomic replace is a rename into the folder.
        this.touch(dirname(p));
        done = true;
      },
      discard: async () => {
        done = true;
      },
    };
  }

  async realPath(path: string): Promise<string> {
    return this.check(path);
  }

  /** An in-process mutex per folder (the fake has no other processes). */
  async lock(folder: string): Promise<ReleaseLock> {
    const p = this.check(folder);
    if (!this.dirs.has(p)) throw new FileNotFoundError(p);
    const previous = this.locks.get(p) ?? Promise.resolve();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const chain = previous.then(() => held);
    this.locks.set(p, chain);
    await previous;
    this.lockLog.push(`+${p}`);
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      this.lockLog.push(`-${p}`);
      if (this.locks.get(p) === chain) this.locks.delete(p);
      release();
    };
  }

  async createFile(path: string, data: Uint8Array): Promise<void> {
    const p = this.check(path);
    this.requireParent(p);
    if (this.readOnly.has(dirname(p))) throw new UserError(`${dirname(p)}: folder not writable (EACCES)`, dirname(p));
    if (this.files.has(p) || this.dirs.has(p)) throw new FileExistsError(p);
    this.files.set(p, { data: data.slice(), mtime: this.nextTime() });
    this.touch(dirname(p));
  }

  async readDirectory(path: string): Promise<readonly DirectoryEntry[]> {
    const p = this.check(path);
    if (!this.dirs.has(p)) {
      if (this.files.has(p)) throw Object.assign(new Error(`ENOTDIR: ${p}`), { code: 'ENOTDIR' });
      throw new FileNotFoundError(p);
    }
    const prefix = p === '/' ? '/' : `${p}/`;
    const out: [string, FileKind][] = [];
    // Linear in the whole tree: fine for test-sized trees.
    for (const f of this.files.keys()) if (isChild(prefix, f)) out.push([f.slice(prefix.length), 'file']);
    for (const d of this.dirs) if (d !== p && isChild(prefix, d)) out.push([d.slice(prefix.length), 'directory']);
    return out;
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const p = this.check(path);
    const f = this.files.get(p);
    if (f) return { kind: 'file', size: f.data.length, mtime: f.mtime };
    if (this.dirs.has(p)) return { kind: 'directory', size: 0, mtime: this.dirTimes.get(p) ?? 0 };
    return undefined;
  }

  async mkdir(path: string): Promise<void> {
    const p = this.check(path);
    this.mkdirSync(p);
  }

  async rename(from: string, to: string): Promise<void> {
    const src = this.check(from);
    const dst = this.check(to);
    this.requireParent(dst);
    if (this.files.has(dst) || this.dirs.has(dst)) throw new FileExistsError(dst);
    if (this.files.has(src) || this.dirs.has(src)) {
      this.touch(dirname(src));
      this.touch(dirname(dst));
    }
    const f = this.files.get(src);
    if (f) {
      this.files.delete(src);
      this.files.set(dst, f);
      return;
    }
    if (!this.dirs.has(src)) throw new FileNotFoundError(src);
    const prefix = `${src}/`;
    for (const [k, v] of [...this.files]) {
      if (k.startsWith(prefix)) {
        this.files.delete(k);
        this.files.set(dst + k.slice(src.length), v);
      }
    }
    for (const d of [...this.dirs]) {
      if (d === src || d.startsWith(prefix)) {
        this.dirs.delete(d);
        this.dirs.add(dst + d.slice(src.length));
      }
    }
  }

  private check(path: string): string {
    if (!path.startsWith('/')) throw new Error(`MemoryFileSystem: path must be absolute and '/'-separated: ${path}`);
    const p = normalize(path).replace(/(.)\/+$/, '$1');
    const failure = this.failures.get(p);
    if (failure) throw failure;
    return p;
  }

  private requireParent(p: string): void {
    const parent = dirname(p);
    if (!this.dirs.has(parent)) throw new FileNotFoundError(parent);
  }

  private mkdirSync(p: string): void {
    for (let d = p; !this.dirs.has(d); d = dirname(d)) {
      if (this.files.has(d)) throw Object.assign(new Error(`ENOTDIR: ${d}`), { code: 'ENOTDIR' });
      this.dirs.add(d);
      this.touch(dirname(d));
    }
  }

  private touch(dir: string): void {
    this.dirTimes.set(dir, this.nextTime());
  }

  private nextTime(): number {
    return (this.tick += 1000);
  }
}

function isChild(prefix: string, path: string): boolean {
  return path.length > prefix.length && path.startsWith(prefix) && path.indexOf('/', prefix.length) < 0;
}

function toBytes(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? encoder.encode(content) : content.slice();
}
