/**
 * Parses one decision record of any dialect into an `AdrRecord`, keeping the span of every field.
 *
 * Where each dialect keeps its metadata:
 * - adr-tools / Nygard: `# N. Title`, a `Date: …` line, a `## Status` section whose first line is the
 *   status and whose other lines are relation links ("Amended by [9. Help](0009-help.md)").
 * - MADR 2 and log4brains: `* Status: …` / `- Status: …` bullets under the title; `## Links` bullets.
 * - MADR 3/4: YAML front matter (`status`, `date`, `deciders` / `decision-makers`, …).
 * Anything else is read best-effort; what cannot be read becomes a `ParseProblem`, never an exception.
 */
import type {
  AdrRecord, CollectionDialect, Field, ParseProblem, RecordDialect, Relation, Section, Span,
} from '../model';
import { basename, dirname } from '../paths';
import { detectEol } from '../text';
import { readFrontMatter, stringList } from './frontMatter';
import { remarkStructure, scanStructure, type DocStructure, type Heading } from './structure';
import { parseFileName, titleFromSlug } from './fileName';
import { normaliseDate } from './dates';
import { cleanStatusText, normaliseStatus, relationTypeOf } from './status';
import { parseRelationPhrase, relationsInStatus, targetOf } from './relations';
import { forEachLine, metadataLine, type Line } from './lines';
import { governsLines } from './governs';
import { frontMatterLinks } from './frontMatterLinks';

export interface ParseContext {
  /** Absolute `/` path of the file. */
  readonly path: string;
  /** Absolute `/` path of its collection folder; defaults to the file's folder. */
  readonly collection?: string;
  /** The collection's dialect, a hint for records that could be read either way. */
  readonly collectionDialect?: CollectionDialect;
  readonly bom?: boolean;
  /**
   * `scan` (default) reads structure with the fast line scanner (the index); `full` parses the whole
   * document with remark (open editors, where exact CommonMark matters). Both give the same fields.
   */
  readonly mode?: 'scan' | 'full';
}

const GOVERNS_KEYS = ['governs', 'applies-to', 'applies_to', 'affects'];
const RELATION_KEYS: Record<string, string> = {
  supersedes: 'supersedes', superseded: 'superseded by', 'superseded-by': 'superseded by', superseded_by: 'superseded by',
  supersededby: 'superseded by', amends: 'amends', 'amended-by': 'amended by', amended_by: 'amended by',
  clarifies: 'clarifies', 'clarified-by': 'clarified by', relates: 'relates to', related: 'relates to',
  'relates-to': 'relates to', 'related-to': 'relates to', related_to: 'relates to',
};
const MADR_HEADINGS = /^(context and problem statement|considered options|decision outcome|decision drivers|pros and cons of the options)$/i;

/** Parses one record. Never throws on content. */
export function parseRecord(text: string, ctx: ParseContext): AdrRecord {
  const problems: ParseProblem[] = [];
  const fileName = basename(ctx.path);
  const nameInfo = parseFileName(fileName);
  const fm = readFrontMatter(text);
  problems.push(...fm.problems);
  const frontMatter = fm.frontMatter;
  const data = frontMatter?.data ?? {};

  // Blank out the front matter (same length, line breaks kept) so remark sees no thematic breaks and
  // every offset it reports is still an offset into `text`.
  const fmEnd = frontMatter?.span.end ?? 0;
  const mdText = fmEnd > 0 ? text.slice(0, fmEnd).replace(/[^\r\n]/g, ' ') + text.slice(fmEnd) : text;
  const doc: DocStructure = ctx.mode === 'full' ? remarkStructure(text, mdText) : scanStructure(text, mdText);

  const sections = collectSections(doc.headings, text);
  const h1 = doc.headings.find((h) => h.depth === 1);
  const firstH2 = doc.headings.find((h) => h.depth >= 2);
  const metaEnd = firstH2 ? firstH2.start : text.length;
  const metaStart = h1 ? h1.contentSpan.end : fmEnd;

  // ---- title
  let titleField: Field<string> | undefined;
  let headingNumber: number | null = null;
  if (h1 && h1.text.trim()) {
    const { start: contentStart, end: contentEnd } = h1.contentSpan;
    const raw = h1.text.trim();
    let prefix = /^(?:(?:ADR|Decision)[-_ ]?(\d+)\s*[:.\-–—]?\s+|(\d+)\s*[.:\-–—]\s*|\[(\d+)\]\s+|(\d+)\s+(?=\S))/i.exec(raw);
    // "# 23 Logging": a bare number is a prefix only when it is the file's own number.
    if (prefix && prefix[4] !== undefined && nameInfo.number !== null && Number.parseInt(prefix[4], 10) !== nameInfo.number) prefix = null;
    if (prefix) headingNumber = Number.parseInt(prefix[1] ?? prefix[2] ?? prefix[3] ?? prefix[4]!, 10);
    const title = prefix ? raw.slice(prefix[0].length).trim() : raw;
    // The span covers what follows the prefix in the source, so retitling keeps "7. ".
    const src = text.slice(contentStart, contentEnd);
    const skip = prefix ? src.indexOf(prefix[0].trim()) + prefix[0].trim().length : 0;
    let s = contentStart + Math.max(0, skip);
    while (s < contentEnd && /\s/.test(text[s]!)) s++;
    titleField = { value: title, span: { start: s, end: contentEnd }, lineSpan: lineSpanAt(text, h1.start), source: 'heading' };
  }
  if (!titleField && typeof data.title === 'string') {
    const e = frontMatter!.entries.find((x) => x.key === 'title')!;
    titleField = { value: data.title, span: e.valueSpan ?? e.span, lineSpan: e.span, source: 'front-matter' };
  }
  if (!titleField) {
    problems.push({ code: 'no-title', severity: 'warning', message: 'No title: the record has no level-1 heading', span: { start: 0, end: 0 } });
  }

  // ---- metadata: front matter, then bullets / lines under the title, then the Status section
  const meta = new Map<string, Field<string>>();
  const relations: Relation[] = [];
  if (frontMatter?.data) {
    for (const entry of frontMatter.entries) {
      const key = entry.key.toLowerCase();
      const value = data[entry.key];
      if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) {
        const str = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
        if (!meta.has(key)) meta.set(key, { value: str, span: entry.valueSpan ?? entry.span, lineSpan: entry.span, source: 'front-matter' });
      } else if (value === null && !meta.has(key)) {
        // `status:` with nothing after it: an empty field that an edit can fill in.
        meta.set(key, { value: '', span: { start: entry.span.end, end: entry.span.end }, lineSpan: entry.span, source: 'front-matter' });
      }
      const verb = RELATION_KEYS[key];
      if (verb) {
        for (const item of stringList(value)) {
          const t = targetOf(item);
          relations.push({ type: relationTypeOf(verb), verb, target: t.target, ...(t.label !== undefined ? { label: t.label } : {}), source: 'front-matter', span: entry.span });
        }
      }
    }
  }
  relations.push(...frontMatterLinks(frontMatter));
  const bulletLines = doc.contentLines(metaStart, metaEnd);
  let sawBullet = false;
  for (const line of bulletLines) {
    const m = metadataLine(text, line);
    if (!m) continue;
    if (m.bullet) sawBullet = true;
    if (!meta.has(m.key)) meta.set(m.key, { value: m.value, span: m.valueSpan, lineSpan: line.span, source: m.bullet ? 'bullet' : 'line' });
  }

  // ---- the Status section (Nygard) and the Links section (MADR 2 / log4brains)
  let statusSectionField: Field<string> | undefined;
  const statusSection = sections.find((s) => s.depth >= 2 && /^status(?:\s*:.*)?$/i.test(s.heading.trim()));
  if (statusSection) {
    const inline = /^status\s*:\s*(.+)$/i.exec(statusSection.heading.trim());
    const lines: Line[] = [];
    forEachLine(text, statusSection.bodySpan.start, statusSection.bodySpan.end, (l) => {
      if (l.text.trim() && !/^\s*<!--.*-->\s*$/.test(l.text)) lines.push(l);
      return true;
    });
    const linkLines = new Set<Line>();
    for (const l of lines) {
      const r = parseRelationPhrase(l.text);
      if (r && isRecordTarget(r.target)) {
        linkLines.add(l);
        relations.push({ ...r, source: 'link-line', span: l.span });
      }
    }
    if (inline) {
      const hs = statusSection.headingSpan;
      const at = text.indexOf(inline[1]!, hs.start);
      statusSectionField = { value: inline[1]!.trim(), span: { start: at, end: at + inline[1]!.trimEnd().length }, lineSpan: hs, source: 'section' };
    } else {
      // The status is the first line, unless that line is a relation other than "superseded by"
      // (adr-tools replaces "Accepted" with "Superceded by [..](..)", which then leads the section
      // and may be followed by prose).
      const first = lines[0];
      const firstIsSuccessor = first !== undefined && linkLines.has(first) && parseRelationPhrase(first.text)?.type === 'superseded-by';
      const plain = lines.find((l) => !linkLines.has(l));
      const chosen = (firstIsSuccessor ? first : plain) ?? lines.find((l) => parseRelationPhrase(l.text)?.type === 'superseded-by') ?? first;
      if (chosen) {
        const lead = chosen.text.length - chosen.text.trimStart().length;
        const value = chosen.text.trim();
        statusSectionField = { value, span: { start: chosen.span.start + lead, end: chosen.span.start + lead + value.length }, lineSpan: chosen.span, source: 'section' };
      } else {
        // An empty Status section: the place to write a status is right after the heading.
        statusSectionField = { value: '', span: { start: statusSection.bodySpan.start, end: statusSection.bodySpan.start }, lineSpan: statusSection.headingSpan, source: 'section' };
      }
    }
  }
  const linksSection = sections.find((s) => s.depth >= 2 && /^links$/i.test(s.heading.trim()));
  if (linksSection) {
    forEachLine(text, linksSection.bodySpan.start, linksSection.bodySpan.end, (l) => {
      if (/^\s*[-*+]\s/.test(l.text)) {
        const r = parseRelationPhrase(l.text);
        if (r && isRecordTarget(r.target)) relations.push({ ...r, source: 'bullet', span: l.span });
      }
      return true;
    });
  }

  // ---- status, date and people
  const statusField = meta.get('status') ?? statusSectionField;
  const statusText = statusField ? cleanStatusText(statusField.value) : null;
  if (statusField && statusField.source !== 'section') {
    for (const r of relationsInStatus(statusText ?? '')) relations.push({ ...r, source: 'status', span: statusField.lineSpan });
  } else if (statusField && statusField.source === 'section' && !relations.some((r) => r.span.start === statusField.lineSpan.start)) {
    for (const r of relationsInStatus(statusText ?? '')) relations.push({ ...r, source: 'status', span: statusField.lineSpan });
  }
  const dateField = meta.get('date') ?? meta.get('last-modified') ?? meta.get('last updated');
  let date = dateField ? normaliseDate(dateField.value) : null;
  if (dateField && dateField.value && !date && !/^[[{]/.test(dateField.value)) {
    problems.push({ code: 'date-unreadable', severity: 'info', message: `Date "${dateField.value}" is not a date this tool can read`, span: dateField.span });
  }
  if (!date && nameInfo.date && !dateField) date = nameInfo.date;

  const people = (keys: string[]): string[] => {
    for (const k of keys) {
      if (frontMatter?.data && k in data) return stringList(data[k]);
      const f = meta.get(k);
      if (f) return stringList(f.value.replace(/<!--[\s\S]*?-->/g, ''));
    }
    return [];
  };
  const tagsRaw = frontMatter?.data && 'tags' in data ? stringList(data.tags) : (meta.get('tags') ? meta.get('tags')!.value.replace(/<!--[\s\S]*?-->/g, '').split(/[\s,]+/).filter(Boolean) : []);
  const governs: string[] = [];
  for (const k of GOVERNS_KEYS) if (frontMatter?.data && k in data) governs.push(...stringList(data[k]));
  for (const g of governsLines(text, metaStart, metaEnd)) governs.push(...g.globs);

  const dialect = detectDialect({
    hasFrontMatterMeta: !!frontMatter?.data && ['status', 'date', 'deciders', 'decision-makers', 'consulted', 'informed'].some((k) => k in data),
    hasDecidersKey: !!frontMatter?.data && 'deciders' in data,
    hasFrontMatter: !!frontMatter,
    sawBullet,
    hasStatusSection: !!statusSection,
    hasDateLine: meta.get('date')?.source === 'line',
    madrHeadings: sections.some((s) => MADR_HEADINGS.test(s.heading.trim())),
    dateNamed: nameInfo.date !== null,
    hint: ctx.collectionDialect,
  });
  if (dialect === 'unknown') {
    problems.push({ code: 'unknown-dialect', severity: 'info', message: 'Not written in a known ADR format; read best-effort', span: { start: 0, end: 0 } });
  }

  return {
    id: nameInfo.id,
    path: ctx.path,
    collection: ctx.collection ?? dirname(ctx.path),
    dialect,
    number: nameInfo.number ?? headingNumber,
    numberText: nameInfo.numberText,
    title: titleField?.value || titleFromSlug(nameInfo.slug),
    titleField,
    status: normaliseStatus(statusText),
    statusText,
    statusField,
    date,
    dateField,
    deciders: people(['decision-makers', 'deciders', 'decision makers', 'decider']),
    consulted: people(['consulted']),
    informed: people(['informed']),
    tags: tagsRaw,
    relations,
    links: doc.links,
    governs,
    frontMatter,
    sections,
    problems,
    eol: detectEol(text),
    bom: ctx.bom ?? false,
    length: text.length,
  };
}

interface DialectClues {
  hasFrontMatterMeta: boolean;
  hasDecidersKey: boolean;
  hasFrontMatter: boolean;
  sawBullet: boolean;
  hasStatusSection: boolean;
  hasDateLine: boolean;
  madrHeadings: boolean;
  dateNamed: boolean;
  hint: CollectionDialect | undefined;
}

function detectDialect(c: DialectClues): RecordDialect {
  if (c.hasFrontMatterMeta) return c.hasDecidersKey ? 'madr3' : 'madr4';
  if (c.sawBullet) return c.dateNamed || c.hint === 'log4brains' ? 'log4brains' : 'madr2';
  if (c.hasStatusSection || c.hasDateLine) return 'nygard';
  if (c.madrHeadings || (c.hasFrontMatter && c.hint === 'madr')) return c.hint === 'log4brains' ? 'log4brains' : 'madr4';
  switch (c.hint) {
    case 'adr-tools': return 'nygard';
    case 'log4brains': return 'log4brains';
    case 'madr': return 'madr4';
    default: return 'unknown';
  }
}

/** Relations point at records: relative files or ids, never web pages. */
function isRecordTarget(target: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target);
}

function lineSpanAt(text: string, offset: number): Span {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end };
}

function collectSections(headings: readonly Heading[], text: string): Section[] {
  return headings.map((h, i) => {
    const headingSpan = lineSpanAt(text, h.start);
    let bodyStart = headingSpan.end;
    if (text[bodyStart] === '\r') bodyStart++;
    if (text[bodyStart] === '\n') bodyStart++;
    const next = headings.slice(i + 1).find((n) => n.depth <= h.depth);
    return { heading: h.text, depth: h.depth, headingSpan, bodySpan: { start: bodyStart, end: next ? next.start : text.length } };
  });
}
