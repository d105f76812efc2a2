/**
 * The command table and help texts: data only, so that `--version`, `help` and dispatch load no
 * command code. Each command names the module under src/cli/commands that implements it (bundled
 * as its own file, dist/cli/<module>.js) and the function there.
 */

/** The command modules, each a separate bundle. */
export type CommandModule = 'author' | 'edit' | 'generate' | 'indexFile' | 'lint' | 'links' | 'query' | 'hook' | 'review';

export interface Command {
  readonly usage: string;
  readonly summary: string;
  readonly module: CommandModule;
  /** The exported `(args, io) => Promise<number>` of that module. */
  readonly fn: string;
}

export const LINK_OPTIONS_HELP = '[--include-proposed] [--strict] [--exclude GLOB]... [--pattern REGEX]... [--prefix ID=COLLECTION]... [--no-gitignore] [--max-size BYTES]';

export const COMMANDS: Record<string, Command> = {
  init: {
    usage: 'init [--template KIND] [DIR]',
    summary:
      'Starts a collection with its first record and prints its path. Default (adr-tools): DIR goes to .adr-dir and ' +
      'record 1 "Record architecture decisions" to the ADR folder (doc/adr). --template madr|madr-minimal|madr-bare|' +
      'madr-bare-minimal|madr2|log4brains: DIR (default docs/decisions; madr2, log4brains: docs/adr) gets the template ' +
      'and a record choosing that format; log4brains also a .log4brains.yml.',
    module: 'author', fn: 'initCommand',
  },
  new: {
    usage: 'new [-s REF]... [-l TARGET:LINK:REVERSE-LINK]... [--template KIND] [--status S] [--collection PATH] TITLE...',
    summary:
      'Creates the next record, runs $VISUAL (else $EDITOR) on it, then prints its path. -s: supersedes REF; ' +
      '-l "5:Amends:Amended by": links both ways. Honours ADR_TEMPLATE (a template file) and ADR_DATE. Collection: ' +
      '--collection, else the adr-tools folder (.adr-dir or doc/adr, walking up), else the only one from here down, ' +
      'else doc/adr. adr-tools collections get status Accepted, as adr new writes; others their template\'s. ' +
      'KIND: nygard, madr-full (madr), madr-minimal, madr-bare, madr-bare-minimal, madr2, log4brains.',
    module: 'author', fn: 'newCommand',
  },
  link: {
    usage: 'link SOURCE LINK TARGET REVERSE-LINK',
    summary: 'Adds "LINK [target](…)" to SOURCE and "REVERSE-LINK [source](…)" to TARGET (e.g. link 12 Amends 10 "Amended by").',
    module: 'edit', fn: 'linkCommand',
  },
  status: {
    usage: 'status REF STATUS',
    summary: 'Sets a record\'s status where and as its format writes it (accepted → "Accepted" in adr-tools records); prints the record\'s path.',
    module: 'edit', fn: 'statusCommand',
  },
  rename: {
    usage: 'rename REF NEW TITLE...',
    summary: 'Retitles a record, renames its file (number or date kept) and fixes the links to it; prints the new path.',
    module: 'edit', fn: 'renameCommand',
  },
  index: {
    usage: 'index [--check] [--collection PATH]',
    summary:
      'Updates the list in the collection\'s README.md/index.md: between <!-- adrlog --> and <!-- adrlogstop --> (adr-log format), ' +
      'or the list of an adr-tools "# Architecture Decision Records" page; without one, creates README.md. Prints the file ' +
      'when it changed. --check writes nothing and exits 1 when the index is out of date.',
    module: 'indexFile', fn: 'indexCommand',
  },
  list: {
    usage: 'list [--json] [--status STATUS]... [--tag TAG]...',
    summary: 'Lists the decision records (adr-tools: the ADR folder; with --json or filters: every collection from here down).',
    module: 'query', fn: 'listCommand',
  },
  collections: { usage: 'collections [--json]', summary: 'Lists the ADR collections found from here down.', module: 'query', fn: 'collectionsCommand' },
  show: { usage: 'show [--json] REF', summary: 'Shows one record: title, status, date, relations.', module: 'query', fn: 'showCommand' },
  lint: {
    usage: 'lint [--json] [--fail-on info|warning|error] [--rules] [--code] [REF...]',
    summary:
      'Checks numbering, links, relations and unfilled templates. --code also scans the source files for anchors to unknown, ' +
      'ambiguous, superseded or rejected records, and globs matching no file. Exit 1 when findings reach --fail-on (default warning).',
    module: 'lint', fn: 'lintCommand',
  },
  explain: {
    usage: `explain [--json] ${LINK_OPTIONS_HELP} PATH`,
    summary:
      'The decisions governing a file: records whose governs/applies-to/affects globs match it (accepted ones; proposed with ' +
      '--include-proposed) and records its comments name (ADR-7, @adr 7, links to records), with their status; anchors naming no ' +
      'record or several are listed. Globs are relative to the repository root.',
    module: 'links', fn: 'explainCommand',
  },
  refs: {
    usage: `refs [--json] ${LINK_OPTIONS_HELP} REF`,
    summary: 'Where a decision is referenced: every anchor naming it in the repository (a scan honouring .gitignore) and every file its globs match.',
    module: 'links', fn: 'refsCommand',
  },
  generate: {
    usage: 'generate toc [-i INTRO] [-o OUTRO] [-p PREFIX] | generate graph [-p PREFIX] [-e EXTENSION]',
    summary: 'Prints a Markdown table of contents or a Graphviz graph of the records (as adr-tools does).',
    module: 'generate', fn: 'generateCommand',
  },
  check: {
    usage: 'check [--staged | --base REF] [--format text|json|sarif|github] [--fail-on error|warning|info|never]',
    summary:
      'Architecture review: flags decision-shaped changes (dependencies, infrastructure, data, interfaces, modules, ' +
      'governed code, .adr-review.yml custom rules) and whether a record documents them. Default: staged, unstaged and ' +
      'untracked changes against HEAD; --base: since the merge base with REF. Exit 1 when an undocumented change reaches ' +
      '--fail-on (default warning), 2 on usage or git errors.',
    module: 'review', fn: 'checkCommand',
  },
  ack: {
    usage: 'ack RULE:PATH:SUBJECT --reason TEXT [--by NAME] [--staged | --base REF]',
    summary: 'Marks a finding of `check` as not architectural: appends it, with the reason, to .adr-review.yml (committed, so reviewers see it).',
    module: 'review', fn: 'ackCommand',
  },
  hook: {
    usage: 'hook install [--command CMD] [--global]',
    summary: 'Installs a pre-commit hook running `check --staged`; an existing hook is kept and run first. Idempotent.',
    module: 'hook', fn: 'hookCommand',
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
    'Exit codes: 0 ok, 1 findings (lint, index --check), 2 usage or input error.',
    '',
  ].join('\n');
}
