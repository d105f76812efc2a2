/**
 * Code ↔ decision links in the editor: the `CodeLinks` service (a background code index per
 * workspace folder), CodeLens, hover, go to definition, find references, diagnostics with quick
 * fixes, the commands, the Decisions for This File view and the Governed code rows of the tree.
 */
import * as vscode from 'vscode';
import type { Host } from '../../host';
import type { NewDecision, NewDecisionArgs } from '../../host/contracts';
import { argsOf, isUriLike, type RecordRef } from '../../host/targets';
import { CodeLinks } from './codeLinks';
import { CodeLensController } from './codeLens';
import { findCodeReferences, linkSelection, openRecords, recordFromSelection, type LinkSelectionArgs } from './commands';
import { LinkDiagnostics } from './diagnostics';
import { FileDecisionsView } from './fileDecisionsView';
import { GovernedCodeNodes } from './governedCode';
import { AnchorDefinition, AnchorHover, DecisionReferences } from './navigation';
import { AnchorQuickFixes } from './quickFixes';

export { CodeLinks };

export interface CodeLinkFeatures {
  readonly links: CodeLinks;
  readonly lenses: CodeLensController;
  readonly diagnostics: LinkDiagnostics;
  readonly fileView: FileDecisionsView;
  /** The "Governed code" rows under each record of the Decisions tree (the composition root hangs them there). */
  readonly governedCode: GovernedCodeNodes;
}

/** What the code links need from other features, handed in by the composition root. */
export interface CodeLinkDeps {
  readonly newDecision: NewDecision;
}

/** Registers everything; the code indexes start scanning once the decision index is ready. */
export function registerCodeLinks(context: vscode.ExtensionContext, host: Host, deps: CodeLinkDeps): CodeLinkFeatures {
  const { workspace, documents, runner } = host;
  const links = new CodeLinks(workspace, host.fs, host.log.for('links'), host.files);
  const code: vscode.DocumentSelector = { scheme: 'file' };
  const lenses = new CodeLensController(links);
  const diagnostics = new LinkDiagnostics(links, workspace, documents);
  const fileView = new FileDecisionsView(links);
  const governedCode = new GovernedCodeNodes(links, workspace);
  context.subscriptions.push(
    links, lenses, diagnostics, fileView,
    vscode.languages.registerHoverProvider(code, new AnchorHover(links, documents, host.history)),
    vscode.languages.registerDefinitionProvider(code, new AnchorDefinition(links)),
    vscode.languages.registerReferenceProvider(code, new DecisionReferences(links, workspace, documents)),
    vscode.languages.registerCodeActionsProvider(code, new AnchorQuickFixes(links, diagnostics.publisher), { providedCodeActionKinds: AnchorQuickFixes.kinds }),
    runner.register('openRecords', (paths) => openRecords(workspace, runner.prompter, Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [])),
    runner.register('linkSelection', (arg) => linkSelection(workspace, links, runner.prompter, editorArgs<LinkSelectionArgs>(arg, 'record'))),
    runner.register('recordFromSelection', (arg) => recordFromSelection(deps.newDecision, editorArgs<NewDecisionArgs>(arg, 'title'))),
    runner.register('findCodeReferences', (arg) => findCodeReferences(workspace, links, runner.prompter, argsOf<{ record: RecordRef }>(arg, 'record').record)),
  );
  links.start();
  return { links, lenses, diagnostics, fileView, governedCode };
}

/** Editor menus pass the file's URI: these commands work on the active editor, so it means nothing. */
function editorArgs<A extends object>(arg: unknown, key: keyof A & string): Partial<A> {
  return isUriLike(arg) ? {} : argsOf<A>(arg, key);
}
