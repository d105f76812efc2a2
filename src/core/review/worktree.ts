/**
 * The port through which the review reads the work tree. Git is never asked to look at work-tree
 * content (that is where it would run a repository's clean/process filters); the review reads it
 * itself, through this port, with three rules the host must keep:
 * - a path is read only when every folder leading to it is a real folder (not a symlink) inside the root;
 * - only regular files are read: a symlink is reported with its target (never followed), a FIFO,
 *   socket or device is reported as such and never opened;
 * - reading stops at `maxBytes` (checked while reading, not from a size seen before), so `/dev/zero`
 *   or a file that grows while read costs at most `maxBytes + 1` bytes.
 */

/** What `lstat` says about a work-tree path. Times are split in seconds and nanoseconds, as git's index keeps them. */
export interface WorkStat {
  readonly kind: 'file' | 'symlink' | 'directory' | 'other';
  readonly size: number;
  readonly mtimeSec: number;
  readonly mtimeNsec: number;
  readonly ctimeSec: number;
  readonly ctimeNsec: number;
  readonly ino: number;
}

/** What reading a work-tree path gave. */
export type WorkRead =
  | { readonly kind: 'file'; readonly bytes: Uint8Array }
  | { readonly kind: 'symlink'; readonly target: string }
  | { readonly kind: 'too-large'; readonly size: number }
  | { readonly kind: 'directory' }
  | { readonly kind: 'other' }
  | { readonly kind: 'missing' };

/** One repository's work tree (paths relative to its root, `/`-separated). */
export interface WorkTreeView {
  /** Undefined when nothing is there, or when a folder leading to it is a symlink (git does not look beyond one either). */
  lstat(path: string): Promise<WorkStat | undefined>;
  /**
   * `lstat` without checking the folders on the way: only to compare with stat data git recorded
   * (a match means "unchanged, not read"); anything that will be read goes through `lstat`/`read`.
   */
  quickStat(path: string): Promise<WorkStat | undefined>;
  /**
   * `quickStat` of many paths at once, in order (optional: a host that can stat synchronously does
   * it without a promise and a thread hop per file; without it each path goes through `quickStat`).
   */
  quickStats?(paths: readonly string[]): Promise<readonly (WorkStat | undefined)[]>;
  /** The file's bytes when it is a regular file of at most `maxBytes` bytes; else what it is instead. */
  read(path: string, maxBytes: number): Promise<WorkRead>;
}

export interface WorkTreePort {
  /** A view of the work tree at `root` (absolute). A view may cache which folders are real for its lifetime (one read). */
  view(root: string): WorkTreeView;
  /** Git's object id of a blob with these bytes (`blob <len>\0` + bytes, hashed with the repository's format). */
  blobId(bytes: Uint8Array, format: 'sha1' | 'sha256'): string;
}

/** Largest file (work tree or blob) the review reads; larger ones are listed, not read. */
export const MAX_CONTENT_BYTES = 2 * 1024 * 1024;

/** Why a version of a changed file was not read, in words for the report; undefined when it was (or can be) read. */
export function unreadReason(read: WorkRead): string | undefined {
  switch (read.kind) {
    case 'file':
    case 'missing':
      return undefined;
    case 'symlink':
      return `a symbolic link (to ${read.target}): not followed, not read`;
    case 'too-large':
      return `larger than ${MAX_CONTENT_BYTES} bytes (${read.size}): not read`;
    case 'directory':
      return 'a folder: not read';
    case 'other':
      return 'not a regular file (a FIFO, socket or device): not read';
  }
}
