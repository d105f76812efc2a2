/**
 * Record numbers and file names. Numbers are read as decimal (`0008` is 8, never octal — the bug
 * adr-tools works around by stripping zeros before `$((...))`) and padded as the collection pads.
 */
import type { Collection } from '../model';

/** The number a file or folder name starts with (`0008-foo.md` → 8), or null. */
export function leadingNumber(name: string): number | null {
  const m = /^(\d+)/.exec(name);
  if (!m) return null;
  const n = Number.parseInt(m[1]!, 10);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * The next record number for a folder holding `names`: the highest leading number + 1, or
 * `firstNumber` (1 for adr-tools, 0 for MADR) when none has one. Like adr-tools, every entry with
 * a leading number counts, so a `0012-diagram.png` beside the records reserves 12 as well.
 * Eight-digit names that read as dates (`20201016-...`, log4brains) are not numbers.
 */
export function nextNumber(names: Iterable<string>, firstNumber: number): number {
  let max = -1;
  for (const name of names) {
    if (isDateName(name)) continue;
    const n = leadingNumber(name);
    if (n !== null && n > max) max = n;
  }
  return max < 0 ? firstNumber : Math.max(max + 1, firstNumber);
}

/** True for `YYYYMMDD-...` names (log4brains). */
export function isDateName(name: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})(?:-|\.|$)/.exec(name);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  const year = Number(m[1]);
  return year >= 1970 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
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
 * The slug of a title for file names: diacritics removed, runs of anything but letters and digits
 * turned into one `-`, lower-cased, `-` trimmed (adr-tools' `tr -Ccs [:alnum:] -` rule:
 * "Something About Node.JS" → `something-about-node-js`). `untitled` when nothing is left.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'untitled' : slug;
}

/** `YYYYMMDD` of an ISO date (`2020-10-16` → `20201016`). */
export function compactDate(isoDate: string): string {
  return isoDate.slice(0, 10).replace(/-/g, '');
}

/** The file name of a numbered record: `0007-use-postgresql.md`. */
export function numberedFileName(n: number, padding: number, title: string): string {
  return `${formatNumber(n, padding)}-${slugify(title)}.md`;
}

/** The file name of a date-named record (log4brains): `20201016-use-postgresql.md`, `-2` etc. on collision. */
export function datedFileName(isoDate: string, title: string, attempt = 1): string {
  const suffix = attempt > 1 ? `-${attempt}` : '';
  return `${compactDate(isoDate)}-${slugify(title)}${suffix}.md`;
}

/** Today's date as `YYYY-MM-DD` in local time (adr-tools: `date +%Y-%m-%d`). */
export function isoDate(now: Date): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
