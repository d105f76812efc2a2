/** What a CLI command may touch: the working folder, environment, output streams and host ports. */
import type { Clock, FileSystem } from '../core/ports';

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
