/**
 * One bounded walk of a folder tree, reading each folder once. Discovery uses the listings for
 * config files, conventional folders and the numbered-records heuristic alike. A symlinked folder
 * is followed only when it resolves inside the root (and not to a folder above itself): a
 * `rootlink -> /` never makes discovery walk the whole file system.
 */
import type { DirectoryEntry, FileSystem } from '../ports';
import { isInside, join } from '../paths';
import type { FolderListing } from './layout';
import { isScannedFolder } from './naming';

export interface WalkOptions {
  /** Levels below the root to descend (the root is level 0). */
  readonly maxDepth: number;
  /** Stop reading more folders after this many (giant trees, symlink loops). */
  readonly maxFolders: number;
  /** Folders read at once. */
  readonly concurrency: number;
  /** Symlinked folders are followed only when they resolve inside this folder (default: the root). */
  readonly confine?: string;
}

export interface WalkResult {
  /** Listing of every folder read, keyed by absolute path. */
  readonly folders: Map<string, FolderListing>;
  readonly problems: { path: string; message: string }[];
  /** True when `maxFolders` cut the walk short. */
  readonly truncated: boolean;
}

/** Reads `root` and the folders below it that a scan should look at (see `isScannedFolder`). */
export async function walkTree(fs: FileSystem, root: string, options: WalkOptions): Promise<WalkResult> {
  const folders = new Map<string, FolderListing>();
  const problems: { path: string; message: string }[] = [];
  let truncated = false;
  const boundary = await fs.realPath(options.confine ?? root).catch(() => options.confine ?? root);
  // Breadth-first, one level at a time, each level read with bounded concurrency.
  let level: string[] = [root];
  for (let depth = 0; level.length > 0 && depth <= options.maxDepth; depth++) {
    const next: string[] = [];
    let i = 0;
    const worker = async (): Promise<void> => {
      while (i < level.length) {
        const dir = level[i++]!;
        if (folders.size >= options.maxFolders) {
          truncated = true;
          return;
        }
        const read = await listEntries(fs, dir, problems);
        if (!read) continue;
        folders.set(dir, read.listing);
        for (const f of read.listing.folders) {
          if (!isScannedFolder(f)) continue;
          const path = join(dir, f);
          if (read.linked.has(f) && !(await followable(fs, path, boundary, problems))) continue;
          next.push(path);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, level.length) }, worker));
    level = next.sort();
  }
  return { folders, problems, truncated };
}

/** True when the symlinked folder `path` resolves inside `boundary` and not to one of its own ancestors. */
async function followable(fs: FileSystem, path: string, boundary: string, problems: { path: string; message: string }[]): Promise<boolean> {
  let real: string;
  try {
    real = await fs.realPath(path);
  } catch {
    return false;
  }
  if (!isInside(boundary, real)) {
    problems.push({ path, message: `symlink to ${real}, outside ${boundary}: not followed` });
    return false;
  }
  const realParent = await fs.realPath(join(path, '..')).catch(() => real);
  // A link to its own folder or above: a loop, whose contents the walk reaches anyway.
  return !isInside(real, realParent);
}

/**
 * A folder's listing, or undefined (with a problem) when it cannot be read; with the port's entries
 * (`entries`), so that a caller handing them on need not build them again.
 */
export async function list(
  fs: FileSystem,
  dir: string,
  problems?: { path: string; message: string }[],
): Promise<FolderListing | undefined> {
  const read = await listEntries(fs, dir, problems);
  return read ? { ...read.listing, entries: read.entries } : undefined;
}

async function listEntries(
  fs: FileSystem,
  dir: string,
  problems?: { path: string; message: string }[],
): Promise<{ listing: FolderListing; linked: Set<string>; entries: readonly DirectoryEntry[] } | undefined> {
  try {
    const entries = await fs.readDirectory(dir);
    const files: string[] = [];
    const subfolders: string[] = [];
    const linked = new Set<string>();
    const linkedFiles: string[] = [];
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const name = entry[0];
      const kind = entry[1];
      if (kind === 'file') {
        files.push(name);
        if (entry.symlink) linkedFiles.push(name);
      } else if (kind === 'directory') {
        subfolders.push(name);
        if (entry.symlink) linked.add(name);
      }
    }
    return { listing: { files: files.sort(), folders: subfolders.sort(), ...(linkedFiles.length ? { linkedFiles } : {}) }, linked, entries };
  } catch (e) {
    problems?.push({ path: dir, message: `cannot read folder: ${e instanceof Error ? e.message : String(e)}` });
    return undefined;
  }
}

/** A name with an extension (`0001-x.md`, `diagram.png`, `.log4brains.yml`): a file, for `listByName`. */
const FILE_NAME = /\.[A-Za-z0-9]{1,10}$/;

/**
 * A folder's listing from its names, where the port lists names (`readNames`; else `list`): one
 * call instead of a kind per entry, which in a folder of 10,000 records is the larger part of the
 * listing's cost. A name with an extension is taken for a file and any other is asked about; so a
 * folder named like a file (`x.md/`) is listed as a file (reading it is then refused, as for any
 * unreadable record), and symlinks are not marked (`linkedFiles` is absent): for callers that need
 * neither, such as `new`, which numbers from the names and reads a few records for their shape.
 */
export async function listByName(
  fs: FileSystem,
  dir: string,
  problems?: { path: string; message: string }[],
): Promise<FolderListing | undefined> {
  if (!fs.readNames) return list(fs, dir, problems);
  let names: readonly string[];
  try {
    names = await fs.readNames(dir);
  } catch (e) {
    problems?.push({ path: dir, message: `cannot read folder: ${e instanceof Error ? e.message : String(e)}` });
    return undefined;
  }
  const files: string[] = [];
  const folders: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (FILE_NAME.test(name)) {
      files.push(name);
      continue;
    }
    const kind = (await fs.stat(join(dir, name)))?.kind;
    if (kind === 'file') files.push(name);
    else if (kind === 'directory') folders.push(name);
  }
  return { files: files.sort(), folders: folders.sort() };
}
