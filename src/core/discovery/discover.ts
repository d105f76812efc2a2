/**
 * Zero-config discovery of every ADR collection under a root folder.
 *
 * Sources, in the order collections are reported (when several find the same folder, the first
 * wins): tool config files (`.adr-dir`, `.log4brains.yml`, `adr.config.json` / `.adr.json`,
 * `adrs.toml`, pyadr's `.adr`), folders the user configured, conventional folders, then any other
 * folder holding at least two numbered records. Sub-folders of a collection holding numbered
 * records of their own (MADR categories) are collections too.
 */
import type { Collection, CollectionSource } from '../model';
import type { FileSystem } from '../ports';
import { decodeText } from '../text';
import { dirname, isInside, join, normalize, relative, resolve } from '../paths';
import { CONFIG_FILE_KINDS, configuredPath, readWorkbenchConfig, WORKBENCH_CONFIG } from './configFiles';
import type { StatusVocabulary } from '../parse/vocabulary';
import { describeCollection, type FolderListing } from './layout';
import { isNumberedRecordName, isRecordFile } from './naming';
import { sortRecordNames } from '../naming/fileName';
import { list, walkTree } from './walk';

export interface DiscoveryOptions {
  /** Folders the user configured explicitly (absolute, or relative to the root). */
  readonly extraFolders?: readonly string[];
  /** Levels below the root the scan descends (default 8). */
  readonly maxDepth?: number;
  /** At most this many folders are read (default 20,000). */
  readonly maxFolders?: number;
  /** Folders read at once (default 16). */
  readonly concurrency?: number;
}

/** Something discovery could not read or understand; the rest of the result is still valid. */
export interface DiscoveryProblem {
  readonly path: string;
  readonly message: string;
}

export interface DiscoveryResult {
  readonly collections: Collection[];
  readonly problems: DiscoveryProblem[];
  /** The listings the scan took, by folder (a creator numbers from its collection's, listing nothing more). */
  readonly listings?: ReadonlyMap<string, FolderListing>;
}

/** Conventional record folders, relative to the root (or to any folder, when they hold records). */
export const CONVENTIONAL_FOLDERS: readonly string[] = [
  'doc/adr',
  'docs/adr',
  'docs/decisions',
  'docs/architecture/decisions',
  'doc/architecture/decisions',
];

interface Candidate {
  readonly path: string;
  readonly source: CollectionSource;
  readonly name?: string;
  /** Status words its config file declares. */
  readonly statuses?: StatusVocabulary;
}

/** Every collection under `root`, plus what could not be read. Never rejects for content problems. */
export async function discover(fs: FileSystem, root: string, options: DiscoveryOptions = {}): Promise<DiscoveryResult> {
  const base = normalize(root);
  const walk = await walkTree(fs, base, {
    maxDepth: options.maxDepth ?? 8,
    maxFolders: options.maxFolders ?? 20_000,
    concurrency: options.concurrency ?? 16,
  });
  const problems: DiscoveryProblem[] = [...walk.problems];
  if (walk.truncated) problems.push({ path: base, message: 'folder scan stopped early: too many folders' });
  const dirs = [...walk.folders.keys()].sort();

  const candidates: Candidate[] = [];
  candidates.push(...(await fromConfigFiles(fs, base, dirs, walk.folders, problems)));
  for (const f of options.extraFolders ?? []) candidates.push({ path: resolve(base, f), source: 'configured' });
  candidates.push(...fromConventions(base, dirs, walk.folders));
  const unique = new Map<string, Candidate>();
  for (const c of candidates) if (!unique.has(c.path)) unique.set(c.path, c);

  // Guessed folders: two or more numbered records, or (MADR categories) numbered records in a
  // folder below a collection. Reported after the others, in path order.
  const guessed = new Set<string>();
  for (const d of dirs) {
    if (!unique.has(d) && walk.folders.get(d)!.files.filter(isNumberedRecordName).length >= 2) guessed.add(d);
  }
  const isCollection = (p: string): boolean => unique.has(p) || guessed.has(p);
  for (const d of dirs) {
    if (isCollection(d) || !walk.folders.get(d)!.files.some(isNumberedRecordName)) continue;
    for (let up = dirname(d); up !== dirname(up) && isInside(base, up); up = dirname(up)) {
      if (isCollection(up)) {
        guessed.add(d);
        break;
      }
    }
  }
  for (const d of [...guessed].sort()) unique.set(d, { path: d, source: 'heuristic' });

  const workbench = await workbenchConfigs(fs, dirs, walk.folders, problems);
  const collections = await Promise.all(
    [...unique.values()].map(async (c) => {
      // Config files may point outside the walk (hidden or skipped folders, beyond maxDepth).
      const listing = walk.folders.get(c.path) ?? (await list(fs, c.path)) ?? EMPTY;
      const collection = await describeCollection(fs, c.path, c.source, c.name ?? displayName(base, c.path), listing);
      const statuses = statusesFor(c, workbench);
      return statuses ? { ...collection, statusVocabulary: statuses } : collection;
    }),
  );
  return { collections, problems, listings: walk.folders };
}

/** `discover` without the problems: just the collections. */
export async function discoverCollections(fs: FileSystem, root: string, options: DiscoveryOptions = {}): Promise<Collection[]> {
  return (await discover(fs, root, options)).collections;
}

/**
 * The record files of a collection (absolute paths, numeric order): the Markdown files directly in
 * its folder except README, index and templates. Sub-folders are separate collections. A missing
 * folder has no records.
 */
export async function listRecordFiles(fs: FileSystem, collection: Pick<Collection, 'path'>): Promise<string[]> {
  return (await listRecordEntries(fs, collection)).files;
}

/** The record files of a collection in record order, and which of them are symlinks. */
export async function listRecordEntries(fs: FileSystem, collection: Pick<Collection, 'path'>): Promise<{ files: string[]; linked: ReadonlySet<string> }> {
  const listing = await list(fs, collection.path);
  if (!listing) return { files: [], linked: new Set() };
  const files = sortRecordNames(listing.files.filter(isRecordFile)).map((f) => join(collection.path, f));
  return { files, linked: new Set((listing.linkedFiles ?? []).map((f) => join(collection.path, f))) };
}

const EMPTY: FolderListing = { files: [], folders: [] };

function displayName(root: string, path: string): string {
  return relative(root, path) || '.';
}

async function fromConfigFiles(
  fs: FileSystem,
  base: string,
  dirs: readonly string[],
  folders: Map<string, FolderListing>,
  problems: DiscoveryProblem[],
): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const kind of CONFIG_FILE_KINDS) {
    for (const dir of dirs) {
      if (!folders.get(dir)!.files.includes(kind.file)) continue;
      const file = join(dir, kind.file);
      try {
        const { text } = decodeText(await fs.readFile(file, { maxBytes: 1024 * 1024 }), file);
        for (const f of kind.read(text)) {
          // Folders outside the scanned root are refused (a problem), never read or written.
          const path = configuredPath(dir, f.folder, base);
          out.push({ path, source: kind.source, ...(f.name ? { name: f.name } : {}), ...(f.statuses ? { statuses: f.statuses } : {}) });
          for (const w of f.warnings ?? []) problems.push({ path: file, message: w });
        }
      } catch (e) {
        problems.push({ path: file, message: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  return out;
}

/** `.adr-workbench.yml` files by folder; a malformed one is a problem and is ignored. */
async function workbenchConfigs(fs: FileSystem, dirs: readonly string[], folders: Map<string, FolderListing>, problems: DiscoveryProblem[]): Promise<Map<string, StatusVocabulary>> {
  const out = new Map<string, StatusVocabulary>();
  for (const dir of dirs) {
    if (!folders.get(dir)!.files.includes(WORKBENCH_CONFIG)) continue;
    const file = join(dir, WORKBENCH_CONFIG);
    try {
      const config = readWorkbenchConfig(decodeText(await fs.readFile(file, { maxBytes: 1024 * 1024 }), file).text);
      for (const w of config.warnings) problems.push({ path: file, message: w });
      if (config.statuses) out.set(dir, config.statuses);
    } catch (e) {
      problems.push({ path: file, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

/**
 * A collection's status words: its tool config's `statuses`, over those of the nearest
 * `.adr-workbench.yml` at or above its folder.
 */
function statusesFor(c: Candidate, workbench: ReadonlyMap<string, StatusVocabulary>): StatusVocabulary | undefined {
  let inherited: StatusVocabulary | undefined;
  for (let up = c.path; ; up = dirname(up)) {
    inherited = workbench.get(up);
    if (inherited || up === dirname(up)) break;
  }
  if (!inherited && !c.statuses) return undefined;
  return { ...inherited, ...c.statuses };
}

function fromConventions(root: string, dirs: readonly string[], folders: Map<string, FolderListing>): Candidate[] {
  const out: Candidate[] = [];
  // At the root a conventional folder counts even when empty: it is where the first record goes.
  for (const rel of CONVENTIONAL_FOLDERS) {
    const p = join(root, rel);
    if (folders.has(p)) out.push({ path: p, source: 'convention' });
  }
  // Deeper (monorepo packages) it must hold records.
  for (const d of dirs) {
    if (d === root || !CONVENTIONAL_FOLDERS.some((rel) => d.endsWith(`/${rel}`))) continue;
    if (out.some((c) => c.path === d)) continue;
    if (folders.get(d)!.files.some(isRecordFile)) out.push({ path: d, source: 'convention' });
  }
  return out;
}
