/**
 * `generate toc` and `generate graph`. On the adr-tools folder (found walking up, as adr-tools does)
 * the output is adr-tools' own, byte for byte, from file names and first lines only. Any other
 * collection (`--collection PATH`, else the only one from here down) gets the same reports from the
 * titles and relations the index reads.
 */
import { basename, normalize, relative, resolve } from '../../core/paths';
import { UserError } from '../../core/errors';
import { decodeText } from '../../core/text';
import { generateGraph, generateToc, renderGraph, renderToc, type ReportRecord } from '../../core/generate/adrTools';
import { discoverCollections, findAdrDirUpwards } from '../../core/discovery';
import type { Collection } from '../../core/model';
import { flag, parse, str, strs, UsageError, type Parsed } from '../args';
import { EXIT_OK, type CliIO } from '../io';
import { adrToolsEntries, adrToolsFolder } from '../adrTools';
import { extraFolders } from '../workspace';
import { chooseCollection } from '../authoring';

export { releaseLocks } from '../authoring';

const TOC_OPTIONS = { intro: { type: 'string', short: 'i' }, outro: { type: 'string', short: 'o' }, prefix: { type: 'string', short: 'p' }, collection: { type: 'string' } } as const;
const GRAPH_OPTIONS = {
  prefix: { type: 'string', short: 'p' }, extension: { type: 'string', short: 'e' }, collection: { type: 'string' },
  // The decision graph (src/core/graph): formats, filters, focus, the governed-code layer.
  format: { type: 'string', short: 'f' }, focus: { type: 'string' }, hops: { type: 'string' }, status: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true }, text: { type: 'string' }, code: { type: 'boolean' }, 'expand-code': { type: 'boolean' }, layout: { type: 'boolean' },
} as const;
const GRAPH_FORMATS = ['dot', 'mermaid', 'json', 'svg'] as const;

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
    const format = (str(p, 'format') ?? 'dot').toLowerCase();
    if (!(GRAPH_FORMATS as readonly string[]).includes(format)) throw new UsageError(`generate graph: unknown format "${str(p, 'format')}" (one of ${GRAPH_FORMATS.join(', ')})`, 'generate');
    // Plain DOT stays adr-tools' graph; another format, or any filter, draws the decision graph.
    if (format !== 'dot' || GRAPH_SELECTORS.some((o) => p.values[o] !== undefined)) {
      io.stdout(await decisionGraph(io, p, format as (typeof GRAPH_FORMATS)[number]));
      return EXIT_OK;
    }
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

const GRAPH_SELECTORS = ['focus', 'hops', 'status', 'tag', 'text', 'code', 'expand-code', 'layout'] as const;

/**
 * `generate graph --format mermaid|json|svg` (or DOT with a filter): the decision graph of every
 * collection from here down (`--collection`: that one), filtered, focused, in the chosen format.
 * Node ids are record paths relative to the working folder.
 */
async function decisionGraph(io: CliIO, p: Parsed, format: (typeof GRAPH_FORMATS)[number]): Promise<string> {
  const [{ AdrIndex }, g, { loadForRefs }, { STATUSES }] = await Promise.all([import('../../core/index'), import('../../core/graph'), import('../workspace'), import('../../core/model')]);
  const statuses = strs(p, 'status').flatMap((s) => s.split(',')).map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const s of statuses) if (!(STATUSES as readonly string[]).includes(s)) throw new UsageError(`generate graph: unknown status "${s}" (one of ${STATUSES.join(', ')})`, 'generate');
  const hopsText = str(p, 'hops');
  if (hopsText !== undefined && !/^\d{1,3}$/.test(hopsText)) throw new UsageError(`generate graph: --hops takes a number of hops, not "${hopsText}"`, 'generate');
  if (hopsText !== undefined && str(p, 'focus') === undefined) throw new UsageError('generate graph: --hops needs --focus REF', 'generate');
  const wanted = str(p, 'collection');
  let { index } = await loadForRefs(io);
  let collections: string[] | undefined;
  if (wanted !== undefined) {
    const path = normalize(resolve(io.cwd, wanted));
    if (!index.collection(path)) index = await AdrIndex.build(io.fs, path, {});
    if (!index.collection(path)) throw new UserError(`${wanted}: not a decision record collection`);
    collections = [path];
  }
  if (index.collections.length === 0) await adrToolsFolder(io);
  const source = { root: io.cwd, collections: index.collections, records: (c?: string) => index.records(c), relationsOf: (x: string) => index.relationsOf(x) };
  const graph = g.buildGraph(source, {
    ...(collections ? { collections } : {}),
    ...(flag(p, 'code') || flag(p, 'expand-code') ? { code: { expand: flag(p, 'expand-code') } } : {}),
  });
  const focusRef = str(p, 'focus');
  let focus: string | undefined;
  if (focusRef !== undefined) {
    const record = index.resolveRef(focusRef, collections?.[0]);
    const id = record && relative(io.cwd, record.path);
    if (!id || !graph.nodes.some((n) => n.id === id)) throw new UserError(`no decision record matches "${focusRef}"`);
    focus = id;
  }
  const selected = g.selectGraph(graph, {
    filter: { statuses: statuses as never[], tags: strs(p, 'tag'), ...(str(p, 'text') !== undefined ? { text: str(p, 'text')! } : {}) },
    ...(focus !== undefined ? { focus: { node: focus, hops: hopsText === undefined ? 1 : Number(hopsText) } } : {}),
  });
  switch (format) {
    case 'dot': return g.renderDot(selected);
    case 'mermaid': return g.renderMermaid(selected);
    case 'json': return g.renderJson(selected, flag(p, 'layout') ? g.layoutGraph(selected) : undefined);
    case 'svg': return g.renderSvg(selected, g.layoutGraph(selected));
  }
}
