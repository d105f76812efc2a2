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

/**
 * Names read so far: a command reads the same folder listing several times (describing the
 * collection, its naming pattern, its newest records, the highest number), so each name is parsed
 * once. Bounded: a long-lived process (the extension) starts afresh past `MEMO_LIMIT` names. The
 * infos are frozen, as they are shared.
 */
const MEMO_LIMIT = 100_000;
let parsed = new Map<string, FileNameInfo>();

/** Reads a file (or folder) name: see the module comment for the shapes. */
export function parseFileName(fileName: string): FileNameInfo {
  let info = parsed.get(fileName);
  if (info === undefined) {
    info = Object.freeze(readName(fileName));
    if (parsed.size >= MEMO_LIMIT) parsed = new Map();
    parsed.set(fileName, info);
  }
  return info;
}

/** One shape for every info (the same keys in the same order), so that code reading them stays monomorphic. */
function infoOf(
  id: string, kind: NameKind, number: number | null, numberText: string | null, date: string | null,
  dateStyle: DateStyle | null, dateText: string | null, prefix: string, separator: string, slug: string,
): FileNameInfo {
  return { id, kind, number, numberText, date, dateStyle, dateText, prefix, separator, slug };
}

const isDigitAt = (s: string, i: number): boolean => isDigit(s.charCodeAt(i));
/** ASCII letter `lower` at `i`, either case (as a regex's `i` flag reads ASCII letters). */
const letterAt = (s: string, i: number, lower: number): boolean => (s.charCodeAt(i) | 32) === lower;

/** `name` without `.md` / `.markdown` (any case), as `name.replace(/\.(md|markdown)$/i, '')`. */
function stripExtension(name: string): string {
  const n = name.length;
  if (n >= 3 && name.charCodeAt(n - 3) === 46 && letterAt(name, n - 2, 109) && letterAt(name, n - 1, 100)) return name.slice(0, -3);
  if (n >= 9 && name.charCodeAt(n - 9) === 46) {
    for (let i = 0; i < 8; i++) if (!letterAt(name, n - 8 + i, 'markdown'.charCodeAt(i))) return name;
    return name.slice(0, -9);
  }
  return name;
}

/** `-`, `_`, space or `.`: what `[-_ .]` matches. */
const isSeparator = (c: number): boolean => c === 45 || c === 95 || c === 32 || c === 46;

/**
 * `NUMBERED` on an id that starts with one to four digits, without the regex (this runs for every
 * name of a folder): the info when it matches, null when it cannot (`12a`: neither a separator nor
 * the end after the digits), undefined when the regex must tell (another start, five digits or
 * more, a slug with a line break, which `.` does not match).
 */
function plainNumbered(id: string): FileNameInfo | null | undefined {
  let k = 0;
  while (k < id.length && k < 5 && isDigitAt(id, k)) k++;
  if (k === 0 || k > 4) return undefined;
  let sep = k;
  while (sep < id.length && isSeparator(id.charCodeAt(sep))) sep++;
  if (sep === k && k < id.length) return null;
  const slug = id.slice(sep);
  if (LINE_BREAK.test(slug)) return undefined;
  const numberText = id.slice(0, k);
  return infoOf(id, 'number', Number.parseInt(numberText, 10), numberText, null, null, null, '', id.slice(k, sep), slug);
}

/** What `.` does not match. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * The regexes above, each run only where it can match (checked on the first characters): most
 * names are tried against one, not three.
 */
function readName(fileName: string): FileNameInfo {
  const id = stripExtension(fileName);
  const digits4 = isDigitAt(id, 0) && isDigitAt(id, 1) && isDigitAt(id, 2) && isDigitAt(id, 3);
  const dashed = digits4 && id.charCodeAt(4) === 45 && id.charCodeAt(7) === 45 ? DASHED_DATE.exec(id) : null;
  if (dashed && plausibleDate(Number(dashed[1]), Number(dashed[2]), Number(dashed[3]))) {
    const date = `${dashed[1]}-${dashed[2]}-${dashed[3]}`;
    return infoOf(id, 'date', null, null, date, 'dashed', date, '', dashed[4] ?? '', dashed[5] ?? '');
  }
  const compact = digits4 && isDigitAt(id, 4) && isDigitAt(id, 5) && isDigitAt(id, 6) && isDigitAt(id, 7) ? COMPACT_DATE.exec(id) : null;
  if (compact && plausibleDate(Number(compact[1]), Number(compact[2]), Number(compact[3])) && (compact[4] === undefined || plausibleTime(compact[4]))) {
    return infoOf(
      id, 'date', null, null, `${compact[1]}-${compact[2]}-${compact[3]}`, compact[4] === undefined ? 'compact' : 'timestamp',
      `${compact[1]}${compact[2]}${compact[3]}${compact[4] ?? ''}`, '', compact[5] ?? '', compact[6] ?? '',
    );
  }
  if (!digits4 || !isDigitAt(id, 4)) {
    // Fewer than five leading digits and no date: the usual `0007-slug`, read without a regex.
    const plain = plainNumbered(id);
    if (plain !== undefined) return plain ?? infoOf(id, 'none', null, null, null, null, null, '', '', id);
  }
  const numbered = isDigitAt(id, 0) || letterAt(id, 0, 97) ? NUMBERED.exec(id) : null;
  if (numbered) {
    const numberText = numbered[2]!;
    const n = Number.parseInt(numberText, 10);
    if (Number.isSafeInteger(n)) return infoOf(id, 'number', n, numberText, null, null, null, numbered[1] ?? '', numbered[3] ?? '', numbered[4] ?? '');
  }
  return infoOf(id, 'none', null, null, null, null, null, '', '', id);
}

/**
 * True for template and example files that sit beside records: `template.md`, `TEMPLATE.md`,
 * `adr-template-bare.md`, `template-nygard.md`, `NNNN-adr-template.md`, `ADR-nnn_Title_Template.md`,
 * `000-template.md`. A real record about templates (`0012-use-a-template-engine.md`) is not one.
 */
export function isTemplateName(fileName: string, info: FileNameInfo = parseFileName(fileName)): boolean {
  const id = info.id;
  // TEMPLATE_ID starts with `adr`, `madr` or `template`; PLACEHOLDER with `adr`, `n`, `x`, `#` or `y`.
  const first = id.charCodeAt(0) | 32;
  if ((first === 97 || first === 109 || first === 116) && TEMPLATE_ID.test(id)) return true;
  if ((first === 97 || first === 110 || first === 120 || first === 121 || id.charCodeAt(0) === 35) && PLACEHOLDER.test(id)) return true;
  if (info.kind !== 'number') return false;
  // `000-template.md`, `0000-adr-template.md`; or a slug that is only a template's name (`001-template.md`).
  const slugFirst = info.slug.charCodeAt(0) | 32;
  return (info.numberText!.charCodeAt(0) === 48 && ALL_ZEROS.test(info.numberText!) && TEMPLATE_WORD.test(info.slug)) ||
    ((slugFirst === 97 || slugFirst === 109 || slugFirst === 116) && TEMPLATE_SLUG.test(info.slug));
}

const ALL_ZEROS = /^0+$/;

/** A Markdown file's name read, when it can be a record (not README, index, a template, a hidden file); else undefined. */
export function readRecordName(name: string): FileNameInfo | undefined {
  const n = name.length;
  // Not hidden, and `*.md` (any case). Every check is on the first characters before any regex: this runs for every name of a folder.
  if (name.charCodeAt(0) === 46 || n < 3 || name.charCodeAt(n - 3) !== 46 || !letterAt(name, n - 2, 109) || !letterAt(name, n - 1, 100)) return undefined;
  const info = parseFileName(name);
  return ((info.id.length === 5 || info.id.length === 6) && NOT_RECORD_ID.test(info.id)) || isTemplateName(name, info) ? undefined : info;
}

/** What `readPlainRecordName` read: one object, overwritten at every call (no allocation per name). */
export const plainRead = { number: 0, digits: 0, zeroLed: false };

/**
 * `readRecordName(name)` for the usual shape, `NNNN-slug.md` (one to four digits, then a separator
 * or the end, `.md` in any case), read without building the name's info: `record` for a numbered
 * record (`plainRead` then holds its number, how many digits it has and whether the first is 0),
 * `template` for a template's name (`000-template.md`, `001-adr-template.md`); undefined for any
 * other name, which the caller then reads with `readRecordName` (a date-like start, five digits or
 * more, no separator, a line break). Every folder's scan calls it for every name.
 */
export function readPlainRecordName(name: string): 'record' | 'template' | undefined {
  const n = name.length;
  if (n < 4 || name.charCodeAt(n - 3) !== 46 || !letterAt(name, n - 2, 109) || !letterAt(name, n - 1, 100)) return undefined;
  const idLength = n - 3;
  let k = 0;
  let number = 0;
  while (k < idLength && k < 5 && isDigitAt(name, k)) number = number * 10 + (name.charCodeAt(k++) - 48);
  if (k === 0 || k > 4 || (k === 4 && name.charCodeAt(4) === 45 && name.charCodeAt(7) === 45)) return undefined;
  let sep = k;
  while (sep < idLength && isSeparator(name.charCodeAt(sep))) sep++;
  if (sep === k && k < idLength) return undefined;
  for (let i = sep; i < idLength; i++) {
    const c = name.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return undefined;
  }
  // isTemplateName for a digit-led id: an all-zero number naming a template, or a template's slug.
  const zeroLed = name.charCodeAt(0) === 48;
  const slugFirst = name.charCodeAt(sep) | 32;
  if ((zeroLed && number === 0) || slugFirst === 97 || slugFirst === 109 || slugFirst === 116) {
    const slug = name.slice(sep, idLength);
    if ((zeroLed && number === 0 && TEMPLATE_WORD.test(slug)) || ((slugFirst === 97 || slugFirst === 109 || slugFirst === 116) && TEMPLATE_SLUG.test(slug))) return 'template';
  }
  plainRead.number = number;
  plainRead.digits = k;
  plainRead.zeroLed = zeroLed;
  return 'record';
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
 * (then the name, which is chronological). Read by character codes, as sorting calls it twice per comparison.
 */
export function orderNumber(name: string): number | null {
  // As /^(?:adr[-_ ]?)?(\d+)/i.
  let i = 0;
  if (name.length >= 3 && (name.charCodeAt(0) | 32) === 97 && (name.charCodeAt(1) | 32) === 100 && (name.charCodeAt(2) | 32) === 114) {
    i = 3;
    const sep = name.charCodeAt(3);
    if (sep === 45 || sep === 95 || sep === 32) {
      // `adr-7`; but `adr-x` is not numbered, and `adr--7`'s digits do not follow the prefix.
      if (!isDigit(name.charCodeAt(4))) return null;
      i = 4;
    }
  }
  let end = i;
  let n = 0;
  while (end < name.length && isDigit(name.charCodeAt(end))) n = n * 10 + (name.charCodeAt(end++) - 48);
  // Exact up to 15 digits; longer ones as Number() reads them.
  return end === i ? null : end - i <= 15 ? n : Number(name.slice(i, end));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * `names` in `compareRecordNames` order (a new array): as they are when already in it (a listing in
 * code-unit order of zero-padded names is), else sorted with each name's order number read once.
 */
export function sortRecordNames(names: readonly string[]): string[] {
  let sorted = true;
  for (let i = 1; i < names.length && sorted; i++) sorted = compareRecordNames(names[i - 1]!, names[i]!) <= 0;
  if (sorted) return names.slice();
  const keyed = names.map((name) => ({ name, n: orderNumber(name) }));
  keyed.sort((a, b) => {
    if (a.n !== null && b.n !== null) {
      const d = a.n - b.n;
      if (d !== 0) return d;
    } else if (a.n !== null || b.n !== null) {
      return a.n !== null ? -1 : 1;
    }
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  return keyed.map((k) => k.name);
}

/**
 * The names at `ranks` (0-based) of `names` in `compareRecordNames` order (`keys`: their
 * `orderNumber`s, if known), without sorting them all: numbered names by a native numeric sort of their numbers, then by name among equal numbers;
 * the rest after them, by name. (`describeCollection` reads the first, middle and last record.)
 */
export function recordNamesAt(names: readonly string[], ranks: readonly number[], keys?: readonly (number | null)[]): string[] {
  const byIndex = new Float64Array(names.length);
  const unnumbered: string[] = [];
  let numbered = 0;
  // `keys`: each name's `orderNumber`, when the caller has read them already (`scanNames` does).
  const known = keys !== undefined && keys.length === names.length;
  for (let i = 0; i < names.length; i++) {
    const n = known ? keys[i]! : orderNumber(names[i]!);
    if (n === null) {
      byIndex[i] = NaN;
      unnumbered.push(names[i]!);
    } else {
      byIndex[i] = n;
      numbered++;
    }
  }
  // Numbers in order (NaN, the unnumbered, sort last); then for each rank the number there, and
  // how many names sort before the first name carrying it.
  const sorted = byIndex.slice().sort();
  const wanted = new Map<number, string[]>();
  const at: { rank: number; key: number; before: number }[] = [];
  for (const rank of ranks) {
    if (rank < 0 || rank >= names.length || rank >= numbered) continue;
    const key = sorted[rank]!;
    let before = rank;
    while (before > 0 && sorted[before - 1] === key) before--;
    at.push({ rank, key, before });
    wanted.set(key, []);
  }
  if (wanted.size > 0) {
    for (let i = 0; i < names.length; i++) wanted.get(byIndex[i]!)?.push(names[i]!);
    for (const same of wanted.values()) same.sort();
  }
  unnumbered.sort();
  const picked: string[] = [];
  for (const rank of ranks) {
    if (rank < 0 || rank >= names.length) continue;
    if (rank >= numbered) {
      picked.push(unnumbered[rank - numbered]!);
    } else {
      const a = at.find((x) => x.rank === rank)!;
      picked.push(wanted.get(a.key)![rank - a.before]!);
    }
  }
  return picked;
}

/** `compareRecordNames(a, b)`, given each name's `orderNumber`. */
export function compareKeyed(na: number | null, a: string, nb: number | null, b: string): number {
  if (na !== null && nb !== null) {
    const d = na - nb;
    if (d !== 0) return d;
  } else if (na !== null || nb !== null) {
    return na !== null ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** For listings whose files were summarised already (`rememberNewest`): their newest records. */
const knownNewest = new WeakMap<object, (count: number) => string[]>();

/**
 * Tells `newestRecordNames(entries, count)` to answer `newest(count)`: what a summary of the very
 * files of `entries` (pattern.ts `summariseNames`) says of them, without another pass.
 */
export function rememberNewest(entries: readonly (readonly [string, string])[], newest: (count: number) => string[]): void {
  knownNewest.set(entries, newest);
}

/**
 * The `count` last names of `entries` in `compareRecordNames` order among the files that are
 * numbered or dated records (`readRecordName`), newest first: as sorting them all and taking the
 * end (a name equal to a kept one goes after it), in one pass reading each name's order number once;
 * most names of a large folder are passed over on that one comparison, before any other reading.
 */
export function newestRecordNames(entries: readonly (readonly [string, string])[], count: number): string[] {
  const names: string[] = [];
  const keys: (number | null)[] = [];
  if (count <= 0) return names;
  const known = knownNewest.get(entries);
  if (known) return known(count);
  // Last entry first: a listing is mostly in name order, so the newest come first and the rest are
  // passed over on one comparison. (Names are unique in a folder, so no tie's order is at stake.)
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    const name = entry[0];
    const n = orderNumber(name);
    // Not newer than the oldest kept: it would be inserted past the end.
    if (names.length === count && compareKeyed(keys[count - 1]!, names[count - 1]!, n, name) >= 0) continue;
    if (entry[1] !== 'file') continue;
    const kind = readRecordName(name)?.kind;
    if (kind !== 'number' && kind !== 'date') continue;
    let at = names.length;
    while (at > 0 && compareKeyed(keys[at - 1]!, names[at - 1]!, n, name) < 0) at--;
    names.splice(at, 0, name);
    keys.splice(at, 0, n);
    if (names.length > count) {
      names.pop();
      keys.pop();
    }
  }
  return names;
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
