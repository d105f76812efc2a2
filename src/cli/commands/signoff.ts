/**
 * Sign-off from the terminal: `approve`, `request-changes` and `mark-reviewed` write into the record,
 * in its dialect, as minimal edits (see core/signoff/edit.ts). The name defaults to git's
 * `user.name`, read through the review's safe git runner (no hooks, no system config, no network).
 */
import { UserError } from '../../core/errors';
import type { AdrRecord, Status } from '../../core/model';
import { isoDate } from '../../core/naming';
import {
  addPeriod, approvalEdits, DEFAULT_REVIEW_PERIOD, foldName, markReviewedEdits, periodText, readSignoff, signoffState, signoffSummary,
  type SignoffPolicy, type Verdict,
} from '../../core/signoff';
import { NodeGit } from '../../platform/git';
import { parse, str, UsageError } from '../args';
import { Reads } from '../authoring';
import { EXIT_OK, type CliIO } from '../io';
import { loadForRefs, rel, requireRecord } from '../workspace';
import { collectionPolicies } from '../policies';

export { releaseLocks } from '../authoring';

/** The sign-off policy of `record`'s collection; its warnings go to stderr. */
export async function recordPolicy(io: CliIO, record: Pick<AdrRecord, 'collection'>): Promise<SignoffPolicy> {
  return (await collectionPolicies(io, [record.collection])).get(record.collection)!;
}

/** `--by NAME`, else git's `user.name`; neither: a usage error. */
async function whoIs(io: CliIO, command: string, by: string | undefined): Promise<string> {
  if (by !== undefined) {
    if (!by.trim() || /[\r\n]/.test(by)) throw new UsageError(`${command}: --by needs a name on one line`, command);
    return by.trim();
  }
  try {
    const out = await new NodeGit().run(io.cwd, ['config', 'user.name']);
    const name = out.exitCode === 0 ? out.stdout.trim() : '';
    if (name) return name;
  } catch {
    // no git: fall through
  }
  throw new UsageError(`${command}: who? Give --by NAME (git's user.name is not set)`, command);
}

async function signoffEntry(args: readonly string[], io: CliIO, command: string, verdict: Verdict): Promise<number> {
  const p = parse(command, args, { by: { type: 'string' }, comment: { type: 'string' }, force: { type: 'boolean' } });
  const [ref, ...rest] = p.positionals;
  const comment = str(p, 'comment');
  if (!ref || rest.length) throw new UsageError(`${command}: usage: ${command} REF [--by NAME] [--comment TEXT]`, command);
  if (verdict === 'changes-requested' && !comment?.trim()) throw new UsageError(`${command}: say what should change with --comment TEXT`, command);
  const by = await whoIs(io, command, str(p, 'by'));
  const { index, adrDir } = await loadForRefs(io);
  const reads = new Reads(io);
  const { record, text } = await reads.read(requireRecord(index, ref, adrDir), index);
  const policy = await recordPolicy(io, record);
  const signoff = readSignoff(record, text);
  const today = isoDate(io.clock.now());
  if (verdict === 'approved' && policy.approvers.length > 0 && p.values.force !== true) {
    const allowed = new Set([...policy.approvers, ...signoff.reviewers.map(foldName)]);
    if (!allowed.has(foldName(by))) throw new UserError(`${rel(io, record.path)}: ${by} is not an approver under the sign-off policy (--force records it anyway; it does not count)`);
  }
  const edits = approvalEdits(record, text, { by, date: today, verdict, ...(comment?.trim() ? { comment: comment.trim() } : {}) });
  await reads.apply({ edits: [{ path: record.path, edits }], creates: [] });
  // What the record's sign-off now amounts to, as the acceptance would see it.
  const { parseRecord } = await import('../../core/parse/record');
  const { applyEdits } = await import('../../core/text');
  const after = applyEdits(text, edits);
  const parsed = parseRecord(after, { path: record.path, collection: record.collection });
  const state = signoffState(parsed, readSignoff(parsed, after), policy, { today, status: 'accepted' });
  io.stdout(`${rel(io, record.path)}\n`);
  io.stderr(`${signoffSummary(state)}\n`);
  return EXIT_OK;
}

/** `approve REF [--by NAME] [--comment TEXT]`. */
export function approveCommand(args: readonly string[], io: CliIO): Promise<number> {
  return signoffEntry(args, io, 'approve', 'approved');
}

/** `request-changes REF [--by NAME] --comment TEXT`. */
export function requestChangesCommand(args: readonly string[], io: CliIO): Promise<number> {
  return signoffEntry(args, io, 'request-changes', 'changes-requested');
}

/** `mark-reviewed REF [--by NAME] [--comment TEXT]`: a Reviewed entry, and review-by moved on by the policy's period (default 12 months). */
export async function markReviewedCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('mark-reviewed', args, { by: { type: 'string' }, comment: { type: 'string' } });
  const [ref, ...rest] = p.positionals;
  if (!ref || rest.length) throw new UsageError('mark-reviewed: usage: mark-reviewed REF [--by NAME] [--comment TEXT]', 'mark-reviewed');
  const by = await whoIs(io, 'mark-reviewed', str(p, 'by'));
  const { index, adrDir } = await loadForRefs(io);
  const reads = new Reads(io);
  const { record, text } = await reads.read(requireRecord(index, ref, adrDir), index);
  const policy = await recordPolicy(io, record);
  const today = isoDate(io.clock.now());
  const period = policy.reviewEvery[record.status] ?? policy.reviewEvery.accepted ?? DEFAULT_REVIEW_PERIOD;
  const next = addPeriod(today, period);
  const comment = str(p, 'comment')?.trim();
  await reads.apply({ edits: [{ path: record.path, edits: markReviewedEdits(record, text, by, today, next, comment || undefined) }], creates: [] });
  io.stdout(`${rel(io, record.path)}\n`);
  io.stderr(`reviewed by ${by} on ${today}; next review by ${next} (${periodText(period)})\n`);
  return EXIT_OK;
}

/**
 * The check `status REF accepted` makes: a record whose new status needs approvals under its
 * collection's policy and lacks them is refused, with who is awaited (unless forced).
 */
export async function requireSignoff(io: CliIO, record: AdrRecord, text: string, status: Status): Promise<void> {
  const policy = await recordPolicy(io, record);
  if (!policy.statuses.includes(status)) return;
  const state = signoffState(record, readSignoff(record, text), policy, { today: isoDate(io.clock.now()), status });
  if (state.satisfied) return;
  throw new UserError(`${rel(io, record.path)}: not ${status}: ${signoffSummary(state)} (the sign-off policy; --force to set it anyway)`);
}
