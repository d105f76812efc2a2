/**
 * Lint Decisions: core `lintIndex` over every workspace folder, published to its own diagnostic
 * collection (`adr-workbench-lint`; code = rule id, source `ADR`), then the Problems panel. Records
 * open in an editor are left to the live lint of open documents (which sees unsaved text), and a
 * record's batch findings are dropped as soon as it is opened or edited.
 */
import * as vscode from 'vscode';
import type { Finding } from '../../core/model';
import { lintIndex } from '../../core/lint';
import { Disposable } from '../../platform/lifecycle';
import type { Host } from '../../host';
import { DiagnosticsPublisher } from '../../host/diagnostics';
import { DIAGNOSTICS } from '../../host/ids';
import { positionsOf } from '../../host/planPositions';

export const LINT_COLLECTION = DIAGNOSTICS.lint;

/** What a lint run found. */
export interface LintSummary {
  readonly findings: number;
  /** Records with findings. */
  readonly records: number;
  /** Records checked. */
  readonly checked: number;
}

export class WorkspaceLint extends Disposable {
  readonly diagnostics = this.register(new DiagnosticsPublisher(LINT_COLLECTION, 'ADR'));

  constructor(private readonly host: Host) {
    super();
    // The live lint of open documents takes over from the batch findings of a file once it is opened.
    const forget = (d: vscode.TextDocument) => this.diagnostics.delete(d.uri);
    this.register(vscode.workspace.onDidOpenTextDocument(forget));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => forget(e.document)));
  }

  /** Lints every record of every folder and says what it found: a count, and Show Problems when
   * there is something to show. */
  async run(): Promise<LintSummary> {
    await this.host.workspace.ready;
    const summary = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Linting decision records') }, () => this.lintAll());
    const message = lintMessage(summary);
    if (summary.findings === 0) {
      void vscode.window.showInformationMessage(message);
    } else {
      void vscode.window.showWarningMessage(message, vscode.l10n.t('Show Problems')).then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    }
    return summary;
  }

  private async lintAll(): Promise<LintSummary> {
    const byPath = new Map<string, Finding[]>();
    let checked = 0;
    for (const f of this.host.workspace.all()) {
      checked += f.index.size;
      for (const finding of await lintIndex(f.index, this.host.fs)) byPath.set(finding.path, [...(byPath.get(finding.path) ?? []), finding]);
    }
    let findings = 0;
    const entries: [vscode.Uri, Finding[], ReturnType<typeof positionsOf>][] = [];
    for (const [path, list] of byPath) {
      findings += list.length;
      // Open records: the live lint shows them from the editor's text.
      if (this.host.documents.open(path)) continue;
      const text = await this.host.documents.text(path).then((t) => t.text, () => '');
      entries.push([vscode.Uri.file(path), list, positionsOf(text)]);
    }
    this.diagnostics.publishAll(entries);
    return { findings, records: byPath.size, checked };
  }
}

/** `Lint Decisions: 3 problems in 2 of 12 records` / `Lint Decisions: no problems in 12 records`. */
export function lintMessage(s: LintSummary): string {
  const records = s.checked === 1 ? vscode.l10n.t('1 record') : vscode.l10n.t('{0} records', s.checked);
  if (s.findings === 0) return vscode.l10n.t('Lint Decisions: no problems in {0}', records);
  return s.findings === 1
    ? vscode.l10n.t('Lint Decisions: 1 problem in {0} of {1}', s.records, records)
    : vscode.l10n.t('Lint Decisions: {0} problems in {1} of {2}', s.findings, s.records, records);
}
