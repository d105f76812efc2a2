/**
 * `runCli`: the whole CLI in one process over any `CliIO` (tests, embedding). Command modules are
 * imported on first use; the bundled binary (main.ts) loads them as separate files instead.
 */
import type { CliIO } from './io';
import type { Command, CommandModule } from './commands/index';
import { commandOf, dispatch, type CommandFn } from './dispatch';

async function loadModule(name: CommandModule): Promise<Record<string, unknown>> {
  switch (name) {
    case 'author': return import('./commands/author');
    case 'edit': return import('./commands/edit');
    case 'generate': return import('./commands/generate');
    case 'indexFile': return import('./commands/indexFile');
    case 'lint': return import('./commands/lint');
    case 'links': return import('./commands/links');
    case 'query': return import('./commands/query');
    case 'hook': return import('./commands/hook');
    case 'review': return import('./commands/review');
    case 'history': return import('./commands/history');
    case 'publish': return import('./commands/publish');
    case 'mcp': return import('./commands/mcp');
    case 'signoff': return import('./commands/signoff');
    case 'digest': return import('./commands/digest');
  }
}

/** The function implementing `command`. */
export async function loadCommand(command: Command): Promise<CommandFn> {
  return commandOf(await loadModule(command.module), command);
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  return dispatch(argv, io, loadCommand);
}
