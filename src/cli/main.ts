/**
 * `adr-workbench` (alias `adrw`): adr-tools-compatible commands plus JSON output, lint and status
 * changes, over the same core the extension uses. User errors print one line and exit 2.
 */
import { spawn } from 'node:child_process';
import { isUserError } from '../core/errors';
import { systemClock } from '../core/ports';
import { toPosix } from '../core/paths';
import { NodeFileSystem } from '../platform/nodeFileSystem';
import { EXIT_USAGE, type CliIO } from './io';
import { UsageError } from './args';
import { COMMANDS, helpText } from './commands';
import { releaseLocks } from './authoring';

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(helpText(args[0]));
    return 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${process.env.ADRW_VERSION ?? '0.1.0'}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"; run "adr-workbench help" for the list`);
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(helpText(name));
      return 0;
    }
    return await command.run(args, io);
  } catch (e) {
    if (isUserError(e)) {
      io.stderr(`adr-workbench: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  } finally {
    await releaseLocks(io);
  }
}

function nodeIO(): CliIO {
  return {
    cwd: toPosix(process.cwd()),
    env: process.env,
    fs: new NodeFileSystem(),
    clock: systemClock,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    runEditor: (command, file) =>
      new Promise((resolvePromise, reject) => {
        // Like adr-tools' `$VISUAL "$file"`: the command may carry its own arguments.
        const child = process.platform === 'win32'
          ? spawn(`${command} "${file}"`, { shell: true, stdio: 'inherit' })
          : spawn('/bin/sh', ['-c', `${command} "$1"`, 'sh', file], { stdio: 'inherit' });
        child.on('error', reject);
        child.on('exit', () => resolvePromise());
      }),
  };
}

if (require.main === module) {
  runCli(process.argv.slice(2), nodeIO()).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(`adr-workbench: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
