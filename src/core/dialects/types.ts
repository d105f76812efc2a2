/**
 * A dialect descriptor: everything one ADR convention implies, in one place. Adding a dialect is
 * adding one file beside this one (and its tests) and listing it in `index.ts`.
 *
 * The WRITING side is complete here (templates, relation wording, default folder, init plan, index
 * convention). The READING side is described (`detection`, `fields`) but still implemented where it
 * was: record dialect detection in `parse/record.ts` (`detectDialect`), collection dialect votes in
 * `discovery/layout.ts` (`classify`), config files in `discovery/configFiles.ts`.
 */
import type { CollectionDialect, RecordDialect, RelationType } from '../model';
import type { RelationPlacement } from '../edit/placement';

/** The dialects this tool knows. */
export type DialectId = 'adr-tools' | 'madr2' | 'madr3' | 'madr4' | 'log4brains' | 'generic';

/** Built-in template kinds (a collection's own template file is `custom`, outside this list). */
export type BuiltinTemplateKind = 'nygard' | 'madr-full' | 'madr-minimal' | 'madr-bare' | 'madr-bare-minimal' | 'madr2' | 'log4brains';

/** Where a field lives in a record. */
export type FieldHome = 'front-matter' | 'bullet' | 'section' | 'line' | 'heading' | 'file-name' | 'none';

/** Where `governs` globs are written: YAML front matter, or a `Governs:` line under the title. */
export type GovernsHome = 'front-matter' | 'line';

/** How a record labels another in a relation link: its H1 (`5. Help`), `ADR-0005`, or its slug. */
export type LabelStyle = 'heading' | 'adr-id' | 'slug';

/** The index file a collection of this dialect keeps, if any. */
export type IndexConvention = 'adr-tools' | 'adr-log' | 'none';

/** Relation verbs, as this dialect writes them. */
export type Verbs = Readonly<Record<Exclude<RelationType, 'custom'>, string>>;

/** A config file `init` creates (never over an existing one that says otherwise). */
export interface InitConfig {
  /** File name, in the project root. */
  readonly file: string;
  /** Its content for a records folder `rel` (relative to the root) in project `projectName`. */
  readonly content: (rel: string, projectName: string, timeZone: string) => string;
  /** True when an existing file already names folder `rel`. */
  readonly names: (existing: string, rel: string) => boolean;
}

export interface DialectDescriptor {
  readonly id: DialectId;
  readonly label: string;
  /** The collection dialect (layout, tool family) collections of this dialect have. */
  readonly collection: CollectionDialect;
  /** The record dialects the parser reports for records of this dialect. */
  readonly records: readonly RecordDialect[];
  /** Reading side, described; see the module comment for where it is implemented today. */
  readonly detection: {
    readonly configFiles: readonly string[];
    readonly folders: readonly string[];
    readonly clues: readonly string[];
  };
  /** Where each field is read and written. */
  readonly fields: {
    readonly title: FieldHome;
    readonly status: FieldHome;
    readonly date: FieldHome;
    readonly deciders: FieldHome;
    readonly relations: RelationPlacement;
    readonly governs: GovernsHome;
  };
  /** Status and relation wording. */
  readonly wording: {
    readonly statusCase: 'capitalised' | 'lower';
    /** The status a new record gets when nobody names one. */
    readonly newStatus: string;
    readonly verbs: Verbs;
    readonly label: LabelStyle;
    /** Bullet marker for metadata and relation lists. */
    readonly bullet: '-' | '*';
  };
  readonly templates: {
    /** The built-in template a collection without a template file gets. */
    readonly default: BuiltinTemplateKind;
    /** The built-in templates that write records of this dialect. */
    readonly kinds: readonly BuiltinTemplateKind[];
    /** Template files a collection of this dialect keeps beside its records, most specific first. */
    readonly fileNames: readonly string[];
    /** The template file `init` writes beside the records (none: adr-tools uses its built-in one). */
    readonly initFileName?: string;
  };
  /** Layout of a new collection. */
  readonly layout: {
    /** Records folder, relative to the project root. */
    readonly defaultFolder: string;
    readonly naming: 'number' | 'date';
    readonly padding: number;
    readonly firstNumber: number;
  };
  /** What `init` writes; undefined when this dialect is not offered by `init`. */
  readonly init?: {
    /** Shown in pickers. */
    readonly description: string;
    readonly config?: InitConfig;
    /** The collection source the config file (or the folder) gives. */
    readonly source: 'convention' | '.adr-dir' | '.log4brains.yml';
  };
  readonly index: IndexConvention;
}

/** Standard English verbs (every dialect but adr-tools). */
export const STANDARD_VERBS: Verbs = {
  supersedes: 'Supersedes',
  'superseded-by': 'Superseded by',
  amends: 'Amends',
  'amended-by': 'Amended by',
  clarifies: 'Clarifies',
  'clarified-by': 'Clarified by',
  relates: 'Relates to',
};
