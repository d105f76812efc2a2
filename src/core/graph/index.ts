/**
 * The decision graph (see `types.ts`): built from the index, narrowed by filters and focus, laid
 * out by dagre, exported as JSON, DOT, Mermaid and SVG. Pure: no vscode, no file system.
 */
export { buildGraph, compareRecords, numberLabel } from './build';
export type { BuildOptions, CodeLayerOptions, GraphSource } from './build';
export { findNode, matchesFilter, neighbourhood, selectGraph, subgraph } from './select';
export type { GraphFilter, GraphFocus, Selection } from './select';
export { fitChars, LayoutCache, layoutGraph, METRICS, midpoint, nodeSize } from './layout';
export type { ClusterBox, EdgeRoute, GraphLayout, LayoutOptions, NodeBox, Point } from './layout';
export { dotString, GRAPH_JSON_VERSION, mermaidString, renderDot, renderJson, renderMermaid, toJson } from './export';
export type { GraphJson } from './export';
export { escapeXml, relativeHref, renderSvg, truncate } from './svg';
export type { SvgOptions } from './svg';
export { CODE_STYLE, EDGE_STYLE, nodeStyle, STATUS_STYLE } from './style';
export type { EdgeStyle, NodeStyle, ShapeName } from './style';
export { EDGE_KINDS, ORDERING_KINDS } from './types';
export type { Cluster, CodeNode, DecisionGraph, EdgeKind, GraphEdge, GraphNode, RecordNode } from './types';
