/**
 * `generate toc` and `generate graph`. On the adr-tools folder (found walking up, as adr-tools does)
 * the output is adr-tools' own, byte for byte, from file names and first lines only. Any other
 * collection (`--collection PATH`, else the only one from here down) gets the same reports from the
 * titles and relations the index reads.
 */
import { basename, resolve } from '../../core/paths';
import { decodeText } from '../../core/text';
import { generateGraph, generateToc, renderGraph, renderToc, type ReportRecord } from '../../core/generate/adrTools';
import { discoverCollections, findAdrDirUpwards } from '../../core/discovery';
import type { Collection } from '../../core/model';
import { parse, str, UsageError } from '../args';
import { EXIT_OK, type CliIO } from '../io';
import { adrToolsEntries, adrToolsFolder } from '../adrTools';
import { extraFolders } from '../workspace';
import { chooseCollection } from '../authoring';

export { releaseLocks } from '../authoring';

const TOC_OPTIONS = { intro: { type: 'string', short: 'i' }, outro: { type: 'string', short: 'o' }, prefix: { type: 'string', short: 'p' }, collection: { type: 'string' } } as const;
const GRAPH_OPTIONS = { prefix: { type: 'string', short: 'p' }, extension: { type: 'string', short: 'e' }, collection: { type: 'string' } } as const;

export async function generateCommand(args: readonly string[], io: CliIO): Promise<number> {
  const [what, ...rest] = args;
  if (what === 'toc') {
    const p = parse('generate toc', rest, TOC_OPTIONS);
    const intro = str(p, 'intro');
    const outro = str(p, 'outro');
    const options = {
      ...(intro !== undefined ? { intro: await readText(io, intro) } : {}),
      ...(outro !== undefined ? { outro: await readText(io, outro) } : {}),
      ...(str(p, 'prefix') !== undefined ? { prefix: str(p, 'prefix')! } : {}),
    };
    const source = await reportSource(io, str(p, 'collection'));
    io.stdout(source.adrTools ? generateToc(await adrToolsEntries(io, source.folder), options) : renderToc(await reportRecords(io, source.collection), options));
    return EXIT_OK;
  }
  if (what === 'graph') {
    const p = parse('generate graph', rest, GRAPH_OPTIONS);
    const options = {
      ...(str(p, 'prefix') !== undefined ? { prefix: str(p, 'prefix')! } : {}),
      ...(str(p, 'extension') !== undefined ? { extension: str(p, 'extension')! } : {}),
    };
    const source = await reportSource(io, str(p, 'collection'));
    io.stdout(source.adrTools ? generateGraph(await adrToolsEntries(io, source.folder), options) : renderGraph(await reportRecords(io, source.collection), options));
    return EXIT_OK;
  }
  throw new UsageError(`generate: expected "toc" or "graph"${what ? `, not "${what}"` : ''}`, 'generate');
}

type Source = { readonly adrTools: true; readonly folder: string } | { readonly adrTools: false; readonly collection: Collection };

/**
 * What to report on: `--collection PATH`; else the adr-tools folder (adr-tools' message when it is
 * named but missing); else the only collection from here down (several: a usage error).
 */
async function reportSource(io: CliIO, collection: string | undefined): Promise<Source> {
  if (collection === undefined) {
    const loc = await findAdrDirUpwards(io.fs, io.cwd);
    if (loc.found !== 'default') return { adrTools: true, folder: await adrToolsFolder(io) };
    // Nothing to report on at all: adr-tools' words.
    if ((await discoverCollections(io.fs, io.cwd, { extraFolders: extraFolders(io) })).length === 0) await adrToolsFolder(io);
  }
  const target = await chooseCollection(io, 'generate', { ...(collection !== undefined ? { collection } : {}), createDefault: false });
  if (target.adrTools && target.collection.dialect === 'adr-tools') return { adrTools: true, folder: target.collection.path };
  return { adrTools: false, collection: target.collection };
}

/** adr-tools takes INTRO and OUTRO as file names and prints their contents. */
async function readText(io: CliIO, file: string): Promise<string> {
  const path = resolve(io.cwd, file);
  return decodeText(await io.fs.readFile(path), file).text;
}

/** Titles and stated relations of a collection's records, as the index reads them. */
async function reportRecords(io: CliIO, collection: Collection): Promise<ReportRecord[]> {
  const { AdrIndex } = await import('../../core/index');
  const index = await AdrIndex.build(io.fs, collection.path, {});
  const records = index.records(collection.path);
  const ids = new Map(records.map((r, i) => [r.path, String(r.number ?? i + 1)]));
  return records.map((r) => ({
    fileName: basename(r.path),
    title: r.title,
    id: ids.get(r.path)!,
    links: index.relationsOf(r.path)
      .filter((x) => x.origin !== 'inverse' && x.other !== undefined && ids.has(x.other))
      .map((x) => ({ verb: x.verb.charAt(0).toUpperCase() + x.verb.slice(1), target: ids.get(x.other!)! })),
  }));
}
