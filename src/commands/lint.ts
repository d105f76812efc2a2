/**
 * Lint Decisions: core `lintIndex` over every workspace folder, published to its own diagnostic
 * collection (`adr-workbench-lint`; code = rule id, source `ADR`), then the Problems panel. Records
 * open in an editor are left to the live lint of open documents (which sees unsaved text), and a
 * record's batch findings are dropped as soon as it is opened or edited.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/model';
import { lintIndex } from '../core/lint';
import { decodeText } from '../core/text';
import { Disposable } from '../platform/lifecycle';
import type { Services } from '../services';
import { positionsOf } from './planPositions';
import { openDocument } from './workspaceEdits';

export const LINT_COLLECTION = 'adr-workbench-lint';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** What a lint run found. */
export interface LintSummary {
  readonly findings: number;
  /** Records with findings. */
  readonly records: number;
  /** Records checked. */
  readonly checked: number;
}

export class WorkspaceLint extends Disposable {
  readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection(LINT_COLLECTION));

  constructor(private readonly services: Services) {
    super();
    const forget = (d: vscode.TextDocument) => {
      if (this.services.language) this.diagnostics.delete(d.uri);
    };
    this.register(vscode.workspace.onDidOpenTextDocument(forget));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => forget(e.document)));
  }

  /** Lints every record of every folder and says what it found: a count, and Show Problems when
   * there is something to show. */
  async run(): Promise<LintSummary> {
    await this.services.workspace.ready;
    const summary = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Linting decision records' }, () => this.lintAll());
    const message = lintMessage(summary);
    if (summary.findings === 0) {
      void vscode.window.showInformationMessage(message);
    } else {
      void vscode.window.showWarningMessage(message, 'Show Problems').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    }
    return summary;
  }

  private async lintAll(): Promise<LintSummary> {
    const byPath = new Map<string, Finding[]>();
    let checked = 0;
    for (const f of this.services.workspace.all()) {
      checked += f.index.size;
      for (const finding of await lintIndex(f.index, this.services.fs)) byPath.set(finding.path, [...(byPath.get(finding.path) ?? []), finding]);
    }
    this.diagnostics.clear();
    let findings = 0;
    const entries: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const [path, list] of byPath) {
      findings += list.length;
      // Open records: the live lint shows them from the editor's text.
      if (this.services.language && openDocument(path)) continue;
      const text = await this.services.fs.readFile(path).then((b) => decodeText(b, path).text, () => '');
      const at = positionsOf(text);
      entries.push([vscode.Uri.file(path), list.map((f) => {
        const start = at(f.span.start);
        const end = at(Math.max(f.span.start, f.span.end));
        const d = new vscode.Diagnostic(new vscode.Range(start.line, start.character, end.line, end.character), f.message, SEVERITY[f.severity]);
        d.code = f.rule;
        d.source = 'ADR';
        return d;
      })]);
    }
    this.diagnostics.set(entries);
    return { findings, records: byPath.size, checked };
  }
}

/** `Lint Decisions: 3 problems in 2 of 12 records` / `Lint Decisions: no problems in 12 records`. */
export function lintMessage(s: LintSummary): string {
  const records = `${s.checked} record${s.checked === 1 ? '' : 's'}`;
  if (s.findings === 0) return `Lint Decisions: no problems in ${records}`;
  return `Lint Decisions: ${s.findings} problem${s.findings === 1 ? '' : 's'} in ${s.records} of ${records}`;
}
