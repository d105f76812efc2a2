/**
 * The Decisions tree's nodes, and how another feature hangs its own nodes under each record (the
 * code links' "Governed code"): the contract between the tree and its contributors. The
 * composition root connects them; neither imports the other.
 */
import type * as vscode from 'vscode';
import type { AdrRecord, Collection } from '../core/model';
import type { GroupBy } from './settings';

export interface RecordNode {
  readonly kind: 'record';
  readonly id: string;
  readonly record: AdrRecord;
  readonly parent: TreeNode | undefined;
  /** Records this one supersedes (nested), computed when asked. */
  readonly superseded: () => RecordNode[];
  /** Set on the rows of a group another feature puts at the top (Needs attention): that row's line. */
  readonly top?: TopRow;
}

export interface GroupNode {
  readonly kind: 'group';
  readonly id: string;
  readonly label: string;
  /** What the group is of, for icons: a status, a collection, a tag or a month. */
  readonly groupKind: GroupBy | 'folder' | 'top';
  readonly key: string;
  readonly parent: TreeNode | undefined;
  readonly children: () => TreeNode[];
  readonly count: number;
  readonly collection?: Collection;
}

/** A node another feature hangs under a record (its governed code, say); that feature renders it. */
export interface ContributedNode {
  readonly kind: 'contributed';
  readonly id: string;
  readonly parent: TreeNode;
  readonly children: () => TreeNode[];
}

/** A row another feature shows at the view's top level, after the collections (a catalogue), and its rows. */
export interface SectionNode {
  readonly kind: 'section';
  readonly id: string;
  readonly parent: SectionNode | undefined;
  readonly children: () => TreeNode[];
}

export type TreeNode = RecordNode | GroupNode | ContributedNode | SectionNode;

/** Another feature's nodes under each record (shown before the records it supersedes). */
export interface RecordChildren {
  readonly onDidChange: vscode.Event<void>;
  /** Called as rows render and expand: keep it cheap (cached). */
  nodes(node: RecordNode): ContributedNode[];
  treeItem(node: ContributedNode): vscode.TreeItem;
}

/** Another feature's rows at the view's top level, after the collections; that feature renders them. */
export interface RootSections {
  readonly onDidChange: vscode.Event<void>;
  roots(): SectionNode[];
  treeItem(node: SectionNode): vscode.TreeItem;
  /** The tooltip, read when the user hovers. */
  tooltip?(node: SectionNode): vscode.MarkdownString | string | undefined;
}

/** A record's row in the group at the top of the tree: why it is there. */
export interface TopRow {
  readonly path: string;
  readonly description: string;
  readonly tooltip: string;
  /** A codicon id, and a theme colour for it. */
  readonly icon: string;
  readonly color?: string;
  /** Read out after the record's label. */
  readonly accessibility: string;
}

/**
 * A group another feature puts at the top of the tree (sign-off's "Needs attention"), hidden while
 * it has no rows; also the context value suffix of a record's rows anywhere in the tree.
 */
export interface TopGroup {
  readonly onDidChange: vscode.Event<void>;
  readonly label: string;
  /** Rows in order (records of the workspace, by path). */
  rows(): readonly TopRow[];
  /** Appended to `adrWorkbench.record.<status>` for the record's rows (`.reviewDue`), or ''. */
  contextOf(path: string): string;
}
