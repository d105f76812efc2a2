/**
 * An `EditPlan`'s offsets as line/character positions, per file, against the text each file had when
 * the plan was made. No vscode import (unit-tested in plain Node); `editSession.ts` turns the
 * result into a `vscode.WorkspaceEdit`.
 */
import { UserError } from '../core/errors';
import type { EditPlan, TextEdit } from '../core/model';
import { LineIndex } from '../core/text';

export interface LinePosition {
  readonly line: number;
  readonly character: number;
}

export interface LineEdit {
  readonly start: LinePosition;
  readonly end: LinePosition;
  readonly newText: string;
}

/** Maps offsets of one text to positions; an open document's `positionAt` or a `LineIndex`. */
export type PositionAt = (offset: number) => LinePosition;

/** `LineIndex` positions of `text`. */
export function positionsOf(text: string): PositionAt {
  const index = new LineIndex(text);
  return (offset) => index.positionAt(offset);
}

/** The edits of one file as positions; edits outside the text are a planner bug. */
export function lineEdits(length: number, edits: readonly TextEdit[], at: PositionAt): LineEdit[] {
  return [...edits]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((e) => {
      if (e.start < 0 || e.end < e.start || e.end > length) throw new Error(`edit [${e.start}, ${e.end}) outside a text of ${length}`);
      return { start: at(e.start), end: at(e.end), newText: e.newText };
    });
}

/**
 * Every file's edits of `plan` as positions. `basis(path)` gives the text the plan was made against
 * (and how to map its offsets); a file the plan edits without a basis is refused.
 */
export function planPositions(plan: EditPlan, basis: (path: string) => { text: string; positionAt?: PositionAt } | undefined): Map<string, LineEdit[]> {
  const out = new Map<string, LineEdit[]>();
  for (const f of plan.edits) {
    if (f.edits.length === 0) continue;
    const b = basis(f.path);
    if (!b) throw new UserError(`${f.path}: not read before planning; nothing was changed`, f.path);
    out.set(f.path, [...(out.get(f.path) ?? []), ...lineEdits(b.text.length, f.edits, b.positionAt ?? positionsOf(b.text))]);
  }
  return out;
}
