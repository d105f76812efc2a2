/** What a record's file name says: its number or creation date, and its slug. */

export interface FileNameInfo {
  /** File name without `.md`: the record's id. */
  readonly id: string;
  readonly number: number | null;
  readonly numberText: string | null;
  /** `YYYY-MM-DD` for log4brains-style `YYYYMMDD-slug.md` names. */
  readonly date: string | null;
  /** The part after the number or date. */
  readonly slug: string;
}

const DATE_NAME = /^((?:19|20)\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])-(.+)$/;
// `0007-x`, `007-x`, `adr-007-x`, `ADR-0007-x`, `ADR_0007_x`, `0007_x`: the number is decimal even with zeros.
const NUMBERED = /^(?:adr[-_ ]?)?(\d{1,7})(?:[-_ .]+(.*))?$/i;

export function parseFileName(fileName: string): FileNameInfo {
  const id = fileName.replace(/\.(md|markdown)$/i, '');
  const dated = DATE_NAME.exec(id);
  if (dated) {
    return { id, number: null, numberText: null, date: `${dated[1]}-${dated[2]}-${dated[3]}`, slug: dated[4]! };
  }
  const numbered = NUMBERED.exec(id);
  if (numbered) {
    const numberText = numbered[1]!;
    return { id, number: Number.parseInt(numberText, 10), numberText, date: null, slug: numbered[2] ?? '' };
  }
  return { id, number: null, numberText: null, date: null, slug: id };
}

/** `use-postgresql` → `Use postgresql`: a readable title when a record has none. */
export function titleFromSlug(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
