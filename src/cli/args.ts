/** Argument parsing on Node's `util.parseArgs` (getopt-like: options before or among words). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../core/errors';

export class UsageError extends UserError {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  readonly positionals: string[];
}

/** Parses a command's arguments; unknown options and missing values become a `UsageError`. */
export function parse(command: string, args: readonly string[], options: Options): Parsed {
  // No arguments and no defaults: nothing to parse (and Node's parser, a module of its own, stays unloaded).
  if (args.length === 0 && !Object.values(options).some((o) => o.default !== undefined)) return { values: Object.create(null) as Parsed['values'], positionals: [] };
  try {
    const r = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0]!.replace(/\. To specify a positional.*$/, '') : String(e);
    throw new UsageError(`${command}: ${msg}`, command);
  }
}

export function str(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function strs(p: Parsed, name: string): string[] {
  const v = p.values[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

export function flag(p: Parsed, name: string): boolean {
  return p.values[name] === true;
}
