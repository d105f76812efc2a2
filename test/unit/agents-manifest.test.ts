/**
 * The editor's side of the agent tools, checked against the one table (src/core/agents): package.json
 * contributes each tool as a language model tool with the MCP server's own input schema and
 * description, hides the git ones in Restricted Mode, contributes the MCP server definition
 * provider, and the engine and @types/vscode have these APIs. The extension bundle carries none of
 * the MCP SDK or zod (the CLI's mcp bundle does).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import pkg from '../../package.json';
import lock from '../../package-lock.json';
import { AGENT_TOOLS, agentTool, confine, languageModelToolName, matchesText, OverlayFileSystem } from '../../src/core/agents';
import { SCHEMAS, type ToolName } from '../../src/cli/mcp/tools';
import { MCP_PROVIDER_ID } from '../../src/host/ids';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

interface LmTool { name: string; modelDescription: string; when: string; inputSchema: unknown; toolReferenceName: string; canBeReferencedInPrompt: boolean }
const contributes = pkg.contributes as unknown as {
  languageModelTools: LmTool[];
  mcpServerDefinitionProviders: { id: string; label: string }[];
  configuration: { properties: Record<string, { default: unknown; type: string }> };
};

describe('agents: the language model tools and MCP provider in package.json', () => {
  it('contributes every agent tool once, with the MCP tool\'s description and input schema', () => {
    assert.deepEqual(contributes.languageModelTools.map((t) => t.name), AGENT_TOOLS.map((t) => languageModelToolName(t.name)));
    for (const t of contributes.languageModelTools) {
      const name = t.name.replace(/^adrWorkbench_/, '');
      assert.equal(t.modelDescription, agentTool(name)!.description, name);
      const schema = z.toJSONSchema(SCHEMAS[name as ToolName], { io: 'input' }) as Record<string, unknown>;
      delete schema.$schema;
      assert.deepEqual(t.inputSchema, schema, `${name}: package.json's inputSchema is not the zod schema's (regenerate it)`);
      assert.ok(t.canBeReferencedInPrompt && /^adr[A-Z]\w+$/.test(t.toolReferenceName), name);
    }
    assert.equal(new Set(contributes.languageModelTools.map((t) => t.toolReferenceName)).size, AGENT_TOOLS.length);
  });

  it('offers the tools only while the setting is on, and the ones running git only in trusted workspaces', () => {
    for (const t of contributes.languageModelTools) {
      const tool = agentTool(t.name.replace(/^adrWorkbench_/, ''))!;
      assert.match(t.when, /^config\.adrWorkbench\.agents\.tools\.enabled\b/, t.name);
      assert.equal(/\bisWorkspaceTrusted\b/.test(t.when), tool.git, t.name);
    }
    assert.deepEqual(AGENT_TOOLS.filter((t) => t.git).map((t) => t.name), ['review_change', 'decision_history', 'decision_digest']);
    assert.deepEqual(AGENT_TOOLS.filter((t) => t.writes).map((t) => t.name), ['draft_decision']);
    const restricted = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
    assert.ok(restricted.includes('adrWorkbench.agents.mcpServer.allowWrite'), 'a repository cannot turn writing on in Restricted Mode');
  });

  it('contributes the MCP server definition provider and the settings that turn each part off', () => {
    assert.deepEqual(contributes.mcpServerDefinitionProviders.map((p) => p.id), [MCP_PROVIDER_ID]);
    const props = contributes.configuration.properties;
    assert.deepEqual(
      ['adrWorkbench.agents.mcpServer.enabled', 'adrWorkbench.agents.mcpServer.allowWrite', 'adrWorkbench.agents.tools.enabled'].map((k) => [k, props[k]?.type, props[k]?.default]),
      [['adrWorkbench.agents.mcpServer.enabled', 'boolean', true], ['adrWorkbench.agents.mcpServer.allowWrite', 'boolean', false], ['adrWorkbench.agents.tools.enabled', 'boolean', true]],
    );
  });

  it('needs VS Code 1.101 (the MCP server definition API) and types of that version', () => {
    const [major, minor] = pkg.engines.vscode.replace(/^\^/, '').split('.').map(Number);
    assert.ok(major! > 1 || minor! >= 101, pkg.engines.vscode);
    const types = (lock as unknown as { packages: Record<string, { version: string }> }).packages['node_modules/@types/vscode']!.version;
    assert.equal(types, pkg.engines.vscode.replace(/^\^/, ''), '@types/vscode matches engines.vscode');
  });

  it('keeps the MCP SDK and zod out of the extension bundle', function () {
    const bundle = resolve(__dirname, '../../../dist/extension.js');
    if (!existsSync(bundle)) throw new Error('dist/extension.js is missing: run npm run build first');
    const text = readFileSync(bundle, 'utf8');
    assert.doesNotMatch(text, /modelcontextprotocol|McpServer\b|ZodError|\$ZodType/);
    assert.match(readFileSync(resolve(__dirname, '../../../dist/cli/mcp.js'), 'utf8'), /McpServer|notifications\/initialized/);
  });
});

describe('agents core: confinement, text search, the overlay a draft is planned on', () => {
  it('confines paths to the workspace', async () => {
    const fs = MemoryFileSystem.from({ '/w/src/a.ts': 'x', '/other/b.ts': 'y' });
    assert.equal(await confine(fs, '/w', 'src/a.ts'), '/w/src/a.ts');
    assert.equal(await confine(fs, '/w', '/w/src/a.ts'), '/w/src/a.ts');
    assert.equal(await confine(fs, '/w', 'src\\a.ts'), '/w/src/a.ts');
    await assert.rejects(confine(fs, '/w', '../other/b.ts'), /"\.\." is not allowed/);
    await assert.rejects(confine(fs, '/w', 'src/../../other/b.ts'), /"\.\." is not allowed/);
    await assert.rejects(confine(fs, '/w', '/other/b.ts'), /outside the workspace/);
    await assert.rejects(confine(fs, '/w', '/wx/b.ts'), /outside the workspace/);
    await assert.rejects(confine(fs, '/w', ''), /give a path/);
    await assert.rejects(confine(fs, '/w', 'a\0b'), /give a path/);
  });

  it('matches every word of the text in title, id, path or tags, case-insensitively', () => {
    const r = { title: 'Use PostgreSQL', id: '0002-use-postgresql', path: 'doc/adr/0002-use-postgresql.md', tags: ['Storage'] };
    assert.ok(matchesText(r, 'postgres'));
    assert.ok(matchesText(r, 'USE storage'));
    assert.ok(!matchesText(r, 'postgres redis'));
    assert.ok(matchesText(r, '   '));
  });

  it('keeps writes in memory: creates, edits, exclusive create, renames of its own files, listings', async () => {
    const base = MemoryFileSystem.from({ '/w/a.md': 'old', '/w/d/b.md': 'b' });
    const o = new OverlayFileSystem(base);
    await o.createFile('/w/c.md', new TextEncoder().encode('new'));
    await assert.rejects(o.createFile('/w/a.md', new Uint8Array()), /already exists/);
    await assert.rejects(o.createFile('/w/c.md', new Uint8Array()), /already exists/);
    await (await o.stageWrite('/w/a.md', new TextEncoder().encode('changed'))).commit();
    await o.createFile('/w/.tmp', new TextEncoder().encode('t'));
    await o.rename('/w/.tmp', '/w/e.md');
    await o.mkdir('/w/n/m');
    assert.equal((await o.stat('/w/n'))?.kind, 'directory');
    assert.deepEqual((await o.readDirectory('/w')).map(([n]) => n).sort(), ['a.md', 'c.md', 'd', 'e.md', 'n']);
    assert.equal(new TextDecoder().decode(await o.readFile('/w/a.md')), 'changed');
    assert.deepEqual(o.changes().map((c) => [c.path, c.before, c.after]), [['/w/c.md', undefined, 'new'], ['/w/a.md', 'old', 'changed'], ['/w/e.md', undefined, 't']]);
    assert.deepEqual(o.removals(), []);
    await o.rename('/w/d/b.md', '/w/d/f.md');
    assert.deepEqual(o.removals(), ['/w/d/b.md']);
    assert.equal(await o.stat('/w/d/b.md'), undefined);
    // The disk is untouched.
    assert.equal(new TextDecoder().decode(await base.readFile('/w/a.md')), 'old');
    assert.equal(await base.stat('/w/c.md'), undefined);
    assert.equal(await base.stat('/w/d/f.md'), undefined);
  });
});
