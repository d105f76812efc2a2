/**
 * Describes a collection folder from its listing: numbering, padding, template, index file, and
 * (reading the start of a few records) which tool family writes it.
 */
import type { Collection, CollectionDialect, CollectionSource } from '../model';
import type { FileSystem } from '../ports';
import { join } from '../paths';
import { compareRecordNames, isRecordFile, parseRecordName } from './naming';

/** A folder's entries, split by kind (names only). */
export interface FolderListing {
  readonly files: readonly string[];
  readonly folders: readonly string[];
}

/** How many bytes of a record dialect sniffing looks at. */
const SNIFF_BYTES = 2048;
/** How many records of a collection dialect sniffing reads. */
const SNIFF_FILES = 3;

const TEMPLATE_NAMES = ['adr-template.md', 'template.md'];
const INDEX_NAMES = ['README.md', 'index.md'];

/** The `Collection` for a folder, given how it was found and its current listing. */
export async function describeCollection(
  fs: FileSystem,
  path: string,
  source: CollectionSource,
  name: string,
  listing: FolderListing,
): Promise<Collection> {
  const records = listing.files.filter(isRecordFile).sort(compareRecordNames);
  const names = records.map(parseRecordName);
  const dated = names.filter((n) => n?.naming === 'date').length;
  const numbered = names.filter((n) => n?.naming === 'number');
  const naming: 'number' | 'date' =
    dated > numbered.length || (records.length === 0 && source === '.log4brains.yml') ? 'date' : 'number';

  let dialect: CollectionDialect;
  if (source === '.adr-dir') dialect = 'adr-tools';
  else if (source === '.log4brains.yml' || naming === 'date') dialect = 'log4brains';
  else dialect = await sniffDialect(fs, path, records);

  const padding = naming === 'date' ? 0 : paddingOf(numbered.map((n) => n!.digits)) ?? 4;
  const numbers = numbered.map((n) => n!.number!);
  const lowest = numbers.length > 0 ? Math.min(...numbers) : undefined;
  const firstNumber = lowest !== undefined && lowest <= 1 ? lowest : dialect === 'madr' ? 0 : 1;

  const templatePath = await findTemplate(fs, path, listing);
  const index = INDEX_NAMES.find((n) => listing.files.includes(n)) ?? listing.files.find((f) => /^(readme|index)\.md$/i.test(f));
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

/**
 * The zero-padding width of numbers as written: the common width of zero-padded ones (`0007`);
 * without any leading zero, names of mixed widths (`9-x`, `10-y`) are not padded (width 1).
 */
function paddingOf(digits: readonly string[]): number | undefined {
  const padded = digits.filter((d) => d.length > 1 && d.startsWith('0'));
  if (padded.length > 0) return commonWidth(padded.map((d) => d.length));
  const widths = new Set(digits.map((d) => d.length));
  return widths.size > 1 ? 1 : commonWidth([...widths]);
}

/** The width most file names use; ties go to the wider one (`0010` over `010`). */
function commonWidth(widths: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  for (const [w, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== undefined && w > best)) {
      best = w;
      bestCount = c;
    }
  }
  return best;
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
 * Guesses the tool family from the first records' openings: YAML front matter or MADR headings
 * mean MADR, a `# 12. Title` heading means adr-tools (Nygard). Majority wins; no votes → generic.
 */
async function sniffDialect(fs: FileSystem, folder: string, records: readonly string[]): Promise<CollectionDialect> {
  if (records.length === 0) return 'generic';
  // First, middle and last: the first record is often a boilerplate "use ADRs" copied from elsewhere.
  const picks = [...new Set([0, records.length >> 1, records.length - 1])].slice(0, SNIFF_FILES);
  const votes = { madr: 0, 'adr-tools': 0 };
  await Promise.all(
    picks.map(async (i) => {
      const head = await readHead(fs, join(folder, records[i]!));
      const vote = head === undefined ? undefined : classify(head);
      if (vote) votes[vote]++;
    }),
  );
  if (votes.madr === 0 && votes['adr-tools'] === 0) return 'generic';
  return votes.madr > votes['adr-tools'] ? 'madr' : 'adr-tools';
}

const decoder = new TextDecoder('utf-8', { fatal: false });

async function readHead(fs: FileSystem, path: string): Promise<string | undefined> {
  try {
    const bytes = await fs.readFile(path);
    return decoder.decode(bytes.subarray(0, SNIFF_BYTES)).replace(/^\uFEFF/, '');
  } catch {
    return undefined; // Unreadable records are reported by whoever reads them in full.
  }
}

/** Which dialect one record's opening suggests. Exported for tests. */
export function classify(head: string): 'madr' | 'adr-tools' | undefined {
  if (/^---\r?\n/.test(head)) return 'madr';
  if (/^#{2,3}\s+(?:Context and Problem Statement|Considered Options|Decision Drivers)\s*$/im.test(head)) return 'madr';
  const firstHeading = /^#\s+(.*)$/m.exec(head);
  if (firstHeading && /^\d+\.\s/.test(firstHeading[1]!)) return 'adr-tools';
  return undefined;
}
