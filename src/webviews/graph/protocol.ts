/**
 * Messages between the Decision Graph page (webview) and the extension. Both sides import this file
 * and validate what they receive with it: the page checks the graph the extension posts (every
 * node, edge and cluster field by type), the extension checks every request of the page (ids are
 * strings of bounded length, formats and statuses from fixed lists, PNG bytes a PNG). Everything is
 * data: the page builds its DOM from it as text.
 */
import type { Cluster, DecisionGraph, EdgeKind, GraphEdge, GraphNode } from '../../core/graph/types';
import type { Status } from '../../core/model';
import { all, isNum, isObj } from '../validate';

export const STATUSES: readonly Status[] = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded', 'draft', 'unknown'];
const KINDS: readonly EdgeKind[] = ['supersedes', 'amends', 'clarifies', 'relates', 'custom', 'governs'];
const DIALECTS: readonly string[] = ['adr-tools', 'madr', 'log4brains', 'generic'] satisfies readonly Cluster['dialect'][];

/** What the page shows: which records and how (the same object drives the graph and its list). */
export interface Selection {
  readonly statuses: readonly Status[];
  readonly tags: readonly string[];
  readonly clusters: readonly string[];
  readonly text: string;
  /** A node id and the hops out; absent: the whole (filtered) graph. */
  readonly focus?: { readonly node: string; readonly hops: number };
  /** The governed-code layer is shown. */
  readonly code: boolean;
}

export const EMPTY_SELECTION: Selection = { statuses: [], tags: [], clusters: [], text: '', code: false };

export type ExportFormat = 'svg' | 'mermaid' | 'dot';

export type ToWebview =
  /** The whole graph (on open and after every index change); `revision` counts them. */
  | { readonly type: 'graph'; readonly graph: DecisionGraph; readonly revision: number; readonly message?: string }
  /** The record in the active editor (null: none): highlighted. */
  | { readonly type: 'active'; readonly id: string | null }
  /** Select and centre a node (Show in Graph, a tree row's Show Decision Graph). */
  | { readonly type: 'select'; readonly id: string }
  /** The first paragraph of a record, for its hover. */
  | { readonly type: 'details'; readonly id: string; readonly paragraph: string };

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'open'; readonly id: string }
  | { readonly type: 'reveal'; readonly id: string }
  | { readonly type: 'details'; readonly id: string }
  | { readonly type: 'expandCode'; readonly id: string; readonly expand: boolean }
  /** The graph shown, as the page rendered it (SVG by the same layout as on screen, Mermaid, DOT): saved or copied. */
  | { readonly type: 'export'; readonly format: ExportFormat; readonly text: string }
  /** A PNG of the graph drawn on a canvas in the page, base64. */
  | { readonly type: 'png'; readonly data: string }
  /** What the page measured laying out a graph (for tests and the benchmark). */
  | { readonly type: 'layout'; readonly revision: number; readonly ms: number; readonly nodes: number; readonly edges: number; readonly reused: number; readonly laidOut: number };

/** Ids are node ids (repository-relative paths, `code:` ids): bounded so a page cannot post megabytes. */
const MAX_ID = 4096;
/** An exported SVG, Mermaid or DOT text of a large graph fits well within this. */
export const MAX_EXPORT = 32 * 1024 * 1024;
/** A PNG of a large graph at 2× fits well within this. */
export const MAX_PNG_BASE64 = 48 * 1024 * 1024;

const isStr = (x: unknown, max = MAX_ID): x is string => typeof x === 'string' && x.length <= max;
const isId = (x: unknown): x is string => isStr(x) && x.length > 0;
const strArray = (x: unknown, max = 1000): x is string[] => Array.isArray(x) && x.length <= max && x.every((s) => isStr(s, 1000));

/** Validates a selection (the page's saved state, say). */
export function parseSelection(x: unknown): Selection | undefined {
  if (!isObj(x)) return undefined;
  const { statuses, tags, clusters, text, focus, code } = x;
  if (!Array.isArray(statuses) || !statuses.every((s) => STATUSES.includes(s as Status))) return undefined;
  if (!strArray(tags) || !strArray(clusters) || !isStr(text, 1000) || typeof code !== 'boolean') return undefined;
  let f: Selection['focus'];
  if (focus !== undefined) {
    if (!isObj(focus) || !isId(focus.node) || !isNum(focus.hops) || !Number.isInteger(focus.hops) || focus.hops < 0 || focus.hops > 20) return undefined;
    f = { node: focus.node, hops: focus.hops };
  }
  return { statuses: [...statuses] as Status[], tags: [...tags], clusters: [...clusters], text, code, ...(f ? { focus: f } : {}) };
}

/** Validates a message from the page: the page is not trusted to send well-formed data. */
export function parseFromWebview(value: unknown): FromWebview | undefined {
  if (!isObj(value)) return undefined;
  const m = value;
  switch (m.type) {
    case 'ready': return { type: 'ready' };
    case 'open': case 'reveal': case 'details':
      return isId(m.id) ? { type: m.type, id: m.id } : undefined;
    case 'expandCode':
      return isId(m.id) && typeof m.expand === 'boolean' ? { type: 'expandCode', id: m.id, expand: m.expand } : undefined;
    case 'export': {
      if (typeof m.text !== 'string' || m.text.length > MAX_EXPORT) return undefined;
      // What each format starts with, as src/core/graph renders it.
      const start = { svg: '<svg xmlns="http://www.w3.org/2000/svg" ', mermaid: 'flowchart TB\n', dot: 'digraph decisions {\n' }[m.format as ExportFormat];
      return start !== undefined && m.text.startsWith(start) ? { type: 'export', format: m.format as ExportFormat, text: m.text } : undefined;
    }
    case 'png':
      return typeof m.data === 'string' && m.data.length > 0 && m.data.length <= MAX_PNG_BASE64 && /^[A-Za-z0-9+/]+=*$/.test(m.data) && m.data.startsWith('iVBORw0KGgo')
        ? { type: 'png', data: m.data } : undefined;
    case 'layout': {
      const { revision, ms, nodes, edges, reused, laidOut } = m;
      return [revision, ms, nodes, edges, reused, laidOut].every((v) => isNum(v) && (v as number) >= 0)
        ? { type: 'layout', revision: revision as number, ms: ms as number, nodes: nodes as number, edges: edges as number, reused: reused as number, laidOut: laidOut as number }
        : undefined;
    }
    default: return undefined;
  }
}

function parseNode(x: unknown): GraphNode | undefined {
  if (!isObj(x) || !isId(x.id) || !isStr(x.label, 2000) || !isStr(x.cluster) || !isNum(x.order)) return undefined;
  if (x.kind === 'record') {
    const nullableStr = (v: unknown) => v === null || isStr(v, 2000);
    if (!isStr(x.recordId) || !(x.number === null || isNum(x.number)) || !nullableStr(x.numberLabel) || !isStr(x.title, 2000)
      || !STATUSES.includes(x.status as Status) || !nullableStr(x.statusText) || !nullableStr(x.date) || !strArray(x.tags)) return undefined;
    return {
      kind: 'record', id: x.id, recordId: x.recordId, number: x.number as number | null, numberLabel: x.numberLabel as string | null,
      title: x.title, label: x.label, status: x.status as Status, statusText: x.statusText as string | null, date: x.date as string | null,
      tags: [...x.tags], cluster: x.cluster, order: x.order,
    };
  }
  if (x.kind === 'code') {
    if (!strArray(x.members, 10_000) || typeof x.collapsed !== 'boolean') return undefined;
    return { kind: 'code', id: x.id, label: x.label, members: [...x.members], collapsed: x.collapsed, cluster: x.cluster, order: x.order };
  }
  return undefined;
}

function parseEdge(x: unknown): GraphEdge | undefined {
  if (!isObj(x) || !isId(x.id) || !KINDS.includes(x.kind as EdgeKind) || !isId(x.from) || !isId(x.to) || !isStr(x.label, 2000)) return undefined;
  if (x.declaredBy !== 'from' && x.declaredBy !== 'to' && x.declaredBy !== 'both') return undefined;
  return { id: x.id, kind: x.kind as EdgeKind, from: x.from, to: x.to, label: x.label, declaredBy: x.declaredBy };
}

function parseCluster(x: unknown): Cluster | undefined {
  if (!isObj(x) || !isStr(x.id) || !isStr(x.name, 2000) || !DIALECTS.includes(x.dialect as string) || !strArray(x.nodes, 1_000_000)) return undefined;
  return { id: x.id, name: x.name, dialect: x.dialect as Cluster['dialect'], nodes: [...x.nodes] };
}

/** Validates a message from the extension, in the page (a malformed one is dropped). */
export function parseToWebview(value: unknown): ToWebview | undefined {
  if (!isObj(value)) return undefined;
  const m = value;
  switch (m.type) {
    case 'graph': {
      if (!isObj(m.graph) || !isNum(m.revision) || !(m.message === undefined || isStr(m.message, 2000))) return undefined;
      const nodes = all(m.graph.nodes, parseNode);
      const edges = all(m.graph.edges, parseEdge);
      const clusters = all(m.graph.clusters, parseCluster);
      if (!nodes || !edges || !clusters) return undefined;
      // No dangling edge: the layout and the list both look the ends up.
      const ids = new Set(nodes.map((n) => n.id));
      if (ids.size !== nodes.length || !edges.every((e) => ids.has(e.from) && ids.has(e.to))) return undefined;
      return { type: 'graph', graph: { nodes, edges, clusters }, revision: m.revision, ...(m.message !== undefined ? { message: m.message as string } : {}) };
    }
    case 'active':
      return m.id === null || isId(m.id) ? { type: 'active', id: m.id as string | null } : undefined;
    case 'select':
      return isId(m.id) ? { type: 'select', id: m.id } : undefined;
    case 'details':
      return isId(m.id) && isStr(m.paragraph, 10_000) ? { type: 'details', id: m.id, paragraph: m.paragraph } : undefined;
    default: return undefined;
  }
}
