/**
 * The record beyond the editor: `export` (the stable, versioned JSON of every record from here
 * down). Git runs as the review runs it (src/platform/git.ts): no hooks, filters or transports.
 */
import { buildExport, exportText, readProvenance } from '../../core/export';
import { resolve } from '../../core/paths';
import { FileExistsError } from '../../core/errors';
import { GitCommandError, GitUnavailableError } from '../../core/review/git';
import { NodeGit } from '../../platform/git';
import { flag, parse, str, UsageError } from '../args';
import { EXIT_OK, type CliIO } from '../io';
import { version } from '../dispatch';
import { loadIndex, rel } from '../workspace';
import { collectionHistory } from './history';

export async function exportCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('export', args, {
    format: { type: 'string' }, out: { type: 'string', short: 'o' }, 'no-history': { type: 'boolean' }, repository: { type: 'string' },
  });
  const format = str(p, 'format') ?? 'json';
  if (format !== 'json') throw new UsageError(`export: --format ${format}: only json is written`);
  if (p.positionals.length) throw new UsageError(`export: unexpected "${p.positionals[0]}" (usage: export [--format json] [--out FILE])`);
  const index = await loadIndex(io);
  const git = new NodeGit();
  const prov = await readProvenance(git, io.fs, io.cwd, io.env, str(p, 'repository'));
  if (prov.problem) io.stderr(`adr-workbench: no provenance from git: ${prov.problem}\n`);
  let history: ((path: string) => ReturnType<Awaited<ReturnType<typeof collectionHistory>>['of']>) | undefined;
  if (!flag(p, 'no-history') && prov.provenance.commit) {
    try {
      const h = await collectionHistory(io, index);
      history = (path) => h.of(path);
    } catch (e) {
      if (!(e instanceof GitCommandError || e instanceof GitUnavailableError)) throw e;
      io.stderr(`adr-workbench: no history: ${e.message.split('\n')[0]}\n`);
    }
  }
  const doc = buildExport({
    index,
    base: prov.base,
    provenance: prov.provenance,
    generator: { name: 'adr-workbench', version: version(io.env).trim() },
    ...(history ? { history } : {}),
  });
  for (const problem of index.problems) io.stderr(`adr-workbench: ${rel(io, problem.path)}: ${problem.message}\n`);
  const text = exportText(doc);
  const out = str(p, 'out');
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
