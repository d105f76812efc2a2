/**
 * The authoring commands. Each is registered through the one `CommandRunner` (errors → log and a
 * message with "Show Log"), asks through `Services.prompter` (quick input unless a test put a
 * scripted one there), and accepts a typed argument object, a Decisions tree node or a `Uri`.
 * Every command resolves with what it made or changed (a `Uri`, a summary), or undefined when the
 * user cancelled or it failed.
 */
import type * as vscode from 'vscode';
import type { Services } from '../services';
import { changeStatus, linkRecords, supersedeRecord, type ChangeStatusArgs, type LinkArgs, type SupersedeArgs } from './lifecycle';
import { initCollection, type InitCollectionArgs } from './initCollection';
import { WorkspaceLint } from './lint';
import { newDecision, type NewDecisionArgs } from './newDecision';
import { openDecision, type OpenDecisionArgs } from './openDecision';
import { regenerateIndex, type RegenerateIndexArgs } from './regenerateIndex';
import { renameRecord, type RenameArgs } from './rename';
import { CommandRunner } from './runner';
import { argsOf } from './targets';

export type { ChangeStatusArgs, InitCollectionArgs, LinkArgs, NewDecisionArgs, OpenDecisionArgs, RegenerateIndexArgs, RenameArgs, SupersedeArgs };

/** Command ids (package.json `contributes.commands`) and the titles messages name them by. */
export const COMMANDS = {
  newDecision: ['adrWorkbench.newDecision', 'New Decision'],
  newDecisionHere: ['adrWorkbench.newDecisionHere', 'New Decision'],
  changeStatus: ['adrWorkbench.changeStatus', 'Change Status'],
  supersede: ['adrWorkbench.supersede', 'Supersede'],
  link: ['adrWorkbench.link', 'Amend / Link'],
  rename: ['adrWorkbench.rename', 'Rename Decision'],
  openDecision: ['adrWorkbench.openDecision', 'Open Decision'],
  regenerateIndex: ['adrWorkbench.regenerateIndex', 'Regenerate Index'],
  lint: ['adrWorkbench.lint', 'Lint Decisions'],
  initCollection: ['adrWorkbench.initCollection', 'Initialize Collection'],
} as const;

export function registerCommands(context: vscode.ExtensionContext, services: Services): void {
  const runner = new CommandRunner(services);
  const lint = new WorkspaceLint(services);
  const init = (args: InitCollectionArgs = {}) => initCollection(services, runner.prompter, args);
  const create = (args: NewDecisionArgs) => newDecision(services, runner.prompter, args, () => init());
  context.subscriptions.push(
    lint,
    runner.register(...COMMANDS.newDecision, (arg) => create(argsOf<NewDecisionArgs>(arg, 'collection'))),
    runner.register(...COMMANDS.newDecisionHere, (arg) => create(argsOf<NewDecisionArgs>(arg, 'collection'))),
    runner.register(...COMMANDS.changeStatus, (arg) => changeStatus(services, runner.prompter, argsOf<ChangeStatusArgs>(arg, 'record'))),
    runner.register(...COMMANDS.supersede, (arg) => supersedeRecord(services, runner.prompter, argsOf<SupersedeArgs>(arg, 'record'), create)),
    runner.register(...COMMANDS.link, (arg) => linkRecords(services, runner.prompter, argsOf<LinkArgs>(arg, 'source'))),
    runner.register(...COMMANDS.rename, (arg) => renameRecord(services, runner.prompter, argsOf<RenameArgs>(arg, 'record'))),
    runner.register(...COMMANDS.openDecision, (arg) => openDecision(services, runner.prompter, argsOf<OpenDecisionArgs>(arg, 'record'))),
    runner.register(...COMMANDS.regenerateIndex, (arg) => regenerateIndex(services, runner.prompter, argsOf<RegenerateIndexArgs>(arg, 'collection'))),
    runner.register(...COMMANDS.lint, () => lint.run()),
    runner.register(...COMMANDS.initCollection, (arg) => init(argsOf<InitCollectionArgs>(arg, 'workspaceFolder'))),
  );
}
