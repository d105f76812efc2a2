/**
 * A collection's naming pattern, inferred from the names its records already have, and the name
 * of its next record: the same prefix, padding, separators, case and date style, with the number
 * one more than the highest number in the folder. Every creator (CLI `new`, `new -s`, `new -l`,
 * `init`, New Decision, Draft ADR) names records through `nextRecordFileName` / `recordFileName`.
 *
 * Numbers are read as decimal (`0008` is 8, never octal — the bug adr-tools works around by
 * stripping zeros before `$((...))`) and padded as the collection pads.
 */
import type { Collection } from '../model';
import { compareKeyed as compareOrdered, isTemplateName, orderNumber, parseFileName, plainRead, readPlainRecordName, readRecordName, type DateStyle, type FileNameInfo } from './fileName';
import { letters } from '../letters';

export type SlugCase = 'lower' | 'upper' | 'title' | 'keep';

/** How a collection names its records. */
export interface NamingPattern {
  /** `number`: `NNNN-slug`; `date`: a date or timestamp instead of a number. */
  readonly kind: 'number' | 'date';
  /** Before the number, as written (`ADR-`, `adr-`, ''); always '' for dates. */
  readonly prefix: string;
  /** Zero-padding width of numbers (`0007` → 4; 1 for unpadded); 0 for dates. */
  readonly padding: number;
  /** How dates are written (date kind only). */
  readonly dateStyle: DateStyle;
  /** Between the number or date and the slug. */
  readonly separator: string;
  /** Between the slug's words. */
  readonly wordSeparator: string;
  readonly slugCase: SlugCase;
  /** False when the collection keeps accented letters in names (`0001-registrar-decisões.md`). */
  readonly ascii: boolean;
  /** False when names have no slug at all (`adr-1.md`, `adr-2.md`). */
  readonly slug: boolean;
  /** `.md` (records are Markdown files named `*.md`). */
  readonly extension: string;
}

/** What an empty collection falls back to. */
export type PatternDefaults = Pick<Collection, 'naming' | 'padding'>;

/** The pattern of a collection without records: `NNNN-slug.md` (adr-tools, MADR) or `YYYYMMDD-slug.md` (log4brains). */
export function defaultPattern(defaults: PatternDefaults): NamingPattern {
  return {
    kind: defaults.naming,
    prefix: '',
    padding: defaults.naming === 'date' ? 0 : defaults.padding > 0 ? defaults.padding : 4,
    dateStyle: 'compact',
    separator: '-',
    wordSeparator: '-',
    slugCase: 'lower',
    ascii: true,
    slug: true,
    extension: '.md',
  };
}

/** The most frequent value; ties go to the one seen last (the newest record in name order). */
function majority<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c >= bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/**
 * The zero-padding width of numbers as written: the common width of zero-padded ones (`0007`);
 * without any leading zero, names of mixed widths (`9-x`, `10-y`) are not padded (width 1).
 */
export function paddingOfDigits(digits: readonly string[]): number | undefined {
  return paddingOf_(digits.length, (i) => digits[i]!);
}

/**
 * `paddingOfDigits` over `count` digit strings read by `at`, in one pass and without intermediate
 * arrays (it runs over every record of a collection, on every `new`).
 */
function paddingOf_(count: number, at: (i: number) => string): number | undefined {
  const padded = new Map<number, number>();
  const widths = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const d = at(i);
    if (d.length > 1 && d.charCodeAt(0) === 48) padded.set(d.length, (padded.get(d.length) ?? 0) + 1);
    else if (padded.size === 0) widths.set(d.length, 1);
  }
  if (padded.size > 0) return widestMost(padded);
  return widths.size > 1 ? 1 : widestMost(widths);
}

/** The width most file names use (`counts`: width → how many); ties go to the wider one (`0010` over `010`). */
function widestMost(counts: ReadonlyMap<number, number>): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (const [w, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== undefined && w > best)) {
      best = w;
      bestCount = c;
    }
  }
  return best;
}

const LETTER = letters(/\p{L}/u);
const UPPER = letters(/\p{Lu}/u);
const LOWER = letters(/\p{Ll}/u);

function wordsOf(slug: string): string[] {
  return slug.split(/[-_ .]+/).filter((w) => w !== '');
}

function caseOf(slug: string): SlugCase | undefined {
  if (!LETTER(slug).test(slug)) return undefined;
  if (!UPPER(slug).test(slug)) return 'lower';
  const words = wordsOf(slug).filter((w) => LETTER(w).test(w));
  // One all-capitals word (`0022-EKS.md`) is an acronym, not a style.
  if (!LOWER(slug).test(slug)) return words.length > 1 ? 'upper' : 'keep';
  return words.every((w) => UPPER(w.charAt(0)).test(w.charAt(0)) || !LETTER(w.charAt(0)).test(w.charAt(0))) ? 'title' : 'keep';
}

function wordSeparatorOf(slug: string): string | undefined {
  const counts = { '-': 0, _: 0, ' ': 0 };
  for (const ch of slug) if (ch in counts) counts[ch as keyof typeof counts]++;
  const best = (Object.entries(counts) as [string, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : undefined;
}

/**
 * The pattern of a folder holding `names` (every entry name; non-records are ignored): numbers or
 * dates as most records have them, padding as most numbers are written, and each style trait
 * (prefix, separators, case) as most of the ten newest records write it (`docs/adr` of Wikibase has
 * 34 `NNNN-slug.md` and one `NNNN_slug.md`: hyphens; cloud-platform capitalised its first names and
 * lower-cases since 035: lower case). A folder without records takes its shape from a template name
 * with a placeholder number (`ADR-nnn_Title_Template.md`), else from `defaults`.
 */
export function inferNamingPattern(names: Iterable<string>, defaults: PatternDefaults): NamingPattern {
  return scanNames(names, defaults).pattern;
}

/** What one pass over a folder's names finds: its naming pattern, its record files, their lowest number. */
export interface NameScan {
  readonly pattern: NamingPattern;
  /** The names that can be records (`readRecordName`), in the order given; numbered, dated or neither. */
  readonly records: readonly string[];
  /** The lowest record number, or null when no record is numbered. */
  readonly lowest: number | null;
  /** True when `records` are in `compareRecordNames` order already (a zero-padded listing in name order is). */
  readonly ordered: boolean;
  /** Each record's `orderNumber`, beside `records` (read by the same pass: `recordNamesAt` takes them). */
  readonly keys: readonly (number | null)[];
}

/**
 * `inferNamingPattern`, and the folder's records and lowest number, in one pass over `names`
 * (each name read once: this runs over every name of a folder on every `new`, so it keeps no
 * intermediate arrays and sorts nothing).
 */
/**
 * The pattern `scanNames` found in an array with records, by that array (a command describes a
 * collection from its listing, then names the next record from the same listing). With records,
 * neither the defaults nor the names' order change the pattern.
 */
const scanned = new WeakMap<readonly string[], { readonly length: number; readonly pattern: NamingPattern }>();

/**
 * `inferNamingPattern(names, …)` without another pass, when `scanNames` already went over this very
 * array (same length) and found records in it; else undefined (then infer it).
 */
export function scannedPattern(names: readonly string[]): NamingPattern | undefined {
  const s = scanned.get(names);
  return s !== undefined && s.length === names.length ? s.pattern : undefined;
}

export function scanNames(names: Iterable<string>, defaults: PatternDefaults): NameScan {
  const all: readonly string[] = Array.isArray(names) ? names : [...names];
  // Last name first: a listing is mostly in name order, so the newest records come first and the
  // rest are passed over by one comparison each (KindScan keeps the newest as a forward pass would).
  const numbered = new KindScan(true);
  const dated = new KindScan(true);
  const records: string[] = [];
  const keys: (number | null)[] = [];
  let lowest: number | null = null;
  // Whether the records met so far (last first) are in reverse record order: each not after the one met before it.
  let ordered = true;
  let laterKey: number | null = null;
  let laterName: string | undefined;
  const inOrder = (key: number | null, name: string): boolean => {
    const fits = laterName === undefined || compareOrdered(key, name, laterKey, laterName) <= 0;
    laterKey = key;
    laterName = name;
    return fits;
  };
  for (let i = all.length - 1; i >= 0; i--) {
    const name = all[i]!;
    // The usual `NNNN-slug.md`, read without building (and keeping) an info for every name.
    const plain = readPlainRecordName(name);
    if (plain === 'template') continue;
    if (plain === 'record') {
      records.push(name);
      const n = plainRead.number;
      // Its order number is its number (digits first, no prefix).
      keys.push(n);
      if (ordered) ordered = inOrder(n, name);
      numbered.addPlain(name, n, plainRead.digits, plainRead.zeroLed);
      if (lowest === null || n < lowest) lowest = n;
      continue;
    }
    const r = readRecordName(name);
    if (r === undefined) continue;
    records.push(name);
    const key = orderNumber(name);
    keys.push(key);
    if (ordered) ordered = inOrder(key, name);
    if (r.kind === 'number') {
      numbered.add(r);
      if (lowest === null || r.number! < lowest) lowest = r.number;
    } else if (r.kind === 'date') {
      dated.add(r);
    }
  }
  records.reverse();
  keys.reverse();
  const total = numbered.count + dated.count;
  let pattern: NamingPattern;
  if (total === 0) {
    pattern = fromTemplateName(all, defaults) ?? defaultPattern(defaults);
  } else {
    const kind = dated.count * 2 > total ? 'date' : 'number';
    const scan = kind === 'date' ? dated : numbered;
    pattern = traitsOf(scan.top, kind, defaults, scan.padding(), !scan.nonAscii);
  }
  if (total > 0 && all === names) scanned.set(all, { length: all.length, pattern });
  return { pattern, records, lowest, ordered, keys };
}

// --- The whole-listing fast path ---------------------------------------------------------------
//
// A large folder is mostly names of one shape, `NNNN-slug.md` with one width of digits. Such a
// folder is read with a few native operations over all its names at once (one sort, two joins, a
// regex over the joined names) instead of JS work per name, and only the names of any other shape
// (README.md, a template, `10000-x.md` beside `9999-y.md`, a date) are read one by one. Where it
// applies, it gives what the per-name pass gives (tests: naming-fast-path.test.ts); elsewhere
// (small folders, non-ASCII or control characters in names, mixed widths, many names of other
// shapes) it gives nothing and the per-name pass runs.

/**
 * Below this many names the per-name pass is as cheap (the fast path compiles its regexes: a fixed
 * cost of about what reading 500 names one by one costs). Tests pass a lower threshold.
 */
export const FAST_MIN = 500;
/** At most this many names of another shape; beyond, the per-name pass. */
const MAX_OTHERS = 64;
/** A character outside printable ASCII (line breaks, accents…): such a folder is read name by name. */
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;
const FIRST_DIGITS = /^\d+/m;

/**
 * The lines of the joined names that are not a plain `readPlainRecordName` record of `width` digits
 * (`0007-slug.md`, `0007.md`; a `YYYY-..-` start is left to the per-name reading, as are the names
 * saying "template", found by `TEMPLATE_WORD`).
 */
const othersOf = new Map<number, RegExp>();
function othersRegex(width: number): RegExp {
  let re = othersOf.get(width);
  if (!re) {
    const plain = `${width === 4 ? '(?!\\d{4}-..-)' : ''}\\d{${width}}(?:[-_ .][^\\n]*)?\\.md`;
    re = new RegExp(`^(?!${plain}$)[^\\n]*$`, 'gim');
    othersOf.set(width, re);
  }
  return re;
}

/** A record among the names of another shape, as the per-name pass reads it. */
interface OtherRecord {
  readonly name: string;
  /** `orderNumber(name)`. */
  readonly key: number | null;
  readonly kind: 'number' | 'date' | 'none';
  readonly number: number | null;
  /** Digits of its number and whether the first is 0 (numbered records). */
  readonly digits: number;
  readonly zeroLed: boolean;
}

/** What describing a collection and naming its next record need from the names of its files. */
export interface NameSummary {
  readonly pattern: NamingPattern;
  /** The lowest record number, or null. */
  readonly lowest: number | null;
  /** How many names can be records (`scanNames(files).records.length`). */
  readonly count: number;
  /** The records at `ranks` (0-based) in record order: `recordNamesAt(scanNames(files).records, ranks)`. */
  at(ranks: readonly number[]): string[];
  /** The `k` newest numbered or dated records, newest first: `newestRecordNames` over these files. */
  newest(k: number): string[];
  /** The names not of the plain shape (README.md, templates, other numbers…), in code-unit order: every name not led by digits is one. */
  readonly others: readonly string[];
}

const summaries = new WeakMap<readonly string[], NameSummary>();

/** The summary `summariseNames` made of this very array, if it made one. */
export function summaryOf(files: readonly string[]): NameSummary | undefined {
  return summaries.get(files);
}

/**
 * The summary of a folder's file names (every `kind: 'file'` entry), by the whole-listing fast path;
 * undefined where that path does not apply (then read the names with `scanNames`). With a summary,
 * `scannedPattern(files)` gives its pattern.
 */
export function summariseNames(files: readonly string[], defaults: PatternDefaults, from = FAST_MIN): NameSummary | undefined {
  if (files.length < from) return undefined;
  const sorted = files.slice().sort();
  if (NOT_PRINTABLE_ASCII.test(sorted.join(''))) return undefined;
  const flat = sorted.join('\n');
  // The width of the plain names: the first digit-led name's, else the last one's (`10000-x.md`
  // sorts before `9800-y.md`).
  const first = FIRST_DIGITS.exec(flat)?.[0].length;
  if (first === undefined) return undefined;
  let last: number | undefined;
  for (let i = sorted.length - 1; i >= 0 && i >= sorted.length - MAX_OTHERS; i--) {
    const d = LEADING_DIGITS.exec(sorted[i]!);
    if (d) {
      last = d[0].length;
      break;
    }
  }
  for (const width of first === last || last === undefined ? [first] : [first, last]) {
    if (width > 4) continue;
    const summary = summariseWidth(sorted, flat, width, defaults);
    if (summary) {
      scanned.set(files, { length: files.length, pattern: summary.pattern });
      summaries.set(files, summary);
      return summary;
    }
  }
  return undefined;
}

const LEADING_DIGITS = /^\d+/;

/** `summariseNames` where the plain names have `width` digits. */
function summariseWidth(sorted: readonly string[], flat: string, width: number, defaults: PatternDefaults): NameSummary | undefined {
  // The names of another shape: where they are in `sorted`, and the records among them.
  // Names saying "template" (rare) are read one by one whatever their shape: a plain-looking
  // `0001-template.md` is no record.
  const lines: string[] = [];
  const re = othersRegex(width);
  re.lastIndex = 0;
  for (let m = re.exec(flat); m !== null; m = re.exec(flat)) {
    if (m[0] === '') re.lastIndex++;
    if (lines.length === MAX_OTHERS) return undefined;
    lines.push(m[0]);
  }
  TEMPLATE_WORD.lastIndex = 0;
  for (let m = TEMPLATE_WORD.exec(flat); m !== null; m = TEMPLATE_WORD.exec(flat)) {
    const start = flat.lastIndexOf('\n', m.index) + 1;
    let end = flat.indexOf('\n', m.index);
    if (end < 0) end = flat.length;
    lines.push(flat.slice(start, end));
    if (lines.length > 2 * MAX_OTHERS) return undefined;
    TEMPLATE_WORD.lastIndex = end;
  }
  const seen = new Set<number>();
  const otherAt: number[] = [];
  for (const name of lines) {
    const at = indexFrom(sorted, name, 0);
    if (at < 0) return undefined;
    if (!seen.has(at)) {
      seen.add(at);
      otherAt.push(at);
    }
  }
  if (otherAt.length > MAX_OTHERS) return undefined;
  otherAt.sort((a, b) => a - b);
  const others: OtherRecord[] = [];
  for (const at of otherAt) {
    const name = sorted[at]!;
    const plain = readPlainRecordName(name);
    if (plain === 'template') continue;
    if (plain === 'record') {
      others.push({ name, key: plainRead.number, kind: 'number', number: plainRead.number, digits: plainRead.digits, zeroLed: plainRead.zeroLed });
      continue;
    }
    const r = readRecordName(name);
    if (r === undefined) continue;
    const digits = r.numberText;
    others.push({ name, key: orderNumber(name), kind: r.kind, number: r.number, digits: digits?.length ?? 0, zeroLed: digits?.charCodeAt(0) === 48 });
  }
  const plainCount = sorted.length - otherAt.length;
  if (plainCount === 0) return undefined;
  let numbered = plainCount;
  let dated = 0;
  for (const o of others) {
    if (o.kind === 'number') numbered++;
    else if (o.kind === 'date') dated++;
  }
  if (dated * 2 > numbered + dated) return undefined;

  /** The `j`-th plain name, in `sorted` order (which is record order among them). */
  const plainAt = (j: number): string => {
    let i = j;
    for (const o of otherAt) {
      if (o <= i) i++;
      else break;
    }
    return sorted[i]!;
  };
  const plainNumber = (j: number): number => Number.parseInt(plainAt(j).slice(0, width), 10);

  let lowest: number = plainNumber(0);
  for (const o of others) if (o.kind === 'number' && o.number! < lowest) lowest = o.number!;

  // Padding, as KindScan counts it: zero-padded numbers by width, and the widths of the others.
  const padded = new Array<number>(MAX_DIGITS + 1).fill(0);
  const widths = new Set<number>();
  for (const o of others) {
    if (o.kind !== 'number') continue;
    const w = Math.min(o.digits, MAX_DIGITS);
    if (w > 1 && o.zeroLed) padded[w]!++;
    else widths.add(w);
  }
  if (width === 1) widths.add(1);
  else {
    // Plain names led by 0, counted up to where the count outweighs any other width.
    let zeros = 0;
    for (const o of otherAt) if (sorted[o]!.charCodeAt(0) === 48) zeros--;
    const cap = MAX_OTHERS + otherAt.length + 1;
    let led = 0;
    ZERO_LED.lastIndex = 0;
    while (led < cap && ZERO_LED.exec(flat) !== null) led++;
    zeros += led;
    if (zeros > 0) padded[width]! += zeros;
    if (led < cap && zeros < plainCount) widths.add(width);
  }
  let padding: number | undefined;
  if (padded.some((c) => c > 0)) {
    let best = 0;
    for (let w = 2; w <= MAX_DIGITS; w++) if (padded[w]! > 0 && padded[w]! >= padded[best]!) best = w;
    padding = best;
  } else padding = widths.size > 1 ? 1 : widths.values().next().value;

  // The newest ten: the plain names at the end (and any of the same number), and the other numbered ones.
  const top: FileNameInfo[] = [];
  let boundary: number | undefined;
  for (let j = plainCount - 1, taken = 0; j >= 0; j--, taken++) {
    const n = plainNumber(j);
    if (taken >= RECENT && n !== boundary) break;
    if (taken === RECENT - 1) boundary = n;
    keepNewest(top, parseFileName(plainAt(j)), RECENT);
  }
  for (const o of others) if (o.kind === 'number') keepNewest(top, parseFileName(o.name), RECENT);
  const pattern = traitsOf(top, 'number', defaults, padding, true);

  // Record order: the plain names (keyed by their numbers) merged with the other records.
  const sortedOthers = others.slice().sort((a, b) => compareOrdered(a.key, a.name, b.key, b.name));
  const before = (j: number, o: OtherRecord): boolean => compareOrdered(plainNumber(j), plainAt(j), o.key, o.name) < 0;
  const othersRank = sortedOthers.map((o, i) => {
    let lo = 0;
    let hi = plainCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(mid, o)) lo = mid + 1;
      else hi = mid;
    }
    return lo + i;
  });
  const count = plainCount + others.length;
  const summary: NameSummary = {
    pattern,
    lowest,
    count,
    others: otherAt.map((i) => sorted[i]!),
    at: (ranks) => {
      const out: string[] = [];
      for (const rank of ranks) {
        if (rank < 0 || rank >= count) continue;
        const k = othersRank.indexOf(rank);
        if (k >= 0) out.push(sortedOthers[k]!.name);
        else out.push(plainAt(rank - othersRank.filter((r) => r < rank).length));
      }
      return out;
    },
    newest: (k) => {
      if (k <= 0) return [];
      const candidates: { key: number | null; name: string }[] = [];
      for (let j = plainCount - 1; j >= 0 && j >= plainCount - k; j--) candidates.push({ key: plainNumber(j), name: plainAt(j) });
      for (const o of others) if (o.kind !== 'none') candidates.push(o);
      candidates.sort((a, b) => compareOrdered(b.key, b.name, a.key, a.name));
      return candidates.slice(0, k).map((c) => c.name);
    },
  };
  return summary;
}

const ZERO_LED = /^0/gm;
const TEMPLATE_WORD = /template/gi;

/** The index of `name` in `sorted` (code-unit order) at or after `from`, or -1. */
function indexFrom(sorted: readonly string[], name: string, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < name) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === name ? lo : -1;
}

/**
 * `highestNumber` over the names joined, for a large folder: a regex finds the names whose digits
 * could exceed the highest number so far (never a name with fewer digits, or the same digits and
 * lower), each read as the per-name pass reads it; most names are passed over natively. Undefined
 * when a piece of a name with a line break in it looked like a higher number (then the per-name pass).
 */
function highestJoined(all: readonly string[]): number | null | undefined {
  const flat = all.join('\n');
  const seed = all[all.length - 1]!;
  let max: number | null = seed.charCodeAt(0) === 46 ? null : parseFileName(seed).number;
  let re = above(max);
  for (let m = re.exec(flat); m !== null; m = re.exec(flat)) {
    let end = flat.indexOf('\n', m.index);
    if (end < 0) end = flat.length;
    const line = flat.slice(m.index, end);
    const n = parseFileName(line).number;
    if (n !== null && (max === null || n > max)) {
      // A name with a line break in it is more than one line (and carries no number): a line
      // raising the highest number must be a name of its own.
      if (!all.includes(line)) return undefined;
      max = n;
      re = above(max);
    }
    re.lastIndex = end;
  }
  return max;
}

/** A regex finding the lines whose number (after an optional `adr` prefix and zeros) may exceed `max`. */
function above(max: number | null): RegExp {
  if (max === null) return /^(?:adr[-_ ]?)?\d/gim;
  const s = String(max);
  const d = s.length;
  const alternatives = [`[1-9]\\d{${d},}`];
  for (let i = 0; i < d; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 9) alternatives.push(`${s.slice(0, i)}[${c + 1}-9]\\d{${d - i - 1}}`);
  }
  return new RegExp(`^(?:adr[-_ ]?)?0*(?:${alternatives.join('|')})`, 'gim');
}

/** Style traits (prefix, separators, case) are voted by the newest records: a team's convention as it is now. */
const RECENT = 10;

const byNumberThenId = (a: FileNameInfo, b: FileNameInfo): number => (a.number ?? 0) - (b.number ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The last `k` of `records` in (number, id) order, in that order: as sorting all and slicing, in one pass. */
export function newest<T extends FileNameInfo>(records: readonly T[], k: number): T[] {
  const top: T[] = [];
  for (let j = 0; j < records.length; j++) keepNewest(top, records[j]!, k);
  return top;
}

/**
 * Adds `r` to `top` (the `k` newest so far, in order) when it is among the `k` newest. `backwards`:
 * the records come last first, so that a tie goes before its equals (a stable sort of the records
 * in their own order puts it there).
 */
function keepNewest<T extends FileNameInfo>(top: T[], r: T, k: number, backwards = false): void {
  // Before `a` in the stable order: older, or equal and (going backwards) earlier in the records.
  const before = (a: T): boolean => {
    const c = byNumberThenId(r, a);
    return c < 0 || (backwards && c === 0);
  };
  if (top.length === k && before(top[0]!)) return;
  // Insert in order (k is small): after the older ones and, as a stable sort keeps them, after
  // equals seen earlier in the records.
  let i = top.length;
  while (i > 0 && before(top[i - 1]!)) i--;
  // In place (splice would allocate for every record).
  top.push(r);
  for (let j = top.length - 1; j > i; j--) top[j] = top[j - 1]!;
  top[i] = r;
  if (top.length > k) top.shift();
}

const NON_ASCII = /[^\x00-\x7f]/;
const TEMPLATE_PATTERN = /^((?:adr)[-_ ]?)?(n{2,}|x{2,}|0{2,})([-_ ])(.*)\.md$/i;
/** Digits a numbered name carries at most (`parseFileName` reads up to 15). */
const MAX_DIGITS = 15;

/** The records of one kind (numbered or dated) of a folder, as one pass gathers what their pattern needs. */
class KindScan {
  count = 0;
  /** The `RECENT` newest, in order. */
  readonly top: FileNameInfo[] = [];
  /** True when some slug has a letter beyond ASCII (`0001-registrar-decisões.md`). */
  nonAscii = false;
  /** How many zero-padded numbers (`0007`) have each width. */
  private readonly padded: number[] = new Array<number>(MAX_DIGITS + 1).fill(0);
  private anyPadded = false;
  /** The width of the first number, and whether another width was seen. */
  private width: number | undefined;
  private mixed = false;

  /** `backwards`: records are added last first (see `keepNewest`). */
  constructor(private readonly backwards = false) {}

  add(r: FileNameInfo): void {
    this.count++;
    keepNewest(this.top, r, RECENT, this.backwards);
    if (!this.nonAscii && NON_ASCII.test(r.slug)) this.nonAscii = true;
    const digits = r.numberText;
    if (digits === null) return;
    this.addDigits(digits.length, digits.charCodeAt(0) === 48);
  }

  /**
   * `add` for a numbered record read by `readPlainRecordName` (number `n` of `digits` digits): its
   * info is built only when it is among the newest. Outside its slug such a name is ASCII (digits,
   * separators, `.md`), so the name stands for the slug in the ASCII test.
   */
  addPlain(name: string, n: number, digits: number, zeroLed: boolean): void {
    const top = this.top;
    if (top.length === RECENT && n < top[0]!.number!) this.count++;
    else {
      this.count++;
      keepNewest(top, parseFileName(name), RECENT, this.backwards);
    }
    if (!this.nonAscii && NON_ASCII.test(name)) this.nonAscii = true;
    this.addDigits(digits, zeroLed);
  }

  private addDigits(length: number, zeroLed: boolean): void {
    const w = Math.min(length, MAX_DIGITS);
    if (w > 1 && zeroLed) {
      this.padded[w]!++;
      this.anyPadded = true;
    } else if (this.width === undefined) {
      this.width = w;
    } else if (w !== this.width) {
      this.mixed = true;
    }
  }

  /**
   * `paddingOfDigits` of the numbers seen: the width most zero-padded numbers have (ties: the wider);
   * without any, 1 for mixed widths, else the one width (undefined without numbers).
   */
  padding(): number | undefined {
    if (!this.anyPadded) return this.mixed ? 1 : this.width;
    let best = 0;
    for (let w = 2; w <= MAX_DIGITS; w++) if (this.padded[w]! > 0 && this.padded[w]! >= this.padded[best]!) best = w;
    return best;
  }
}

/** The traits of `records` (every record of one kind: `renamedForTitle` reads one name). */
function traitsOfRecords(records: readonly FileNameInfo[], kind: 'number' | 'date', defaults: Pick<PatternDefaults, 'padding'>): NamingPattern {
  const scan = new KindScan();
  for (const r of records) scan.add(r);
  return traitsOf(records.slice(-RECENT), kind, defaults, scan.padding(), !scan.nonAscii);
}

function traitsOf(same: readonly FileNameInfo[], kind: 'number' | 'date', defaults: Pick<PatternDefaults, 'padding'>, padding: number | undefined, ascii: boolean): NamingPattern {
  const base = defaultPattern({ naming: kind, padding: defaults.padding });
  const withSlug = same.filter((r) => r.slug !== '');
  const separator = majority(withSlug.map((r) => r.separator)) ?? base.separator;
  const multiWord = withSlug.map((r) => wordSeparatorOf(r.slug)).filter((s): s is string => s !== undefined);
  const wordSeparator = majority(multiWord) ?? (separator === '_' || separator === ' ' ? separator : '-');
  const cases = withSlug.map((r) => caseOf(r.slug)).filter((c): c is SlugCase => c !== undefined);
  const lower = cases.filter((c) => c === 'lower').length;
  let slugCase: SlugCase = 'lower';
  if (cases.length > 0 && lower * 2 < cases.length) {
    const others = cases.filter((c) => c !== 'lower');
    const upper = others.filter((c) => c === 'upper').length;
    const title = others.filter((c) => c === 'title').length;
    slugCase = upper * 2 > others.length ? 'upper' : title * 2 > others.length ? 'title' : 'keep';
  }
  return {
    kind,
    prefix: kind === 'number' ? majority(same.map((r) => r.prefix)) ?? '' : '',
    padding: kind === 'number' ? padding ?? base.padding : 0,
    dateStyle: kind === 'date' ? majority(same.map((r) => r.dateStyle!)) ?? 'compact' : 'compact',
    separator,
    wordSeparator,
    slugCase,
    ascii,
    slug: withSlug.length * 2 >= same.length,
    extension: '.md',
  };
}

/** `ADR-nnn_Title_Template.md` → `ADR-001_Title_Like_This.md`; `NNNN-adr-template.md` → `0001-…`; `000-template.md` → `001-…`. */
function fromTemplateName(names: readonly string[], defaults: PatternDefaults): NamingPattern | undefined {
  for (const name of names) {
    if (name.startsWith('.') || !/\.md$/i.test(name) || !isTemplateName(name)) continue;
    const m = TEMPLATE_PATTERN.exec(name);
    if (!m) continue;
    const slug = m[4]!;
    return {
      ...defaultPattern({ naming: 'number', padding: defaults.padding }),
      prefix: m[1] ?? '',
      padding: m[2]!.length,
      separator: m[3]!,
      wordSeparator: wordSeparatorOf(slug) ?? m[3]!,
      slugCase: caseOf(slug) ?? 'lower',
    };
  }
  return undefined;
}

/** `n` zero-padded to `width` digits (`formatNumber(7, 4)` → `0007`); wider numbers are kept whole. */
export function formatNumber(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The padding a numbered collection uses: its `padding`, or 4 (adr-tools, MADR) when unknown. */
export function paddingOf(collection: Pick<Collection, 'padding'>): number {
  return collection.padding > 0 ? collection.padding : 4;
}

/**
 * The highest record number among `names` (every entry of the folder: like adr-tools, a
 * `0012-diagram.png` beside the records reserves 12 as well), or null. Hidden entries (claims of
 * creators at work) and dates are not numbers.
 */
export function highestNumber(names: Iterable<string>, fastFrom = FAST_MIN): number | null {
  const all: readonly string[] = Array.isArray(names) ? names : [...names];
  if (all.length >= fastFrom) {
    const joined = highestJoined(all);
    if (joined !== undefined) return joined;
  }
  let max: number | null = null;
  // Last name first (a listing is mostly in name order): a number a name carries is its order
  // number, so a name whose order number is no higher than the highest so far is passed over.
  for (let i = all.length - 1; i >= 0; i--) {
    const name = all[i]!;
    if (name.charCodeAt(0) === 46) continue; // hidden
    if (max !== null) {
      const o = orderNumber(name);
      if (o === null || o <= max) continue;
    }
    const n = parseFileName(name).number;
    if (n !== null && (max === null || n > max)) max = n;
  }
  return max;
}

/** The next record number: the highest + 1, or `firstNumber` (1 for adr-tools, 0 for MADR) when none. */
export function nextNumber(names: Iterable<string>, firstNumber: number): number {
  const max = highestNumber(names);
  return max === null ? firstNumber : Math.max(max + 1, firstNumber);
}

/**
 * The slug of a title for file names: diacritics removed, runs of anything but letters and digits
 * turned into one `-`, lower-cased, `-` trimmed (adr-tools' `tr -Ccs [:alnum:] -` rule:
 * "Something About Node.JS" → `something-about-node-js`). `untitled` when nothing is left.
 */
export function slugify(title: string): string {
  return slugFor(title, { wordSeparator: '-', slugCase: 'lower', ascii: true });
}

const NON_WORD = letters(/[^\p{L}\p{N}]+/u);

/** The slug of `title` written as the pattern writes slugs (separator, case, accents). */
export function slugFor(title: string, p: Pick<NamingPattern, 'wordSeparator' | 'slugCase' | 'ascii'>): string {
  const text = p.ascii ? title.normalize('NFKD').replace(/\p{M}+/gu, '') : title.normalize('NFC');
  let words = text.split(NON_WORD(text)).filter((w) => w !== '');
  if (words.length === 0) words = ['untitled'];
  switch (p.slugCase) {
    case 'lower':
      words = words.map((w) => w.toLowerCase());
      break;
    case 'upper':
      words = words.map((w) => w.toUpperCase());
      break;
    case 'title':
      words = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1));
      break;
    case 'keep':
      break;
  }
  return words.join(p.wordSeparator);
}

/** `YYYYMMDD` of an ISO date (`2020-10-16` → `20201016`). */
export function compactDate(isoDate: string): string {
  return isoDate.slice(0, 10).replace(/-/g, '');
}

/** Today's date as `YYYY-MM-DD` in local time (adr-tools: `date +%Y-%m-%d`). */
export function isoDate(now: Date): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** `HHMMSS` of a time, local (as `date +%H%M%S`). */
function compactTime(now: Date): string {
  return [now.getHours(), now.getMinutes(), now.getSeconds()].map((x) => String(x).padStart(2, '0')).join('');
}

/** What goes into one record's name. */
export interface NameParts {
  readonly title: string;
  /** Numbered patterns. */
  readonly number?: number;
  /** Dated patterns: `YYYY-MM-DD`. */
  readonly date?: string;
  /** Timestamp patterns: the time of day (local). */
  readonly time?: Date;
  /** 2, 3… for the second, third… record with the same dated name (`-2`). */
  readonly attempt?: number;
}

/** The file name `pattern` gives a record: `0007-use-postgresql.md`, `ADR-012_Use_Kafka.md`, `20201016-use-x.md`. */
export function recordFileName(pattern: NamingPattern, parts: NameParts): string {
  let head: string;
  if (pattern.kind === 'number') {
    if (parts.number === undefined) throw new Error('recordFileName: a numbered pattern needs a number');
    head = `${pattern.prefix}${formatNumber(parts.number, Math.max(pattern.padding, 1))}`;
  } else {
    if (parts.date === undefined) throw new Error('recordFileName: a dated pattern needs a date');
    const date = parts.date.slice(0, 10);
    head =
      pattern.dateStyle === 'dashed'
        ? date
        : pattern.dateStyle === 'timestamp'
          ? `${compactDate(date)}${compactTime(parts.time ?? new Date(`${date}T00:00:00`))}`
          : compactDate(date);
  }
  const suffix = parts.attempt !== undefined && parts.attempt > 1 ? `${pattern.wordSeparator}${parts.attempt}` : '';
  const slug = pattern.slug ? `${pattern.separator || '-'}${slugFor(parts.title, pattern)}` : '';
  return `${head}${slug}${suffix}${pattern.extension}`;
}

/** The next record of a folder, as `nextRecordFileName` plans it. */
export interface PlannedName {
  readonly fileName: string;
  /** Numbered patterns: the number, and as written. */
  readonly number: number | null;
  readonly numberText: string | null;
  readonly pattern: NamingPattern;
}

/** What `nextRecordFileName` needs beyond the folder's names. */
export interface NextNameOptions {
  readonly title: string;
  /** Empty folders: the collection's numbering, padding and first number. */
  readonly collection: Pick<Collection, 'naming' | 'padding' | 'firstNumber'>;
  /** `YYYY-MM-DD` of the record (needed by dated patterns). */
  readonly date?: string;
  /** The time (timestamp patterns). */
  readonly now?: Date;
  /** At least this number (a creator moving past numbers others hold). */
  readonly floor?: number;
  /** The folder's pattern when already inferred from `names` (creators retrying). */
  readonly pattern?: NamingPattern;
}

/**
 * The file name of the next record in a folder holding `names`, for `title`: the folder's pattern,
 * numbered one more than its highest number (never a number in use), or dated, with `-2`, `-3`…
 * when that dated name is taken.
 */
export function nextRecordFileName(names: readonly string[], options: NextNameOptions): PlannedName {
  const pattern = options.pattern ?? inferNamingPattern(names, options.collection);
  if (pattern.kind === 'number') {
    const n = Math.max(nextNumber(names, options.collection.firstNumber), options.floor ?? 0);
    const fileName = recordFileName(pattern, { title: options.title, number: n });
    return { fileName, number: n, numberText: formatNumber(n, Math.max(pattern.padding, 1)), pattern };
  }
  const taken = new Set(names);
  for (let attempt = 1; ; attempt++) {
    const fileName = recordFileName(pattern, { title: options.title, ...(options.date ? { date: options.date } : {}), ...(options.now ? { time: options.now } : {}), attempt });
    if (!taken.has(fileName)) return { fileName, number: null, numberText: null, pattern };
  }
}

/** The file name a record gets for a new `title`: number or date and its prefix kept, slug redone in the name's own style. */
export function renamedForTitle(currentName: string, title: string): string {
  const info = parseFileName(currentName);
  if (info.kind === 'none' || info.slug === '') return currentName;
  const ext = /\.[^.]+$/.exec(currentName)?.[0] ?? '.md';
  const head = info.kind === 'number' ? `${info.prefix}${info.numberText}` : info.dateText!;
  const traits = traitsOfRecords([info], info.kind, { padding: 0 });
  return `${head}${info.separator || '-'}${slugFor(title, traits)}${ext}`;
}

/** The name of a numbered record with another number: `ADR-0007-x.md` → `ADR-0012-x.md`, padding kept. */
export function renumberedFileName(currentName: string, n: number): string {
  const info = parseFileName(currentName);
  if (info.kind !== 'number') return currentName;
  const ext = currentName.slice(info.id.length);
  return `${info.prefix}${formatNumber(n, info.numberText!.length)}${info.slug !== '' ? `${info.separator}${info.slug}` : ''}${ext}`;
}

/** The file name of a numbered record in the default pattern: `0007-use-postgresql.md`. */
export function numberedFileName(n: number, padding: number, title: string): string {
  return recordFileName(defaultPattern({ naming: 'number', padding }), { number: n, title });
}

/** The file name of a date-named record (log4brains): `20201016-use-postgresql.md`, `-2` etc. on collision. */
export function datedFileName(isoDate: string, title: string, attempt = 1): string {
  return recordFileName(defaultPattern({ naming: 'date', padding: 0 }), { date: isoDate, title, attempt });
}
