/**
 * The review's `GitPort` over simple-git: each command runs without a shell, with the repository's
 * hooks, `core.fsmonitor`, external diff drivers and pagers switched off, system-wide git config
 * ignored, optional locks off (a review never writes the index), no prompts, and ambient `GIT_*`
 * variables (`GIT_DIR`, …) and editor/pager variables removed so that the folder asked about is the one looked at.
 * Diff commands add `--no-ext-diff --no-textconv` themselves (core does, see `core/review/changes.ts`).
 *
 * No connection, ever: a blob missing from a partial clone makes git fetch it lazily, which would run
 * the repository's `remote.*.uploadpack`, `core.sshCommand`, `core.gitProxy`, `credential.helper`,
 * `core.askPass` or an `ext::` transport. `GIT_ALLOW_PROTOCOL` naming no real protocol refuses every
 * transport before any of them is looked at (it overrides `protocol.*.allow` in any config file);
 * `GIT_NO_LAZY_FETCH` stops the fetch itself on git ≥ 2.44; the ssh, proxy, askpass and credential
 * settings are neutralised as well, in case a later git reaches one by another road.
 * Clean/process filters never run because git is never asked to read the work tree's content (see
 * `core/review/changes.ts`); their settings are emptied here too for any driver the repository names.
 */
import { spawn } from 'node:child_process';
import { simpleGit, type SimpleGitOptions } from 'simple-git';
import { GitUnavailableError, type GitBytesOutput, type GitOutput } from '../core/review/git';
import type { GitProcess, GitStreamPort } from '../core/history/stream';

/** `-c` settings given to every command. */
export const SAFE_GIT_CONFIG: readonly string[] = [
  'core.hooksPath=/dev/null',
  'core.fsmonitor=false',
  'core.untrackedCache=false',
  'core.quotepath=off',
  'core.pager=cat',
  'diff.external=',
  'color.ui=false',
  'diff.noprefix=false',
  'diff.mnemonicPrefix=false',
  'diff.relative=false',
  'status.relativePaths=false',
  'protocol.allow=never',
  'core.sshCommand=false',
  'core.askPass=',
  'credential.helper=',
  'core.alternateRefsCommand=',
  'uploadpack.packObjectsHook=',
];

/** Environment variables set for every command (simple-git strips every other `GIT_*` one). */
export const SAFE_GIT_ENV: Readonly<Record<string, string>> = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_OPTIONAL_LOCKS: '0',
  GIT_TERMINAL_PROMPT: '0',
  GIT_NO_REPLACE_OBJECTS: '1',
  // No transport is allowed (a name no protocol has); overrides every protocol.<name>.allow.
  GIT_ALLOW_PROTOCOL: 'none-adr-workbench-review',
  GIT_PROTOCOL_FROM_USER: '0',
  GIT_NO_LAZY_FETCH: '1',
  GIT_SSH_COMMAND: 'false',
  GIT_SSH: 'false',
  GIT_PROXY_COMMAND: 'false',
  GIT_ASKPASS: '',
  SSH_ASKPASS: '',
  LC_ALL: 'C',
  LANGUAGE: 'C',
};

/** Variables simple-git refuses (and git needs none of for reading): GIT_*, editors, pagers, askpass. */
const UNSAFE_ENV = /^(git_|editor$|visual$|pager$|prefix$|ssh_askpass$)/i;

const DEFAULT_TIMEOUT_MS = 30_000;

export interface NodeGitOptions {
  /** The git executable (default `git` on the PATH). */
  readonly binary?: string;
  /**
   * Milliseconds without output after which a command is killed (default 30 s). A FIFO named
   * `.gitignore` or `.gitattributes` (a checkout cannot create one; an unpacked archive can) blocks
   * git opening it: the command is then killed and the review fails with a message, not a hang.
   */
  readonly timeoutMs?: number;
}

/** `GitPort` running the real git through simple-git (and, for commands fed on standard input, directly, with the same settings). */
export class NodeGit implements GitStreamPort {
  private readonly env: Record<string, string>;

  constructor(private readonly options: NodeGitOptions = {}) {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) {
      if (v !== undefined && !UNSAFE_ENV.test(k)) env[k] = v;
    }
    this.env = { ...env, ...SAFE_GIT_ENV };
  }

  /**
   * `git <args>` with `input` on standard input (simple-git cannot feed it): no shell, the same `-c`
   * settings and environment as `run`, output collected as bytes up to `maxBytes` (then killed).
   */
  async runInput(cwd: string, args: readonly string[], input: string, maxBytes: number): Promise<GitBytesOutput> {
    const out: Uint8Array[] = [];
    const child = this.spawn(cwd, args, (b) => out.push(b), maxBytes);
    child.write(input);
    child.end();
    const { exitCode, stderr } = await child.done;
    return { exitCode, stdout: new Uint8Array(Buffer.concat(out)), stderr };
  }

  /**
   * `git <args>` running while its output is read (`onData`, each piece as it comes) and its input
   * written: no shell, the same `-c` settings and environment as `run`; killed past `maxBytes` of
   * output or after `timeoutMs` without output or input. Its output is fully buffered
   * (`GIT_FLUSH=0`): `git log` into a pipe otherwise flushes after every commit, and each of those
   * thousands of pieces costs the reader more than git's writing it.
   */
  spawn(cwd: string, args: readonly string[], onData: (chunk: Uint8Array) => void, maxBytes: number): GitProcess {
    const child = spawn(this.options.binary ?? 'git', [...SAFE_GIT_CONFIG.flatMap((c) => ['-c', c]), ...args], {
      cwd, env: { ...this.env, GIT_FLUSH: '0' }, shell: false, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true,
    });
    const err: Buffer[] = [];
    let size = 0;
    let failed: Error | undefined;
    const stop = (e: Error) => {
      failed ??= e;
      child.kill();
    };
    // Killed after `timeoutMs` without output from git or input to it (a FIFO it blocks on, a hang).
    const limit = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    const arm = () => {
      if (closed) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => stop(new GitUnavailableError(`git ${args.join(' ')} timed out`)), limit);
    };
    arm();
    const done = new Promise<{ exitCode: number; stderr: string }>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        if (failed) return;
        arm();
        size += b.length;
        if (size > maxBytes) return stop(new GitUnavailableError(`git ${args.join(' ')} printed more than ${maxBytes} bytes`));
        try {
          onData(b);
        } catch (e) {
          stop(e instanceof Error ? e : new Error(String(e)));
        }
      });
      child.stderr.on('data', (b: Buffer) => { if (err.length < 64) err.push(b); });
      child.on('error', (e) => {
        closed = true;
        clearTimeout(timer);
        reject(failed ?? new GitUnavailableError(`git could not be run: ${e.message}`));
      });
      child.on('close', (code) => {
        closed = true;
        clearTimeout(timer);
        if (failed) return reject(failed);
        resolve({ exitCode: code ?? 1, stderr: Buffer.concat(err).toString('utf8') });
      });
    });
    child.stdin.on('error', () => undefined);
    return {
      write: (text) => {
        if (failed || !child.stdin.writable) return;
        arm();
        child.stdin.write(text);
      },
      end: () => { if (child.stdin.writable) child.stdin.end(); },
      kill: (reason) => stop(new GitUnavailableError(reason)),
      done,
    };
  }

  async run(cwd: string, args: readonly string[]): Promise<GitOutput> {
    let exitCode = 0;
    let stderr = '';
    const options: Partial<SimpleGitOptions> = {
      baseDir: cwd,
      binary: this.options.binary ?? 'git',
      trimmed: false,
      maxConcurrentProcesses: 4,
      config: [...SAFE_GIT_CONFIG],
      timeout: { block: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS },
      completion: { onClose: true, onExit: false },
      // Each "unsafe" flag lets through one of OUR neutralising settings above (simple-git refuses them by default).
      unsafe: {
        allowUnsafeHooksPath: true, allowUnsafeFsMonitor: true, allowUnsafeDiffExternal: true, allowUnsafePager: true,
        allowUnsafeSshCommand: true, allowUnsafeAskPass: true, allowUnsafeGitProxy: true, allowUnsafeCredentialHelper: true,
        allowUnsafeProtocolOverride: true, allowUnsafePack: true,
      },
      allowEnvironment: Object.keys(SAFE_GIT_ENV).filter((k) => k.startsWith('GIT_') || k === 'SSH_ASKPASS'),
      errors(_error, result) {
        exitCode = result.exitCode;
        stderr = Buffer.concat(result.stdErr).toString('utf8');
        return undefined;
      },
    };
    let stdout: string;
    try {
      stdout = await simpleGit(options).env(this.env).raw([...args]);
    } catch (e) {
      throw new GitUnavailableError(`git could not be run: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (exitCode < 0) throw new GitUnavailableError(`git could not be run: ${stderr.split('\n')[0] ?? ''}`);
    return { exitCode, stdout, stderr };
  }
}

