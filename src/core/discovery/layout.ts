/**
 * Describes a collection folder from its listing: numbering, padding, template, index file, and
 * (reading the start of a few records) which tool family writes it.
 */
import type { Collection, CollectionDialect, CollectionSource } from '../model';
import type { DirectoryEntry, FileSystem } from '../ports';
import { join } from '../paths';
import { recordNamesAt } from '../naming/fileName';
import { scanNames, summariseNames, type NameSummary } from '../naming/pattern';

/** A folder's entries, split by kind (names only). */
export interface FolderListing {
  readonly files: readonly string[];
  readonly folders: readonly string[];
  /** Files that are symlinks (their targets are files), when any. */
  readonly linkedFiles?: readonly string[];
  /** The folder's entries as the port gave them (any order), where the listing keeps them (`list`). */
  readonly entries?: readonly DirectoryEntry[];
}

/** How many bytes of a record dialect sniffing looks at. */
const SNIFF_BYTES = 2048;
/** How many records of a collection dialect sniffing reads. */
const SNIFF_FILES = 3;

const TEMPLATE_NAMES = ['adr-template.md', 'template.md'];
const INDEX_NAMES = ['README.md', 'index.md'];
const INDEX_NAME = /^(readme|index)\.md$/i;

/**
 * The dialect a collection's declaration suggests (`.adr-dir` is adr-tools', `.log4brains.yml`
 * log4brains', pyadr's `.adr` MADR). Only a hint: the records decide when they say something.
 */
export function declaredDialect(source: CollectionSource): CollectionDialect | undefined {
  switch (source) {
    case '.adr-dir':
      return 'adr-tools';
    case '.log4brains.yml':
      return 'log4brains';
    case '.adr':
      return 'madr';
    default:
      return undefined;
  }
}

/** The `Collection` for a folder, given how it was found and its current listing. */
export async function describeCollection(
  fs: FileSystem,
  path: string,
  source: CollectionSource,
  name: string,
  listing: FolderListing,
): Promise<Collection> {
  const declared = declaredDialect(source);
  // One pass over the names: the records, their lowest number and their pattern (the records' own
  // names decide the numbering; an empty log4brains folder is dated).
  const defaults = { naming: declared === 'log4brains' ? 'date' : 'number', padding: 4 } as const;
  // A large folder of plain names is summarised by a few native passes over all its names; else one
  // pass reads name by name (both give the same: naming-fast-path.test.ts).
  const summary = summariseNames(listing.files, defaults);
  const scan = summary ? undefined : scanNames(listing.files, defaults);
  const { pattern, lowest } = summary ?? scan!;
  const naming = pattern.kind;
  const records = summary ? summary.count : scan!.records.length;
  const pick = (ranks: readonly number[]): string[] => (summary ? summary.at(ranks) : scan!.ordered ? ranks.map((r) => scan!.records[r]!) : recordNamesAt(scan!.records, ranks, scan!.keys));
  const dialect = resolveDialect(await sniffDialect(fs, path, records, pick), declared, naming);

  const padding = naming === 'date' ? 0 : pattern.padding;
  const firstNumber = lowest !== null && lowest <= 1 ? lowest : dialect === 'madr' ? 0 : 1;

  const templatePath = await findTemplate(fs, path, listing);
  const index = INDEX_NAMES.find((n) => listing.files.includes(n)) ?? indexName(listing.files, summary);
  return {
    path,
    dialect,
    source,
    name,
    padding,
    naming,
    firstNumber,
    ...(templatePath ? { templatePath } : {}),
    ...(index ? { indexPath: join(path, index) } : {}),
  };
}

/** What a collection's sampled records look like: one vote per record. */
export interface DialectVotes {
  readonly madr: number;
  /** MADR 2 / log4brains header bullets (`* Status: accepted`, `- Date: …`). */
  readonly bullets: number;
  readonly 'adr-tools': number;
}

/**
 * The collection's dialect: what its records are, the declaration breaking ties (and naming an
 * empty collection). MADR-family records are log4brains' when they use header bullets and the
 * collection is declared log4brains or date-named. Exported for tests.
 */
export function resolveDialect(votes: DialectVotes, declared: CollectionDialect | undefined, naming: 'number' | 'date'): CollectionDialect {
  const madrFamily = votes.madr + votes.bullets;
  const nygard = votes['adr-tools'];
  if (madrFamily > nygard) {
    const bullets = votes.bullets >= votes.madr;
    if (bullets && (declared === 'log4brains' || (declared === undefined && naming === 'date'))) return 'log4brains';
    return 'madr';
  }
  if (nygard > madrFamily) return 'adr-tools';
  if (declared) return declared;
  if (naming === 'date') return 'log4brains';
  return 'generic';
}

/** The first file named like an index (`readme.md`, `Index.MD`): a summarised folder's are among its names of other shapes. */
function indexName(files: readonly string[], summary: NameSummary | undefined): string | undefined {
  const candidates = summary?.others.filter((f) => INDEX_NAME.test(f));
  // Several (`Readme.md` and `index.MD`): the first in the listing's order.
  return candidates && candidates.length <= 1 ? candidates[0] : files.find((f) => INDEX_NAME.test(f));
}

async function findTemplate(fs: FileSystem, folder: string, listing: FolderListing): Promise<string | undefined> {
  if (listing.folders.includes('templates')) {
    const p = join(folder, 'templates', 'template.md');
    if ((await fs.stat(p))?.kind === 'file') return p;
  }
  const name = TEMPLATE_NAMES.find((n) => listing.files.includes(n));
  return name ? join(folder, name) : undefined;
}

/**
 * Reads the openings of a few records (first, middle and last in record order: the first record is
 * often a boilerplate "use ADRs" copied from elsewhere) and counts what each looks like.
 */
async function sniffDialect(fs: FileSystem, folder: string, records: number, pick: (ranks: readonly number[]) => string[]): Promise<DialectVotes> {
  const votes = { madr: 0, bullets: 0, 'adr-tools': 0 };
  if (records === 0) return votes;
  // The first, middle and last in record order, picked without sorting the whole folder.
  const ranks = [...new Set([0, records >> 1, records - 1])].slice(0, SNIFF_FILES);
  const picks = pick(ranks);
  await Promise.all(
    picks.map(async (name) => {
      const head = await readHead(fs, join(folder, name));
      const vote = head === undefined ? undefined : classify(head);
      if (vote) votes[vote]++;
    }),
  );
  return votes;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

async function readHead(fs: FileSystem, path: string): Promise<string | undefined> {
  try {
    // Only the opening is read where the port can (a record may be long).
    const bytes = fs.readHead ? (await fs.readHead(path, SNIFF_BYTES)).bytes : await fs.readFile(path);
    return decoder.decode(bytes.subarray(0, SNIFF_BYTES)).replace(/^\uFEFF/, '');
  } catch {
    return undefined; // Unreadable records are reported by whoever reads them in full.
  }
}

const MADR_HEADING = /^#{2,3}\s+(?:Context and Problem Statement|Considered Options|Decision Drivers|Decision Outcome)\s*$/im;
const HEADER_BULLET = /^[*-][ \t]+(?:Status|Deciders|Date|Tags|Technical Story)[ \t]*:/im;
const NYGARD_TITLE = /^#[ \t]+\d+[.)][ \t]/;
const STATUS_SECTION = /^##[ \t]+Status[ \t]*$/im;
const NYGARD_CLUE = /^(?:Date:|##[ \t]+Context[ \t]*$)/im;

/**
 * Which dialect one record's opening suggests: YAML front matter or MADR headings mean MADR,
 * header bullets MADR 2 / log4brains, a `# 12. Title` / `# 12) Title` heading or a `## Status`
 * section beside a `Date:` line or `## Context` adr-tools (Nygard). Exported for tests.
 */
export function classify(head: string): keyof DialectVotes | undefined {
  if (/^---\r?\n/.test(head)) return 'madr';
  const firstHeading = /^#[ \t]+.*$/m.exec(head);
  const afterTitle = firstHeading ? head.slice(firstHeading.index) : head;
  if (HEADER_BULLET.test(afterTitle.split(/^##[ \t]/m)[0]!)) return 'bullets';
  if (MADR_HEADING.test(head)) return 'madr';
  if (firstHeading && NYGARD_TITLE.test(firstHeading[0])) return 'adr-tools';
  if (STATUS_SECTION.test(head) && NYGARD_CLUE.test(head)) return 'adr-tools';
  return undefined;
}
