/**
 * adr-tools' view of the working folder, from file names alone: its ADR folder (found walking up,
 * as `_adr_dir` does) and the records `adr list` lists there. Light on purpose: `list` loads this
 * and nothing of the index.
 */
import { findAdrDirUpwards } from '../core/discovery/adrDir';
import { adrListOrder, type TocEntry } from '../core/generate/adrTools';
import { basename, join, relative } from '../core/paths';
import { decodeText } from '../core/text';
import { AdrToolsError, type CliIO } from './io';

/** A path as the user should see it: relative to the working folder. */
export function rel(io: CliIO, path: string): string {
  return relative(io.cwd, path) || '.';
}

/** adr-tools' ADR folder (`_adr_dir`); adr-tools' message and exit 1 when it does not exist. */
export async function adrToolsFolder(io: CliIO): Promise<string> {
  const dir = (await findAdrDirUpwards(io.fs, io.cwd)).path;
  if ((await io.fs.stat(dir))?.kind !== 'directory') throw new AdrToolsError(`The ${rel(io, dir)} directory does not exist`);
  return dir;
}

/** The names `adr list` lists in `dir` (`NNNN-*.md`, byte order): a directory listing, nothing read. */
export async function adrToolsNames(io: CliIO, dir: string): Promise<string[]> {
  const names = (await io.fs.readDirectory(dir)).filter(([, k]) => k === 'file').map(([n]) => ({ fileName: n }));
  return adrListOrder(names).map((e) => e.fileName);
}

/** The records `adr list` would list, with their text. */
export async function adrToolsEntries(io: CliIO, dir: string): Promise<TocEntry[]> {
  return Promise.all((await adrToolsNames(io, dir)).map(async (fileName) => {
    const path = join(dir, fileName);
    try {
      return { fileName: basename(path), text: decodeText(await io.fs.readFile(path), path).text };
    } catch {
      return { fileName, text: '' };
    }
  }));
}
