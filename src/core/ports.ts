/**
 * The few things core needs from its host. The CLI implements them over Node's `fs`, the extension
 * over `vscode.workspace.fs`, and tests over in-memory fakes (`test/fakes`). Paths are absolute and
 * `/`-separated on every platform.
 */

export type FileKind = 'file' | 'directory' | 'other';

export interface FileStat {
  readonly kind: FileKind;
  readonly size: number;
  /** Milliseconds since the epoch. */
  readonly mtime: number;
}

/** A folder entry: `[name, kind]`, marked `symlink: true` when it is a symlink (kind: its target's). */
export type DirectoryEntry = readonly [string, FileKind] & { readonly symlink?: true };

/** The start of a file, as `FileSystem.readHead` reads it. */
export interface FileHead {
  readonly bytes: Uint8Array;
  /** True when `bytes` is the whole file. */
  readonly complete: boolean;
  /** The file's size when it was opened. */
  readonly size: number;
}

/** How much of a file `readFile` may read. */
export interface ReadOptions {
  /**
   * Refuse (with a `UserError`) a file longer than this many bytes, checked while reading, so a
   * huge or endless file never fills memory. Implementations apply a default cap of their own.
   */
  readonly maxBytes?: number;
}

/**
 * A write prepared next to its target (a temporary file in the same folder, with the target's
 * mode): nothing visible changes until `commit`, which replaces the target in one rename.
 */
export interface StagedWrite {
  /** The file that `commit` replaces (symlinks inside the allowed roots resolved). */
  readonly path: string;
  commit(): Promise<void>;
  /** Removes the temporary file; safe to call after a failed or a successful commit. */
  discard(): Promise<void>;
}

/** Releases a lock taken with `FileSystem.lock`. */
export type ReleaseLock = () => Promise<void>;

export interface FileSystem {
  /**
   * The bytes of a regular file. Rejects with a `FileNotFoundError` when it does not exist, and with
   * a `UserError` when it is not a regular file (FIFO, device, folder) or is longer than the cap.
   */
  readFile(path: string, options?: ReadOptions): Promise<Uint8Array>;
  /**
   * The first `maxBytes` bytes of a regular file (all of it when shorter), and whether that is the
   * whole file; refuses what `readFile` refuses. Optional: callers fall back to `readFile`.
   */
  readHead?(path: string, maxBytes: number): Promise<FileHead>;
  /**
   * Replaces the file's bytes (creating it when absent), atomically: readers see the old or the new
   * bytes, never a mix; the file keeps its mode. Used only for files core already read.
   */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /**
   * Prepares `writeFile(path, data)` without making it visible: rejects with a `UserError` when the
   * target cannot be written (not a regular file, no permission, read-only folder), so a plan can
   * check every target before it changes any.
   */
  stageWrite(path: string, data: Uint8Array): Promise<StagedWrite>;
  /** `path` with symlinks resolved (for a path that does not exist: its deepest existing folder's). */
  realPath(path: string): Promise<string>;
  /**
   * Takes an exclusive lock on a folder, shared by every process on the machine, waiting for it
   * (a lock left by a process that died is broken after a few seconds). Rejects with a `UserError`
   * when it cannot be had in time.
   */
  lock(folder: string): Promise<ReleaseLock>;
  /**
   * Creates a file that must not exist yet (O_EXCL): rejects with a `FileExistsError` instead of
   * overwriting, so two writers can never clobber each other.
   */
  createFile(path: string, data: Uint8Array): Promise<void>;
  /**
   * Entries of a folder as `[name, kind]`; rejects with `FileNotFoundError` when absent. A symlink
   * has the kind of what it points to (dangling ones are left out) and `symlink: true`.
   */
  readDirectory(path: string): Promise<readonly DirectoryEntry[]>;
  /**
   * The names of every entry of a folder, kinds unread (dangling symlinks included); rejects as
   * `readDirectory` does. Optional (callers fall back to `readDirectory`): cheaper where a caller
   * only needs names, as numbering does when it checks a claimed number against a fresh listing.
   */
  readNames?(path: string): Promise<readonly string[]>;
  /** `undefined` when nothing is there. */
  stat(path: string): Promise<FileStat | undefined>;
  /** Creates a folder and its parents; no error when it exists. */
  mkdir(path: string): Promise<void>;
  /** Renames a file; rejects with `FileExistsError` when the target exists. */
  rename(from: string, to: string): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export interface Logger {
  trace(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export const silentLogger: Logger = {
  trace() {},
  info() {},
  warn() {},
  error() {},
};

export const systemClock: Clock = { now: () => new Date() };
