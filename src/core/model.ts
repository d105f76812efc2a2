/**
 * The ADR model shared by every front end. Pure data: no I/O, no vscode.
 *
 * Positions are UTF-16 offsets into the decoded file text (the same units as JavaScript strings and
 * `TextDocument.positionAt`). A BOM, when present, is not part of the text: `AdrRecord.bom` says it
 * was there, and writers put it back.
 */

/** A half-open range of offsets `[start, end)` into a record's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** How a collection is laid out and which tool family writes it. */
export type CollectionDialect = 'adr-tools' | 'madr' | 'log4brains' | 'generic';

/** How one record is written. */
export type RecordDialect = 'nygard' | 'madr2' | 'madr3' | 'madr4' | 'log4brains' | 'unknown';

/** Normalised lifecycle status. `statusText` keeps what the author wrote. */
export type Status = 'proposed' | 'accepted' | 'rejected' | 'deprecated' | 'superseded' | 'draft' | 'unknown';

export const STATUSES: readonly Status[] = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded', 'draft', 'unknown'];

/** Built-in relation kinds; anything else a record writes is kept as `custom` with its verb. */
export type RelationType =
  | 'supersedes'
  | 'superseded-by'
  | 'amends'
  | 'amended-by'
  | 'clarifies'
  | 'clarified-by'
  | 'relates'
  | 'custom';

/** Where a relation was written. */
export type RelationSource = 'link-line' | 'bullet' | 'front-matter' | 'status' | 'bare-id';

export interface Relation {
  readonly type: RelationType;
  /** The verb as written, lower-cased and trimmed ("superceded by", "depends on"). */
  readonly verb: string;
  /** What the record points at: a relative link (`0002-foo.md`), an id (`ADR-0057`), or a number. */
  readonly target: string;
  /** The link text when the relation is a Markdown link (`2. Foo`). */
  readonly label?: string;
  readonly source: RelationSource;
  /** The whole line or front-matter entry holding the relation. */
  readonly span: Span;
}

/** A relative Markdown link in a record's body. */
export interface RecordLink {
  /** The URL as written, including any `#fragment`. */
  readonly href: string;
  /** The URL text inside `(...)`: what a rename rewrites. */
  readonly hrefSpan: Span;
}

/** A problem found while parsing; the record is still produced. */
export interface ParseProblem {
  readonly code: string;
  readonly message: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly span: Span;
}

export interface Section {
  readonly heading: string;
  readonly depth: number;
  /** The heading line. */
  readonly headingSpan: Span;
  /** From the end of the heading line to the next heading of the same or lower depth (or EOF). */
  readonly bodySpan: Span;
}

export interface FrontMatter {
  /** From the opening `---` to the end of the closing `---` line (line break included). */
  readonly span: Span;
  /** The YAML between the fences. */
  readonly contentSpan: Span;
  /** Parsed data; `undefined` when the YAML is malformed (a problem is reported). */
  readonly data: Record<string, unknown> | undefined;
  /** Top-level keys in written order with the span of each whole entry (key line plus its block). */
  readonly entries: readonly FrontMatterEntry[];
}

export interface FrontMatterEntry {
  readonly key: string;
  /** The full entry, from the key to the end of its last line (line break excluded). */
  readonly span: Span;
  /** The value text after `key:` (trimmed), when the value is on the key line. */
  readonly valueSpan: Span | undefined;
}

/** One field the parser found, with where it was written, so edits and diagnostics can point at it. */
export interface Field<T> {
  readonly value: T;
  /**
   * The text that holds the value (e.g. `Accepted` in `* Status: Accepted`). For front matter it is the
   * YAML scalar as written, quotes included; for an empty field it is empty, where a value belongs.
   */
  readonly span: Span;
  /** The whole line or entry the field lives in. */
  readonly lineSpan: Span;
  readonly source: 'front-matter' | 'bullet' | 'section' | 'line' | 'heading' | 'file-name' | 'table' | 'blockquote';
}

export interface AdrRecord {
  /** Stable id: the file name without `.md` (the log4brains slug; `0007-use-x` for numbered records). */
  readonly id: string;
  /** Absolute path, `/`-separated. */
  readonly path: string;
  /** Absolute path of the collection folder. */
  readonly collection: string;
  readonly dialect: RecordDialect;
  readonly number: number | null;
  /** The number as written in the file name (`0007`, `007`), or null. */
  readonly numberText: string | null;
  readonly title: string;
  readonly titleField: Field<string> | undefined;
  /**
   * The level-1 heading's title when front matter `title:` is the record's title and the heading
   * says the same (after its number), so a retitle can change both.
   */
  readonly headingTitleField?: Field<string>;
  readonly status: Status;
  /** The status as written ("✅ Accepted", "Superceded by [3. X](0003-x.md)"), or null when absent. */
  readonly statusText: string | null;
  readonly statusField: Field<string> | undefined;
  /**
   * Every place the record states a status, when there is more than one (front matter and a Status
   * section, "Accepted" and a later "Superseded by …" line), with what each says. `statusField` is
   * the one that counts: the first, unless a later one says the record is superseded.
   */
  readonly statusStatements?: readonly (Field<string> & { readonly status: Status })[];
  /** ISO `YYYY-MM-DD` when the date could be read. */
  readonly date: string | null;
  readonly dateField: Field<string> | undefined;
  readonly deciders: readonly string[];
  readonly consulted: readonly string[];
  readonly informed: readonly string[];
  readonly tags: readonly string[];
  readonly relations: readonly Relation[];
  /** Every relative link in the body (`0002-x.md`, `../y.md#part`), for broken-link checks and renames. */
  readonly links: readonly RecordLink[];
  /** Glob patterns (from `governs`, `applies-to`, `affects`), relative to the repository root. */
  readonly governs: readonly string[];
  readonly frontMatter: FrontMatter | undefined;
  readonly sections: readonly Section[];
  readonly problems: readonly ParseProblem[];
  readonly eol: '\n' | '\r\n';
  readonly bom: boolean;
  /** Length of the text in UTF-16 units (for range checks). */
  readonly length: number;
}

export interface Collection {
  /** Absolute folder path, `/`-separated. */
  readonly path: string;
  readonly dialect: CollectionDialect;
  /** How the collection was found. */
  readonly source: CollectionSource;
  /** Display name: the package name for log4brains packages, else the folder relative to the root. */
  readonly name: string;
  /** Zero-padding width used by the collection's file names (4 for `0007-`), or 0 for date names. */
  readonly padding: number;
  /** `NNNN-` numbering or `YYYYMMDD-` date names. */
  readonly naming: 'number' | 'date';
  /** Number a new collection starts at: 1 for adr-tools, 0 for MADR. */
  readonly firstNumber: number;
  /** The collection's own template, when it has one (absolute path). */
  readonly templatePath?: string;
  /** An index file that lists the records (README.md / index.md), when present. */
  readonly indexPath?: string;
  /**
   * Status words the collection declares (`statuses` in its config file or `.adr-workbench.yml`),
   * lower-case word → status, read on top of the built-in vocabulary.
   */
  readonly statusVocabulary?: Readonly<Record<string, Exclude<Status, 'unknown'>>>;
}

export type CollectionSource =
  | '.adr-dir'
  | '.log4brains.yml'
  | 'adr.config.json'
  | 'adrs.toml'
  | '.adr'
  | 'convention'
  | 'heuristic'
  | 'configured';

/** A minimal text change: replace `[start, end)` of the file text with `newText`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Edits to one existing file, plus what the file text must be for them to apply. */
export interface FileEdit {
  readonly path: string;
  readonly edits: readonly TextEdit[];
}

/** A set of changes across files: edits to existing files and files to create. */
export interface EditPlan {
  readonly edits: readonly FileEdit[];
  readonly creates: readonly { readonly path: string; readonly content: string }[];
}

export type Severity = 'error' | 'warning' | 'info';

/** A lint finding. */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly path: string;
  readonly span: Span;
  /** A machine-applicable fix, when one is obvious. */
  readonly fix?: { readonly title: string; readonly plan: EditPlan };
  /** Rule-specific facts a quick fix needs (the other record of a relation, say). */
  readonly data?: Readonly<Record<string, unknown>>;
}
