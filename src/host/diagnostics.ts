/**
 * The one diagnostics publisher: core findings become diagnostics in a named collection, with one
 * severity table for the whole extension, the rule id as code, and the finding kept beside each
 * diagnostic for quick fixes.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/model';
import { LINK_RULES } from '../core/links';
import type { LinePosition } from './planPositions';

const BY_LEVEL: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * Rules shown at another level in the editor than the CLI reports them: an ambiguous anchor is an
 * error where it is typed (it leads nowhere), a rejected or deprecated record named from code a
 * warning (it should be looked at, not only listed).
 */
const IN_EDITOR: Readonly<Record<string, vscode.DiagnosticSeverity>> = {
  [LINK_RULES.anchorAmbiguous.id]: vscode.DiagnosticSeverity.Error,
  [LINK_RULES.anchorInactive.id]: vscode.DiagnosticSeverity.Warning,
};

/** The severity a finding is shown with. */
export function severityOf(f: Pick<Finding, 'rule' | 'severity'>): vscode.DiagnosticSeverity {
  return IN_EDITOR[f.rule] ?? BY_LEVEL[f.severity] ?? vscode.DiagnosticSeverity.Warning;
}

/** Offsets of the text a finding came from, as positions. */
export type PositionsOf = (offset: number) => LinePosition;

export class DiagnosticsPublisher implements vscode.Disposable {
  readonly collection: vscode.DiagnosticCollection;
  private readonly findings = new WeakMap<vscode.Diagnostic, Finding>();

  /** `name`: the collection; `source`: shown beside each message (`ADR`, `ADR links`). */
  constructor(name: string, readonly source: string) {
    this.collection = vscode.languages.createDiagnosticCollection(name);
  }

  /** A diagnostic for one finding, positions from `at`. */
  diagnostic(f: Finding, at: PositionsOf): vscode.Diagnostic {
    const start = at(f.span.start);
    const end = at(Math.max(f.span.end, f.span.start));
    const d = new vscode.Diagnostic(new vscode.Range(start.line, start.character, end.line, end.character), f.message, severityOf(f));
    d.code = f.rule;
    d.source = this.source;
    this.findings.set(d, f);
    return d;
  }

  /** Shows `findings` for a file (none: clears it); resolves with the diagnostics shown. */
  publish(uri: vscode.Uri, findings: readonly Finding[], at: PositionsOf): vscode.Diagnostic[] {
    const diagnostics = findings.map((f) => this.diagnostic(f, at));
    if (diagnostics.length > 0) this.collection.set(uri, diagnostics);
    else this.collection.delete(uri);
    return diagnostics;
  }

  /** Replaces everything shown with these files' findings. */
  publishAll(entries: readonly (readonly [vscode.Uri, readonly Finding[], PositionsOf])[]): void {
    this.collection.clear();
    this.collection.set(entries.map(([uri, list, at]) => [uri, list.map((f) => this.diagnostic(f, at))]));
  }

  /** The finding behind a diagnostic this publisher made (for quick fixes). */
  findingOf(d: vscode.Diagnostic): Finding | undefined {
    return d.source === this.source ? this.findings.get(d) : undefined;
  }

  delete(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    this.collection.dispose();
  }
}

/** Positions of an open document's offsets. */
export function documentPositions(document: vscode.TextDocument): PositionsOf {
  return (o) => document.positionAt(o);
}
