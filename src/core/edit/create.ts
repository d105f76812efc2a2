/**
 * Creating a record: next number (or today's date), file name, template, exclusive write, and the
 * edits the new record implies for the records it supersedes or links to.
 *
 * Two creators must never get the same number, even with different titles (different file names, so
 * an exclusive create alone would not collide). A creator therefore first claims the number with an
 * exclusive create of `.NNNN.adr-new` (a hidden file no reader takes for a record), then re-lists the
 * folder: if a record with that number appeared meanwhile, it moves its claim up (rename never
 * overwrites); otherwise it renames the claim to the record's name. Only one creator can hold a claim,
 * and a claim taken after a record was finished sees that record, so numbers stay unique. A creator
 * that dies between claim and rename leaves a `.NNNN.adr-new` file; the number is then skipped.
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
import { parseFileName } from '../naming/fileName';
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
   * The entries of the collection's folder, as listed just before (discovery's listing): the number
   * and the template's shape are planned from it instead of listing the folder again. The claim is still re-checked
   * against a fresh listing, so a stale one costs a collision, never a duplicate.
   */
  readonly listing?: readonly DirectoryEntry[];
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
  // The name copies the pattern the folder's records already use (an empty folder: the collection's).
  const listing = options.listing ? namesOf(options.listing) : await listNames(fs, collection.path);
  const pattern = options.pattern ?? inferNamingPattern(listing, collection);
  const created =
    pattern.kind === 'date'
      ? await createDated(fs, collection, pattern, date, clock.now(), title, render, max)
      : await createNumbered(fs, collection, pattern, listing, title, render, max);
  const subject = newSubject(created.path, created.number, created.numberText, title, created.content);
  return { path: created.path, number: created.number, content: created.content, plan: targetEdits(collection, subject, options) };
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

/** The names of a folder's entries (an indexed loop: this runs over every entry on every `new`). */
function namesOf(entries: readonly DirectoryEntry[]): string[] {
  const out = new Array<string>(entries.length);
  for (let i = 0; i < entries.length; i++) out[i] = entries[i]![0];
  return out;
}

/** True when an entry of the folder as listed now carries `n` (claims aside). */
async function numberTaken(fs: FileSystem, dir: string, n: number): Promise<boolean> {
  const names = await listNames(fs, dir);
  const digits = String(n);
  for (let i = 0; i < names.length; i++) if (takes(names[i]!, n, digits)) return true;
  return false;
}

interface Created {
  readonly path: string;
  readonly number: number | null;
  readonly numberText: string | null;
  readonly content: string;
}

type Render = (n: number | null, path: string) => string;

const claimName = (numberText: string): string => `.${numberText}.adr-new`;

/**
 * A name (not a claim) carrying number `n`: `0007-x.md`, `ADR-0007-y.md`, `7_z.md`, `0007-diagram.png`.
 * `digits` is `String(n)`: a name carrying `n` contains it, so most names are passed without parsing.
 */
function takes(name: string, n: number, digits: string): boolean {
  return !name.startsWith('.') && name.includes(digits) && parseFileName(name).number === n;
}

async function createNumbered(fs: FileSystem, c: Collection, pattern: NamingPattern, listing: readonly string[], title: string, render: Render, max: number): Promise<Created> {
  const dir = c.path;
  const width = Math.max(pattern.padding, 1);
  const nameOf = (n: number): string => recordFileName(pattern, { number: n, title });
  let floor = c.firstNumber;
  for (let attempt = 0; attempt < max; attempt++) {
    // The first try numbers from the listing the pattern was read from; later ones list again.
    const names = attempt === 0 ? listing : await listNames(fs, dir);
    const planned = nextRecordFileName(names, { title, collection: c, floor, pattern });
    let n = planned.number!;
    let claim = join(dir, claimName(formatNumber(n, width)));
    let path = join(dir, planned.fileName);
    let content = render(n, path);
    try {
      await fs.createFile(claim, encodeText(content, false));
    } catch (e) {
      if (!(e instanceof FileExistsError)) throw e;
      floor = n + 1; // someone holds this number: try the next
      continue;
    }
    // We hold `n`. A record finished after our listing may carry it: then move the claim up.
    for (let check = 0; check < max; check++) {
      if (!(await numberTaken(fs, dir, n))) {
        try {
          await fs.rename(claim, path);
          return { path, number: n, numberText: formatNumber(n, width), content };
        } catch (e) {
          if (!(e instanceof FileExistsError)) throw e;
          continue; // written meanwhile by a tool that does not claim: look again
        }
      }
      const moved = await moveClaim(fs, claim, dir, n, width, max);
      n = moved.n;
      claim = moved.claim;
      path = join(dir, nameOf(n));
      content = render(n, path);
      await fs.writeFile(claim, encodeText(content, false));
    }
    throw new UserError(`${dir}: could not find a free record number after ${max} tries`, dir);
  }
  throw new UserError(`${dir}: could not find a free record number after ${max} tries`, dir);
}

async function moveClaim(fs: FileSystem, claim: string, dir: string, n: number, width: number, max: number): Promise<{ n: number; claim: string }> {
  for (let m = n + 1; m <= n + max; m++) {
    const next = join(dir, claimName(formatNumber(m, width)));
    try {
      await fs.rename(claim, next);
      return { n: m, claim: next };
    } catch (e) {
      if (!(e instanceof FileExistsError)) throw e;
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
