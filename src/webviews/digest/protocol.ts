/**
 * Messages between the Decision Digest page (webview) and the extension, and the period the page
 * picks. Both sides import this file and validate what they receive with it: the extension checks
 * every request of the page (a period from a fixed list of kinds, a date a real `YYYY-MM-DD`, a ref
 * one safe token: never an option), the page checks the digest the extension posts (every section
 * and entry, part by part). Everything is data: the page builds its DOM from it as text.
 */
import { all, isNum, isObj } from '../validate';

/** The period picked: the last N days, since a date, or since a git ref; `until` a ref ('' for HEAD). */
export interface Period {
  readonly kind: 'days' | 'date' | 'ref';
  /** Days (`7`), a date (`2025-03-01`) or a ref (`v1.2.0`). */
  readonly value: string;
  readonly until: string;
}

export const DEFAULT_PERIOD: Period = { kind: 'days', value: '7', until: '' };

export type PageStatus = 'loading' | 'ready' | 'error' | 'none';

export interface DigestState {
  readonly status: PageStatus;
  readonly period: Period;
  /** The workspace folder digested ('' when none). */
  readonly folder: string;
  /** The digest (status ready). */
  readonly digest?: DigestView;
  /** One line: why there is no digest (status error, none). */
  readonly message?: string;
  /** Counts the digests posted (a late answer to an older request is not shown). */
  readonly revision: number;
}

export type ToWebview = { readonly type: 'state'; readonly state: DigestState };

export type FromWebview =
  /** The page listens; `period`: the one it showed before it reloaded. */
  | { readonly type: 'ready'; readonly period?: Period }
  /** Digest this period. */
  | { readonly type: 'run'; readonly period: Period }
  /** Digest the period shown again (git moved on). */
  | { readonly type: 'refresh' }
  /** Copy the digest shown as Markdown (core's markdown format). */
  | { readonly type: 'copy' }
  /** Open a record of the digest shown (its repository-relative path). */
  | { readonly type: 'open'; readonly path: string };

const MAX_REF = 256;
const MAX_DAYS = 36_500;
const MAX_TEXT = 10_000;

const isStr = (x: unknown, max = MAX_TEXT): x is string => typeof x === 'string' && x.length <= max;
const isInt = (x: unknown): x is number => isNum(x) && Number.isInteger(x);
const strs = (x: unknown, max = 10_000): x is string[] => Array.isArray(x) && x.length <= max && x.every((s) => isStr(s, 2000));

/** A real calendar date `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** A ref git is asked about: one token, never an option, no control characters, no revision range. */
export function isSafeRef(s: string): boolean {
  return s.length > 0 && s.length <= MAX_REF && /^[^-\s][^\s]*$/.test(s) && !/[\u0000-\u001f\u007f]/.test(s) && !s.includes('..');
}

/** Why a period cannot be digested (one line), or undefined when it can. */
export function periodProblem(p: Period): string | undefined {
  if (p.kind === 'days') {
    if (!/^\d{1,5}$/.test(p.value) || +p.value < 1 || +p.value > MAX_DAYS) return 'The number of days is a whole number from 1.';
  } else if (p.kind === 'date') {
    if (!isIsoDate(p.value)) return 'A date is written YYYY-MM-DD (2025-03-01).';
  } else if (!isSafeRef(p.value)) return p.value.trim() ? `"${p.value.slice(0, 40)}" is not a git ref (a branch, tag or commit).` : 'Name a git ref (a branch, tag or commit).';
  if (p.until !== '' && !isSafeRef(p.until)) return `"${p.until.slice(0, 40)}" is not a git ref for "until" (leave it empty for HEAD).`;
  return undefined;
}

/** The `--since` text of a period (as the CLI takes it: `7d`, a date, a ref). */
export function sinceText(p: Period): string {
  return p.kind === 'days' ? `${+p.value}d` : p.value;
}

/** A period as typed (trimmed); undefined when it is not one. Does not check the values (`periodProblem` does). */
export function parsePeriod(x: unknown): Period | undefined {
  if (!isObj(x)) return undefined;
  const { kind, value, until } = x;
  if (kind !== 'days' && kind !== 'date' && kind !== 'ref') return undefined;
  if (!isStr(value, MAX_REF + 64) || !(until === undefined || isStr(until, MAX_REF + 64))) return undefined;
  return { kind, value: value.trim(), until: (until ?? '').trim() };
}

/** The period as a phrase ("the last 7 days", "since 2025-03-01 until v2"). */
export function periodLabel(p: Period): string {
  const since = p.kind === 'days' ? `the last ${+p.value} day${+p.value === 1 ? '' : 's'}` : `since ${p.value}`;
  return p.until ? `${since} until ${p.until}` : since;
}

/** Validates a message from the page: the page is not trusted to send well-formed data. */
export function parseFromWebview(value: unknown): FromWebview | undefined {
  if (!isObj(value)) return undefined;
  switch (value.type) {
    case 'ready': {
      if (value.period === undefined) return { type: 'ready' };
      const period = parsePeriod(value.period);
      return period ? { type: 'ready', period } : undefined;
    }
    case 'refresh': case 'copy': return { type: value.type };
    case 'run': {
      const period = parsePeriod(value.period);
      return period ? { type: 'run', period } : undefined;
    }
    case 'open':
      return isStr(value.path, 4096) && value.path.length > 0 ? { type: 'open', path: value.path } : undefined;
    default: return undefined;
  }
}

// ---- the digest, as the page shows it --------------------------------------------------------------

/** A piece of an entry: text, code, emphasis, or a record (opened in the editor by its repository-relative path). */
export type Part =
  | { readonly text: string }
  | { readonly code: string }
  | { readonly strong: string }
  | { readonly record: string; readonly path: string };

export interface SectionView {
  /** `decisions`, `awaiting`, `reviews`, `undocumented`, `documented`, `acknowledged`, `conflicts`, `governed`. */
  readonly id: string;
  readonly title: string;
  readonly items: readonly (readonly Part[])[];
  /** What the section says when it has no entry. */
  readonly empty: string;
}

/** The digest as the page renders it: the sections every format renders, in the same words (built by the extension). */
export interface DigestView {
  readonly heading: string;
  readonly summary: string;
  readonly commits: number;
  /** No section has an entry. */
  readonly empty: boolean;
  readonly sections: readonly SectionView[];
  readonly notes: readonly string[];
}

function part(x: unknown): Part | undefined {
  if (!isObj(x)) return undefined;
  if (isStr(x.text)) return { text: x.text };
  if (isStr(x.code)) return { code: x.code };
  if (isStr(x.strong)) return { strong: x.strong };
  if (isStr(x.record) && isStr(x.path, 4096) && x.path.length > 0) return { record: x.record, path: x.path };
  return undefined;
}

function section(x: unknown): SectionView | undefined {
  if (!isObj(x) || !isStr(x.id, 64) || !isStr(x.title, 200) || !isStr(x.empty, 2000)) return undefined;
  const items = all(x.items, (i) => all(i, part, 1000), 100_000);
  return items ? { id: x.id, title: x.title, items, empty: x.empty } : undefined;
}

/** Validates a digest view; undefined when any part is malformed. */
export function parseDigestView(x: unknown): DigestView | undefined {
  if (!isObj(x) || !isStr(x.heading, 2000) || !isStr(x.summary, 2000) || !isInt(x.commits) || typeof x.empty !== 'boolean' || !strs(x.notes)) return undefined;
  const sections = all(x.sections, section, 100);
  return sections ? { heading: x.heading, summary: x.summary, commits: x.commits, empty: x.empty, sections, notes: [...x.notes] } : undefined;
}

/** Validates a message from the extension, in the page (a malformed one is dropped). */
export function parseToWebview(value: unknown): ToWebview | undefined {
  if (!isObj(value) || value.type !== 'state' || !isObj(value.state)) return undefined;
  const s = value.state;
  if (s.status !== 'loading' && s.status !== 'ready' && s.status !== 'error' && s.status !== 'none') return undefined;
  const period = parsePeriod(s.period);
  if (!period || !isStr(s.folder, 4096) || !isInt(s.revision) || !(s.message === undefined || isStr(s.message, 2000))) return undefined;
  let digest: DigestView | undefined;
  if (s.status === 'ready') {
    digest = parseDigestView(s.digest);
    if (!digest) return undefined;
  }
  return { type: 'state', state: { status: s.status, period, folder: s.folder, revision: s.revision, ...(digest ? { digest } : {}), ...(s.message !== undefined ? { message: s.message as string } : {}) } };
}
