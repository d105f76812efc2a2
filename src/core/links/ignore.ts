/**
 * Which files a workspace scan skips: version-control folders, dependency folders, globs the host
 * excludes (VS Code's `files.exclude`), and what `.gitignore` files say — nested ones too, each
 * relative to its own folder, deeper files overriding shallower ones as in git. Rules are read
 * through the `FileSystem` port, once per folder, with the `ignore` package.
 */
import ignore from 'ignore';
import picomatch from 'picomatch';
import type { FileSystem } from '../ports';
import { dirname, isInside, join, normalize, relative } from '../paths';
import { decodeText } from '../text';

/** Folders never scanned, whatever the rules say. */
export const ALWAYS_SKIPPED = ['.git', '.hg', '.svn', '.jj', 'CVS'];

/** Folders skipped unless `skipFolders` says otherwise (they are not always git-ignored). */
export const DEFAULT_SKIPPED_FOLDERS = ['node_modules', 'bower_components'];

export interface IgnoreOptions {
  /** Globs relative to the scan root to leave out (`files.exclude`); a matching folder hides all below it. */
  readonly exclude?: readonly string[];
  /** Honour `.gitignore` files and `.git/info/exclude` (default true). */
  readonly gitignore?: boolean;
  /** Folder names skipped anywhere (default `DEFAULT_SKIPPED_FOLDERS`). */
  readonly skipFolders?: readonly string[];
  /** The repository root: `.gitignore` files from there down apply (default: the scan root). */
  readonly repoRoot?: string;
}

/** Finds the repository root above `from`: the nearest folder holding `.git`, or undefined. */
export async function findRepoRoot(fs: FileSystem, from: string): Promise<string | undefined> {
  for (let dir = normalize(from); ; dir = dirname(dir)) {
    const s = await fs.stat(join(dir, '.git')).catch(() => undefined);
    if (s) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

type Rules = ReturnType<typeof ignore>;

/** The skip rules of one scan root. Load a folder's rules before asking about its entries. */
export class IgnoreRules {
  /** Folder → its rules (null: none there). */
  private readonly rules = new Map<string, Rules | null>();
  private readonly excluded: ((rel: string) => boolean) | undefined;
  private readonly skipped: Set<string>;
  private readonly gitignore: boolean;
  readonly top: string;

  constructor(private readonly fs: FileSystem, readonly root: string, options: IgnoreOptions = {}) {
    const globs = (options.exclude ?? []).map((g) => g.replace(/^\.\//, '').replace(/\/+$/, '')).filter(Boolean);
    this.excluded = globs.length > 0 ? picomatch(globs, { dot: true }) : undefined;
    this.skipped = new Set([...ALWAYS_SKIPPED, ...(options.skipFolders ?? DEFAULT_SKIPPED_FOLDERS)]);
    this.gitignore = options.gitignore !== false;
    const repo = options.repoRoot ? normalize(options.repoRoot) : undefined;
    this.top = repo && isInside(repo, root) ? repo : normalize(root);
  }

  /** Forgets loaded rules (after a `.gitignore` changed): of one folder, or all. */
  forget(dir?: string): void {
    if (dir === undefined) this.rules.clear();
    else this.rules.delete(normalize(dir));
  }

  /** True when the folder's rules were read. */
  loaded(dir: string): boolean {
    return !this.gitignore || this.rules.has(dir);
  }

  /**
   * Reads the rules of a folder once. `names` (the folder's listing, when the caller has it) saves a
   * read when there is no `.gitignore`.
   */
  async load(dir: string, names?: readonly string[]): Promise<void> {
    if (!this.gitignore || this.rules.has(dir)) return;
    this.rules.set(dir, null); // concurrent callers see "loading" as "none yet"; set below
    const texts: string[] = [];
    if (dir === this.top) texts.push(await this.readText(join(dir, '.git', 'info', 'exclude')));
    if (!names || names.includes('.gitignore')) texts.push(await this.readText(join(dir, '.gitignore')));
    const text = texts.join('\n');
    this.rules.set(dir, text.trim() ? ignore().add(text) : null);
  }

  /** Loads the rules of every folder from the top down to `dir`. */
  async loadDown(dir: string): Promise<void> {
    const chain: string[] = [];
    for (let d = normalize(dir); isInside(this.top, d); d = dirname(d)) {
      chain.push(d);
      if (d === this.top) break;
    }
    for (const d of chain.reverse()) await this.load(d);
  }

  /** True when the entry `path` is skipped, given that its folder is not (rules of its ancestors loaded). */
  ignored(path: string, isDir: boolean): boolean {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (isDir && this.skipped.has(name)) return true;
    if (this.excluded) {
      const rel = relative(this.root, path);
      if (rel && !rel.startsWith('..') && this.excluded(rel)) return true;
    }
    if (!this.gitignore) return false;
    let state = false;
    const chain: string[] = [];
    for (let d = dirname(path); ; d = dirname(d)) {
      chain.push(d);
      if (d === this.top || dirname(d) === d) break;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const rules = this.rules.get(chain[i]!);
      if (!rules) continue;
      const t = rules.test(relative(chain[i]!, path) + (isDir ? '/' : ''));
      if (t.ignored) state = true;
      else if (t.unignored) state = false;
    }
    return state;
  }

  /** True when `path` or any folder above it (up to the scan root) is skipped. Loads rules as needed. */
  async ignoredDeep(path: string): Promise<boolean> {
    const p = normalize(path);
    if (!isInside(this.root, p) || p === this.root) return p !== this.root;
    await this.loadDown(dirname(p));
    const parts = relative(this.root, p).split('/');
    let at = this.root;
    for (let i = 0; i < parts.length; i++) {
      at = join(at, parts[i]!);
      if (this.ignored(at, i < parts.length - 1)) return true;
    }
    return false;
  }

  private async readText(path: string): Promise<string> {
    try {
      return decodeText(await this.fs.readFile(path), path).text;
    } catch {
      return '';
    }
  }
}
