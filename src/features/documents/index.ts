/** ADR documents in the editor: live lint and quick fixes, completion, hover, links, the status item. */
import * as vscode from 'vscode';
import type { Host } from '../../host';
import { ADR_SELECTOR } from '../../host/documents';
import { AdrDiagnostics } from './diagnostics';
import { AdrQuickFixes } from './quickFixes';
import { AdrCompletion, AdrDefinition, AdrDocumentLinks, AdrHover } from './navigation';
import { AdrStatusBar } from './statusBar';

export interface LanguageFeatures {
  readonly diagnostics: AdrDiagnostics;
  readonly statusBar: AdrStatusBar;
}

export function registerLanguageFeatures(context: vscode.ExtensionContext, host: Host): LanguageFeatures {
  const { documents, workspace } = host;
  const diagnostics = new AdrDiagnostics(workspace, documents);
  const statusBar = new AdrStatusBar(workspace, documents);
  context.subscriptions.push(
    diagnostics,
    statusBar,
    vscode.languages.registerCodeActionsProvider(ADR_SELECTOR, new AdrQuickFixes(documents, diagnostics.publisher), { providedCodeActionKinds: AdrQuickFixes.kinds }),
    vscode.languages.registerCompletionItemProvider(ADR_SELECTOR, new AdrCompletion(documents), ...AdrCompletion.triggers),
    vscode.languages.registerHoverProvider(ADR_SELECTOR, new AdrHover(documents, host.history)),
    vscode.languages.registerDefinitionProvider(ADR_SELECTOR, new AdrDefinition(documents)),
    vscode.languages.registerDocumentLinkProvider(ADR_SELECTOR, new AdrDocumentLinks(documents)),
  );
  return { diagnostics, statusBar };
}
