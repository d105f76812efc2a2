/**
 * How one record names another in a relation line, in the dialect of the record being written:
 *
 * - Nygard / adr-tools: `[<the target's H1 as written, minus "# ">](0005-x.md)` (`_adr_title`), e.g.
 *   `[5. Help comments](0005-help-comments.md)`;
 * - MADR 2/3/4: `[ADR-0005](0005-example.md)` (the MADR templates' example);
 * - log4brains: `[<slug>](<slug>.md)` (its `AdrRelation.toMarkdown`).
 */
import type { AdrRecord, RecordDialect, RelationType } from '../model';
import { dirname, relative } from '../paths';
import { ADR_TOOLS, GENERIC, dialectOfRecord, type Spelling } from '../dialects';

/** What a label is made from: a parsed record, or a record about to be written. */
export interface LinkSubject {
  readonly path: string;
  readonly id: string;
  readonly number: number | null;
  readonly numberText: string | null;
  readonly title: string;
  /** The level-1 heading as written, without `# ` (e.g. `5. Help comments`), when there is one. */
  readonly heading: string | null;
}

/** A record and its text, as the edit functions take them. */
export interface RecordText {
  readonly record: AdrRecord;
  readonly text: string;
}

/** The `LinkSubject` of a parsed record. */
export function subjectOf({ record, text }: RecordText): LinkSubject {
  let heading: string | null = null;
  const f = record.titleField;
  if (f && f.source === 'heading') heading = headingText(text.slice(f.lineSpan.start, f.lineSpan.end));
  return { path: record.path, id: record.id, number: record.number, numberText: record.numberText, title: record.title, heading };
}

/** The text of an ATX heading line: `# 5. Help comments #` → `5. Help comments`. */
export function headingText(line: string): string {
  return line.replace(/^ {0,3}#{1,6}[ \t]*/, '').replace(/[ \t]+#+[ \t]*$/, '').trim();
}

/** How a record of `dialect` labels `target` in a link. Brackets are dropped: they would end the label. */
export function labelFor(target: LinkSubject, dialect: RecordDialect): string {
  let label: string;
  switch (dialectOfRecord(dialect).wording.label) {
    case 'adr-id':
      label = target.numberText !== null ? `ADR-${target.numberText}` : target.id;
      break;
    case 'slug':
      label = target.id;
      break;
    case 'heading':
      label = target.heading ?? (target.number !== null ? `${target.number}. ${target.title}` : target.title);
  }
  return label.replace(/[[\]]/g, '');
}

/** The link from the file at `fromPath` to `toPath` (`0005-x.md` in the same folder, `../b/x.md` across). */
export function linkPath(fromPath: string, toPath: string): string {
  return relative(dirname(fromPath), toPath);
}

/** `verb [label](target)` as written by a record of `dialect` at `fromPath`. */
export function relationLine(verb: string, target: LinkSubject, fromPath: string, dialect: RecordDialect): string {
  return `${verb} [${labelFor(target, dialect)}](${linkPath(fromPath, target.path)})`;
}

export type { Spelling } from '../dialects';

/**
 * The verb a record of `dialect` writes for a relation type, from its dialect descriptor: Nygard
 * records use adr-tools' words and its "Superceded" spelling when `spelling` is `adr-tools` (the
 * default, kept for callers that do not know the collection), the standard spelling otherwise;
 * MADR / log4brains write a lower-case `superseded by` status and capitalised link verbs.
 */
export function verbFor(type: Exclude<RelationType, 'custom'>, dialect: RecordDialect, spelling: Spelling = 'adr-tools'): string {
  const d = dialectOfRecord(dialect);
  if (d === ADR_TOOLS || d === GENERIC) return (spelling === 'adr-tools' ? ADR_TOOLS : GENERIC).wording.verbs[type];
  return d.wording.verbs[type];
}
