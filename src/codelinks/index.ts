/**
 * Code ↔ decision links in the editor: the `CodeLinks` service (a background code index per
 * workspace folder), CodeLens, hover, go to definition, find references, diagnostics with quick
 * fixes, the commands, the Decisions for This File view and the Governed code rows of the tree.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { CommandRunner } from '../commands/runner';
import { argsOf, isUriLike } from '../commands/targets';
import type { NewDecisionArgs } from '../commands/newDecision';
import type { RecordRef } from '../commands/targets';
import { CodeLinks } from './codeLinks';
import { CodeLensController } from './codeLens';
import { findCodeReferences, linkSelection, openRecords, recordFromSelection, type LinkSelectionArgs } from './commands';
import { LinkDiagnostics } from './diagnostics';
import { FileDecisionsView } from './fileDecisionsView';
import { GovernedCodeNodes } from './governedCode';
import { AnchorDefinition, AnchorHover, DecisionReferences } from './navigation';
import { OPEN_RECORDS } from './present';
import { AnchorQuickFixes } from './quickFixes';

export { CodeLinks };

export interface CodeLinkFeatures {
  readonly links: CodeLinks;
  readonly lenses: CodeLensController;
  readonly diagnostics: LinkDiagnostics;
  readonly fileView: FileDecisionsView;
}

export const CODE_LINK_COMMANDS = {
  linkSelection: ['adrWorkbench.linkSelection', 'Link Selection to Decision'],
  recordFromSelection: ['adrWorkbench.recordFromSelection', 'Record Decision from Selection'],
  findCodeReferences: ['adrWorkbench.findCodeReferences', 'Find Code References'],
  openRecords: [OPEN_RECORDS, 'Open Decision'],
} as const;

/** Registers everything; the code indexes start scanning once the decision index is ready. */
export function registerCodeLinks(context: vscode.ExtensionContext, services: Services): CodeLinkFeatures {
  const links = new CodeLinks(services.workspace, services.fs, services.log.for('links'));
  const code: vscode.DocumentSelector = { scheme: 'file' };
  const runner = new CommandRunner(services);
  const lenses = new CodeLensController(links);
  const diagnostics = new LinkDiagnostics(links, services.workspace, services.language?.documents);
  const fileView = new FileDecisionsView(links);
  const cmd = CODE_LINK_COMMANDS;
  context.subscriptions.push(
    links, lenses, diagnostics, fileView,
    vscode.languages.registerHoverProvider(code, new AnchorHover(links)),
    vscode.languages.registerDefinitionProvider(code, new AnchorDefinition(links)),
    vscode.languages.registerReferenceProvider(code, new DecisionReferences(links, services.workspace, services.language?.documents)),
    vscode.languages.registerCodeActionsProvider(code, new AnchorQuickFixes(links), { providedCodeActionKinds: AnchorQuickFixes.kinds }),
    runner.register(...cmd.openRecords, (paths) => openRecords(services, runner.prompter, Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [])),
    runner.register(...cmd.linkSelection, (arg) => linkSelection(services, links, runner.prompter, editorArgs<LinkSelectionArgs>(arg, 'record'))),
    runner.register(...cmd.recordFromSelection, (arg) => recordFromSelection(services, runner.prompter, editorArgs<NewDecisionArgs>(arg, 'title'))),
    runner.register(...cmd.findCodeReferences, (arg) => findCodeReferences(services, links, runner.prompter, argsOf<{ record: RecordRef }>(arg, 'record').record)),
  );
  if (services.tree) context.subscriptions.push(services.tree.setRecordChildren(new GovernedCodeNodes(links, services.workspace)));
  links.start();
  return { links, lenses, diagnostics, fileView };
}

/** Editor menus pass the file's URI: these commands work on the active editor, so it means nothing. */
function editorArgs<A extends object>(arg: unknown, key: keyof A & string): Partial<A> {
  return isUriLike(arg) ? {} : argsOf<A>(arg, key);
}
