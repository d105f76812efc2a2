/**
 * The CLI on Node: the `CliIO` over the real disk, streams and editor, and the entry each command
 * bundle (dist/cli/<module>.js) runs when the binary loads it.
 */
import { createRequire } from 'node:module';
import { systemClock } from '../core/ports';
import { toPosix } from '../core/paths';
import { SyncNodeFileSystem } from './syncFileSystem';
import type { CliIO } from './io';
import { writeAll } from './output';
import { commandOf, dispatch } from './dispatch';

export function nodeIO(): CliIO {
  return {
    cwd: toPosix(process.cwd()),
    env: process.env,
    // Reads in synchronous calls: one command at a time needs no thread pool (syncFileSystem.ts).
    fs: new SyncNodeFileSystem(),
    clock: systemClock,
    stdout: (t) => writeAll(1, t),
    stderr: (t) => writeAll(2, t),
    runEditor: (command, file) => {
      // Loaded only when an editor runs: child_process is a good part of Node's own start-up cost.
      // (A require, not import(): bundles run in vm.Script, which has no dynamic import.)
      const { spawn } = createRequire(__filename)('node:child_process') as typeof import('node:child_process');
      return new Promise((resolvePromise, reject) => {
        // Like adr-tools' `$VISUAL "$file"`: the command may carry its own arguments.
        const child = process.platform === 'win32'
          ? spawn(`${command} "${file}"`, { shell: true, stdio: 'inherit' })
          : spawn('/bin/sh', ['-c', `${command} "$1"`, 'sh', file], { stdio: 'inherit' });
        child.on('error', reject);
        child.on('exit', () => resolvePromise());
      });
    },
  };
}

/** A bug, not a user error: one line (the stack only with ADRW_DEBUG=1), exit 70. */
export function internalError(e: unknown): void {
  const detail = process.env.ADRW_DEBUG && e instanceof Error ? e.stack ?? e.message : e instanceof Error ? e.message : String(e);
  writeAll(2, `adr-workbench: internal error: ${detail.split('\n')[0]}${process.env.ADRW_DEBUG ? `\n${detail}` : ''}\n`);
  process.exitCode = 70;
}

/** Runs the command line of this process with the functions of one command module. */
export function runNode(mod: Record<string, unknown>): void {
  dispatch(process.argv.slice(2), nodeIO(), async (c) => commandOf(mod, c)).then(
    (code) => { process.exitCode = code; },
    internalError,
  );
}
