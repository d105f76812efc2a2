/**
 * A git port that also runs a command while its output is read and its input written (optional):
 * the history reads the log as git prints it and feeds `cat-file` the versions it names meanwhile,
 * instead of waiting for the whole log, then for every blob (see `history.ts`). Same safety as the
 * port's other commands (see `src/platform/git.ts`).
 */
import type { GitInputPort } from '../review/git';

/** A running git command. */
export interface GitProcess {
  /** Writes to its standard input. */
  write(text: string): void;
  /** Closes its standard input. */
  end(): void;
  /** Stops it (its `done` then rejects). */
  kill(reason: string): void;
  /**
   * Resolves when it has exited and every piece of output has been handed over; rejects when it
   * could not run, was killed, passed its output limit or ran out of time (a `GitUnavailableError`),
   * or when the output's reader threw.
   */
  readonly done: Promise<{ readonly exitCode: number; readonly stderr: string }>;
}

export interface GitStreamPort extends GitInputPort {
  /** Starts `git <args>` in `cwd`; `onData` gets each piece of standard output as it comes (at most `maxBytes` in all). */
  spawn(cwd: string, args: readonly string[], onData: (chunk: Uint8Array) => void, maxBytes: number): GitProcess;
}

/** True when the port can run a command while reading its output. */
export function canStream(git: unknown): git is GitStreamPort {
  return typeof (git as Partial<GitStreamPort>).spawn === 'function' && typeof (git as Partial<GitStreamPort>).runInput === 'function';
}
