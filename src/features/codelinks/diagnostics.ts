/**
 * Problems with code ↔ decision links, live in the Problems panel: in code, anchors naming no
 * record or several (errors) and records that no longer hold — superseded, deprecated, rejected
 * (warnings); in an open ADR, `governs` globs that match no file of the workspace. Re-run as the
 * document or any index changes. Severities come from the host's one table (`host/diagnostics.ts`).
 */
import * as vscode from 'vscode';
import type { Finding } from '../../core/model';
import { anchorFindings, LINK_RULES } from '../../core/links';
import { Disposable } from '../../platform/lifecycle';
import { DiagnosticsPublisher, documentPositions } from '../../host/diagnostics';
import type { DecisionWorkspace } from '../../host/decisionWorkspace';
import type { Documents } from '../../host/documents';
import { DIAGNOSTICS } from '../../host/ids';
import type { CodeLinks } from './codeLinks';

const DELAY_MS = 300;
export const SOURCE = 'ADR links';

export class LinkDiagnostics extends Disposable {
  readonly publisher = this.register(new DiagnosticsPublisher(DIAGNOSTICS.links, SOURCE));
  readonly collection = this.publisher.collection;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly links: CodeLinks, private readonly workspace: DecisionWorkspace, private readonly documents: Documents) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.publisher.delete(d.uri)));
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
    return this.publisher.publish(document.uri, findings, documentPositions(document));
  }

  private codeFindings(document: vscode.TextDocument): Finding[] {
    const links = this.links.document(document);
    return links ? anchorFindings(links.code, links.path, links.anchors) : [];
  }

  /** Globs of an open record in force that match no file (once the first scan listed the files). */
  private recordFindings(document: vscode.TextDocument): Finding[] {
    const open = this.documents.record(document);
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
