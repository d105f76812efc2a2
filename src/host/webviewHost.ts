/**
 * The base of every webview view: a static page with a strict CSP (`default-src 'none'`, a fresh
 * nonce for the page's one script, styles and fonts from the extension only), a ready handshake
 * (state is posted once the page says it listens, and again whenever it reloads), messages from the
 * page validated before anyone sees them, and the disposables of each resolved view released with it.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { Disposable } from '../platform/lifecycle';

export interface WebviewPage<In> {
  /** The view's title in the page's `<title>`. */
  readonly title: string;
  /** The page's script and style, under `dist/webview` and `media`. */
  readonly script: string;
  readonly style: string;
  /** Validates a message from the page (the page is not trusted to send well-formed data). */
  readonly parse: (raw: unknown) => In | undefined;
  /** True for the message that says the page is ready to receive. */
  readonly isReady: (m: In) => boolean;
}

export abstract class WebviewViewHost<Out, In> extends Disposable implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;
  private viewDisposables: vscode.Disposable[] = [];
  private ready = false;
  private readonly messages = this.register(new vscode.EventEmitter<In>());
  /** Validated messages from the page. */
  readonly onMessage = this.messages.event;

  constructor(private readonly extensionUri: vscode.Uri, private readonly page: WebviewPage<In>) {
    super();
    this.register({ dispose: () => this.releaseView() });
  }

  /** What to post once the page is ready (and after each reload). */
  protected abstract initialMessage(): Out | undefined;

  resolveWebviewView(view: vscode.WebviewView): void {
    this.releaseView();
    this.view = view;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const scripts = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    view.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [media, scripts] };
    view.webview.html = pageHtml(view.webview, this.page.title, vscode.Uri.joinPath(scripts, this.page.script), vscode.Uri.joinPath(media, this.page.style));
    this.viewDisposables.push(
      view.webview.onDidReceiveMessage((raw: unknown) => {
        const m = this.page.parse(raw);
        if (m === undefined) return;
        if (this.page.isReady(m)) {
          this.ready = true;
          const first = this.initialMessage();
          if (first !== undefined) this.post(first);
        }
        this.messages.fire(m);
      }),
      view.onDidDispose(() => {
        if (this.view === view) this.releaseView();
      }),
    );
  }

  get isVisible(): boolean {
    return this.view?.visible ?? false;
  }

  /** Posts a message to the page, if it is there and ready (else the page asks when it is). */
  protected post(message: Out): void {
    if (!this.view || !this.ready) return;
    void this.view.webview.postMessage(message);
  }

  private releaseView(): void {
    for (const d of this.viewDisposables.splice(0)) d.dispose();
    this.view = undefined;
    this.ready = false;
  }
}

/** The page: no inline script or style, no content; a nonce'd script builds everything from data. */
export function pageHtml(webview: Pick<vscode.Webview, 'cspSource' | 'asWebviewUri'>, title: string, script: vscode.Uri, style: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${webview.asWebviewUri(style).toString()}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main id="root" aria-live="polite"></main>
<script nonce="${nonce}" src="${webview.asWebviewUri(script).toString()}"></script>
</body>
</html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An editor-tab page on the same template and handshake (`pageHtml`; state posted once the page says it is ready). */
export interface WebviewPanelPage<In> extends WebviewPage<In> {
  /** The panel's view type (`PANELS`). */
  readonly viewType: string;
  /** The tab's icon, under `media`. */
  readonly icon?: string;
}

/** A webview editor tab, shown on demand and revealed when open; messages from the page validated before anyone sees them. */
export class WebviewPanelHost<Out, In> extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private ready = false;
  private readonly messages = this.register(new vscode.EventEmitter<In>());
  private readonly closed = this.register(new vscode.EventEmitter<void>());
  /** Validated messages from the page (the ready message too: post the whole state then). */
  readonly onMessage = this.messages.event;
  readonly onDidClose = this.closed.event;

  constructor(private readonly extensionUri: vscode.Uri, private readonly page: WebviewPanelPage<In>) {
    super();
    this.register({ dispose: () => { this.panel?.dispose(); this.release(); } });
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  get isReady(): boolean {
    return this.ready;
  }

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
    const panel = vscode.window.createWebviewPanel(this.page.viewType, this.page.title, { viewColumn: column, preserveFocus: false }, {
      enableScripts: true, enableCommandUris: false, localResourceRoots: [media, scripts], retainContextWhenHidden: true,
    });
    if (this.page.icon) panel.iconPath = vscode.Uri.joinPath(media, this.page.icon);
    this.panel = panel;
    this.ready = false;
    panel.webview.html = pageHtml(panel.webview, this.page.title, vscode.Uri.joinPath(scripts, this.page.script), vscode.Uri.joinPath(media, this.page.style));
    this.panelDisposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const m = this.page.parse(raw);
        if (m === undefined) return;
        if (this.page.isReady(m)) this.ready = true;
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
  post(message: Out): void {
    if (!this.panel || !this.ready) return;
    void this.panel.webview.postMessage(message);
  }

  private release(): void {
    for (const d of this.panelDisposables.splice(0)) d.dispose();
    this.panel = undefined;
    this.ready = false;
  }
}
