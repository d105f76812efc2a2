/**
 * The Architecture Review panel: a webview view in the bottom panel, on the webview host base
 * (strict CSP, nonce, ready handshake, validated messages). Findings reach the page as data in
 * typed messages, and it renders them as text.
 */
import * as vscode from 'vscode';
import { VIEWS } from '../../host/ids';
import { WebviewViewHost } from '../../host/webviewHost';
import { parseFromWebview, type FromWebview, type PanelState, type ToWebview } from '../../webviews/review/protocol';

export const REVIEW_VIEW_ID = VIEWS.review;

export class ReviewPanel extends WebviewViewHost<ToWebview, FromWebview> {
  private state: PanelState = { status: 'loading', findings: [] };

  constructor(extensionUri: vscode.Uri) {
    super(extensionUri, { title: vscode.l10n.t('Architecture Review'), script: 'review.js', style: 'review.css', parse: parseFromWebview, isReady: (m) => m.type === 'ready' });
  }

  get current(): PanelState {
    return this.state;
  }

  setState(state: PanelState): void {
    this.state = state;
    this.post({ type: 'state', state });
  }

  protected initialMessage(): ToWebview {
    return { type: 'state', state: this.state };
  }
}
