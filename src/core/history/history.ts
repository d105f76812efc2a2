/**
 * Each record's history from git, for every record of the collections at once: created, every
 * status change, every relation added, renames and moves, the last edit.
 *
 * One pass: ONE `git log` over the collection folders (see `gitLog.ts`) and ONE `cat-file --batch`
 * for every version of every record it names (after a `--batch-check` for sizes), each version
 * parsed once with the core parser, or not at all when it only edits prose no fact is read from
 * (see `facts.ts`). Never a git process per record.
 *
 * Streamed when the port can (`GitStreamPort`, the real git): the log is read as git prints it,
 * newest first as git walks (sorting it would make git walk everything before printing anything),
 * and the versions each commit names go to the two `cat-file` processes at once, so that versions
 * are read and parsed while git is still walking; the commits are put parents first here
 * (`topoOrder`, git's own order) once the log has ended. A version is then read before the one it
 * was edited from: facts are carried between the two sides of an in-place change in whichever
 * order they come, each version's facts belonging to the path `finalPaths` gives it. Without
 * streaming (tests' ports, `fullParse`), the log and the blobs are read whole, in git's order.
 *
 * Renames are followed here: commits are replayed parents first, each keeping the map "path → which
 * record (lineage) and which blob" of its first parent plus its own diff; a map is copied only where
 * history forks. A merge's diff against its first parent brings in what the other parents did: a
 * version found in another parent is that parent's (its commits already said so), a version in no
 * parent is the merge's own edit (a resolved conflict). A record added on a branch keeps its history
 * when merged.
 *
 * Cached by HEAD (the state at HEAD is a `HistorySnapshot`, plain JSON): the same HEAD reads nothing;
 * a HEAD that descends from the cached one reads only the new commits (`git log OLD..NEW`); anything
 * else (a rewritten branch, a merge of a branch that forked before the cached HEAD) reads everything
 * again.
 */
import { basename, dirname, isInside, normalize, relative, toPosix } from '../paths';
import type { FileSystem } from '../ports';
import { isRecordFile } from '../naming/fileName';
import { decodeText } from '../text';
import { insideRepository } from '../review/repository';
import { canFeed, GitCommandError, type GitPort } from '../review/git';
import { BlobStream, readBlobs, type BlobRead } from './blobs';
import { carriesFacts, factsOf, factsText, relationKey } from './facts';
import { logArgs, LogParser, parseLog, topoOrder, type LogCommit } from './gitLog';
import { canStream } from './stream';
import type {
  BlobFacts, CommitRef, HistoryCollection, HistoryEvent, HistoryGap, HistoryReadStats, HistoryRepository, RecordHistory, RelationFact,
} from './types';

/** The state at HEAD, kept between reads (in memory, or as JSON by the CLI). */
export interface HistorySnapshot {
  readonly version: 1;
  readonly root: string;
  /** The collections it was read for (folders, dialects, vocabularies): another set reads again. */
  readonly key: string;
  readonly head: string;
  readonly shallow: boolean;
  /** The next sequence number (commit order across reads). */
  readonly seq: number;
  readonly lineages: readonly SnapshotLineage[];
  /** `[path, lineage, blob]` for every record at HEAD. */
  readonly headMap: readonly (readonly [string, number, string])[];
  /** What each record's version at HEAD says (needed to tell what the next commit changed). */
  readonly facts: readonly (readonly [string, BlobFacts])[];
}

interface SnapshotLineage {
  readonly id: number;
  /** Set when this lineage turned out to be another's (the same file added on two branches). */
  readonly alias?: number;
  readonly events: readonly HistoryEvent[];
}

export interface HistoryResult {
  /** The repository, when the folder is in one git sees. */
  readonly repository?: HistoryRepository;
  /** Why there is no history at all. */
  readonly gap?: Extract<HistoryGap, 'no-repository' | 'no-commits'>;
  /** Git's words when it refused the repository. */
  readonly problem?: string;
  /** The history of the record now at `path` (absolute), or the reason it has none. */
  of(path: string): RecordHistory;
  /** Every record that ever was in the collections (deleted ones too), in no particular order. */
  all(): RecordHistory[];
  readonly stats: HistoryReadStats;
  /** The state to hand to the next read (undefined without commits). */
  readonly snapshot?: HistorySnapshot;
}

export interface HistoryReadOptions {
  /** A folder inside the repository (the working folder). */
  readonly folder: string;
  readonly collections: readonly HistoryCollection[];
  /** The state of an earlier read (from `HistoryResult.snapshot`, perhaps of another process). */
  readonly snapshot?: HistorySnapshot;
  /**
   * Every version parsed in full, the log and the blobs read whole once it has finished (slower):
   * the reference the fast road (streamed, parsing one skeleton per distinct version) is tested against.
   */
  readonly fullParse?: boolean;
}

type PathState = { lineage: number; blob: string };
type TreeMap = Map<string, PathState>;
interface Lineage { events: HistoryEvent[]; alias?: number }
/** A version read: the path it was read at, what it says, its bytes (while the read goes on). */
interface Version { readonly path: string; readonly facts: BlobFacts; readonly bytes?: Uint8Array }
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Stats = { commits: number; blobs: number; parsed: number; processes: number };

const REGULAR = new Set(['100644', '100755']);
const EMPTY_KEYS: ReadonlySet<string> = new Set();
/** The most `git log` may print (about 2 KB per commit: a 500,000-commit history). */
const MAX_LOG_BYTES = 1 << 30;
const EMPTY_FACTS: BlobFacts = { title: '', status: 'unknown', statusText: null, relations: [] };

/** Reads the history of the records of `collections`. Rejects only when git cannot run. */
export async function readHistory(git: GitPort, fs: FileSystem, options: HistoryReadOptions): Promise<HistoryResult> {
  const stats = { mode: 'none' as HistoryReadStats['mode'], commits: 0, blobs: 0, parsed: 0, processes: 0 };
  const none = (gap: 'no-repository' | 'no-commits', repository?: HistoryRepository, problem?: string): HistoryResult => ({
    ...(repository ? { repository } : {}), gap, ...(problem ? { problem } : {}), stats,
    of: (path) => ({ path, events: [], statusChanges: [], relationsAdded: [], gap }),
    all: () => [],
  });
  const folder = normalize(options.folder);
  if (!(await insideRepository(fs, folder))) return none('no-repository');
  stats.processes++;
  const top = await git.run(folder, ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--is-shallow-repository', '-q', '--verify', 'HEAD^{commit}']);
  const [rootLine = '', gitDirLine = '', shallowLine = '', headLine = ''] = top.stdout.split('\n');
  if ((top.exitCode !== 0 && top.exitCode !== 1) || !rootLine) {
    const msg = top.stderr.trim().split('\n').find((l) => l.startsWith('fatal:')) ?? top.stderr.trim();
    return none('no-repository', undefined, msg.replace(/^fatal:\s*/, '') || 'not inside a work tree');
  }
  // The repository's folder as the caller spells it (a symlinked path to it stays that path).
  const root = await spelledRoot(fs, folder, normalize(toPosix(rootLine)));
  const shallow = shallowLine.trim() === 'true';
  const head = top.exitCode === 0 && /^[0-9a-f]{40,64}$/.test(headLine.trim()) ? headLine.trim() : undefined;
  const repository: HistoryRepository = { root, head, shallow };
  if (!head) return none('no-commits', repository);

  const relCollections = new Map<string, HistoryCollection>();
  for (const c of options.collections) {
    const path = normalize(c.path);
    if (path !== root && !isInside(root, path)) continue;
    relCollections.set(relative(root, path), c);
  }
  const key = collectionKey(relCollections);
  const state = new State(root, relCollections, shallow);
  state.fullParse = options.fullParse === true;
  let snapshot = options.snapshot;
  if (snapshot && (snapshot.version !== 1 || snapshot.root !== root || snapshot.key !== key || snapshot.shallow !== shallow)) snapshot = undefined;

  if (snapshot && snapshot.head === head) {
    state.load(snapshot);
    stats.mode = 'cached';
  } else {
    let done = false;
    if (snapshot) {
      stats.processes++;
      const ancestor = await git.run(root, ['merge-base', '--is-ancestor', snapshot.head, head]);
      if (ancestor.exitCode === 0) {
        state.load(snapshot);
        done = await state.replay(git, [head, `^${snapshot.head}`], stats, snapshot.head);
        if (done) stats.mode = 'incremental';
      }
    }
    if (!done) {
      const fresh = new State(root, relCollections, shallow);
      fresh.fullParse = options.fullParse === true;
      if (shallow) fresh.shallowCommits = await readShallow(fs, normalize(toPosix(gitDirLine)));
      await fresh.replay(git, [head], stats, undefined);
      stats.mode = 'full';
      return fresh.result(repository, head, key, stats);
    }
  }
  return state.result(repository, head, key, stats);
}

/** `top` (git's top folder, symlinks resolved) as `folder` reaches it, when `folder` reaches it through a symlink. */
export async function spelledRoot(fs: FileSystem, folder: string, top: string): Promise<string> {
  if (folder === top || isInside(top, folder)) return top;
  for (let dir = folder; ; dir = dirname(dir)) {
    if (await fs.stat(`${dir}/.git`).catch(() => undefined)) {
      const real = await fs.realPath(dir).catch(() => dir);
      return real === top ? dir : top;
    }
    if (dirname(dir) === dir) return top;
  }
}

/** The commits a shallow clone was cut at (`.git/shallow`). */
async function readShallow(fs: FileSystem, gitDir: string): Promise<Set<string>> {
  try {
    const text = new TextDecoder().decode(await fs.readFile(`${gitDir}/shallow`, { maxBytes: 1 << 24 }));
    return new Set(text.split('\n').map((l) => l.trim()).filter(Boolean));
  } catch {
    return new Set();
  }
}

function collectionKey(cs: ReadonlyMap<string, HistoryCollection>): string {
  return JSON.stringify([...cs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([p, c]) => [p, c.dialect ?? '', c.statusVocabulary ?? {}]));
}

class State {
  lineages: Lineage[] = [];
  headMap: TreeMap = new Map();
  facts = new Map<string, BlobFacts>();
  seq = 0;
  shallowCommits = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly collections: ReadonlyMap<string, HistoryCollection>,
    private readonly shallow: boolean,
  ) {}

  load(s: HistorySnapshot): void {
    this.seq = s.seq;
    this.lineages = [];
    for (const l of s.lineages) this.lineages[l.id] = { events: [...l.events], ...(l.alias !== undefined ? { alias: l.alias } : {}) };
    for (let i = 0; i < this.lineages.length; i++) this.lineages[i] ??= { events: [] };
    this.headMap = new Map(s.headMap.map(([p, lineage, blob]) => [p, { lineage, blob }]));
    this.facts = new Map(s.facts);
  }

  private find(id: number): number {
    let l = id;
    while (this.lineages[l]?.alias !== undefined) l = this.lineages[l]!.alias!;
    return l;
  }

  private union(keep: number, other: number): void {
    const a = this.find(keep);
    const b = this.find(other);
    if (a === b) return;
    this.lineages[b]!.alias = a;
    this.lineages[a]!.events.push(...this.lineages[b]!.events);
    this.lineages[a]!.events.sort((x, y) => x.order - y.order);
    this.lineages[b]!.events = [];
  }

  private newLineage(): number {
    this.lineages.push({ events: [] });
    return this.lineages.length - 1;
  }

  /** Per path: the collection it is a record of (null: not a record). Paths repeat in every commit. */
  private readonly pathCollections = new Map<string, HistoryCollection | null>();

  /** The collection `path` (repository-relative) is a record of, if it is one. */
  private collectionOf(path: string): HistoryCollection | undefined {
    let c = this.pathCollections.get(path);
    if (c === undefined) {
      const dir = dirname(path);
      const found = this.collections.get(dir === '.' ? '' : dir);
      c = found && isRecordFile(basename(path)) ? found : null;
      this.pathCollections.set(path, c);
    }
    return c ?? undefined;
  }

  /** Per blob: the keys of the relations it states. */
  private readonly relationKeys = new Map<string, ReadonlySet<string>>();

  private keysOf(blob: string | undefined): ReadonlySet<string> {
    if (!blob) return EMPTY_KEYS;
    let keys = this.relationKeys.get(blob);
    if (!keys) this.relationKeys.set(blob, (keys = new Set(this.factsOf(blob).relations.map(relationKey))));
    return keys;
  }

  private isRecord(path: string | undefined, mode: string): boolean {
    return path !== undefined && REGULAR.has(mode) && this.collectionOf(path) !== undefined;
  }

  /**
   * Runs the log over `range` and replays its commits on top of the state (`base`: the cached HEAD
   * whose map `headMap` is). False when a commit's parent is neither `base` nor a commit of the
   * range (the caller then reads everything).
   */
  async replay(git: GitPort, range: readonly string[], stats: Stats, base: string | undefined): Promise<boolean> {
    const pathspecs = this.collections.has('') ? [] : [...this.collections.keys()].map((p) => `:(literal)${p}`);
    stats.processes++;
    const stream = canStream(git) && !this.fullParse;
    const args = logArgs(range, pathspecs, stream ? 'walk' : 'topo');
    const wanted: string[] = [];
    // The versions read, with what each says; and, per version, the other side of each change
    // that edits it in place (a version that only edits prose takes its other side's facts unparsed).
    const versions = new Map<string, Version>();
    const sides = new Map<string, string[]>();
    const side = (a: string, b: string) => {
      const l = sides.get(a);
      if (l) l.push(b);
      else sides.set(a, [b]);
    };
    const want = (c: LogCommit, each: (sha: string, path: string) => void) => {
      for (const ch of c.changes) {
        const newRecord = ch.newBlob !== undefined && this.isRecord(ch.path, ch.newMode);
        const oldPath = ch.oldPath ?? ch.path;
        const oldRecord = ch.oldBlob !== undefined && this.isRecord(oldPath, ch.oldMode);
        if (newRecord && !this.facts.has(ch.newBlob!)) each(ch.newBlob!, ch.path);
        if (oldRecord && !this.facts.has(ch.oldBlob!)) each(ch.oldBlob!, oldPath);
        if (newRecord && oldRecord && oldPath === ch.path && (ch.status === 'M' || ch.status === 'R') && ch.oldBlob !== ch.newBlob) {
          side(ch.newBlob!, ch.oldBlob!);
          side(ch.oldBlob!, ch.newBlob!);
        }
      }
    };
    const arrive = (sha: string, r: BlobRead, path: string) => versions.set(sha, this.version(r, path, sides.get(sha), versions, stats));
    let printed: LogCommit[];
    let streamed = false;
    if (stream) {
      // The log read as git prints it; every version it names read (and parsed) meanwhile.
      printed = [];
      const firstPath = new Map<string, string>();
      const blobs = new BlobStream(git, this.root, (sha, r) => arrive(sha, r, firstPath.get(sha) ?? ''), stats);
      const parser = new LogParser();
      const decoder = new TextDecoder();
      const take = (commits: LogCommit[]) => {
        for (const c of commits) {
          printed.push(c);
          want(c, (sha, path) => {
            if (!firstPath.has(sha)) firstPath.set(sha, path);
            wanted.push(sha);
            blobs.want(sha);
          });
        }
        blobs.flush();
      };
      const log = git.spawn(this.root, args, (b) => take(parser.push(decoder.decode(b, { stream: true }))), MAX_LOG_BYTES);
      let out: { exitCode: number; stderr: string };
      try {
        out = await log.done;
      } catch (e) {
        blobs.kill('the log failed');
        throw e;
      }
      if (out.exitCode !== 0) {
        blobs.kill('the log failed');
        throw new GitCommandError(['log', ...range], out.exitCode, out.stderr);
      }
      take(parser.end(decoder.decode()));
      await blobs.finish();
      streamed = true;
    } else {
      // Straight through the port's own spawn when it has one (simple-git adds nothing for one big output).
      const out = canFeed(git)
        ? await git.runInput(this.root, args, '', MAX_LOG_BYTES).then((r) => ({ ...r, stdout: new TextDecoder().decode(r.stdout) }))
        : await git.run(this.root, args);
      if (out.exitCode !== 0) throw new GitCommandError(['log', ...range], out.exitCode, out.stderr);
      printed = parseLog(out.stdout);
      for (const c of printed) want(c, (sha) => wanted.push(sha));
    }
    const commits = stream ? topoOrder(printed) : printed;
    stats.commits += commits.length;
    const known = new Set(commits.map((c) => c.commit));
    if (base !== undefined) known.add(base);
    for (const c of commits) for (const p of c.parents) if (!known.has(p)) {
      // A parent outside the range: the history of a branch that forked before the cached HEAD.
      if (base !== undefined) return false;
    }
    const paths = finalPaths(commits);
    if (!streamed && wanted.length > 0) {
      const blobs = await readBlobs(git, this.root, wanted, stats);
      for (const sha of new Set(wanted)) {
        const r = blobs.get(sha);
        if (r) arrive(sha, r, paths.get(sha) ?? '');
      }
    }
    stats.blobs += versions.size;
    for (const [sha, v] of versions) {
      if (this.facts.has(sha)) continue;
      const path = paths.get(sha) ?? '';
      // Read at another path than the one its facts belong to (a copy seen first elsewhere): its facts at that one.
      let facts = v.facts;
      if (v.path !== path && v.bytes !== undefined) {
        facts = this.parse(this.decode(v.bytes, path) as string, path);
        stats.parsed++;
      }
      this.facts.set(sha, facts);
    }
    for (const sha of wanted) if (!this.facts.has(sha)) this.facts.set(sha, { ...EMPTY_FACTS, unread: 'not available in this repository' });

    // Replay, parents first; each commit's map is its first parent's (copied only where history forks).
    const children = new Map<string, number>();
    for (const c of commits) for (const p of c.parents) children.set(p, (children.get(p) ?? 0) + 1);
    const maps = new Map<string, TreeMap>();
    if (base !== undefined) maps.set(base, this.headMap);
    let last: TreeMap | undefined;
    for (const c of commits) {
      const parentMaps = c.parents.map((p) => maps.get(p) ?? new Map<string, PathState>());
      const first = c.parents[0];
      let map: TreeMap;
      if (first === undefined) map = new Map();
      else {
        const left = (children.get(first) ?? 1) - 1;
        children.set(first, left);
        map = left === 0 ? parentMaps[0]! : new Map(parentMaps[0]!);
        if (left === 0) maps.delete(first);
      }
      this.apply(c, map, parentMaps.slice(1));
      for (const p of c.parents.slice(1)) {
        const left = (children.get(p) ?? 1) - 1;
        children.set(p, left);
        if (left === 0) maps.delete(p);
      }
      maps.set(c.commit, map);
      last = map;
    }
    if (last) this.headMap = last;
    return true;
  }

  /** Reads every version with the full parser, the log and blobs read whole (tests compare the fast road against it). */
  fullParse = false;

  /**
   * One version read at `relPath`: its facts are those of the other side of a change that edits it
   * in place when `carriesFacts` proves it (that side read first, at the same path), else parsed.
   */
  private version(read: BlobRead, relPath: string, others: readonly string[] | undefined, versions: ReadonlyMap<string, Version>, stats: Stats): Version {
    if ('unread' in read) return { path: relPath, facts: { ...EMPTY_FACTS, unread: read.unread } };
    const decoded = this.decode(read.bytes, relPath);
    if (typeof decoded !== 'string') return { path: relPath, facts: decoded };
    // Its bytes are kept, not its text: outside the JavaScript heap, they cost the collector nothing.
    if (!this.fullParse && others) for (const o of others) {
      const v = versions.get(o);
      if (!v || v.bytes === undefined || v.path !== relPath || v.facts.unread) continue;
      if (carriesFacts(factsText(this.decode(v.bytes, relPath) as string), decoded)) return { path: relPath, facts: v.facts, bytes: read.bytes };
    }
    stats.parsed++;
    return { path: relPath, facts: this.parse(decoded, relPath), bytes: read.bytes };
  }

  /** The version's text, or its facts when it cannot be read as a record (binary, too large). */
  private decode(bytes: Uint8Array, relPath: string): string | BlobFacts {
    try {
      return decodeText(bytes, `${this.root}/${relPath}`).text;
    } catch (e) {
      return { ...EMPTY_FACTS, unread: e instanceof Error ? e.message.replace(/^[^:]*: /, '') : String(e) };
    }
  }

  private parse(text: string, relPath: string): BlobFacts {
    const collection = this.collectionOf(relPath);
    const path = `${this.root}/${relPath}`;
    try {
      return factsOf(text, {
        path,
        ...(collection ? { collection: `${this.root}/${relativeDir(relPath)}`.replace(/\/$/, '') } : {}),
        ...(collection?.dialect ? { collectionDialect: collection.dialect } : {}),
        ...(collection?.statusVocabulary ? { statusVocabulary: collection.statusVocabulary } : {}),
      });
    } catch (e) {
      return { ...EMPTY_FACTS, unread: e instanceof Error ? e.message.replace(/^[^:]*: /, '') : String(e) };
    }
  }

  private factsOf(blob: string | undefined): BlobFacts {
    return (blob && this.facts.get(blob)) || EMPTY_FACTS;
  }

  private push(lineage: number, e: HistoryEvent): void {
    this.lineages[this.find(lineage)]!.events.push(e);
  }

  /** Applies one commit's diff (against its first parent) to `map`, recording what it did to each record. */
  private apply(c: LogCommit, map: TreeMap, others: readonly TreeMap[]): void {
    const seq = this.seq++;
    const merge = c.parents.length > 1;
    const boundary = c.parents.length === 0 && this.shallowCommits.has(c.commit);
    // The event's first fields (built field by field, in this order: the JSON the CLI prints keeps it).
    const event = (change: HistoryEvent['change'], path: string): Mutable<HistoryEvent> =>
      ({ order: seq, commit: c.commit, date: c.date, author: c.author, email: c.email, subject: c.subject, change, path });
    // Deletions first: a rename detected only in part (D then A) must find the path free.
    const ordered = c.changes.some((ch) => ch.status === 'D')
      ? [...c.changes].sort((a, b) => Number(b.status === 'D') - Number(a.status === 'D'))
      : c.changes;
    for (const ch of ordered) {
      const newRecord = ch.status !== 'D' && this.isRecord(ch.path, ch.newMode) && ch.newBlob !== undefined;
      const fromPath = ch.status === 'R' ? ch.oldPath : ch.status === 'C' ? undefined : ch.path;
      const prev = fromPath !== undefined ? map.get(fromPath) : undefined;
      if (prev && fromPath !== undefined && (ch.status === 'D' || ch.status === 'R' || !newRecord)) map.delete(fromPath);
      if (!newRecord) {
        if (!prev || fromPath === undefined) continue;
        // Deleted, moved out of the collections, or no longer a regular file.
        if (merge && others.some((o) => !o.has(fromPath) || o.get(fromPath)!.lineage !== prev.lineage)) continue; // the other side did it
        const e = event('deleted', fromPath);
        if (ch.status === 'R') e.oldPath = fromPath;
        if (merge) e.merge = true;
        this.push(prev.lineage, e);
        continue;
      }
      const blob = ch.newBlob!;
      if (merge) {
        // The version is another parent's: that parent's commits recorded the change.
        const same = others.map((o) => o.get(ch.path)).find((s) => s?.blob === blob);
        if (same) {
          const lineage = prev ? prev.lineage : same.lineage;
          if (prev) this.union(prev.lineage, same.lineage);
          map.set(ch.path, { lineage, blob });
          continue;
        }
      }
      const inOther = merge && !prev ? others.map((o) => o.get(ch.path)).find(Boolean) : undefined;
      const before = prev ?? inOther;
      let lineage: number;
      let change: HistoryEvent['change'];
      if (before) {
        lineage = before.lineage;
        change = ch.status === 'R' && prev ? 'renamed' : 'edited';
      } else {
        lineage = this.newLineage();
        change = 'created';
      }
      map.set(ch.path, { lineage, blob });
      const now = this.factsOf(blob);
      const was = before ? this.factsOf(before.blob) : undefined;
      const otherVersions = merge ? others.map((o) => o.get(ch.path)).filter((s): s is PathState => !!s) : [];
      let added: RelationFact[] = [];
      if (now.relations.length > 0) {
        const hadIn = [before?.blob, ...otherVersions.map((s) => s.blob)].map((b) => this.keysOf(b));
        added = now.relations.filter((r) => { const k = relationKey(r); return !hadIn.some((h) => h.has(k)); });
      }
      let removed: RelationFact[] = [];
      if (was && was.relations.length > 0) {
        const has = this.keysOf(blob);
        removed = was.relations.filter((r) => !has.has(relationKey(r)));
      }
      const statusChanged = was !== undefined && !now.unread && !was.unread && now.status !== was.status
        && otherVersions.every((s) => this.factsOf(s.blob).status !== now.status);
      const e = event(change, ch.path);
      if (ch.oldPath !== undefined && (change === 'renamed' || change === 'created')) e.oldPath = ch.oldPath;
      if (merge) e.merge = true;
      if (change === 'created' && boundary) e.shallowBoundary = true;
      e.status = now.status;
      e.statusText = now.statusText;
      if (statusChanged) {
        e.statusFrom = was.status;
        e.statusFromText = was.statusText;
      }
      if (added.length) e.relationsAdded = added;
      if (removed.length) e.relationsRemoved = removed;
      if (now.unread) e.unread = now.unread;
      e.blob = blob;
      this.push(lineage, e);
    }
  }

  private history(lineage: number, path: string, deleted: boolean): RecordHistory {
    const events = this.lineages[this.find(lineage)]!.events;
    const first = events[0];
    const boundary = first?.change === 'created' && first.shallowBoundary === true;
    const created = first?.change === 'created' && !boundary ? first : undefined;
    const edits = events.filter((e) => e.change !== 'deleted');
    const relationsAdded: (RelationFact & CommitRef)[] = [];
    const seen = new Set<string>();
    for (const e of events) for (const r of e.relationsAdded ?? []) {
      if (seen.has(relationKey(r))) continue;
      seen.add(relationKey(r));
      relationsAdded.push({ ...r, commit: e.commit, date: e.date, author: e.author, email: e.email, subject: e.subject });
    }
    return {
      path, events,
      ...(created ? { created } : {}),
      ...(edits.length ? { lastEdited: edits[edits.length - 1]! } : {}),
      statusChanges: events.filter((e) => e.statusFrom !== undefined),
      relationsAdded,
      ...(boundary || (!created && this.shallow) ? { gap: 'shallow' as const } : {}),
      ...(deleted ? { deleted: true as const } : {}),
    };
  }

  result(repository: HistoryRepository, head: string, key: string, stats: HistoryReadStats): HistoryResult {
    const byPath = new Map<string, number>();
    for (const [p, s] of this.headMap) byPath.set(`${this.root}/${p}`, s.lineage);
    const atHead = new Set([...this.headMap.values()].map((s) => this.find(s.lineage)));
    const headBlobs = new Set([...this.headMap.values()].map((s) => s.blob));
    const snapshot: HistorySnapshot = {
      version: 1, root: this.root, key, head, shallow: this.shallow, seq: this.seq,
      lineages: this.lineages.map((l, id) => ({ id, events: l.events, ...(l.alias !== undefined ? { alias: l.alias } : {}) })),
      headMap: [...this.headMap].map(([p, s]) => [p, s.lineage, s.blob] as const),
      facts: [...this.facts].filter(([b]) => headBlobs.has(b)),
    };
    return {
      repository, stats, snapshot,
      of: (path) => {
        const lineage = byPath.get(normalize(path));
        if (lineage === undefined) return { path, events: [], statusChanges: [], relationsAdded: [], gap: 'untracked' };
        return this.history(lineage, path, false);
      },
      all: () => {
        const out: RecordHistory[] = [];
        for (const [p, s] of this.headMap) out.push(this.history(s.lineage, `${this.root}/${p}`, false));
        this.lineages.forEach((l, id) => {
          if (l.alias !== undefined || atHead.has(id) || l.events.length === 0) return;
          const lastPath = l.events[l.events.length - 1]!.path;
          out.push(this.history(id, `${this.root}/${lastPath}`, true));
        });
        return out;
      },
    };
  }
}

function relativeDir(relPath: string): string {
  const d = dirname(relPath);
  return d === '.' ? '' : d;
}

/**
 * The path each version's facts are read at (`commits` parents first): the newest path it was
 * written at, else (never written in the range) the first path it was the version before a change.
 */
function finalPaths(commits: readonly LogCommit[]): Map<string, string> {
  const paths = new Map<string, string>();
  for (const c of commits) for (const ch of c.changes) {
    if (ch.newBlob) paths.set(ch.newBlob, ch.path);
    if (ch.oldBlob && !paths.has(ch.oldBlob)) paths.set(ch.oldBlob, ch.oldPath ?? ch.path);
  }
  return paths;
}
