/**
 * The `FileSystem` port over `node:fs/promises`, used by the CLI (and by integration tests).
 * Paths are absolute and `/`-separated; Node accepts that form on every platform.
 */
import { promises as fsp, readFile as readFileCallback } from 'node:fs';
import { promisify } from 'node:util';
import type { FileKind, FileStat, FileSystem } from '../core/ports';
import { FileExistsError, FileNotFoundError } from '../core/errors';
import { dirname } from '../core/paths';

// The callback readFile is several times faster than `fs.promises.readFile` (no FileHandle, no
// chunked reads) — it is most of the cost of indexing thousands of small records.
const readFileFast = promisify(readFileCallback);

function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

/** Translates the Node errors callers act on into the port's errors; anything else passes through. */
function translate(e: unknown, path: string): unknown {
  const code = errorCode(e);
  if (code === 'ENOENT') return new FileNotFoundError(path);
  if (code === 'EEXIST') return new FileExistsError(path);
  return e;
}

function kindOf(s: { isFile(): boolean; isDirectory(): boolean }): FileKind {
  if (s.isFile()) return 'file';
  if (s.isDirectory()) return 'directory';
  return 'other';
}

/** `FileSystem` over the local disk. */
export class NodeFileSystem implements FileSystem {
  async readFile(path: string): Promise<Uint8Array> {
    try {
      return await readFileFast(path);
    } catch (e) {
      throw translate(e, path);
    }
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    try {
      await fsp.writeFile(path, data);
    } catch (e) {
      // ENOENT here means the parent folder is missing.
      throw translate(e, errorCode(e) === 'ENOENT' ? dirname(path) : path);
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

  async readDirectory(path: string): Promise<readonly (readonly [string, FileKind])[]> {
    let entries;
    try {
      entries = await fsp.readdir(path, { withFileTypes: true });
    } catch (e) {
      throw translate(e, path);
    }
    const out: (readonly [string, FileKind])[] = [];
    for (const entry of entries) {
      if (entry.isSymbolicLink()) {
        // Follow links so a linked records folder behaves like a real one; dangling links are skipped.
        const target = await this.stat(`${path.replace(/\/+$/, '')}/${entry.name}`);
        if (target) out.push([entry.name, target.kind]);
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
      throw e;
    }
  }

  async mkdir(path: string): Promise<void> {
    await fsp.mkdir(path, { recursive: true });
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
      throw e;
    });
    if (existing && !(await sameFile(from, to))) throw new FileExistsError(to);
    try {
      await fsp.rename(from, to);
    } catch (e) {
      throw translate(e, from);
    }
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [sa, sb] = await Promise.all([fsp.stat(a), fsp.stat(b)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}
