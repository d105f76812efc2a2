/** Reading the dates people write into ISO `YYYY-MM-DD`. */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2999) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * ISO dates (with or without a time), `YYYY/MM/DD`, day-first `DD/MM/YYYY` and `DD.MM.YYYY` (the
 * European forms ADR authors use; a US month-first date with a day > 12 is read month-first), and
 * `12 March 2021` / `March 12, 2021`. Anything else is null.
 */
export function normaliseDate(raw: unknown): string | null {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return raw.toISOString().slice(0, 10);
  if (typeof raw !== 'string') return null;
  // `[2022-10-05]`: a template's brackets left around a real date.
  const s = raw.trim().replace(/^\[\s*(.*?)\s*\]$/, '$1');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(s);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    // Two-digit years ("10/04/18") are this century: ADRs are younger than 2000.
    const y = m[3]!.length === 2 ? 2000 + +m[3]! : +m[3]!;
    return b > 12 && a <= 12 ? iso(y, a, b) : iso(y, b, a);
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(s);
  if (m) {
    const mi = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
    return mi >= 0 ? iso(+m[3]!, mi + 1, +m[1]!) : null;
  }
  m = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(s);
  if (m) {
    const mi = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
    return mi >= 0 ? iso(+m[3]!, mi + 1, +m[2]!) : null;
  }
  return null;
}
