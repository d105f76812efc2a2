/**
 * Decisions for coding agents in the real editor. What this editor can check: that the language
 * model tools are registered (`vscode.lm.tools` lists ours, with their schemas), that one answers
 * when invoked through `vscode.lm.invokeTool` (outside a chat: no confirmation UI, so only the
 * read-only tools are invoked), and that the MCP server definition our provider offers is a command
 * line that starts a working server under the extension host's own runtime (driven here with the
 * SDK's client). What it cannot: the test editor has no chat model or agent mode session, so it can
 * neither list the MCP servers VS Code collected (no API reads them back) nor show that an agent
 * calls the tools; the provider is checked through the extension's own feature object.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import pkg from '../../package.json';
import { root, services } from './support/helpers';

const TOOL_NAMES = (pkg.contributes as unknown as { languageModelTools: { name: string }[] }).languageModelTools.map((t) => t.name);

describe('agents: language model tools and the MCP server definition', function () {
  this.timeout(60_000);

  it('registers every contributed language model tool (vscode.lm.tools), with its input schema', async () => {
    await services();
    assert.equal(TOOL_NAMES.length, 9);
    assert.equal(typeof vscode.lm?.registerMcpServerDefinitionProvider, 'function', 'this editor has the MCP server definition API');
    const ours = vscode.lm.tools.filter((t) => t.name.startsWith('adrWorkbench_'));
    assert.deepEqual(ours.map((t) => t.name).sort(), [...TOOL_NAMES].sort());
    const explain = ours.find((t) => t.name === 'adrWorkbench_explain_file')!;
    assert.match(explain.description, /govern/);
    assert.deepEqual((explain.inputSchema as { required?: string[] }).required, ['path']);
    const s = await services();
    assert.deepEqual([...s.agents.toolNames].sort(), [...TOOL_NAMES].sort());
  });

  it('answers a read-only tool through vscode.lm.invokeTool', async () => {
    await services();
    const result = await vscode.lm.invokeTool('adrWorkbench_search_decisions', { input: { text: 'record architecture' }, toolInvocationToken: undefined });
    const text = result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
    const records = JSON.parse(text) as { number: number; title: string }[];
    assert.deepEqual(records.map((r) => [r.number, r.title]), [[1, 'Record architecture decisions']]);
    await assert.rejects(
      Promise.resolve(vscode.lm.invokeTool('adrWorkbench_explain_file', { input: { path: '../outside.ts' }, toolInvocationToken: undefined })),
      /not allowed/,
    );
  });

  it('offers one stdio server per folder, the bundled CLI under the host\'s runtime, and that command line serves MCP', async () => {
    const s = await services();
    const [def, ...more] = s.agents.serverDefinitions();
    assert.ok(def, 'a server definition in a trusted workspace');
    assert.equal(more.length, 0);
    assert.equal(def.command, process.execPath);
    assert.match(def.args[0]!, /dist[\\/]cli\.js$/);
    assert.deepEqual(def.args.slice(1), ['mcp', '--root', root().fsPath]);
    assert.equal(def.env.ELECTRON_RUN_AS_NODE, '1');
    assert.equal(def.cwd?.fsPath, root().fsPath);
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, ...def.env })) if (typeof v === 'string') env[k] = v;
    const client = new Client({ name: 'adrw-integration', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: def.command, args: def.args, env, cwd: def.cwd!.fsPath }));
    try {
      const { tools } = await client.listTools();
      assert.deepEqual(tools.map((t) => `adrWorkbench_${t.name}`).sort(), [...TOOL_NAMES].sort());
      const { resources } = await client.listResources();
      assert.ok(resources.some((r) => r.uri === 'adr://doc%2Fadr/1'), JSON.stringify(resources.map((r) => r.uri)));
    } finally {
      await client.close();
    }
  });

  it('offers no server while adrWorkbench.agents.mcpServer.enabled is off', async () => {
    const s = await services();
    const config = vscode.workspace.getConfiguration('adrWorkbench');
    await config.update('agents.mcpServer.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      assert.deepEqual(s.agents.serverDefinitions(), []);
    } finally {
      await config.update('agents.mcpServer.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
    assert.equal(s.agents.serverDefinitions().length, 1);
  });
});
