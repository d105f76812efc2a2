/**
 * `check`: the architecture review as a gate (exit 1 when an undocumented change reaches --fail-on),
 * and `ack`: marks a finding "not architectural" in `.adr-review.yml`.
 */
import { appendFile, writeFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { AdrIndex } from '../../core/index';
import type { Severity } from '../../core/model';
import { join } from '../../core/paths';
import { visibleField, visibleJson, visibleText } from '../../core/terminal';
import { applyEdits } from '../../core/text';
import {
  acknowledge, failing, formatGithub, formatMarkdown, formatText, GitCommandError, GitUnavailableError, ReviewEngine, toCodeQuality, toSarif,
  type ReviewOutcome, type ReviewScope,
} from '../../core/review';
import { isoDate } from '../../core/naming';
import { NodeGit } from '../../platform/git';
import { NodeWorkTree } from '../../platform/workTree';
import { flag, parse, str, UsageError } from '../args';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIO } from '../io';

const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown', 'codequality'] as const;
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
    'step-summary': { type: 'boolean' }, 'sarif-file': { type: 'string' },
  });
  const format = str(p, 'format') ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`check: --format takes ${FORMATS.join(', ')}, not "${format}"`);
  const failOn = str(p, 'fail-on') ?? 'warning';
  if (!(THRESHOLDS as readonly string[]).includes(failOn)) throw new UsageError(`check: --fail-on takes ${THRESHOLDS.join(', ')}, not "${failOn}"`);
  const base = str(p, 'base');
  if (flag(p, 'staged') && base !== undefined) throw new UsageError('check: --staged and --base cannot be combined');
  if (base !== undefined && (base === '' || base.startsWith('-'))) throw new UsageError(`check: --base needs a branch, tag or commit, not "${base}"`);
  if (p.positionals.length > 0) throw new UsageError(`check: unexpected argument "${p.positionals[0]}"`);
  // --step-summary: the Markdown summary is appended to the file GitHub Actions names in
  // $GITHUB_STEP_SUMMARY (shown on the run's page), whatever --format prints.
  const summaryFile = flag(p, 'step-summary') ? io.env.GITHUB_STEP_SUMMARY : undefined;
  if (flag(p, 'step-summary') && !summaryFile) throw new UsageError('check: --step-summary needs $GITHUB_STEP_SUMMARY (GitHub Actions sets it); without it use --format markdown');
  // --sarif-file: SARIF written to a file as well, so one review gives the annotations, the summary and the code-scanning upload.
  const sarifFile = str(p, 'sarif-file');
  if (sarifFile !== undefined && (sarifFile === '' || sarifFile.startsWith('-'))) throw new UsageError(`check: --sarif-file needs a file name, not "${sarifFile}"`);
  const scope: ReviewScope = flag(p, 'staged') ? { kind: 'staged' } : base !== undefined ? { kind: 'base', ref: base } : { kind: 'working' };

  const outcome = await withGit(io, () => runReview(io, scope));
  if (typeof outcome === 'number') return outcome;
  const root = outcome.kind === 'reviewed' && outcome.repositories[0] ? outcome.repositories[0].repository.root : io.cwd;
  const sarif = () => visibleJson(`${JSON.stringify(toSarif(outcome, root, io.env.ADRW_VERSION ?? '0.1.0'), null, 2)}\n`);
  const markdown = () => visibleText(formatMarkdown(outcome, { cwd: root, failOn: failOn as Severity | 'never' }));
  // Everything printed comes from the repository in part (file names, lines, git's words): escape
  // sequences in it are shown, never interpreted (JSON keeps its meaning: \uXXXX is a JSON escape).
  if (format === 'json') io.stdout(visibleJson(`${JSON.stringify(outcome, null, 2)}\n`));
  else if (format === 'sarif') io.stdout(sarif());
  else if (format === 'github') io.stdout(visibleText(formatGithub(outcome, root)));
  else if (format === 'markdown') io.stdout(markdown());
  else if (format === 'codequality') io.stdout(visibleJson(`${JSON.stringify(toCodeQuality(outcome, root), null, 2)}\n`));
  else io.stdout(visibleText(formatText(outcome, { cwd: io.cwd })));
  if (outcome.kind === 'reviewed' && format !== 'text') {
    for (const n of outcome.notRepositories) io.stderr(visibleText(`adr-workbench: ${n.message}\n`));
  }
  const wrote = await writeOutputs(io, [
    ...(sarifFile !== undefined ? [{ path: sarifFile, text: sarif, append: false }] : []),
    ...(summaryFile ? [{ path: summaryFile, text: markdown, append: true }] : []),
  ]);
  if (wrote !== EXIT_OK) return wrote;
  // Git refused a repository (dubious ownership in a CI container, a broken .git): nothing was
  // reviewed, so the gate does not pass, whatever --fail-on says.
  const refused = outcome.kind === 'reviewed' ? outcome.notRepositories.filter((n) => n.refused) : [];
  if (refused.length > 0) {
    if (format === 'text') for (const n of refused) io.stderr(visibleText(`adr-workbench: ${n.folder}: ${n.message}\n`));
    return EXIT_USAGE;
  }
  if (outcome.kind !== 'reviewed' || failOn === 'never') return EXIT_OK;
  return failing(outcome.findings, failOn as Severity).length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** Writes (or appends to) the files asked for; a file that cannot be written is a one-line error, exit 2. */
async function writeOutputs(io: CliIO, outputs: readonly { path: string; text: () => string; append: boolean }[]): Promise<number> {
  for (const o of outputs) {
    const path = isAbsolute(o.path) ? o.path : resolve(io.cwd, o.path);
    try {
      if (o.append) await appendFile(path, o.text());
      else await writeFile(path, o.text());
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.stderr(visibleText(`adr-workbench: check: cannot write ${path}${code ? ` (${code})` : ''}\n`));
      return EXIT_USAGE;
    }
  }
  return EXIT_OK;
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
