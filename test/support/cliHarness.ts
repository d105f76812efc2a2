/** Runs the CLI in-process against a file system, capturing output. */
import { runCli } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import type { FileSystem } from '../../src/core/ports';
import { FixedClock } from '../fakes/fixedClock';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  editorCalls: string[];
}

export async function cli(fs: FileSystem, cwd: string, argv: string[], env: Record<string, string> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const editorCalls: string[] = [];
  const io: CliIO = {
    cwd,
    env,
    fs,
    clock: new FixedClock('2026-11-24T10:00:00Z'),
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    runEditor: async (command, file) => { editorCalls.push(`${command} ${file}`); },
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr, editorCalls };
}
