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
  AdrRecord, CollectionDialect, Field, ParseProblem, RecordDialect, Relation, Section, Span, Status,
} from '../model';
import { basename, dirname } from '../paths';
import { detectEol } from '../text';
import { readFrontMatter, stringList } from './frontMatter';
import { inlinePlain, linksIn, remarkStructure, scanStructure, type DocStructure, type Heading } from './structure';
import { parseFileName, titleFromSlug } from '../naming/fileName';
import { normaliseDate } from './dates';
import { cleanStatusText, isQualifiedSupersede, isStatusPlaceholder, normaliseStatus, relationTypeOf } from './status';
import { foldStatus, type StatusVocabulary } from './vocabulary';
import { parseRelationPhrase, recordReferences, referenceDefinitions, relationsInStatus, supersedeClauses, targetOf } from './relations';
import { frontMatterLinks } from './frontMatterLinks';
import { foldKey, forEachLine, metadataKey, metadataLine, nextLineStart, tableMetadata, type Line, type MetadataLine } from './lines';
import { governsLines } from './governs';
import { letters } from '../letters';

export interface ParseContext {
  /** Absolute `/` path of the file. */
  readonly path: string;
  /** Absolute `/` path of its collection folder; defaults to the file's folder. */
  readonly collection?: string;
  /** The collection's dialect, a hint for records that could be read either way. */
  readonly collectionDialect?: CollectionDialect;
  /** The collection's own status words (from its configuration), on top of the built-in ones. */
  readonly statusVocabulary?: StatusVocabulary;
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
/** Headings of a record's body: never its title, even as the first level-1 heading. */
const BODY_HEADINGS = /^(?:abstract|summary|motivation|specification|rationale|security(?: considerations)?|context|decision|consequences|status|background|copyright|references|backwards compatibility|test cases|implementation)$/i;
/** A Status section heading, in the languages seen in real collections (compared accent-free). */
const STATUS_HEADING = /^(?:status|statut|estado|estatus|stato|situacao|decision status)(?:\s*:.*)?$/i;

/** One place a record states its status, with the status it states. */
interface Statement {
  readonly field: Field<string>;
  readonly status: Status;
}

/** Parses one record. Never throws on content. */
export function parseRecord(text: string, ctx: ParseContext): AdrRecord {
  const problems: ParseProblem[] = [];
  const vocabulary = ctx.statusVocabulary;
  const fileName = basename(ctx.path);
  const nameInfo = parseFileName(fileName);
  const fm = readFrontMatter(text);
  problems.push(...fm.problems);
  const frontMatter = fm.frontMatter;
  const data = frontMatter?.data ?? {};
  // Keys as the parser knows them (`statut` → `status`, `décideurs` → `deciders`), first one wins.
  const cdata: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    const c = metadataKey(k) ?? k.toLowerCase();
    if (!(c in cdata)) cdata[c] = v;
  }

  // Blank out the front matter (same length, line breaks kept) so neither reader sees its lines
  // (`# a YAML comment` is not a heading) and every offset is still an offset into `text`.
  const fmEnd = frontMatter?.span.end ?? 0;
  const mdText = fmEnd > 0 ? text.slice(0, fmEnd).replace(/[^\r\n]/g, ' ') + text.slice(fmEnd) : text;
  const doc: DocStructure = ctx.mode === 'full' ? remarkStructure(text, mdText) : scanStructure(text, mdText);
  const refs = referenceDefinitions(mdText);

  const sections = collectSections(doc.headings, text);
  // The title is the first level-1 heading before the body (any deeper heading), never a later
  // `# Abstract` or `# Security` section.
  const firstDeep = doc.headings.find((h) => h.depth >= 2);
  const h1Candidate = doc.headings.find((h) => h.depth === 1 && (!firstDeep || h.start < firstDeep.start));
  const h1 = h1Candidate && !BODY_HEADINGS.test(h1Candidate.text.trim().replace(/:$/, '')) ? h1Candidate : undefined;
  const afterTitle = h1 ? h1.start : fmEnd - 1;
  const nextHeading = doc.headings.find((h) => h.start > afterTitle);
  const metaEnd = nextHeading ? nextHeading.start : text.length;
  const metaStart = h1 ? h1.contentSpan.end : fmEnd;

  // ---- title: front matter `title:` wins over the heading
  const relations: Relation[] = [];
  const heading = h1 && h1.text.trim() ? headingTitle(text, h1, nameInfo.number) : undefined;
  let titleField: Field<string> | undefined;
  const fmTitle = typeof data.title === 'string' && data.title.trim() ? data.title.trim() : undefined;
  // Jekyll "Just the Docs" navigation (`parent:`, `nav_order:`), as MADR's and JabRef's templates
  // write it, uses `title:` for a menu label: there the heading is the record's title.
  const navTitle = 'nav_order' in data || 'parent' in data || 'grand_parent' in data;
  if (fmTitle !== undefined && !(navTitle && heading)) {
    const e = frontMatter!.entries.find((x) => x.key === 'title')!;
    titleField = { value: fmTitle, span: e.valueSpan ?? e.span, lineSpan: e.span, source: 'front-matter' };
  } else if (heading) {
    titleField = heading.field;
  }
  if (!titleField) {
    problems.push({ code: 'no-title', severity: 'warning', message: 'No title: the record has no level-1 heading', span: { start: 0, end: 0 } });
  }

  // ---- metadata: front matter, then bullets / lines / tables / blockquotes under the title, then the Status section
  const meta = new Map<string, Field<string>>();
  if (frontMatter?.data) {
    for (const entry of frontMatter.entries) {
      const key = metadataKey(entry.key) ?? entry.key.toLowerCase();
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
  const metaLines = doc.contentLines(metaStart, metaEnd);
  let sawBullet = false;
  const metaFields: [MetadataLine, Line | undefined][] = [];
  for (const line of metaLines) {
    const m = metadataLine(text, line);
    if (m) metaFields.push([m, line]);
    else if (isRecordLine(line)) {
      // `* Supersedes: [ADR 12](0012-x.md)`: a relation written by this side only.
      const r = parseRelationPhrase(line.text.replace(/^\s*(?:>\s?)*/, ''), { customVerbs: false });
      if (r && isRecordTarget(r.target)) relations.push({ ...withReference(r, refs), source: /^\s*(?:>\s?)*[-*+]\s/.test(line.text) ? 'bullet' : 'link-line', span: line.span });
    }
  }
  if (metaLines.some((l) => l.text.includes('|'))) for (const m of tableMetadata(text, metaLines)) metaFields.push([m, undefined]);
  for (const [m, line] of metaFields) {
    if (m.bullet) sawBullet = true;
    const source: Field<string>['source'] = line === undefined ? 'table' : m.quoted ? 'blockquote' : m.bullet ? 'bullet' : 'line';
    const lineSpan = line?.span ?? lineSpanAt(text, m.valueSpan.start);
    if (!meta.has(m.key)) meta.set(m.key, { value: m.value, span: m.valueSpan, lineSpan, source });
  }

  // ---- the Status section (Nygard) and the Links section (MADR 2 / log4brains)
  const statements: Statement[] = [];
  const addStatement = (field: Field<string>): Statement => {
    // An unfilled template value (`"{proposed | rejected}"`) is judged before its braces are cleaned off.
    const status = /^\s*["']?[[{(<]/.test(field.value) && isStatusPlaceholder(foldStatus(field.value), vocabulary) ? 'unknown' : normaliseStatus(cleanStatusText(field.value), vocabulary);
    const st = { field, status };
    statements.push(st);
    return st;
  };
  const statusFromMeta = meta.get('status');
  const primaryMeta = statusFromMeta ? addStatement(statusFromMeta) : undefined;
  // A status written both in front matter and as a line below the title (MADR 2 header): both count.
  const fmStatus = primaryMeta?.field.source === 'front-matter' ? metaFields.find(([m]) => m.key === 'status') : undefined;
  if (fmStatus) addStatement({ value: fmStatus[0].value, span: fmStatus[0].valueSpan, lineSpan: fmStatus[1]?.span ?? lineSpanAt(text, fmStatus[0].valueSpan.start), source: fmStatus[1] ? (fmStatus[0].bullet ? 'bullet' : 'line') : 'table' });

  let sectionStatement: Statement | undefined;
  const statusSection = sections.find((s) => s.headingSpan.start !== h1?.start && (s.depth >= 2 || h1 !== undefined) && STATUS_HEADING.test(asciiHeading(s.heading)));
  if (statusSection) {
    const inline = /^[^:]+:\s*(.+)$/.exec(statusSection.heading.trim());
    const lines = statusLines(text, statusSection.bodySpan);
    const linkLines = new Set<Line>();
    const paragraphs = paragraphsOf(text, lines);
    const starts = new Set(paragraphs.map((p) => p[0]!));
    for (const l of lines) {
      const r = parseRelationPhrase(unquote(l.text));
      // A custom verb ("Depends on [..](..)", as `adr link` writes) only opens a paragraph or an
      // item; mid-sentence "… portions of [ADR 13](…)" is prose.
      if (r && r.type === 'custom' && !starts.has(l) && !/^\s*(?:>\s?)*[-*+]\s/.test(l.text)) continue;
      if (r && isRecordTarget(r.target)) {
        linkLines.add(l);
        relations.push({ ...withReference(r, refs), source: 'link-line', span: l.span });
      }
    }
    const table = lines.some((l) => l.text.includes('|')) ? tableMetadata(text, lines).find((m) => m.key === 'status') : undefined;
    let chosen: Line | undefined;
    if (inline) {
      const hs = statusSection.headingSpan;
      const at = text.indexOf(inline[1]!, hs.start);
      sectionStatement = addStatement({ value: inline[1]!.trim(), span: { start: at, end: at + inline[1]!.trimEnd().length }, lineSpan: hs, source: 'section' });
    } else if (table) {
      sectionStatement = addStatement({ value: table.value, span: table.valueSpan, lineSpan: lineSpanAt(text, table.valueSpan.start), source: 'table' });
    } else {
      // The status is the first line, unless that line is a relation other than "superseded by"
      // (adr-tools replaces "Accepted" with "Superceded by [..](..)", which then leads the section
      // and may be followed by prose).
      const first = lines[0];
      const firstIsSuccessor = first !== undefined && linkLines.has(first) && parseRelationPhrase(unquote(first.text))?.type === 'superseded-by';
      const plain = lines.find((l) => !linkLines.has(l) && (metadataLine(text, l)?.key ?? 'status') === 'status');
      chosen = (firstIsSuccessor ? first : plain) ?? lines.find((l) => parseRelationPhrase(unquote(l.text))?.type === 'superseded-by') ?? first;
      if (chosen) {
        const keyed = metadataLine(text, chosen);
        const value = keyed && keyed.key === 'status' ? keyed.value : unquote(chosen.text);
        const start = keyed && keyed.key === 'status' ? keyed.valueSpan.start : chosen.span.start + chosen.text.indexOf(value);
        sectionStatement = addStatement({ value, span: { start, end: start + value.length }, lineSpan: chosen.span, source: 'section' });
      } else {
        // An empty Status section: the place to write a status is right after the heading.
        sectionStatement = { field: { value: '', span: { start: statusSection.bodySpan.start, end: statusSection.bodySpan.start }, lineSpan: statusSection.headingSpan, source: 'section' }, status: 'unknown' };
      }
    }
    // Supersessions stated in prose paragraphs ("Supersedes the … portions of [A], [B], and [C].").
    for (const p of paragraphs) {
      const span = { start: p[0]!.span.start, end: p[p.length - 1]!.span.end };
      const joined = p.map((l) => unquote(l.text)).join(' ');
      const found = supersedeClauses(joined).filter((r) => isRecordTarget(r.target)).map((r) => withReference(r, refs));
      for (const r of found) {
        if (!relations.some((x) => x.type === r.type && x.target === r.target)) relations.push({ ...r, source: 'status', span });
      }
      // "Refined and superseded … by [ADR 17]. Keep this ADR as historical context": superseded.
      if (found.some((r) => r.type === 'superseded-by') && HISTORICAL.test(joined)) {
        const l = p.find((x) => /super[sc]+eded/i.test(x.text)) ?? p[0]!;
        if (l !== chosen) {
          const value = unquote(l.text);
          const start = l.span.start + l.text.indexOf(value);
          statements.push({ field: { value, span: { start, end: start + value.length }, lineSpan: l.span, source: 'section' }, status: 'superseded' });
        }
      }
    }
    // Later lines that state a newer status: "Superceded by [16. …](…)" under "Accepted (lazy consensus)".
    for (const l of lines) {
      if (l === chosen || !isSupersedeStatement(unquote(l.text))) continue;
      const value = unquote(l.text);
      const start = l.span.start + l.text.indexOf(value);
      addStatement({ value, span: { start, end: start + value.length }, lineSpan: l.span, source: 'section' });
    }
  }
  const linksSection = sections.find((s) => s.depth >= 2 && /^links$/i.test(s.heading.trim()));
  if (linksSection) {
    forEachLine(text, linksSection.bodySpan.start, linksSection.bodySpan.end, (l) => {
      if (/^\s*[-*+]\s/.test(l.text)) {
        const r = parseRelationPhrase(l.text);
        if (r && isRecordTarget(r.target)) relations.push({ ...withReference(r, refs), source: 'bullet', span: l.span });
      }
      return true;
    });
  }
  // adr-log style: `# Superseded by [ADR-0031] Publish events on a message bus`.
  const headingStatement = heading?.label ? addStatement({ value: heading.label.value, span: heading.label.span, lineSpan: heading.field.lineSpan, source: 'heading' }) : undefined;

  // ---- status: the first place that states one, unless another says the record is superseded
  const primary = primaryMeta ?? (sectionStatement && sectionStatement.field.value !== '' ? sectionStatement : undefined) ?? headingStatement ?? sectionStatement;
  let effective = primary;
  if (primary && primary.status !== 'superseded') {
    effective = statements.find((st) => st !== primary && st.status === 'superseded') ?? primary;
  }
  const statusField = effective?.field;
  const statusText = statusField ? cleanStatusText(statusField.value) : null;
  const status: Status = effective?.status ?? 'unknown';
  // Relations named in status statements ("accepted; supersedes ADR-0045", "superseded - in [ADR 9] …").
  for (const st of statements) {
    const f = st.field;
    if (relations.some((r) => r.span.start === f.lineSpan.start && r.span.end === f.lineSpan.end) && f.source === 'section') continue;
    const clean = cleanStatusText(f.value);
    const found = relationsInStatus(clean).map((r) => withReference(r, refs));
    if (found.length === 0 && st.status === 'superseded') {
      // A superseded status that names a record without "by": that record is the successor.
      const ref = recordReferences(f.value).find((x) => isRecordTarget(x.target));
      if (ref) found.push(withReference({ verb: 'superseded by', type: 'superseded-by', target: ref.target, ...(ref.label !== undefined ? { label: ref.label } : {}) }, refs));
    }
    for (const r of found) relations.push({ ...r, source: 'status', span: f.lineSpan });
  }
  const dateField = meta.get('date') ?? meta.get('last-modified') ?? meta.get('last updated');
  let date = dateField ? normaliseDate(dateField.value) : null;
  if (dateField && dateField.value && !date && !/^[[{]\s*\D/.test(dateField.value)) {
    problems.push({ code: 'date-unreadable', severity: 'info', message: `Date "${dateField.value}" is not a date this tool can read`, span: dateField.span });
  }
  if (!date && nameInfo.date && !dateField) date = nameInfo.date;
  // `YYYYMMDDHHMMSS-slug.md` (a creation timestamp, no sequence number) dates a record without a date of its own.
  const stamp = !date && !dateField ? /^((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d[0-5]\d[-_]/.exec(fileName) : null;
  if (stamp) date = `${stamp[1]}-${stamp[2]}-${stamp[3]}`;

  const people = (keys: string[]): string[] => {
    for (const k of keys) {
      if (frontMatter?.data && k in cdata) return stringList(cdata[k]);
      const f = meta.get(k);
      if (f) return stringList(f.value.replace(/<!--[\s\S]*?-->/g, ''));
    }
    return [];
  };
  const tagsRaw = frontMatter?.data && 'tags' in cdata ? stringList(cdata.tags) : (meta.get('tags') ? meta.get('tags')!.value.replace(/<!--[\s\S]*?-->/g, '').split(/[\s,]+/).filter(Boolean) : []);
  const governs: string[] = [];
  for (const k of GOVERNS_KEYS) if (frontMatter?.data && k in data) governs.push(...stringList(data[k]));
  const fmNumber = typeof cdata.number === 'number' && Number.isInteger(cdata.number) && cdata.number >= 0 ? cdata.number : null;
  for (const g of governsLines(text, metaStart, metaEnd)) governs.push(...g.globs);

  const dialect = detectDialect({
    hasFrontMatterMeta: !!frontMatter?.data && ['status', 'date', 'deciders', 'decision-makers', 'consulted', 'informed'].some((k) => k in cdata),
    // MADR 3 names them `deciders`, MADR 4 `decision-makers`; adrs' NextGen keeps `deciders` in
    // MADR 4 bodies, told by MADR 4's `Confirmation` section (MADR 3 had `Validation`).
    hasDecidersKey: !!frontMatter?.data && 'deciders' in cdata && !sections.some((x) => /^confirmation$/i.test(x.heading.trim())),
    nygardBody: !!statusSection && metaFields.some(([m, l]) => m.key === 'date' && l !== undefined && !m.bullet && !m.quoted) && sections.some((x) => /^(?:context|decision|consequences)$/i.test(x.heading.trim())),
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
    number: nameInfo.number ?? fmNumber ?? heading?.number ?? null,
    numberText: nameInfo.numberText,
    title: titleField?.value || titleFromSlug(nameInfo.slug),
    titleField,
    ...(titleField?.source === 'front-matter' && heading && heading.field.value === titleField.value ? { headingTitleField: heading.field } : {}),
    status,
    statusText,
    statusField,
    ...(statements.length > 1 ? { statusStatements: statements.map((st) => ({ ...st.field, status: st.status })) } : {}),
    date,
    dateField,
    deciders: people(['decision-makers', 'deciders', 'decision makers', 'decider']),
    consulted: people(['consulted']),
    informed: people(['informed']),
    tags: tagsRaw,
    relations,
    // Links in front matter values (`status: superseded by [ADR-4](0004-x.md)`) count too: renames fix them.
    links: fmEnd > 0 ? [...linksIn(text, 0, fmEnd), ...doc.links] : doc.links,
    governs,
    frontMatter,
    sections,
    problems,
    eol: detectEol(text),
    bom: ctx.bom ?? false,
    length: text.length,
  };
}

/** The title in a level-1 heading, its number prefix, and a status label that leads it. */
interface HeadingTitle {
  readonly field: Field<string>;
  readonly number: number | null;
  readonly label?: { readonly value: string; readonly span: Span };
}

// `ADR-012:`, `ADR 7.`, `Decision 3 -`, `12.`, `12.Title`, `#46.`, `31)`, `[7]`, `23 ` (the file's own number).
const NUMBER_PREFIX = /^(?:(?:ADR|Decision|RFC)[-_ ]?#?(\d+)\s*[:.\-–—)]?\s+|#?(\d+)(?:\s*[:\-–—)]\s*|\.(?!\d)\s*)|\[(\d+)\]\s+|(\d+)\s+(?=\S))/i;
// `TITLE:`, `ADR:`, `Architecture Decision Record:`, `Decision:`.
const LABEL_PREFIX = /^(?:title|titre|t[ií]tulo|adr|architectur(?:e|al) decision(?: record)?|decision record|decision)\s*:\s*/i;
// `Superseded by [ADR-0031]`, `Superseded by [3. X](0003-x.md)`, `[Deprecated]`, `Superseded:`.
const STATUS_PREFIX = /^(?:((?:super[sc]eded|replaced|deprecated)\s+by)\s*:?\s*(\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])?|ADR[-_ ]?#?\d+|#\d+)|\[(accepted|proposed|rejected|deprecated|superseded|superceded|draft|obsolete|withdrawn)\]|(accepted|proposed|rejected|deprecated|superseded|superceded|draft|obsolete|withdrawn)\s*:)\s*[:\-–—]?\s*/i;
const ANCHOR_SUFFIX = /\s*\{#[^{}\s]*\}\s*$/;

function headingTitle(text: string, h1: Heading, fileNumber: number | null): HeadingTitle {
  const { start: contentStart, end: contentEnd } = h1.contentSpan;
  let plain = h1.text.trim();
  let s = contentStart;
  let e = contentEnd;
  while (s < e && /\s/.test(text[s]!)) s++;
  // Doxygen's `{#adr_0031}` anchor at the end.
  const anchorSrc = plain.includes('{#') ? ANCHOR_SUFFIX.exec(text.slice(s, e)) : null;
  if (anchorSrc) {
    e = s + anchorSrc.index;
    plain = plain.replace(ANCHOR_SUFFIX, '');
  }
  let number: number | null = null;
  let label: HeadingTitle['label'];
  /** Drops `n` plain characters from the start, and the same prefix from the source. */
  const skip = (prefix: string) => {
    const p = prefix.trim();
    const at = text.slice(s, e).indexOf(p);
    if (at >= 0) s += at + p.length;
    while (s < e && /\s/.test(text[s]!)) s++;
    plain = plain.slice(prefix.length).trimStart();
  };
  for (let round = 0; round < 3; round++) {
    const l = plain.includes(':') ? LABEL_PREFIX.exec(plain) : null;
    if (l) { skip(l[0]); continue; }
    if (label === undefined && /^\s*(?:\[|super|repl|depr|acc|prop|rej|draft|obs|withd)/i.test(text.slice(s, s + 12))) {
      const src = STATUS_PREFIX.exec(text.slice(s, e));
      if (src) {
        const value = src[0].replace(/\s*[:\-–—]?\s*$/, '').replace(/^\[(.*)\]$/, '$1');
        const vStart = s + src[0].indexOf(value);
        label = { value, span: { start: vStart, end: vStart + value.length } };
        s += src[0].length;
        const rest = text.slice(s, e);
        plain = inlinePlain(rest).trim();
        continue;
      }
    }
    if (number === null) {
      let prefix = NUMBER_PREFIX.exec(plain);
      // "# 23 Logging": a bare number is a prefix only when it is the file's own number.
      if (prefix && prefix[4] !== undefined && fileNumber !== null && Number.parseInt(prefix[4], 10) !== fileNumber) prefix = null;
      if (prefix) {
        number = Number.parseInt(prefix[1] ?? prefix[2] ?? prefix[3] ?? prefix[4]!, 10);
        skip(prefix[0]);
        continue;
      }
    }
    break;
  }
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  const field: Field<string> = { value: plain.trim(), span: { start: s, end: Math.max(s, e) }, lineSpan: lineSpanAt(text, h1.start), source: 'heading' };
  return { field, number, ...(label ? { label } : {}) };
}

/** The lines of a Status section that can state something: not blank, not a comment, not code or a sub-heading. */
function statusLines(text: string, body: Span): Line[] {
  const lines: Line[] = [];
  let fence: string | undefined;
  forEachLine(text, body.start, body.end, (l) => {
    const c = l.text.trimStart()[0];
    if (c === undefined) return true;
    if (!fence && c !== '`' && c !== '~' && c !== '<' && c !== '#' && c !== '[') {
      lines.push(l);
      return true;
    }
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(l.text);
    if (fence) {
      if (f && f[1]!.startsWith(fence)) fence = undefined;
    } else if (f) fence = f[1]![0]!.repeat(3);
    // Reference definitions (`[ADR 9]: @ref rest_adr_0009`) state nothing.
    else if (l.text.trim() && !/^\s*<!--.*-->\s*$/.test(l.text) && !/^ {0,3}#{1,6}(?:\s|$)/.test(l.text) && !/^ {0,3}\[[^\]\n]+\]:/.test(l.text)) lines.push(l);
    return true;
  });
  return lines;
}

/** "Keep this ADR as historical context", "this record is now historical". */
const HISTORICAL = /\b(?:keep|kept|retain(?:ed)?)\s+(?:this|the)\s+(?:adr|record|decision)\s+(?:only\s+)?(?:as|for)\s+(?:a\s+)?historical\b|\bthis\s+(?:adr|record|decision)\s+is\s+(?:now\s+)?(?:only\s+)?historical\b/i;

/** Consecutive lines (no blank line between) as paragraphs; each list item starts one. */
function paragraphsOf(text: string, lines: readonly Line[]): Line[][] {
  const out: Line[][] = [];
  let prev: Line | undefined;
  for (const l of lines) {
    const adjacent = prev !== undefined && l.span.start === nextLineStart(text, prev);
    if (!adjacent || /^\s*(?:>\s?)*[-*+]\s/.test(l.text)) out.push([l]);
    else out[out.length - 1]!.push(l);
    prev = l;
  }
  return out;
}

/** A heading as the Status-heading test reads it: accent-free only when it has accents. */
function asciiHeading(heading: string): string {
  return /^[\x00-\x7f]*$/.test(heading) ? heading.trim() : foldKey(heading);
}

/** A line's text without a blockquote marker or surrounding spaces. */
function unquote(line: string): string {
  return line.replace(/^\s*(?:>\s?)*/, '').trim();
}

const SUPERSEDE_STATEMENT = letters(/^(super[sc]+eded|replaced by)(?![\p{L}\p{N}])/u);

/** True for a line that states the record is (wholly) superseded: "Superseded by …", "Superceded", not "Superseded in part by …". */
function isSupersedeStatement(line: string): boolean {
  if (!/super[sc]|replac/i.test(line)) return false;
  const folded = foldStatus(cleanStatusText(line));
  const m = SUPERSEDE_STATEMENT(folded).exec(folded);
  return m !== null && !isQualifiedSupersede(folded, { index: 0, length: m[0].length });
}

/** A line that may hold a record reference (cheap pre-filter). */
function isRecordLine(line: Line): boolean {
  return /supers|superc|replac|amend|clarif|relat|see also/i.test(line.text) && /\]|\bADR[-_ ]?#?\d|\.md\b|#\d/i.test(line.text);
}

/** A relation whose target is a reference-style link (`[ADR 9]`) takes the file its definition names. */
function withReference<T extends { target: string; label?: string }>(r: T, refs: Map<string, string>): T {
  if (r.label === undefined || r.label !== r.target) return r;
  const dest = refs.get(r.target.toLowerCase().replace(/\s+/g, ' '));
  if (dest && /\.(md|markdown)(?:#.*)?$/i.test(dest) && isRecordTarget(dest)) return { ...r, target: dest };
  return r;
}

interface DialectClues {
  hasFrontMatterMeta: boolean;
  /** A Nygard body (`Date:` line, `## Status`, Context / Decision / Consequences), front matter or not. */
  nygardBody: boolean;
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
  if (c.nygardBody) return 'nygard';
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

/**
 * Each heading's section runs to the next heading of the same or lower depth. One pass with a stack
 * of open sections: linear in the number of headings (80,000 headings take milliseconds, not 20 s).
 */
export function collectSections(headings: readonly Heading[], text: string): Section[] {
  const ends: number[] = new Array<number>(headings.length).fill(text.length);
  const open: number[] = [];
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    while (open.length > 0 && headings[open[open.length - 1]!]!.depth >= h.depth) ends[open.pop()!] = h.start;
    open.push(i);
  }
  return headings.map((h, i) => {
    const headingSpan = lineSpanAt(text, h.start);
    let bodyStart = headingSpan.end;
    if (text[bodyStart] === '\r') bodyStart++;
    if (text[bodyStart] === '\n') bodyStart++;
    return { heading: h.text, depth: h.depth, headingSpan, bodySpan: { start: bodyStart, end: ends[i]! } };
  });
}
