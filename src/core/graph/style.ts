/**
 * How each status and edge kind looks in every export: a colour *and* a shape per status (so the
 * graph reads without colour), a line style per relation kind. One table for SVG, DOT and Mermaid.
 */
import type { Status } from '../model';
import type { EdgeKind, GraphNode } from './types';

export type ShapeName = 'rounded' | 'hexagon' | 'parallelogram' | 'octagon' | 'trapezium' | 'flag' | 'pill' | 'folder';

export interface NodeStyle {
  readonly shape: ShapeName;
  readonly fill: string;
  readonly stroke: string;
  /** A word shown in the box whatever the colour. */
  readonly word: string;
  readonly dashed?: boolean;
}

export const STATUS_STYLE: Readonly<Record<Status, NodeStyle>> = {
  accepted: { shape: 'rounded', fill: '#d9f2dd', stroke: '#2e7d32', word: 'Accepted' },
  proposed: { shape: 'hexagon', fill: '#fff1c9', stroke: '#a15c00', word: 'Proposed' },
  draft: { shape: 'parallelogram', fill: '#eef1f5', stroke: '#55636f', word: 'Draft', dashed: true },
  rejected: { shape: 'octagon', fill: '#f9dcdf', stroke: '#b71c1c', word: 'Rejected' },
  deprecated: { shape: 'trapezium', fill: '#e6e6e6', stroke: '#5f6368', word: 'Deprecated' },
  superseded: { shape: 'flag', fill: '#ebe6f5', stroke: '#5e35b1', word: 'Superseded' },
  unknown: { shape: 'pill', fill: '#ffffff', stroke: '#8a8a8a', word: 'No status' },
};

export const CODE_STYLE: NodeStyle = { shape: 'folder', fill: '#f4f4f4', stroke: '#707070', word: 'Code' };

export function nodeStyle(node: GraphNode): NodeStyle {
  return node.kind === 'record' ? STATUS_STYLE[node.status] : CODE_STYLE;
}

export interface EdgeStyle {
  readonly line: 'solid' | 'dashed' | 'dotted' | 'dashdot';
  readonly width: number;
  readonly colour: string;
  /** Drawn with an arrowhead at `to`. */
  readonly directed: boolean;
}

export const EDGE_STYLE: Readonly<Record<EdgeKind, EdgeStyle>> = {
  supersedes: { line: 'solid', width: 2, colour: '#5e35b1', directed: true },
  amends: { line: 'dashed', width: 1.5, colour: '#1565c0', directed: true },
  clarifies: { line: 'dotted', width: 1.5, colour: '#00695c', directed: true },
  relates: { line: 'solid', width: 1, colour: '#8a8a8a', directed: false },
  custom: { line: 'dashdot', width: 1, colour: '#6d4c41', directed: true },
  governs: { line: 'dotted', width: 1, colour: '#707070', directed: true },
};
