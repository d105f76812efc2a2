/**
 * The Decision Graph's extension-side logic that needs no editor: the workspace's graph (one per
 * workspace folder, merged with the folder's name in front of ids when there are several), where


 */
// The build module alone: the layout (dagre) runs in the page, and stays out of the extension's bundle.
import { buildGraph, type GraphSource } from '../../core/graph/build';
import type { Cluster, DecisionGraph, GraphEdge, GraphNode } from '../../core/graph/types';
import { relative, toPosix } from '../../core/paths';
import { isRecordNode, isUriLike } from '../../host/targets';

export interface FolderSource {
  /** The workspace folder's name (the id prefix when there are several). */
  readonly name: string;
  readonly source: GraphSource;
}

export interface WorkspaceGraph {
  readonly graph: DecisionGraph;
  /** Record node id → the record's absolute path. */
  readonly paths: ReadonlyMap<string, string>;
  /** Absolute path → record node id. */
  readonly ids: ReadonlyMap<string, string>;
}

/**
 * The graph of every folder's collections, with the governed-code layer (each record's code one
 * collapsed leaf, but for the records in `expand`, by node id). Folder by folder, in folder order.
 */
export function workspaceGraph(folders: readonly FolderSource[], expand: ReadonlySet<string> = new Set()): WorkspaceGraph {
  const many = folders.length > 1;
  const clusters: Cluster[] = [];
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const paths = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const f of folders) {
    const prefix = many ? `${f.name}/` : '';
    const local = new Set([...expand].filter((id) => id.startsWith(prefix)).map((id) => id.slice(prefix.length)));
    const g = buildGraph(f.source, { code: { expand: local } });
    const offset = nodes.length;
    const p = (id: string) => (id.startsWith('code:') ? `code:${prefix}${id.slice(5)}` : `${prefix}${id}`);
    for (const c of g.clusters) clusters.push({ ...c, id: p(c.id), name: many ? `${f.name}: ${c.name}` : c.name, nodes: c.nodes.map(p) });
    for (const n of g.nodes) nodes.push({ ...n, id: p(n.id), cluster: p(n.cluster), order: n.order + offset });
    for (const e of g.edges) edges.push({ ...e, id: `${e.kind}:${p(e.from)}->${p(e.to)}${e.kind === 'custom' ? `:${e.label}` : ''}`, from: p(e.from), to: p(e.to) });
    for (const r of f.source.records()) {
      const id = p(relative(f.source.root, r.path) || '.');
      paths.set(id, r.path);
      ids.set(r.path, id);
    }
  }
  return { graph: { clusters, nodes, edges }, paths, ids };
}

/** The first paragraph a hover shows: the host's (the same as the record-reference hover). */
export { paragraphOf as firstParagraph } from '../../host/recordText';

/** What a graph command was invoked with: nothing (the palette, the view's toolbar), a record (its path), or something else. */
export type ShowTarget = { readonly kind: 'none' } | { readonly kind: 'path'; readonly path: string } | { readonly kind: 'invalid' };

/**
 * A Decisions tree node (its record), a `Uri` (editor title and context menus: `file` scheme only),
 * an absolute path, or nothing. A toolbar button passes the tree's selected row: that stands for the
 * record too. Anything else is `invalid` (the command says so in one line).
 */
export function showTarget(arg: unknown): ShowTarget {
  if (arg === undefined || arg === null) return { kind: 'none' };
  if (isRecordNode(arg) && typeof arg.record.path === 'string') return { kind: 'path', path: arg.record.path };
  if (isUriLike(arg)) return arg.scheme === 'file' ? { kind: 'path', path: toPosix(arg.fsPath) } : { kind: 'invalid' };
  if (typeof arg === 'string' && arg.startsWith('/')) return { kind: 'path', path: arg };
  // A group row of the tree (status, tag, collection) stands for no record in particular.
  if (typeof arg === 'object' && (arg as { kind?: unknown }).kind === 'group') return { kind: 'none' };
  return { kind: 'invalid' };
}
