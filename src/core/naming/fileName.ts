/**
 * The one reader of record file names. Discovery (which folders hold records), the parser (a
 * record's number, date and fallback title), numbering (the next free number) and the naming
 * pattern of a collection all read names here, so `1950-01-01-x.md` is a date everywhere and
 * `ADR-0001-x.md` is number 1 everywhere.
 *
 * Shapes read (the extension is `.md`, `.markdown`, or anything for numbering):
 * - numbered: `0007-slug`, `007_slug`, `1-slug`, `adr-001-slug`, `ADR-0001-slug`, `ADR-001_Title_Words`,
 *   `ADR_0007_slug`, `adr-1` (no slug). Numbers are decimal, zeros or not (never octal).
 * - dated: `YYYY-MM-DD-slug` (Jekyll), `YYYYMMDD-slug` (log4brains), `YYYYMMDDHHMM[SS]-slug`
 *   (timestamps). A plausible date (1900-2099, a real day) wins over a number.
 * - templates and examples, never records: `template.md`, `TEMPLATE.md`, `adr-template*.md`,
 *   `template-*.md`, placeholder numbers (`NNNN-adr-template.md`, `ADR-nnn_Title_Template.md`,
 *   `XXXX-title.md`), and all-zero numbers naming a template (`000-template.md`).
 */

/** How a name is numbered. */
export type NameKind = 'number' | 'date' | 'none';

/** How a date-named record writes its date. */
export type DateStyle = 'dashed' | 'compact' | 'timestamp';

export interface FileNameInfo {
  /** File name without `.md` / `.markdown`: the record's id. */
  readonly id: string;
  readonly kind: NameKind;
  /** The number (decimal), for numbered names. */
  readonly number: number | null;
  /** The digits as written (`007`), for numbered names. */
  readonly numberText: string | null;
  /** `YYYY-MM-DD`, for dated names. */
  readonly date: string | null;
  /** How the date is written, for dated names. */
  readonly dateStyle: DateStyle | null;
  /** The date or timestamp as written (`20201016`, `2020-10-16`, `20240516132303`), for dated names. */
  readonly dateText: string | null;
  /** What comes before the number as written: `ADR-`, `adr_`, `ADR`, or ''. */
  readonly prefix: string;
  /** What separates the number or date from the slug (`-`, `_`, ` `, `.`), '' when there is no slug. */
  readonly separator: string;
  /** The part after the number or date ('' when none); the whole id for unnumbered names. */
  readonly slug: string;
}

const EXTENSION = /\.(md|markdown)$/i;
const DASHED_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:([-_ .]+)(.*))?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})((?:\d{2}){2,3})?(?:([-_ .]+)(.*))?$/;
const NUMBERED = /^((?:adr)[-_ ]?)?(\d{1,15})(?:([-_ .]+)(.*))?$/i;
/** A placeholder for the number in templates and examples: `NNNN`, `nnn`, `XXXX`, `####`. */
const PLACEHOLDER = /^((?:adr)[-_ ]?)?(n{2,}|x{2,}|#{2,}|y{4}-?m{2}-?d{2})(?:[-_ .]|$)/i;
const TEMPLATE_ID = /^(?:adr[-_ ]?|madr[-_ ]?)?template(?:$|[-_ .])/i;
const TEMPLATE_WORD = /(?:^|[-_ .])template(?:$|[-_ .])/i;
/** A slug that is only a template's name: `001-template.md`, `0001-adr-template.md`. */
const TEMPLATE_SLUG = /^(?:adr[-_ ]?|madr[-_ ]?)?template$/i;
const NOT_RECORD_ID = /^(?:readme|index)$/i;

function plausibleDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

function plausibleTime(t: string): boolean {
  const h = Number(t.slice(0, 2));
  const mi = Number(t.slice(2, 4));
  const s = t.length > 4 ? Number(t.slice(4, 6)) : 0;
  return h < 24 && mi < 60 && s < 60;
}

const NONE = { number: null, numberText: null, date: null, dateStyle: null, dateText: null } as const;

/** Reads a file (or folder) name: see the module comment for the shapes. */
export function parseFileName(fileName: string): FileNameInfo {
  const id = fileName.replace(EXTENSION, '');
  const dashed = DASHED_DATE.exec(id);
  if (dashed && plausibleDate(Number(dashed[1]), Number(dashed[2]), Number(dashed[3]))) {
    const date = `${dashed[1]}-${dashed[2]}-${dashed[3]}`;
    return { id, kind: 'date', number: null, numberText: null, date, dateStyle: 'dashed', dateText: date, prefix: '', separator: dashed[4] ?? '', slug: dashed[5] ?? '' };
  }
  const compact = COMPACT_DATE.exec(id);
  if (compact && plausibleDate(Number(compact[1]), Number(compact[2]), Number(compact[3])) && (compact[4] === undefined || plausibleTime(compact[4]))) {
    return {
      id,
      kind: 'date',
      number: null,
      numberText: null,
      date: `${compact[1]}-${compact[2]}-${compact[3]}`,
      dateStyle: compact[4] === undefined ? 'compact' : 'timestamp',
      dateText: `${compact[1]}${compact[2]}${compact[3]}${compact[4] ?? ''}`,
      prefix: '',
      separator: compact[5] ?? '',
      slug: compact[6] ?? '',
    };
  }
  const numbered = NUMBERED.exec(id);
  if (numbered) {
    const numberText = numbered[2]!;
    const n = Number.parseInt(numberText, 10);
    if (Number.isSafeInteger(n)) {
      return { id, kind: 'number', ...NONE, number: n, numberText, prefix: numbered[1] ?? '', separator: numbered[3] ?? '', slug: numbered[4] ?? '' };
    }
  }
  return { id, kind: 'none', ...NONE, prefix: '', separator: '', slug: id };
}

/**
 * True for template and example files that sit beside records: `template.md`, `TEMPLATE.md`,
 * `adr-template-bare.md`, `template-nygard.md`, `NNNN-adr-template.md`, `ADR-nnn_Title_Template.md`,
 * `000-template.md`. A real record about templates (`0012-use-a-template-engine.md`) is not one.
 */
export function isTemplateName(fileName: string, info: FileNameInfo = parseFileName(fileName)): boolean {
  const id = info.id;
  if (TEMPLATE_ID.test(id) || PLACEHOLDER.test(id)) return true;
  if (info.kind !== 'number') return false;
  // `000-template.md`, `0000-adr-template.md`; or a slug that is only a template's name (`001-template.md`).
  return (/^0+$/.test(info.numberText!) && TEMPLATE_WORD.test(info.slug)) || TEMPLATE_SLUG.test(info.slug);
}

/** A Markdown file's name read, when it can be a record (not README, index, a template, a hidden file); else undefined. */
export function readRecordName(name: string): FileNameInfo | undefined {
  if (name.startsWith('.') || !/\.md$/i.test(name)) return undefined;
  const info = parseFileName(name);
  return NOT_RECORD_ID.test(info.id) || isTemplateName(name, info) ? undefined : info;
}

/** True for `.md` files in a collection folder that can be records (not README, index, templates, hidden files). */
export function isRecordFile(name: string): boolean {
  return readRecordName(name) !== undefined;
}

/** The record number a name carries (`ADR-0008-x.md` → 8), or null (dates, unnumbered names). */
export function leadingNumber(name: string): number | null {
  return parseFileName(name).number;
}

/** True for date-named records (`20201016-x.md`, `2020-10-16-x.md`, `20240516132303-x.md`). */
export function isDateName(name: string): boolean {
  return parseFileName(name).kind === 'date';
}

/**
 * True when a file name looks like a numbered record strongly enough for the folder heuristic:
 * a date, an `adr-` prefix, or three to six digits (`NNN-`). `1-foo.md` alone is too common in
 * ordinary documentation to count.
 */
export function isNumberedRecordName(name: string): boolean {
  const r = readRecordName(name);
  if (r === undefined) return false;
  if (r.kind === 'date') return true;
  if (r.kind !== 'number') return false;
  return r.prefix !== '' || (r.numberText!.length >= 3 && r.numberText!.length <= 6);
}

/**
 * The number a name is ordered by: its leading digits after an `adr-` prefix. For numbered names that
 * is the record number, for `YYYYMMDD` / timestamp names the date, for `YYYY-MM-DD` names the year
 * (then the name, which is chronological). One regex, as sorting calls it twice per comparison.
 */
const ORDER_NUMBER = /^(?:adr[-_ ]?)?(\d+)/i;

function orderNumber(name: string): number | null {
  const m = ORDER_NUMBER.exec(name);
  return m ? Number(m[1]) : null;
}

/**
 * Orders file names the way people read them: numbers numerically (`9-x` before `10-x`, `ADR-2`
 * before `10`), then the rest by code unit, so the order is the same on every machine and locale.
 */
export function compareRecordNames(a: string, b: string): number {
  const na = orderNumber(a);
  const nb = orderNumber(b);
  if (na !== null && nb !== null) {
    const d = na - nb;
    if (d !== 0) return d;
  } else if (na !== null || nb !== null) {
    return na !== null ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `use-postgresql` → `Use postgresql`: a readable title when a record has none. */
export function titleFromSlug(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
