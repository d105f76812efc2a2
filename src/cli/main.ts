/**
 * `adr-workbench` (alias `adrw`): adr-tools-compatible commands plus JSON output, lint and status
 * changes, over the same core the extension uses. User errors print one line and exit 2.
 *
 * This module is the whole CLI as one program (bundled alone it runs as is). The published binary
 * is bin.ts: the same commands, each module a bundle of its own loaded on demand.
 */
import { internalError, nodeIO } from './node';
import { runCli } from './run';

export { runCli } from './run';

if (require.main === module) {
  runCli(process.argv.slice(2), nodeIO()).then((code) => { process.exitCode = code; }, internalError);
}
