/**
 * The extension's one model of the workspace's decisions: an `AdrIndex` per workspace folder, built
 * in the background after activation and kept current from the file-events service (batched,
 * incremental; a burst such as a branch switch becomes one rebuild). Its change events carry what
 * the core indexes reported (records added, changed, removed; folders rebuilt). Views, CodeLens and
 * commands ask this object; none of them indexes files.
 */
import * as vscode from 'vscode';
import { AdrIndex } from '../core/index';
import type { AdrRecord, Collection } from '../core/model';
import type { FileSystem, Logger } from '../core/ports';
import { isRecordFile, parseFileName } from '../core/naming';
import { basename, dirname, isInside, toPosix } from '../core/paths';
import type { IndexChangeEvent } from '../core/index/types';
import { Disposable } from '../platform/lifecycle';
import type { FileEvents } from './fileEvents';
import { affects, readSettings } from './settings';

/** Files whose change can add or remove whole collections. */
const CONFIG_FILES = new Set(['.adr-dir', '.log4brains.yml', 'adr.config.json', 'adrs.toml', '.adr']);
/** Above this many changed files in one batch, a rebuild is cheaper than one update each. */
const REBUILD_THRESHOLD = 300;
/** After a batch of file events (already batched by the file-events service) or a setting change. */
const DEBOUNCE_MS = 50;

/** What changed in the decision indexes since the last event. */
export interface WorkspaceChange {
  /** Records added, changed or removed (paths). */
  readonly records: readonly string[];
  /** Roots of the folders whose index was rebuilt whole (collections may have changed too). */
  readonly rebuilt: readonly string[];
  /** The set of indexed workspace folders changed. */
  readonly folders: boolean;
}

export interface FolderIndex {
  readonly folder: vscode.WorkspaceFolder;
  readonly root: string;
  readonly index: AdrIndex;
}

export interface LocatedRecord {
  readonly record: AdrRecord;
  readonly index: AdrIndex;
  readonly folder: vscode.WorkspaceFolder;
}

export class DecisionWorkspace extends Disposable {
  private readonly folders = new Map<string, FolderIndex>();
  private readonly building = new Map<string, Promise<void>>();
  private readonly subscriptions = new Map<FolderIndex, { dispose(): void }>();
  private readonly changeEmitter = this.register(new vscode.EventEmitter<WorkspaceChange>());
  /** Fires after any index changed (records, collections, or the set of folders). */
  readonly onDidChange = this.changeEmitter.event;
  /** What the indexes reported since the last event. */
  private changedRecords = new Set<string>();
  private rebuiltRoots = new Set<string>();
  private foldersChanged = false;
  private pending = new Set<string>();
  private rebuildPending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readyPromise: Promise<void> = Promise.resolve();
  private indexing = 0;

  constructor(private readonly fs: FileSystem, private readonly log: Logger, private readonly files: FileEvents) {
    super();
    this.register({ dispose: () => { for (const s of this.subscriptions.values()) s.dispose(); clearTimeout(this.timer); } });
  }

  /** Starts indexing every folder in the background and following file events. Returns at once. */
  start(): void {
    this.register(this.files.onDidChange((batch) => {
      for (const c of batch.changes) this.queue(c.path);
    }));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.syncFolders()));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, 'collections.extraFolders')) for (const f of this.folders.values()) this.rebuildPending.add(f.root);
      this.schedule();
    }));
    this.syncFolders();
  }

  /** Resolves when every folder's first index is built. */
  get ready(): Promise<void> {
    return this.readyPromise;
  }

  get isIndexing(): boolean {
    return this.indexing > 0;
  }

  /** The folders' indexes in the workspace's folder order (not the order their builds finished in). */
  all(): readonly FolderIndex[] {
    return [...this.folders.values()].sort((a, b) => a.folder.index - b.folder.index);
  }

  records(): AdrRecord[] {
    return this.all().flatMap((f) => f.index.records());
  }

  collections(): { folder: vscode.WorkspaceFolder; collection: Collection }[] {
    return this.all().flatMap((f) => f.index.collections.map((collection) => ({ folder: f.folder, collection })));
  }

  /** The record at a path or URI, with the index that holds it. */
  locate(target: vscode.Uri | string): LocatedRecord | undefined {
    const path = typeof target === 'string' ? target : toPosix(target.fsPath);
    for (const f of this.folders.values()) {
      const record = f.index.get(path);
      if (record) return { record, index: f.index, folder: f.folder };
    }
    return undefined;
  }

  /** The folder index whose root holds `path`. */
  folderOf(path: string): FolderIndex | undefined {
    let best: FolderIndex | undefined;
    for (const f of this.folders.values()) if (isInside(f.root, path) && (!best || f.root.length > best.root.length)) best = f;
    return best;
  }

  /** Rebuilds every index now (after creating a collection, say) and waits for it. */
  async refresh(): Promise<void> {
    await Promise.all(this.all().map((f) => this.rebuild(f)));
    this.fire();
  }

  /** Tells listeners what the indexes reported since the last event. */
  private fire(): void {
    const change: WorkspaceChange = { records: [...this.changedRecords], rebuilt: [...this.rebuiltRoots], folders: this.foldersChanged };
    this.changedRecords = new Set();
    this.rebuiltRoots = new Set();
    this.foldersChanged = false;
    this.changeEmitter.fire(change);
  }

  private noteIndexChange(root: string, e: IndexChangeEvent): void {
    if (e.rebuilt) this.rebuiltRoots.add(root);
    for (const p of [...e.added, ...e.changed, ...e.removed]) this.changedRecords.add(p);
  }

  private syncFolders(): void {
    const wanted = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const keys = new Set(wanted.map((f) => toPosix(f.uri.fsPath)));
    for (const [root, f] of this.folders) {
      if (keys.has(root)) continue;
      this.folders.delete(root);
      this.subscriptions.get(f)?.dispose();
      this.subscriptions.delete(f);
      this.foldersChanged = true;
    }
    const builds: Promise<void>[] = [];
    for (const folder of wanted) {
      const root = toPosix(folder.uri.fsPath);
      if (this.folders.has(root) || this.building.has(root)) continue;
      builds.push(this.build(folder, root));
    }
    this.readyPromise = Promise.all([this.readyPromise, ...builds]).then(() => undefined);
    this.fire();
  }

  private build(folder: vscode.WorkspaceFolder, root: string): Promise<void> {
    const started = Date.now();
    this.indexing++;
    const p = AdrIndex.build(this.fs, root, { extraFolders: readSettings(folder).extraFolders })
      .then((index) => {
        const entry: FolderIndex = { folder, root, index };
        this.folders.set(root, entry);
        this.subscriptions.set(entry, index.onDidChange((e) => this.noteIndexChange(root, e)));
        this.foldersChanged = true;
        this.log.info(`indexed ${index.size} records in ${index.collections.length} collections of ${folder.name} in ${Date.now() - started} ms`);
        for (const p of index.problems) this.log.warn(`${p.path}: ${p.message}`);
      })
      .catch((e: unknown) => this.log.error(`indexing ${root} failed`, e))
      .finally(() => {
        this.indexing--;
        this.building.delete(root);
        this.fire();
      });
    this.building.set(root, p);
    return p;
  }

  private async rebuild(f: FolderIndex): Promise<void> {
    this.indexing++;
    try {
      await f.index.rebuild();
    } catch (e) {
      this.log.error(`re-indexing ${f.root} failed`, e);
    } finally {
      this.indexing--;
    }
  }

  private queue(path: string): void {
    const folder = this.folderOf(path);
    if (!folder) return;
    if (CONFIG_FILES.has(basename(path))) this.rebuildPending.add(folder.root);
    else if (/\.(?:md|markdown)$/i.test(path) || !/\.[^/]+$/.test(basename(path))) this.pending.add(path);
    else return;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const paths = [...this.pending];
    this.pending.clear();
    const rebuild = new Set(this.rebuildPending);
    this.rebuildPending.clear();
    const byFolder = new Map<FolderIndex, string[]>();
    for (const p of paths) {
      const f = this.folderOf(p);
      if (f && !rebuild.has(f.root)) byFolder.set(f, [...(byFolder.get(f) ?? []), p]);
    }
    for (const [f, list] of byFolder) {
      // A record in a folder that is not a collection yet (first record of a new collection), or a
      // burst of changes (branch switch): rebuild; otherwise update file by file.
      const newFolder = list.some((p) => /\.(?:md|markdown)$/i.test(p) && !f.index.collection(dirname(p)) && !f.index.get(p));
      if (list.length > REBUILD_THRESHOLD || (newFolder && await this.looksLikeNewCollection(list, f))) rebuild.add(f.root);
      else for (const p of list) await f.index.update(p).catch((e: unknown) => this.log.error(`updating ${p} failed`, e));
    }
    for (const root of rebuild) {
      const f = this.folders.get(root);
      if (f) {
        await this.rebuild(f);
        this.rebuiltRoots.add(root);
      }
    }
    if (paths.length > 0 || rebuild.size > 0) this.fire();
  }

  /** A Markdown file with a record-like name appeared in a folder that is not a collection. */
  private async looksLikeNewCollection(paths: readonly string[], f: FolderIndex): Promise<boolean> {
    return paths.some((p) => isRecordFile(basename(p)) && parseFileName(basename(p)).kind !== 'none' && !f.index.collection(dirname(p)));
  }
}
