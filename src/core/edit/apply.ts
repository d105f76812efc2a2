/**
 * Writing an `EditPlan` to disk, all or nothing:
 *
 * 1. Under a lock on every folder the plan writes to (unless the caller already holds them), each
 *    file is read, refused unless it decodes exactly as UTF-8, compared with the text the plan was
 *    made from, and edited in memory.
 * 2. Every target is checked: inside the allowed roots once symlinks are resolved, a regular file we
 *    may write, and for new files, absent.
 * 3. A move (rename) happens first; then every new text is staged beside its file (a temporary file
 *    with the file's mode). A failure in 1–3 writes nothing (a move is undone).
 * 4. Only then are the new files created and the staged texts renamed over their files.
 *
 * A BOM is kept; line breaks are whatever the edits and the file hold. Every refusal is a
 * `UserError` with a one-line message naming the file.
 */
import { FileExistsError, UserError } from '../errors';
import type { EditPlan, TextEdit } from '../model';
import { dirname, isInside, normalize } from '../paths';
import type { FileSystem, ReleaseLock, StagedWrite } from '../ports';
import { applyEdits, decodeForEdit, encodeText, MAX_RECORD_BYTES } from '../text';

/** A file the plan renames; its edits (keyed by `from`) apply to it. */
export interface PlannedMove {
  readonly from: string;
  readonly to: string;
}

/** How to apply a plan. */
export interface ApplyOptions {
  /**
   * The text each file had when the plan was made (BOM excluded). A file that reads otherwise now is
   * refused with a `UserError` and nothing is written. Files not in the map are not checked.
   */
  readonly basis?: ReadonlyMap<string, string>;
  /**
   * Folders every write must stay inside once symlinks are resolved (the repository, plus folders
   * the user named explicitly). A record that is a symlink to a file elsewhere is refused. Absent:
   * anywhere.
   */
  readonly confine?: readonly string[];
  /** A rename that is part of the plan (never replacing a file). */
  readonly move?: PlannedMove;
  /**
   * The caller already holds the locks of the folders the plan writes to (it read the files under
   * them): `applyPlan` takes none. Otherwise it locks the folders itself for the whole apply.
   */
  readonly locked?: boolean;
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
  if (options.locked) return applyLocked(fs, plan, options);
  const folders = [...plan.edits.map((e) => e.path), ...plan.creates.map((c) => c.path), ...(options.move ? [options.move.from, options.move.to] : [])].map(dirname);
  const release = await lockFolders(fs, folders);
  try {
    return await applyLocked(fs, plan, options);
  } finally {
    await release();
  }
}

/**
 * Locks `folders` (deduplicated, in path order, so two processes can never wait for each other)
 * and returns one function releasing them all. Folders that do not exist are skipped.
 */
export async function lockFolders(fs: FileSystem, folders: readonly string[]): Promise<ReleaseLock> {
  const held: ReleaseLock[] = [];
  const releaseAll: ReleaseLock = async () => {
    for (const r of held.reverse()) await r();
    held.length = 0;
  };
  try {
    for (const folder of [...new Set(folders.map(normalize))].sort()) {
      if ((await fs.stat(folder))?.kind !== 'directory') continue;
      held.push(await fs.lock(folder));
    }
  } catch (e) {
    await releaseAll();
    throw e;
  }
  return releaseAll;
}

async function applyLocked(fs: FileSystem, plan: EditPlan, options: ApplyOptions): Promise<ApplyResult> {
  // Several FileEdits for one path are offsets into the same text: apply them together.
  const byPath = new Map<string, TextEdit[]>();
  for (const f of plan.edits) byPath.set(f.path, [...(byPath.get(f.path) ?? []), ...f.edits]);
  const move = options.move && options.move.from !== options.move.to ? options.move : undefined;

  // 1. Read, check and edit everything in memory.
  const writes: { path: string; data: Uint8Array }[] = [];
  for (const [path, edits] of byPath) {
    if (edits.length === 0) continue;
    const { text, bom } = decodeForEdit(await fs.readFile(path, { maxBytes: MAX_RECORD_BYTES }), path);
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

  // 2. Check every target before changing any.
  const roots = options.confine;
  const targets = [...writes.map((w) => w.path), ...plan.creates.map((c) => c.path), ...(move ? [move.from, move.to] : [])];
  if (roots) for (const t of targets) await requireInside(fs, t, roots);
  for (const c of plan.creates) {
    if (await fs.stat(c.path)) throw new FileExistsError(c.path);
  }
  if (move && (await fs.stat(move.to))) throw new FileExistsError(move.to);

  // 3. The move, then every write staged (nothing visible yet but the move, undone on failure).
  if (move) await fs.rename(move.from, move.to);
  const staged: StagedWrite[] = [];
  const created: string[] = [];
  try {
    for (const w of writes) staged.push(await fs.stageWrite(move && w.path === move.from ? move.to : w.path, w.data));
    // 4. New files (exclusive create), then the staged texts.
    for (const c of plan.creates) {
      await fs.mkdir(dirname(c.path));
      await fs.createFile(c.path, encodeText(c.content, false));
      created.push(c.path);
    }
  } catch (e) {
    for (const s of staged) await s.discard();
    if (move) await fs.rename(move.to, move.from).catch(() => undefined);
    if (created.length > 0) throw new UserError(`${(e as Error).message} (created before the failure: ${created.join(', ')})`);
    throw e;
  }
  const written: string[] = [];
  try {
    for (const s of staged) {
      await s.commit();
      written.push(s.path);
    }
  } catch (e) {
    // Only a rename within one folder can fail here (the disk went away): say what was written.
    const message = e instanceof Error ? e.message : String(e);
    throw new UserError(written.length > 0 ? `${message}; already written: ${written.join(', ')}` : message);
  } finally {
    for (const s of staged) await s.discard();
  }
  return { written: writes.map((w) => w.path), created };
}

/** Refuses (a `UserError`) a target whose real path (symlinks resolved) is outside every root. */
export async function requireInside(fs: FileSystem, path: string, roots: readonly string[]): Promise<void> {
  roots = await Promise.all(roots.map((r) => fs.realPath(normalize(r))));
  const real = await fs.realPath(path);
  if (roots.some((r) => real === r || isInside(r, real))) return;
  const via = real !== normalize(path) ? `a symlink to ${real}, ` : '';
  throw new UserError(`${path}: ${via}outside the repository (${roots.join(', ')}); nothing was written`, path);
}
