/**
 * History from git: `log [REF]` (one record's history, or the collection's, newest first), and
 * `list --at REV` / `show REF --at REV` (the records as they were at a tag or commit, read from git
 * objects, nothing checked out). Git runs as the review runs it: no hooks, filters, fsmonitor,
 * textconv, pager or transport (src/platform/git.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join as joinNative } from 'node:path';
import { dirname } from '../../core/paths';
import { UserError } from '../../core/errors';
import type { FileSystem } from '../../core/ports';
import type { AdrIndex } from '../../core/index';
import {
  GitTreeFileSystem, readHistory, type HistoryEvent, type HistoryResult, type HistorySnapshot, type RecordHistory,
} from '../../core/history';
import { discoverCollections, findAdrDirUpwards, listRecordFiles } from '../../core/discovery';
import { GitCommandError, GitUnavailableError } from '../../core/review/git';
import { NodeGit } from '../../platform/git';
import { flag, parse, str, strs, UsageError } from '../args';
import { EXIT_OK, EXIT_USAGE, type CliIO } from '../io';
import { extraFolders, loadForRefs, rel, requireRecord } from '../workspace';
import { listCommand, showCommand } from './query';

// ---------------------------------------------------------------------------------------------
// log

export async function logCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('log', args, { json: { type: 'boolean' }, 'max-count': { type: 'string', short: 'n' } });
  const max = str(p, 'max-count');
  const limit = max === undefined ? Infinity : Number(max);
  if (max !== undefined && (!/^\d+$/.test(max) || !Number.isSafeInteger(limit))) throw new UsageError(`log: --max-count takes a number, not "${max}"`);
  const ref = p.positionals.join(' ');
  const { index, adrDir } = await loadForRefs(io);
  const record = ref ? requireRecord(index, ref, adrDir) : undefined;
  const history = await withGit(io, () => collectionHistory(io, index));
  if (typeof history === 'number') return history;
  if (record) {
    const h = history.of(record.path);
    const gap = history.gap ?? h.gap;
    if (flag(p, 'json')) {
      io.stdout(`${JSON.stringify({ ...recordJson(io, history, h), title: record.title, status: record.status, events: newestFirst(h.events).slice(0, limit).map((e) => eventJson(io, history, e)) }, null, 2)}\n`);
      return EXIT_OK;
    }
    const lines = [`${rel(io, record.path)}: ${record.number !== null ? `${record.number}. ` : ''}${record.title}`];
    if (gap) lines.push(`  ${gapText(gap, history)}`);
    if (h.created) lines.push(`  created      ${byLine(h.created)}${h.created.status ? ` (${h.created.status})` : ''}`);
    if (h.lastEdited) lines.push(`  last edited  ${byLine(h.lastEdited)}`);
    for (const e of newestFirst(h.events).slice(0, limit)) lines.push(`  ${eventLine(io, history, e, false)}`);
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT_OK;
  }
  const all = history.all();
  const events = newestFirst(all.flatMap((h) => h.events.map((e) => ({ e, record: h.path })))).slice(0, limit);
  const untracked = index.records().filter((r) => history.of(r.path).gap === 'untracked').map((r) => rel(io, r.path));
  if (flag(p, 'json')) {
    io.stdout(`${JSON.stringify({
      head: history.repository?.head ?? null,
      shallow: history.repository?.shallow ?? false,
      ...(history.gap ? { gap: history.gap } : {}),
      untracked,
      events: events.map(({ e, record: path }) => ({ record: rel(io, path), ...eventJson(io, history, e) })),
    }, null, 2)}\n`);
    return EXIT_OK;
  }
  const lines: string[] = [];
  if (history.gap) lines.push(gapText(history.gap, history));
  else if (history.repository?.shallow) lines.push('a shallow clone: history before its oldest commit is not in it');
  for (const { e } of events) lines.push(eventLine(io, history, e, true));
  if (untracked.length) lines.push(`not committed yet: ${untracked.join(', ')}`);
  io.stdout(lines.length ? `${lines.join('\n')}\n` : '');
  return EXIT_OK;
}

/** Events of every record, the newest commit first. */
function newestFirst<T extends HistoryEvent | { e: HistoryEvent }>(events: readonly T[]): T[] {
  const order = (x: T) => ('e' in x ? x.e.order : (x as HistoryEvent).order);
  return [...events].sort((a, b) => order(b) - order(a));
}

const short = (commit: string) => commit.slice(0, 7);
const day = (date: string) => date.slice(0, 10);
const byLine = (e: HistoryEvent) => `${day(e.date)} by ${e.author || e.email || '?'} (${short(e.commit)})`;

function gapText(gap: NonNullable<RecordHistory['gap']>, history: HistoryResult): string {
  switch (gap) {
    case 'untracked': return 'no history: not committed yet';
    case 'no-commits': return 'no history: the repository has no commits yet';
    case 'no-repository': return `no history: not in a git repository${history.problem ? ` (${history.problem})` : ''}`;
    case 'shallow': return 'history incomplete: a shallow clone, and the record is older than its oldest commit';
  }
}

/** What an event did, in words: `accepted (was proposed); supersedes 0002-x.md`. */
function describe(io: CliIO, history: HistoryResult, e: HistoryEvent): string {
  const parts: string[] = [];
  const root = history.repository?.root ?? io.cwd;
  if (e.change === 'created') parts.push(e.shallowBoundary ? `already there${e.status ? ` (${e.status})` : ''}` : `created${e.status ? ` (${e.status})` : ''}`);
  else if (e.change === 'renamed') parts.push(`renamed from ${rel(io, `${root}/${e.oldPath}`)}`);
  else if (e.change === 'deleted') parts.push('deleted');
  else if (e.statusFrom === undefined) parts.push('edited');
  if (e.change === 'created' && e.oldPath) parts[parts.length - 1] += ` from ${rel(io, `${root}/${e.oldPath}`)}`;
  if (e.statusFrom !== undefined) parts.push(`${e.statusFrom} → ${e.status}`);
  for (const r of e.relationsAdded ?? []) parts.push(`${r.verb || r.type} ${r.target}`);
  for (const r of e.relationsRemoved ?? []) parts.push(`no longer ${r.verb || r.type} ${r.target}`);
  if (e.merge) parts.push('in a merge');
  if (e.unread) parts.push(`(not read: ${e.unread})`);
  return parts.join('; ');
}

function eventLine(io: CliIO, history: HistoryResult, e: HistoryEvent, withPath: boolean): string {
  const root = history.repository?.root ?? io.cwd;
  const path = withPath ? `  ${rel(io, `${root}/${e.path}`)}` : '';
  return `${day(e.date)}  ${short(e.commit)}  ${e.author || e.email || '?'}${path}  ${describe(io, history, e)}`;
}

function eventJson(io: CliIO, history: HistoryResult, e: HistoryEvent): Record<string, unknown> {
  const root = history.repository?.root ?? io.cwd;
  return {
    commit: e.commit, date: e.date, author: e.author, email: e.email, subject: e.subject, change: e.change,
    path: rel(io, `${root}/${e.path}`),
    ...(e.oldPath !== undefined ? { oldPath: rel(io, `${root}/${e.oldPath}`) } : {}),
    ...(e.merge ? { merge: true } : {}),
    ...(e.shallowBoundary ? { shallowBoundary: true } : {}),
    ...(e.status !== undefined ? { status: e.status, statusText: e.statusText ?? null } : {}),
    ...(e.statusFrom !== undefined ? { statusFrom: e.statusFrom, statusFromText: e.statusFromText ?? null } : {}),
    ...(e.relationsAdded ? { relationsAdded: e.relationsAdded } : {}),
    ...(e.relationsRemoved ? { relationsRemoved: e.relationsRemoved } : {}),
    ...(e.unread ? { unread: e.unread } : {}),
  };
}

function recordJson(io: CliIO, history: HistoryResult, h: RecordHistory): Record<string, unknown> {
  const ref = (e: HistoryEvent | undefined) => (e ? { commit: e.commit, date: e.date, author: e.author, email: e.email } : null);
  return {
    path: rel(io, h.path),
    gap: history.gap ?? h.gap ?? null,
    created: h.created ? { ...ref(h.created), status: h.created.status ?? null } : null,
    lastEdited: ref(h.lastEdited),
    statusChanges: h.statusChanges.map((e) => ({ ...ref(e), from: e.statusFrom, to: e.status })),
    relationsAdded: h.relationsAdded.map((r) => ({ type: r.type, verb: r.verb, target: r.target, commit: r.commit, date: r.date, author: r.author, email: r.email })),
  };
}

/** Git failures are input errors (exit 2) with git's own words. */
async function withGit<T>(io: CliIO, fn: () => Promise<T>): Promise<T | number> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof GitCommandError || e instanceof GitUnavailableError) {
      io.stderr(`adr-workbench: ${e.message.split('\n')[0]}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

/** The history of the index's collections, through the per-user cache of the state at HEAD. */
export async function collectionHistory(io: CliIO, index: AdrIndex): Promise<HistoryResult> {
  const collections = index.collections.map((c) => ({ path: c.path, dialect: c.dialect, ...(c.statusVocabulary ? { statusVocabulary: c.statusVocabulary } : {}) }));
  const cache = await historyCache(io);
  const result = await readHistory(new NodeGit(), io.fs, { folder: io.cwd, collections, ...(cache.snapshot ? { snapshot: cache.snapshot } : {}) });
  cache.save(result);
  return result;
}

/** The per-user cache of the history's state at HEAD for the repository of the working folder (the digest reads through it too). */
export async function historyCache(io: CliIO): Promise<{ readonly snapshot?: HistorySnapshot; save(result: HistoryResult): void }> {
  const root = await gitRoot(io.fs, io.cwd);
  const cacheFile = root ? snapshotFile(io, root) : undefined;
  const snapshot = cacheFile ? loadSnapshot(cacheFile) : undefined;
  return {
    ...(snapshot ? { snapshot } : {}),
    save(result) {
      if (cacheFile && result.snapshot && result.stats.mode !== 'cached') saveSnapshot(cacheFile, result.snapshot);
    },
  };
}

async function gitRoot(fs: FileSystem, folder: string): Promise<string | undefined> {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (await fs.stat(`${dir}/.git`).catch(() => undefined)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Where the state at HEAD is kept between runs: the user's cache folder (never the repository),
 * one file per repository. `ADRW_HISTORY_CACHE=off` turns it off; no HOME or XDG_CACHE_HOME: none.
 */
function snapshotFile(io: CliIO, root: string): string | undefined {
  if (io.env.ADRW_HISTORY_CACHE === 'off') return undefined;
  const base = io.env.XDG_CACHE_HOME || (io.env.HOME ? joinNative(io.env.HOME, '.cache') : undefined);
  if (!base) return undefined;
  return joinNative(base, 'adr-workbench', 'history', `${createHash('sha256').update(root).digest('hex').slice(0, 32)}.json`);
}

function loadSnapshot(file: string): HistorySnapshot | undefined {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as Partial<HistorySnapshot>;
    const ok = s && s.version === 1 && typeof s.head === 'string' && typeof s.root === 'string' && typeof s.key === 'string' && typeof s.seq === 'number'
      && Array.isArray(s.lineages) && Array.isArray(s.headMap) && Array.isArray(s.facts);
    return ok ? (s as HistorySnapshot) : undefined;
  } catch {
    return undefined;
  }
}

function saveSnapshot(file: string, snapshot: HistorySnapshot): void {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, JSON.stringify(snapshot), { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    // A read-only or full disk: no cache, only slower next time.
  }
}

// ---------------------------------------------------------------------------------------------
// list --at REV, show REF --at REV

/** `--at REV` taken out of `args` (the rest goes to the command as it is). */
function takeAt(command: string, args: readonly string[]): { rev: string; rest: string[] } {
  const p = parse(command, args, {
    at: { type: 'string' }, json: { type: 'boolean' }, status: { type: 'string', multiple: true }, tag: { type: 'string', multiple: true },
  });
  const rev = str(p, 'at');
  if (rev === undefined || rev === '' || rev.startsWith('-')) throw new UsageError(`${command}: --at needs a tag, branch or commit, not "${rev ?? ''}"`);
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--at') i++;
    else if (!a.startsWith('--at=')) rest.push(a);
  }
  return { rev, rest };
}

/** The CLI's view of the repository as it was at `rev`: the same commands, over git objects. */
async function atRevision(io: CliIO, command: string, rev: string): Promise<CliIO> {
  const root = await gitRoot(io.fs, io.cwd);
  if (!root) throw new UserError(`${command} --at: ${rel(io, io.cwd)} is not in a git repository`);
  const tree = await GitTreeFileSystem.open(new NodeGit(), root, rev);
  if (!(await tree.stat(io.cwd))) throw new UserError(`${command} --at: ${rel(io, io.cwd)} did not exist at ${rev}`);
  // Every record file of the collections found then, in one cat-file, before the index reads them one by one.
  const found = await discoverCollections(tree, io.cwd, { extraFolders: extraFolders(io) });
  const up = await findAdrDirUpwards(tree, io.cwd);
  const folders = [...found.map((c) => c.path), ...(up.found !== 'default' ? [up.path] : [])];
  const files = (await Promise.all(folders.map((path) => listRecordFiles(tree, { path }).catch(() => [])))).flat();
  await tree.prefetch(files);
  return { ...io, fs: tree };
}

export async function listAtCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { rev, rest } = takeAt('list', args);
  const at = await withGit(io, () => atRevision(io, 'list', rev));
  if (typeof at === 'number') return at;
  if (rest.includes('--json')) return listCommand(rest, at);
  // Text: each record with its status then.
  const p = parse('list', rest, { status: { type: 'string', multiple: true }, tag: { type: 'string', multiple: true } });
  const statuses = strs(p, 'status').map((s) => s.toLowerCase());
  const tags = strs(p, 'tag').map((t) => t.toLowerCase());
  const { index } = await loadForRefs(at);
  const lines = index.records()
    .filter((r) => (statuses.length === 0 || statuses.includes(r.status)) && (tags.length === 0 || r.tags.some((t) => tags.includes(t.toLowerCase()))))
    .map((r) => `${rel(io, r.path)}\t${r.status}\n`);
  if (index.records().length === 0) io.stderr(`adr-workbench: no decision records at ${rev}\n`);
  io.stdout(lines.join(''));
  return EXIT_OK;
}

export async function showAtCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { rev, rest } = takeAt('show', args);
  const at = await withGit(io, () => atRevision(io, 'show', rev));
  if (typeof at === 'number') return at;
  try {
    return await showCommand(rest, at);
  } catch (e) {
    if (e instanceof UserError && /^no decision record matches/.test(e.message)) throw new UserError(`${e.message} at ${rev}`);
    throw e;
  }
}
