/**
 * The port through which the review reaches git. Core decides which commands to run and parses their
 * output (always `-z` where git offers it); the host runs them. Implementations must run git without a
 * shell and with options that disable repository hooks, `core.fsmonitor`, external diff and textconv
 * drivers (see `src/platform/git.ts`), because the repository may not be trusted.
 */

/** What one git command produced. */
export interface GitOutput {
  /** Exit code (0 on success). */
  readonly exitCode: number;
  /** Standard output, decoded as UTF-8, untrimmed. */
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs git commands in a folder. */
export interface GitPort {
  /**
   * Runs `git <args>` in `cwd` (absolute `/` path) and resolves with its output, whatever the exit
   * code. Rejects only when git could not be started (then with a `GitUnavailableError`).
   */
  run(cwd: string, args: readonly string[]): Promise<GitOutput>;
}

/** What a git command fed on standard input produced: its output as bytes (blob contents are not text). */
export interface GitBytesOutput {
  readonly exitCode: number;
  readonly stdout: Uint8Array;
  readonly stderr: string;
}

/**
 * A `GitPort` that can also feed a command's standard input (`cat-file --batch`: many blobs in one
 * process). Optional: without it the review reads blobs one process each.
 */
export interface GitInputPort extends GitPort {
  /** Runs `git <args>` with `input` on standard input; rejects when the output passes `maxBytes`. */
  runInput(cwd: string, args: readonly string[], input: string, maxBytes: number): Promise<GitBytesOutput>;
}

/** True when the port can feed standard input. */
export function canFeed(git: GitPort): git is GitInputPort {
  return typeof (git as Partial<GitInputPort>).runInput === 'function';
}

/** Git is not installed or could not be started. */
export class GitUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitUnavailableError';
  }
}

/** A git command failed where it should not have; `message` names the command and git's words. */
export class GitCommandError extends Error {
  constructor(readonly args: readonly string[], readonly exitCode: number, readonly stderr: string) {
    super(`git ${args.join(' ')} failed (exit ${exitCode}): ${stderr.trim().split('\n')[0] ?? ''}`);
    this.name = 'GitCommandError';
  }
}

/** Runs a command that must succeed; resolves with its standard output. */
export async function gitOk(git: GitPort, cwd: string, args: readonly string[]): Promise<string> {
  const out = await git.run(cwd, args);
  if (out.exitCode !== 0) throw new GitCommandError(args, out.exitCode, out.stderr);
  return out.stdout;
}

/** A pathspec that matches exactly this path, whatever characters it holds (`*`, `:`, a leading `-`). */
export function literalPathspec(path: string): string {
  return `:(literal)${path}`;
}

/** Splits `-z` output into its NUL-terminated fields (the empty tail dropped). */
export function splitNul(text: string): string[] {
  const parts = text.split('\0');
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** `items` cut into consecutive batches of at most `maxBytes` of content each (an oversized item alone). */
export function sizeBatches<T extends { readonly size: number }>(items: readonly T[], maxBytes: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length;) {
    const batch: T[] = [];
    let total = 0;
    while (i < items.length && (batch.length === 0 || total + items[i]!.size <= maxBytes)) {
      total += items[i]!.size;
      batch.push(items[i++]!);
    }
    batches.push(batch);
  }
  return batches;
}

/** Each blob in a `git cat-file --batch` reply (`<sha> <type> <size>\n<bytes>\n`…), in order. */
export function* catFileBlobs(bytes: Uint8Array): Generator<{ sha: string; bytes: Uint8Array }> {
  const decoder = new TextDecoder();
  let pos = 0;
  while (pos < bytes.length) {
    const nl = bytes.indexOf(10, pos);
    if (nl < 0) return;
    const [sha = '', type = '', size = ''] = decoder.decode(bytes.subarray(pos, nl)).split(' ');
    pos = nl + 1;
    if (type !== 'blob') continue;
    const n = Number(size);
    yield { sha, bytes: bytes.subarray(pos, pos + n) };
    pos += n + 1;
  }
}
