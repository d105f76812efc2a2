/**
 * `mcp [--allow-write] [--root DIR]`: the Model Context Protocol server over stdio (src/cli/mcp),
 * answering agents' questions about the decisions of the workspace. `--call TOOL [--input JSON]`
 * answers one tool call and exits (the editor's language model tools run it).
 */
import { UserError } from '../../core/errors';
import { normalize, resolve, toPosix } from '../../core/paths';
import { flag, parse, str, UsageError } from '../args';
import { EXIT_OK, EXIT_USAGE, type CliIO } from '../io';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createServer } from '../mcp/server';
import { callTool, type ToolContext } from '../mcp/tools';

export async function mcpCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('mcp', args, { 'allow-write': { type: 'boolean' }, root: { type: 'string' }, call: { type: 'string' }, input: { type: 'string' } });
  if (p.positionals.length > 0) throw new UsageError(`mcp: unexpected argument "${p.positionals[0]}"`);
  const root = normalize(resolve(io.cwd, toPosix(str(p, 'root') ?? '.')));
  const stat = await io.fs.stat(root);
  if (stat?.kind !== 'directory') throw new UserError(`mcp: --root ${root}: not a folder`);
  const ctx: ToolContext = { root: await io.fs.realPath(root), fs: io.fs, clock: io.clock, env: io.env, allowWrite: flag(p, 'allow-write') };
  const call = str(p, 'call');
  if (call !== undefined) {
    let input: unknown = {};
    try {
      input = JSON.parse(str(p, 'input') ?? '{}');
    } catch {
      throw new UsageError('mcp: --input takes a JSON object');
    }
    const a = await callTool(ctx, call, input);
    if (a.isError) {
      io.stderr(`adr-workbench: ${a.text}\n`);
      return EXIT_USAGE;
    }
    io.stdout(a.text);
    return EXIT_OK;
  }
  if (str(p, 'input') !== undefined) throw new UsageError('mcp: --input goes with --call TOOL');
  const server = createServer(ctx, io.env.ADRW_VERSION ?? '0.1.0');
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((done) => { transport.onclose = () => done(); });
  await server.connect(transport);
  // stdin's end (the client went away) ends the server.
  process.stdin.once('end', () => { void server.close(); });
  await closed;
  return EXIT_OK;
}
