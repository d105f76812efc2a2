/**
 * Commands that change existing records, each in the record's own dialect with minimal edits:
 * `link` (adr-tools' `adr link`), `status` and `rename`.
 */
import { FileExistsError } from '../../core/errors';
import { STATUSES } from '../../core/model';
import { link, retitle, setStatus, type RecordText } from '../../core/edit';
import { basename } from '../../core/paths';
import { parse, UsageError } from '../args';
import { EXIT_OK, type CliIO } from '../io';
import { loadForRefs, rel, requireRecord } from '../workspace';
import { Reads } from '../authoring';

export { releaseLocks } from '../authoring';

/** `link SOURCE LINK TARGET REVERSE-LINK`: "LINK [target](…)" in SOURCE, "REVERSE-LINK [source](…)" in TARGET. Prints nothing, as adr-tools. */
export async function linkCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('link', args, {});
  if (p.positionals.length !== 4) throw new UsageError('link: usage: link SOURCE LINK TARGET REVERSE-LINK (e.g. link 12 Amends 10 "Amended by")', 'link');
  const [sourceRef, verb, targetRef, reverseVerb] = p.positionals as [string, string, string, string];
  if (!verb.trim() || !reverseVerb.trim()) throw new UsageError('link: LINK and REVERSE-LINK must not be empty', 'link');
  const { index, adrDir } = await loadForRefs(io);
  const reads = new Reads(io);
  const source = await reads.read(requireRecord(index, sourceRef, adrDir), index);
  const target = await reads.read(requireRecord(index, targetRef, adrDir), index);
  if (source.record.path === target.record.path) throw new UsageError(`link: ${rel(io, source.record.path)} cannot link to itself`, 'link');
  await reads.apply(link(source, verb.trim(), target, reverseVerb.trim()));
  return EXIT_OK;
}

/** `status REF STATUS...`: writes the status where and how the record keeps it; prints the record's path. */
export async function statusCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('status', args, { force: { type: 'boolean' } });
  const [ref, ...words] = p.positionals;
  const wanted = words.join(' ').trim();
  if (!ref || !wanted) throw new UsageError('status: usage: status REF STATUS (e.g. status 7 accepted)', 'status');
  const { index, adrDir } = await loadForRefs(io);
  const reads = new Reads(io);
  const { record, text } = await reads.read(requireRecord(index, ref, adrDir), index);
  // A status word is written in the record's case ("Accepted" in Nygard, "accepted" in MADR); anything else as typed.
  const lower = wanted.toLowerCase();
  const value = STATUSES.includes(lower as (typeof STATUSES)[number]) && lower !== 'unknown' ? lower : wanted;
  // The collection's sign-off policy: an acceptance without the approvals it needs is refused.
  if (p.values.force !== true && STATUSES.includes(lower as (typeof STATUSES)[number]) && lower !== record.status) {
    const { requireSignoff } = await import('./signoff');
    await requireSignoff(io, record, text, lower as (typeof STATUSES)[number]);
  }
  const edits = setStatus(record, text, value);
  await reads.apply({ edits: edits.length > 0 ? [{ path: record.path, edits }] : [], creates: [] });
  io.stdout(`${rel(io, record.path)}\n`);
  return EXIT_OK;
}

/**
 * `rename REF NEW TITLE...`: the record's title, its file name (number or date kept) and every link
 * to it from the records found from here down (link text too, when it was the old title). Prints the
 * new path.
 */
export async function renameCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('rename', args, {});
  const [ref, ...words] = p.positionals;
  const title = words.join(' ').trim();
  if (!ref || !title) throw new UsageError('rename: usage: rename REF NEW TITLE...', 'rename');
  const { index, adrDir } = await loadForRefs(io);
  const reads = new Reads(io);
  const target = await reads.read(requireRecord(index, ref, adrDir), index);
  const name = basename(target.record.path);
  const others: RecordText[] = [];
  for (const r of index.records()) {
    if (r.path !== target.record.path && r.links.some((l) => mentions(l.href, name))) others.push(await reads.read(r, index));
  }
  const { newPath, plan } = retitle(target, title, others);
  const moves = newPath !== target.record.path;
  if (moves && (await io.fs.stat(newPath))) throw new FileExistsError(newPath);
  // The rename is part of the plan: all or nothing (no links rewritten to a file never created).
  await reads.apply(plan, moves ? { from: target.record.path, to: newPath } : undefined);
  io.stdout(`${rel(io, newPath)}\n`);
  return EXIT_OK;
}

/** True when a link may point at a file called `name` (retitle decides for sure). */
function mentions(href: string, name: string): boolean {
  const file = href.replace(/[#?].*$/, '');
  let decoded = file;
  try {
    decoded = decodeURI(file);
  } catch {
    // keep it as written
  }
  return basename(decoded) === name;
}
