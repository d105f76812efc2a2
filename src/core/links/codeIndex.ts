/**
 * `CodeIndex`: the anchors of every file in a workspace, found by a background scan (honouring
 * `.gitignore`, excludes and a size limit, yielding to the event loop as it goes) and kept current
 * file by file (`update`, `remove`). Holds the anchors of files that have some, a reverse map from
 * what an anchor names (a number, an id, a file name) to the files naming it, and the list of all
 * files for glob queries. Anchors are stored unresolved: queries resolve them against the ADR
 * index as it is at that moment, so record changes need no rescan.
 */
import type { AdrRecord } from '../model';
import type { FileSystem } from '../ports';
import type { AdrIndex, Disposable } from '../index';
import { basename, dirname, isInside, normalize } from '../paths';
import { AnchorMatcher, type AnchorOptions } from './anchors';
import { GovernsMatcher, type GovernsOptions } from './governs';
import { IgnoreRules, type IgnoreOptions } from './ignore';
import { languageIdForPath, syntaxForLanguageId, type CommentSyntax, type LanguageMap } from './languages';
import { AnchorResolver, type ResolveOptions } from './resolve';
import { pool, TimeSlicer, walkFiles } from './scan';
import { AnchorStore, locate, type LocatedAnchor } from './store';

export interface CodeIndexOptions extends IgnoreOptions, GovernsOptions, ResolveOptions {
  /** The folder scanned (default: the ADR index root). */
  readonly root?: string;
  /** Larger files are not read (default 1 MiB). */
  readonly maxFileBytes?: number;
  /** Files read at once (default 16). */
  readonly concurrency?: number;
  /** At most this many files are listed (default 200,000). */
  readonly maxFiles?: number;
  /** Extra file name or extension → language id mappings (`{ '.tpl': 'html' }`). */
  readonly languages?: LanguageMap;
  readonly anchors?: AnchorOptions;
  /** Milliseconds of work between yields to the event loop (default 8). */
  readonly sliceMs?: number;
}

export interface ScanStats {
  /** Files listed (not skipped by the rules). */
  readonly files: number;
  readonly folders: number;
  /** Files read and searched. */
  readonly read: number;
  readonly filesWithAnchors: number;
  readonly anchors: number;
  readonly skipped: { readonly large: number; readonly binary: number; readonly unreadable: number };
  /** `maxFiles` was reached. */
  readonly truncated: boolean;
  readonly ms: number;
  /** Times the scan handed the event loop back. */
  readonly yields: number;
  /** A newer scan started before this one finished. */
  readonly cancelled: boolean;
}

/** Files whose anchors (or presence) changed; `scanned` after a scan finished. */
export interface CodeIndexChange {
  readonly paths: readonly string[];
  readonly scanned?: boolean;
}

export type { LocatedAnchor };

export type CodeUpdateResult = 'changed' | 'removed' | 'ignored' | 'rescanned';

type ReadResult = LocatedAnchor[] | 'large' | 'binary' | 'unreadable';

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** The workspace's code ↔ decision links. Create, `scan()` in the background, then keep current. */
export class CodeIndex implements Disposable {
  readonly root: string;
  readonly matcher: AnchorMatcher;
  readonly resolver: AnchorResolver;
  readonly governs: GovernsMatcher;
  private readonly rules: IgnoreRules;
  private readonly store = new AnchorStore();
  private allFiles = new Set<string>();
  private readonly listeners = new Set<(e: CodeIndexChange) => void>();
  /** Update sequence per path, so a scan never overwrites a newer `update`. */
  private readonly touched = new Map<string, number>();
  private seq = 0;
  private scanGen = 0;
  private scanning = 0;
  private readonly folderInCollection = new Map<string, boolean>();
  private collectionsSeen: readonly unknown[] | undefined;

  constructor(private readonly fs: FileSystem, readonly index: AdrIndex, readonly options: CodeIndexOptions = {}) {
    this.root = normalize(options.root ?? index.root);
    this.matcher = new AnchorMatcher(options.anchors);
    this.resolver = new AnchorResolver(index, options);
    this.governs = new GovernsMatcher(index, options);
    this.rules = new IgnoreRules(fs, this.root, options);
  }

  // ---- one text (no I/O): what an editor calls for an open document

  /** The comment syntax for a file: from the editor's language id when given, else from the name. */
  syntaxFor(path: string, languageId?: string): CommentSyntax | undefined {
    const fromId = languageId !== undefined ? syntaxForLanguageId(languageId) : undefined;
    if (fromId) return fromId;
    const id = languageIdForPath(path, this.options.languages);
    return id === undefined ? undefined : syntaxForLanguageId(id);
  }

  /** The anchors of a text (an open document's, saved or not), with positions. */
  findAnchors(text: string, path: string, languageId?: string): LocatedAnchor[] {
    const syntax = this.syntaxFor(path, languageId);
    return syntax ? locate(text, this.matcher.find(text, syntax)) : [];
  }

  /** True for files inside a collection folder: records and their index link to each other by relations, not anchors. */
  inCollection(path: string): boolean {
    if (this.collectionsSeen !== this.index.collections) {
      this.collectionsSeen = this.index.collections;
      this.folderInCollection.clear();
    }
    return this.folderIn(dirname(path));
  }

  /** Cached per folder: a scan asks once per folder, not once per file. */
  private folderIn(dir: string): boolean {
    let v = this.folderInCollection.get(dir);
    if (v === undefined) {
      const parent = dirname(dir);
      v = this.index.collection(dir) !== undefined || (dir.length > this.index.root.length && parent !== dir && this.folderIn(parent));
      this.folderInCollection.set(dir, v);
    }
    return v;
  }

  // ---- scanning

  /**
   * Lists and reads every file under the root, replacing what was known. Resolves when done (or
   * when a newer scan took over: `cancelled`). Results appear as they are found (change events).
   */
  async scan(): Promise<ScanStats> {
    const gen = ++this.scanGen;
    const alive = () => gen === this.scanGen;
    const startSeq = this.seq;
    const t0 = performance.now();
    const slicer = new TimeSlicer(this.options.sliceMs ?? 8);
    const skipped = { large: 0, binary: 0, unreadable: 0 };
    this.scanning++;
    try {
      this.rules.forget();
      const walk = await walkFiles(this.fs, this.rules, this.root, {
        concurrency: this.options.concurrency ?? 16, maxFiles: this.options.maxFiles ?? 200_000, maxDepth: 64, alive,
      }, slicer);
      const stats = (read: number, cancelled: boolean): ScanStats => ({
        files: walk.files.length, folders: walk.folders, read, filesWithAnchors: this.store.size,
        anchors: this.store.anchorCount(), skipped, truncated: walk.truncated,
        ms: performance.now() - t0, yields: slicer.yields, cancelled,
      });
      if (!alive()) return stats(0, true);
      const files = new Set(walk.files);
      for (const [p, s] of this.touched) if (s > startSeq && this.allFiles.has(p)) files.add(p);
      this.allFiles = files;
      const readPaths = new Set<string>();
      let changed: string[] = [];
      let lastEmit = performance.now();
      await pool(walk.files, this.options.concurrency ?? 16, async (p) => {
        if (!alive() || !this.shouldRead(p)) return;
        readPaths.add(p);
        const result = await this.read(p);
        if (!alive() || (this.touched.get(p) ?? 0) > startSeq) return;
        if (typeof result === 'string') skipped[result]++;
        if (this.setEntry(p, typeof result === 'string' ? [] : result)) changed.push(p);
        if (changed.length > 0 && performance.now() - lastEmit > 200) {
          this.emit({ paths: changed });
          changed = [];
          lastEmit = performance.now();
        }
        await slicer.tick();
      });
      if (!alive()) return stats(readPaths.size, true);
      for (const p of [...this.store.paths()]) {
        if (!readPaths.has(p) && (this.touched.get(p) ?? 0) <= startSeq && this.setEntry(p, [])) changed.push(p);
      }
      for (const [p, s] of [...this.touched]) if (s <= startSeq) this.touched.delete(p);
      this.emit({ paths: changed, scanned: true });
      return stats(readPaths.size, false);
    } finally {
      this.scanning--;
    }
  }

  /**
   * Re-reads one file after it was created or changed (or deleted: then it is removed). A new
   * folder is walked; a changed `.gitignore` triggers a full rescan.
   */
  async update(path: string): Promise<CodeUpdateResult> {
    const p = normalize(path);
    if (!isInside(this.root, p) || p === this.root) return 'ignored';
    if (basename(p) === '.gitignore') {
      await this.scan();
      return 'rescanned';
    }
    const seq = ++this.seq;
    this.touched.set(p, seq);
    const stat = await this.fs.stat(p).catch(() => undefined);
    if (!stat) return this.remove(p) ? 'removed' : 'ignored';
    if (await this.rules.ignoredDeep(p)) return this.remove(p) ? 'removed' : 'ignored';
    if (stat.kind === 'directory') return this.addFolder(p);
    if (stat.kind !== 'file') return 'ignored';
    const isNew = !this.allFiles.has(p);
    this.allFiles.add(p);
    const result = this.shouldRead(p) ? await this.read(p) : [];
    if (this.touched.get(p) !== seq) return 'ignored'; // a later update of the same file won
    if (this.scanning === 0) this.touched.delete(p);
    const changed = this.setEntry(p, typeof result === 'string' ? [] : result);
    if (changed || isNew) this.emit({ paths: [p] });
    return changed || isNew ? 'changed' : 'ignored';
  }

  /** Forgets a deleted file, or every file below a deleted folder. Returns false when nothing was known. */
  remove(path: string): boolean {
    const gone = this.removeQuietly(normalize(path));
    if (gone.length > 0) this.emit({ paths: gone });
    return gone.length > 0;
  }

  private removeQuietly(p: string): string[] {
    const gone: string[] = [];
    const prefix = `${p}/`;
    for (const f of this.allFiles.has(p) ? [p] : [...this.allFiles].filter((x) => x.startsWith(prefix))) {
      this.allFiles.delete(f);
      this.setEntry(f, []);
      gone.push(f);
    }
    return gone;
  }

  private async addFolder(dir: string): Promise<CodeUpdateResult> {
    const slicer = new TimeSlicer(this.options.sliceMs ?? 8);
    const walk = await walkFiles(this.fs, this.rules, dir, { concurrency: 8, maxFiles: this.options.maxFiles ?? 200_000, maxDepth: 64, alive: () => true }, slicer);
    const changed: string[] = [];
    await pool(walk.files, this.options.concurrency ?? 16, async (f) => {
      this.allFiles.add(f);
      const result = this.shouldRead(f) ? await this.read(f) : [];
      this.setEntry(f, typeof result === 'string' ? [] : result);
      changed.push(f);
      await slicer.tick();
    });
    if (changed.length > 0) this.emit({ paths: changed });
    return changed.length > 0 ? 'changed' : 'ignored';
  }

  private shouldRead(path: string): boolean {
    return this.syntaxFor(path) !== undefined && !this.inCollection(path);
  }

  /**
   * The anchors of a file on disk, read now, whether or not it was scanned (none for unknown
   * languages, binary files and files over the size limit).
   */
  async readAnchors(path: string): Promise<LocatedAnchor[]> {
    const r = await this.read(normalize(path));
    return typeof r === 'string' ? [] : r;
  }

  private async read(path: string): Promise<ReadResult> {
    try {
      const stat = await this.fs.stat(path);
      if (!stat || stat.kind !== 'file') return 'unreadable';
      const maxBytes = this.options.maxFileBytes ?? 1024 * 1024;
      if (stat.size > maxBytes) return 'large';
      // The cap again while reading: a file that grows, or a symlink swapped for a device, stops there.
      const bytes = await this.fs.readFile(path, { maxBytes });
      const probe = Math.min(bytes.length, 8192);
      for (let i = 0; i < probe; i++) if (bytes[i] === 0) return 'binary';
      const text = utf8.decode(bytes);
      return this.findAnchors(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, path);
    } catch {
      return 'unreadable';
    }
  }

  /** Replaces the anchors of a file; returns true when it had or has some. */
  private setEntry(path: string, anchors: LocatedAnchor[]): boolean {
    return this.store.set(path, anchors);
  }

  // ---- what is known

  /** Calls `listener` after anchors or files changed; dispose the result to stop. */
  onDidChange(listener: (e: CodeIndexChange) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private emit(e: CodeIndexChange): void {
    for (const l of [...this.listeners]) l(e);
  }

  /** Every file listed by the last scan (and updates since), absolute. */
  files(): ReadonlySet<string> {
    return this.allFiles;
  }

  /** The stored anchors of one file (empty when it has none or was not scanned). */
  anchorsIn(path: string): readonly LocatedAnchor[] {
    return this.store.get(normalize(path));
  }

  /** Files with anchors and their anchors. */
  anchoredFiles(): ReadonlyMap<string, readonly LocatedAnchor[]> {
    return this.store.entries;
  }

  /** Files with anchors that may name `record` (by number, id or file name); resolve to be sure. */
  candidateFiles(record: AdrRecord): string[] {
    return this.store.candidates(record);
  }

  dispose(): void {
    this.scanGen++;
    this.listeners.clear();
    this.governs.dispose();
  }
}
