/**
 * The review's `WorkTreePort` over Node's `fs`: `lstat` (never `stat`), folders checked to be real
 * folders on the way down, files opened with `O_NOFOLLOW | O_NONBLOCK` only after `lstat` said they are
 * regular (so a FIFO or a device is never opened), checked again with `fstat` once open (a swap
 * between the two is caught), and read in chunks up to the cap (a file that grows is cut off).
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, promises as fsp, readlinkSync, readSync, type BigIntStats } from 'node:fs';
import type { WorkRead, WorkStat, WorkTreePort, WorkTreeView } from '../core/review/worktree';

const CHUNK = 64 * 1024;
/** Files up to this size are read with synchronous calls (well under a millisecond each). */
const SMALL = 1024 * 1024;

function kindOf(s: BigIntStats): WorkStat['kind'] {
  if (s.isFile()) return 'file';
  if (s.isSymbolicLink()) return 'symlink';
  if (s.isDirectory()) return 'directory';
  return 'other';
}

function toStat(s: BigIntStats): WorkStat {
  return {
    kind: kindOf(s), size: Number(s.size), mtimeSec: Number(s.mtimeNs / 1_000_000_000n), mtimeNsec: Number(s.mtimeNs % 1_000_000_000n),
    ctimeSec: Number(s.ctimeNs / 1_000_000_000n), ctimeNsec: Number(s.ctimeNs % 1_000_000_000n), ino: Number(s.ino),
  };
}

class NodeWorkTreeView implements WorkTreeView {
  /** Folder (relative) → whether it and every folder above it are real folders. */
  private readonly folders = new Map<string, Promise<boolean>>();

  constructor(private readonly root: string) {
    this.folders.set('', Promise.resolve(true));
  }

  private abs(rel: string): string {
    return `${this.root.replace(/\/$/, '')}/${rel}`;
  }

  /** True when every folder leading to `rel` is a real folder (no symlink, no file). */
  private leadingOk(rel: string): Promise<boolean> {
    const slash = rel.lastIndexOf('/');
    return this.folderOk(slash < 0 ? '' : rel.slice(0, slash));
  }

  private folderOk(dir: string): Promise<boolean> {
    let ok = this.folders.get(dir);
    if (!ok) {
      const slash = dir.lastIndexOf('/');
      const parent = slash < 0 ? '' : dir.slice(0, slash);
      ok = (async () => {
        if (dir.split('/').some((c) => c === '..' || c === '.' || c === '')) return false;
        if (!(await this.folderOk(parent))) return false;
        const s = await fsp.lstat(this.abs(dir)).catch(() => undefined);
        return s !== undefined && s.isDirectory();
      })();
      this.folders.set(dir, ok);
    }
    return ok;
  }

  async lstat(rel: string): Promise<WorkStat | undefined> {
    if (!(await this.leadingOk(rel))) return undefined;
    // Synchronous: one system call, cheaper than a promise and a thread hop (the folders were checked above).
    let s: BigIntStats | undefined;
    try {
      s = lstatSync(this.abs(rel), { bigint: true, throwIfNoEntry: false });
    } catch {
      s = undefined;
    }
    return s ? toStat(s) : undefined;
  }

  async quickStat(rel: string): Promise<WorkStat | undefined> {
    if (rel.split('/').some((c) => c === '..' || c === '.' || c === '')) return undefined;
    const s = await fsp.lstat(this.abs(rel), { bigint: true }).catch(() => undefined);
    return s ? toStat(s) : undefined;
  }

  /** Many `quickStat`s, synchronously in slices of 512 (the event loop gets a turn between slices). */
  async quickStats(rels: readonly string[]): Promise<readonly (WorkStat | undefined)[]> {
    const out: (WorkStat | undefined)[] = [];
    for (let i = 0; i < rels.length; i += 512) {
      if (i > 0) await new Promise((r) => setImmediate(r));
      for (const rel of rels.slice(i, i + 512)) {
        if (rel.split('/').some((c) => c === '..' || c === '.' || c === '')) {
          out.push(undefined);
          continue;
        }
        let s: BigIntStats | undefined;
        try {
          s = lstatSync(this.abs(rel), { bigint: true, throwIfNoEntry: false });
        } catch {
          s = undefined;
        }
        out.push(s ? toStat(s) : undefined);
      }
    }
    return out;
  }

  /**
   * `read` of a file `lstat` found small, with synchronous calls (the same checks: opened with
   * O_NOFOLLOW | O_NONBLOCK, checked again with fstat once open, read up to the cap).
   */
  private readSmall(rel: string, maxBytes: number): WorkRead {
    let fd: number;
    try {
      fd = openSync(this.abs(rel), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') {
        try {
          return { kind: 'symlink', target: readlinkSync(this.abs(rel)) };
        } catch {
          return { kind: 'symlink', target: '?' };
        }
      }
      return { kind: 'missing' };
    }
    try {
      const again = fstatSync(fd);
      if (!again.isFile()) return { kind: again.isDirectory() ? 'directory' : 'other' };
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const buf = Buffer.alloc(Math.min(Math.max(again.size + 1, 4096), maxBytes + 1 - total, CHUNK));
        const bytesRead = readSync(fd, buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        total += bytesRead;
        if (total > maxBytes) return { kind: 'too-large', size: Math.max(total, again.size) };
        chunks.push(buf.subarray(0, bytesRead));
        if (bytesRead < buf.length) break;
      }
      return { kind: 'file', bytes: new Uint8Array(Buffer.concat(chunks, total)) };
    } catch {
      return { kind: 'missing' };
    } finally {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
  }

  async read(rel: string, maxBytes: number): Promise<WorkRead> {
    const st = await this.lstat(rel);
    if (!st) return { kind: 'missing' };
    if (st.kind === 'symlink') {
      const target = await fsp.readlink(this.abs(rel)).catch(() => '?');
      return { kind: 'symlink', target };
    }
    if (st.kind !== 'file') return { kind: st.kind };
    if (st.size > maxBytes) return { kind: 'too-large', size: st.size };
    if (st.size <= SMALL) return this.readSmall(rel, maxBytes);
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(this.abs(rel), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') return { kind: 'symlink', target: await fsp.readlink(this.abs(rel)).catch(() => '?') };
      return { kind: 'missing' };
    }
    try {
      const again = await handle.stat();
      if (!again.isFile()) return { kind: again.isDirectory() ? 'directory' : 'other' };
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const buf = Buffer.alloc(Math.min(CHUNK, maxBytes + 1 - total));
        const { bytesRead } = await handle.read(buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        total += bytesRead;
        if (total > maxBytes) return { kind: 'too-large', size: Math.max(total, again.size) };
        chunks.push(buf.subarray(0, bytesRead));
        // A regular file reads short only at its end: no further read needed to find it.
        if (bytesRead < buf.length) break;
      }
      return { kind: 'file', bytes: new Uint8Array(Buffer.concat(chunks, total)) };
    } catch {
      return { kind: 'missing' };
    } finally {
      await handle.close().catch(() => undefined);
    }
  }
}

/** The work tree on the local disk. */
export class NodeWorkTree implements WorkTreePort {
  view(root: string): WorkTreeView {
    return new NodeWorkTreeView(root);
  }

  blobId(bytes: Uint8Array, format: 'sha1' | 'sha256'): string {
    const h = createHash(format);
    h.update(`blob ${bytes.length}\0`);
    h.update(bytes);
    return h.digest('hex');
  }
}
