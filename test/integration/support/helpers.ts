/** Shared helpers for extension-host tests: the extension's services, waiting, files in the fixture. */
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import type { Features as Services } from '../../../src/extension';

export const EXTENSION_ID = 'adr-workbench.adr-workbench';

/** Activates the extension and waits for its first index. */
export async function services(): Promise<Services> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  await api.services.workspace.ready;
  return api.services;
}

export function root(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder');
  return f.uri;
}

export function fixture(...parts: string[]): vscode.Uri {
  return vscode.Uri.joinPath(root(), ...parts);
}

/** Polls `check` until it returns a truthy value or the time runs out. */
export async function until<T>(what: string, check: () => T | Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Git in the fixture repository as `author` at `date` (author and committer), hooks off. */
export function git(args: string[], author?: { name: string; date: string }): string {
  const who = author ? {
    GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: `${author.name.toLowerCase()}@example.com`, GIT_AUTHOR_DATE: author.date,
    GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: `${author.name.toLowerCase()}@example.com`, GIT_COMMITTER_DATE: author.date,
  } : {};
  return execFileSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', ...args], {
    cwd: root().fsPath, encoding: 'utf8', env: { ...process.env, ...who }, stdio: ['ignore', 'pipe', 'pipe'],
  });
}
