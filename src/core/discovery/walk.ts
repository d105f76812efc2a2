/**
 * One bounded walk of a folder tree, reading each folder once. Discovery uses the listings for
 * config files, conventional folders and the numbered-records heuristic alike.
 */
import type { FileSystem } from '../ports';
import { join } from '../paths';
import type { FolderListing } from './layout';
import { isScannedFolder } from './naming';

export interface WalkOptions {
  /** Levels below the root to descend (the root is level 0). */
  readonly maxDepth: number;
  /** Stop reading more folders after this many (giant trees, symlink loops). */
  readonly maxFolders: number;
  /** Folders read at once. */
  readonly concurrency: number;
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
        const listing = await list(fs, dir, problems);
        if (!listing) continue;
        folders.set(dir, listing);
        for (const f of listing.folders) if (isScannedFolder(f)) next.push(join(dir, f));
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, level.length) }, worker));
    level = next.sort();
  }
  return { folders, problems, truncated };
}

/** A folder's listing, or undefined (with a problem) when it cannot be read. */
export async function list(
  fs: FileSystem,
  dir: string,
  problems?: { path: string; message: string }[],
): Promise<FolderListing | undefined> {
  try {
    const entries = await fs.readDirectory(dir);
    const files: string[] = [];
    const subfolders: string[] = [];
    for (const [name, kind] of entries) {
      if (kind === 'file') files.push(name);
      else if (kind === 'directory') subfolders.push(name);
    }
    return { files: files.sort(), folders: subfolders.sort() };
  } catch (e) {
    problems?.push({ path: dir, message: `cannot read folder: ${e instanceof Error ? e.message : String(e)}` });
    return undefined;
  }
}
