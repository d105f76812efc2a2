/**
 * Problems with code ↔ decision links, live in the Problems panel: in code, anchors naming no
 * record or several (errors) and records that no longer hold — superseded, deprecated, rejected
 * (warnings); in an open ADR, `governs` globs that match no file of the workspace. Re-run as the
 * document or any index changes. Severities follow the editor's needs, not the CLI lint's.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/model';
import { anchorFindings, LINK_RULES } from '../core/links';
import { Disposable } from '../platform/lifecycle';
import type { DecisionWorkspace } from '../workspace/decisionWorkspace';
import type { AdrDocuments } from '../language/adrDocuments';
import type { CodeLinks } from './codeLinks';

const DELAY_MS = 300;
export const SOURCE = 'ADR links';

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  [LINK_RULES.anchorUnknown.id]: vscode.DiagnosticSeverity.Error,
  [LINK_RULES.anchorAmbiguous.id]: vscode.DiagnosticSeverity.Error,
  [LINK_RULES.anchorSuperseded.id]: vscode.DiagnosticSeverity.Warning,
  [LINK_RULES.anchorInactive.id]: vscode.DiagnosticSeverity.Warning,
  [LINK_RULES.governsMatchesNothing.id]: vscode.DiagnosticSeverity.Warning,
};

/** The finding behind a diagnostic, for quick fixes. */
export const linkFindingOf = new WeakMap<vscode.Diagnostic, Finding>();

export class LinkDiagnostics extends Disposable {
  readonly collection = this.register(vscode.languages.createDiagnosticCollection('adr-workbench-links'));
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly links: CodeLinks, private readonly workspace: DecisionWorkspace, private readonly documents: AdrDocuments | undefined) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)));
    this.register(links.onDidChange(() => this.checkOpen()));
    this.register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
    this.checkOpen();
  }

  private checkOpen(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private schedule(document: vscode.TextDocument, delay = DELAY_MS): void {
    if (document.uri.scheme !== 'file') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.check(document);
    }, delay));
  }

  /** Checks one open document now. */
  check(document: vscode.TextDocument): vscode.Diagnostic[] {
    if (document.isClosed) return [];
    const findings = this.workspace.locate(document.uri) ? this.recordFindings(document) : this.codeFindings(document);
    const diagnostics = findings.map((f) => {
      const range = new vscode.Range(document.positionAt(f.span.start), document.positionAt(Math.max(f.span.end, f.span.start)));
      const d = new vscode.Diagnostic(range, f.message, SEVERITY[f.rule] ?? vscode.DiagnosticSeverity.Warning);
      d.code = f.rule;
      d.source = SOURCE;
      linkFindingOf.set(d, f);
      return d;
    });
    if (diagnostics.length > 0) this.collection.set(document.uri, diagnostics);
    else this.collection.delete(document.uri);
    return diagnostics;
  }

  private codeFindings(document: vscode.TextDocument): Finding[] {
    const links = this.links.document(document);
    return links ? anchorFindings(links.code, links.path, links.anchors) : [];
  }

  /** Globs of an open record in force that match no file (once the first scan listed the files). */
  private recordFindings(document: vscode.TextDocument): Finding[] {
    const open = this.documents?.get(document);
    if (!open || open.record.governs.length === 0) return [];
    const code = this.links.codeOfRecord(open.record);
    if (!code || code.files().size === 0 || !code.governs.inForce(open.record)) return [];
    const entry = open.record.frontMatter?.entries.find((e) => ['governs', 'applies-to', 'applies_to', 'affects'].includes(e.key));
    const out: Finding[] = [];
    for (const pattern of open.record.governs) {
      if (pattern.trim().startsWith('!')) continue;
      if (code.governs.filesOf({ ...open.record, governs: [pattern] }, code.files()).length > 0) continue;
      // Point at the pattern itself when it can be found in its entry.
      const at = entry ? open.text.indexOf(pattern, entry.span.start) : -1;
      const span = entry && at >= 0 && at < entry.span.end ? { start: at, end: at + pattern.length } : entry?.span ?? { start: 0, end: 0 };
      out.push({
        path: open.record.path, span, rule: LINK_RULES.governsMatchesNothing.id, severity: LINK_RULES.governsMatchesNothing.severity,
        message: `"${pattern}" matches no file of the workspace`,
      });
    }
    return out;
  }
}
