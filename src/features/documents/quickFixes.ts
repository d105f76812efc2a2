/**
 * Quick fixes for lint findings where the fix is obvious: write the missing half of a relation, and
 * renumber a record whose number another record already has.
 */
import * as vscode from 'vscode';
import type { AdrRecord, RelationType } from '../../core/model';
import { addRelation, subjectOf, verbFor } from '../../core/edit';
import { renumberedFileName } from '../../core/naming';
import { basename, dirname, join, resolve } from '../../core/paths';
import { LineIndex } from '../../core/text';
import { RULES } from '../../core/lint';
import type { DiagnosticsPublisher } from '../../host/diagnostics';
import type { Documents } from '../../host/documents';
import { quickFixEdit, type Replacement } from '../../host/editSession';

export class AdrQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly documents: Documents, private readonly diagnostics: DiagnosticsPublisher) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const open = this.documents.record(document);
    if (!open) return [];
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      const finding = this.diagnostics.findingOf(d);
      if (!finding) continue;
      if (d.code === RULES.asymmetricRelation.id && finding.data) {
        const other = open.index.get(String(finding.data.other));
        const type = finding.data.relation as Exclude<RelationType, 'custom'>;
        if (other) actions.push(await this.addReverse(document, open.record, open.text, other, type, d));
      } else if (d.code === RULES.duplicateNumber.id) {
        const action = await this.renumber(document, open.record, open.index.records(open.record.collection), d);
        if (action) actions.push(action);
      }
    }
    return actions;
  }

  private async addReverse(document: vscode.TextDocument, record: AdrRecord, text: string, other: AdrRecord, type: Exclude<RelationType, 'custom'>, d: vscode.Diagnostic): Promise<vscode.CodeAction> {
    const verb = verbFor(type, record.dialect);
    const action = new vscode.CodeAction(`Add "${verb} ${other.id}"`, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [d];
    action.isPreferred = true;
    const otherText = (await this.documents.text(other.path)).text;
    const otherRecord = this.documents.parse(otherText, other.path);
    const edits = addRelation({ record, text }, verb, subjectOf({ record: otherRecord, text: otherText }));
    action.edit = quickFixEdit(edits.map((e) => ({ uri: document.uri, range: new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), newText: e.newText })));
    return action;
  }

  private async renumber(document: vscode.TextDocument, record: AdrRecord, siblings: readonly AdrRecord[], d: vscode.Diagnostic): Promise<vscode.CodeAction | undefined> {
    if (record.number === null || !record.numberText) return undefined;
    const next = Math.max(...siblings.map((r) => r.number ?? -1)) + 1;
    const name = basename(record.path);
    const newName = renumberedFileName(name, next);
    const newPath = join(dirname(record.path), newName);
    const action = new vscode.CodeAction(`Renumber to ${next} (${newName})`, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [d];
    const replacements: Replacement[] = [];
    // "# 7. Title" → "# 12. Title": only when the heading carries the number.
    const t = record.titleField;
    if (t) {
      const head = document.getText(new vscode.Range(document.positionAt(t.lineSpan.start), document.positionAt(t.span.start)));
      const m = new RegExp(`^(#\\s*)0*${record.number}(\\.\\s)`).exec(head);
      if (m) replacements.push({ uri: document.uri, range: new vscode.Range(document.positionAt(t.lineSpan.start + m[1]!.length), document.positionAt(t.lineSpan.start + m[0].length - m[2]!.length)), newText: String(next) });
    }
    // Links from the other records of the collection to this file follow the rename.
    for (const other of siblings) {
      for (const link of other.links) {
        const file = link.href.replace(/#.*$/, '');
        if (resolve(dirname(other.path), decodeURIComponent(file)) !== record.path) continue;
        const start = link.hrefSpan.start + link.href.lastIndexOf(name);
        if (start < link.hrefSpan.start) continue;
        const lines = new LineIndex((await this.documents.text(other.path)).text);
        const pos = (o: number) => { const p = lines.positionAt(o); return new vscode.Position(p.line, p.character); };
        replacements.push({ uri: vscode.Uri.file(other.path), range: new vscode.Range(pos(start), pos(start + name.length)), newText: newName });
      }
    }
    action.edit = quickFixEdit(replacements, { from: document.uri, to: vscode.Uri.file(newPath) });
    return action;
  }
}
