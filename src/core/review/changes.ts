/**
 * The change set: which files a change touches, with their hunks.
 *
 * Git is never asked to look at work-tree content. Comparing a work-tree file is where git runs a
 * repository's clean and process filters (`filter.<name>.clean` with `* filter=<name>` in
 * `.gitattributes`), even in plumbing such as `diff-index` (for a "racily clean" index entry it hashes
 * the file through the filter). So the review splits the change in two:
 * - base → index: `diff-index --cached` compares blobs and trees only (no work-tree file is opened);
 * - index → work tree: the index entries with their stat data (`ls-files --stage --debug`, which reads
 *   the index only), each compared with the file read through the `WorkTreePort` (lstat, regular files
 *   only, no symlink followed, size-capped): an entry whose stat data matches is clean; otherwise the
 *   file is hashed in process (`blob <len>\0` + bytes) and compared with the index blob, CRLF-normalised
 *   as a second try. A file whose attributes name a filter (`git check-attr`, which runs nothing) and
 *   whose bytes differ is reported as changed, its content compared without running the filter.
 * Untracked files come from `ls-files -o` (reads folders, no content). Blobs are read with `cat-file`
 * (no filter, size checked first); hunks are computed here from the two texts (jsdiff, git's 3 lines
 * of context). Git never fetches: the port forbids every transport, and a blob missing from a partial
 * clone is reported "not available in this partial clone".
 *
 * A `ChangeReader` keeps what it read: work-tree hashes by stat data, blobs by id, hunks by fingerprint.
 */
import { structuredPatch } from 'diff';
import { join } from '../paths';
import type { FileSystem } from '../ports';
import { mapLimit } from '../index/limit';
import { parseRaw, type Hunk, type RawEntry } from './diffParse';
import { canFeed, catFileBlobs, gitOk, literalPathspec, sizeBatches, splitNul, type GitPort } from './git';
import { EMPTY_TREE, mergeBase } from './repository';
import type { ChangeBase, ChangedFile, ChangeStatus, RepositoryInfo, ReviewScope } from './types';
import { MAX_CONTENT_BYTES, unreadReason, type WorkStat, type WorkTreePort, type WorkTreeView } from './worktree';

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
  /** Paths (new or old name) whose versions will be read: their blobs are read with the hunks', in the same two processes. */
  readonly prefetch?: (path: string) => boolean;
}

/** One version of a file's content, or why it was not read. */
export interface Content {
  readonly text: string | undefined;
  /** Set when the version exists but was not read (a symlink, a FIFO, too large, missing from a partial clone). */
  readonly unread?: string;
}

/** Kept for callers that still name it: untracked files larger than this are listed but not read. */
export const MAX_UNTRACKED_BYTES = MAX_CONTENT_BYTES;
/** Work-tree files up to this size are hashed to tell a real change from a touched file. */
export const MAX_HASH_BYTES = 256 * 1024 * 1024;
/**
 * Edit distance (and milliseconds) above which the middle of the file, between its common first and
 * last lines, is one replacement hunk: Myers' diff is O(N·D), and two unrelated 30,000-line files
 * would otherwise take minutes.
 */
const MAX_EDIT_LENGTH = 1000;
const MAX_DIFF_MS = 1000;
/** The review's partial-clone message. */
export const NOT_IN_PARTIAL_CLONE = 'not available in this partial clone (the review never fetches)';

const STATUS: Record<string, ChangeStatus> = {
  A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type-changed', U: 'unmerged', X: 'modified',
};
const DIFF_CACHED = ['diff-index', '--cached', '--raw', '-z', '--no-abbrev', '--ignore-submodules=all', '--no-ext-diff', '--no-textconv', '--no-color'];
const ZERO = /^0+$/;
const decoder = new TextDecoder();
const ATTRS = ['filter', 'text', 'eol', 'crlf', 'ident', 'working-tree-encoding'];

/** One index entry as `ls-files -s -v --debug` prints it. */
export interface IndexEntry {
  /** `H` cached, `S` skip-worktree, lowercase: assume-unchanged, `M` unmerged. */
  readonly tag: string;
  readonly mode: string;
  readonly sha: string;
  readonly stage: number;
  readonly path: string;
  readonly ctimeSec: number;
  readonly ctimeNsec: number;
  readonly mtimeSec: number;
  readonly mtimeNsec: number;
  readonly ino: number;
  readonly size: number;
}

/** Parses `git ls-files -z -s -v --debug` (one pass, no regular expression per entry). */
export function parseIndexDebug(text: string): IndexEntry[] {
  const out: IndexEntry[] = [];
  let pos = 0;
  while (pos < text.length) {
    const nul = text.indexOf('\0', pos);
    if (nul < 0) break;
    // `<tag> <mode> <sha> <stage>\t<path>`
    const tab = text.indexOf('\t', pos);
    const head = tab > pos && tab < nul ? text.slice(pos, tab) : '';
    const path = tab > pos && tab < nul ? text.slice(tab + 1, nul) : '';
    pos = nul + 1;
    let ctime = '0:0';
    let mtime = '0:0';
    let ino = '0';
    let size = '-1';
    while (pos < text.length && text.charCodeAt(pos) === 32 && text.charCodeAt(pos + 1) === 32) {
      const eol = text.indexOf('\n', pos);
      const end = eol < 0 ? text.length : eol;
      for (let f = pos + 2; f < end;) {
        const t = text.indexOf('\t', f);
        const stop = t < 0 || t > end ? end : t;
        const colon = text.indexOf(':', f);
        if (colon > f && colon < stop) {
          const key = text.slice(f, colon).trim();
          const value = text.slice(colon + 1, stop).trim();
          if (key === 'ctime') ctime = value;
          else if (key === 'mtime') mtime = value;
          else if (key === 'ino') ino = value;
          else if (key === 'size') size = value;
        }
        f = stop + 1;
      }
      pos = end + 1;
    }
    const parts = head.split(' ');
    if (parts.length !== 4 || parts[0]!.length !== 1 || !/^\d{6}$/.test(parts[1]!) || !/^[0-9a-f]+$/.test(parts[2]!) || !/^\d$/.test(parts[3]!)) continue;
    const [cs = '0', cn = '0'] = ctime.split(':');
    const [ms = '0', mn = '0'] = mtime.split(':');
    out.push({
      tag: parts[0]!, mode: parts[1]!, sha: parts[2]!, stage: Number(parts[3]), path,
      ctimeSec: Number(cs), ctimeNsec: Number(cn), mtimeSec: Number(ms), mtimeNsec: Number(mn), ino: Number(ino), size: Number(size),
    });
  }
  return out;
}

/** The work tree against the index, for one entry. */
type WorkState =
  | { readonly kind: 'clean' }
  | { readonly kind: 'deleted' }
  /** Content differs (or could not be compared); `id` the blob id of the work-tree bytes, or a key for what is there. */
  | { readonly kind: 'modified'; readonly id: string; readonly unread?: string; readonly note?: string }
  | { readonly kind: 'type-changed'; readonly id: string; readonly unread: string };

/** A changed file as listed, before hunks: how to read its two sides. */
interface Listed {
  readonly path: string;
  readonly oldPath?: string;
  readonly status: ChangeStatus;
  readonly oldBlob?: string;
  /** The new side is this blob (index or committed content). */
  readonly newBlob?: string;
  /** The new side is the work-tree file. */
  readonly worktree: boolean;
  /** Why the new side is not read (known when listing). */
  readonly unread?: string;
  /** The old side is a symbolic link (mode 120000): its blob is a target path, not content. */
  readonly oldLink?: boolean;
  readonly note?: string;
  readonly fingerprint: string;
}

const LINK = '120000';
const COMMITTED_LINK = 'a symbolic link (as staged or committed): not followed, not read';

interface BlobResult { readonly text?: string; readonly unread?: string; readonly binary?: boolean }

/** Reads the change of one repository for one scope; reuse it to read again cheaply. */
export class ChangeReader {
  private readonly blobs = new Map<string, Promise<BlobResult>>();
  /** Work-tree path → stat key and the blob id of its bytes when last hashed. */
  private readonly hashes = new Map<string, { key: string; state: WorkState }>();
  /** Fingerprint → hunks computed. */
  private hunkCache = new Map<string, { hunks: readonly Hunk[]; binary: boolean }>();
  private listed = new Map<string, Listed>();
  /** The index as last read, and the key (base, index file's stat data) it was read under. */
  private fromIndex: { readonly cached: readonly RawEntry[]; readonly index: readonly IndexEntry[] } | undefined;
  private indexKey: string | undefined;
  private view: WorkTreeView;
  /** Paths whose content a rule wanted but could not be read, with why (cleared on each read). */
  readonly unread = new Map<string, string>();

  constructor(
    private readonly git: GitPort,
    private readonly fs: FileSystem,
    private readonly workTree: WorkTreePort,
    public repository: RepositoryInfo,
    readonly scope: ReviewScope,
  ) {
    this.view = workTree.view(repository.root);
  }

  /** The commit or tree the change is measured from. */
  async resolveBase(): Promise<ChangeBase> {
    const repo = this.repository;
    if (this.scope.kind === 'base') return { treeish: await mergeBase(this.git, repo, this.scope.ref), description: `merge base of ${this.scope.ref} and HEAD` };
    if (this.scope.kind === 'range') return { treeish: this.scope.from, description: `${this.scope.from}..${this.scope.to}` };
    if (repo.head) return { treeish: repo.head, description: 'HEAD' };
    return { treeish: EMPTY_TREE[repo.objectFormat], description: 'empty tree (no commits yet)' };
  }

  /**
   * Lists the change and computes the hunks of the files `options.wantsPatch` accepts (default: all);
   * the others are listed with no hunks and never read.
   */
  async read(base?: ChangeBase, options: ReadOptions = {}): Promise<ChangeSet> {
    base ??= await this.resolveBase();
    this.view = this.workTree.view(this.repository.root);
    this.unread.clear();
    const root = this.repository.root;
    // A range reads committed trees only: like `staged`, nothing of the work tree.
    const range = this.scope.kind === 'range' ? this.scope : undefined;
    const staged = this.scope.kind === 'staged' || range !== undefined;
    const untrackedRun = staged ? Promise.resolve('') : gitOk(this.git, root, ['ls-files', '-o', '--exclude-standard', '-z']);
    untrackedRun.catch(() => undefined);
    // What git says about the index (base → index, and its entries) depends on the index file and the
    // base only: unchanged index (size, times, inode), same answers, no git run.
    const indexStat = range ? undefined : await this.workTree.view(this.repository.gitDir).lstat('index');
    const indexKey = range ? `${base.treeish}\0${range.to}` : indexStat ? `${base.treeish}\0${statKey(indexStat)}` : undefined;
    const known = indexKey !== undefined && indexKey === this.indexKey ? this.fromIndex : undefined;
    // The work-tree comparison needs the index entries only: it starts as soon as `ls-files` answers,
    // while `diff-index` and the untracked listing are still running.
    const cachedRun = known ? Promise.resolve(known.cached) : range ? this.diffTrees(base.treeish, range.to) : this.diffCached(base.treeish);
    const indexRun = known ? Promise.resolve(known.index) : staged ? Promise.resolve([]) : gitOk(this.git, root, ['ls-files', '-z', '-s', '-v', '--debug']).then(parseIndexDebug);
    cachedRun.catch(() => undefined);

    // Index → work tree, for every entry (stage 0); unmerged paths are read from the work tree.
    const work = new Map<string, WorkState>();
    const unmerged = new Set<string>();
    const workRun = staged ? Promise.resolve() : indexRun.then(async (index) => {
      const stage0 = index.filter((e) => {
        if (e.stage !== 0) unmerged.add(e.path);
        return e.stage === 0 && e.mode !== '160000' && e.tag !== 'S' && e.tag === e.tag.toUpperCase();
      });
      const fresh = new Set<string>();
      const quick = this.view.quickStats ? await this.view.quickStats(stage0.map((e) => e.path)) : undefined;
      const states = await mapLimit(stage0.map((e, i) => [e, i] as const), 32, ([e, i]) => this.workState(e, indexStat, fresh, quick ? { stat: quick[i] } : undefined));
      stage0.forEach((e, i) => {
        if (states[i]!.kind !== 'clean') work.set(e.path, states[i]!);
      });
      await this.noteFilters(work, fresh);
    });
    workRun.catch(() => undefined);
    const [cached, index] = await Promise.all([cachedRun, indexRun]);
    if (!known) {
      this.fromIndex = { cached, index };
      this.indexKey = indexKey;
    }
    await workRun;
    const untrackedOut = await untrackedRun;
    const entries = cached.filter((e) => e.srcMode !== '160000' && e.dstMode !== '160000');

    const listed = new Map<string, Listed>();
    const add = (l: Listed) => listed.set(l.path, l);
    const inIndex = new Set(index.map((e) => e.path));
    const byPath = new Map(entries.map((e) => [e.path, e]));
    for (const e of entries) {
      const w = work.get(e.path);
      const status = STATUS[e.status] ?? 'modified';
      const oldBlob = ZERO.test(e.srcSha) ? undefined : e.srcSha;
      const base = {
        path: e.path, ...(e.oldPath !== undefined ? { oldPath: e.oldPath } : {}), ...(oldBlob ? { oldBlob } : {}), ...(e.srcMode === LINK ? { oldLink: true } : {}),
      };
      if (e.status === 'U' || unmerged.has(e.path)) {
        if (!staged) add({ ...base, status: 'unmerged', worktree: true, fingerprint: `U\0${e.path}\0${(await this.view.lstat(e.path).then(statKey))}` });
        continue;
      }
      if (staged || !w) {
        add({
          ...base, status, ...(ZERO.test(e.dstSha) || e.status === 'D' ? {} : { newBlob: e.dstSha }), worktree: false, fingerprint: e.meta,
          ...(e.dstMode === LINK && e.status !== 'D' ? { unread: COMMITTED_LINK } : {}),
        });
        continue;
      }
      if (w.kind === 'clean') continue; // never stored
      // Staged, then changed back in the work tree: against the base, nothing changed.
      if (w.kind === 'modified' && !w.unread && e.oldPath === undefined && oldBlob !== undefined && w.id === oldBlob) continue;
      if (w.kind === 'deleted') {
        if (e.status === 'A' || e.status === 'C') continue; // added, then removed again: nothing against the base
        if (e.status === 'R' && e.oldPath !== undefined) add({ path: e.oldPath, status: 'deleted', ...(oldBlob ? { oldBlob } : {}), worktree: false, fingerprint: `D\0${e.meta}` });
        else add({ ...base, status: 'deleted', worktree: false, fingerprint: `D\0${e.meta}` });
        continue;
      }
      add({
        ...base, status: w.kind === 'type-changed' ? 'type-changed' : status, worktree: true,
        ...(w.unread ? { unread: w.unread } : {}),
        ...(w.kind === 'modified' && w.note ? { note: w.note } : {}),
        fingerprint: `${e.meta}\0${w.id}`,
      });
    }
    // Entries the same in the index as at the base, changed in the work tree.
    if (!staged) {
      const indexSha = new Map(index.filter((e) => e.stage === 0).map((e) => [e.path, e]));
      for (const [path, w] of work) {
        if (byPath.has(path) || listed.has(path)) continue;
        const ie = indexSha.get(path);
        const oldBlob = ie && !ZERO.test(ie.sha) ? ie.sha : undefined;
        if (w.kind === 'clean') continue;
        if (w.kind === 'deleted') {
          add({ path, status: 'deleted', ...(oldBlob ? { oldBlob } : {}), worktree: false, fingerprint: `D\0${path}\0${oldBlob ?? ''}` });
          continue;
        }
        add({
          path, status: w.kind === 'type-changed' ? 'type-changed' : 'modified', ...(oldBlob ? { oldBlob } : {}), ...(ie?.mode === LINK ? { oldLink: true } : {}), worktree: true,
          ...(w.unread ? { unread: w.unread } : {}), ...(w.kind === 'modified' && w.note ? { note: w.note } : {}),
          fingerprint: `M\0${path}\0${oldBlob ?? ''}\0${w.id}`,
        });
      }
    }
    // Unmerged paths without a base entry (added on both sides).
    for (const path of unmerged) {
      if (!listed.has(path) && !staged) add({ path, status: 'unmerged', worktree: true, fingerprint: `U\0${path}\0${await this.view.lstat(path).then(statKey)}` });
    }
    if (unmerged.size > 0) await this.unmergedBases(base.treeish, listed);

    // Untracked files.
    const untracked = splitNul(untrackedOut);
    const nested = untracked.filter((p) => p.endsWith('/'));
    const plain = untracked.filter((p) => !p.endsWith('/') && !inIndex.has(p));
    const wants = options.wantsPatch;
    const wanted = (path: string, oldPath?: string) => !wants || wants(path) || (oldPath !== undefined && wants(oldPath));
    const untrackedStats = await mapLimit(plain, 32, (p) => (wanted(p) ? this.view.lstat(p) : Promise.resolve(undefined)));
    plain.forEach((p, i) => {
      add({ path: p, status: 'untracked', worktree: true, fingerprint: `?\0${p}\0${wanted(p) ? statKey(untrackedStats[i]) : ''}` });
    });

    // Hunks, for the files some rule reads: their blobs first, in two processes for all of them.
    this.listed = listed;
    const prefetched = options.prefetch;
    const read = (l: { path: string; oldPath?: string }) => wanted(l.path, l.oldPath) || (prefetched !== undefined && (prefetched(l.path) || (l.oldPath !== undefined && prefetched(l.oldPath))));
    await this.prefetch([...listed.values()].filter(read).flatMap((l) => [l.oldBlob, l.newBlob]));
    const nextHunks = new Map<string, { hunks: readonly Hunk[]; binary: boolean }>();
    const files = await mapLimit([...listed.values()], 16, async (l): Promise<ChangedFile> => {
      const file = fileOf(l, [], false);
      if (!wanted(l.path, l.oldPath)) return file;
      let h = this.hunkCache.get(l.fingerprint);
      if (!h) h = await this.hunksOf(file);
      nextHunks.set(l.fingerprint, h);
      return fileOf(l, h.hunks, h.binary);
    });
    this.hunkCache = nextHunks;

    const nestedRoots: string[] = [];
    for (const n of nested) {
      const abs = join(root, n);
      if (await this.fs.stat(join(abs, '.git')).catch(() => undefined)) nestedRoots.push(abs.replace(/\/$/, ''));
    }
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { repository: this.repository, scope: this.scope, base, files, nestedRepositories: nestedRoots };
  }

  /** The text of a blob (cached), or why it cannot be read: too large, or missing from a partial clone. */
  blob(sha: string): Promise<BlobResult> {
    let result = this.blobs.get(sha);
    if (!result) {
      if (this.blobs.size > 2000) this.blobs.clear();
      result = this.readBlob(sha);
      this.blobs.set(sha, result);
    }
    return result;
  }

  /**
   * Reads many blobs at once when the port can feed standard input: `cat-file --batch-check` for their
   * sizes (and which are missing: a partial clone, the fetch refused), then `cat-file --batch` for the
   * ones under the cap. Blobs it could not settle are left to `blob()`, one process each.
   */
  private async prefetch(shas: readonly (string | undefined)[]): Promise<void> {
    const git = this.git;
    const todo = [...new Set(shas)].filter((s): s is string => s !== undefined && /^[0-9a-f]{40,64}$/.test(s) && !this.blobs.has(s));
    if (!canFeed(git) || todo.length < 2) return;
    const root = this.repository.root;
    let check;
    try {
      check = await git.runInput(root, ['cat-file', '--batch-check'], `${todo.join('\n')}\n`, 1 << 24);
    } catch {
      return;
    }
    if (check.exitCode !== 0) return;
    const small: { sha: string; size: number }[] = [];
    const asked = new Set(todo);
    for (const line of decoder.decode(check.stdout).split('\n')) {
      const [sha = '', type = '', size = ''] = line.split(' ');
      if (!asked.has(sha)) continue;
      if (type === 'missing') this.blobs.set(sha, Promise.resolve({ unread: missingReason(check.stderr || 'could not fetch') }));
      else if (type !== 'blob') continue;
      else if (Number(size) > MAX_CONTENT_BYTES) this.blobs.set(sha, Promise.resolve({ unread: `larger than ${MAX_CONTENT_BYTES} bytes (${size}): not read` }));
      else small.push({ sha, size: Number(size) });
    }
    // Batches of at most 32 MiB of content.
    for (const batch of sizeBatches(small, 32 << 20)) {
      const total = batch.reduce((n, b) => n + b.size, 0);
      let out;
      try {
        out = await git.runInput(root, ['cat-file', '--batch'], `${batch.map((b) => b.sha).join('\n')}\n`, total + batch.length * 200 + 1024);
      } catch {
        continue;
      }
      if (out.exitCode !== 0) continue;
      for (const blob of catFileBlobs(out.stdout)) {
        const text = decoder.decode(blob.bytes);
        this.blobs.set(blob.sha, Promise.resolve({ text, binary: text.slice(0, 8000).includes('\0') }));
      }
    }
  }

  private async readBlob(sha: string): Promise<BlobResult> {
    const root = this.repository.root;
    const size = await this.git.run(root, ['cat-file', '-s', sha]);
    if (size.exitCode !== 0) return { unread: missingReason(size.stderr) };
    const n = Number(size.stdout.trim());
    if (n > MAX_CONTENT_BYTES) return { unread: `larger than ${MAX_CONTENT_BYTES} bytes (${n}): not read` };
    const out = await this.git.run(root, ['cat-file', 'blob', sha]);
    if (out.exitCode !== 0) return { unread: missingReason(out.stderr) };
    return { text: out.stdout, binary: out.stdout.slice(0, 8000).includes('\0') };
  }

  /** The file's text before the change (undefined for new files), or why it was not read. */
  async beforeContent(file: ChangedFile): Promise<Content> {
    if (!file.oldBlob) return { text: undefined };
    if (this.listed.get(file.path)?.oldLink) return { text: undefined, unread: 'a symbolic link before the change: not read' };
    const r = await this.blob(file.oldBlob);
    if (r.unread) this.unread.set(file.oldPath ?? file.path, `${r.unread} (the version before)`);
    return r.unread ? { text: undefined, unread: r.unread } : { text: r.text };
  }

  /** The file's text after the change (the index for `staged`, else the work tree), or why it was not read. */
  async afterContent(file: ChangedFile): Promise<Content> {
    if (file.status === 'deleted') return { text: undefined };
    const l = this.listed.get(file.path);
    const committed = this.scope.kind === 'staged' || this.scope.kind === 'range';
    const newBlob = l ? l.newBlob : committed ? file.newBlob : undefined;
    if (l?.unread && !l.worktree) {
      this.unread.set(file.path, l.unread);
      return { text: undefined, unread: l.unread };
    }
    if (newBlob) {
      const r = await this.blob(newBlob);
      if (r.unread) this.unread.set(file.path, r.unread);
      return r.unread ? { text: undefined, unread: r.unread } : { text: r.text };
    }
    if (committed) return { text: undefined };
    const read = await this.view.read(file.path, MAX_CONTENT_BYTES);
    if (read.kind === 'file') return { text: decoder.decode(read.bytes) };
    const why = unreadReason(read);
    if (why) this.unread.set(file.path, why);
    return why ? { text: undefined, unread: why } : { text: undefined };
  }

  /** The file's text before the change; undefined for new files (and for versions not read). */
  async before(file: ChangedFile): Promise<string | undefined> {
    return (await this.beforeContent(file)).text;
  }

  /** The file's text after the change; undefined when deleted (or not read). */
  async after(file: ChangedFile): Promise<string | undefined> {
    return (await this.afterContent(file)).text;
  }

  /** `diff-index --cached`: blobs and trees only. Rename detection reads blobs: in a partial clone it may fail, then without it. */
  private async diffCached(treeish: string): Promise<RawEntry[]> {
    const root = this.repository.root;
    const withRenames = await this.git.run(root, [...DIFF_CACHED, '-M', treeish, '--']);
    if (withRenames.exitCode === 0) return parseRaw(withRenames.stdout).entries;
    const plain = await gitOk(this.git, root, [...DIFF_CACHED, '--no-renames', treeish, '--']);
    return parseRaw(plain).entries;
  }

  /** `diff-tree FROM TO`: the committed change of a range, renames as `diffCached` finds them. */
  private async diffTrees(from: string, to: string): Promise<RawEntry[]> {
    const root = this.repository.root;
    const args = DIFF_CACHED.filter((a) => a !== 'diff-index' && a !== '--cached');
    const withRenames = await this.git.run(root, ['diff-tree', '-r', ...args, '-M', from, to, '--']);
    if (withRenames.exitCode === 0) return parseRaw(withRenames.stdout).entries;
    const plain = await gitOk(this.git, root, ['diff-tree', '-r', ...args, '--no-renames', from, to, '--']);
    return parseRaw(plain).entries;
  }

    /** Compares one index entry with the work tree, without git. */
  private async workState(e: IndexEntry, indexStat: WorkStat | undefined, fresh: Set<string>, stated?: { stat: WorkStat | undefined }): Promise<WorkState> {
    const symlinkEntry = e.mode === '120000';
    const racy = indexStat !== undefined && (e.mtimeSec > indexStat.mtimeSec || (e.mtimeSec === indexStat.mtimeSec && e.mtimeNsec >= indexStat.mtimeNsec));
    // Git's own test: size, times and inode as recorded in the index (and not racily clean). A match
    // means unchanged and nothing is read, so the folders on the way need no check for it.
    const sameTime = (a: number, an: number, b: number, bn: number) => a === b && (bn === 0 || an === bn);
    const quick = stated ? stated.stat : await this.view.quickStat(e.path);
    if (!racy && quick && quick.kind === (symlinkEntry ? 'symlink' : 'file') && quick.size === e.size && sameTime(quick.mtimeSec, quick.mtimeNsec, e.mtimeSec, e.mtimeNsec)
      && sameTime(quick.ctimeSec, quick.ctimeNsec, e.ctimeSec, e.ctimeNsec) && (e.ino === 0 || quick.ino === e.ino)) {
      return { kind: 'clean' };
    }
    // Compared before with exactly this stat data (size, times to the nanosecond, inode): the same answer.
    const known = this.hashes.get(e.path);
    if (quick && known && known.key === `${e.sha}\0${statKey(quick)}`) return known.state;
    if (!quick || quick.kind === 'directory') {
      // quickStat sees what lstat through checked folders would, and more: nothing there, nothing behind.
      this.hashes.delete(e.path);
      return { kind: 'deleted' };
    }
    // A regular file: read at once (the read checks every folder on the way and the file's kind again).
    const st = quick.kind === 'file' && !symlinkEntry ? quick : await this.view.lstat(e.path);
    if (!st || st.kind === 'directory') {
      this.hashes.delete(e.path);
      return { kind: 'deleted' };
    }
    const key = statKey(st);
    if (known && known.key === `${e.sha}\0${key}`) return known.state;
    const state = await this.compare(e, st);
    this.hashes.set(e.path, { key: `${e.sha}\0${key}`, state });
    fresh.add(e.path);
    return state;
  }

  private async compare(e: IndexEntry, st: WorkStat): Promise<WorkState> {
    const format = this.repository.objectFormat;
    if (e.mode === '120000') {
      const r = await this.view.read(e.path, 4096);
      if (r.kind !== 'symlink') return { kind: 'type-changed', id: `${r.kind}:${statKey(st)}`, unread: unreadReason(r) ?? 'no longer a symbolic link: not read' };
      const id = this.workTree.blobId(new TextEncoder().encode(r.target), format);
      return id === e.sha ? { kind: 'clean' } : { kind: 'type-changed', id, unread: unreadReason(r)! };
    }
    if (st.kind !== 'file') {
      const unread = st.kind === 'symlink' ? unreadReason(await this.view.read(e.path, 0))! : unreadReason({ kind: 'other' })!;
      return { kind: 'type-changed', id: `${st.kind}:${statKey(st)}`, unread };
    }
    const r = await this.view.read(e.path, MAX_HASH_BYTES);
    if (r.kind === 'missing') return { kind: 'deleted' };
    if (r.kind !== 'file') return { kind: 'modified', id: `${r.kind}:${statKey(st)}`, unread: unreadReason(r)! };
    const id = this.workTree.blobId(r.bytes, format);
    if (id === e.sha) return { kind: 'clean' };
    // Line endings converted on check-out (core.autocrlf, `text`/`eol` attributes): the same content.
    if (r.bytes.includes(13)) {
      const lf = stripCr(r.bytes);
      if (lf.length !== r.bytes.length && this.workTree.blobId(lf, format) === e.sha) return { kind: 'clean' };
    }
    return { kind: 'modified', id };
  }

  /**
   * Marks changed files whose attributes name a filter: compared as bytes, the filter never run.
   * Only files compared in this read are asked about (the note is kept with the comparison).
   */
  private async noteFilters(work: Map<string, WorkState>, fresh: ReadonlySet<string>): Promise<void> {
    const paths = [...work].filter(([p, w]) => fresh.has(p) && w.kind === 'modified' && !w.unread).map(([p]) => p);
    for (let i = 0; i < paths.length; i += 500) {
      const chunk = paths.slice(i, i + 500);
      // check-attr takes paths, not pathspecs: after `--` each is taken as it is.
      const out = await this.git.run(this.repository.root, ['check-attr', '-z', ...ATTRS, '--', ...chunk]);
      if (out.exitCode !== 0) continue;
      const f = splitNul(out.stdout);
      for (let j = 0; j + 2 < f.length; j += 3) {
        const [path, attr, value] = [f[j]!, f[j + 1]!, f[j + 2]!];
        if (attr !== 'filter' || value === 'unspecified' || value === 'unset') continue;
        const w = work.get(path);
        if (w && w.kind === 'modified') {
          const noted: WorkState = { ...w, note: `has filter=${value}: compared as stored on disk, the filter not run` };
          work.set(path, noted);
          const h = this.hashes.get(path);
          if (h) this.hashes.set(path, { key: h.key, state: noted });
        }
      }
    }
  }

  /** Unmerged paths: the version at the base is the old side. */
  private async unmergedBases(treeish: string, listed: Map<string, Listed>): Promise<void> {
    const paths = [...listed.values()].filter((l) => l.status === 'unmerged' && !l.oldBlob).map((l) => l.path);
    if (paths.length === 0) return;
    const out = await this.git.run(this.repository.root, ['ls-tree', '-z', '--full-tree', treeish, '--', ...paths.map(literalPathspec)]);
    for (const line of splitNul(out.stdout)) {
      const m = /^\d+ blob ([0-9a-f]+)\t([\s\S]*)$/.exec(line);
      const l = m ? listed.get(m[2]!) : undefined;
      if (l) listed.set(l.path, { ...l, oldBlob: m![1]! });
    }
  }

  private async hunksOf(file: ChangedFile): Promise<{ hunks: readonly Hunk[]; binary: boolean }> {
    if (file.status === 'type-changed' && (this.listed.get(file.path)?.unread)) return { hunks: [], binary: false };
    const [before, after] = await Promise.all([this.beforeContent(file), this.afterContent(file)]);
    if (before.unread || after.unread) return { hunks: [], binary: false };
    const a = before.text ?? '';
    const b = after.text ?? '';
    if (a.slice(0, 8000).includes('\0') || b.slice(0, 8000).includes('\0')) return { hunks: [], binary: true };
    if (a === b) return { hunks: [], binary: false };
    return { hunks: diffHunks(a, b), binary: false };
  }
}

/** Unified hunks (3 lines of context, as git prints them) between two texts; `\r` before a newline ignored. */
export function diffHunks(a: string, b: string): Hunk[] {
  const patch = structuredPatch('a', 'b', a, b, '', '', { context: 3, stripTrailingCr: true, maxEditLength: MAX_EDIT_LENGTH, timeout: MAX_DIFF_MS });
  if (!patch) return [middleHunk(a, b)];
  return patch.hunks.map((h) => {
    const oldStart = h.oldLines === 0 ? 0 : h.oldStart;
    const newStart = h.newLines === 0 ? 0 : h.newStart;
    const header = `@@ -${oldStart}${h.oldLines === 1 ? '' : `,${h.oldLines}`} +${newStart}${h.newLines === 1 ? '' : `,${h.newLines}`} @@`;
    return { oldStart, oldLines: h.oldLines, newStart, newLines: h.newLines, header, lines: h.lines };
  });
}

/** One hunk replacing everything between the lines both texts start and end with (plus 3 lines of context). */
function middleHunk(a: string, b: string): Hunk {
  const lines = (t: string) => {
    const l = t.split('\n').map((x) => x.replace(/\r$/, ''));
    if (l[l.length - 1] === '') l.pop();
    return l;
  };
  const old = lines(a);
  const now = lines(b);
  let head = 0;
  while (head < old.length && head < now.length && old[head] === now[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < now.length - head && old[old.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
  const before = Math.min(3, head);
  const after = Math.min(3, tail);
  const from = head - before;
  const oldLines = old.length - tail + after - from;
  const newLines = now.length - tail + after - from;
  const oldStart = oldLines === 0 ? from : from + 1;
  const newStart = newLines === 0 ? from : from + 1;
  return {
    oldStart, oldLines, newStart, newLines,
    header: `@@ -${oldStart},${oldLines} +${newStart},${newLines} @@`,
    lines: [
      ...old.slice(from, head).map((l) => ` ${l}`),
      ...old.slice(head, old.length - tail).map((l) => `-${l}`),
      ...now.slice(head, now.length - tail).map((l) => `+${l}`),
      ...old.slice(old.length - tail, old.length - tail + after).map((l) => ` ${l}`),
    ],
  };
}

function stripCr(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 13 && bytes[i + 1] === 10) continue;
    out[n++] = bytes[i]!;
  }
  return out.subarray(0, n);
}

function statKey(s: WorkStat | undefined): string {
  return s ? `${s.kind}:${s.size}:${s.mtimeSec}.${s.mtimeNsec}:${s.ctimeSec}.${s.ctimeNsec}:${s.ino}` : 'missing';
}

/** Why git could not give a blob: missing from a partial clone (a fetch was refused), or git's own words. */
function missingReason(stderr: string): string {
  if (/promisor|could not fetch|not allowed/i.test(stderr)) return NOT_IN_PARTIAL_CLONE;
  return `could not be read (${stderr.trim().split('\n')[0] ?? ''})`;
}

function fileOf(l: Listed, hunks: readonly Hunk[], binary: boolean): ChangedFile {
  return {
    path: l.path,
    ...(l.oldPath !== undefined ? { oldPath: l.oldPath } : {}),
    status: l.status,
    binary,
    hunks,
    ...(l.oldBlob ? { oldBlob: l.oldBlob } : {}),
    ...(l.newBlob ? { newBlob: l.newBlob } : {}),
    ...(l.unread ? { unread: l.unread } : {}),
    ...(l.note ? { note: l.note } : {}),
    fingerprint: l.fingerprint,
  };
}
