/** `generate toc` and `generate graph`: adr-tools' output over the adr-tools folder. */
import { basename, join } from '../../core/paths';
import { decodeText } from '../../core/text';
import { generateGraph, generateToc, type TocEntry } from '../../core/generate/adrTools';
import { findAdrDirUpwards } from '../../core/discovery';
import { parse, str, UsageError } from '../args';
import { EXIT_OK, type CliIO } from '../io';
import { resolve } from '../../core/paths';

export async function generateCommand(args: readonly string[], io: CliIO): Promise<number> {
  const [what, ...rest] = args;
  if (what === 'toc') {
    const p = parse('generate toc', rest, { intro: { type: 'string', short: 'i' }, outro: { type: 'string', short: 'o' }, prefix: { type: 'string', short: 'p' } });
    const entries = await adrToolsEntries(io);
    const intro = str(p, 'intro');
    const outro = str(p, 'outro');
    io.stdout(generateToc(entries, {
      ...(intro !== undefined ? { intro: await readText(io, intro) } : {}),
      ...(outro !== undefined ? { outro: await readText(io, outro) } : {}),
      ...(str(p, 'prefix') !== undefined ? { prefix: str(p, 'prefix')! } : {}),
    }));
    return EXIT_OK;
  }
  if (what === 'graph') {
    const p = parse('generate graph', rest, { prefix: { type: 'string', short: 'p' }, extension: { type: 'string', short: 'e' } });
    const entries = await adrToolsEntries(io);
    io.stdout(generateGraph(entries, {
      ...(str(p, 'prefix') !== undefined ? { prefix: str(p, 'prefix')! } : {}),
      ...(str(p, 'extension') !== undefined ? { extension: str(p, 'extension')! } : {}),
    }));
    return EXIT_OK;
  }
  throw new UsageError(`generate: expected "toc" or "graph"${what ? `, not "${what}"` : ''}`, 'generate');
}

/** adr-tools takes INTRO and OUTRO as file names and prints their contents. */
async function readText(io: CliIO, file: string): Promise<string> {
  const path = resolve(io.cwd, file);
  return decodeText(await io.fs.readFile(path), file).text;
}

/** The records `adr list` would list, with their text. */
export async function adrToolsEntries(io: CliIO): Promise<TocEntry[]> {
  const dir = (await findAdrDirUpwards(io.fs, io.cwd)).path;
  const stat = await io.fs.stat(dir);
  if (stat?.kind !== 'directory') throw new UsageError(`The ${dir} directory does not exist`);
  const names = (await io.fs.readDirectory(dir)).filter(([n, k]) => k === 'file' && /^[0-9]+-[^/]*\.md/.test(n)).map(([n]) => n);
  return Promise.all(names.map(async (fileName) => {
    const path = join(dir, fileName);
    try {
      return { fileName: basename(path), text: decodeText(await io.fs.readFile(path), path).text };
    } catch {
      return { fileName, text: '' };
    }
  }));
}
