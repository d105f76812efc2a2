/**
 * The Decisions view: records grouped by status, collection, tag or month, filterable, following
 * the active editor. Data comes from `DecisionWorkspace`; `grouping.ts` shapes it; this file only
 * turns nodes into TreeItems and wires the view's commands and context keys.
 */
import * as vscode from 'vscode';
import type { AdrRecord, Status } from '../../core/model';
import { STATUSES } from '../../core/model';
import { recordLabel, STATUS_LABEL, statusDisplay } from '../../core/presentation';
import { Disposable } from '../../platform/lifecycle';
import { escapeMarkdown, noIcons } from '../../platform/markdownText';
import type { Host } from '../../host';
import type { DecisionWorkspace } from '../../host/decisionWorkspace';
import type { Documents } from '../../host/documents';
import type { RecordHistories } from '../../host/history';
import { decidedOn, statusLine } from '../../host/historyText';
import { inlineMarkdown } from '../../host/markdown';
import { argsOf } from '../../host/targets';
import { registerHistory, showHistory, type ShowHistoryArgs } from './history';
import { CONTEXT_KEYS, STATE_KEYS, VIEW_ITEMS, VIEWS } from '../../host/ids';
import { readSettings } from '../../host/settings';
import { statusCodicon, statusIcon } from '../../host/statusIcons';
import type { RecordChildren, RootSections, TopGroup } from '../../host/treeNodes';
import { asFilter, asGroupBy, buildTree, childrenOf, hasSuperseded, matches, type Filter, type GroupBy, type GroupNode, type RecordNode, type TreeNode } from './grouping';

export const VIEW_ID = VIEWS.decisions;
export type { RecordChildren } from '../../host/treeNodes';

export class DecisionsTree extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = this.register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<TreeNode>;
  private filter: Filter = {};
  private roots: TreeNode[] = [];
  private dirty = true;
  private contributor: RecordChildren | undefined;
  private sections: RootSections | undefined;
  private top: TopGroup | undefined;
  private topNode: GroupNode | undefined;

  constructor(private readonly workspace: DecisionWorkspace, private readonly documents: Documents, private readonly state: vscode.Memento, private readonly history: RecordHistories) {
    super();
    // Group by month takes the month from history for records without a date.
    this.register(history.onDidChange(() => { if (this.groupBy === 'month') this.refresh(); }));
    this.view = this.register(vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true }));
    this.register(workspace.onDidChange(() => this.refresh()));
    this.register(vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e && this.view.visible) void this.reveal(e.document.uri, false);
    }));
    this.refresh();
  }

  get groupBy(): GroupBy {
    return this.state.get<GroupBy>(STATE_KEYS.groupBy) ?? readSettings().groupBy;
  }

  async setGroupBy(g: GroupBy): Promise<void> {
    await this.state.update(STATE_KEYS.groupBy, g);
    this.refresh();
  }

  get currentFilter(): Filter {
    return this.filter;
  }

  setFilter(filter: Filter): void {
    this.filter = filter;
    this.refresh();
  }

  refresh(): void {
    this.dirty = true;
    this.changed.fire(undefined);
    this.updateContext();
  }

  /** Adds another feature's nodes under each record. */
  setRecordChildren(contributor: RecordChildren): vscode.Disposable {
    this.contributor = contributor;
    const sub = contributor.onDidChange(() => this.refresh());
    this.refresh();
    return { dispose: () => { sub.dispose(); if (this.contributor === contributor) this.contributor = undefined; } };
  }

  /** Adds another feature's rows after the collections (the catalogues). */
  setRootSections(sections: RootSections): vscode.Disposable {
    this.sections = sections;
    const sub = sections.onDidChange(() => this.refresh());
    this.refresh();
    return { dispose: () => { sub.dispose(); if (this.sections === sections) this.sections = undefined; } };
  }

  /** Puts another feature's group at the top of the tree (Needs attention), shown while it has rows. */
  setTopGroup(group: TopGroup): vscode.Disposable {
    this.top = group;
    const sub = group.onDidChange(() => this.refresh());
    this.refresh();
    return { dispose: () => { sub.dispose(); if (this.top === group) this.top = undefined; this.refresh(); } };
  }

  /** Reveals (expands, selects and focuses) the group at the top; false when it is not shown. */
  async revealTopGroup(): Promise<boolean> {
    this.rebuild();
    if (!this.topNode) return false;
    await this.view.reveal(this.topNode, { select: true, focus: true, expand: true });
    return true;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node?.kind === 'record' && node.top) return [];
    if (node?.kind === 'record' && this.contributor) return [...this.contributor.nodes(node), ...childrenOf(node)];
    if (node) return childrenOf(node);
    this.rebuild();
    const sections = this.sections?.roots() ?? [];
    return sections.length ? [...this.roots, ...sections] : this.roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind === 'contributed') return this.contributor?.treeItem(node) ?? new vscode.TreeItem(node.id);
    if (node.kind === 'section') return this.sections?.treeItem(node) ?? new vscode.TreeItem(node.id);
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = String(node.count);
      item.contextValue = node.collection ? VIEW_ITEMS.collection : VIEW_ITEMS.group;
      if (node.collection) item.resourceUri = vscode.Uri.file(node.collection.path);
      item.iconPath = groupIcon(node.groupKind, node.key);
      if (node.groupKind === 'top') item.accessibilityInformation = { label: `${node.label} ${node.count}` };
      if (node.groupKind === 'status') item.collapsibleState = node.key === 'superseded' || node.key === 'rejected' || node.key === 'deprecated'
        ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
      return item;
    }
    const r = node.record;
    const index = this.workspace.locate(r.path)?.index;
    const nested = !node.top && ((index ? hasSuperseded(index, r) : false) || (this.contributor?.nodes(node).length ?? 0) > 0);
    const item = new vscode.TreeItem(noIcons(recordLabel(r)), nested ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.resourceUri = vscode.Uri.file(r.path);
    item.description = [r.date, r.deciders.slice(0, 3).join(', ')].filter(Boolean).join(' · ');
    const broken = r.problems.some((p) => p.severity !== 'info');
    item.iconPath = broken ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : statusIcon(r.status);
    item.contextValue = `${VIEW_ITEMS.record}.${r.status}${this.top?.contextOf(r.path) ?? ''}`;
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Decision'), arguments: [vscode.Uri.file(r.path)] };
    item.accessibilityInformation = { label: `${noIcons(recordLabel(r))}, ${STATUS_LABEL[r.status]}${r.date ? `, ${r.date}` : ''}` };
    if (node.top) {
      // Read as "<group>: <record>, <why>", so that it is told apart from the record's row in its group.
      item.description = node.top.description;
      item.iconPath = node.top.color ? new vscode.ThemeIcon(node.top.icon, new vscode.ThemeColor(node.top.color)) : new vscode.ThemeIcon(node.top.icon);
      item.accessibilityInformation = { label: `${this.top?.label ?? ''}: ${noIcons(recordLabel(r))}, ${node.top.accessibility}` };
    }
    return item;
  }

  /** The tooltip reads the record's first lines only when the user hovers. */
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode): Promise<vscode.TreeItem> {
    if (node.kind === 'section') {
      item.tooltip ??= this.sections?.tooltip?.(node);
      return item;
    }
    if (node.kind !== 'record') return item;
    item.tooltip = await recordTooltip(this.documents, node.record, this.history, node.top?.tooltip);
    return item;
  }

  /** Selects the node of a record (the first place it appears). */
  async reveal(uri: vscode.Uri, focus: boolean): Promise<boolean> {
    const located = this.workspace.locate(uri);
    if (!located) return false;
    const node = this.findNode(located.record.path);
    if (!node) return false;
    await this.view.reveal(node, { select: true, focus, expand: true });
    return true;
  }

  private findNode(path: string): TreeNode | undefined {
    // The record's place in its group first; its row at the top only when it is nowhere else (filtered).
    const roots = this.getChildren();
    const stack = [...roots.filter((n) => n !== this.topNode), ...roots.filter((n) => n === this.topNode)];
    while (stack.length) {
      const n = stack.shift()!;
      if (n.kind === 'record' && n.record.path === path) return n;
      if (n.kind === 'group') stack.push(...n.children());
    }
    return undefined;
  }

  private rebuild(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const byMonth = this.groupBy === 'month' && this.history.available;
    const folders = this.workspace.all().map((f) => {
      if (byMonth) this.history.ensure(f.root);
      return { name: f.folder.name, root: f.root, index: f.index, ...(byMonth ? { decidedOn: (r: AdrRecord) => decidedOn(this.history.peek(r.path)) } : {}) };
    });
    const { roots, shown, total } = buildTree(folders, this.groupBy, this.filter);
    this.topNode = this.topGroupNode();
    this.roots = this.topNode ? [this.topNode, ...roots] : roots;
    const parts: string[] = [];
    if (this.workspace.isIndexing) parts.push('Indexing decision records…');
    if (this.filter.text || this.filter.statuses?.length) {
      const what = [this.filter.text ? `"${this.filter.text}"` : '', ...(this.filter.statuses ?? []).map((s) => STATUS_LABEL[s])].filter(Boolean).join(' · ');
      parts.push(`Filter: ${what} — ${shown} of ${total}`);
    }
    this.view.message = parts.join('  ') || undefined;
    this.view.description = total > 0 ? `${total}` : undefined;
  }

  /** The group at the top with the rows that pass the filter, or undefined when none does. */
  private topGroupNode(): GroupNode | undefined {
    const top = this.top;
    if (!top) return undefined;
    const rows: { row: ReturnType<TopGroup['rows']>[number]; record: AdrRecord }[] = [];
    for (const row of top.rows()) {
      const record = this.workspace.locate(row.path)?.record;
      if (record && matches(record, this.filter)) rows.push({ row, record });
    }
    if (rows.length === 0) return undefined;
    const node: GroupNode = {
      kind: 'group', id: 'top', label: top.label, groupKind: 'top', key: 'top', parent: undefined, count: rows.length,
      children: () => rows.map(({ row, record }): RecordNode => ({ kind: 'record', id: `top/${record.path}`, record, parent: node, superseded: () => [], top: row })),
    };
    return node;
  }

  private updateContext(): void {
    const set = (key: string, value: unknown) => void vscode.commands.executeCommand('setContext', key, value);
    set(CONTEXT_KEYS.filtered, !!(this.filter.text || this.filter.statuses?.length));
    set(CONTEXT_KEYS.hasCollections, this.workspace.collections().length > 0);
    set(CONTEXT_KEYS.ready, !this.workspace.isIndexing);
    set(CONTEXT_KEYS.recordPaths, this.workspace.records().map((r) => r.path));
    set(CONTEXT_KEYS.collectionFolders, this.workspace.collections().map((c) => c.collection.path));
  }
}

function groupIcon(kind: GroupBy | 'folder' | 'top', key: string): vscode.ThemeIcon {
  switch (kind) {
    case 'status': {
      return statusIcon(key as Status);
    }
    case 'collection': return new vscode.ThemeIcon('library');
    case 'tag': return new vscode.ThemeIcon('tag');
    case 'month': return new vscode.ThemeIcon('calendar');
    case 'folder': return new vscode.ThemeIcon('root-folder');
    case 'top': return new vscode.ThemeIcon('bell');
  }
}

async function recordTooltip(documents: Documents, r: AdrRecord, history: RecordHistories, why?: string): Promise<vscode.MarkdownString> {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${inlineMarkdown(recordLabel(r))}**\n\n`);
  if (why) md.appendMarkdown(`$(bell) ${escapeMarkdown(why)}\n\n`);
  md.appendMarkdown(`$(${statusCodicon(r.status)}) ${escapeMarkdown(statusDisplay(r))}`);
  if (r.date) md.appendMarkdown(` · ${r.date}`);
  if (r.deciders.length) md.appendMarkdown(` · ${escapeMarkdown(r.deciders.join(', '))}`);
  md.appendMarkdown('\n\n');
  const h = await history.within(r.path, 1500);
  const line = h && statusLine(h);
  if (line) md.appendMarkdown(`$(history) ${escapeMarkdown(line)}\n\n`);
  const problems = r.problems.filter((p) => p.severity !== 'info');
  for (const p of problems) md.appendMarkdown(`$(warning) ${escapeMarkdown(p.message)}\n\n`);
  const excerpt = await decisionExcerpt(documents, r);
  if (excerpt) md.appendMarkdown(excerpt.split('\n').map(inlineMarkdown).join('  \n'));
  return md;
}

/** The first lines of the Decision section (or of the body), as plain text. */
async function decisionExcerpt(documents: Documents, r: AdrRecord): Promise<string> {
  try {
    const { text } = await documents.text(r.path);
    const section = r.sections.find((s) => /^decision(?: outcome)?$/i.test(s.heading.trim())) ?? r.sections.find((s) => /^context/i.test(s.heading.trim()));
    const body = section ? text.slice(section.bodySpan.start, section.bodySpan.end) : text.slice(r.frontMatter?.span.end ?? 0);
    const lines = body.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && !l.startsWith('<!--'));
    const out = lines.slice(0, 4).join('\n');
    return out.length > 400 ? `${out.slice(0, 400)}…` : out;
  } catch {
    return '';
  }
}

/** Registers the Decisions view and its toolbar commands. */
export function registerDecisionsView(context: vscode.ExtensionContext, host: Host): DecisionsTree {
  const { workspace, runner } = host;
  const tree = new DecisionsTree(workspace, host.documents, context.workspaceState, host.history);
  context.subscriptions.push(
    tree,
    runner.register('treeRefresh', () => workspace.refresh()),
    // Toolbar and palette invocations pass whatever VS Code has at hand (nothing, a tree node, a URI):
    // an argument is an option only when it has the option's shape.
    runner.register('treeGroupBy', async (arg?: unknown) => {
      const choice = asGroupBy(arg);
      const options: { label: string; value: GroupBy }[] = [
        { label: 'Status', value: 'status' }, { label: 'Collection', value: 'collection' }, { label: 'Tag', value: 'tag' }, { label: 'Month', value: 'month' },
      ];
      const picked = choice ?? (await vscode.window.showQuickPick(options.map((o) => ({ ...o, description: o.value === tree.groupBy ? vscode.l10n.t('current') : undefined })), { title: vscode.l10n.t('Group Decisions By') }))?.value;
      if (picked) await tree.setGroupBy(picked);
    }),
    runner.register('treeFilter', async (arg?: unknown) => {
      const preset = asFilter(arg);
      if (preset) return tree.setFilter(preset);
      const text = await vscode.window.showInputBox({ title: vscode.l10n.t('Filter Decisions (1/2)'), prompt: vscode.l10n.t('Text in the number, title, tags or deciders (empty: any)'), value: tree.currentFilter.text ?? '' });
      if (text === undefined) return undefined;
      const picks = await vscode.window.showQuickPick(
        STATUSES.map((s) => ({ label: STATUS_LABEL[s], value: s, picked: tree.currentFilter.statuses?.includes(s) ?? false })),
        { title: vscode.l10n.t('Filter Decisions (2/2): statuses (none: any)'), canPickMany: true },
      );
      if (picks === undefined) return undefined;
      return tree.setFilter({ text, statuses: picks.map((p) => p.value) });
    }),
    runner.register('treeClearFilter', () => tree.setFilter({})),
    ...registerHistory(host),
    runner.register('showHistory', (arg) => showHistory(host, runner.prompter, argsOf<ShowHistoryArgs>(arg, 'record'))),
    runner.register('treeRevealActive', async () => {
      const uri = vscode.window.activeTextEditor?.document.uri;
      if (!uri || !(await tree.reveal(uri, true))) void vscode.window.showInformationMessage(vscode.l10n.t('The active editor is not a decision record.'));
    }),
  );
  return tree;
}
