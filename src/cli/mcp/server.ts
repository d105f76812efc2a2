/**
 * The MCP server of `adrw mcp`, on the official TypeScript SDK: the agent tools of tools.ts (each
 * with its zod schema, validated by the SDK before the handler runs) and the records as resources,
 * by id (`adr://<collection>/<number or id>`, the collection's path URI-encoded) and by path
 * (`adr://path/<path in the workspace>`).
 */
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { AGENT_TOOLS, confine } from '../../core/agents';
import { UserError } from '../../core/errors';
import { callTool, SCHEMAS, type ToolContext, type ToolName } from './tools';

interface ListedRecord {
  readonly id: string;
  readonly number: number | null;
  readonly title: string;
  readonly status: string;
  readonly path: string;
  readonly collection: string;
}

/** The URI of a record by id. */
export function recordUri(r: Pick<ListedRecord, 'collection' | 'number' | 'id'>): string {
  return `adr://${encodeURIComponent(r.collection)}/${r.number ?? encodeURIComponent(r.id)}`;
}

async function listed(ctx: ToolContext): Promise<ListedRecord[]> {
  const a = await callTool(ctx, 'search_decisions', {});
  if (a.isError) throw new UserError(a.text);
  return JSON.parse(a.text) as ListedRecord[];
}

async function contents(ctx: ToolContext, uri: URL, relPath: string) {
  const path = await confine(ctx.fs, ctx.root, relPath, 'resource');
  return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: new TextDecoder().decode(await ctx.fs.readFile(path)) }] };
}

function one(v: string | string[] | undefined): string {
  return decodeURIComponent(Array.isArray(v) ? v[0] ?? '' : v ?? '');
}

export function createServer(ctx: ToolContext, version: string): McpServer {
  const server = new McpServer(
    { name: 'adr-workbench', title: 'ADR Workbench', version },
    {
      instructions:
        'Architecture decision records (ADRs) of this workspace. Before editing a file, call explain_file to see the decisions ' +
        'governing it and follow those in force; before proposing a commit, call review_change and document undocumented ' +
        'architectural changes with draft_decision.' + (ctx.allowWrite ? '' : ' This server is read-only: draft_decision returns a plan only.'),
    },
  );
  for (const tool of AGENT_TOOLS) {
    server.registerTool(tool.name, {
      title: tool.title,
      description: tool.description,
      inputSchema: SCHEMAS[tool.name as ToolName],
      annotations: { readOnlyHint: !tool.writes, destructiveHint: false, idempotentHint: !tool.writes, openWorldHint: false },
    }, async (input: unknown) => {
      const a = await callTool(ctx, tool.name, input);
      return { content: [{ type: 'text' as const, text: a.text }], ...(a.isError ? { isError: true } : {}) };
    });
  }
  // By path first: `adr://path/x.md` must not be read as collection "path", record "x.md".
  server.registerResource('record-by-path', new ResourceTemplate('adr://path/{+path}', { list: undefined }), {
    title: 'Decision record by path', description: 'A decision record\'s Markdown by its path in the workspace', mimeType: 'text/markdown',
  }, async (uri, vars) => contents(ctx, uri, one(vars.path)));
  server.registerResource('record', new ResourceTemplate('adr://{collection}/{record}', {
    list: async () => ({
      resources: (await listed(ctx)).map((r) => ({
        uri: recordUri(r), name: r.id, title: `${r.number !== null ? `${r.number}. ` : ''}${r.title}`,
        description: `${r.status}: ${r.path}`, mimeType: 'text/markdown',
      })),
    }),
  }), {
    title: 'Decision record', description: 'A decision record\'s Markdown by collection and number (or id)', mimeType: 'text/markdown',
  }, async (uri, vars) => {
    const collection = one(vars.collection);
    const record = one(vars.record);
    const r = (await listed(ctx)).find((x) => x.collection === collection && (String(x.number) === record || x.id === record));
    if (!r) throw new UserError(`no decision record ${record} in collection "${collection}"`);
    return contents(ctx, uri, r.path);
  });
  return server;
}
