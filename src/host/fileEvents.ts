/**
 * The one file watcher of the extension: every create, change and delete under the workspace
 * folders, filtered (other schemes, `node_modules` and git's internals dropped; git's HEAD, index
 * and MERGE_HEAD kept apart as repository state) and batched, so a burst such as a branch switch
 * reaches each listener as one batch. The decision index, the code links and the review listen here.
 */
import * as vscode from 'vscode';
import { toPosix } from '../core/paths';
import { Disposable } from '../platform/lifecycle';
import { classify } from './fileFilter';

export type FileChangeKind = 'created' | 'changed' | 'deleted';

export interface FileChange {
  readonly path: string;
  readonly kind: FileChangeKind;
}

export interface FileEventBatch {
  /** Files of the work tree, in the order they changed (one entry per path, its last kind). */
  readonly changes: readonly FileChange[];
  /** Git's repository state files that changed (`.git/HEAD`, `.git/index`, `.git/MERGE_HEAD`). */
  readonly gitState: readonly string[];
}

const BATCH_MS = 100;

export class FileEvents extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<FileEventBatch>());
  /** Fires once per batch of changes. */
  readonly onDidChange = this.emitter.event;
  private readonly pending = new Map<string, FileChangeKind>();
  private readonly git = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private started = false;

  /** Starts watching (once). */
  start(): void {
    if (this.started) return;
    this.started = true;
    const watcher = this.register(vscode.workspace.createFileSystemWatcher('**/*'));
    this.register(watcher.onDidCreate((u) => this.queue(u, 'created')));
    this.register(watcher.onDidChange((u) => this.queue(u, 'changed')));
    this.register(watcher.onDidDelete((u) => this.queue(u, 'deleted')));
    this.register({ dispose: () => clearTimeout(this.timer) });
  }

  /** Watches one file, in the workspace or outside it (a catalogue), apart from the batches: `listener` runs on each create, change or delete. */
  watchFile(uri: vscode.Uri, listener: () => void): vscode.Disposable {
    if (uri.scheme !== 'file') return { dispose: () => undefined };
    const name = uri.path.split('/').pop() ?? '';
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), name));
    const subs = [watcher.onDidCreate(listener), watcher.onDidChange(listener), watcher.onDidDelete(listener)];
    return { dispose: () => { for (const s of subs) s.dispose(); watcher.dispose(); } };
  }

  private queue(uri: vscode.Uri, kind: FileChangeKind): void {
    if (uri.scheme !== 'file') return;
    const path = toPosix(uri.fsPath);
    const where = classify(path);
    if (where === undefined) return;
    if (where === 'git') this.git.add(path);
    else {
      this.pending.delete(path);
      this.pending.set(path, kind);
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), BATCH_MS);
  }

  private flush(): void {
    this.timer = undefined;
    const batch: FileEventBatch = { changes: [...this.pending].map(([path, kind]) => ({ path, kind })), gitState: [...this.git] };
    this.pending.clear();
    this.git.clear();
    if (batch.changes.length > 0 || batch.gitState.length > 0) this.emitter.fire(batch);
  }
}
