/** A status bar item on an open ADR showing its status; clicking it changes the status. */
import * as vscode from 'vscode';
import { Disposable } from '../../platform/lifecycle';
import { statusDisplay, statusWord } from '../../core/presentation';
import type { DecisionWorkspace } from '../../host/decisionWorkspace';
import type { Documents } from '../../host/documents';
import { COMMANDS, STATUS_ITEMS } from '../../host/ids';

export class AdrStatusBar extends Disposable {
  readonly item = this.register(vscode.window.createStatusBarItem(STATUS_ITEMS.recordStatus, vscode.StatusBarAlignment.Left, 50));

  constructor(workspace: DecisionWorkspace, private readonly documents: Documents) {
    super();
    this.item.name = 'ADR Status';
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) this.update();
    }));
    this.register(workspace.onDidChange(() => this.update()));
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const open = doc && this.documents.record(doc);
    if (!open) {
      this.item.hide();
      return;
    }
    const r = open.record;
    this.item.text = `$(law) ${statusWord(r)}`;
    this.item.tooltip = vscode.l10n.t('Decision status: {0} — click to change', r.statusText ? statusDisplay(r) : vscode.l10n.t('none'));
    this.item.command = { command: COMMANDS.changeStatus[0], title: COMMANDS.changeStatus[1], arguments: [doc.uri] };
    this.item.show();
  }
}
