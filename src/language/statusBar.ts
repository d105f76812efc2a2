/** A status bar item on an open ADR showing its status; clicking it changes the status. */
import * as vscode from 'vscode';
import { Disposable } from '../platform/lifecycle';
import { STATUS_LABEL, statusDisplay } from '../views/grouping';
import type { DecisionWorkspace } from '../workspace/decisionWorkspace';
import type { AdrDocuments } from './adrDocuments';

export class AdrStatusBar extends Disposable {
  readonly item = this.register(vscode.window.createStatusBarItem('adrWorkbench.status', vscode.StatusBarAlignment.Left, 50));

  constructor(workspace: DecisionWorkspace, private readonly documents: AdrDocuments) {
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
    const open = doc && this.documents.get(doc);
    if (!open) {
      this.item.hide();
      return;
    }
    const r = open.record;
    this.item.text = `$(law) ${STATUS_LABEL[r.status]}`;
    this.item.tooltip = `Decision status: ${r.statusText ? statusDisplay(r) : 'none'} — click to change`;
    this.item.command = { command: 'adrWorkbench.changeStatus', title: 'Change Status', arguments: [doc.uri] };
    this.item.show();
  }
}
