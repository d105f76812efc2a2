/**
 * The authoring commands. Each is registered through the host's `CommandRunner` (errors → log and
 * a message with "Show Log"), asks through its prompter (quick input unless a test put a scripted
 * one there), and accepts a typed argument object, a Decisions tree node or a `Uri`, validated by
 * shape. Every command resolves with what it made or changed (a `Uri`, a summary), or undefined
 * when the user cancelled or it failed.
 */
import type * as vscode from 'vscode';
import type { Host } from '../../host';
import type { NewDecision, NewDecisionArgs } from '../../host/contracts';
import { argsOf } from '../../host/targets';
import { changeStatus, linkRecords, supersedeRecord, type ChangeStatusArgs, type LinkArgs, type SupersedeArgs } from './lifecycle';
import { initCollection, type InitCollectionArgs } from './initCollection';
import { WorkspaceLint } from './lint';
import { newDecision } from './newDecision';
import { openDecision, type OpenDecisionArgs } from './openDecision';
import { regenerateIndex, type RegenerateIndexArgs } from './regenerateIndex';
import { renameRecord, type RenameArgs } from './rename';

export type { ChangeStatusArgs, InitCollectionArgs, LinkArgs, NewDecisionArgs, OpenDecisionArgs, RegenerateIndexArgs, RenameArgs, SupersedeArgs };

export interface Authoring {
  /** New Decision, for other features (through the composition root). */
  readonly newDecision: NewDecision;
  /** Initialize Collection, for other features. */
  readonly initCollection: (args?: InitCollectionArgs) => Promise<vscode.Uri | undefined>;
  readonly lint: WorkspaceLint;
}

export function registerAuthoring(context: vscode.ExtensionContext, host: Host): Authoring {
  const { runner } = host;
  const lint = new WorkspaceLint(host);
  const init = (args: InitCollectionArgs = {}) => initCollection(host, runner.prompter, args);
  const create: NewDecision = (args, options) => newDecision(host, runner.prompter, args, () => init(), options);
  context.subscriptions.push(
    lint,
    runner.register('newDecision', (arg) => create(argsOf<NewDecisionArgs>(arg, 'collection'))),
    runner.register('newDecisionHere', (arg) => create(argsOf<NewDecisionArgs>(arg, 'collection'))),
    runner.register('changeStatus', (arg) => changeStatus(host, runner.prompter, argsOf<ChangeStatusArgs>(arg, 'record'))),
    runner.register('supersede', (arg) => supersedeRecord(host, runner.prompter, argsOf<SupersedeArgs>(arg, 'record'), create)),
    runner.register('link', (arg) => linkRecords(host, runner.prompter, argsOf<LinkArgs>(arg, 'source'))),
    runner.register('rename', (arg) => renameRecord(host, runner.prompter, argsOf<RenameArgs>(arg, 'record'))),
    runner.register('openDecision', (arg) => openDecision(host, runner.prompter, argsOf<OpenDecisionArgs>(arg, 'record'))),
    runner.register('regenerateIndex', (arg) => regenerateIndex(host, runner.prompter, argsOf<RegenerateIndexArgs>(arg, 'collection'))),
    runner.register('lint', () => lint.run()),
    runner.register('initCollection', (arg) => init(argsOf<InitCollectionArgs>(arg, 'workspaceFolder'))),
  );
  return {
    newDecision: (args, options) => runner.runCommand('newDecision', () => create(args, options)),
    initCollection: (args) => runner.runCommand('initCollection', () => init(args)),
    lint,
  };
}
