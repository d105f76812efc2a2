/**
 * Initialize Collection: convention (adr-tools, MADR, log4brains), workspace folder (when several)
 * and records folder, then the plan core makes for the CLI's `init` too (`core/dialects/init.ts`):
 * the config file (`.adr-dir`, `.log4brains.yml`), the template beside the records (MADR,
 * log4brains) and the first record. Nothing existing is ever overwritten: an existing config file
 * must already name the folder, and records are created exclusively.
 */
import * as vscode from 'vscode';
import { CONVENTIONAL_FOLDERS } from '../../core/discovery';
import { runInit } from '../../core/dialects/init';
import { UserError } from '../../core/errors';
import { join, toPosix } from '../../core/paths';
import { readSettings, updateFolderSetting } from '../../host/settings';
import type { Host } from '../../host';
import { CONVENTIONS, checkFolder, conventionInfo, initPlan, type Convention } from './conventions';
import { runFlow } from '../../host/flow';
import { BACK, type Prompter } from '../../host/prompter';
import { isUriLike, type UriLike } from '../../host/targets';

/** Arguments of `adrWorkbench.initCollection`; whatever is given is not asked. */
export interface InitCollectionArgs {
  readonly convention?: Convention;
  /** The workspace folder (path, URI or name); default: the only one. */
  readonly workspaceFolder?: string | UriLike;
  /** Records folder relative to the workspace folder (default: the convention's). */
  readonly folder?: string;
  /** Open the first record (default true). */
  readonly open?: boolean;
}

interface State {
  readonly convention?: Convention;
  readonly workspaceFolder?: vscode.WorkspaceFolder;
  readonly folder?: string;
}

const TITLE = vscode.l10n.t('Initialize Decision Collection');

/** Creates the collection; resolves with its first record's URI. */
export async function initCollection(host: Host, prompter: Prompter, args: InitCollectionArgs): Promise<vscode.Uri> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 0) throw new UserError('Open a folder first: a decision record collection lives in a workspace folder');
  const fixed: State = {
    ...(args.convention ? { convention: args.convention } : {}),
    ...(args.workspaceFolder !== undefined ? { workspaceFolder: workspaceFolderOf(folders, args.workspaceFolder) } : folders.length === 1 ? { workspaceFolder: folders[0]! } : {}),
    ...(args.folder !== undefined ? { folder: args.folder } : {}),
  };
  const state = await runFlow<State>([
    {
      when: () => fixed.convention === undefined,
      ask: async (s, step) => {
        const c = await prompter.pick(CONVENTIONS.map((x) => ({ label: x.label, description: x.description, value: x.id })), {
          title: TITLE, step, placeholder: vscode.l10n.t('Convention'), ...(s.convention ? { active: s.convention } : {}),
        });
        return c === undefined || c === BACK ? c : { ...s, convention: c };
      },
    },
    {
      when: () => fixed.workspaceFolder === undefined,
      ask: async (s, step) => {
        const f = await prompter.pick(folders.map((x) => ({ label: x.name, description: x.uri.fsPath, value: x })), { title: TITLE, step, placeholder: vscode.l10n.t('Workspace folder') });
        return f === undefined || f === BACK ? f : { ...s, workspaceFolder: f };
      },
    },
    {
      when: () => fixed.folder === undefined,
      ask: async (s, step) => {
        const folder = await prompter.input({
          title: TITLE, step, prompt: vscode.l10n.t('Records folder, relative to the workspace folder'), value: s.folder ?? conventionInfo(s.convention!).defaultFolder, validate: checkFolder,
        });
        return folder === undefined || folder === BACK ? folder : { ...s, folder: folder.trim() };
      },
    },
  ], fixed);

  const convention = conventionInfo(state.convention!);
  const root = toPosix(state.workspaceFolder!.uri.fsPath);
  const plan = initPlan(convention.id, root, state.folder ?? convention.defaultFolder, state.workspaceFolder!.name);
  if (host.workspace.collections().some((c) => c.collection.path === plan.collection.path)) {
    throw new UserError(`${plan.collection.name} is already a decision record collection`, plan.collection.path);
  }
  if (!plan.config && !CONVENTIONAL_FOLDERS.includes(plan.collection.name)) await addExtraFolder(state.workspaceFolder!, plan.collection.name);
  const created = await runInit(host.fs, host.clock, plan);
  await host.workspace.refresh();
  const uri = vscode.Uri.file(created.path);
  if (args.open !== false) await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

/** MADR has no config file: a folder off the conventional paths is made known through the setting. */
async function addExtraFolder(folder: vscode.WorkspaceFolder, rel: string): Promise<void> {
  const extra = readSettings(folder).extraFolders;
  if (extra.includes(rel)) return;
  await updateFolderSetting(folder, 'collections.extraFolders', [...extra, rel]);
}

function workspaceFolderOf(folders: readonly vscode.WorkspaceFolder[], ref: string | UriLike): vscode.WorkspaceFolder {
  const path = isUriLike(ref) ? toPosix(ref.fsPath) : ref;
  const found = folders.find((f) => toPosix(f.uri.fsPath) === path || f.name === path || join(toPosix(f.uri.fsPath)) === join(path));
  if (!found) throw new UserError(`${path} is not a workspace folder`);
  return found;
}
