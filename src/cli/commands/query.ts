/** Read-only commands: `list`, `collections`, `show`. */
import type { AdrRecord, Status } from '../../core/model';
import { STATUSES } from '../../core/model';
import type { AdrIndex } from '../../core/index';
import { findAdrDirUpwards } from '../../core/discovery/adrDir';
import { flag, parse, strs, UsageError } from '../args';
import { AdrToolsError, EXIT_OK, type CliIO } from '../io';
import { adrToolsFolder, adrToolsNames, rel } from '../adrTools';

// The index and discovery are loaded when a command needs them: plain `list` on an adr-tools
// folder is a directory listing and loads neither.
const workspace = () => import('../workspace');
const discovery = () => import('../../core/discovery');

export async function listCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('list', args, { json: { type: 'boolean' }, status: { type: 'string', multiple: true }, tag: { type: 'string', multiple: true } });
  const statuses = strs(p, 'status').map((s) => s.toLowerCase());
  for (const s of statuses) if (!STATUSES.includes(s as Status)) throw new UsageError(`list: unknown status "${s}" (one of ${STATUSES.join(', ')})`);
  const tags = strs(p, 'tag').map((t) => t.toLowerCase());
  const filtered = statuses.length > 0 || tags.length > 0;

  if (!flag(p, 'json') && !filtered) {
    // adr-tools: the numbered records of the one ADR folder, as paths relative to here: a listing.
    const loc = await findAdrDirUpwards(io.fs, io.cwd);
    if (loc.found !== 'default') {
      const dir = await adrToolsFolder(io, loc);
      // One write, and one relative path for the folder: per-name path arithmetic costs more than
      // the listing itself at 10,000 records.
      const prefix = dir === io.cwd ? '' : `${rel(io, dir)}/`;
      const names = await adrToolsNames(io, dir);
      io.stdout(names.length > 0 ? `${prefix}${names.join(`\n${prefix}`)}\n` : '');
      return EXIT_OK;
    }
    // No adr-tools folder: every collection's record files from here down; still nothing is read.
    const [{ discoverCollections, listRecordFiles }, { extraFolders }] = await Promise.all([discovery(), workspace()]);
    const collections = await discoverCollections(io.fs, io.cwd, { extraFolders: extraFolders(io) });
    if (collections.length === 0) throw new AdrToolsError(`The ${rel(io, loc.path)} directory does not exist`);
    const lines: string[] = [];
    for (const c of collections) for (const f of await listRecordFiles(io.fs, c)) lines.push(`${rel(io, f)}\n`);
    io.stdout(lines.join(''));
    return EXIT_OK;
  }
  const index = await (await workspace()).loadIndex(io);
  const records = index.records().filter((r) =>
    (statuses.length === 0 || statuses.includes(r.status)) && (tags.length === 0 || r.tags.some((t) => tags.includes(t.toLowerCase()))));
  if (flag(p, 'json')) {
    io.stdout(JSON.stringify(records.map((r) => recordJson(io, index, r)), null, 2) + '\n');
  } else {
    for (const r of records) io.stdout(`${rel(io, r.path)}\n`);
  }
  return EXIT_OK;
}

export async function collectionsCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('collections', args, { json: { type: 'boolean' } });
  const index = await (await workspace()).loadIndex(io);
  const rows = index.collections.map((c) => ({
    path: rel(io, c.path), name: c.name, dialect: c.dialect, source: c.source, naming: c.naming, count: index.records(c.path).length,
  }));
  if (flag(p, 'json')) io.stdout(JSON.stringify(rows, null, 2) + '\n');
  else for (const r of rows) io.stdout(`${r.path}\t${r.dialect}\t${r.count} record${r.count === 1 ? '' : 's'}\t(${r.source})\n`);
  for (const problem of index.problems) io.stderr(`adr-workbench: ${rel(io, problem.path)}: ${problem.message}\n`);
  return EXIT_OK;
}

export async function showCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('show', args, { json: { type: 'boolean' } });
  const ref = p.positionals.join(' ');
  if (!ref) throw new UsageError('show: which record? usage: show REF');
  const { loadForRefs, requireRecord } = await workspace();
  const { index, adrDir } = await loadForRefs(io);
  const r = requireRecord(index, ref, adrDir);
  const json = recordJson(io, index, r);
  if (flag(p, 'json')) {
    io.stdout(JSON.stringify(json, null, 2) + '\n');
    return EXIT_OK;
  }
  const lines = [
    `${r.number !== null ? `${r.number}. ` : ''}${r.title}`,
    `  status:   ${r.status}${r.statusText && r.statusText.toLowerCase() !== r.status ? ` (${r.statusText})` : ''}`,
    `  date:     ${r.date ?? '-'}`,
    `  path:     ${json.path}`,
    `  dialect:  ${r.dialect}`,
  ];
  if (r.deciders.length) lines.push(`  deciders: ${r.deciders.join(', ')}`);
  if (r.tags.length) lines.push(`  tags:     ${r.tags.join(', ')}`);
  if (r.governs.length) lines.push(`  governs:  ${r.governs.join(', ')}`);
  for (const x of json.relations) lines.push(`  ${x.type.padEnd(13)} ${x.target}${x.origin === 'inverse' ? '  (stated by the other record only)' : ''}`);
  io.stdout(lines.join('\n') + '\n');
  return EXIT_OK;
}

export interface RecordJson {
  id: string;
  number: number | null;
  title: string;
  status: Status;
  statusText: string | null;
  date: string | null;
  path: string;
  collection: string;
  dialect: string;
  deciders: readonly string[];
  tags: readonly string[];
  relations: { type: string; verb: string; target: string; origin: string }[];
  governs: readonly string[];
}

export function recordJson(io: CliIO, index: AdrIndex, r: AdrRecord): RecordJson {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    status: r.status,
    statusText: r.statusText,
    date: r.date,
    path: rel(io, r.path),
    collection: rel(io, r.collection),
    dialect: r.dialect,
    deciders: r.deciders,
    tags: r.tags,
    relations: index.relationsOf(r.path).map((x) => ({
      type: x.type,
      verb: x.verb,
      target: x.other ? rel(io, x.other) : (x.declared?.target ?? ''),
      origin: x.origin,
    })),
    governs: r.governs,
  };
}
