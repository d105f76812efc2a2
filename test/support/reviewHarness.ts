/** Runs the review on a real repository and summarises findings as short strings for assertions; hostile-repository helpers. */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './cliHarness';
import { ReviewEngine, type GitOutput, type GitPort, type ReviewOutcome, type ReviewScope } from '../../src/core/review';
import { NodeGit } from '../../src/platform/git';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { NodeWorkTree } from '../../src/platform/workTree';
import { TempRepo } from './gitRepo';

/** A `GitPort` that counts (and records) the commands it runs. */
export class CountingGit implements GitPort {
  readonly calls: string[][] = [];
  private readonly inner = new NodeGit();

  run(cwd: string, args: readonly string[]): Promise<GitOutput> {
    this.calls.push([...args]);
    return this.inner.run(cwd, args);
  }
}

/** Reviews the repository's folder (a fresh engine unless one is given). */
export async function review(repo: TempRepo | string, scope?: ReviewScope, engine?: ReviewEngine): Promise<Extract<ReviewOutcome, { kind: 'reviewed' }>> {
  const e = engine ?? new ReviewEngine(new NodeGit(), new NodeFileSystem(), new NodeWorkTree());
  const outcome = await e.review({ folders: [typeof repo === 'string' ? repo : repo.root], trusted: true, ...(scope ? { scope } : {}) });
  if (outcome.kind !== 'reviewed') throw new Error(`review ${outcome.kind}`);
  return outcome;
}

/** `rule anchor[ subject] verdict` per finding, sorted: easy to compare whole. */
export function summary(outcome: Extract<ReviewOutcome, { kind: 'reviewed' }>): string[] {
  return outcome.findings.map((f) => `${f.rule} ${f.anchor}${f.subject && f.subject !== f.anchor ? ` ${f.subject}` : ''} ${f.verdict}`).sort();
}

/** Commits `before`, writes `after` (deleting files whose content is null), reviews the working change. */
export async function scenario(
  before: Record<string, string>,
  after: Record<string, string | null>,
  scope?: ReviewScope,
): Promise<string[]> {
  const repo = new TempRepo();
  try {
    repo.commit('base', before);
    for (const [path, content] of Object.entries(after)) {
      if (content === null) repo.remove(path);
      else repo.write({ [path]: content });
    }
    return summary(await review(repo, scope));
  } finally {
    repo.dispose();
  }
}

/** The bundled CLI, as CI runs it. */
export const CLI_JS = `${process.cwd().replace(/\\/g, '/')}/dist/cli.js`;
export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

/** What one `check` printed, however it was run. */
export interface CheckRun {
  readonly how: string;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A hostile payload's witness: a folder outside every repository where payload commands leave marker
 * files (`touch <dir>/<name>`), and a secret file outside the repository whose content must never be printed.
 */
export class Witness {
  readonly dir: string;
  readonly secretPath: string;
  /** A token that is nowhere but in the secret file (and the environment of the CLI processes). */
  readonly secret = `ADRW-SECRET-${Math.random().toString(36).slice(2)}-TOKEN`;

  constructor() {
    this.dir = realpathSync(mkdtempSync(join(tmpdir(), 'adrw-witness-'))).replace(/\\/g, '/');
    this.secretPath = `${this.dir}/secret.txt`;
    writeFileSync(this.secretPath, `password=${this.secret}\n{"dependencies":{"${this.secret}":"1"}}\n`);
  }

  /** A shell command that leaves the marker `name`. */
  touch(name: string): string {
    return `touch '${this.dir}/marker-${name}'`;
  }

  /** The markers left so far. */
  markers(): string[] {
    return readdirSync(this.dir).filter((n) => n.startsWith('marker-')).map((n) => n.slice(7)).sort();
  }

  /** Asserts no payload ran, and that no output holds the secret (or its environment copy). */
  clean(runs: readonly CheckRun[]): void {
    assert.deepEqual(this.markers(), [], `a payload ran: ${this.markers().join(', ')}`);
    for (const r of runs) {
      assert.ok(!r.stdout.includes(this.secret) && !r.stderr.includes(this.secret), `${r.how} printed the secret:\n${r.stdout}\n${r.stderr}`);
      assert.ok(!/\n\s+at .+:\d+:\d+\)?\n/.test(r.stderr), `${r.how} printed a stack trace:\n${r.stderr}`);
    }
    assert.equal(readFileSync(this.secretPath, 'utf8'), `password=${this.secret}\n{"dependencies":{"${this.secret}":"1"}}\n`);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Runs the bundled CLI as a process (asynchronously: a test's server keeps answering), with a time limit. */
export function runCliProcess(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 25_000): Promise<CheckRun> {
  return new Promise((resolve) => {
    const base: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^GIT_/i.test(k)) base[k] = v;
    execFile(process.execPath, [CLI_JS, ...args], { cwd, env: { ...base, ...env }, timeout: timeoutMs, maxBuffer: 64 << 20, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : error.killed ? -1 : 70) : 0;
      resolve({ how: `dist/cli.js ${args.join(' ')}`, code, stdout, stderr: `${stderr}${error?.killed ? '\n[killed: timed out]' : ''}` });
    });
  });
}

/** `check` in every format, in process and as a process: what each printed. */
export async function checkEverywhere(cwd: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<CheckRun[]> {
  const runs: CheckRun[] = [];
  for (const format of FORMATS) {
    const a = ['check', '--format', format, ...args];
    const r = await cli(new NodeFileSystem(), cwd, a);
    runs.push({ how: `in-process ${a.join(' ')}`, ...r });
  }
  runs.push(...(await Promise.all(FORMATS.map((format) => runCliProcess(cwd, ['check', '--format', format, ...args], env)))));
  return runs;
}
