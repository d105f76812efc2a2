/** The review's status bar item: the count of undocumented changes; clicking it opens the panel. */
import * as vscode from 'vscode';
import { Disposable } from '../../platform/lifecycle';
import { STATUS_ITEMS, VIEWS } from '../../host/ids';
import type { PanelState } from '../../webviews/review/protocol';
import { statusSummary } from './viewModel';

export class ReviewStatusItem extends Disposable {
  readonly item = this.register(vscode.window.createStatusBarItem(STATUS_ITEMS.review, vscode.StatusBarAlignment.Left, 40));

  constructor() {
    super();
    this.item.name = 'Architecture Review';
    this.item.command = `${VIEWS.review}.focus`;
  }

  get text(): string {
    return this.item.text;
  }

  show(state: PanelState): void {
    const s = statusSummary(state);
    if (!s) {
      this.item.hide();
      return;
    }
    this.item.text = s.text;
    this.item.tooltip = s.tooltip;
    this.item.backgroundColor = s.warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }
}
