/** Language features in ADR documents: diagnostics and quick fixes, completion, hover, links, status. */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { ADR_SELECTOR, AdrDocuments } from './adrDocuments';
import { AdrDiagnostics } from './diagnostics';
import { AdrQuickFixes } from './quickFixes';
import { AdrCompletion, AdrDefinition, AdrDocumentLinks, AdrHover } from './navigation';
import { AdrStatusBar } from './statusBar';

export interface LanguageFeatures {
  readonly documents: AdrDocuments;
  readonly diagnostics: AdrDiagnostics;
  readonly statusBar: AdrStatusBar;
}

export function registerLanguageFeatures(context: vscode.ExtensionContext, services: Services): LanguageFeatures {
  const documents = new AdrDocuments(services.workspace);
  const diagnostics = new AdrDiagnostics(services.workspace, documents);
  const statusBar = new AdrStatusBar(services.workspace, documents);
  context.subscriptions.push(
    diagnostics,
    statusBar,
    vscode.languages.registerCodeActionsProvider(ADR_SELECTOR, new AdrQuickFixes(documents), { providedCodeActionKinds: AdrQuickFixes.kinds }),
    vscode.languages.registerCompletionItemProvider(ADR_SELECTOR, new AdrCompletion(documents), ...AdrCompletion.triggers),
    vscode.languages.registerHoverProvider(ADR_SELECTOR, new AdrHover(documents)),
    vscode.languages.registerDefinitionProvider(ADR_SELECTOR, new AdrDefinition(documents)),
    vscode.languages.registerDocumentLinkProvider(ADR_SELECTOR, new AdrDocumentLinks(documents)),
  );
  return { documents, diagnostics, statusBar };
}
