/**
 * "Governed code" under each record of the Decisions tree: the anchors that name it and the files
 * its globs match, so a decision's reach is visible at a glance. Built from `CodeLinks.refs`
 * (cached until something changes); nothing is read here.
 */
import * as vscode from 'vscode';
import type { LocatedAnchor } from '../../core/links';
import { relative } from '../../core/paths';
import { VIEW_ITEMS } from '../../host/ids';
import type { ContributedNode, RecordChildren, RecordNode, TreeNode } from '../../host/treeNodes';
import type { DecisionWorkspace } from '../../host/decisionWorkspace';
import type { CodeLinks } from './codeLinks';
import { anchorRange } from './present';

/** More rows than this under one record end with "… N more". */
const MAX_ROWS = 200;

export const GOVERNED_CONTEXT = VIEW_ITEMS.governedCode;

type Data =
  | { readonly type: 'group'; readonly anchors: number; readonly files: number }
  | { readonly type: 'anchor'; readonly path: string; readonly anchor: LocatedAnchor }
  | { readonly type: 'file'; readonly path: string }
  | { readonly type: 'more'; readonly count: number };

export class GovernedCodeNodes implements RecordChildren {
  readonly onDidChange: vscode.Event<void>;
  private readonly data = new WeakMap<ContributedNode, Data>();

  constructor(private readonly links: CodeLinks, private readonly workspace: DecisionWorkspace) {
    this.onDidChange = links.onDidChange;
  }

  nodes(parent: RecordNode): ContributedNode[] {
    const refs = this.links.refs(parent.record);
    if (!refs || (refs.anchors.length === 0 && refs.governedFiles.length === 0)) return [];
    const group: ContributedNode = {
      kind: 'contributed', id: `${parent.id}#code`, parent,
      children: () => {
        const rows: TreeNode[] = [];
        for (const u of refs.anchors) rows.push(this.node(`${group.id}/a:${u.path}:${u.anchor.span.start}`, group, { type: 'anchor', path: u.path, anchor: u.anchor }));
        for (const f of refs.governedFiles) rows.push(this.node(`${group.id}/f:${f}`, group, { type: 'file', path: f }));
        if (rows.length <= MAX_ROWS) return rows;
        return [...rows.slice(0, MAX_ROWS), this.node(`${group.id}/more`, group, { type: 'more', count: rows.length - MAX_ROWS })];
      },
    };
    this.data.set(group, { type: 'group', anchors: refs.anchors.length, files: refs.governedFiles.length });
    return [group];
  }

  private node(id: string, parent: TreeNode, data: Data): ContributedNode {
    const node: ContributedNode = { kind: 'contributed', id, parent, children: () => [] };
    this.data.set(node, data);
    return node;
  }

  treeItem(node: ContributedNode): vscode.TreeItem {
    const d = this.data.get(node);
    const item = new vscode.TreeItem('');
    item.id = node.id;
    item.contextValue = GOVERNED_CONTEXT;
    if (!d) return item;
    switch (d.type) {
      case 'group': {
        item.label = 'Governed code';
        item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
        item.description = [count(d.anchors, 'anchor'), count(d.files, 'governed file')].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon('code');
        break;
      }
      case 'anchor': {
        const uri = vscode.Uri.file(d.path);
        item.label = `${this.rel(d.path)}:${d.anchor.line + 1}`;
        item.description = d.anchor.text;
        item.resourceUri = uri;
        item.iconPath = new vscode.ThemeIcon('symbol-reference');
        item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri, { selection: anchorRange(d.anchor) }] };
        break;
      }
      case 'file': {
        const uri = vscode.Uri.file(d.path);
        item.label = this.rel(d.path);
        item.description = 'governed by glob';
        item.resourceUri = uri;
        item.iconPath = vscode.ThemeIcon.File;
        item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
        break;
      }
      case 'more':
        item.label = `… ${d.count} more`;
        item.description = 'ADR: Find Code References lists them all';
        break;
    }
    return item;
  }

  private rel(path: string): string {
    const f = this.workspace.folderOf(path);
    return f ? relative(f.root, path) : path;
  }
}

function count(n: number, what: string): string {
  return n === 0 ? '' : `${n} ${what}${n === 1 ? '' : 's'}`;
}
