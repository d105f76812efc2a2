/** adr-tools' own way of finding "the" ADR folder from a working folder (its `_adr_dir` script). */
import { UserError } from '../errors';
import type { FileSystem } from '../ports';
import { decodeText } from '../text';
import { dirname, join, normalize } from '../paths';
import { configuredPath, ConfigError, readAdrDir } from './configFiles';

export interface AdrDirLocation {
  /** Absolute path of the ADR folder (it may not exist yet). */
  readonly path: string;
  /** What decided it: a `.adr-dir` file, an existing `doc/adr` folder, or adr-tools' default. */
  readonly found: '.adr-dir' | 'doc/adr' | 'default';
  /** The `.adr-dir` file that named the folder. */
  readonly configFile?: string;
}

/**
 * Walks up from `start` the way adr-tools does: at each level a `.adr-dir` file names the folder
 * (relative to the file), else an existing `doc/adr` folder is the one; the first level that has
 * either wins. With neither anywhere up to `stopAt` (default: the file-system root), the answer is
 * `start/doc/adr`. A `.adr-dir` that cannot be read or is empty is passed over; one naming a folder
 * outside its repository (the folder holding `.git` at or above it; without one, its own folder),
 * such as `../../elsewhere` or `/etc`, is refused with a `UserError`: a cloned repository must not
 * make `new` or `index` write elsewhere (`--collection` can name such a folder).
 */
export async function findAdrDirUpwards(fs: FileSystem, start: string, stopAt = '/'): Promise<AdrDirLocation> {
  const from = normalize(start);
  const stop = normalize(stopAt);
  for (let dir = from; ; dir = dirname(dir)) {
    const configFile = join(dir, '.adr-dir');
    if ((await fs.stat(configFile))?.kind === 'file') {
      let folder: string | undefined;
      try {
        folder = readAdrDir(decodeText(await fs.readFile(configFile, { maxBytes: 64 * 1024 }), configFile).text)[0]!.folder;
      } catch {
        // Unreadable or empty: adr-tools would produce a nonsense path; keep looking instead.
      }
      if (folder !== undefined) {
        try {
          return { path: configuredPath(dir, folder, await repositoryOf(fs, dir)), found: '.adr-dir', configFile };
        } catch (e) {
          if (e instanceof ConfigError) throw new UserError(`${configFile}: ${e.message}`, configFile);
          throw e;
        }
      }
    }
    const docAdr = join(dir, 'doc', 'adr');
    if ((await fs.stat(docAdr))?.kind === 'directory') return { path: docAdr, found: 'doc/adr' };
    if (dir === stop || dir === dirname(dir)) break;
  }
  return { path: join(from, 'doc', 'adr'), found: 'default' };
}

/** The folder holding `.git` at or above `dir`, else `dir` itself. */
async function repositoryOf(fs: FileSystem, dir: string): Promise<string> {
  for (let d = dir; ; d = dirname(d)) {
    if (await fs.stat(join(d, '.git')).catch(() => undefined)) return d;
    if (d === dirname(d)) return dir;
  }
}
