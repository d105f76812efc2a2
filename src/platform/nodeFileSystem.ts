/**
 * The `FileSystem` port over `node:fs/promises`, used by the CLI (and by integration tests).
 * Paths are absolute and `/`-separated; Node accepts that form on every platform.
 */
import { close, closeSync, constants, fstat, fstatSync, open, openSync, promises as fsp, read, readSync } from 'node:fs';
import { promisify } from 'node:util';
import type { DirectoryEntry, FileHead, FileKind, FileStat, FileSystem, ReadOptions, ReleaseLock, StagedWrite } from '../core/ports';
import { FileExistsError, FileNotFoundError, UserError } from '../core/errors';
import { basename, dirname, toPosix } from '../core/paths';

// Callback functions, promisified: several times faster than `fs.promises` FileHandles for thousands
// of small records (indexing is mostly reading).
const openCb = promisify(open);
const fstatCb = promisify(fstat);
const readCb = promisify(read);
const closeCb = promisify(close);

/** What `readFile` reads at most when the caller names no cap: no real text file is this long. */
export const DEFAULT_MAX_READ_BYTES = 64 * 1024 * 1024;

/** The name of the lock folder `lock` creates inside the folder it locks. */
export const LOCK_NAME = '.adrw.lock';

/** Where `lock` puts the lock folder of `folder`. */
export const lockPathOf = (folder: string): string => `${folder.replace(/\/+$/, '')}/${LOCK_NAME}`;

/** Open for reading without blocking: a FIFO opens at once (and is then refused) instead of hanging. */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

/** What a user is told for file-system errors they can fix (a one-line message, never a stack trace). */
const USER_CODES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  EBUSY: 'busy',
  EIO: 'input/output error',
};

/**
 * Translates Node errors into the port's: `FileNotFoundError`, `FileExistsError`, and a `UserError`
 * naming the file for the other conditions a user can cause or fix; anything else passes through.
 */
export function translate(e: unknown, path: string): unknown {
  const code = errorCode(e);
  if (code === 'ENOENT') return new FileNotFoundError(path);
  if (code === 'EEXIST') return new FileExistsError(path);
  if (code && USER_CODES[code]) return new UserError(`${path}: ${USER_CODES[code]} (${code})`, path);
  return e;
}

function kindOf(s: { isFile(): boolean; isDirectory(): boolean }): FileKind {
  if (s.isFile()) return 'file';
  if (s.isDirectory()) return 'directory';
  return 'other';
}

/** `FileSystem` over the local disk. */
export class NodeFileSystem implements FileSystem {
  /**
   * Regular files only (symlinks followed), opened non-blocking and checked with `fstat` on the
   * open descriptor, so a FIFO, a device (`/dev/zero`) or a socket is refused, never read; the
   * length is capped while reading (a file growing meanwhile cannot get past the cap either).
   */
  async readFile(path: string, options: ReadOptions = {}): Promise<Uint8Array> {
    const cap = options.maxBytes ?? DEFAULT_MAX_READ_BYTES;
    let fd: number;
    try {
      fd = await openCb(path, READ_FLAGS);
    } catch (e) {
      if (errorCode(e) === 'EISDIR') throw new UserError(`${path}: a folder, not a file`, path);
      throw translate(e, path);
    }
    try {
      const st = await fstatCb(fd);
      if (!st.isFile()) throw new UserError(`${path}: ${st.isDirectory() ? 'a folder' : 'not a regular file (FIFO, device or socket)'}; not read`, path);
      if (st.size > cap) throw tooLarge(path, cap);
      let buffer = Buffer.allocUnsafe(Math.min(st.size, cap) + 1);
      let length = 0;
      for (;;) {
        if (length === buffer.length) {
          // Grew since fstat (or a size-less file): grow up to one byte past the cap.
          if (length > cap) throw tooLarge(path, cap);
          const bigger = Buffer.allocUnsafe(Math.min(cap + 1, Math.max(buffer.length * 2, 8192)));
          buffer.copy(bigger, 0, 0, length);
          buffer = bigger;
        }
        const { bytesRead: n } = await readCb(fd, buffer, length, buffer.length - length, null);
        if (n === 0) break;
        length += n;
        // A regular file's size is known: stop there (as fs.readFile does) without one more read.
        // Size 0 (procfs-like files) reads to the end, within the cap.
        if (st.size > 0 && length >= st.size) break;
      }
      if (length > cap) throw tooLarge(path, cap);
      return buffer.subarray(0, length);
    } catch (e) {
      throw translate(e, path);
    } finally {
      await closeCb(fd).catch(() => undefined);
    }
  }

  /**
   * The start of a regular file with the checks of `readFile` (non-blocking open, `fstat` on the
   * descriptor, at most `maxBytes` read), in synchronous calls: four system calls and no thread-pool
   * round trips, which is what reading the titles of 10,000 records costs.
   */
  async readHead(path: string, maxBytes: number): Promise<FileHead> {
    let fd: number;
    try {
      fd = openSync(path, READ_FLAGS);
    } catch (e) {
      if (errorCode(e) === 'EISDIR') throw new UserError(`${path}: a folder, not a file`, path);
      throw translate(e, path);
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) throw new UserError(`${path}: ${st.isDirectory() ? 'a folder' : 'not a regular file (FIFO, device or socket)'}; not read`, path);
      // A file within the head is read to its known size (as readFile stops there); a longer or
      // size-less one to one byte past the head, which tells whether the head is all of it.
      const whole = st.size > 0 && st.size <= maxBytes;
      const want = whole ? st.size : maxBytes + 1;
      const buffer = Buffer.allocUnsafe(want);
      let length = 0;
      while (length < want) {
        const n = readSync(fd, buffer, length, want - length, null);
        if (n === 0) break;
        length += n;
      }
      return { bytes: buffer.subarray(0, Math.min(length, maxBytes)), complete: whole || length <= maxBytes, size: st.size };
    } catch (e) {
      throw translate(e, path);
    } finally {
      try {
        closeSync(fd);
      } catch {
        // closing a descriptor we opened does not fail in practice; nothing to undo
      }
    }
  }

  /** Atomic: `stageWrite` + `commit` (a temporary file in the same folder, renamed over the target). */
  async writeFile(path: string, data: Uint8Array): Promise<void> {
    const staged = await this.stageWrite(path, data);
    try {
      await staged.commit();
    } finally {
      await staged.discard();
    }
  }

  /**
   * Checks the target (a regular file we may write, or nothing yet), then writes the bytes to a
   * temporary file beside it (`.NAME.adrw-RANDOM.tmp`, created exclusively) with the target's mode
   * and fsyncs it. A symlink is resolved first, so the file it points to is replaced and the link
   * stays a link (callers confine where links may point).
   */
  async stageWrite(path: string, data: Uint8Array): Promise<StagedWrite> {
    const target = await this.realPath(path);
    const folder = dirname(target);
    let mode = 0o666;
    const existing = await fsp.lstat(target).catch((e: unknown) => {
      if (errorCode(e) === 'ENOENT') return undefined;
      throw translate(e, path);
    });
    if (existing) {
      if (!existing.isFile()) throw new UserError(`${path}: not a regular file; nothing was written`, path);
      try {
        await fsp.access(target, constants.W_OK);
      } catch {
        throw new UserError(`${path}: not writable (permission denied); nothing was written`, path);
      }
      mode = existing.mode & 0o7777;
    } else if (!(await this.stat(folder))) {
      throw new FileNotFoundError(folder);
    }
    const temp = `${folder}/.${basename(target).slice(0, 100)}.adrw-${process.getBuiltinModule('node:crypto').randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await fsp.open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(data);
        // Exact mode of the file it replaces (umask does not apply to chmod); new files get 0666 & ~umask.
        await handle.chmod(existing ? mode : mode & ~process.umask());
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (e) {
      await fsp.unlink(temp).catch(() => undefined);
      const code = errorCode(e);
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
        throw new UserError(`${folder}: folder not writable (${code}); nothing was written`, folder);
      }
      if (code === 'ENOSPC' || code === 'EDQUOT') throw new UserError(`${folder}: no space left (${code}); nothing was written`, folder);
      throw translate(e, path);
    }
    let done = false;
    return {
      path: target,
      commit: async () => {
        try {
          await fsp.rename(temp, target);
          done = true;
        } catch (e) {
          throw new UserError(`${path}: could not be replaced (${errorCode(e) ?? String(e)})`, path);
        }
      },
      discard: async () => {
        if (!done) await fsp.unlink(temp).catch(() => undefined);
        done = true;
      },
    };
  }

  async realPath(path: string): Promise<string> {
    try {
      return toPosix(await fsp.realpath(path));
    } catch (e) {
      const code = errorCode(e);
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(path) !== path) {
        const parent = await this.realPath(dirname(path));
        return `${parent.replace(/\/+$/, '')}/${basename(path)}`;
      }
      throw translate(e, path);
    }
  }

  /**
   * `proper-lockfile` on `FOLDER/.adrw.lock` (an atomic `mkdir`, its mtime refreshed while held, so
   * a lock left by a killed process goes stale after 10 s). Waits up to about 30 s. A folder we may
   * not write to (read-only checkout) needs no lock: nothing can be written there.
   */
  async lock(folder: string): Promise<ReleaseLock> {
    const lockPath = lockPathOf(folder);
    // Our lock is an empty folder: anything else there (a file, a link, a folder with files, as a
    // repository may ship) is not a lock to wait for or break, and nothing is written.
    const inTheWay = await notALock(lockPath);
    if (inTheWay) throw new UserError(`${folder}: ${LOCK_NAME} there is ${inTheWay}, not adr-workbench's lock; remove it to write in this folder`, lockPath);
    try {
      // Loaded on first lock: proper-lockfile (and graceful-fs) cost every CLI command start-up time.
      const { lock: properLock } = await import('proper-lockfile');
      const release = await properLock(folder, {
        lockfilePath: lockPath,
        realpath: false,
        stale: 10_000,
        update: 2_000,
        retries: { retries: 400, factor: 1.2, minTimeout: 5, maxTimeout: 80, randomize: true },
        // A lock we lost (removed by hand, clock jumps) must not crash the process from a timer.
        onCompromised: () => undefined,
      });
      return async () => {
        await release().catch(() => undefined);
      };
    } catch (e) {
      const code = errorCode(e);
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return async () => undefined;
      if (code === 'ENOENT') throw new FileNotFoundError(folder);
      if (code === 'ELOCKED') {
        throw new UserError(`${folder}: locked by another adr-workbench process (${lockPath}); try again, or remove it if none is running`, folder);
      }
      throw translate(e, folder);
    }
  }

  async createFile(path: string, data: Uint8Array): Promise<void> {
    try {
      // 'wx' = O_CREAT | O_EXCL: the kernel refuses atomically when the file exists.
      await fsp.writeFile(path, data, { flag: 'wx' });
    } catch (e) {
      throw translate(e, errorCode(e) === 'ENOENT' ? dirname(path) : path);
    }
  }

  async readDirectory(path: string): Promise<readonly DirectoryEntry[]> {
    let entries;
    try {
      entries = await fsp.readdir(path, { withFileTypes: true });
    } catch (e) {
      throw translate(e, path);
    }
    const out: DirectoryEntry[] = [];
    for (const entry of entries) {
      if (entry.isSymbolicLink()) {
        // Follow links so a linked records folder behaves like a real one (marked, so discovery can
        // refuse links that leave its root); dangling links are skipped.
        const target = await this.stat(`${path.replace(/\/+$/, '')}/${entry.name}`);
        if (target) out.push(Object.assign([entry.name, target.kind] as const, { symlink: true as const }));
      } else {
        out.push([entry.name, kindOf(entry)]);
      }
    }
    return out;
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const s = await fsp.stat(path);
      return { kind: kindOf(s), size: s.size, mtime: s.mtimeMs };
    } catch (e) {
      const code = errorCode(e);
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw translate(e, path);
    }
  }

  async mkdir(path: string): Promise<void> {
    try {
      await fsp.mkdir(path, { recursive: true });
    } catch (e) {
      throw translate(e, path);
    }
  }

  /**
   * Renames without ever replacing the target. `fs.rename` silently overwrites on POSIX, so files are
   * moved with `link` (which fails with EEXIST atomically) followed by `unlink` of the old name.
   * Where hard links are not possible (folders, FAT/exFAT, some network shares, another device) it
   * falls back to check-then-rename, which leaves only a tiny race window.
   */
  async rename(from: string, to: string): Promise<void> {
    try {
      await fsp.link(from, to);
    } catch (e) {
      const code = errorCode(e);
      if (code === 'EEXIST') {
        // On case-insensitive file systems `Foo.md` → `foo.md` finds the source itself: a plain
        // rename is then safe (and the only way to change the case).
        if (from !== to && from.toLowerCase() === to.toLowerCase() && (await sameFile(from, to))) {
          await fsp.rename(from, to);
          return;
        }
        throw new FileExistsError(to);
      }
      if (code === 'ENOENT') {
        // Either the source or the target's folder is missing: say which.
        throw new FileNotFoundError((await this.stat(from)) ? dirname(to) : from);
      }
      await this.checkedRename(from, to);
      return;
    }
    try {
      await fsp.unlink(from);
    } catch (e) {
      // Could not remove the old name: undo the link so the rename is all-or-nothing.
      await fsp.unlink(to).catch(() => undefined);
      throw translate(e, from);
    }
  }

  private async checkedRename(from: string, to: string): Promise<void> {
    if (!(await this.stat(from))) throw new FileNotFoundError(from);
    // lstat, not stat: a dangling symlink at the target still counts as "exists".
    const existing = await fsp.lstat(to).catch((e: unknown) => {
      if (errorCode(e) === 'ENOENT') return undefined;
      throw translate(e, to);
    });
    if (existing && !(await sameFile(from, to))) throw new FileExistsError(to);
    try {
      await fsp.rename(from, to);
    } catch (e) {
      throw translate(e, from);
    }
  }
}

function tooLarge(path: string, cap: number): UserError {
  return new UserError(`${path}: file is larger than ${cap} bytes; not read`, path);
}

async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [sa, sb] = await Promise.all([fsp.stat(a), fsp.stat(b)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** What is at `lockPath` when it cannot be a lock (a lock is an empty folder), or undefined. */
async function notALock(lockPath: string): Promise<string | undefined> {
  let st;
  try {
    st = await fsp.lstat(lockPath);
  } catch {
    return undefined; // nothing there (or unreadable: proper-lockfile says what is wrong)
  }
  if (st.isSymbolicLink()) return 'a symlink';
  if (!st.isDirectory()) return 'a file';
  try {
    if ((await fsp.readdir(lockPath)).length > 0) return 'a folder with files in it';
  } catch {
    return undefined;
  }
  return undefined;
}
