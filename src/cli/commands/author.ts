/**
 * `new` and `init`, as adr-tools' `adr new` / `adr init` on adr-tools collections: same files, same
 * output (the record path as seen from here, printed after `$VISUAL`/`$EDITOR` ran on it), same
 * environment (`ADR_TEMPLATE`, `ADR_DATE`). Other collections get records in their own format.
 */
import { UserError } from '../../core/errors';
import { dialectOfTemplate } from '../../core/dialects';
import { createFirstRecord, InitConfigConflict, planInit, writeInitFiles } from '../../core/dialects/init';
import { findAdrDirUpwards } from '../../core/discovery';
import { createRecord, type LinkRequest, type RecordText } from '../../core/edit';
import type { TemplateChoice } from '../../core/templates';
import { basename, resolve } from '../../core/paths';
import { parse, str, strs, UsageError, type Parsed } from '../args';
import { AdrToolsError, EXIT_OK, type CliIO } from '../io';
import { requireRecord, rel } from '../workspace';
import { chooseCollection, openEditor, Reads, templateKind, type BuiltinKind, type Target } from '../authoring';

export { releaseLocks } from '../authoring';

const NEW_OPTIONS = {
  supersede: { type: 'string', short: 's', multiple: true },
  link: { type: 'string', short: 'l', multiple: true },
  template: { type: 'string' },
  status: { type: 'string' },
  collection: { type: 'string' },
} as const;

/**
 * Splits `new`'s arguments as adr-tools' getopts does: options until the first title word, the rest
 * is the title (so `adr new Use -O2` keeps `-O2`). Our long options are still taken after it.
 */
function parseNew(args: readonly string[]): { p: Parsed; words: string[] } {
  const opts: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    const long = /^--(template|status|collection)(=.*)?$/.exec(a);
    const isOption = words.length === 0 ? a.startsWith('-') && a !== '-' : long !== null;
    if (!isOption) {
      words.push(a);
      continue;
    }
    opts.push(a);
    const takesNext = long ? long[2] === undefined : /^(-[sl]|--(supersede|link|template|status|collection))$/.test(a);
    if (takesNext && i + 1 < args.length) opts.push(args[++i]!);
  }
  return { p: parse('new', opts, NEW_OPTIONS), words };
}

/** `new [-s REF]... [-l TARGET:LINK:REVERSE-LINK]... [--template KIND] [--status S] [--collection PATH] TITLE...` */
export async function newCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { p, words } = parseNew(args);
  const title = words.join(' ');
  if (title.trim() === '') throw new AdrToolsError('ERROR: no title given'); // adr-tools' words and exit code
  const kind = templateKind('new', str(p, 'template'));
  const collectionOption = str(p, 'collection');
  // Without -s/-l nothing but the folder is read: it is listed under its lock, and numbered from that listing.
  const lock = !readsOthers(p);
  const target = await chooseCollection(io, 'new', { ...(collectionOption !== undefined ? { collection: collectionOption } : {}), ...(kind ? { kind } : {}), createDefault: true, lock });
  const reads = new Reads(io);
  const created = await createNew(io, p, title, kind, target, reads).finally(() => target.release?.());
  await reads.apply(created.plan);
  const shown = rel(io, created.path);
  await openEditor(io, shown);
  io.stdout(`${shown}\n`);
  return EXIT_OK;
}

/** `new -s` / `new -l`: other records are read (and edited). */
const readsOthers = (p: Parsed): boolean => strs(p, 'supersede').length > 0 || strs(p, 'link').length > 0;

/** The record `new` asks for, created (the plan for the records it relates to not applied). */
async function createNew(io: CliIO, p: Parsed, title: string, kind: BuiltinKind | undefined, target: Target, reads: Reads): Promise<Awaited<ReturnType<typeof createRecord>>> {
  const { collection } = target;
  // Only -s and -l read other records: without them no record is read or parsed.
  const index = readsOthers(p) ? await target.index() : undefined;

  const supersedes: RecordText[] = [];
  for (const ref of strs(p, 'supersede')) supersedes.push(await reads.read(requireRecord(index!, ref, collection.path), index));
  const links: LinkRequest[] = [];
  for (const spec of strs(p, 'link')) {
    // adr-tools: `cut -d : -f 1`, `-f 2`, `-f 3`.
    const [ref, verb, reverseVerb] = spec.split(':').map((x) => x.trim());
    if (!ref || !verb || !reverseVerb) throw new UsageError(`new: -l takes TARGET:LINK:REVERSE-LINK, e.g. "5:Amends:Amended by", not "${spec}"`, 'new');
    links.push({ target: await reads.read(requireRecord(index!, ref, collection.path), index), verb, reverseVerb });
  }

  const template: TemplateChoice | undefined = kind ? { kind } : io.env.ADR_TEMPLATE ? { path: resolve(io.cwd, io.env.ADR_TEMPLATE) } : undefined;
  const status = str(p, 'status') ?? (target.adrTools ? 'Accepted' : undefined);
  const date = io.env.ADR_DATE || undefined;
  if (date !== undefined && collection.naming === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new UsageError(`new: ADR_DATE must be YYYY-MM-DD for date-named records, not "${date}"`, 'new');
  }
  return createRecord(io.fs, io.clock, collection, {
    title,
    ...(template ? { template } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(date !== undefined ? { date } : {}),
    supersedes,
    links,
    ...(target.listing ? { listing: target.listing } : {}),
    ...(target.pattern ? { pattern: target.pattern } : {}),
    // Locked by chooseCollection before it listed the folder, or by the reads of -s/-l targets.
    ...(target.release ? { locked: true, ...(target.listedAt !== undefined ? { listedAt: target.listedAt } : {}) } : reads.holds(collection.path) ? { locked: true } : {}),
  });
}

/**
 * `init [--template KIND] [DIR]`, planned in core (dialects/init.ts, shared with the extension).
 * Nygard (default), as `adr init`: DIR goes to `.adr-dir` as typed (created, never changed once it
 * names another folder), then record 1 "Record architecture decisions" is written to the ADR folder
 * (found as adr-tools finds it) without opening an editor (adr-tools runs it with `VISUAL=true`).
 * MADR / log4brains: DIR (default: the dialect's folder) gets the template beside the records and a
 * first record choosing that format; log4brains also gets a `.log4brains.yml` here naming the folder.
 */
export async function initCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('init', args, { template: { type: 'string' } });
  if (p.positionals.length > 1) throw new UsageError('init: usage: init [--template KIND] [DIR]', 'init');
  const dir = p.positionals[0];
  const kind = templateKind('init', str(p, 'template')) ?? 'nygard';
  const dialect = dialectOfTemplate(kind);
  const nygard = kind === 'nygard';
  const folder = nygard && dir === undefined ? (await findAdrDirUpwards(io.fs, io.cwd)).path : resolve(io.cwd, dir ?? dialect.layout.defaultFolder);
  const plan = planInit(dialect, {
    root: io.cwd,
    folder,
    template: kind,
    projectName: basename(io.cwd) || 'project',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Etc/UTC',
    declare: !nygard || dir !== undefined,
    ...(nygard && dir !== undefined ? { declaredFolder: dir } : {}),
  });
  try {
    await writeInitFiles(io.fs, plan);
  } catch (e) {
    if (!(e instanceof InitConfigConflict) || !nygard) throw e;
    throw new UserError(`${rel(io, e.path!)}: already names "${e.current}" as the ADR folder; remove it to use "${dir}"`, e.path);
  }
  const { collection } = await chooseCollection(io, 'init', { collection: folder, kind, createDefault: true });
  const date = io.env.ADR_DATE || undefined;
  const created = await createFirstRecord(io.fs, io.clock, plan, { collection, ...(date !== undefined ? { date } : {}) });
  io.stdout(`${rel(io, created.path)}\n`);
  return EXIT_OK;
}
