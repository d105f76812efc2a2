/**
 * Live lint of open ADR documents in the Problems panel, from the editor's text (unsaved changes
 * included), re-run as the document or the index changes. `Lint Decisions` (a command) lints every
 * record, including closed ones, into its own collection.
 */
import * as vscode from 'vscode';
import { lintInIndex } from '../../core/lint';
import { Disposable } from '../../platform/lifecycle';
import { DiagnosticsPublisher, documentPositions } from '../../host/diagnostics';
import type { DecisionWorkspace } from '../../host/decisionWorkspace';
import type { Documents } from '../../host/documents';
import { DIAGNOSTICS } from '../../host/ids';

const DELAY_MS = 250;

export class AdrDiagnostics extends Disposable {
  readonly publisher = this.register(new DiagnosticsPublisher(DIAGNOSTICS.documents, 'ADR'));
  readonly collection = this.publisher.collection;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(workspace: DecisionWorkspace, private readonly documents: Documents) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => {
      this.publisher.delete(d.uri);
      documents.forget(d);
    }));
    this.register(workspace.onDidChange(() => this.lintOpen()));
    this.register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
    this.lintOpen();
  }

  private lintOpen(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private schedule(document: vscode.TextDocument, delay = DELAY_MS): void {
    if (document.uri.scheme !== 'file' || document.languageId !== 'markdown') return;
    const key = document.uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.lint(document);
    }, delay));
  }

  /** Lints one open document now (also used by tests through the command palette's lint). */
  async lint(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
    const open = this.documents.record(document);
    if (!open || document.isClosed) {
      this.publisher.delete(document.uri);
      return [];
    }
    const exists = async (p: string) => {
      try {
        await vscode.workspace.fs.stat(vscode.Uri.file(p));
        return true;
      } catch {
        return false;
      }
    };
    const version = document.version;
    const findings = await lintInIndex(open.index, open.record, open.text, exists);
    // Typed on meanwhile: a newer lint is scheduled; closed meanwhile: nothing to show.
    if (document.isClosed || document.version !== version) return [];
    return this.publisher.publish(document.uri, findings, documentPositions(document));
  }
}
