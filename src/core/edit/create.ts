/**
 * Creating a record: next number (or today's date), file name, template, exclusive write, and the
 * edits the new record implies for the records it supersedes or links to.
 *
 * Two creators must never get the same number, even with different titles (different file names, so
 * an exclusive create alone would not collide). Numbering is therefore done under the folder's lock
 * (`FileSystem.lock`, shared by every adr-workbench process: the CLI, the extension), from a listing
 * read under that lock: two creators of this tool never plan from the same listing. Against tools
 * that take no lock (adr-tools, a `git pull`), the folder's mtime, read just before the listing, is
 * read again just before the record is written: changed, the folder is listed again. The record is
 * written with one exclusive create (never over a file). Numbers claimed by builds that took no lock
 * (`.NNNN.adr-new` files) are skipped.
 */
import { FileExistsError, FileNotFoundError, UserError } from '../errors';
import type { Collection, EditPlan, FileEdit } from '../model';
import { basename, join } from '../paths';
import type { Clock, DirectoryEntry, FileSystem } from '../ports';
import { encodeText } from '../text';
import { spellingFor } from '../dialects';
import { defaultTemplateKind } from '../templates/kinds';
import { renderText, type RelationLine } from '../templates/render';
import { inTemplateWords } from '../templates/shape';
import { builtin, resolveTemplate, type ResolvedTemplate, type TemplateChoice } from '../templates/registry';
import { headingText, labelFor, linkPath, subjectOf, verbFor, type LinkSubject, type RecordText, type Spelling } from './labels';
import { addRelation, supersededEdits } from './lifecycle';
import { mergeSequential } from './merge';
import { formatNumber, inferNamingPattern, isoDate, nextRecordFileName, recordFileName, type NamingPattern } from '../naming/pattern';

/** A link from the new record to an existing one, and back. */
export interface LinkRequest {
  readonly target: RecordText;
  /** Written in the new record ("Amends"). */
  readonly verb: string;
  /** Written in the target ("Amended by"). */
  readonly reverseVerb: string;
}

/** What to create; everything but the title has a default. */
export interface CreateOptions {
  readonly title: string;
  /** A resolved template, or how to choose one (default: the collection's own, else its dialect's). */
  readonly template?: ResolvedTemplate | TemplateChoice;
  /** Status as written; default: the template's ("Proposed" / "proposed"). */
  readonly status?: string;
  readonly deciders?: readonly string[];
  /** `YYYY-MM-DD` instead of the clock's date (adr-tools' `ADR_DATE`). */
  readonly date?: string;
  /** Records the new one supersedes (adr-tools `-s`). */
  readonly supersedes?: readonly RecordText[];
  /** Links to existing records (adr-tools `-l TARGET:LINK:REVERSE-LINK`). */
  readonly links?: readonly LinkRequest[];
  readonly eol?: '\n' | '\r\n';
  readonly spelling?: Spelling;
  /** Give up after this many collisions (default 50). */
  readonly maxAttempts?: number;
  /**
   * The entries of the collection's folder, as listed just before (discovery's listing): the
   * template's shape is planned from it, and so is the number when the listing was read under the
   * folder's lock (`locked`, `listedAt`); else the folder is listed again under the lock, so a stale
   * listing never gives a duplicate number.
   */
  readonly listing?: readonly DirectoryEntry[];
  /** The caller holds `fs.lock(collection.path)`: createRecord takes no lock of its own. */
  readonly locked?: boolean;
  /**
   * With `locked`: the folder's mtime (`fs.stat`), read under that lock just before `listing` was
   * (as `adrw new` does): the number is then planned from `listing` while the folder's mtime is
   * still this one, without listing the folder again.
   */
  readonly listedAt?: number;
  /**
   * The naming pattern of the folder's records, when the caller has already inferred it from
   * `listing` (`inferNamingPattern` with the collection's defaults): not inferred again.
   */
  readonly pattern?: NamingPattern;
  /**
   * The text to write instead of the rendered one (sections filled in, `governs` added), from the
   * rendered text and the path it is written to; the record is written once, finished.
   */
  readonly finish?: (content: string, path: string) => string;
}

/** The record created, and the edits it implies for others. */
export interface CreateResult {
  /** Absolute path of the new record. */
  readonly path: string;
  readonly number: number | null;
  /** The text written. */
  readonly content: string;
  /** Edits to the superseded and linked records; not applied. */
  readonly plan: EditPlan;
}

/** Creates a new record in `collection` (never overwriting anything) and plans the edits it implies. */
export async function createRecord(fs: FileSystem, clock: Clock, collection: Collection, options: CreateOptions): Promise<CreateResult> {
  const title = options.title.trim();
  if (title === '') throw new UserError('A new record needs a title');
  const template = await templateOf(fs, collection, options.template, options.listing);
  const date = options.date ?? isoDate(clock.now());
  // A status word is written in the collection's own words when its records have one ("Aceito").
  const status = options.status !== undefined ? inTemplateWords(template, options.status) : undefined;
  const rendered = (n: number | null, path: string): string =>
    renderText(
      template.text,
      { title, number: n, date, status, deciders: options.deciders, relations: relationLines(template, { ...options, spelling: spellingOfNew(collection, options) }, path), eol: options.eol },
      template,
    );
  const render = (n: number | null, path: string): string => (options.finish ? options.finish(rendered(n, path), path) : rendered(n, path));
  // A listing handed in proves the folder is there; without one, the folder is made and listed.
  if (!options.listing) await ensureFolder(fs, collection.path);
  const max = options.maxAttempts ?? 50;
  const release = options.locked ? undefined : await fs.lock(collection.path);
  try {
    const given = options.listing ? namesOf(options.listing) : undefined;
    // The number is planned from a listing read under the lock: the caller's, or one read now.
    const current = options.locked && given && options.listedAt !== undefined ? { names: given, at: options.listedAt } : await listUnderLock(fs, collection.path);
    // The name copies the pattern the folder's records already use (an empty folder: the collection's).
    const listing = given ?? current.names;
    const pattern = options.pattern ?? inferNamingPattern(listing, collection);
    const created =
      pattern.kind === 'date'
        ? await createDated(fs, collection, pattern, date, clock.now(), title, render, max)
        : await createNumbered(fs, collection, pattern, current, title, render, max);
    const subject = newSubject(created.path, created.number, created.numberText, title, created.content);
    return { path: created.path, number: created.number, content: created.content, plan: targetEdits(collection, subject, options) };
  } finally {
    await release?.();
  }
}

async function templateOf(fs: FileSystem, collection: Collection, t: CreateOptions['template'], listing?: readonly DirectoryEntry[]): Promise<ResolvedTemplate> {
  if (t && 'text' in t) return t;
  if (t) return resolveTemplate(fs, collection, t, listing);
  return resolveTemplate(fs, collection, {}, listing).catch((e: unknown) => {
    // An unreadable configured template should not block creating a record from the default one.
    if (e instanceof FileNotFoundError) return builtin(defaultTemplateKind(collection.dialect));
    throw e;
  });
}

/** The supersede spelling of a new record: asked for, else what the superseded records and the collection write. */
function spellingOfNew(collection: Collection, o: CreateOptions): Spelling {
  return o.spelling ?? spellingFor((o.supersedes ?? []).map((t) => t.text), collection.dialect);
}

function relationLines(template: ResolvedTemplate, o: CreateOptions, path: string): RelationLine[] {
  const dialect = template.dialect;
  const line = (verb: string, t: RecordText): RelationLine => ({ verb, label: labelFor(subjectOf(t), dialect), target: linkPath(path, t.record.path), number: t.record.number });
  return [
    ...(o.supersedes ?? []).map((t) => line(verbFor('supersedes', dialect, o.spelling), t)),
    ...(o.links ?? []).map((l) => line(l.verb, l.target)),
  ];
}

async function ensureFolder(fs: FileSystem, dir: string): Promise<void> {
  const stat = await fs.stat(dir);
  if (!stat) await fs.mkdir(dir);
  else if (stat.kind !== 'directory') throw new UserError(`${dir}: not a folder`, dir);
}

async function listNames(fs: FileSystem, dir: string): Promise<readonly string[]> {
  // Names only where the port can (no kinds are needed to see which numbers are taken).
  return fs.readNames ? fs.readNames(dir) : namesOf(await fs.readDirectory(dir));
}

/** A folder's names as numbering reads them, with its mtime read just before (see `unchanged`). */
interface Listed {
  readonly names: readonly string[];
  readonly at: number | undefined;
}

/** The folder's names and mtime, read now (under the lock). */
async function listUnderLock(fs: FileSystem, dir: string): Promise<Listed> {
  const at = (await fs.stat(dir))?.mtime;
  return { names: await listNames(fs, dir), at };
}

/** True when the folder has not changed since `listed` was read: its mtime is the one read before. */
async function unchanged(fs: FileSystem, dir: string, listed: Listed): Promise<boolean> {
  return listed.at !== undefined && (await fs.stat(dir))?.mtime === listed.at;
}

/** The names of a folder's entries (an indexed loop: this runs over every entry on every `new`). */
function namesOf(entries: readonly DirectoryEntry[]): string[] {
  const out = new Array<string>(entries.length);
  for (let i = 0; i < entries.length; i++) out[i] = entries[i]![0];
  return out;
}

interface Created {
  readonly path: string;
  readonly number: number | null;
  readonly numberText: string | null;
  readonly content: string;
}

type Render = (n: number | null, path: string) => string;

/**
 * The highest number claimed by a creator that took no lock (`.NNNN.adr-new`, written by earlier
 * builds, or left by one that died): numbers up to it are not given again. -1 for none.
 */
function highestClaim(names: readonly string[]): number {
  let highest = -1;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (name.charCodeAt(0) !== 46 || !name.endsWith('.adr-new')) continue; // '.'
    const m = /^\.(\d{1,15})\.adr-new$/.exec(name);
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  return highest;
}

/**
 * Numbers and writes a record under the folder's lock (held by the caller), with one exclusive
 * create of its file. The listing is trusted while the folder's mtime is the one read before it; a
 * folder changed since (a tool that takes no lock wrote to it) is listed again, once: that listing
 * is a moment old when the file is created, and a name taken meanwhile all the same (the exclusive
 * create refuses it) moves the record to the next number.
 */
async function createNumbered(fs: FileSystem, c: Collection, pattern: NamingPattern, listed: Listed, title: string, render: Render, max: number): Promise<Created> {
  const dir = c.path;
  const width = Math.max(pattern.padding, 1);
  // Changed since it was listed (by a tool that takes no lock): listed again.
  const current = (await unchanged(fs, dir, listed)) ? listed : await listUnderLock(fs, dir);
  let floor = Math.max(c.firstNumber, highestClaim(current.names) + 1);
  for (let attempt = 0; attempt < max; attempt++) {
    const planned = nextRecordFileName(current.names, { title, collection: c, floor, pattern });
    const n = planned.number!;
    const path = join(dir, planned.fileName);
    const content = render(n, path);
    try {
      await fs.createFile(path, encodeText(content, false));
      return { path, number: n, numberText: formatNumber(n, width), content };
    } catch (e) {
      if (!(e instanceof FileExistsError)) throw e;
      floor = n + 1; // written meanwhile by a tool that takes no lock: the next number
    }
  }
  throw new UserError(`${dir}: could not find a free record number after ${max} tries`, dir);
}

async function createDated(fs: FileSystem, c: Collection, pattern: NamingPattern, date: string, now: Date, title: string, render: Render, max: number): Promise<Created> {
  for (let attempt = 1; attempt <= max; attempt++) {
    const path = join(c.path, recordFileName(pattern, { date, time: now, title, attempt }));
    const content = render(null, path);
    try {
      await fs.createFile(path, encodeText(content, false));
      return { path, number: null, numberText: null, content };
    } catch (e) {
      if (!(e instanceof FileExistsError)) throw e;
    }
  }
  throw new UserError(`${c.path}: could not find a free file name for "${title}" after ${max} tries`, c.path);
}

function newSubject(path: string, n: number | null, numberText: string | null, title: string, content: string): LinkSubject {
  const body = content.replace(/^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*\r?\n/, '');
  const h1 = /^ {0,3}#[ \t]+(.*?)\r?$/m.exec(body);
  return { path, id: basename(path).replace(/\.md$/, ''), number: n, numberText, title, heading: h1 ? headingText(h1[0]) : null };
}

/** The edits to the superseded and linked records; several edits to one file are merged. */
function targetEdits(collection: Collection, subject: LinkSubject, o: CreateOptions): EditPlan {
  const ops: { target: RecordText; edit: (t: RecordText) => ReturnType<typeof addRelation> }[] = [
    ...(o.supersedes ?? []).map((t) => ({ target: t, edit: (r: RecordText) => supersededEdits(r, subject, { spelling: spellingOfNew(collection, o) }) })),
    ...(o.links ?? []).map((l) => ({ target: l.target, edit: (r: RecordText) => addRelation(r, l.reverseVerb, subject) })),
  ];
  const edits: FileEdit[] = mergeSequential(ops, collection.dialect);
  return { edits, creates: [] };
}
