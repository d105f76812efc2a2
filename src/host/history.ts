/**
 * Records' history from git (core `readHistory`) for the editor: one read per workspace folder over
 * all its collections (one `git log`, one `cat-file --batch`), kept until git's HEAD or a record
 * changes, and read again from the state at the last HEAD (only the new commits when HEAD moved
 * forward). Git runs with the review's settings (platform `NodeGit`: no hooks, filters, fsmonitor or
 * fetches), and never in Restricted Mode: an untrusted workspace has no history.
 */
import * as vscode from 'vscode';
import { readHistory, type HistoryResult, type HistorySnapshot, type RecordHistory } from '../core/history';
import { readBlobs } from '../core/history/blobs';
import { decodeText } from '../core/text';
import type { FileSystem, Logger } from '../core/ports';
import type { GitPort } from '../core/review/git';
import { Disposable } from '../platform/lifecycle';
import type { DecisionWorkspace } from './decisionWorkspace';
import type { FileEvents } from './fileEvents';

interface FolderHistory {
  /** The read in flight. */
  pending?: Promise<HistoryResult | undefined>;
  /** The last read; `stale` once HEAD or a record changed (still shown until the next read is done). */
  value?: HistoryResult;
  stale?: boolean;
  /** The state at the HEAD last read, for the next read. */
  snapshot?: HistorySnapshot;
}

export class RecordHistories extends Disposable {
  private readonly folders = new Map<string, FolderHistory>();
  private readonly emitter = this.register(new vscode.EventEmitter<void>());
  /** Fires when a folder's history was read again (after HEAD or a record changed). */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly workspace: DecisionWorkspace, private readonly fs: FileSystem, files: FileEvents, private readonly git: GitPort, private readonly log: Logger) {
    super();
    this.register(files.onDidChange((b) => { if (b.gitState.length > 0) this.invalidate(); }));
    this.register(workspace.onDidChange(() => this.invalidate()));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate()));
  }

  /** History runs git: only in a trusted workspace. */
  get available(): boolean {
    return vscode.workspace.isTrusted;
  }

  /** The history of the record at `path` (absolute); undefined in Restricted Mode or when git failed. */
  async of(path: string): Promise<RecordHistory | undefined> {
    const root = this.workspace.folderOf(path)?.root;
    if (!root) return undefined;
    return (await this.folder(root))?.of(path);
  }

  /** `of`, or undefined when reading takes longer than `ms` (a hover does not wait for a big repository). */
  async within(path: string, ms: number): Promise<RecordHistory | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), ms); });
    try {
      return await Promise.race([this.of(path), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** What is known now without reading (undefined: not read yet). */
  peek(path: string): RecordHistory | undefined {
    const root = this.workspace.folderOf(path)?.root;
    return root ? this.folders.get(root)?.value?.of(path) : undefined;
  }

  /** Whether the folder's history is read (after `ensure`, a change event says when). */
  loaded(root: string): boolean {
    return this.folders.get(root)?.value !== undefined;
  }

  /** Starts reading the folder's history when it is not read yet; `onDidChange` fires when done. */
  ensure(root: string): void {
    const entry = this.folders.get(root);
    if ((!entry?.value || entry.stale) && !entry?.pending) void this.folder(root);
  }

  /** The history of every collection of the workspace folder at `root`. */
  folder(root: string): Promise<HistoryResult | undefined> {
    if (!this.available) return Promise.resolve(undefined);
    let entry = this.folders.get(root);
    if (!entry) this.folders.set(root, (entry = {}));
    if (entry.pending) return entry.pending;
    if (entry.value && !entry.stale) return Promise.resolve(entry.value);
    const f = this.workspace.all().find((x) => x.root === root);
    if (!f) return Promise.resolve(undefined);
    const collections = f.index.collections.map((c) => ({ path: c.path, dialect: c.dialect, ...(c.statusVocabulary ? { statusVocabulary: c.statusVocabulary } : {}) }));
    const started = entry;
    const read = readHistory(this.git, this.fs, { folder: root, collections, ...(entry.snapshot ? { snapshot: entry.snapshot } : {}) }).then((result) => {
      if (started.pending !== read) return result;
      started.pending = undefined;
      started.value = result;
      started.stale = false;
      if (result.snapshot) started.snapshot = result.snapshot;
      // The same HEAD read again says nothing new.
      if (result.stats.mode !== 'cached') {
        this.log.info(`history of ${root}: ${result.stats.mode}, ${result.stats.commits} commits, ${result.stats.processes} git processes`);
        this.emitter.fire();
      }
      return result;
    }, (e: unknown) => {
      this.log.warn(`history of ${root} not read: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      if (started.pending === read) started.pending = undefined;
      return undefined;
    });
    entry.pending = read;
    return read;
  }

  /**
   * One version of a record (a blob of the repository at `root`), as text: read with
   * `cat-file --batch` (no filter, no work tree). Empty in Restricted Mode.
   */
  async version(root: string, blob: string, path: string): Promise<string> {
    if (!this.available || !blob) return '';
    const read = (await readBlobs(this.git, root, [blob])).get(blob);
    if (!read) return '';
    if ('unread' in read) return `(${read.unread})`;
    return decodeText(read.bytes, path).text;
  }

  /** HEAD or a record changed: the next question reads again (from the last state). */
  private invalidate(): void {
    for (const [root, entry] of this.folders) {
      entry.stale = true;
      entry.pending = undefined;
      if (entry.value) this.ensure(root);
    }
  }
}
