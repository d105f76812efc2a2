/**
 * Plumbing of the commands that write: which collection a command writes to, reading records with
 * their text, applying plans (refusing files that changed meanwhile), and the editor.
 */
import type { AdrRecord, Collection, CollectionDialect, EditPlan } from '../core/model';
import { AdrIndex } from '../core/index';
import { findAdrDirUpwards } from '../core/discovery';
import { applyPlan, type RecordText } from '../core/edit';
import { parseRecord } from '../core/parse/record';
import { TEMPLATE_KINDS, type TemplateKind } from '../core/templates';
import { decodeText } from '../core/text';
import { resolve } from '../core/paths';
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
  readonly index: AdrIndex;
  /** An adr-tools collection: new records are "Accepted", as `adr new` writes them. */
  readonly adrTools: boolean;
}

/** How to choose the collection. */
export interface TargetOptions {
  /** `--collection PATH`. */
  readonly collection?: string;
  /** `--template KIND`: shapes a collection that has no records yet. */
  readonly kind?: BuiltinKind;
  /** With no collection anywhere: adr-tools' `doc/adr` (true) or a usage error. */
  readonly createDefault: boolean;
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
  if (options.collection !== undefined) path = resolve(io.cwd, options.collection);
  else if (loc.found !== 'default') path = loc.path;
  const index = await AdrIndex.build(io.fs, io.cwd, { extraFolders: [...extraFolders(io), ...(path ? [path] : [])] });
  let collection = path ? index.collection(path) : undefined;
  if (!collection) {
    if (index.collections.length > 1) {
      const list = index.collections.map((c) => rel(io, c.path)).join(', ');
      throw new UsageError(`${command}: several collections here (${list}); choose one with --collection PATH`, command);
    }
    collection = index.collections[0];
  }
  if (!collection) {
    if (!options.createDefault) throw new UsageError(`${command}: no ADR collection here or above (run "adr-workbench init")`, command);
    collection = { path: loc.path, dialect: 'adr-tools', source: 'convention', name: rel(io, loc.path), padding: 4, naming: 'number', firstNumber: 1 };
  }
  if (options.kind && index.records(collection.path).length === 0) collection = shapedFor(collection, options.kind);
  const upward = collection.path === loc.path;
  const nygard = options.kind === undefined || options.kind === 'nygard';
  const adrTools = nygard && (collection.dialect === 'adr-tools' || (upward && collection.dialect === 'generic'));
  return { collection, index, adrTools };
}

/** An empty collection takes the numbering of the template it is started with. */
function shapedFor(c: Collection, kind: BuiltinKind): Collection {
  const dialect = dialectOfKind(kind);
  if (dialect === 'log4brains') return { ...c, dialect, naming: 'date', padding: 0, firstNumber: 1 };
  return { ...c, dialect, naming: 'number', padding: 4, firstNumber: dialect === 'madr' ? 0 : 1 };
}

/** Records read for editing, and the text each had (to refuse files that change before the write). */
export class Reads {
  readonly basis = new Map<string, string>();

  constructor(private readonly io: CliIO) {}

  /** `record` re-read from disk and parsed (with its collection's dialect from `index`), with its text. */
  async read(record: Pick<AdrRecord, 'path' | 'collection'>, index?: AdrIndex): Promise<RecordText> {
    const { text, bom } = decodeText(await this.io.fs.readFile(record.path), record.path);
    this.basis.set(record.path, text);
    const c = index?.collection(record.collection);
    const collectionDialect = c?.dialect;
    return { record: parseRecord(text, { path: record.path, collection: record.collection, collectionDialect, bom, ...(c?.statusVocabulary ? { statusVocabulary: c.statusVocabulary } : {}) }), text };
  }

  /** Writes `plan`; nothing when a file it edits changed since it was read. */
  async apply(plan: EditPlan): Promise<void> {
    await applyPlan(this.io.fs, plan, { basis: this.basis });
  }
}

/** Runs `$VISUAL`, else `$EDITOR`, on `file` and waits; neither set (or both empty): nothing. */
export async function openEditor(io: CliIO, file: string): Promise<void> {
  const editor = io.env.VISUAL || io.env.EDITOR;
  if (editor) await io.runEditor(editor, file);
}
