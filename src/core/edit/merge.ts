/**
 * Several edits planned against one file. Each edit function sees the record as parsed, so two
 * operations on the same file are applied one after the other (re-parsing in between) and the result
 * is expressed as one edit over the original text.
 */
import type { CollectionDialect, FileEdit, TextEdit } from '../model';
import { parseRecord } from '../parse/record';
import { applyEdits } from '../text';
import type { RecordText } from './labels';

/** One edit function to run against a record (re-parsed after earlier ops on the same file). */
export interface PlannedOp {
  readonly target: RecordText;
  readonly edit: (target: RecordText) => TextEdit[];
}

/** The `FileEdit`s of `ops`, one per file; empty ones are dropped. */
export function mergeSequential(ops: readonly PlannedOp[], collectionDialect?: CollectionDialect): FileEdit[] {
  const byPath = new Map<string, PlannedOp[]>();
  for (const op of ops) {
    const list = byPath.get(op.target.record.path) ?? [];
    list.push(op);
    byPath.set(op.target.record.path, list);
  }
  const out: FileEdit[] = [];
  for (const [path, list] of byPath) {
    const first = list[0]!.target;
    let current = first;
    let edits: TextEdit[] = [];
    for (const [i, op] of list.entries()) {
      const step = op.edit(current);
      if (list.length === 1) {
        edits = step;
        break;
      }
      const text = applyEdits(current.text, step);
      if (i < list.length - 1) {
        const record = parseRecord(text, { path, collection: first.record.collection, collectionDialect, bom: first.record.bom });
        current = { record, text };
      } else {
        current = { record: current.record, text };
      }
    }
    if (list.length > 1) edits = diffEdit(first.text, current.text);
    if (edits.length > 0) out.push({ path, edits });
  }
  return out;
}

/** One edit turning `a` into `b` (the differing middle), or none when they are equal. */
export function diffEdit(a: string, b: string): TextEdit[] {
  if (a === b) return [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return [{ start, end: endA, newText: b.slice(start, endB) }];
}
