/**
 * `check`: the architecture review as a gate (exit 1 when an undocumented change reaches --fail-on),
 * and `ack`: marks a finding "not architectural" in `.adr-review.yml`.
 */
import { AdrIndex } from '../../core/index';
import type { Severity } from '../../core/model';
import { join } from '../../core/paths';
import { visibleField, visibleJson, visibleText } from '../../core/terminal';
import { applyEdits } from '../../core/text';
import {
  acknowledge, failing, failingConflicts, formatGithub, formatText, GitCommandError, GitUnavailableError, ReviewEngine, toSarif,
  type ReviewOutcome, type ReviewScope,
} from '../../core/review';
import { isoDate } from '../../core/naming';
import { NodeGit } from '../../platform/git';
import { NodeWorkTree } from '../../platform/workTree';
import { flag, parse, str, UsageError } from '../args';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIO } from '../io';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
const THRESHOLDS = ['error', 'warning', 'info', 'never'] as const;

/** Runs the review for the working folder's repository (and repositories nested in it). */
async function runReview(io: CliIO, scope: ReviewScope): Promise<ReviewOutcome> {
  const extra = io.env.ADRW_EXTRA_FOLDERS ? io.env.ADRW_EXTRA_FOLDERS.split(':').filter(Boolean) : [];
  const engine = new ReviewEngine(new NodeGit(), io.fs, new NodeWorkTree());
  return engine.review({
    folders: [io.cwd],
    scope,
    trusted: true,
    indexFor: (root) => AdrIndex.build(io.fs, root, { extraFolders: extra }),
  });
}

/** Git failures are input errors (exit 2) with git's own words. */
async function withGit<T>(io: CliIO, fn: () => Promise<T>): Promise<T | number> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof GitCommandError || e instanceof GitUnavailableError) {
      io.stderr(visibleText(`adr-workbench: ${e.message.split('\n')[0]}\n`));
      return EXIT_USAGE;
    }
    throw e;
  }
}

export async function checkCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('check', args, {
    staged: { type: 'boolean' }, base: { type: 'string' }, format: { type: 'string' }, 'fail-on': { type: 'string' },
  });
  const format = str(p, 'format') ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`check: --format takes ${FORMATS.join(', ')}, not "${format}"`);
  const failOn = str(p, 'fail-on') ?? 'warning';
  if (!(THRESHOLDS as readonly string[]).includes(failOn)) throw new UsageError(`check: --fail-on takes ${THRESHOLDS.join(', ')}, not "${failOn}"`);
  const base = str(p, 'base');
  if (flag(p, 'staged') && base !== undefined) throw new UsageError('check: --staged and --base cannot be combined');
  if (base !== undefined && (base === '' || base.startsWith('-'))) throw new UsageError(`check: --base needs a branch, tag or commit, not "${base}"`);
  if (p.positionals.length > 0) throw new UsageError(`check: unexpected argument "${p.positionals[0]}"`);
  const scope: ReviewScope = flag(p, 'staged') ? { kind: 'staged' } : base !== undefined ? { kind: 'base', ref: base } : { kind: 'working' };

  const outcome = await withGit(io, () => runReview(io, scope));
  if (typeof outcome === 'number') return outcome;
  const root = outcome.kind === 'reviewed' && outcome.repositories[0] ? outcome.repositories[0].repository.root : io.cwd;
  // Everything printed comes from the repository in part (file names, lines, git's words): escape
  // sequences in it are shown, never interpreted (JSON keeps its meaning: \uXXXX is a JSON escape).
  if (format === 'json') io.stdout(visibleJson(`${JSON.stringify(outcome, null, 2)}\n`));
  else if (format === 'sarif') io.stdout(visibleJson(`${JSON.stringify(toSarif(outcome, root, io.env.ADRW_VERSION ?? '0.1.0'), null, 2)}\n`));
  else if (format === 'github') io.stdout(visibleText(formatGithub(outcome, root)));
  else io.stdout(visibleText(formatText(outcome, { cwd: io.cwd })));
  if (outcome.kind === 'reviewed' && format !== 'text') {
    for (const n of outcome.notRepositories) io.stderr(visibleText(`adr-workbench: ${n.message}\n`));
  }
  // Git refused a repository (dubious ownership in a CI container, a broken .git): nothing was
  // reviewed, so the gate does not pass, whatever --fail-on says.
  const refused = outcome.kind === 'reviewed' ? outcome.notRepositories.filter((n) => n.refused) : [];
  if (refused.length > 0) {
    if (format === 'text') for (const n of refused) io.stderr(visibleText(`adr-workbench: ${n.folder}: ${n.message}\n`));
    return EXIT_USAGE;
  }
  if (outcome.kind !== 'reviewed' || failOn === 'never') return EXIT_OK;
  // A conflict with a decision already taken fails the gate like an undocumented change (error level by default).
  const failed = failing(outcome.findings, failOn as Severity).length + failingConflicts(outcome.conflicts, failOn as Severity).length;
  return failed > 0 ? EXIT_FINDINGS : EXIT_OK;
}

export async function ackCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('ack', args, { reason: { type: 'string', short: 'r' }, by: { type: 'string' }, staged: { type: 'boolean' }, base: { type: 'string' } });
  const fingerprint = p.positionals[0];
  const reason = str(p, 'reason');
  if (!fingerprint || p.positionals.length > 1) throw new UsageError('ack: give one finding (rule:path:subject, as `check` prints it)');
  if (!reason?.trim()) throw new UsageError('ack: --reason is required: say why the change is not architectural');
  const base = str(p, 'base');
  const scope: ReviewScope = flag(p, 'staged') ? { kind: 'staged' } : base !== undefined ? { kind: 'base', ref: base } : { kind: 'working' };
  const outcome = await withGit(io, () => runReview(io, scope));
  if (typeof outcome === 'number') return outcome;
  const finding = outcome.kind === 'reviewed' ? outcome.findings.find((f) => f.fingerprint === fingerprint) : undefined;
  if (!finding) throw new UsageError(`ack: no finding ${fingerprint} in the current change`);
  let by = str(p, 'by');
  if (by === undefined) {
    const name = await new NodeGit().run(finding.repository, ['config', 'user.name']);
    by = name.exitCode === 0 ? name.stdout.trim() || undefined : undefined;
  }
  const plan = await acknowledge(io.fs, finding, reason, { ...(by ? { by } : {}), date: isoDate(io.clock.now()) });
  for (const c of plan.creates) {
    await io.fs.createFile(c.path, new TextEncoder().encode(c.content));
    io.stdout(`${visibleField(c.path)}\n`);
  }
  for (const e of plan.edits) {
    const text = new TextDecoder().decode(await io.fs.readFile(e.path));
    await io.fs.writeFile(e.path, new TextEncoder().encode(applyEdits(text, e.edits)));
    io.stdout(`${visibleField(e.path)}\n`);
  }
  return EXIT_OK;
}

/** Where a relative path from git (relative to the repository root) lives. */
export function inRepo(root: string, path: string): string {
  return path.startsWith('/') || /^[A-Za-z]:\//.test(path) ? path : join(root, path);
}
