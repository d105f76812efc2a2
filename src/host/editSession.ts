/**
 * The one writer of `WorkspaceEdit`s: every command that changes files plans against what the user
 * sees and applies here, as one undoable step.
 *
 * A record open in an editor is read from the document (unsaved changes included) and re-parsed
 * from that text; a closed one from the disk. Core plans edits as offsets into those texts; offsets
 * become positions with the document's `positionAt` (open) or a `LineIndex` of the disk text
 * (closed). After applying, files that had no unsaved changes before are saved (as adr-tools would
 * have written them); files with unsaved changes stay unsaved, with the edit on top.
 *
 * Quick fixes hand their edit to the editor instead of applying it: `quickFixEdit` builds it here
 * too, so that this module is the only one that makes a `WorkspaceEdit`.
 */
import * as vscode from 'vscode';
import { UserError } from '../core/errors';
import type { AdrRecord, EditPlan } from '../core/model';
import type { RecordText } from '../core/edit';
import type { Documents, SourcedText } from './documents';
import { openDocument } from './documents';
import { planPositions } from './planPositions';

export type { SourcedText } from './documents';

/** A record parsed from the text the user sees. */
export interface SourcedRecord extends RecordText {
  /** The open document it was read from, if any. */
  readonly document: vscode.TextDocument | undefined;
  /** The document's version when read. */
  readonly version: number | undefined;
}

/** Reads files for planning, each once, and applies plans made against them. */
export class EditSession {
  private readonly texts = new Map<string, SourcedText>();
  private readonly parsed = new Map<string, SourcedRecord>();

  constructor(private readonly documents: Documents) {}

  /** The text of any file (an index file, say) from its open document or the disk. */
  async text(path: string): Promise<SourcedText> {
    const known = this.texts.get(path);
    if (known) return known;
    const sourced = await this.documents.text(path);
    this.texts.set(path, sourced);
    return sourced;
  }

  /** The text of a file that may not exist yet (undefined then; a plan may create it). */
  async textIfAny(path: string): Promise<SourcedText | undefined> {
    if (this.texts.has(path)) return this.texts.get(path);
    if (!openDocument(path) && !(await this.documents.exists(path))) return undefined;
    return this.text(path);
  }

  /** `record` re-read and re-parsed (mode `full`) from its open document or from the disk. */
  async record(record: AdrRecord): Promise<SourcedRecord> {
    const known = this.parsed.get(record.path);
    if (known) return known;
    const { text, bom, document, version } = await this.text(record.path);
    const parsed = this.documents.parse(text, record.path, { collection: record.collection, bom: document ? record.bom : bom });
    const sourced: SourcedRecord = { record: parsed, text, document, version };
    this.parsed.set(record.path, sourced);
    return sourced;
  }

  /** Several records, in order. */
  records(records: readonly AdrRecord[]): Promise<SourcedRecord[]> {
    return Promise.all(records.map((r) => this.record(r)));
  }

  /** Adds `plan`'s text edits (to files read through this session) to `edit`. */
  private addPlan(plan: EditPlan, edit: vscode.WorkspaceEdit): vscode.WorkspaceEdit {
    const positions = planPositions(plan, (path) => {
      const s = this.texts.get(path);
      if (!s) return undefined;
      return s.document ? { text: s.text, positionAt: (o: number) => s.document!.positionAt(o) } : { text: s.text };
    });
    for (const [path, edits] of positions) {
      const uri = vscode.Uri.file(path);
      for (const e of edits) {
        edit.replace(uri, new vscode.Range(e.start.line, e.start.character, e.end.line, e.end.character), e.newText);
      }
    }
    for (const c of plan.creates) edit.createFile(vscode.Uri.file(c.path), { contents: new TextEncoder().encode(c.content), overwrite: false, ignoreIfExists: false });
    return edit;
  }

  /**
   * Applies `edit` as one undoable step. `touched` are the files it changes or creates (after any
   * rename; none: nothing to do); those that had no unsaved changes are saved afterwards. Refuses
   * when an open document changed since it was read.
   */
  private async apply(edit: vscode.WorkspaceEdit, touched: readonly { before: string; after?: string }[]): Promise<void> {
    // `edit.size` counts text edits only, not file operations: the caller says what it touches.
    if (touched.length === 0) return;
    for (const s of this.texts.values()) {
      if (s.document && (s.document.isClosed || s.document.version !== s.version)) {
        throw new UserError(`${s.path} changed while the command ran; nothing was changed. Please try again.`, s.path);
      }
    }
    const wasDirty = new Map(touched.map((t) => [t.after ?? t.before, openDocument(t.before)?.isDirty ?? false]));
    if (!(await vscode.workspace.applyEdit(edit))) {
      throw new UserError('The editor refused the change (a file changed or a target exists); nothing was changed.');
    }
    for (const [path, dirty] of wasDirty) {
      const doc = openDocument(path);
      if (doc && doc.isDirty && !dirty) await doc.save();
    }
  }

  /** Plans → one edit → applied; the files of every plan are the touched ones. */
  async applyPlans(...plans: EditPlan[]): Promise<void> {
    await this.applyPlan({ edits: plans.flatMap((p) => p.edits), creates: plans.flatMap((p) => p.creates) });
  }

  /**
   * `plan` as one edit, applied: its text edits, its creates (never overwriting), then `rename`
   * (a file the plan edits, renamed last, never overwriting).
   */
  async applyPlan(plan: EditPlan, rename?: FileRename): Promise<void> {
    const edit = this.addPlan(plan, new vscode.WorkspaceEdit());
    if (rename && rename.to !== rename.from) edit.renameFile(vscode.Uri.file(rename.from), vscode.Uri.file(rename.to), { overwrite: false });
    const edited = [...new Set(plan.edits.filter((e) => e.edits.length > 0 && e.path !== rename?.from).map((e) => e.path))];
    await this.apply(edit, [
      ...edited.map((before) => ({ before })),
      ...plan.creates.map((c) => ({ before: c.path })),
      ...(rename ? [{ before: rename.from, after: rename.to }] : []),
    ]);
  }
}

/** A file renamed by a plan, after its text edits. */
export interface FileRename {
  readonly from: string;
  readonly to: string;
}

/** One replacement in an open document (an insertion when the range is empty). */
export interface Replacement {
  readonly uri: vscode.Uri;
  readonly range: vscode.Range;
  readonly newText: string;
}

/** A quick fix's edit (the editor applies it): replacements, then an optional rename. */
export function quickFixEdit(replacements: readonly Replacement[], rename?: { readonly from: vscode.Uri; readonly to: vscode.Uri }): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const r of replacements) edit.replace(r.uri, r.range, r.newText);
  if (rename) edit.renameFile(rename.from, rename.to, { overwrite: false });
  return edit;
}
