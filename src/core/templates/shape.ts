/**
 * New records look like their siblings. Without a template file, the template of a new record is
 * inferred from a few existing records of its collection (the newest ones):
 *
 * - front matter or not, and which keys, in their order (`status`/`statut`, `date`, `number`,
 *   `title`, `tags`, `links`…): known values filled, lists empty, other keys left for the author;
 * - the title heading's style, numbers and all: `# 7. Title`, `# Title`, `# ADR-0007 Title`,
 *   `# 7) Title {#adr_0007}` (every copy of the record's number becomes the new one, padded alike);
 * - the metadata under the title as the siblings write it: `Date:` / `Data:` lines, `* Status:`
 *   bullets, `**Status:** x` labels, a `| Status | x |` table; values replaced, prose dropped;
 * - the sections the siblings share (a heading in at least half of them), in the collection's own
 *   language (`## Contexto`), with empty bodies; a Nygard `## Status` section gets the status;
 * - the status words the siblings use ("Proposto", "proposé"), see `statusWordFor`.
 *
 * When the shape is exactly adr-tools' (`# N. Title`, `Date:`, Status/Context/Decision/Consequences)
 * the built-in Nygard template is used instead, so adr-tools collections get what `adr new` writes.
 */
import type { Status } from '../model';
import { dialectOfRecord } from '../dialects';
import type { RecordText } from '../edit/labels';
import { headingKey } from '../edit/sections';
import { normaliseStatus, relationTypeOf } from '../parse/status';
import { builtin, type ResolvedTemplate } from './resolved';
import { SHAPE_SAMPLE } from './siblings';
import { letters, withoutLeadingNonLetters } from '../letters';

export { SHAPE_SAMPLE } from './siblings';


/** A template inferred from sibling records, with the paths it was inferred from. */
export interface InferredTemplate extends ResolvedTemplate {
  readonly inferredFrom: readonly string[];
  readonly statusWords: Readonly<Partial<Record<string, string>>>;
}

const WORD_OR_TWO = letters(/^[\p{L}][\p{L}-]*(?: [\p{L}][\p{L}-]*)?$/u);

const STATUS_NAMES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded', 'draft'] as const;

const NYGARD_SECTIONS = ['status', 'context', 'decision', 'consequences'];

/**
 * The template of a new record shaped like `siblings` (newest first; the first `SHAPE_SAMPLE` are
 * used), or undefined when there are none. The template uses the renderer's tokens (TITLE, NUMBER,
 * DATE, STATUS, `{NUMBER:4}` for a padded number).
 */
export function inferTemplate(siblings: readonly RecordText[]): InferredTemplate | undefined {
  const samples = siblings.slice(0, SHAPE_SAMPLE).filter((s) => s.text.trim() !== '');
  if (samples.length === 0) return undefined;
  const groups = new Map<string, RecordText[]>();
  for (const s of samples) {
    const key = signature(s);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  // The most common shape; among equals, the one of the newest record (Map keeps first-seen order).
  const best = [...groups.values()].reduce((a, b) => (b.length > a.length ? b : a));
  const exemplar = best[0]!;
  // A record with nothing but a title is no shape to copy.
  if (!exemplar.record.statusField && !exemplar.record.sections.some((x) => x.depth >= 2)) return undefined;
  const shared = sharedHeadings(samples);
  const from = samples.map((s) => s.record.path);
  const r = exemplar.record;
  const sections = mergedSections(exemplar, samples, shared);

  const statusWords = statusWordsOf(samples.map(({ record }) => ({ text: record.statusText, status: record.status })));
  const d = dialectOfRecord(r.dialect);
  const defaultStatus = statusWords.proposed ?? casedLike(exemplar, d.wording.statusCase === 'lower' ? 'proposed' : 'Proposed');
  const statusInSection = r.statusField?.source === 'section';

  if (isAdrToolsShape(exemplar, sections.map((s) => s.key))) {
    return { ...builtin('nygard'), defaultStatus, inferredFrom: from, statusWords };
  }

  const eol = '\n';
  const out: string[] = [];
  if (r.frontMatter) out.push(...frontMatterLines(exemplar), '');
  // The heading style most of the siblings write (`# ADR-0006 Title` over one `# ADR-009: Title`).
  const h1 = mostCommon(best.map(headingPattern)) ?? headingPattern(exemplar);
  const headerStart = titleFirst(r) ? titleHeading(r)!.lineSpan.end : r.frontMatter?.span.end ?? 0;
  const headerEnd = r.sections.find((s) => s.depth >= 2 && s.headingSpan.start >= headerStart)?.headingSpan.start ?? r.length;
  if (h1 !== undefined) out.push(h1, '');
  const labels = sharedLabels(samples);
  const header = headerLines(exemplar, headerStart, headerEnd, labels);
  if (header.length > 0) out.push(...header, '');
  for (const s of sections) {
    out.push(s.line, '');
    if (statusInSection && s.holdsStatus) out.push('STATUS', '');
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  const text = out.join(eol).replace(/\n{3,}/g, '\n\n') + eol;
  const bullet = bulletOf(exemplar) ?? d.wording.bullet;
  return {
    kind: 'custom',
    text,
    dialect: r.dialect === 'unknown' ? 'nygard' : r.dialect,
    defaultStatus,
    relations: statusInSection ? 'status-section' : 'links-section',
    bullet,
    inferredFrom: from,
    statusWords,
  };
}

/**
 * The word the siblings write for `status` when it is a plain word or two ("Aceito", "proposé",
 * "Accepted"), the most common one; undefined when none of them has that status in a short form.
 */
export function statusWordFor(siblings: readonly RecordText[], status: Exclude<Status, 'unknown'>): string | undefined {
  return commonStatusWord(siblings.map(({ record }) => ({ text: record.statusText, status: record.status })), status);
}

/** A status as a record writes it (`text`) and as it reads (`status`). */
export interface WrittenStatus {
  readonly text: string | null | undefined;
  readonly status: Status;
}

/** The most common of `written` that says `status` in a word or two (the first seen among equals). */
function commonStatusWord(written: readonly WrittenStatus[], status: Exclude<Status, 'unknown'>): string | undefined {
  const counts = new Map<string, number>();
  for (const w of written) {
    const t = w.text?.trim();
    // A word or two ("Aceito", "Under review"), not a sentence ("Draft for review").
    if (!t || w.status !== status || !WORD_OR_TWO(t).test(t) || t.length > 25) continue;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [t, n] of counts) if (best === undefined || n > counts.get(best)!) best = t;
  return best;
}

/** The word the records write for each status, where they write one (see `statusWordFor`). */
export function statusWordsOf(written: readonly WrittenStatus[]): Partial<Record<string, string>> {
  const words: Partial<Record<string, string>> = {};
  for (const st of STATUS_NAMES) {
    const w = commonStatusWord(written, st);
    if (w !== undefined) words[st] = w;
  }
  return words;
}

/** A status given as a plain status word ("Accepted") in the template's collection's own word ("Aceito"), else as given. */
export function inTemplateWords(template: Pick<ResolvedTemplate, 'statusWords'>, status: string): string {
  const words = template.statusWords;
  if (!words || status.trim().split(/\s+/).length > 1) return status;
  return words[normaliseStatus(status)] ?? status;
}

/** The record's title heading: its title, or the H1 that repeats a front-matter `title:`. */
function titleHeading(r: RecordText['record']): RecordText['record']['titleField'] {
  return r.titleField?.source === 'heading' ? r.titleField : r.headingTitleField;
}

/** True when the record's title is an H1 before its first section (not a stray `# Consequences` later on). */
function titleFirst(r: RecordText['record']): boolean {
  const f = titleHeading(r);
  if (f?.source !== 'heading') return false;
  const firstH2 = r.sections.find((s) => s.depth >= 2);
  return !firstH2 || f.lineSpan.start < firstH2.headingSpan.start;
}

interface PlannedSection {
  readonly key: string;
  /** The heading line as a sibling writes it. */
  readonly line: string;
  /** The exemplar's status is in this section. */
  readonly holdsStatus: boolean;
}

/**
 * The shared sections in order: the exemplar's, with shared ones it lacks inserted after the heading
 * that precedes them in the sibling that has them (a record without `## Consequences` does not
 * take it away from the others).
 */
function mergedSections(exemplar: RecordText, samples: readonly RecordText[], shared: ReadonlySet<string>): PlannedSection[] {
  const of = (rt: RecordText): PlannedSection[] =>
    rt.record.sections
      .filter((s) => s.depth >= 2 && shared.has(`${s.depth}:${headingKey(s.heading)}`))
      .map((s) => {
        const f = rt.record.statusField;
        return {
          key: `${s.depth}:${headingKey(s.heading)}`,
          line: rt.text.slice(s.headingSpan.start, s.headingSpan.end).trimEnd(),
          holdsStatus: rt === exemplar && f?.source === 'section' && f.span.start >= s.bodySpan.start && f.span.start < s.bodySpan.end,
        };
      });
  const out = of(exemplar);
  for (const other of samples) {
    if (other === exemplar) continue;
    const theirs = of(other);
    theirs.forEach((s, i) => {
      if (out.some((x) => x.key === s.key)) return;
      const before = i > 0 ? out.findIndex((x) => x.key === theirs[i - 1]!.key) : -1;
      out.splice(before + 1, 0, s);
    });
  }
  return out.map((s) => ({ ...s, key: s.key.slice(s.key.indexOf(':') + 1) }));
}

/** The most frequent value (first among equals); undefined values do not count. */
function mostCommon<T>(values: readonly (T | undefined)[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}

/** Labels of metadata lines under the title (`Date`, `Deciders`, `RFC`) written by at least half of the samples. */
function sharedLabels(samples: readonly RecordText[]): Set<string> {
  const counts = new Map<string, number>();
  for (const { record: r, text } of samples) {
    const start = titleFirst(r) ? titleHeading(r)!.lineSpan.end : r.frontMatter?.span.end ?? 0;
    const end = r.sections.find((x) => x.depth >= 2 && x.headingSpan.start >= start)?.headingSpan.start ?? r.length;
    const seen = new Set<string>();
    for (const line of linesIn(text, start, end)) {
      const lineText = text.slice(line.start, line.end);
      const m = LABEL(lineText).exec(lineText);
      if (m) seen.add(m[3]!.trim().toLowerCase());
    }
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n * 2 >= samples.length).map(([k]) => k));
}

function signature({ record: r }: RecordText): string {
  const h1 = titleFirst(r);
  return [r.frontMatter ? 'fm' : '-', r.statusField?.source ?? '-', h1 ? 'h1' : '-', r.dialect].join('|');
}

/** `depth:key` of headings present in at least half of the samples (sub-headings: in two or more). */
function sharedHeadings(samples: readonly RecordText[]): Set<string> {
  const counts = new Map<string, number>();
  for (const { record } of samples) {
    const seen = new Set(record.sections.filter((s) => s.depth >= 2).map((s) => `${s.depth}:${headingKey(s.heading)}`));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const out = new Set<string>();
  for (const [k, n] of counts) {
    const depth = Number(k.split(':')[0]);
    if (n * 2 >= samples.length && (depth === 2 || n >= 2)) out.add(k);
  }
  return out;
}

function isAdrToolsShape(rt: RecordText, sections: readonly string[]): boolean {
  const r = rt.record;
  if (r.frontMatter || r.statusField?.source !== 'section' || r.titleField?.source !== 'heading') return false;
  const heading = rt.text.slice(r.titleField.lineSpan.start, r.titleField.lineSpan.end);
  if (!/^# \d+\. \S/.test(heading)) return false;
  if (r.dateField?.source !== 'line' || !/^Date: /.test(rt.text.slice(r.dateField.lineSpan.start, r.dateField.lineSpan.end))) return false;
  return sections.length === NYGARD_SECTIONS.length && sections.every((s, i) => s === NYGARD_SECTIONS[i]);
}

/** The front matter of `rt` with its keys in order and its values replaced. */
function frontMatterLines(rt: RecordText): string[] {
  const r = rt.record;
  const fm = r.frontMatter!;
  const data = fm.data ?? {};
  const lines = ['---'];
  const statusKey = r.statusField?.source === 'front-matter' ? keyAt(rt, r.statusField.lineSpan.start) : undefined;
  const dateKey = r.dateField?.source === 'front-matter' ? keyAt(rt, r.dateField.lineSpan.start) : undefined;
  for (const e of fm.entries) {
    const key = e.key;
    const lower = key.toLowerCase();
    const value = data[key];
    if (key === statusKey || /^(status|statut|estado|stato|zustand)$/.test(lower)) lines.push(`${key}: STATUS`);
    else if (key === dateKey || lower === 'date') lines.push(`${key}: DATE`);
    else if (lower === 'title') lines.push(`${key}: TITLE`);
    else if (lower === 'number' || lower === 'id' && typeof value === 'number') lines.push(`${key}: NUMBER`);
    else if (Array.isArray(value) || /^(tags|links|deciders|decision-makers|consulted|informed|governs)$/.test(lower)) lines.push(`${key}: []`);
    else lines.push(`${key}:`);
  }
  lines.push('---');
  return lines;
}

function keyAt(rt: RecordText, offset: number): string | undefined {
  return rt.record.frontMatter?.entries.find((e) => e.span.start === offset)?.key;
}

/** The exemplar's H1 with its title as TITLE and its number as NUMBER (`{NUMBER:4}` where padded). */
function headingPattern(rt: RecordText): string | undefined {
  const r = rt.record;
  const f = titleHeading(r);
  const h1Line = f?.source === 'heading' && titleFirst(r) ? rt.text.slice(f.lineSpan.start, f.lineSpan.end) : undefined;
  if (h1Line === undefined) return r.frontMatter ? undefined : '# TITLE';
  // The title as written (the parsed value drops Markdown such as backticks): its span in the line.
  const inLine = f!.span.start >= f!.lineSpan.start && f!.span.end <= f!.lineSpan.end && f!.span.end > f!.span.start;
  const at = inLine ? f!.span.start - f!.lineSpan.start : h1Line.indexOf(f!.value);
  let len = inLine ? f!.span.end - f!.span.start : f!.value.length;
  if (f!.value === '' || at === -1) return '# TITLE';
  // A trailing `{#anchor}` (Doxygen) is not part of the title.
  const anchor = /\s*\{#[^}]*\}\s*$/.exec(h1Line.slice(at, at + len));
  if (anchor) len -= anchor[0].length;
  if (len <= 0) return '# TITLE';
  const numbers = (text: string): string => {
    const n = r.number;
    if (n === null) return text;
    return text.replace(/\d+/g, (digits) => (Number(digits) !== n ? digits : digits.length > 1 && digits.startsWith('0') ? `{NUMBER:${digits.length}}` : 'NUMBER'));
  };
  return numbers(h1Line.slice(0, at)) + 'TITLE' + numbers(h1Line.slice(at + len));
}

const LABEL = letters(/^(\s*(?:[-*+]\s+)?(?:>\s*)?)(\*\*|__)?([\p{L}][\p{L} ._-]{0,30}?)(\*\*|__)?\s*:(\*\*|__)?[ \t]*(.*)$/u);
const DATE_VALUE = /^\[?(\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}\/\d{2}\/\d{2})\]?\s*$/;

/** The metadata lines between the title and the first section, values replaced, prose dropped. */
function headerLines(rt: RecordText, start: number, end: number, shared: ReadonlySet<string>): string[] {
  const r = rt.record;
  const out: string[] = [];
  const sf = r.statusField && r.statusField.source !== 'section' && r.statusField.source !== 'front-matter' ? r.statusField : undefined;
  const df = r.dateField && r.dateField.source !== 'front-matter' ? r.dateField : undefined;
  const lines = linesIn(rt.text, start, end);
  for (const [i, line] of lines.entries()) {
    const text = rt.text.slice(line.start, line.end);
    const next = lines[i + 1] ? rt.text.slice(lines[i + 1]!.start, lines[i + 1]!.end) : '';
    if (text.trim() === '') {
      if (out.length > 0) out.push('');
      continue;
    }
    if (sf && sf.span.start >= line.start && sf.span.end <= line.end) {
      out.push(text.slice(0, sf.span.start - line.start) + 'STATUS' + text.slice(sf.span.end - line.start));
      continue;
    }
    if (df && df.span.start >= line.start && df.span.end <= line.end && df.span.end > df.span.start) {
      out.push(text.slice(0, df.span.start - line.start) + 'DATE' + text.slice(df.span.end - line.start));
      continue;
    }
    if (/^\s*\|/.test(text)) {
      out.push(isSeparatorRow(next) ? text.trimEnd() : tableRow(text));
      continue;
    }
    const m = LABEL(text).exec(text);
    if (m && relationTypeOf(m[3]!) === 'custom' && shared.has(m[3]!.trim().toLowerCase())) {
      const head = text.slice(0, text.length - m[6]!.length).trimEnd();
      out.push(DATE_VALUE.test(m[6]!) ? `${head} DATE` : head);
    }
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  // No trailing spaces: a Markdown hard break before a line that was dropped would dangle.
  return out.map((l) => l.trimEnd());
}

/** A metadata table row with its values emptied (status and date rows get their tokens). */
function tableRow(text: string): string {
  if (isSeparatorRow(text)) return text.trimEnd();
  const cells = text.trim().replace(/^\||\|$/g, '').split('|');
  const label = (cells[0] ?? '').trim();
  const key = label.replace(/[*_`]/g, '').toLowerCase();
  const value = key === 'status' ? 'STATUS' : key === 'date' ? 'DATE' : '';
  return cells.length >= 2 ? `| ${label} | ${value} |` : text.trimEnd();
}

function isSeparatorRow(text: string): boolean {
  const cells = text.trim().replace(/^\||\|$/g, '').split('|');
  return /^\s*\|/.test(text) && cells.every((c) => /^\s*:?-{2,}:?\s*$/.test(c));
}

function linesIn(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let at = start;
  if (at > 0 && text[at - 1] !== '\n') {
    const nl = text.indexOf('\n', at);
    at = nl === -1 ? end : nl + 1;
  }
  while (at < end) {
    let nl = text.indexOf('\n', at);
    if (nl === -1 || nl > end) nl = end;
    out.push({ start: at, end: nl > at && text[nl - 1] === '\r' ? nl - 1 : nl });
    at = nl + 1;
  }
  return out;
}

function bulletOf(rt: RecordText): '-' | '*' | undefined {
  const f = rt.record.statusField ?? rt.record.dateField;
  if (!f || f.source !== 'bullet') return undefined;
  const m = /^\s*([-*+])/.exec(rt.text.slice(f.lineSpan.start, f.lineSpan.end));
  return m ? (m[1] === '-' ? '-' : '*') : undefined;
}

function casedLike(rt: RecordText, word: string): string {
  const current = withoutLeadingNonLetters(rt.record.statusText);
  if (current === '') return word;
  const lower = current[0] === current[0]!.toLowerCase();
  return (lower ? word[0]!.toLowerCase() : word[0]!.toUpperCase()) + word.slice(1);
}
