/**
 * Composition root: creates the shared services and lets each feature register itself. Activation
 * does no blocking work: indexing starts in the background and the views show its progress.
 */
import * as vscode from 'vscode';
import { systemClock } from './core/ports';
import { ExtensionLog } from './platform/log';
import { NodeFileSystem } from './platform/nodeFileSystem';
import { DecisionWorkspace } from './workspace/decisionWorkspace';
import { registerDecisionsView, VIEW_ID } from './views/decisionsTree';
import { registerLanguageFeatures } from './language';
import { registerCommands } from './commands';
import { registerReview } from './review';
import { registerCodeLinks } from './codelinks';
import type { Services } from './services';

export interface ExtensionApi {
  /** The shared model, for tests and other extensions. */
  readonly services: Services;
  /** Milliseconds from the start of `activate()`: to its return, and to the first full index. */
  readonly timings: { activate: number; indexReady?: number };
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const log = new ExtensionLog();
  const fs = new NodeFileSystem();
  const workspace = new DecisionWorkspace(fs, log.for('index'));
  context.subscriptions.push(log, workspace);
  const services: Services = { workspace, log, fs, clock: systemClock };

  const tree = registerDecisionsView(context, workspace);
  services.tree = tree;
  services.language = registerLanguageFeatures(context, services);
  registerCommands(context, services);
  services.review = registerReview(context, services);
  services.codeLinks = registerCodeLinks(context, services);

  workspace.start();
  void vscode.window.withProgress({ location: { viewId: VIEW_ID }, title: 'Indexing decision records' }, () => workspace.ready);
  const timings: { activate: number; indexReady?: number } = { activate: performance.now() - started };
  void workspace.ready.then(() => { timings.indexReady = performance.now() - started; });
  return { services, timings };
}

export function deactivate(): void {}
