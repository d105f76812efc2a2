/**
 * Decisions for coding agents in VS Code: the `adrw mcp` server offered to agent mode with no setup
 * (an MCP server definition provider: one stdio server per workspace folder, the bundled CLI run by
 * the extension host's own runtime), and the same questions as language model tools, each answered
 * by `adrw mcp --call` (the same handlers as the server, so the extension bundle carries none of the
 * SDK). In Restricted Mode no server is offered and the tools that run git are hidden (their `when`
 * clauses) and refused; settings turn the server and the tools off.
 */
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { AGENT_TOOLS, languageModelToolName, type AgentTool } from '../../core/agents';
import type { Host } from '../../host';
import { MCP_PROVIDER_ID } from '../../host/ids';
import { affects, readSettings } from '../../host/settings';

export interface AgentsFeature {
  /** The server definitions offered now (what agent mode would start). */
  serverDefinitions(): vscode.McpStdioServerDefinition[];
  /** The language model tool names registered. */
  readonly toolNames: readonly string[];
}

/** The command line that runs the bundled CLI with the extension host's runtime. */
export interface CliLaunch {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

/**
 * `dist/cli.js` under the editor's own runtime: in VS Code desktop `process.execPath` is Electron,
 * which runs as plain Node with ELECTRON_RUN_AS_NODE=1; in code-server (and VS Code server) it is
 * Node already, which ignores the variable.
 */
export function cliLaunch(context: vscode.ExtensionContext, args: readonly string[]): CliLaunch {
  return { command: process.execPath, args: [context.asAbsolutePath('dist/cli.js'), ...args], env: { ELECTRON_RUN_AS_NODE: '1' } };
}

export function registerAgents(context: vscode.ExtensionContext, host: Host): AgentsFeature {
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    changed,
    vscode.workspace.onDidChangeConfiguration((e) => { if (affects(e, 'agents')) changed.fire(); }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
  );
  const version = String((context.extension?.packageJSON as { version?: unknown } | undefined)?.version ?? '0');

  const serverDefinitions = (): vscode.McpStdioServerDefinition[] => {
    const settings = readSettings();
    // The review and the history run git: nothing of the server in an untrusted workspace.
    if (!settings.agents.mcpServer || !vscode.workspace.isTrusted) return [];
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    return folders.map((f) => {
      const launch = cliLaunch(context, ['mcp', '--root', f.uri.fsPath, ...(settings.agents.allowWrite ? ['--allow-write'] : [])]);
      const label = folders.length > 1 ? `ADR Workbench: ${f.name}` : 'ADR Workbench';
      const d = new vscode.McpStdioServerDefinition(label, launch.command, [...launch.args], { ...launch.env }, version);
      d.cwd = f.uri;
      return d;
    });
  };

  // `vscode.lm` exists from VS Code 1.101 (engines.vscode); a host without it gets no agent features.
  const lm = (vscode as { lm?: typeof vscode.lm }).lm;
  const toolNames: string[] = [];
  if (lm?.registerMcpServerDefinitionProvider) {
    context.subscriptions.push(lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, {
      onDidChangeMcpServerDefinitions: changed.event,
      provideMcpServerDefinitions: () => serverDefinitions(),
      resolveMcpServerDefinition: (d) => d,
    }));
  }
  if (lm?.registerTool) {
    for (const tool of AGENT_TOOLS) {
      const name = languageModelToolName(tool.name);
      context.subscriptions.push(lm.registerTool<Record<string, unknown>>(name, languageModelTool(context, host, tool)));
      toolNames.push(name);
    }
  }
  return { serverDefinitions, toolNames };
}

function languageModelTool(context: vscode.ExtensionContext, host: Host, tool: AgentTool): vscode.LanguageModelTool<Record<string, unknown>> {
  const log = host.log.for('agents');
  return {
    prepareInvocation: ({ input }) => {
      if (tool.writes && input.write === true) {
        const title = typeof input.title === 'string' ? input.title : '';
        return {
          invocationMessage: vscode.l10n.t('Writing decision record "{0}"', title),
          confirmationMessages: {
            title: vscode.l10n.t('Write a decision record?'),
            message: new vscode.MarkdownString(`Create the decision record **${escapeMarkdown(title)}** in the workspace` +
              `${Array.isArray(input.supersedes) && input.supersedes.length ? ` (superseding ${input.supersedes.map(String).map(escapeMarkdown).join(', ')})` : ''}?`),
          },
        };
      }
      return { invocationMessage: `${tool.title}…` };
    },
    invoke: async ({ input }, token) => {
      if (!readSettings().agents.tools) throw new Error('The ADR Workbench tools are off (adrWorkbench.agents.tools.enabled).');
      if (tool.git && !vscode.workspace.isTrusted) throw new Error(`${tool.name} runs git, which is off in Restricted Mode: trust the workspace to use it.`);
      const folder = folderFor(input);
      if (!folder) throw new Error('No workspace folder is open.');
      // Writing was confirmed in prepareInvocation (the user pressed Continue): only then --allow-write.
      const launch = cliLaunch(context, ['mcp', '--root', folder.uri.fsPath, '--call', tool.name, '--input', JSON.stringify(input),
        ...(tool.writes && input.write === true ? ['--allow-write'] : [])]);
      const text = await run(launch, folder.uri.fsPath, token);
      log.info(`${tool.name} answered (${text.length} characters)`);
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
    },
  };
}

/** The folder a call is about: the one holding its absolute path, the active editor's, else the first. */
function folderFor(input: Record<string, unknown>): vscode.WorkspaceFolder | undefined {
  const path = typeof input.path === 'string' ? input.path : undefined;
  if (path && /^(\/|[A-Za-z]:[\\/])/.test(path)) {
    const f = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(path));
    if (f) return f;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  return fromEditor ?? vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
}

function run(launch: CliLaunch, cwd: string, token: vscode.CancellationToken): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(launch.command, [...launch.args], { cwd, env: { ...process.env, ...launch.env }, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      sub.dispose();
      if (!err) return resolve(stdout);
      const line = stderr.trim().split('\n')[0]?.replace(/^adr-workbench: /, '');
      reject(new Error(line || err.message));
    });
    const sub = token.onCancellationRequested(() => child.kill());
  });
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}
