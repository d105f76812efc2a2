/**
 * Writing an `EditPlan` to disk. All or nothing as far as we can check: every file is read and every
 * edit applied in memory first; only when all fit (and no file changed since the plan was made, when
 * the caller says what each file held) is anything written. Files to create never overwrite one.
 * A BOM is kept; line breaks are whatever the edits and the file hold.
 */
import { FileExistsError, UserError } from '../errors';
import type { EditPlan, TextEdit } from '../model';
import { dirname } from '../paths';
import type { FileSystem } from '../ports';
import { applyEdits, decodeText, encodeText } from '../text';

/** How to apply a plan. */
export interface ApplyOptions {
  /**
   * The text each file had when the plan was made (BOM excluded). A file that reads otherwise now is
   * refused with a `UserError` and nothing is written. Files not in the map are not checked.
   */
  readonly basis?: ReadonlyMap<string, string>;
}

/** What `applyPlan` wrote. */
export interface ApplyResult {
  /** Existing files whose text changed. */
  readonly written: readonly string[];
  /** New files. */
  readonly created: readonly string[];
}

/** Applies `plan`: see the file comment for the guarantees. */
export async function applyPlan(fs: FileSystem, plan: EditPlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  // Several FileEdits for one path are offsets into the same text: apply them together.
  const byPath = new Map<string, TextEdit[]>();
  for (const f of plan.edits) byPath.set(f.path, [...(byPath.get(f.path) ?? []), ...f.edits]);

  const writes: { path: string; data: Uint8Array }[] = [];
  for (const [path, edits] of byPath) {
    if (edits.length === 0) continue;
    const { text, bom } = decodeText(await fs.readFile(path), path);
    const expected = options.basis?.get(path);
    if (expected !== undefined && expected !== text) {
      throw new UserError(`${path}: changed since it was read; nothing was written`, path);
    }
    let next: string;
    try {
      next = applyEdits(text, edits);
    } catch {
      throw new UserError(`${path}: the planned edits no longer fit the file; nothing was written`, path);
    }
    if (next !== text) writes.push({ path, data: encodeText(next, bom) });
  }
  for (const c of plan.creates) {
    if (await fs.stat(c.path)) throw new FileExistsError(c.path);
  }

  for (const w of writes) await fs.writeFile(w.path, w.data);
  const created: string[] = [];
  for (const c of plan.creates) {
    await fs.mkdir(dirname(c.path));
    await fs.createFile(c.path, encodeText(c.content, false));
    created.push(c.path);
  }
  return { written: writes.map((w) => w.path), created };
}
