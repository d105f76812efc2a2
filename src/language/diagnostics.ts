/**
 * Live lint of open ADR documents in the Problems panel, from the editor's text (unsaved changes
 * included), re-run as the document or the index changes. `Lint Decisions` (a command) lints every
 * record, including closed ones, into its own collection.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/model';
import { lintInIndex } from '../core/lint';
import { Disposable } from '../platform/lifecycle';
import type { DecisionWorkspace } from '../workspace/decisionWorkspace';
import type { AdrDocuments } from './adrDocuments';

const DELAY_MS = 250;
const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** What a quick fix needs to know about a finding, kept beside the diagnostic. */
export const findingOf = new WeakMap<vscode.Diagnostic, Finding>();

export class AdrDiagnostics extends Disposable {
  readonly collection = this.register(vscode.languages.createDiagnosticCollection('adr-workbench'));
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(workspace: DecisionWorkspace, private readonly documents: AdrDocuments) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => {
      this.collection.delete(d.uri);
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
    const open = this.documents.get(document);
    if (!open || document.isClosed) {
      this.collection.delete(document.uri);
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
    const diagnostics = findings.map((f) => toDiagnostic(document, f));
    this.collection.set(document.uri, diagnostics);
    return diagnostics;
  }
}

export function toDiagnostic(document: vscode.TextDocument, f: Finding): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(f.span.start), document.positionAt(Math.max(f.span.end, f.span.start)));
  const d = new vscode.Diagnostic(range, f.message, SEVERITY[f.severity]);
  d.code = f.rule;
  d.source = 'ADR';
  findingOf.set(d, f);
  return d;
}
