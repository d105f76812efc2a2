/**
 * Plumbing of the commands that write: which collection a command writes to, reading records with
 * their text under the collections' locks, applying plans (all or nothing, confined to the
 * repository, refusing files that changed meanwhile), and the editor.
 */
import type { AdrRecord, Collection, CollectionDialect, EditPlan } from '../core/model';
import type { AdrIndex } from '../core/index';
import { discover, findAdrDirUpwards, listRecordFiles } from '../core/discovery';
import { describeCollection, type FolderListing } from '../core/discovery/layout';
import { listByName } from '../core/discovery/walk';
import { applyPlan, type ApplyResult, type RecordText } from '../core/edit';
import { lockFolders, requireInside, type PlannedMove } from '../core/edit/apply';
import { findRepoRoot } from '../core/links/ignore';
import { TEMPLATE_KINDS, type TemplateKind } from '../core/templates';
import { scannedPattern, summaryOf, type NamingPattern } from '../core/naming/pattern';
import { rememberNewest } from '../core/naming/fileName';
import { decodeForEdit, MAX_RECORD_BYTES } from '../core/text';
import { dirname, isInside, resolve } from '../core/paths';
import type { DirectoryEntry, ReleaseLock } from '../core/ports';
import { UserError } from '../core/errors';
import { UsageError } from './args';
import type { CliIO } from './io';
import { rel } from './workspace';

/** A built-in template kind a user may name (`madr` is short for `madr-full`). */
export type BuiltinKind = Exclude<TemplateKind, 'custom'>;

/** Reads a `--template KIND` value. */
export function templateKind(command: string, value: string | undefined): BuiltinKind | undefined {
  if (value === undefined) return undefined;
  const kind = value === 'madr' ? 'madr-full' : value;
  if (kind === 'custom' || !TEMPLATE_KINDS.includes(kind as TemplateKind)) {
    const names = TEMPLATE_KINDS.filter((k) => k !== 'custom').join(', ');
    throw new UsageError(`${command}: unknown template "${value}" (one of ${names}, or madr for madr-full)`, command);
  }
  return kind as BuiltinKind;
}

/** The collection dialect a template kind writes. */
export function dialectOfKind(kind: BuiltinKind): CollectionDialect {
  if (kind === 'log4brains') return 'log4brains';
  return kind === 'nygard' ? 'adr-tools' : 'madr';
}

/** The collection a command works on, the index it was found in, and whether adr-tools rules apply. */
export interface Target {
  readonly collection: Collection;
  /** Every record from here down (and the collection's), read on first call: only -s/-l need it. */
  readonly index: () => Promise<AdrIndex>;
  /** An adr-tools collection: new records are "Accepted", as `adr new` writes them. */
  readonly adrTools: boolean;
  /** The collection's folder as it was just listed (`new` numbers from it instead of listing again). */
  readonly listing?: readonly DirectoryEntry[];
  /** The naming pattern of `listing`'s records (`inferNamingPattern`), as describing the collection found it. */
  readonly pattern?: NamingPattern;
  /**
   * With `lock`: the collection folder's lock, held since before `listing` was read, with the
   * folder's mtime read then (`listedAt`); the caller releases it once the record is created.
   */
  readonly release?: ReleaseLock;
  readonly listedAt?: number;
}

/** How to choose the collection. */
export interface TargetOptions {
  /** `--collection PATH`. */
  readonly collection?: string;
  /** `--template KIND`: shapes a collection that has no records yet. */
  readonly kind?: BuiltinKind;
  /** With no collection anywhere: adr-tools' `doc/adr` (true) or a usage error. */
  readonly createDefault: boolean;
  /**
   * Lock the adr-tools folder before listing it (`new` without -s/-l: the record is numbered from
   * this listing under this lock, see core/edit/create.ts). The lock is in `Target.release`.
   */
  readonly lock?: boolean;
}

function extraFolders(io: CliIO): string[] {
  return io.env.ADRW_EXTRA_FOLDERS ? io.env.ADRW_EXTRA_FOLDERS.split(':').filter(Boolean) : [];
}

/**
 * The collection to write to: `--collection PATH`; else the adr-tools folder, found walking up as
 * adr-tools does; else the only collection from here down; else a usage error listing them. With no
 * collection at all, adr-tools' default `doc/adr` here (created by the first record).
 */
export async function chooseCollection(io: CliIO, command: string, options: TargetOptions): Promise<Target> {
  const loc = await findAdrDirUpwards(io.fs, io.cwd);
  let path: string | undefined;
  if (options.collection !== undefined) {
    path = resolve(io.cwd, options.collection);
    explicitFolders(io).push(path);
  } else if (loc.found !== 'default') path = loc.path;
  // The adr-tools folder is described from its own listing (no walk, no record read but the few
  // dialect sniffing looks at); anything else is found by discovery, which reads no record either.
  // For `new`, listed under the folder's lock, its mtime read first.
  let release: ReleaseLock | undefined;
  let listedAt: number | undefined;
  if (path && options.collection === undefined && options.lock && (await io.fs.stat(path))?.kind === 'directory') {
    release = await io.fs.lock(path);
    listedAt = (await io.fs.stat(path))?.mtime;
  }
  try {
    return await described(io, command, options, loc, path, release, listedAt);
  } catch (e) {
    await release?.();
    throw e;
  }
}

async function described(
  io: CliIO,
  command: string,
  options: TargetOptions,
  loc: Awaited<ReturnType<typeof findAdrDirUpwards>>,
  path: string | undefined,
  release: ReleaseLock | undefined,
  listedAt: number | undefined,
): Promise<Target> {
  const listing = path && options.collection === undefined ? await listByName(io.fs, path) : undefined;
  // The folder as listed here, handed to `new` so that numbering does not list it again.
  let names = listing;
  let collection = listing && path
    ? await describeCollection(io.fs, path, loc.found === '.adr-dir' ? '.adr-dir' : 'convention', rel(io, path), listing)
    : undefined;
  if (!collection) {
    const found = await discover(io.fs, io.cwd, { extraFolders: [...extraFolders(io), ...(path ? [path] : [])] });
    const collections = found.collections;
    collection = path ? collections.find((c) => c.path === path) : undefined;
    if (!collection) {
      if (collections.length > 1) {
        const names = collections.map((c) => rel(io, c.path)).join(', ');
        throw new UsageError(`${command}: several collections here (${names}); choose one with --collection PATH`, command);
      }
      collection = collections[0];
    }
    names = collection ? found.listings?.get(collection.path) : undefined;
  }
  if (!collection) {
    if (!options.createDefault) throw new UsageError(`${command}: no ADR collection here or above (run "adr-workbench init")`, command);
    collection = { path: loc.path, dialect: 'adr-tools', source: 'convention', name: rel(io, loc.path), padding: 4, naming: 'number', firstNumber: 1 };
  }
  if (options.collection === undefined) await requireWritable(io, command, collection.path);
  if (options.kind && (await listRecordFiles(io.fs, collection)).length === 0) collection = shapedFor(collection, options.kind);
  const upward = collection.path === loc.path;
  const nygard = options.kind === undefined || options.kind === 'nygard';
  const adrTools = nygard && (collection.dialect === 'adr-tools' || (upward && collection.dialect === 'generic'));
  const chosen = collection;
  let built: Promise<AdrIndex> | undefined;
  const index = (): Promise<AdrIndex> => (built ??= import('../core/index').then(async ({ AdrIndex }) => {
    const all = await AdrIndex.build(io.fs, io.cwd, { extraFolders: [...extraFolders(io), chosen.path] });
    return all.collection(chosen.path) ? all : AdrIndex.build(io.fs, chosen.path, {});
  }));
  // The files' pattern is the listing's when no folder can count as a record or a template (only
  // `*.md` names do); describing the collection already scanned these very files.
  const pattern = names && !names.folders.some((f) => MD.test(f)) ? scannedPattern(names.files) : undefined;
  // With the pattern known, the order of the entries no longer matters: the port's own will do.
  const listed = names ? (pattern && names.entries ? names.entries : entriesOf(names)) : undefined;
  // The newest records (the siblings a new record is shaped like) as summarising the files found them.
  const summary = names ? summaryOf(names.files) : undefined;
  if (listed && summary) rememberNewest(listed, summary.newest);
  // The lock is of use only when the record is numbered from the listing read under it.
  const locked = release !== undefined && listed !== undefined && collection.path === path;
  if (release && !locked) await release();
  return {
    collection,
    index,
    adrTools,
    ...(listed ? { listing: listed } : {}),
    ...(pattern ? { pattern } : {}),
    ...(locked ? { release, ...(listedAt !== undefined ? { listedAt } : {}) } : {}),
  };
}

const MD = /\.md$/i;

/** A folder listing as the port's entries again (files and folders; nothing else is numbered). */
function entriesOf(l: FolderListing): DirectoryEntry[] {
  const out: DirectoryEntry[] = [];
  for (let i = 0; i < l.files.length; i++) out.push([l.files[i]!, 'file']);
  for (let i = 0; i < l.folders.length; i++) out.push([l.folders[i]!, 'directory']);
  return out;
}

/** An empty collection takes the numbering of the template it is started with. */
function shapedFor(c: Collection, kind: BuiltinKind): Collection {
  const dialect = dialectOfKind(kind);
  if (dialect === 'log4brains') return { ...c, dialect, naming: 'date', padding: 0, firstNumber: 1 };
  return { ...c, dialect, naming: 'number', padding: 4, firstNumber: dialect === 'madr' ? 0 : 1 };
}

// Per-invocation state (a CliIO is one command run): folders named on the command line, which may
// lie outside the repository, and the locks held, released by `releaseLocks` when the command ends.
const explicit = new WeakMap<CliIO, string[]>();
const heldLocks = new WeakMap<CliIO, ReleaseLock[]>();

function explicitFolders(io: CliIO): string[] {
  let list = explicit.get(io);
  if (!list) explicit.set(io, (list = []));
  return list;
}

/** Releases every lock the command run with `io` still holds (the CLI calls it when a command ends). */
export async function releaseLocks(io: CliIO): Promise<void> {
  const held = heldLocks.get(io) ?? [];
  heldLocks.delete(io);
  for (const release of held.reverse()) await release();
}

async function lockFor(io: CliIO, folders: readonly string[]): Promise<ReleaseLock> {
  const release = await lockFolders(io.fs, folders);
  let list = heldLocks.get(io);
  if (!list) heldLocks.set(io, (list = []));
  list.push(release);
  return release;
}

/**
 * The folders a command may write in: the repository (the folder holding `.git`, walking up; without
 * git, the working folder, or the folder of the `.adr-dir` that adr-tools' upward search found),
 * plus folders the user named with `--collection` or `ADRW_EXTRA_FOLDERS`.
 */
export async function writeRoots(io: CliIO): Promise<string[]> {
  const repo = await findRepoRoot(io.fs, io.cwd);
  let roots: string[];
  if (repo) roots = [repo];
  else {
    const loc = await findAdrDirUpwards(io.fs, io.cwd).catch(() => undefined);
    const base = loc?.configFile ? dirname(loc.configFile) : loc?.found === 'doc/adr' ? dirname(dirname(loc.path)) : io.cwd;
    roots = [isInside(base, io.cwd) ? base : io.cwd];
  }
  // Folders the user named: --collection, and ADRW_EXTRA_FOLDERS (the user's own environment).
  return [...roots, ...(explicit.get(io) ?? []), ...extraFolders(io).map((f) => resolve(io.cwd, f))];
}

/** Refuses a collection outside the repository (a configured `../../elsewhere`, or a symlinked folder). */
async function requireWritable(io: CliIO, command: string, folder: string): Promise<void> {
  const roots = await Promise.all((await writeRoots(io)).map((r) => io.fs.realPath(r)));
  const real = await io.fs.realPath(folder);
  if (roots.some((r) => isInside(r, real))) return;
  const via = real !== folder ? ` (a symlink to ${real})` : '';
  throw new UserError(`${command}: ${rel(io, folder)}${via} is outside the repository (${roots.join(', ')}); pass --collection PATH to write there`, folder);
}

/** `applyPlan` confined to `writeRoots` (for commands that read without `Reads`). */
export async function applyConfined(io: CliIO, plan: EditPlan, basis?: ReadonlyMap<string, string>): Promise<ApplyResult> {
  return applyPlan(io.fs, plan, { ...(basis ? { basis } : {}), confine: await writeRoots(io) });
}

/** Parse problems after which an edit would guess or lose data. */
const REFUSED_PROBLEMS = new Set(['yaml-duplicate-key', 'yaml-too-complex', 'front-matter-too-large']);

/**
 * Records read for editing, and the text each had. The first read locks every collection of the
 * index (in path order, so processes never wait for each other), and the locks are held until the
 * plan is written: read → plan → write is one step for every other adr-workbench process.
 */
export class Reads {
  readonly basis = new Map<string, string>();
  private release: ReleaseLock | undefined;
  private locked = new Set<string>();

  constructor(private readonly io: CliIO) {}

  private async lock(folders: readonly string[]): Promise<void> {
    if (this.release) return;
    this.release = await lockFor(this.io, folders);
    this.locked = new Set(folders);
  }

  /** True when the reads hold `folder`'s lock (a record of its collection was read). */
  holds(folder: string): boolean {
    return this.release !== undefined && this.locked.has(folder);
  }

  /** `record` re-read from disk (under the locks) and parsed with its collection's dialect from `index`. */
  async read(record: Pick<AdrRecord, 'path' | 'collection'>, index?: AdrIndex): Promise<RecordText> {
    await this.lock([...(index?.collections.map((c) => c.path) ?? []), record.collection]);
    const bytes = await this.io.fs.readFile(record.path, { maxBytes: MAX_RECORD_BYTES });
    const { text, bom } = decodeForEdit(bytes, record.path);
    // Every record read here is about to be edited: refuse one we may not write now, before a
    // command (`new -s`) creates anything. applyPlan checks again when it writes.
    await requireInside(this.io.fs, record.path, await writeRoots(this.io));
    await (await this.io.fs.stageWrite(record.path, bytes)).discard();
    this.basis.set(record.path, text);
    const c = index?.collection(record.collection);
    const collectionDialect = c?.dialect;
    const { parseRecord } = await import('../core/parse/record');
    const parsed = parseRecord(text, { path: record.path, collection: record.collection, collectionDialect, bom, ...(c?.statusVocabulary ? { statusVocabulary: c.statusVocabulary } : {}) });
    // Problems that make an edit a guess (which of two `status:` keys?) or unsafe: refuse.
    const refused = parsed.problems.find((p) => REFUSED_PROBLEMS.has(p.code));
    if (refused) throw new UserError(`${record.path}: ${refused.message.replace(/ \(edits of this record are refused\)$/, '')}; not edited`, record.path);
    return { record: parsed, text };
  }

  /**
   * Writes `plan` (and `move`, a rename that belongs to it): all or nothing, nothing when a file it
   * edits changed since it was read, never outside the repository. Releases the locks.
   */
  async apply(plan: EditPlan, move?: PlannedMove): Promise<void> {
    try {
      // Nothing to write (`new` without -s or -l): no lock, no repository lookup.
      if (plan.edits.length === 0 && plan.creates.length === 0 && !move) return;
      await this.lock([...plan.edits.map((e) => e.path), ...plan.creates.map((c) => c.path), ...(move ? [move.from] : [])].map(dirname));
      await applyPlan(this.io.fs, plan, { basis: this.basis, confine: await writeRoots(this.io), locked: true, ...(move ? { move } : {}) });
    } finally {
      await this.release?.();
      this.release = undefined;
    }
  }
}

/** Runs `$VISUAL`, else `$EDITOR`, on `file` and waits; neither set (or both empty): nothing. */
export async function openEditor(io: CliIO, file: string): Promise<void> {
  const editor = io.env.VISUAL || io.env.EDITOR;
  if (editor) await io.runEditor(editor, file);
}
