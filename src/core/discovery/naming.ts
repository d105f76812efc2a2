/**
 * File and folder naming rules shared by discovery and the index: which names are records, how a
 * record's number or date is written, which folders are never scanned.
 */

/** Folders never scanned for records (build output, dependencies). Hidden folders are skipped too. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out', 'build', 'target', 'vendor', 'bower_components']);

/** Folders that sit beside records but hold other things (templates, pictures). */
const NON_RECORD_FOLDERS = new Set(['templates', 'template', 'assets']);

/** Markdown files in a collection folder that are not records. */
const NON_RECORD_FILE = /^(?:readme|index|(?:adr-)?template[^/]*)\.md$/i;

/** `0007-slug.md`, `007_slug.md`, `adr-007-slug.md`, `ADR-0007-slug.md`, `20200924-slug.md`. */
const NUMBERED = /^(adr[-_]?)?(\d+)[-_](.+)\.md$/i;

/** `2020-09-24-slug.md` (Jekyll-style dates). */
const DASHED_DATE = /^(\d{4})-(\d{2})-(\d{2})-(.+)\.md$/;

/** What a record's file name says about its numbering. */
export interface RecordName {
  /** `number` for `NNNN-`, `date` for `YYYYMMDD-` / `YYYY-MM-DD-`. */
  readonly naming: 'number' | 'date';
  /** The number (for dates: null). */
  readonly number: number | null;
  /** The digits as written (`007`), '' for dates. */
  readonly digits: string;
  /** True when the name starts with `adr-` / `ADR-`. */
  readonly adrPrefix: boolean;
}

/** True for folder names a scan descends into. */
export function isScannedFolder(name: string): boolean {
  return !name.startsWith('.') && !SKIPPED_FOLDERS.has(name) && !NON_RECORD_FOLDERS.has(name.toLowerCase());
}

/** True for `.md` files in a collection folder that can be records (not README, index, templates). */
export function isRecordFile(name: string): boolean {
  return /\.md$/i.test(name) && !name.startsWith('.') && !NON_RECORD_FILE.test(name);
}

function isDate(year: number, month: number, day: number): boolean {
  return year >= 1970 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/**
 * Reads the numbering of a record file name, or undefined when the name has no number or date
 * prefix. Eight digits that form a plausible date are a date (log4brains), not a number.
 */
export function parseRecordName(name: string): RecordName | undefined {
  const dashed = DASHED_DATE.exec(name);
  if (dashed && isDate(Number(dashed[1]), Number(dashed[2]), Number(dashed[3]))) {
    return { naming: 'date', number: null, digits: '', adrPrefix: false };
  }
  const m = NUMBERED.exec(name);
  if (!m) return undefined;
  const digits = m[2]!;
  const adrPrefix = m[1] !== undefined;
  if (!adrPrefix && digits.length === 8) {
    const y = Number(digits.slice(0, 4));
    const mo = Number(digits.slice(4, 6));
    const d = Number(digits.slice(6, 8));
    if (isDate(y, mo, d)) return { naming: 'date', number: null, digits: '', adrPrefix: false };
  }
  return { naming: 'number', number: Number(digits), digits, adrPrefix };
}

/**
 * True when a file name looks like a numbered record strongly enough for the folder heuristic:
 * at least three digits (`NNN-`), an `adr-` prefix, or a date. `1-foo.md` alone is too common in
 * ordinary documentation to count.
 */
export function isNumberedRecordName(name: string): boolean {
  if (!isRecordFile(name)) return false;
  const r = parseRecordName(name);
  if (!r) return false;
  return r.naming === 'date' || r.adrPrefix || (r.digits.length >= 3 && r.digits.length <= 6);
}

const LEADING_NUMBER = /^(?:adr[-_]?)?(\d+)/i;

/**
 * Orders file names the way people read them: leading numbers numerically (`9-x` before `10-x`),
 * then the rest by code unit, so the order is the same on every machine and locale.
 */
export function compareRecordNames(a: string, b: string): number {
  const na = LEADING_NUMBER.exec(a);
  const nb = LEADING_NUMBER.exec(b);
  if (na && nb) {
    const d = Number(na[1]) - Number(nb[1]);
    if (d !== 0) return d;
  } else if (na || nb) {
    return na ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
