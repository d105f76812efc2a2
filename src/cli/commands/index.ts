/** The command table and help texts. */
import type { CliIO } from '../io';
import { generateCommand } from './generate';
import { lintCommand } from './lint';
import { collectionsCommand, listCommand, showCommand } from './query';

export interface Command {
  readonly usage: string;
  readonly summary: string;
  run(args: readonly string[], io: CliIO): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  list: {
    usage: 'list [--json] [--status STATUS]... [--tag TAG]...',
    summary: 'Lists the decision records (adr-tools: the ADR folder; with --json or filters: every collection from here down).',
    run: listCommand,
  },
  collections: { usage: 'collections [--json]', summary: 'Lists the ADR collections found from here down.', run: collectionsCommand },
  show: { usage: 'show [--json] REF', summary: 'Shows one record: title, status, date, relations.', run: showCommand },
  lint: {
    usage: 'lint [--json] [--fail-on info|warning|error] [--rules] [REF...]',
    summary: 'Checks numbering, links, relations and unfilled templates. Exit 1 when findings reach --fail-on (default warning).',
    run: lintCommand,
  },
  generate: {
    usage: 'generate toc [-i INTRO] [-o OUTRO] [-p PREFIX] | generate graph [-p PREFIX] [-e EXTENSION]',
    summary: 'Prints a Markdown table of contents or a Graphviz graph of the records (as adr-tools does).',
    run: generateCommand,
  },
};

export function helpText(command?: string): string {
  if (command && COMMANDS[command]) {
    const c = COMMANDS[command];
    return `usage: adr-workbench ${c.usage}\n\n${c.summary}\n`;
  }
  const rows = Object.entries(COMMANDS).map(([, c]) => `  ${c.usage}\n      ${c.summary}`);
  return [
    'usage: adr-workbench COMMAND [ARGS]   (alias: adrw)',
    '',
    'Architecture decision records from the terminal; a drop-in for adr-tools.',
    '',
    'Commands:',
    ...rows,
    '  help [COMMAND]',
    '      Shows this help, or one command\'s.',
    '',
    'REF is a record number (7, 0007, ADR-7), a path, or part of a file name.',
    'Exit codes: 0 ok, 1 findings, 2 usage or input error.',
    '',
  ].join('\n');
}
