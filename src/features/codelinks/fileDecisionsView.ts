/**
 * The Decisions for This File view: follows the active editor and lists the decisions that govern
 * its file, by glob and by anchor (records not in force are listed too, marked), then anchors that
 * name no record or several. Clicking a decision opens it; clicking a problem goes to the anchor.
 */
import * as vscode from 'vscode';
import type { AnchorUse, ExplainedRecord } from '../../core/links';
import { basename } from '../../core/paths';
import { Disposable } from '../../platform/lifecycle';
import { statusDisplay } from '../../core/presentation';
import { VIEW_ITEMS, VIEWS } from '../../host/ids';
import type { CodeLinks } from './codeLinks';
import { anchorRange, OPEN_RECORDS, shortLabel, statusIcon, statusWord } from './present';

export const FILE_VIEW_ID = VIEWS.fileDecisions;
const REFRESH_MS = 250;

type Item = { readonly kind: 'record'; readonly e: ExplainedRecord } | { readonly kind: 'problem'; readonly u: AnchorUse };

export class FileDecisionsView extends Disposable implements vscode.TreeDataProvider<Item> {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Item>;
  private items: Item[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly links: CodeLinks) {
    super();
    this.view = this.register(vscode.window.createTreeView(FILE_VIEW_ID, { treeDataProvider: this }));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.refresh(0)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) this.refresh();
    }));
    this.register(links.onDidChange(() => this.refresh()));
    this.register(this.view.onDidChangeVisibility(() => this.refresh(0)));
    this.register({ dispose: () => clearTimeout(this.timer) });
    this.update();
  }

  /** The rows now shown (for tests). */
  get current(): readonly Item[] {
    return this.items;
  }

  private refresh(delay = REFRESH_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), delay);
  }

  /** Recomputes the rows from the active editor (cheap: `explain` is cached per document version). */
  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const e = doc ? this.links.explain(doc) : undefined;
    this.items = e ? [
      ...e.records.map((r): Item => ({ kind: 'record', e: r })),
      ...e.anchors.filter((u) => u.resolution.kind === 'unknown' || u.resolution.kind === 'ambiguous').map((u): Item => ({ kind: 'problem', u })),
    ] : [];
    this.view.description = doc && doc.uri.scheme === 'file' ? basename(doc.uri.path) : undefined;
    this.view.message = !doc ? 'Open a file to see the decisions that govern it.'
      : !e ? 'Decisions govern code files: this one is a record, or outside the workspace.'
      : this.items.length === 0 ? 'No decision governs this file or is named in it.' : undefined;
    this.changed.fire();
  }

  getChildren(item?: Item): Item[] {
    return item ? [] : this.items;
  }

  getTreeItem(item: Item): vscode.TreeItem {
    if (item.kind === 'problem') {
      const { u } = item;
      const t = new vscode.TreeItem(u.anchor.text);
      t.description = u.resolution.kind === 'ambiguous' ? 'names several decisions' : 'names no decision';
      if (u.resolution.kind !== 'resolved' && u.resolution.kind !== 'none') t.tooltip = u.resolution.message;
      t.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      t.command = { command: 'vscode.open', title: vscode.l10n.t('Go to Anchor'), arguments: [vscode.Uri.file(u.path), { selection: anchorRange(u.anchor) }] };
      return t;
    }
    const { record, inForce, patterns, anchors } = item.e;
    const t = new vscode.TreeItem(shortLabel(record));
    const why = [...patterns.map((p) => vscode.l10n.t('glob {0}', p)), ...anchors.map((a) => vscode.l10n.t('line {0}', a.line + 1))];
    t.description = [statusWord(record), ...why, ...(inForce ? [] : [vscode.l10n.t('not in force')])].join(' · ');
    t.tooltip = `${shortLabel(record)}\n${statusDisplay(record)}${record.date ? ` · ${record.date}` : ''}\n${why.join('\n')}`;
    t.iconPath = statusIcon(record.status);
    t.resourceUri = vscode.Uri.file(record.path);
    t.contextValue = `${VIEW_ITEMS.record}.${record.status}`;
    t.command = { command: OPEN_RECORDS, title: vscode.l10n.t('Open Decision'), arguments: [[record.path]] };
    return t;
  }
}
