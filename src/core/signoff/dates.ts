/** Calendar arithmetic on ISO dates (UTC days), and periods as people write them. */
import type { Period } from './types';

/** `12 months`, `1 year`, `90 days`, `6w`, `12m`, `1y`, `P12M` → a period; undefined when unreadable. */
export function parsePeriod(raw: unknown): Period | undefined {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw > 0) return { months: raw, days: 0 };
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim().toLowerCase();
  const iso = /^p(?:(\d+)y)?(?:(\d+)m)?(?:(\d+)w)?(?:(\d+)d)?$/.exec(s);
  if (iso && s !== 'p') return { months: +(iso[1] ?? 0) * 12 + +(iso[2] ?? 0), days: +(iso[3] ?? 0) * 7 + +(iso[4] ?? 0) };
  const m = /^(\d{1,4})\s*(d|days?|w|weeks?|m|months?|y|years?)$/.exec(s);
  if (!m) return undefined;
  const n = +m[1]!;
  if (n === 0) return undefined;
  switch (m[2]![0]) {
    case 'd': return { months: 0, days: n };
    case 'w': return { months: 0, days: n * 7 };
    case 'm': return { months: n, days: 0 };
    default: return { months: n * 12, days: 0 };
  }
}

/** `date` (ISO) plus `period`; the day is clamped to the month's last (31 Jan + 1 month = 28/29 Feb). */
export function addPeriod(date: string, period: Period, sign: 1 | -1 = 1): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const months = y * 12 + (m - 1) + sign * period.months;
  const ny = Math.floor(months / 12);
  const nm = months - ny * 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  const t = Date.UTC(ny, nm, Math.min(d, last)) + sign * period.days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A period as words: `12 months`, `30 days`, `1 month 2 days`. */
export function periodText(p: Period): string {
  const parts: string[] = [];
  if (p.months) parts.push(`${p.months} month${p.months === 1 ? '' : 's'}`);
  if (p.days || parts.length === 0) parts.push(`${p.days} day${p.days === 1 ? '' : 's'}`);
  return parts.join(' ');
}
