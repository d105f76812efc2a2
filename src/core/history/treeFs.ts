/**
 * The repository as it was at a commit or tag, as a read-only `FileSystem`: folders from ONE
 * `git ls-tree -r`, file contents from `cat-file --batch` (a whole collection at a time, see
 * `prefetch`). Nothing is checked out, no work-tree file is read, no filter or driver runs. Symbolic
 * links and submodules are left out (a link in an old tree is not followed anywhere).
 *
 * Discovery and the index run on it unchanged, so `list --at v2.3` finds the collections and reads
 * the records exactly as they were then.
 */
import { FileNotFoundError, UserError } from '../errors';
import { isInside, normalize, relative } from '../paths';
import type { DirectoryEntry, FileStat, FileSystem, ReadOptions, StagedWrite } from '../ports';
import { gitOk, splitNul, type GitPort } from '../review/git';
import { readBlobs } from './blobs';

interface TreeFile { readonly blob: string }

export class GitTreeFileSystem implements FileSystem {
  private readonly files = new Map<string, TreeFile>();
  private readonly folders = new Map<string, DirectoryEntry[]>();
  private readonly contents = new Map<string, Uint8Array | string>();
  /** Git processes started (ls-tree, cat-file). */
  processes = 0;

  private constructor(private readonly git: GitPort, readonly root: string, readonly commit: string, readonly rev: string) {}

  /**
   * The tree of `rev` (a commit, tag or anything `rev-parse` takes) in the repository at `root`.
   * Rejects with a `UserError` when `rev` names no commit.
   */
  static async open(git: GitPort, root: string, rev: string): Promise<GitTreeFileSystem> {
    const parsed = await git.run(root, ['rev-parse', '-q', '--verify', '--end-of-options', `${rev}^{commit}`]);
    const commit = parsed.stdout.trim();
    if (parsed.exitCode !== 0 || !/^[0-9a-f]{40,64}$/.test(commit)) throw new UserError(`--at: no commit or tag "${rev}" in ${root}`);
    const fs = new GitTreeFileSystem(git, normalize(root), commit, rev);
    fs.processes++;
    const out = await gitOk(git, root, ['ls-tree', '-r', '-t', '-z', '--full-tree', commit]);
    fs.folders.set(fs.root, []);
    for (const entry of splitNul(out)) {
      const tab = entry.indexOf('\t');
      if (tab < 0) continue;
      const [mode = '', type = '', blob = ''] = entry.slice(0, tab).split(' ');
      const path = `${fs.root}/${entry.slice(tab + 1)}`;
      const parent = path.slice(0, path.lastIndexOf('/'));
      const name = path.slice(parent.length + 1);
      if (type === 'tree') {
        fs.folders.set(path, fs.folders.get(path) ?? []);
        fs.entries(parent).push([name, 'directory']);
      } else if (type === 'blob' && (mode === '100644' || mode === '100755')) {
        fs.files.set(path, { blob });
        fs.entries(parent).push([name, 'file']);
      }
    }
    return fs;
  }

  private entries(folder: string): DirectoryEntry[] {
    let list = this.folders.get(folder);
    if (!list) this.folders.set(folder, (list = []));
    return list;
  }

  /** Reads the contents of `paths` in one `cat-file --batch` (files already read or absent are skipped). */
  async prefetch(paths: readonly string[]): Promise<void> {
    const todo = paths.map((p) => this.files.get(normalize(p))).filter((f): f is TreeFile => !!f && !this.contents.has(f.blob));
    if (todo.length === 0) return;
    const counter = { processes: 0 };
    const blobs = await readBlobs(this.git, this.root, todo.map((f) => f.blob), counter);
    this.processes += counter.processes;
    for (const [sha, r] of blobs) this.contents.set(sha, 'bytes' in r ? r.bytes : r.unread);
  }

  async readFile(path: string, options?: ReadOptions): Promise<Uint8Array> {
    const file = this.files.get(normalize(path));
    if (!file) throw new FileNotFoundError(path);
    if (!this.contents.has(file.blob)) await this.prefetch([path]);
    const c = this.contents.get(file.blob);
    if (c === undefined || typeof c === 'string') throw new UserError(`${path} (at ${this.rev}): ${c ?? 'not available'}`, path);
    if (options?.maxBytes !== undefined && c.length > options.maxBytes) throw new UserError(`${path} (at ${this.rev}): larger than ${options.maxBytes} bytes`, path);
    return c;
  }

  async readDirectory(path: string): Promise<readonly DirectoryEntry[]> {
    const list = this.folders.get(normalize(path));
    if (!list) throw new FileNotFoundError(path);
    return list;
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const p = normalize(path);
    if (this.folders.has(p)) return { kind: 'directory', size: 0, mtime: 0 };
    if (this.files.has(p)) return { kind: 'file', size: 0, mtime: 0 };
    return undefined;
  }

  async realPath(path: string): Promise<string> {
    return normalize(path);
  }

  /** True when `path` lies in the repository this tree is of. */
  contains(path: string): boolean {
    const p = normalize(path);
    return p === this.root || isInside(this.root, p);
  }

  private readOnly(path: string): never {
    throw new UserError(`${relative(this.root, path) || path}: the records at ${this.rev} are read from git and cannot be changed`, path);
  }

  async writeFile(path: string): Promise<void> { this.readOnly(path); }
  async stageWrite(path: string): Promise<StagedWrite> { this.readOnly(path); }
  async createFile(path: string): Promise<void> { this.readOnly(path); }
  async mkdir(path: string): Promise<void> { this.readOnly(path); }
  async rename(from: string): Promise<void> { this.readOnly(from); }
  async lock(folder: string): Promise<() => Promise<void>> { this.readOnly(folder); }
}
