/**
 * adr-tools' view of the working folder, from file names alone: its ADR folder (found walking up,
 * as `_adr_dir` does) and the records `adr list` lists there. Light on purpose: `list` loads this
 * and nothing of the index.
 */
import { findAdrDirUpwards, type AdrDirLocation } from '../core/discovery/adrDir';
import { type TocEntry } from '../core/generate/adrTools';

const ADR_LIST_NAME = /^[0-9]+-[^/]*\.md/;
import { basename, join, relative } from '../core/paths';
import { decodeText } from '../core/text';
import { requireInside } from '../core/edit/apply';
import { AdrToolsError, type CliIO } from './io';

/** A path as the user should see it: relative to the working folder. */
export function rel(io: CliIO, path: string): string {
  return relative(io.cwd, path) || '.';
}

/**
 * adr-tools' ADR folder (`_adr_dir`, or `found` when the caller already looked); adr-tools' message
 * and exit 1 when it does not exist.
 */
export async function adrToolsFolder(io: CliIO, found?: AdrDirLocation): Promise<string> {
  const dir = (found ?? (await findAdrDirUpwards(io.fs, io.cwd))).path;
  if ((await io.fs.stat(dir))?.kind !== 'directory') throw new AdrToolsError(`The ${rel(io, dir)} directory does not exist`);
  return dir;
}

/**
 * The names `adr list` lists in `dir` (`NNNN-*.md`, byte order): a directory listing, nothing read.
 * Names only where the port lists them (as `find` does: a symlink or a folder so named is listed
 * too, and no entry's kind is asked for, which at 10,000 records is most of the listing's cost).
 */
export async function adrToolsNames(io: CliIO, dir: string): Promise<string[]> {
  if (!io.fs.readNames) return (await adrToolsListing(io, dir)).names;
  return listedNames([...(await io.fs.readNames(dir))]);
}

/** The names of `files` that `adr list` lists, sorted. */
function listedNames(files: string[]): string[] {
  // Usually every file is a record: one test over the names joined tells (each name starts a line,
  // and a name whose lines all look like records is one itself); else name by name.
  const names = files.length > 0 && NOT_LISTED_LINE.test(files.join('\n')) ? files.filter((n) => ADR_LIST_NAME.test(n)) : files;
  return names.sort();
}

async function adrToolsListing(io: CliIO, dir: string): Promise<{ names: string[]; linked: Set<string> }> {
  // As `find | grep -E "^DIR/[0-9]+-[^/]*\.md" | sort`: names only, the engine's own sort.
  const files: string[] = [];
  const linked = new Set<string>();
  const entries = await io.fs.readDirectory(dir);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry[1] !== 'file') continue;
    files.push(entry[0]);
    if (entry.symlink) linked.add(entry[0]);
  }
  if (linked.size > 0) for (const name of linked) if (!ADR_LIST_NAME.test(name)) linked.delete(name);
  return { names: listedNames(files), linked };
}

/** A line of the joined names that does not start as `ADR_LIST_NAME` reads a name. */
const NOT_LISTED_LINE = /^(?![0-9]+-[^/\n]*\.md)/m;

/** The records `adr list` would list, with their text (none of a symlink that leaves the repository). */
export async function adrToolsEntries(io: CliIO, dir: string): Promise<TocEntry[]> {
  const { names, linked } = await adrToolsListing(io, dir);
  const roots = linked.size > 0 ? await (await import('./authoring')).writeRoots(io) : [];
  return Promise.all(names.map(async (fileName) => {
    const path = join(dir, fileName);
    try {
      if (linked.has(fileName)) await requireInside(io.fs, path, roots);
      return { fileName: basename(path), text: decodeText(await io.fs.readFile(path), path).text };
    } catch {
      return { fileName, text: '' };
    }
  }));
}
