/**
 * Architecture review benchmark (a section of `npm run bench`): a generated repository whose working
 * change touches 2,000 files with 100,000 added lines (modified, staged-new and untracked files; a few
 * manifests, Dockerfiles, Kubernetes manifests, migrations; records with `governs` globs).
 *
 *   git alone     the baseline: the git commands a cold review runs, every one of them (those fed on
 *                 standard input, `cat-file --batch-check`/`--batch`, with the same input), timed
 *                 directly through child_process in the same order and grouping (commands the review
 *                 ran at once run at once). Since the review stopped having git read the work tree,
 *                 what git used to do (compare every work-tree file) is done in process and counts
 *                 as the review's own time: the ratio is the whole overhead over the git it needs.
 *   cold review   ReviewEngine.review on a fresh engine (change read, rules, verdicts); hunks are read
 *                 only for files some rule looks at, so git never prints the whole 100,000-line patch
 *   full patch    for reference: what `git diff-index -p` of the whole change alone costs
 *   git itself    for reference: git comparing the work tree (`diff-index HEAD`, which would run a
 *                 repository's clean filters, the reason the review no longer asks it) and listing
 *                 untracked files, without a patch
 *   re-review     the same engine after a one-file edit (only that file is diffed and checked again)
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AdrIndex } from '../src/core/index';
import { ReviewEngine, type GitBytesOutput, type GitOutput, type GitPort } from '../src/core/review';
import { NodeGit, SAFE_GIT_CONFIG, SAFE_GIT_ENV } from '../src/platform/git';
import { NodeWorkTree } from '../src/platform/workTree';
import { NodeFileSystem } from '../src/platform/nodeFileSystem';

type Report = (name: string, value: string, target?: string, ok?: boolean) => void;

const FILES = Number(process.env.BENCH_REVIEW_FILES ?? 2000);
const ADDED_PER_FILE = Math.round(100_000 / FILES);
const ROUNDS = Number(process.env.BENCH_REVIEW_ROUNDS ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const run = promisify(execFile);

interface Call { readonly args: readonly string[]; readonly input?: string; readonly start: number; readonly end: number }

/** Records every git command with when it started and ended. */
class TimedGit implements GitPort {
  readonly calls: Call[] = [];
  private readonly inner = new NodeGit();
  async run(cwd: string, args: readonly string[]): Promise<GitOutput> {
    const start = performance.now();
    const out = await this.inner.run(cwd, args);
    this.calls.push({ args, start, end: performance.now() });
    return out;
  }
  /** Commands fed on standard input (`cat-file --batch`): recorded with their input, replayed with it. */
  async runInput(cwd: string, args: readonly string[], input: string, maxBytes: number): Promise<GitBytesOutput> {
    const start = performance.now();
    const out = await this.inner.runInput(cwd, args, input, maxBytes);
    this.calls.push({ args, input, start, end: performance.now() });
    return out;
  }
}

function lines(n: number, seed: number): string {
  return Array.from({ length: n }, (_, i) => `export const value${seed}_${i} = compute(${i}, "${seed}"); // line ${i}`).join('\n') + '\n';
}

/** The repository and its change; returns the root. */
function generate(): string {
  const root = realpathSync(tmpdir()) + `/adrw-bench-review-${process.pid}`;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' }, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Bench');
  git('config', 'user.email', 'bench@example.com');
  const write = (rel: string, text: string) => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  const modified = Math.round(FILES * 0.8);
  const staged = Math.round(FILES * 0.1);
  const path = (i: number) => `packages/pkg${i % 40}/src/module${Math.floor(i / 40)}/file${i}.ts`;
  for (let i = 0; i < modified; i++) write(path(i), lines(40, i));
  write('package.json', JSON.stringify({ name: 'bench', dependencies: { express: '^4.18.0' } }, null, 2));
  write('docs/adr/0001-record-architecture-decisions.md', '# 1. Record architecture decisions\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n');
  write('docs/adr/0002-packages.md', '---\ngoverns:\n  - "packages/pkg1/**"\n---\n# 2. Package one\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  // The change: every tracked file grows, new files are staged or left untracked, a few architectural ones.
  for (let i = 0; i < modified; i++) appendFileSync(join(root, path(i)), lines(ADDED_PER_FILE, i + 100_000));
  for (let i = modified; i < modified + staged; i++) write(path(i), lines(ADDED_PER_FILE, i));
  git('add', '-A');
  for (let i = modified + staged; i < FILES - 9; i++) write(path(i), lines(ADDED_PER_FILE, i));
  write('package.json', JSON.stringify({ name: 'bench', dependencies: { express: '^5.0.0', redis: '^4.6.0' } }, null, 2));
  for (let i = 0; i < 3; i++) write(`services/svc${i}/Dockerfile`, `FROM node:20\nRUN echo ${i}\n`);
  for (let i = 0; i < 3; i++) write(`deploy/k8s/svc${i}.yaml`, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc${i}\n`);
  write('db/migrations/0002_orders.sql', 'CREATE TABLE orders (id int);\n');
  write('services/svc0/index.ts', lines(10, 1));
  return root;
}

/** Runs the recorded commands again through child_process: commands that overlapped run together. */
async function replay(root: string, calls: readonly Call[]): Promise<number> {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const groups: Call[][] = [];
  let end = -Infinity;
  for (const c of sorted) {
    if (c.start < end && groups.length) groups[groups.length - 1]!.push(c);
    else groups.push([c]);
    end = Math.max(c.start < end ? end : -Infinity, c.end);
  }
  const config = SAFE_GIT_CONFIG.flatMap((c) => ['-c', c]);
  const env = { ...process.env, ...SAFE_GIT_ENV };
  const t0 = performance.now();
  for (const g of groups) {
    await Promise.all(g.map((c) => (c.input === undefined
      ? run('git', [...config, ...c.args], { cwd: root, env, maxBuffer: 1 << 30 }).then(() => undefined, () => undefined)
      : fed(root, [...config, ...c.args], env, c.input))));
  }
  return performance.now() - t0;
}

/** One git command with `input` on standard input, its output drained. */
function fed(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv, input: string): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, env, stdio: ['pipe', 'pipe', 'ignore'] });
    child.stdout.on('data', () => undefined);
    child.on('error', () => resolve());
    child.on('close', () => resolve());
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** With BENCH_REVIEW_TRACE=1: each command of the last cold review, when it ran. */
function trace(calls: readonly Call[], total: number): void {
  if (!process.env.BENCH_REVIEW_TRACE) return;
  const t0 = Math.min(...calls.map((c) => c.start));
  for (const c of [...calls].sort((a, b) => a.start - b.start)) {
    process.stdout.write(`    ${(c.start - t0).toFixed(0).padStart(5)} +${(c.end - c.start).toFixed(0).padStart(4)} ms  git ${c.args.slice(0, 6).join(' ').slice(0, 90)}\n`);
  }
  process.stdout.write(`    review total ${total.toFixed(0)} ms\n`);
}

/** The review section. */
export async function reviewBench(report: Report): Promise<void> {
  const root = generate();
  const fs = new NodeFileSystem();
  const t0 = performance.now();
  const index = await AdrIndex.build(fs, root);
  const indexMs = performance.now() - t0;
  const request = { folders: [root], trusted: true, indexFor: async () => index };
  process.stdout.write(`\nArchitecture review (${FILES} changed files, ~${(FILES * ADDED_PER_FILE).toLocaleString('en')} added lines)\n`);

  const colds: number[] = [];
  const gits: number[] = [];
  let findings = 0;
  let files = 0;
  let engine: ReviewEngine | undefined;
  for (let r = 0; r < ROUNDS; r++) {
    const git = new TimedGit();
    engine = new ReviewEngine(git, fs, new NodeWorkTree());
    const s = performance.now();
    const out = await engine.review(request);
    colds.push(performance.now() - s);
    if (out.kind !== 'reviewed') throw new Error('review did not run');
    findings = out.findings.length;
    files = out.repositories[0]!.fileCount;
    gits.push(await replay(root, git.calls));
    if (r === ROUNDS - 1) trace(git.calls, colds[r]!);
  }
  if (files < FILES) throw new Error(`review saw ${files} changed files, expected at least ${FILES}`);
  const cold = median(colds);
  const gitMs = median(gits);
  report(`git commands alone (baseline)`, ms(gitMs));
  report(`cold review, ${files} files, ${findings} findings`, ms(cold));
  report('cold review / git alone', `${(cold / gitMs).toFixed(2)}×`, '≤ 1.5×', cold / gitMs <= 1.5);
  const full: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const s = performance.now();
    await run('git', [...SAFE_GIT_CONFIG.flatMap((c) => ['-c', c]), 'diff-index', '-p', '--raw', '-z', '-M', 'HEAD', '--'], { cwd: root, env: { ...process.env, ...SAFE_GIT_ENV }, maxBuffer: 1 << 30 });
    full.push(performance.now() - s);
  }
  report('for reference: git diff-index -p of the whole change', ms(median(full)));
  const itself: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const s = performance.now();
    await Promise.all([
      run('git', [...SAFE_GIT_CONFIG.flatMap((c) => ['-c', c]), 'diff-index', '--raw', '-z', '-M', 'HEAD', '--'], { cwd: root, env: { ...process.env, ...SAFE_GIT_ENV }, maxBuffer: 1 << 30 }),
      run('git', [...SAFE_GIT_CONFIG.flatMap((c) => ['-c', c]), 'ls-files', '-o', '--exclude-standard', '-z'], { cwd: root, env: { ...process.env, ...SAFE_GIT_ENV }, maxBuffer: 1 << 30 }),
    ]);
    itself.push(performance.now() - s);
  }
  report('for reference: git comparing the work tree itself (diff-index HEAD + ls-files -o, no patch)', ms(median(itself)));

  const samples: number[] = [];
  for (let i = 0; i < 9; i++) {
    appendFileSync(join(root, `packages/pkg${i % 40}/src/module0/file${i % 40}.ts`), `export const touched${i} = ${i};\n`);
    const s = performance.now();
    await engine!.review(request);
    samples.push(performance.now() - s);
  }
  report('re-review after a one-file edit (median of 9)', ms(median(samples)), '≤ 200 ms', median(samples) <= 200);
  report('records index for the review (built once, AdrIndex.build)', ms(indexMs));
  if (process.env.BENCH_REVIEW_KEEP) process.stdout.write(`    repository kept: ${root}\n`);
  else rmSync(root, { recursive: true, force: true });
}

