/**
 * The record beyond the editor: `export` (the stable, versioned JSON of every record from here
 * down) and `catalog build` (many repositories' exports merged into one catalogue). Git runs as the
 * review runs it (src/platform/git.ts): no hooks, filters or transports.
 */
import {
  buildCatalog, buildExport, catalogText, exportText, parseCatalogConfig, parseExportFile, readProvenance, type ExportDocument,
} from '../../core/export';
import { AdrIndex } from '../../core/index';
import { parseRecord } from '../../core/parse/record';
import type { RecordHistory } from '../../core/history';
import { dirname, resolve } from '../../core/paths';
import { FileExistsError, UserError } from '../../core/errors';
import { GitCommandError, GitUnavailableError } from '../../core/review/git';
import { decodeText } from '../../core/text';
import type { FileSystem } from '../../core/ports';
import { buildSite, MANIFEST_FILE, parseManifest, siteFromCatalog, siteFromExport, type SiteModel, type SiteResult } from '../../core/site';
import { NodeGit } from '../../platform/git';
import siteScript from 'adrw:site-client';
import { hash } from 'node:crypto';
import { flag, parse, str, UsageError } from '../args';
import { EXIT_FINDINGS, EXIT_OK, type CliIO } from '../io';
import { version } from '../dispatch';
import { extraFolders, rel } from '../workspace';
import { collectionHistory } from './history';

export async function exportCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('export', args, {
    format: { type: 'string' }, out: { type: 'string', short: 'o' }, 'no-history': { type: 'boolean' }, 'no-markdown': { type: 'boolean' },
    repository: { type: 'string' },
  });
  const format = str(p, 'format') ?? 'json';
  if (format !== 'json') throw new UsageError(`export: --format ${format}: only json is written`);
  if (p.positionals.length) throw new UsageError(`export: unexpected "${p.positionals[0]}" (usage: export [--format json] [--out FILE])`);
  const repository = str(p, 'repository');
  const doc = await exportFolder(io, io.cwd, {
    history: !flag(p, 'no-history'), markdown: !flag(p, 'no-markdown'), ...(repository ? { repository } : {}), label: '',
  });
  return writeOutput(io, str(p, 'out'), exportText(doc));
}

export async function catalogCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('catalog', args, {
    out: { type: 'string', short: 'o' }, 'no-history': { type: 'boolean' }, strict: { type: 'boolean' }, site: { type: 'string' },
    'base-path': { type: 'string' }, title: { type: 'string' },
  });
  const [sub, configArg, ...rest] = p.positionals;
  if (sub !== 'build' || !configArg || rest.length) throw new UsageError('catalog: usage: catalog build CONFIG [--out FILE] [--site DIR [--base-path PATH] [--title TEXT]] [--no-history] [--strict]');
  const configFile = resolve(io.cwd, configArg);
  const config = parseCatalogConfig(await readText(io.fs, configFile, configArg), configArg);
  const base = dirname(configFile);
  const sources: { config: (typeof config.sources)[number]; doc: ExportDocument }[] = [];
  for (const source of config.sources) {
    if (source.path !== undefined) {
      const folder = resolve(base, source.path);
      const st = await io.fs.stat(folder);
      if (!st || st.kind !== 'directory') throw new UserError(`${configArg}: source "${source.name}": ${source.path} is not a folder`);
      sources.push({ config: source, doc: await exportFolder(io, folder, { history: !flag(p, 'no-history'), markdown: true, label: `${source.name}: ` }) });
    } else {
      const file = resolve(base, source.export!);
      sources.push({ config: source, doc: parseExportFile(await readText(io.fs, file, source.export!), source.export!) });
    }
  }
  const catalog = buildCatalog({ title: config.title, sources });
  for (const problem of catalog.problems) io.stderr(`adr-workbench: ${problem.kind}: ${problem.message}\n`);
  const siteDir = str(p, 'site');
  const out = str(p, 'out') ?? (siteDir ? undefined : '-');
  const code = out !== undefined ? await writeOutput(io, out, catalogText(catalog)) : EXIT_OK;
  if (siteDir) {
    const title = str(p, 'title');
    const result = await writeSite(io, siteFromCatalog(catalog, title), siteDir, str(p, 'base-path'));
    io.stdout(siteSummary(io, siteDir, result));
  }
  return flag(p, 'strict') && catalog.problems.length > 0 ? EXIT_FINDINGS : code;
}

export async function siteCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('site', args, {
    out: { type: 'string', short: 'o' }, 'base-path': { type: 'string' }, title: { type: 'string' }, 'no-history': { type: 'boolean' },
    watch: { type: 'boolean' }, port: { type: 'string' }, repository: { type: 'string' },
  });
  if (p.positionals.length) throw new UsageError(`site: unexpected "${p.positionals[0]}" (usage: site [--out DIR] [--base-path /x/] [--title TEXT] [--watch])`);
  const outDir = str(p, 'out') ?? 'adr-site';
  const port = str(p, 'port');
  if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) > 65535)) throw new UsageError(`site: --port takes a port number, not "${port}"`);
  const repository = str(p, 'repository');
  const build = async () => {
    const doc = await exportFolder(io, io.cwd, { history: !flag(p, 'no-history'), markdown: true, ...(repository ? { repository } : {}), label: '' });
    return writeSite(io, siteFromExport(doc, str(p, 'title') ?? defaultTitle(io)), outDir, str(p, 'base-path'));
  };
  const result = await build();
  io.stdout(siteSummary(io, outDir, result));
  if (!flag(p, 'watch')) return EXIT_OK;
  const { watchSite } = await import('../siteServer');
  return watchSite(io, resolve(io.cwd, outDir), Number(port ?? 4173), async () => {
    const r = await build();
    io.stdout(`rebuilt: ${r.rendered} record page${r.rendered === 1 ? '' : 's'} rendered, ${r.unchanged} unchanged\n`);
  });
}

function defaultTitle(io: CliIO): string {
  const name = io.cwd.split('/').filter(Boolean).pop();
  return name ? `${name}: architecture decisions` : 'Architecture decisions';
}

function siteSummary(io: CliIO, outDir: string, r: SiteResult): string {
  const graph = r.graph.skipped ? `graph left out: ${r.graph.skipped}` : `graph of ${r.graph.nodes} records`;
  return `${rel(io, resolve(io.cwd, outDir))}/index.html (${r.rendered} record page${r.rendered === 1 ? '' : 's'} rendered, ${r.unchanged} unchanged, ` +
    `${r.removed} removed; ${graph})\n`;
}

/**
 * Writes the site into `outDir`: a new folder, or one this tool wrote before (it has the manifest):
 * never into a folder holding anything else, and never through a symlink.
 */
async function writeSite(io: CliIO, model: SiteModel, outDir: string, basePath: string | undefined): Promise<SiteResult> {
  const { siteWriter } = await import('../siteServer');
  const dir = resolve(io.cwd, outDir);
  const { writer, previous } = await siteWriter(dir, outDir, MANIFEST_FILE, parseManifest);
  return buildSite(model, writer, {
    generator: `adr-workbench ${version(io.env).trim()}`,
    script: siteScript,
    hash: SITE_HASH,
    ...(basePath !== undefined ? { basePath } : {}),
    ...(previous ? { previous } : {}),
  });
}

/** The site's change detection: native SHA-1 (a fifth of a 1,000-record build was hashing in JavaScript). */
const SITE_HASH = { name: 'sha1', of: (text: string) => hash('sha1', text, 'base64url') };

interface ExportOptions {
  readonly history: boolean;
  readonly markdown: boolean;
  readonly repository?: string;
  /** Prefix of warnings (the source's name in a catalogue). */
  readonly label: string;
}

/** The export of every collection from `folder` down. */
export async function exportFolder(io: CliIO, folder: string, options: ExportOptions): Promise<ExportDocument> {
  // The text each record was parsed from, kept as the index reads it (reading every record twice
  // cost a thousand more file opens for a 1,000-record site).
  const read = new Map<string, string>();
  const index = await AdrIndex.build(io.fs, folder, {
    extraFolders: folder === io.cwd ? extraFolders(io) : [],
    parse: (text, ctx) => { read.set(ctx.path, text); return parseRecord(text, ctx); },
  });
  const prov = await readProvenance(new NodeGit(), io.fs, folder, io.env, options.repository);
  if (prov.problem) io.stderr(`adr-workbench: ${options.label}no provenance from git: ${prov.problem}\n`);
  let history: ((path: string) => RecordHistory | undefined) | undefined;
  if (options.history && prov.provenance.commit) {
    try {
      const h = await collectionHistory({ ...io, cwd: folder }, index);
      history = (path) => h.of(path);
    } catch (e) {
      if (!(e instanceof GitCommandError || e instanceof GitUnavailableError)) throw e;
      io.stderr(`adr-workbench: ${options.label}no history: ${e.message.split('\n')[0]}\n`);
    }
  }
  for (const problem of index.problems) io.stderr(`adr-workbench: ${options.label}${rel(io, problem.path)}: ${problem.message}\n`);
  const texts = await recordTexts(io.fs, index, read);
  return buildExport({
    index,
    base: prov.base,
    provenance: prov.provenance,
    generator: { name: 'adr-workbench', version: version(io.env).trim() },
    text: (path) => texts.get(path),
    markdown: options.markdown,
    ...(history ? { history } : {}),
  });
}

async function readText(fs: FileSystem, file: string, shown: string): Promise<string> {
  try {
    // Not decodeText: an export of 10,000 records is far beyond a record's size cap.
    const bytes = await fs.readFile(file, { maxBytes: 256 * 1024 * 1024 });
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return new TextDecoder('utf-8').decode(bom ? bytes.subarray(3) : bytes);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${shown}: cannot be read (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`);
  }
}

/** Standard output, or a file (created, or replaced atomically) whose path is printed. */
async function writeOutput(io: CliIO, out: string | undefined, text: string): Promise<number> {
  if (out === undefined || out === '-') {
    io.stdout(text);
    return EXIT_OK;
  }
  const file = resolve(io.cwd, out);
  const bytes = new TextEncoder().encode(text);
  try {
    await io.fs.createFile(file, bytes);
  } catch (e) {
    if (!(e instanceof FileExistsError)) throw e;
    await io.fs.writeFile(file, bytes);
  }
  io.stdout(`${rel(io, file)}\n`);
  return EXIT_OK;
}

/** Every indexed record's text (read as the index read it: regular files within the cap), `known` ones not read again. */
export async function recordTexts(fs: FileSystem, index: AdrIndex, known: ReadonlyMap<string, string> = new Map()): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const paths: string[] = [];
  for (const r of index.records()) {
    const text = known.get(r.path);
    if (text !== undefined) out.set(r.path, text);
    else paths.push(r.path);
  }
  for (let i = 0; i < paths.length; i += 64) {
    await Promise.all(paths.slice(i, i + 64).map(async (path) => {
      try {
        out.set(path, decodeText(await fs.readFile(path), path).text);
      } catch {
        // Changed or removed since the index read it: no cross references for it.
      }
    }));
  }
  return out;
}
