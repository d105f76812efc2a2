/** What a CLI command may touch: the working folder, environment, output streams and host ports. */
import type { Clock, FileSystem } from '../core/ports';
import { UserError } from '../core/errors';

export interface CliIO {
  /** Absolute `/` path of the working folder. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fs: FileSystem;
  readonly clock: Clock;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Runs `$VISUAL`/`$EDITOR` on a file and waits for it (adr-tools opens each new record). */
  runEditor(command: string, file: string): Promise<void>;
}

/** Exit codes: 0 ok, 1 findings, 2 usage or input error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * An error adr-tools reports in its own words (`ERROR: no title given`, `The doc/adr directory does
 * not exist`): printed as it is, without our prefix, with adr-tools' exit code.
 */
export class AdrToolsError extends UserError {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'AdrToolsError';
  }
}
