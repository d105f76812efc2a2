/**
 * The Architecture Review panel: a webview view in the bottom panel. The page is static HTML with a
 * strict CSP (`default-src 'none'`, a fresh nonce for our one script); findings reach it as data in
 * typed messages after it says it is ready, and it renders them as text.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { Disposable } from '../platform/lifecycle';
import { parseFromWebview, type FromWebview, type PanelState, type ToWebview } from '../webviews/review/protocol';

export const REVIEW_VIEW_ID = 'adrWorkbench.review';

export class ReviewPanel extends Disposable implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private state: PanelState = { status: 'loading', findings: [] };
  private readonly messages = this.register(new vscode.EventEmitter<FromWebview>());
  /** Validated messages from the page. */
  readonly onMessage = this.messages.event;

  constructor(private readonly extensionUri: vscode.Uri) {
    super();
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const scripts = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    view.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [media, scripts] };
    view.webview.html = html(view.webview, vscode.Uri.joinPath(scripts, 'review.js'), vscode.Uri.joinPath(media, 'review.css'));
    this.register(view.webview.onDidReceiveMessage((raw: unknown) => {
      const m = parseFromWebview(raw);
      if (!m) return;
      if (m.type === 'ready') {
        this.ready = true;
        this.post();
      }
      this.messages.fire(m);
    }));
    this.register(view.onDidDispose(() => {
      this.view = undefined;
      this.ready = false;
    }));
  }

  get current(): PanelState {
    return this.state;
  }

  get isVisible(): boolean {
    return this.view?.visible ?? false;
  }

  setState(state: PanelState): void {
    this.state = state;
    this.post();
  }

  private post(): void {
    if (!this.view || !this.ready) return; // the page asks for the state when it is ready
    const message: ToWebview = { type: 'state', state: this.state };
    void this.view.webview.postMessage(message);
  }
}

/** The page: no inline script or style, no content; a nonce'd script builds everything from data. */
export function html(webview: Pick<vscode.Webview, 'cspSource' | 'asWebviewUri'>, script: vscode.Uri, style: vscode.Uri): string {
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
<title>Architecture Review</title>
</head>
<body>
<main id="root" aria-live="polite"></main>
<script nonce="${nonce}" src="${webview.asWebviewUri(script).toString()}"></script>
</body>
</html>`;
}
