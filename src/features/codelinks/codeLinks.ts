/**
 * The extension's code ↔ decision links: one core `CodeIndex` per workspace folder, over that
 * folder's `AdrIndex`. Each is scanned in the background once the decision index is ready, scanned
 * again after the decision index was rebuilt or a link setting changed, and kept current from the
 * file-events service. Open documents are read from the editor (unsaved text included), cached per
 * document version. CodeLens, hover, diagnostics and the views ask this object; none scans.
 */
import * as vscode from 'vscode';
import type { AdrRecord } from '../../core/model';
import type { FileSystem, Logger } from '../../core/ports';
import { isUserError } from '../../core/errors';
import { toPosix } from '../../core/paths';
import { CodeIndex, explain, refs, type Explanation, type LocatedAnchor, type References } from '../../core/links';
import { Disposable } from '../../platform/lifecycle';
import type { FileEvents } from '../../host/fileEvents';
import { affects, LINK_INDEX_KEYS } from '../../host/settings';
import type { DecisionWorkspace, FolderIndex } from '../../host/decisionWorkspace';
import { codeIndexOptions } from './settings';

/** After a batch of the file-events service (already batched there). */
const EVENT_DEBOUNCE_MS = 100;
const CHANGE_DEBOUNCE_MS = 100;

interface FolderLinks {
  readonly folder: FolderIndex;
  readonly code: CodeIndex;
  readonly subscriptions: vscode.Disposable[];
  scan?: Promise<void>;
}

/** An open document's anchors, found in its current text. */
export interface DocumentLinks {
  readonly code: CodeIndex;
  readonly path: string;
  readonly anchors: readonly LocatedAnchor[];
}

export class CodeLinks extends Disposable {
  private readonly folders = new Map<string, FolderLinks>();
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  /** Fires (debounced) after anchors, files or decision records changed. */
  readonly onDidChange = this.changeEmitter.event;
  /** Bumped on every change: caches keyed by it are stale once it moves. */
  generation = 0;
  private readonly docCache = new Map<string, { version: number; generation: number; links: DocumentLinks; explanation?: Explanation }>();
  private readonly refsCache = new Map<string, { generation: number; refs: References }>();
  private pending = new Set<string>();
  private eventTimer: ReturnType<typeof setTimeout> | undefined;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private started = false;

  constructor(private readonly workspace: DecisionWorkspace, private readonly fs: FileSystem, private readonly log: Logger, private readonly files: FileEvents) {
    super();
    this.register({ dispose: () => this.disposeFolders() });
    this.register({ dispose: () => { clearTimeout(this.eventTimer); clearTimeout(this.changeTimer); } });
  }

  /** Starts following the decision workspace; the first scans begin once its index is ready. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.register(this.files.onDidChange((batch) => {
      for (const c of batch.changes) this.queue(c.path);
    }));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.docCache.delete(d.uri.toString())));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (LINK_INDEX_KEYS.some((k) => affects(e, k)) || e.affectsConfiguration('files.exclude')) this.reset();
    }));
    this.register(this.workspace.onDidChange(() => {
      this.sync();
      this.changed();
    }));
    void this.workspace.ready.then(() => this.sync());
  }

  /** Resolves when every folder's current scan finished. */
  async ready(): Promise<void> {
    await this.workspace.ready;
    this.sync();
    await Promise.all([...this.folders.values()].map((f) => f.scan));
  }

  /** The code index of the folder holding `path`. */
  codeFor(path: string): CodeIndex | undefined {
    const f = this.workspace.folderOf(path);
    return f ? this.folders.get(f.root)?.code : undefined;
  }

  /** The code index whose decision index holds `record`. */
  codeOfRecord(record: AdrRecord): CodeIndex | undefined {
    const located = this.workspace.locate(record.path);
    return located ? [...this.folders.values()].find((f) => f.folder.index === located.index)?.code : undefined;
  }

  /** Anchors of an open code document (none for records, other schemes and unknown languages). */
  document(document: vscode.TextDocument): DocumentLinks | undefined {
    if (document.uri.scheme !== 'file') return undefined;
    const path = toPosix(document.uri.fsPath);
    const code = this.codeFor(path);
    if (!code || code.inCollection(path)) return undefined;
    const key = document.uri.toString();
    const hit = this.docCache.get(key);
    if (hit && hit.version === document.version && hit.links.code === code) {
      if (hit.generation !== this.generation) {
        hit.generation = this.generation;
        delete hit.explanation;
      }
      return hit.links;
    }
    const links: DocumentLinks = { code, path, anchors: code.findAnchors(document.getText(), path, document.languageId) };
    this.docCache.set(key, { version: document.version, generation: this.generation, links });
    return links;
  }

  /** What governs an open document: records by glob and by anchor (cached per version and index state). */
  explain(document: vscode.TextDocument): Explanation | undefined {
    const links = this.document(document);
    if (!links) return undefined;
    const entry = this.docCache.get(document.uri.toString())!;
    return (entry.explanation ??= explain(links.code, links.path, links.anchors));
  }

  /** Every anchor naming `record` and every file its globs match (cached until something changes). */
  refs(record: AdrRecord): References | undefined {
    const code = this.codeOfRecord(record);
    if (!code) return undefined;
    const hit = this.refsCache.get(record.path);
    if (hit && hit.generation === this.generation && hit.refs.record === record) return hit.refs;
    const r = refs(code, record);
    this.refsCache.set(record.path, { generation: this.generation, refs: r });
    return r;
  }

  /** Creates code indexes for new folders, drops those of removed ones. */
  private sync(): void {
    if (!this.started) return;
    const wanted = new Map(this.workspace.all().map((f) => [f.root, f]));
    for (const [root, f] of this.folders) {
      if (wanted.get(root)?.index !== f.folder.index) this.drop(root);
    }
    for (const [root, folder] of wanted) if (!this.folders.has(root)) this.add(folder);
  }

  private add(folder: FolderIndex): void {
    let code: CodeIndex;
    const options = codeIndexOptions(folder.folder, folder.root);
    try {
      code = new CodeIndex(this.fs, folder.index, options);
    } catch (e) {
      // A custom anchor pattern that is not a valid regular expression: say so, go on without them.
      if (!isUserError(e)) throw e;
      this.log.warn(`adrWorkbench.links.anchorPatterns: ${e.message}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('ADR Workbench: {0} (setting adrWorkbench.links.anchorPatterns)', e.message));
      code = new CodeIndex(this.fs, folder.index, { ...options, anchors: { ...options.anchors, patterns: [] } });
    }
    const entry: FolderLinks = { folder, code, subscriptions: [] };
    entry.subscriptions.push(
      code.onDidChange(() => this.changed()),
      folder.index.onDidChange((e) => {
        if (e.rebuilt) this.rescan(entry);
      }),
    );
    this.folders.set(folder.root, entry);
    this.rescan(entry);
  }

  private rescan(entry: FolderLinks): void {
    const p = entry.code.scan().then((stats) => {
      if (stats.cancelled) return;
      this.log.info(`scanned ${stats.files} files of ${entry.folder.folder.name} for decision links in ${Math.round(stats.ms)} ms: ${stats.anchors} anchors in ${stats.filesWithAnchors} files${stats.truncated ? ' (file limit reached)' : ''}`);
    }, (e: unknown) => this.log.error(`scanning ${entry.folder.root} for decision links failed`, e));
    entry.scan = p;
  }

  private drop(root: string): void {
    const f = this.folders.get(root);
    if (!f) return;
    for (const s of f.subscriptions) s.dispose();
    f.code.dispose();
    this.folders.delete(root);
  }

  /** After a setting changed: new indexes with the new options. */
  private reset(): void {
    for (const root of [...this.folders.keys()]) this.drop(root);
    this.docCache.clear();
    this.sync();
    this.changed();
  }

  private queue(path: string): void {
    this.pending.add(path);
    clearTimeout(this.eventTimer);
    this.eventTimer = setTimeout(() => void this.flush(), EVENT_DEBOUNCE_MS);
  }

  private async flush(): Promise<void> {
    const paths = [...this.pending];
    this.pending.clear();
    for (const p of paths) {
      const code = this.codeFor(p);
      if (code) await code.update(p).catch((e: unknown) => this.log.error(`updating decision links of ${p} failed`, e));
    }
  }

  /** Something changed: bump the generation now, tell listeners a moment later (one event per burst). */
  private changed(): void {
    this.generation++;
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => this.changeEmitter.fire(), CHANGE_DEBOUNCE_MS);
  }

  private disposeFolders(): void {
    this.started = false;
    for (const root of [...this.folders.keys()]) this.drop(root);
  }
}
