/**
 * Running one command line: help, version, unknown commands, `--help`, and user errors (one line,
 * exit 2, never a stack trace). The command's code is fetched through `load`, so that the bundled
 * binary reads only the module the command needs.
 */
import { isUserError } from '../core/errors';
import { AdrToolsError, EXIT_USAGE, type CliIO } from './io';
import { COMMANDS, helpText, type Command } from './commands/index';

/** A command's implementation: `(args, io) => exit code`. */
export type CommandFn = (args: readonly string[], io: CliIO) => Promise<number>;

/**
 * The function `command` names in `mod`, run so that the locks the command took are released
 * when it ends, whatever the outcome (modules that write export authoring's `releaseLocks`).
 */
export function commandOf(mod: Record<string, unknown>, command: Command): CommandFn {
  const fn = mod[command.fn];
  if (typeof fn !== 'function') throw new Error(`command table: ${command.module}.${command.fn} is not a function`);
  const release = mod.releaseLocks as ((io: CliIO) => Promise<void>) | undefined;
  if (!release) return fn as CommandFn;
  return async (args, io) => {
    try {
      return await (fn as CommandFn)(args, io);
    } finally {
      await release(io);
    }
  };
}

/** The version `--version` prints. */
export function version(env: Readonly<Record<string, string | undefined>>): string {
  return `${env.ADRW_VERSION ?? '0.1.0'}\n`;
}

/**
 * What a command line asks for before any command code runs: text to print and an exit code
 * (help, version, an unknown command, `COMMAND --help`), or the command to run.
 */
export function preflight(argv: readonly string[], env: Readonly<Record<string, string | undefined>>):
  { readonly stdout?: string; readonly stderr?: string; readonly code: number } | { readonly command: Command; readonly args: readonly string[] } {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') return { stdout: helpText(args[0]), code: 0 };
  if (name === '--version' || name === '-V') return { stdout: version(env), code: 0 };
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return { stderr: `adr-workbench: unknown command "${name}"; run "adr-workbench help" for the list\n`, code: EXIT_USAGE };
  if (args.includes('--help') || args.includes('-h')) return { stdout: helpText(name), code: 0 };
  // `list --at REV`: the same command from another module (git objects instead of the disk).
  if (command.at && args.some((a) => a === '--at' || a.startsWith('--at='))) return { command: { ...command, ...command.at }, args };
  return { command, args };
}

/** Runs `argv` with the command code `load` gives; user errors become one line on stderr and exit 2. */
export async function dispatch(argv: readonly string[], io: CliIO, load: (command: Command) => Promise<CommandFn>): Promise<number> {
  const pre = preflight(argv, io.env);
  if (!('command' in pre)) {
    if (pre.stdout) io.stdout(pre.stdout);
    if (pre.stderr) io.stderr(pre.stderr);
    return pre.code;
  }
  try {
    const run = await load(pre.command);
    return await run(pre.args, io);
  } catch (e) {
    if (e instanceof AdrToolsError) {
      io.stderr(`${e.message}\n`);
      return e.exitCode;
    }
    if (isUserError(e)) {
      io.stderr(`adr-workbench: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}
