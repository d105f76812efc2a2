/**
 * Runs the architecture review (core `ReviewEngine` over git) for the workspace folders, keeps the
 * panel and a status bar count current, and carries out the panel's actions. Refreshes are
 * debounced and triggered by saves, file events and the git extension's repository state. In
 * Restricted Mode it runs no git at all and says why.
 */
import * as vscode from 'vscode';
import { ReviewEngine, acknowledgementEdits, CONFIG_FILES, type ReviewFinding, type ReviewOutcome } from '../core/review';
import { addGovernsEdits } from '../core/edit';
import { parseRecord } from '../core/parse/record';
import { decodeText } from '../core/text';
import { join, relative, toPosix } from '../core/paths';
import type { Logger } from '../core/ports';
import { Disposable } from '../platform/lifecycle';
import { affects, readSettings } from '../platform/settings';
import { NodeGit } from '../platform/git';
import { NodeWorkTree } from '../platform/workTree';
import type { Services } from '../services';
import type { FindingView, PanelState } from '../webviews/review/protocol';
import { REVIEW_VIEW_ID, type ReviewPanel } from './reviewPanel';

const DEBOUNCE_MS = 400;

export class ReviewController extends Disposable {
  private readonly engine: ReviewEngine;
  private readonly log: Logger;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private findings = new Map<string, ReviewFinding>();
  /** The unread-file notes last logged (logged again only when they change). */
  private notes = '';
  readonly statusItem = this.register(vscode.window.createStatusBarItem('adrWorkbench.review', vscode.StatusBarAlignment.Left, 40));
  private readonly changed = this.register(new vscode.EventEmitter<PanelState>());
  /** Fires after each review with what the panel shows. */
  readonly onDidReview = this.changed.event;

  constructor(private readonly services: Services, private readonly panel: ReviewPanel) {
    super();
    this.log = services.log.for('review');
    this.engine = new ReviewEngine(new NodeGit(), services.fs, new NodeWorkTree());
    this.statusItem.name = 'Architecture Review';
    this.statusItem.command = `${REVIEW_VIEW_ID}.focus`;
    this.register(vscode.workspace.onDidSaveTextDocument(() => this.schedule()));
    const watcher = this.register(vscode.workspace.createFileSystemWatcher('**/*'));
    for (const ev of [watcher.onDidCreate, watcher.onDidDelete, watcher.onDidChange]) {
      this.register(ev((uri) => {
        if (!/\/\.git\/(?!HEAD$|index$|MERGE_HEAD$)/.test(toPosix(uri.fsPath))) this.schedule();
      }));
    }
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule(0)));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule(0)));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => { if (affects(e, 'review.enabled')) this.schedule(0); }));
    this.register(panel.onMessage((m) => {
      if (m.type === 'refresh') this.schedule(0);
      else if (m.type === 'action') void this.act(m.action, m.id);
    }));
    this.watchGitExtension();
    this.schedule(0);
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

  finding(id: string): ReviewFinding | undefined {
    return this.findings.get(id);
  }

  private schedule(delay = DEBOUNCE_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  private async review(): Promise<void> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    if (!readSettings().reviewEnabled) return this.show({ status: 'off', message: 'The architecture review is turned off (setting adrWorkbench.review.enabled).', findings: [] });
    if (folders.length === 0) return this.show({ status: 'no-repository', message: 'Open a folder to review its changes.', findings: [] });
    const started = Date.now();
    let outcome: ReviewOutcome;
    try {
      outcome = await this.engine.review({
        folders: folders.map((f) => toPosix(f.uri.fsPath)),
        trusted: vscode.workspace.isTrusted,
        indexFor: async (root) => this.services.workspace.folderOf(root)?.index ?? (await import('../core/index')).AdrIndex.build(this.services.fs, root),
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
    this.findings = new Map(outcome.findings.map((f) => [`${f.repository}|${f.fingerprint}`, f]));
    const base = outcome.repositories[0]!.base.description;
    this.show({ status: 'ready', scope: `working change against ${base}`, findings: outcome.findings.map((f) => this.view(f)) });
  }

  private view(f: ReviewFinding): FindingView {
    const folder = this.services.workspace.folderOf(f.repository);
    const abs = join(f.repository, f.path);
    return {
      id: `${f.repository}|${f.fingerprint}`,
      rule: f.rule,
      ruleTitle: f.ruleTitle,
      family: f.family,
      severity: f.severity,
      verdict: f.verdict,
      message: f.message,
      file: folder ? relative(folder.root, abs) : f.path,
      ...(f.line !== undefined ? { line: f.line } : {}),
      evidence: f.evidence.map((e) => {
        const who = e.record ? `${e.record.number !== null ? `ADR-${String(e.record.number).padStart(4, '0')}` : e.record.id} ${e.record.title}${e.record.inChange ? ' (in this change)' : ''}` : '';
        if (e.kind === 'governs') return `${who} governs it (${e.glob ?? ''})`;
        if (e.kind === 'mentions') return `${who} names it${e.line ? ` on line ${e.line}` : ''}${e.text ? `: ${e.text}` : ''}`;
        return `Acknowledged${e.by ? ` by ${e.by}` : ''}: ${e.reason ?? ''}`;
      }),
      ...(f.excerpt ? { excerpt: f.excerpt } : {}),
    };
  }

  private show(state: PanelState): void {
    this.panel.setState(state);
    const undocumented = state.findings.filter((f) => f.verdict === 'undocumented').length;
    if (state.status === 'ready') {
      this.statusItem.text = `$(checklist) ${undocumented} undocumented`;
      this.statusItem.tooltip = `${undocumented} architectural change${undocumented === 1 ? '' : 's'} without a decision record — open the Architecture Review`;
      this.statusItem.backgroundColor = undocumented > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      this.statusItem.show();
    } else {
      this.statusItem.hide();
    }
    this.changed.fire(state);
  }

  /** The panel's buttons. Errors are shown through the command runner of `adrWorkbench.review.action`. */
  async act(action: string, id: string): Promise<unknown> {
    return vscode.commands.executeCommand('adrWorkbench.review.action', { action, id });
  }

  /** Draft ADR: a new record titled after the change, the changes in its context, governing the paths. */
  async draft(f: ReviewFinding): Promise<vscode.Uri | undefined> {
    const governing = f.rule === 'governed-code' ? this.services.workspace.records().find((r) => r.id === f.subject) : undefined;
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('adrWorkbench.newDecision', {
      title: f.suggestion.title,
      ...(governing ? { supersedes: [governing.path] } : {}),
    });
    if (!uri) return undefined;
    const doc = await vscode.workspace.openTextDocument(uri);
    const text = doc.getText();
    const record = parseRecord(text, { path: toPosix(uri.fsPath), mode: 'full' });
    const edit = new vscode.WorkspaceEdit();
    for (const e of addGovernsEdits(record, text, f.suggestion.governs)) edit.replace(uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
    const context = record.sections.find((s) => /^context/i.test(s.heading.trim()));
    if (context) {
      const eol = record.eol;
      const lines = [`This decision records a change flagged by the architecture review (${f.ruleTitle}):`, '', `* \`${f.path}\`${f.line ? ` (line ${f.line})` : ''}: ${f.message}`, '', ''];
      edit.insert(uri, doc.positionAt(firstContentOffset(text, context.bodySpan.start)), lines.join(eol));
    }
    await vscode.workspace.applyEdit(edit);
    await doc.save();
    this.schedule(0);
    return uri;
  }

  /** Link to Existing ADR: the chosen record now governs the path. */
  async linkTo(f: ReviewFinding, recordPath: string): Promise<void> {
    const uri = vscode.Uri.file(recordPath);
    const doc = await vscode.workspace.openTextDocument(uri);
    const text = doc.getText();
    const record = parseRecord(text, { path: recordPath, mode: 'full' });
    const edit = new vscode.WorkspaceEdit();
    for (const e of addGovernsEdits(record, text, f.suggestion.governs)) edit.replace(uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
    await vscode.workspace.applyEdit(edit);
    await doc.save();
    this.schedule(0);
  }

  /** Acknowledge: an entry in the committed `.adr-review.yml`, with the reason. */
  async acknowledge(f: ReviewFinding, reason: string, by?: string): Promise<vscode.Uri> {
    let uri = vscode.Uri.file(join(f.repository, CONFIG_FILES[0]));
    let text: string | undefined;
    for (const name of CONFIG_FILES) {
      const candidate = vscode.Uri.file(join(f.repository, name));
      try {
        text = decodeText(await vscode.workspace.fs.readFile(candidate), name).text;
        uri = candidate;
        break;
      } catch {
        // not there: try the next name, else create the first
      }
    }
    const date = new Date().toISOString().slice(0, 10);
    const edits = acknowledgementEdits(text, f, reason, { ...(by ? { by } : {}), date });
    const edit = new vscode.WorkspaceEdit();
    if (text === undefined) edit.createFile(uri, { ignoreIfExists: true });
    const doc = text === undefined ? undefined : await vscode.workspace.openTextDocument(uri);
    for (const e of edits) {
      const range = doc ? new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)) : new vscode.Range(0, 0, 0, 0);
      edit.replace(uri, range, e.newText);
    }
    await vscode.workspace.applyEdit(edit);
    await (await vscode.workspace.openTextDocument(uri)).save();
    this.schedule(0);
    return uri;
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

/** Where a section's own text starts: after blank lines and the template's HTML comments. */
function firstContentOffset(text: string, from: number): number {
  let at = from;
  for (;;) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl === -1 ? text.length : nl);
    if (nl === -1 || !(line.trim() === '' || /^\s*<!--.*-->\s*$/.test(line))) return at;
    at = nl + 1;
  }
}
