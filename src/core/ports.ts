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

export interface FileSystem {
  /** The file's bytes. Rejects with a `FileNotFoundError` when it does not exist. */
  readFile(path: string): Promise<Uint8Array>;
  /** Replaces the file's bytes (creating it when absent). Used only for files core already read. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /**
   * Creates a file that must not exist yet (O_EXCL): rejects with a `FileExistsError` instead of
   * overwriting, so two writers can never clobber each other.
   */
  createFile(path: string, data: Uint8Array): Promise<void>;
  /** Entries of a folder as `[name, kind]`; rejects with `FileNotFoundError` when absent. */
  readDirectory(path: string): Promise<readonly (readonly [string, FileKind])[]>;
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
