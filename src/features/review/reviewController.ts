/**
 * Runs the architecture review (core `ReviewEngine` over git) for the workspace folders and keeps
 * its state: the findings of the last run, shown in the panel and counted in the status item.
 * Refreshes are debounced and triggered by saves, the file-events service (work tree and git's
 * HEAD/index) and the git extension's repository state. In Restricted Mode it runs no git at all
 * and says why. What the panel shows is mapped in `viewModel.ts`; what its buttons do is `actions.ts`.
 */
import * as vscode from 'vscode';
import { AdrIndex } from '../../core/index';
import { ReviewEngine, type ReviewConflict, type ReviewFinding, type ReviewOutcome } from '../../core/review';
import type { Finding } from '../../core/model';
import type { Logger } from '../../core/ports';
import { decodeText } from '../../core/text';
import { join, toPosix } from '../../core/paths';
import { Disposable } from '../../platform/lifecycle';
import { NodeGit } from '../../platform/git';
import { NodeWorkTree } from '../../platform/workTree';
import type { Host } from '../../host';
import { DiagnosticsPublisher, type PositionsOf } from '../../host/diagnostics';
import { DIAGNOSTICS } from '../../host/ids';
import { positionsOf } from '../../host/planPositions';
import { affects, readSettings } from '../../host/settings';
import type { PanelState } from '../../webviews/review/protocol';
import type { ReviewPanel } from './reviewPanel';
import { ReviewStatusItem } from './statusItem';
import { conflictFinding, conflictId, conflictView, findingId, findingView, type ViewContext } from './viewModel';

const DEBOUNCE_MS = 400;

export class ReviewController extends Disposable {
  private readonly engine: ReviewEngine;
  private readonly log: Logger;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private findings = new Map<string, ReviewFinding>();
  private conflicts = new Map<string, ReviewConflict>();
  /** Conflicts with decisions already taken, on the manifest line that adds them. */
  readonly diagnostics = this.register(new DiagnosticsPublisher(DIAGNOSTICS.review, 'ADR review'));
  /** The unread-file notes last logged (logged again only when they change). */
  private notes = '';
  readonly status = this.register(new ReviewStatusItem());
  private readonly changed = this.register(new vscode.EventEmitter<PanelState>());
  /** Fires after each review with what the panel shows. */
  readonly onDidReview = this.changed.event;
  private readonly viewContext: ViewContext;

  constructor(private readonly host: Host, private readonly panel: ReviewPanel) {
    super();
    this.log = host.log.for('review');
    this.engine = new ReviewEngine(new NodeGit(), host.fs, new NodeWorkTree());
    this.viewContext = {
      folderRoot: (path) => host.workspace.folderOf(path)?.root,
      record: (path) => host.workspace.locate(path)?.record,
    };
    this.register(vscode.workspace.onDidSaveTextDocument(() => this.schedule()));
    this.register(host.files.onDidChange(() => this.schedule()));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule(0)));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule(0)));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => { if (affects(e, 'review.enabled')) this.schedule(0); }));
    this.watchGitExtension();
    this.schedule(0);
  }

  /** The status item (kept under this name for tests). */
  get statusItem(): vscode.StatusBarItem {
    return this.status.item;
  }

  /** Reviews now (or right after the review under way) and resolves when the panel shows it. */
  async refresh(): Promise<PanelState> {
    if (this.running) {
      this.again = true;
      await this.running;
    }
    if (this.running) await this.running;
    else await (this.running = this.review().finally(() => { this.running = undefined; }));
    if (this.again) {
      this.again = false;
      await (this.running = this.review().finally(() => { this.running = undefined; }));
    }
    return this.panel.current;
  }

  /** A finding of the last review, by the id the panel knows it by. */
  finding(id: string): ReviewFinding | undefined {
    return this.findings.get(id);
  }

  /** A conflict of the last review, by the id the panel knows it by. */
  conflict(id: string): ReviewConflict | undefined {
    return this.conflicts.get(id);
  }

  /** Reviews again soon (after a change the review should see). */
  schedule(delay = DEBOUNCE_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  private async review(): Promise<void> {
    const all = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    // `review.enabled` is a folder setting: each folder says whether it is reviewed.
    const folders = all.filter((f) => readSettings(f).reviewEnabled);
    if (all.length > 0 && folders.length === 0) return this.show({ status: 'off', message: 'The architecture review is turned off (setting adrWorkbench.review.enabled).', findings: [] });
    if (folders.length === 0) return this.show({ status: 'no-repository', message: 'Open a folder to review its changes.', findings: [] });
    const started = Date.now();
    let outcome: ReviewOutcome;
    try {
      outcome = await this.engine.review({
        folders: folders.map((f) => toPosix(f.uri.fsPath)),
        trusted: vscode.workspace.isTrusted,
        indexFor: async (root) => this.host.workspace.folderOf(root)?.index ?? AdrIndex.build(this.host.fs, root),
      });
    } catch (e) {
      this.log.error('review failed', e);
      return this.show({ status: 'error', message: `The review failed: ${e instanceof Error ? e.message : String(e)}`, findings: [] });
    }
    if (outcome.kind === 'disabled') return this.show({ status: 'off', message: outcome.reason, findings: [] });
    this.log.trace(`reviewed ${outcome.repositories.length} repositories in ${Date.now() - started} ms: ${outcome.findings.length} findings`);
    if (outcome.repositories.length === 0) {
      return this.show({ status: 'no-repository', message: outcome.notRepositories.map((n) => `${n.folder}: ${n.message}`).join('\n') || 'No git repository here.', findings: [] });
    }
    // Files a rule wanted but that were not read (a symlink, a FIFO, too large, missing from a partial clone).
    const notes = outcome.repositories.flatMap((r) => r.unread.map((u) => `${r.repository.root}/${u.path}: ${u.reason}`));
    if (notes.join('\n') !== this.notes) for (const n of notes) this.log.info(`not read: ${n}`);
    this.notes = notes.join('\n');
    this.findings = new Map(outcome.findings.map((f) => [findingId(f), f]));
    this.conflicts = new Map(outcome.conflicts.map((c) => [conflictId(c), c]));
    await this.publishConflicts(outcome.conflicts);
    const base = outcome.repositories[0]!.base.description;
    this.show({
      status: 'ready', scope: `working change against ${base}`, findings: outcome.findings.map((f) => findingView(f, this.viewContext)),
      conflicts: outcome.conflicts.map((c) => conflictView(c, this.viewContext)),
    });
  }

  /** Each conflict as a diagnostic on the line that adds it. */
  private async publishConflicts(conflicts: readonly ReviewConflict[]): Promise<void> {
    const byFile = new Map<string, ReviewConflict[]>();
    for (const c of conflicts) {
      const path = join(c.repository, c.path);
      byFile.set(path, [...(byFile.get(path) ?? []), c]);
    }
    const entries: [vscode.Uri, Finding[], PositionsOf][] = [];
    for (const [path, list] of byFile) {
      try {
        // The disk's text, as git read it: the lines a conflict names (an open document can lag behind the disk).
        const { text } = decodeText(await this.host.fs.readFile(path), path);
        entries.push([vscode.Uri.file(path), list.map((c) => conflictFinding(c, text)), positionsOf(text)]);
      } catch (e) {
        this.log.warn(`conflict diagnostics: ${path} not read: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    this.diagnostics.publishAll(entries);
  }

  private show(state: PanelState): void {
    if (state.status !== 'ready') this.diagnostics.clear();
    this.panel.setState(state);
    this.status.show(state);
    this.changed.fire(state);
  }

  /** The built-in git extension's repositories change state on commits, checkouts and staging. */
  private watchGitExtension(): void {
    const git = vscode.extensions.getExtension<{ getAPI(v: 1): { repositories: { state: { onDidChange: vscode.Event<void> } }[]; onDidOpenRepository: vscode.Event<{ state: { onDidChange: vscode.Event<void> } }> } }>('vscode.git');
    if (!git) return;
    const hook = () => {
      try {
        const api = git.exports.getAPI(1);
        for (const r of api.repositories) this.register(r.state.onDidChange(() => this.schedule()));
        this.register(api.onDidOpenRepository((r) => this.register(r.state.onDidChange(() => this.schedule()))));
      } catch (e) {
        this.log.warn(`git extension API unavailable: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    if (git.isActive) hook();
    else void git.activate().then(hook, () => undefined);
  }
}
