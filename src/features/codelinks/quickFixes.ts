/**
 * Quick fixes for anchor diagnostics: point an anchor at the record that superseded the one it
 * names (core's fix, padding kept), and make an ambiguous anchor name one collection by prefixing
 * it with a collection hint (`payments/ADR-7`), one action per candidate.
 */
import * as vscode from 'vscode';
import type { Finding } from '../../core/model';
import { LINK_RULES, type LocatedAnchor } from '../../core/links';
import type { CodeLinks } from './codeLinks';
import type { DiagnosticsPublisher } from '../../host/diagnostics';
import { quickFixEdit, type Replacement } from '../../host/editSession';
import { anchorRange, shortLabel } from './present';

export class AnchorQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly links: CodeLinks, private readonly diagnostics: DiagnosticsPublisher) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      const finding = this.diagnostics.findingOf(d);
      if (!finding) continue;
      if (finding.fix) actions.push(this.fromPlan(document, finding, d));
      else if (d.code === LINK_RULES.anchorAmbiguous.id) actions.push(...this.disambiguate(document, d));
    }
    return actions;
  }

  /** Core's fix (edits of this document, in offsets of the text the finding came from). */
  private fromPlan(document: vscode.TextDocument, finding: Finding, d: vscode.Diagnostic): vscode.CodeAction {
    const fix = finding.fix!;
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [d];
    action.isPreferred = true;
    const replacements: Replacement[] = [];
    for (const file of fix.plan.edits) {
      for (const e of file.edits) replacements.push({ uri: document.uri, range: new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), newText: e.newText });
    }
    action.edit = quickFixEdit(replacements);
    return action;
  }

  private disambiguate(document: vscode.TextDocument, d: vscode.Diagnostic): vscode.CodeAction[] {
    const links = this.links.document(document);
    const anchor = links?.anchors.find((a) => anchorRange(a).isEqual(d.range));
    if (!links || !anchor || !canTakeHint(anchor)) return [];
    const r = links.code.resolver.resolve(anchor.ref, links.path);
    if (r.kind !== 'ambiguous') return [];
    const actions: vscode.CodeAction[] = [];
    const done = new Set<string>();
    for (const c of r.candidates) {
      const hint = links.code.resolver.hintFor(c.collection, links.path);
      if (done.has(hint)) continue;
      done.add(hint);
      // Only offer what resolves to that one record from here.
      const check = links.code.resolver.resolve({ ...anchor.ref, collection: hint }, links.path);
      if (check.kind !== 'resolved' || check.record.path !== c.path) continue;
      const action = new vscode.CodeAction(`Name ${shortLabel(c)} (${hint}/${anchor.text})`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [d];
      const at = anchorRange(anchor).start;
      action.edit = quickFixEdit([{ uri: document.uri, range: new vscode.Range(at, at), newText: `${hint}/` }]);
      actions.push(action);
    }
    return actions;
  }
}

/** `ADR-7` without a collection takes a `hint/` prefix; other forms (links, tags, prefixes) do not. */
function canTakeHint(a: LocatedAnchor): boolean {
  return a.pattern === 'adr-number' && a.ref.collection === undefined && a.ref.number !== undefined;
}
