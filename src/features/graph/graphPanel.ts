/**
 * The Decision Graph's editor tab: the shared panel host (`WebviewPanelHost`: the page template with
 * CSP `default-src 'none'` and a nonce for the page's one script, the ready handshake — state posted
 * once the page says it listens, and again after a reload — and messages validated before anyone
 * sees them), with an event for the page's (re)load.
 */
import * as vscode from 'vscode';
import { PANELS } from '../../host/ids';
import { WebviewPanelHost } from '../../host/webviewHost';
import { parseFromWebview, type FromWebview, type ToWebview } from '../../webviews/graph/protocol';

export class GraphPanel extends WebviewPanelHost<ToWebview, FromWebview> {
  private readonly readyEmitter = this.register(new vscode.EventEmitter<void>());
  /** The page is (again) ready: post the whole state. */
  readonly onReady = this.readyEmitter.event;

  constructor(extensionUri: vscode.Uri) {
    super(extensionUri, {
      viewType: PANELS.graph, title: vscode.l10n.t('Decision Graph'), script: 'graph.js', style: 'graph.css', icon: 'decisions.svg',
      parse: parseFromWebview, isReady: (m) => m.type === 'ready',
    });
    this.register(this.onMessage((m) => { if (m.type === 'ready') this.readyEmitter.fire(); }));
  }
}
