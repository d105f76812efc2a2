/**
 * Composition root: builds the host kit (`src/host`), registers each feature (`src/features/*`)
 * with the dependencies it needs, handed in explicitly, and wires what one feature offers another:
 * New Decision (authoring) for the code links and the review, the code links' "Governed code"
 * rows under each record of the Decisions tree, the catalogues after the collections. Activation
 * does no blocking work: indexing starts in the background and the views show its progress.
 */
import * as vscode from 'vscode';
import { createHost, type Host } from './host';
import type { Prompter } from './host/prompter';
import { registerAgents, type AgentsFeature } from './features/agents';
import { registerAuthoring, type Authoring } from './features/authoring';
import { registerCatalogs, type CatalogFeature } from './features/catalog';
import { registerCodeLinks, type CodeLinkFeatures } from './features/codelinks';
import { registerDecisionsView, VIEW_ID, type DecisionsTree } from './features/decisions';
import { registerGraph, type GraphFeature } from './features/graph';
import { registerLanguageFeatures, type LanguageFeatures } from './features/documents';
import { registerReview, type ReviewFeature } from './features/review';
import { registerSignoff, type SignoffFeature } from './features/signoff';

/** The features, as registered: for tests, the benchmark and other extensions. */
export interface Features {
  readonly workspace: Host['workspace'];
  readonly documents: Host['documents'];
  readonly log: Host['log'];
  readonly fs: Host['fs'];
  readonly clock: Host['clock'];
  readonly tree: DecisionsTree;
  readonly language: LanguageFeatures;
  readonly authoring: Authoring;
  readonly review: ReviewFeature;
  readonly codeLinks: CodeLinkFeatures;
  readonly graph: GraphFeature;
  readonly agents: AgentsFeature;
  readonly catalogs: CatalogFeature;
  readonly signoff: SignoffFeature;
  /** Who asks the user; tests put a scripted prompter here (undefined: quick input). */
  prompter: Prompter | undefined;
}

export interface ExtensionApi {
  /** The shared model and the features, for tests and other extensions. */
  readonly services: Features;
  /** Milliseconds from the start of `activate()`: to its return, and to the first full index. */
  readonly timings: { activate: number; indexReady?: number };
  /** The extension's log folder (`context.logUri`), inside the extension host's: for tests. */
  readonly logUri: vscode.Uri;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const host = createHost(context);

  const tree = registerDecisionsView(context, host);
  const language = registerLanguageFeatures(context, host);
  const authoring = registerAuthoring(context, host);
  const signoff = registerSignoff(context, host, { revealTopGroup: () => tree.revealTopGroup() });
  context.subscriptions.push(tree.setTopGroup(signoff.needsAttention));
  const review = registerReview(context, host, { newDecision: authoring.newDecision });
  const codeLinks = registerCodeLinks(context, host, { newDecision: authoring.newDecision });
  context.subscriptions.push(tree.setRecordChildren(codeLinks.governedCode));
  const graph = registerGraph(context, host, { revealInDecisions: (uri) => tree.reveal(uri, true) });
  const agents = registerAgents(context, host);
  const catalogs = registerCatalogs(context, host);
  context.subscriptions.push(tree.setRootSections(catalogs.catalogs));

  host.start();
  const { workspace } = host;
  void vscode.window.withProgress({ location: { viewId: VIEW_ID }, title: vscode.l10n.t('Indexing decision records') }, () => workspace.ready);
  const timings: { activate: number; indexReady?: number } = { activate: performance.now() - started };
  void workspace.ready.then(() => { timings.indexReady = performance.now() - started; });
  const services: Features = {
    workspace, documents: host.documents, log: host.log, fs: host.fs, clock: host.clock,
    tree, language, authoring, review, codeLinks, graph, agents, catalogs, signoff,
    get prompter() { return host.prompts.override; },
    set prompter(p) { host.prompts.override = p; },
  };
  return { services, timings, logUri: context.logUri };
}

export function deactivate(): void {}
