/**
 * Commands of the code ↔ decision links: open the record(s) a lens names, Link Selection to
 * Decision… (an anchor comment above the selection, in the file's comment syntax), Record Decision
 * from Selection… (New Decision, then the selection quoted in its context and the file in its
 * `governs`), and Find Code References (from the Decisions tree or the palette).
 */
import * as vscode from 'vscode';
import type { AdrRecord } from '../../core/model';
import { UserError } from '../../core/errors';
import { addGovernsEdits } from '../../core/edit/governs';
import { relative, toPosix } from '../../core/paths';
import type { CodeIndex, CommentSyntax } from '../../core/links';
import type { NewDecision, NewDecisionArgs } from '../../host/contracts';
import type { DecisionWorkspace } from '../../host/decisionWorkspace';
import { pickRecord, recordItems, recordToActOn } from '../../host/pickers';
import { answered, type Prompter } from '../../host/prompter';
import { findRecord, type RecordRef } from '../../host/targets';
import type { CodeLinks } from './codeLinks';
import { referenceLocations } from './navigation';

export interface LinkSelectionArgs {
  /** The record to link to (asked when absent). */
  readonly record?: RecordRef;
}

/** Opens one record, or asks which of several. */
export async function openRecords(workspace: DecisionWorkspace, prompter: Prompter, paths: readonly string[]): Promise<vscode.Uri | undefined> {
  const records = paths.map((p) => workspace.locate(p)?.record).filter((r): r is AdrRecord => r !== undefined);
  if (records.length === 0) return undefined;
  const record = records.length === 1 ? records[0]! : answered(await prompter.pick(recordItems(workspace, records), { title: vscode.l10n.t('Open Decision'), placeholder: vscode.l10n.t('Which decision?') }));
  const uri = vscode.Uri.file(record.path);
  await vscode.window.showTextDocument(uri);
  return uri;
}

/** Inserts an anchor comment naming a record above the selection; resolves with the anchor text. */
export async function linkSelection(workspace: DecisionWorkspace, links: CodeLinks, prompter: Prompter, args: LinkSelectionArgs): Promise<string> {
  const editor = activeFileEditor();
  const path = toPosix(editor.document.uri.fsPath);
  const code = links.codeFor(path);
  if (!code) throw new UserError('This file is not in a workspace folder with decision records.');
  const syntax = code.syntaxFor(path, editor.document.languageId);
  if (!syntax) throw new UserError(`ADR Workbench does not know the comment syntax of ${editor.document.languageId} files.`);
  const record = args.record !== undefined
    ? findRecord(workspace, args.record).record
    : answered(await pickRecord(workspace, prompter, { title: vscode.l10n.t('Link Selection to Decision') }));
  const anchor = anchorFor(code, path, record);
  const line = editor.document.lineAt(editor.selection.start.line);
  const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
  const eol = editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const ok = await editor.edit((b) => b.insert(new vscode.Position(line.lineNumber, 0), `${indent}${comment(syntax, `${anchor}: ${record.title}`)}${eol}`));
  if (!ok) throw new UserError('The editor did not accept the change (is it read-only?).');
  return anchor;
}

/** The shortest anchor that names `record` alone from `path`. */
function anchorFor(code: CodeIndex, path: string, record: AdrRecord): string {
  const candidates: string[] = [];
  if (record.number !== null) {
    const n = record.numberText ?? String(record.number);
    candidates.push(`ADR-${n}`, `${code.resolver.hintFor(record.collection, path)}/ADR-${n}`);
  }
  candidates.push(`@adr ${record.id}`);
  for (const text of candidates) {
    const found = code.matcher.find(`// ${text}`, { id: 'c', line: ['//'], block: [], strings: [] })[0];
    const r = found && code.resolver.resolve(found.ref, path);
    if (r && r.kind === 'resolved' && r.record.path === record.path) return text;
  }
  return `@adr ${record.id}`;
}

function comment(syntax: CommentSyntax, text: string): string {
  if (syntax.line.length > 0) return `${syntax.line[0]} ${text}`;
  const block = syntax.block.find((b) => !b.atLineStart);
  if (block) return `${block.open} ${text} ${block.close}`;
  return `<!-- ${text} -->`;
}

/**
 * Record Decision from Selection…: New Decision (its questions, or `args`) with the selection quoted
 * at the top of the new record's Context and the file in its `governs`, written once, finished.
 */
export async function recordFromSelection(newDecision: NewDecision, args: NewDecisionArgs): Promise<vscode.Uri | undefined> {
  const editor = activeFileEditor();
  const doc = editor.document;
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  if (!folder) throw new UserError('This file is not in a workspace folder.');
  const sel = editor.selection.isEmpty ? doc.lineAt(editor.selection.start.line).range : editor.selection;
  const quoted = doc.getText(sel).replace(/\s+$/, '');
  const rel = relative(toPosix(folder.uri.fsPath), toPosix(doc.uri.fsPath));
  const endLine = sel.end.character === 0 && sel.end.line > sel.start.line ? sel.end.line - 1 : sel.end.line;
  const lines = endLine > sel.start.line ? `lines ${sel.start.line + 1}–${endLine + 1}` : `line ${sel.start.line + 1}`;
  const languageId = doc.languageId;
  const uri = await newDecision({ ...args, open: false }, {
    finish: (record, text) => {
      const eol = record.eol;
      const fence = quoted.includes('```') ? '~~~~' : '```';
      const quote = `${eol}From \`${rel}\` (${lines}):${eol}${eol}${fence}${languageId}${eol}${quoted}${eol}${fence}${eol}`;
      const context = record.sections.find((s) => /^context/i.test(s.heading.trim()));
      const at = context ? context.bodySpan.start : record.titleField?.lineSpan.end ?? text.length;
      return [...addGovernsEdits(record, text, [rel]), { start: at, end: at, newText: quote }];
    },
  });
  if (!uri) return undefined;
  if (args.open !== false) await vscode.window.showTextDocument(uri);
  return uri;
}

/** Find Code References: every anchor naming the record and every file it governs, in the references view. */
export async function findCodeReferences(workspace: DecisionWorkspace, links: CodeLinks, prompter: Prompter, ref: RecordRef | undefined): Promise<vscode.Location[]> {
  const record = await recordToActOn(workspace, prompter, ref, vscode.l10n.t('Find Code References'));
  await links.ready();
  const locations = referenceLocations(links, workspace.locate(record.path)?.record ?? record) ?? [];
  if (locations.length === 0) {
    void prompter.notify('info', vscode.l10n.t('No code names or is governed by "{0}".', record.title));
    return locations;
  }
  await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.file(record.path), new vscode.Position(0, 0), locations);
  return locations;
}

function activeFileEditor(): vscode.TextEditor {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme !== 'file') throw new UserError('Open a file first: this command works on the selection of the active editor.');
  return editor;
}
