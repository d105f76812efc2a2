/**
 * The change set: which files a change touches, with their hunks, read from git with `-z` output.
 * A `ChangeReader` keeps what it read: the next `read()` lists the change again (cheap), and diffs only
 * the files whose git entry, or whose size and modification time, differ from last time.
 */
import { join } from '../paths';
import type { FileStat, FileSystem } from '../ports';
import { parsePatch, parseRaw, type Hunk, type PatchBlock, type RawEntry } from './diffParse';
import { gitOk, literalPathspec, splitNul, type GitPort } from './git';
import { EMPTY_TREE, mergeBase } from './repository';
import type { ChangeBase, ChangedFile, ChangeStatus, RepositoryInfo, ReviewScope } from './types';

/** A change and where it was read. */
export interface ChangeSet {
  readonly repository: RepositoryInfo;
  readonly scope: ReviewScope;
  readonly base: ChangeBase;
  readonly files: readonly ChangedFile[];
  /** Untracked folders that are repositories of their own (absolute paths), reviewed on their own. */
  readonly nestedRepositories: readonly string[];
}

/** How `ChangeReader.read` is asked. */
export interface ReadOptions {
  /** Paths (new or old name) whose hunks are wanted; default: every path. */
  readonly wantsPatch?: (path: string) => boolean;
  /** Paths whose old version will be read: fetched early. */
  readonly prefetch?: (path: string) => boolean;
}

/** A file as last read: `patched` when its hunks were read, `same` when git listed it but nothing changed. */
interface CacheEntry {
  readonly file: ChangedFile;
  readonly same: boolean;
  readonly patched: boolean;
}

/** Untracked files larger than this are listed but not read. */
export const MAX_UNTRACKED_BYTES = 1024 * 1024;
/** Above this many changed files an update diffs everything again instead of naming each file. */
const PATHSPEC_LIMIT = 200;
const STATUS: Record<string, ChangeStatus> = {
  A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type-changed', U: 'unmerged', X: 'modified',
};
// Plumbing (`diff-index`): no index refresh (which would re-hash every touched file on each run, as
// optional locks are off and the refreshed index is never written), no porcelain config (prefixes,
// colours, external drivers); stat-dirty files are listed with a null hash and checked through `-p`.
const DIFF_BASE = ['--raw', '-z', '--no-abbrev', '-M', '--ignore-submodules=all', '--no-ext-diff', '--no-textconv', '--no-color'];
const PATCH = ['-p', '-U3', '--src-prefix=a/', '--dst-prefix=b/', '--inter-hunk-context=0'];
const decoder = new TextDecoder();

/** Reads the change of one repository for one scope; reuse it to read again cheaply. */
export class ChangeReader {
  private cache = new Map<string, CacheEntry>();
  private cacheKey = '';
  private readonly blobs = new Map<string, Promise<string>>();

  constructor(private readonly git: GitPort, private readonly fs: FileSystem, public repository: RepositoryInfo, readonly scope: ReviewScope) {}

  /** The commit or tree the change is measured from. */
  async resolveBase(): Promise<ChangeBase> {
    const repo = this.repository;
    if (this.scope.kind === 'base') return { treeish: await mergeBase(this.git, repo, this.scope.ref), description: `merge base of ${this.scope.ref} and HEAD` };
    if (repo.head) return { treeish: repo.head, description: 'HEAD' };
    return { treeish: EMPTY_TREE[repo.objectFormat], description: 'empty tree (no commits yet)' };
  }

  /**
   * Lists the change and diffs what is new since the last read. `base`: when already resolved.
   * `options.wantsPatch`: the paths whose hunks some rule reads (default: all); the others are listed
   * with no hunks and never diffed or read, which keeps a large change cheap. `options.prefetch`: paths
   * whose old version will be wanted (fetched while the rest is parsed).
   */
  async read(base?: ChangeBase, options: ReadOptions = {}): Promise<ChangeSet> {
    base ??= await this.resolveBase();
    const key = `${this.scope.kind}\0${base.treeish}`;
    if (key !== this.cacheKey) {
      this.cache = new Map();
      this.cacheKey = key;
    }
    const wants = options.wantsPatch;
    const upfront = this.cache.size === 0 && !wants; // everything is diffed: ask for the patch at once
    const staged = this.scope.kind === 'staged';
    const diffArgs = ['diff-index', ...(staged ? ['--cached'] : []), ...DIFF_BASE];
    const [diffOut, untrackedOut] = await Promise.all([
      gitOk(this.git, this.repository.root, [...diffArgs, ...(upfront ? PATCH : []), base.treeish, '--']),
      staged ? Promise.resolve('') : gitOk(this.git, this.repository.root, ['ls-files', '-o', '--exclude-standard', '-z']),
    ]);
    const raw = parseRaw(diffOut);
    const entries = raw.entries.filter((e) => e.srcMode !== '160000' && e.dstMode !== '160000');
    const untracked = splitNul(untrackedOut);
    const nested = untracked.filter((p) => p.endsWith('/'));
    const plain = untracked.filter((p) => !p.endsWith('/'));
    const memo = new Map<string, boolean>();
    const wantsOne = (path: string): boolean => {
      let v = memo.get(path);
      if (v === undefined) memo.set(path, (v = !wants || wants(path)));
      return v;
    };
    const wanted = (path: string, oldPath?: string) => wantsOne(path) || (oldPath !== undefined && wantsOne(oldPath));

    if (options.prefetch) {
      for (const e of entries) if (!/^0+$/.test(e.srcSha) && options.prefetch(e.path)) void this.blob(e.srcSha).catch(() => undefined);
    }
    // Stats run on the thread pool while the patch is parsed here.
    // Files no rule reads are known by their git entry alone: their content is never looked at.
    const untrackedStats = Promise.all(plain.map((p) => (wantsOne(p) ? this.statOf(p) : undefined)));
    const pending = Promise.all([
      ...entries.map((e) => (wanted(e.path, e.oldPath) ? this.entryFingerprint(e) : e.meta)),
      ...plain.map((p, j) => untrackedStats.then((st) => `untracked\0${p}\0${wantsOne(p) ? keyOf(st[j]) : ''}`)),
    ]);
    const fresh = (path: string, fp: string, want: boolean) => {
      const c = this.cache.get(path);
      return c !== undefined && c.file.fingerprint === fp && (c.patched || !want) ? c : undefined;
    };
    // Entries git lists differently from last time (or never read) need their hunks whatever the
    // stats say: ask git for them now, while the stats run; files that only changed on disk follow.
    const sameMeta = (e: RawEntry) => {
      const c = this.cache.get(e.path);
      return c !== undefined && c.patched && (c.file.fingerprint === e.meta || c.file.fingerprint.startsWith(`${e.meta}\0`));
    };
    const early = upfront ? [] : entries.filter((e) => wanted(e.path, e.oldPath) && !sameMeta(e));
    const earlyBlocks = early.length > 0 ? this.patches(diffArgs, base.treeish, early.length > PATHSPEC_LIMIT ? undefined : early) : Promise.resolve([]);
    earlyBlocks.catch(() => undefined);
    let blocks = upfront ? parsePatch(raw.patch) : [];
    const fingerprints = await pending;
    const earlySet = new Set(early);
    const late = upfront ? [] : entries.filter((e, i) => !earlySet.has(e) && wanted(e.path, e.oldPath) && !fresh(e.path, fingerprints[i]!, true));
    if (!upfront) {
      const [a, b] = await Promise.all([earlyBlocks, late.length > 0 ? this.patches(diffArgs, base.treeish, late.length > PATHSPEC_LIMIT ? undefined : late) : []]);
      blocks = [...a, ...b];
    }
    const toPatch = [...early, ...late];
    const patchedNow = new Set(upfront ? entries.map((e) => e.path) : toPatch.map((e) => e.path));
    const byPath = groupBlocks(blocks);

    const next = new Map<string, CacheEntry>();
    entries.forEach((e, i) => {
      const fp = fingerprints[i]!;
      const cached = fresh(e.path, fp, wanted(e.path, e.oldPath));
      if (cached) return next.set(e.path, cached);
      const patched = patchedNow.has(e.path);
      const fileBlocks = byPath.get(e.path) ?? [];
      // Listed with a null hash (touched) but without a patch: the content is what it was.
      const same = patched && e.status === 'M' && fileBlocks.length === 0 && e.srcMode === e.dstMode;
      return next.set(e.path, { file: fileOf(e, fileBlocks, fp), same, patched });
    });
    const stats = await untrackedStats;
    await Promise.all(plain.map(async (p, j) => {
      const fp = fingerprints[entries.length + j]!;
      const want = wanted(p);
      const cached = fresh(p, fp, want);
      const file: ChangedFile = want ? await this.untrackedFile(p, fp, stats[j]) : { path: p, status: 'untracked', binary: false, hunks: [], fingerprint: fp };
      next.set(p, cached ?? { file, same: false, patched: want });
    }));
    this.cache = next;
    const nestedRoots: string[] = [];
    for (const n of nested) {
      const abs = join(this.repository.root, n);
      if (await this.fs.stat(join(abs, '.git')).catch(() => undefined)) nestedRoots.push(abs.replace(/\/$/, ''));
    }
    const files = [...next.values()].filter((f) => !f.same).map((f) => f.file);
    return { repository: this.repository, scope: this.scope, base, files, nestedRepositories: nestedRoots };
  }

  /** The text of a blob (cached; binary content comes back as decoded bytes). */
  blob(sha: string): Promise<string> {
    let text = this.blobs.get(sha);
    if (!text) {
      if (this.blobs.size > 500) this.blobs.clear();
      text = gitOk(this.git, this.repository.root, ['cat-file', 'blob', sha]);
      this.blobs.set(sha, text);
      text.catch(() => this.blobs.delete(sha));
    }
    return text;
  }

  /** The file's text before the change; undefined for new files. */
  async before(file: ChangedFile): Promise<string | undefined> {
    return file.oldBlob ? this.blob(file.oldBlob) : undefined;
  }

  /** The file's text after the change (the index for `staged`, else the work tree); undefined when deleted. */
  async after(file: ChangedFile): Promise<string | undefined> {
    if (file.status === 'deleted') return undefined;
    if (this.scope.kind === 'staged') return file.newBlob ? this.blob(file.newBlob) : undefined;
    try {
      return decoder.decode(await this.fs.readFile(join(this.repository.root, file.path)));
    } catch {
      return undefined;
    }
  }

  private async patches(diffArgs: string[], treeish: string, only: readonly RawEntry[] | undefined): Promise<PatchBlock[]> {
    const specs = only ? [...new Set(only.flatMap((e) => (e.oldPath !== undefined ? [e.oldPath, e.path] : [e.path])))].map(literalPathspec) : [];
    return parsePatch(parseRaw(await gitOk(this.git, this.repository.root, [...diffArgs, ...PATCH, treeish, '--', ...specs])).patch);
  }

  /** The entry as git printed it, plus the size and time of the work-tree file when git did not hash it. */
  private async entryFingerprint(e: RawEntry): Promise<string> {
    const worktree = this.scope.kind !== 'staged' && e.status !== 'D' && /^0+$/.test(e.dstSha);
    return worktree ? `${e.meta}\0${keyOf(await this.statOf(e.path))}` : e.meta;
  }

  private statOf(path: string): Promise<FileStat | undefined> {
    return this.fs.stat(join(this.repository.root, path)).catch(() => undefined);
  }

  private async untrackedFile(path: string, fingerprint: string, stat: FileStat | undefined): Promise<ChangedFile> {
    let bytes: Uint8Array | undefined;
    try {
      if (stat && stat.size <= MAX_UNTRACKED_BYTES) bytes = await this.fs.readFile(join(this.repository.root, path));
    } catch {
      bytes = undefined;
    }
    const binary = !bytes || bytes.subarray(0, 8000).includes(0);
    const hunks: Hunk[] = [];
    if (bytes && !binary && bytes.length > 0) {
      const lines = decoder.decode(bytes).split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      hunks.push({ oldStart: 0, oldLines: 0, newStart: 1, newLines: lines.length, header: `@@ -0,0 +1,${lines.length} @@`, lines: lines.map((l) => `+${l.replace(/\r$/, '')}`) });
    }
    return { path, status: 'untracked', binary, hunks, fingerprint };
  }
}

function keyOf(s: FileStat | undefined): string {
  return s ? `${s.mtime}:${s.size}` : 'missing';
}

function groupBlocks(blocks: readonly PatchBlock[]): Map<string, PatchBlock[]> {
  const byPath = new Map<string, PatchBlock[]>();
  for (const b of blocks) {
    const list = byPath.get(b.path);
    if (list) list.push(b);
    else byPath.set(b.path, [b]);
  }
  return byPath;
}

function fileOf(e: RawEntry, blocks: readonly PatchBlock[], fingerprint: string): ChangedFile {
  const zero = /^0+$/;
  const status = STATUS[e.status] ?? 'modified';
  return {
    path: e.path,
    ...(e.oldPath !== undefined ? { oldPath: e.oldPath } : {}),
    status,
    binary: blocks.some((b) => b.binary),
    hunks: blocks.flatMap((b) => b.hunks),
    ...(!zero.test(e.srcSha) ? { oldBlob: e.srcSha } : {}),
    ...(!zero.test(e.dstSha) ? { newBlob: e.dstSha } : {}),
    fingerprint,
  };
}
