/**
 * The Decision Graph's editor tab: one webview panel on the shared page template (`pageHtml`:
 * CSP `default-src 'none'`, a nonce for the page's one script, styles from the extension only), the
 * same ready handshake as the webview views (state is posted once the page says it listens, and
 * again after a reload), messages from the page validated before anyone sees them.
 */
import * as vscode from 'vscode';
import { PANELS } from '../../host/ids';
import { pageHtml } from '../../host/webviewHost';
import { Disposable } from '../../platform/lifecycle';
import { parseFromWebview, type FromWebview, type ToWebview } from '../../webviews/graph/protocol';

export class GraphPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private ready = false;
  private readonly messages = this.register(new vscode.EventEmitter<FromWebview>());
  private readonly readyEmitter = this.register(new vscode.EventEmitter<void>());
  private readonly closed = this.register(new vscode.EventEmitter<void>());
  /** Validated messages from the page. */
  readonly onMessage = this.messages.event;
  /** The page is (again) ready: post the whole state. */
  readonly onReady = this.readyEmitter.event;
  readonly onDidClose = this.closed.event;

  constructor(private readonly extensionUri: vscode.Uri) {
    super();
    this.register({ dispose: () => { this.panel?.dispose(); this.release(); } });
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** The column the panel is in (to open records beside it). */
  get column(): vscode.ViewColumn | undefined {
    return this.panel?.viewColumn;
  }

  /** Shows the panel, creating it when needed, in `column`. */
  show(column: vscode.ViewColumn): void {
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn ?? column, false);
      return;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const scripts = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel(PANELS.graph, 'Decision Graph', { viewColumn: column, preserveFocus: false }, {
      enableScripts: true, enableCommandUris: false, localResourceRoots: [media, scripts], retainContextWhenHidden: true,
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'decisions.svg');
    this.panel = panel;
    this.ready = false;
    panel.webview.html = pageHtml(panel.webview, 'Decision Graph', vscode.Uri.joinPath(scripts, 'graph.js'), vscode.Uri.joinPath(media, 'graph.css'));
    this.panelDisposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const m = parseFromWebview(raw);
        if (m === undefined) return;
        if (m.type === 'ready') {
          this.ready = true;
          this.readyEmitter.fire();
        }
        this.messages.fire(m);
      }),
      panel.onDidDispose(() => {
        if (this.panel === panel) {
          this.release();
          this.closed.fire();
        }
      }),
    );
  }

  /** Posts a message to the page, if it is there and ready (else the page asks when it is). */
  post(message: ToWebview): void {
    if (!this.panel || !this.ready) return;
    void this.panel.webview.postMessage(message);
  }

  private release(): void {
    for (const d of this.panelDisposables.splice(0)) d.dispose();
    this.panel = undefined;
    this.ready = false;
  }
}
