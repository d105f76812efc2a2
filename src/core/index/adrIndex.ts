/**
 * `AdrIndex`: every record of every collection under a root, with lookups (path, number, id,
 * title, adr-tools REF), relations in both directions, duplicate numbers and broken relation links.
 * Built once (`AdrIndex.build`), then kept current file by file (`update`, `remove`).
 */
import type { AdrRecord, Collection } from '../model';
import type { FileSystem } from '../ports';
import { UserError } from '../errors';
import { decodeText, MAX_RECORD_BYTES } from '../text';
import { basename, dirname, isAbsolute, isInside, normalize, resolve } from '../paths';
import { parseRecord, type ParseContext } from '../parse/record';
import { discover, listRecordEntries, type DiscoveryOptions } from '../discovery/discover';
import { isRecordFile } from '../naming/fileName';
import { mapLimit } from './limit';
import { RecordStore } from './store';
import { RelationGraph, resolveTarget, type Target } from './relations';
import type { BrokenRelation, Disposable, DuplicateNumber, IndexChangeEvent, IndexProblem, ResolvedRelation, UpdateResult } from './types';

export interface IndexOptions extends DiscoveryOptions {
  /** Files read at once (default 32). */
  readonly readConcurrency?: number;
  /** The record parser (tests and benchmarks may swap it). */
  readonly parse?: (text: string, ctx: ParseContext) => AdrRecord;
}

const NOT_UTF8 = {
  code: 'not-utf8',
  severity: 'warning',
  message: 'Not UTF-8 (Latin-1?): shown with U+FFFD for the bytes that are not; edits are refused until it is converted',
  span: { start: 0, end: 0 },
} as const;

/** All records of all collections under one root. Lookups are synchronous; reads are not. */
export class AdrIndex {
  private store = new RecordStore();
  private graph: RelationGraph;
  private collectionList: Collection[] = [];
  private readonly collectionByPath = new Map<string, Collection>();
  private discoveryProblems: IndexProblem[] = [];
  private readonly fileProblems = new Map<string, IndexProblem>();
  private readonly listeners = new Set<(e: IndexChangeEvent) => void>();
  /** Per-path update generation: a slow read must not overwrite the result of a later one. */
  private readonly generation = new Map<string, number>();
  private readonly parse: (text: string, ctx: ParseContext) => AdrRecord;
  readonly root: string;

  private constructor(private readonly fs: FileSystem, root: string, private readonly options: IndexOptions) {
    this.root = normalize(root);
    this.graph = new RelationGraph(this.store, this.root);
    this.parse = options.parse ?? parseRecord;
  }

  /** Discovers the collections under `root` and reads every record. Rejects only on I/O bugs. */
  static async build(fs: FileSystem, root: string, options: IndexOptions = {}): Promise<AdrIndex> {
    const index = new AdrIndex(fs, root, options);
    await index.load();
    return index;
  }

  /** Re-discovers and re-reads everything (e.g. after a config file changed), then notifies listeners. */
  async rebuild(): Promise<void> {
    await this.load();
    this.emit({ added: [], changed: [], removed: [], rebuilt: true });
  }

  private async load(): Promise<void> {
    const found = await discover(this.fs, this.root, this.options);
    const store = new RecordStore();
    const graph = new RelationGraph(store, this.root);
    this.fileProblems.clear();
    const lists = await Promise.all(found.collections.map((c) => listRecordEntries(this.fs, c)));
    const jobs = found.collections.flatMap((c, i) => lists[i]!.files.map((path) => ({ path, collection: c, linked: lists[i]!.linked.has(path) })));
    const records = await mapLimit(jobs, this.options.readConcurrency ?? 32, (j) => this.read(j.path, j.collection, j.linked));
    for (const r of records) if (r) store.put(r);
    for (const r of store.byPath.values()) graph.link(r);
    await this.checkFiles(graph, graph.missingFileTargets());
    // Swap in one go so lookups during a rebuild see the old state, never half a new one.
    this.store = store;
    this.graph = graph;
    this.collectionList = found.collections;
    this.collectionByPath.clear();
    for (const c of found.collections) this.collectionByPath.set(c.path, c);
    this.discoveryProblems = found.problems;
  }

  /** Reads and parses one record; a failure becomes a problem entry and `undefined`. */
  private async read(path: string, collection: Collection, linked = true): Promise<AdrRecord | undefined> {
    try {
      // A record that is a symlink is read only when it stays inside the root: a cloned repository's
      // `0002-x.md -> ~/.ssh/id_rsa` must not put a local file's lines into a listing or CI log.
      if (linked) await this.requireInsideRoot(path);
      const { text, bom, lossy } = decodeText(await this.fs.readFile(path, { maxBytes: MAX_RECORD_BYTES }), path);
      let record = this.parse(text, { path, collection: collection.path, collectionDialect: collection.dialect, bom, ...(collection.statusVocabulary ? { statusVocabulary: collection.statusVocabulary } : {}) });
      // Listed, with a problem: edits refuse it (they would turn every bad byte into U+FFFD).
      if (lossy) record = { ...record, problems: [...record.problems, NOT_UTF8] };
      this.fileProblems.delete(path);
      return record;
    } catch (e) {
      this.fileProblems.set(path, { path, message: e instanceof Error ? e.message : String(e) });
      return undefined;
    }
  }

  private realRoot: Promise<string> | undefined;

  private async requireInsideRoot(path: string): Promise<void> {
    const real = await this.fs.realPath(path);
    if (real === path) return;
    this.realRoot ??= this.fs.realPath(this.root).catch(() => this.root);
    const root = await this.realRoot;
    if (!isInside(root, real) && !isInside(this.root, real)) throw new UserError(`${path}: a symlink to a file outside ${this.root}; not read`, path);
  }

  /** Marks link targets that exist on disk (non-record files) so they do not count as broken. */
  private async checkFiles(graph: RelationGraph, paths: Set<string>): Promise<void> {
    const fresh = [...paths].filter((p) => !graph.existingFiles.has(p));
    const stats = await mapLimit(fresh, 16, (p) => this.fs.stat(p).catch(() => undefined));
    fresh.forEach((p, i) => {
      if (stats[i]) graph.existingFiles.add(p);
    });
  }

  // ---- incremental updates

  /**
   * Re-reads one file after it was created or changed (or deleted: then it is removed). Files that
   * are not records of a known collection are ignored; new folders need `rebuild`.
   */
  async update(path: string): Promise<UpdateResult> {
    const p = normalize(path);
    const collection = this.recordCollection(p);
    if (!collection) return 'ignored';
    const gen = (this.generation.get(p) ?? 0) + 1;
    this.generation.set(p, gen);
    let exists: boolean;
    try {
      exists = (await this.fs.stat(p))?.kind === 'file';
    } catch {
      exists = false;
    }
    const record = exists ? await this.read(p, collection) : undefined;
    if (this.generation.get(p) !== gen) return 'ignored'; // a later update of the same file won
    this.generation.delete(p);
    if (!exists) return this.remove(p) ? 'removed' : 'ignored';
    if (!record) {
      // Unreadable now (binary, too large): drop the stale record; the problem is listed instead.
      if (this.removeQuietly(p)) this.emit({ added: [], changed: [], removed: [p] });
      return 'failed';
    }
    const existed = this.store.byPath.has(p);
    this.store.put(record);
    this.graph.link(record);
    if (!existed) this.graph.retryDangling(record);
    const missing = this.graph.missingFileTargets([p]);
    if (missing.size > 0) await this.checkFiles(this.graph, missing);
    this.emit(existed ? { added: [], changed: [p], removed: [] } : { added: [p], changed: [], removed: [] });
    return existed ? 'changed' : 'added';
  }

  /** Drops a record (its file was deleted). Returns false when it was not indexed. */
  remove(path: string): boolean {
    const p = normalize(path);
    this.fileProblems.delete(p);
    if (!this.removeQuietly(p)) return false;
    this.emit({ added: [], changed: [], removed: [p] });
    return true;
  }

  private removeQuietly(p: string): boolean {
    if (!this.store.delete(p)) return false;
    // Records that pointed at it now point at nothing: resolve them again.
    for (const source of this.graph.unlink(p)) {
      const r = this.store.byPath.get(source);
      if (r) this.graph.link(r);
    }
    return true;
  }

  /** Calls `listener` after every change; dispose the result to stop. */
  onDidChange(listener: (e: IndexChangeEvent) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private emit(e: IndexChangeEvent): void {
    for (const l of [...this.listeners]) l(e);
  }

  /** The collection a file would be a record of: directly in a collection folder, record-like name. */
  private recordCollection(p: string): Collection | undefined {
    return isRecordFile(basename(p)) ? this.collectionByPath.get(dirname(p)) : undefined;
  }

  // ---- lookups

  get collections(): readonly Collection[] {
    return this.collectionList;
  }

  /** How many records are indexed. */
  get size(): number {
    return this.store.size;
  }

  /** Record files that could not be read (too large, binary, not a regular file), by path. */
  get unreadable(): readonly IndexProblem[] {
    return [...this.fileProblems.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** Discovery problems and files that could not be read. */
  get problems(): readonly IndexProblem[] {
    return [...this.discoveryProblems, ...[...this.fileProblems.values()].sort((a, b) => (a.path < b.path ? -1 : 1))];
  }

  collection(path: string): Collection | undefined {
    return this.collectionByPath.get(normalize(path));
  }

  /** The record at `path`. */
  get(path: string): AdrRecord | undefined {
    return this.store.byPath.get(normalize(path));
  }

  /** Records of one collection, or of all collections (in collection order), in numeric order. */
  records(collection?: string): readonly AdrRecord[] {
    if (collection !== undefined) return this.store.inCollection(normalize(collection));
    return this.collectionList.flatMap((c) => this.store.inCollection(c.path));
  }

  /** Records numbered `n`: in one collection, or in every collection. More than one = duplicates. */
  byNumber(n: number, collection?: string): AdrRecord[] {
    const paths = collection !== undefined ? this.store.numbered(normalize(collection), n) : this.store.numberedAnywhere(n);
    return paths.map((p) => this.store.byPath.get(p)!);
  }

  /** Records with this id (file name without `.md`); several when collections share a name. */
  byId(id: string): AdrRecord[] {
    return this.store.withId(id).map((p) => this.store.byPath.get(p)!);
  }

  /** Records with this title, ignoring case and extra spaces. */
  byTitle(title: string): AdrRecord[] {
    return this.store.withTitle(title).map((p) => this.store.byPath.get(p)!);
  }

  /**
   * Finds a record the way adr-tools reads a REF argument: a record path (absolute or relative to
   * the root), a number (`7`, `0007`, `ADR-7`), or else the first record, in numeric order, whose
   * file name contains the text (case-sensitive first, like `grep`, then ignoring case).
   */
  resolveRef(ref: string, collection?: string): AdrRecord | undefined {
    const r = ref.trim();
    if (!r) return undefined;
    const asPath = isAbsolute(r) ? normalize(r) : resolve(this.root, r);
    const direct = this.store.byPath.get(asPath);
    if (direct) return direct;
    const num = /^(?:adr[-_ ]?)?(\d+)$/i.exec(r);
    if (num) return this.byNumber(Number(num[1]), collection)[0];
    const pool = this.records(collection);
    return pool.find((x) => basename(x.path).includes(r)) ?? pool.find((x) => basename(x.path).toLowerCase().includes(r.toLowerCase()));
  }

  /**
   * Resolves a relation target or link written in the record at `from` (see `resolveTarget`):
   * the record path it names, or undefined.
   */
  resolveLink(from: string, target: string): string | undefined {
    const record = this.get(from);
    const t: Target = resolveTarget(this.store, this.root, record ?? { path: normalize(from), collection: dirname(normalize(from)) }, target);
    return t.kind === 'record' ? t.path : undefined;
  }

  /** Every relation of a record: what it wrote, and the inverse of what others wrote about it. */
  relationsOf(path: string): ResolvedRelation[] {
    return this.graph.relationsOf(normalize(path));
  }

  /** Numbers used by more than one record of the same collection. */
  duplicateNumbers(): DuplicateNumber[] {
    return this.store.duplicateNumbers();
  }

  /** Relations pointing at no record: links to missing files, ids or numbers no record has. */
  brokenRelations(): BrokenRelation[] {
    return this.graph.broken();
  }
}
