/**
 * The shared kit every feature receives from the composition root: the decision workspace, the
 * documents service, file events, the command runner and prompter, edit sessions, the file system
 * and clock ports, the log. Built once, complete: nothing in it is filled in later.
 */
import type * as vscode from 'vscode';
import { systemClock, type Clock, type FileSystem } from '../core/ports';
import { ExtensionLog } from '../platform/log';
import { NodeGit } from '../platform/git';
import { NodeFileSystem } from '../platform/nodeFileSystem';
import { DecisionWorkspace } from './decisionWorkspace';
import { Documents } from './documents';
import { EditSession } from './editSession';
import { FileEvents } from './fileEvents';
import { RecordHistories } from './history';
import { CommandRunner, Prompts } from './runner';

export interface Host {
  readonly workspace: DecisionWorkspace;
  readonly documents: Documents;
  readonly files: FileEvents;
  readonly fs: FileSystem;
  readonly clock: Clock;
  readonly log: ExtensionLog;
  /** Who asks the user (tests put a scripted prompter in `prompts.override`). */
  readonly prompts: Prompts;
  readonly runner: CommandRunner;
  /** Records' history from git (nothing in Restricted Mode). */
  readonly history: RecordHistories;
  /** A new edit session: reads each file once, applies what is planned against it as one undoable step. */
  edits(): EditSession;
}

/** Creates the kit; its disposables go to `context`. Nothing starts until `start`. */
export function createHost(context: vscode.ExtensionContext): Host & { start(): void } {
  const log = new ExtensionLog();
  const fs = new NodeFileSystem();
  const files = new FileEvents();
  const workspace = new DecisionWorkspace(fs, log.for('index'), files);
  const documents = new Documents(workspace, fs);
  const prompts = new Prompts();
  const runner = new CommandRunner(log, prompts);
  const history = new RecordHistories(workspace, fs, files, new NodeGit(), log.for('history'));
  context.subscriptions.push(log, files, workspace, history);
  return {
    workspace, documents, files, fs, clock: systemClock, log, prompts, runner, history,
    edits: () => new EditSession(documents),
    start: () => {
      files.start();
      workspace.start();
    },
  };
}
