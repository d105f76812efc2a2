/**
 * The CLI's `FileSystem`: `NodeFileSystem` with its reads done in synchronous calls. A command is one
 * short process doing one thing at a time, so a thread-pool round trip per `stat`, listing or read
 * is only latency (on a loaded machine, the larger part of `new`'s time), and a missing file costs
 * no exception when `stat` is asked not to throw. Only the plain case is served here: a read that
 * fails, or meets anything unusual (not a regular file, size unknown, over the cap), is done again
 * by `NodeFileSystem`, whose errors (and their messages) are thus exactly the port's. An exclusive
 * create (a new record, a claim) and a rename are synchronous calls too; atomic replaces and locks
 * are `NodeFileSystem`'s own.
 */
import { closeSync, constants, fstatSync, linkSync, mkdirSync, openSync, readdirSync, readSync, realpathSync, rmdirSync, statSync, unlinkSync, writeFileSync, type Dirent, type Stats } from 'node:fs';
import type { DirectoryEntry, FileKind, FileStat, ReadOptions, ReleaseLock } from '../core/ports';
import { dirname, toPosix } from '../core/paths';
import { DEFAULT_MAX_READ_BYTES, lockPathOf, NodeFileSystem, translate } from '../platform/nodeFileSystem';

/** As `NodeFileSystem` opens: non-blocking, so a FIFO opens at once (and is then refused). */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

function kindOf(s: Stats | Dirent): FileKind {
  if (s.isFile()) return 'file';
  if (s.isDirectory()) return 'directory';
  return 'other';
}

export class SyncNodeFileSystem extends NodeFileSystem {
  override async readFile(path: string, options: ReadOptions = {}): Promise<Uint8Array> {
    const cap = options.maxBytes ?? DEFAULT_MAX_READ_BYTES;
    const bytes = readPlain(path, cap);
    return bytes ?? super.readFile(path, options);
  }

  override async readDirectory(path: string): Promise<readonly DirectoryEntry[]> {
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      return super.readDirectory(path);
    }
    const out: DirectoryEntry[] = new Array<DirectoryEntry>(entries.length);
    let n = 0;
    // Files first, with one call each (a collection folder is mostly files).
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      if (entry.isFile()) {
        out[n++] = [entry.name, 'file'];
      } else if (entry.isSymbolicLink()) {
        // As NodeFileSystem: followed, marked, dangling ones left out.
        const target = await this.stat(`${path.replace(/\/+$/, '')}/${entry.name}`);
        if (target) out[n++] = Object.assign([entry.name, target.kind] as const, { symlink: true as const });
      } else {
        out[n++] = [entry.name, entry.isDirectory() ? 'directory' : 'other'];
      }
    }
    out.length = n;
    return out;
  }

  /**
   * As NodeFileSystem's lock (the same `FOLDER/.adrw.lock` folder, so the CLI and the extension
   * exclude each other), taken with one `mkdir` when it is free: a command holds it for milliseconds,
   * far within the 10 s after which a lock is stale, so it needs no refresh timer and no
   * proper-lockfile. A lock held by someone else (or any error) is left to NodeFileSystem, which
   * waits for it, breaks a stale one and says what went wrong.
   */
  override async lock(folder: string): Promise<ReleaseLock> {
    const lockPath = lockPathOf(folder);
    try {
      mkdirSync(lockPath);
    } catch {
      return super.lock(folder);
    }
    let held = true;
    return async () => {
      if (!held) return;
      held = false;
      try {
        rmdirSync(lockPath);
      } catch {
        // Removed by hand or broken as stale: nothing to release.
      }
    };
  }

  /** As NodeFileSystem's (an exclusive create, the same errors), in synchronous calls. */
  override async createFile(path: string, data: Uint8Array): Promise<void> {
    try {
      writeFileSync(path, data, { flag: 'wx' });
    } catch (e) {
      throw translate(e, errorCode(e) === 'ENOENT' ? dirname(path) : path);
    }
  }

  /**
   * As NodeFileSystem's (never replacing: a hard link, then the old name removed), the plain case in
   * synchronous calls; a link that fails is left to NodeFileSystem (nothing was changed yet).
   */
  override async rename(from: string, to: string): Promise<void> {
    try {
      linkSync(from, to);
    } catch {
      return super.rename(from, to);
    }
    try {
      unlinkSync(from);
    } catch (e) {
      // Could not remove the old name: undo the link so the rename is all-or-nothing.
      try {
        unlinkSync(to);
      } catch {
        // the new name stays; the error below names the old one
      }
      throw translate(e, from);
    }
  }

  async readNames(path: string): Promise<readonly string[]> {
    try {
      return readdirSync(path);
    } catch {
      return (await super.readDirectory(path)).map((e) => e[0]); // rejects as the port says
    }
  }

  override async stat(path: string): Promise<FileStat | undefined> {
    let s: Stats | undefined;
    try {
      s = statSync(path, { throwIfNoEntry: false });
    } catch {
      return super.stat(path); // ENOTDIR, EACCES…: as the port says them
    }
    return s ? { kind: kindOf(s), size: s.size, mtime: s.mtimeMs } : undefined;
  }

  override async realPath(path: string): Promise<string> {
    try {
      return toPosix(realpathSync(path));
    } catch {
      return super.realPath(path);
    }
  }
}

/**
 * The bytes of a regular file of known size within `cap`, read with synchronous calls; undefined
 * for anything else (an error, not a regular file, size 0 or over the cap, a file that changed size
 * while read), which the caller reads again the careful way.
 */
function readPlain(path: string, cap: number): Uint8Array | undefined {
  let fd: number;
  try {
    fd = openSync(path, READ_FLAGS);
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size === 0 || st.size > cap) return undefined;
    // One byte more than the size: a file that grew since fstat is left to the careful reader.
    const buffer = Buffer.allocUnsafe(st.size + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) return undefined;
    }
    return length === st.size ? buffer.subarray(0, length) : undefined;
  } catch {
    return undefined;
  } finally {
    try {
      closeSync(fd);
    } catch {
      // nothing to undo
    }
  }
}
