/**
 * Lifecycle edits: pure functions from (record, text) to minimal `TextEdit`s, each written in the
 * record's own dialect. Nothing outside the changed lines moves: line breaks (CRLF), BOM (not part of
 * the text), trailing spaces, front-matter order and comments stay byte for byte.
 *
 * What each dialect gets (see templates/nygard.ts for the adr-tools facts these follow):
 *
 * | operation        | Nygard / adr-tools                          | MADR 3/4 (front matter)                      | MADR 2 / log4brains (bullets)                 |
 * |------------------|---------------------------------------------|----------------------------------------------|-----------------------------------------------|
 * | status           | the status line of `## Status`              | `status: x` (quoting kept)                   | `* Status: x` / `- Status: x`                 |
 * | superseded by    | status line → `Superceded by [2. T](f.md)`  | `status: superseded by [ADR-0002](f.md)`     | `- Status: superseded by [id](f.md)`          |
 * | supersedes, links| `Supercedes [1. T](f.md)` paragraph at the end of `## Status` | `* Supersedes [ADR-0001](f.md)` in `## Links` | `- Supersedes [id](f.md)` in `## Links` |
 *
 * A record that already keeps relations in a front matter `links:` list of `{rel, target}` maps
 * (joshrotenberg/adrs "ng") gets them there instead: `- rel: Supersedes` / `target: 12`, and when
 * superseded `status: superseded` plus a `Superseded by` item. The verbs and places come from the
 * dialect descriptors (dialects/*); "Superceded" only where the records or their collection
 * (adr-tools) already spell it so.
 */
import type { AdrRecord, CollectionDialect, EditPlan, FileEdit, RelationType, Status, TextEdit } from '../model';
import { dialectOfRecord, spellingFor } from '../dialects';
import { relationTypeOf } from '../parse/status';
import { hasFrontMatterLinks, insertFrontMatterLinks, insertRelationLines, type RelationPlacement } from './placement';
import { findSection } from './sections';
import { linkPath, relationLine, subjectOf, verbFor, type LinkSubject, type RecordText, type Spelling } from './labels';
import { formatStatus, matchCase, setStatusEdits } from './status';

export type { RecordText } from './labels';

/** Options shared by the lifecycle edits. */
export interface LifecycleOptions {
  /**
   * `adr-tools` writes "Superceded by"/"Supercedes" in Nygard records, as adr-tools does; `standard`
   * "Superseded". Default: what the records already write, else by `collectionDialect` (adr-tools'
   * spelling only in adr-tools collections), else adr-tools' for Nygard records.
   */
  readonly spelling?: Spelling;
  /** The dialect of the records' collection, when the caller knows it. */
  readonly collectionDialect?: CollectionDialect;
}

/** The spelling `options` ask for, or the one the records and their collection use. */
export function spellingOf(options: LifecycleOptions, ...records: readonly RecordText[]): Spelling {
  return options.spelling ?? spellingFor(records.map((r) => r.text), options.collectionDialect, records[0]?.record.dialect);
}

/** Edits that set `record`'s status to `status`, worded and cased as the record writes statuses. */
export function setStatus(record: AdrRecord, text: string, status: Exclude<Status, 'unknown'> | string): TextEdit[] {
  const value = isStatusWord(status) ? formatStatus(record, status) : status;
  // Setting the status it already has changes nothing (the scalar may be quoted: compare the edits).
  return setStatusEdits(record, text, value).filter((e) => text.slice(e.start, e.end) !== e.newText);
}

function isStatusWord(s: string): s is Exclude<Status, 'unknown'> {
  return ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded', 'draft'].includes(s);
}

/** Where `record` writes relation lines: where it already does (front matter `links:`), else where its dialect does. */
export function relationPlacement(record: AdrRecord, text?: string): RelationPlacement {
  if (text !== undefined && record.frontMatter && hasFrontMatterLinks(text)) return 'front-matter-links';
  // The dialect's place (dialects/*: `fields.relations`); a record in front matter is no Nygard record.
  const home = record.dialect === 'unknown' && record.frontMatter ? 'links-section' : dialectOfRecord(record.dialect).fields.relations;
  return home === 'status-section' && findSection(record.sections, ['status']) ? 'status-section' : 'links-section';
}

/**
 * The edit adding `verb [label](link)` to `source`, pointing at `target`; none when the record already
 * has a relation of that kind to that file.
 */
export function addRelation(source: RecordText, verb: string, target: LinkSubject): TextEdit[] {
  const { record, text } = source;
  const link = linkPath(record.path, target.path);
  if (hasRelation(record, verb, link, target.number)) return [];
  const placement = relationPlacement(record, text);
  if (placement === 'front-matter-links') {
    const edit = insertFrontMatterLinks(text, record.eol, [{ rel: verb, target: target.number ?? link }]);
    if (edit) return [edit];
  }
  const line = relationLine(verb, target, record.path, record.dialect);
  const marker = bulletMarker(record, text);
  const edit = insertRelationLines({ text, sections: record.sections, eol: record.eol }, placement, [line], marker);
  return edit ? [edit] : [];
}

/**
 * True when `record` has a relation whose verb means the same as `verb` and whose target is `link`
 * (or the record `number`, as front matter `links:` name them).
 */
export function hasRelation(record: AdrRecord, verb: string, link: string, number?: number | null): boolean {
  const type = relationTypeOf(verb);
  const wanted = normaliseLink(link);
  return record.relations.some(
    (r) =>
      (normaliseLink(r.target) === wanted || (number !== undefined && number !== null && r.target === String(number))) &&
      (type === 'custom' ? r.verb === verb.trim().toLowerCase() : r.type === type),
  );
}

function normaliseLink(link: string): string {
  const bare = link.replace(/^\.\//, '').replace(/#.*$/, '');
  try {
    return decodeURI(bare).toLowerCase();
  } catch {
    return bare.toLowerCase(); // a stray `%` in a hand-written link
  }
}

function bulletMarker(record: AdrRecord, text: string): '-' | '*' {
  const f = record.statusField ?? record.dateField;
  if (f && f.source === 'bullet') {
    const m = /^[ \t]*([-*+])/.exec(text.slice(f.lineSpan.start, f.lineSpan.end));
    if (m) return m[1] === '-' ? '-' : '*';
  }
  return dialectOfRecord(record.dialect).wording.bullet;
}

/** Edits marking `old` as superseded by the record `by` (only `old`'s file). */
export function supersededEdits(old: RecordText, by: LinkSubject, options: LifecycleOptions = {}): TextEdit[] {
  const { record, text } = old;
  const link = linkPath(record.path, by.path);
  // Already superseded by it (the status may read otherwise if the parser prefers other text: leave it).
  if (hasRelation(record, 'superseded by', link, by.number)) return [];
  const verb = verbFor('superseded-by', record.dialect, spellingOf(options, old));
  if (relationPlacement(record, text) === 'front-matter-links') {
    // adrs "ng": `status: superseded` and a `Superseded by` item in `links:`.
    const links = insertFrontMatterLinks(text, record.eol, [{ rel: 'Superseded by', target: by.number ?? link }]);
    if (links) return [...setStatusEdits(record, text, matchCase(record, 'superseded')), links];
  }
  const line = relationLine(dialectOfRecord(record.dialect).wording.statusCase === 'capitalised' ? verb : matchCase(record, verb), by, record.path, record.dialect);
  return setStatusEdits(record, text, line);
}

/**
 * `replacement` supersedes `old`: `old`'s status becomes "superseded by" a link to `replacement`,
 * and `replacement` gets a "Supersedes" link to `old`. Edits for both files.
 */
export function supersede(old: RecordText, replacement: RecordText, options: LifecycleOptions = {}): EditPlan {
  const spelling = spellingOf(options, old, replacement);
  const newVerb = verbFor('supersedes', replacement.record.dialect, spelling);
  return plan([
    { path: old.record.path, edits: supersededEdits(old, subjectOf(replacement), { ...options, spelling }) },
    { path: replacement.record.path, edits: addRelation(replacement, newVerb, subjectOf(old)) },
  ]);
}

/** `source` VERB `target`, and `target` REVERSE-VERB `source` (adr-tools' `adr link`). */
export function link(source: RecordText, verb: string, target: RecordText, reverseVerb: string): EditPlan {
  return plan([
    { path: source.record.path, edits: addRelation(source, verb, subjectOf(target)) },
    { path: target.record.path, edits: addRelation(target, reverseVerb, subjectOf(source)) },
  ]);
}

/** `source` amends `target` ("Amends" / "Amended by"). */
export function amend(source: RecordText, target: RecordText): EditPlan {
  return relate(source, 'amends', target);
}

/** A built-in relation and its inverse, with the verbs each record's dialect writes. */
export function relate(source: RecordText, type: Exclude<RelationType, 'custom' | 'supersedes' | 'superseded-by'>, target: RecordText): EditPlan {
  const inverse: Record<typeof type, Exclude<RelationType, 'custom'>> = {
    amends: 'amended-by',
    'amended-by': 'amends',
    clarifies: 'clarified-by',
    'clarified-by': 'clarifies',
    relates: 'relates',
  };
  return link(source, verbFor(type, source.record.dialect), target, verbFor(inverse[type], target.record.dialect));
}

function plan(edits: FileEdit[]): EditPlan {
  return { edits: edits.filter((e) => e.edits.length > 0), creates: [] };
}
