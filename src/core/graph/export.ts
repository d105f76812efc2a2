/**
 * Text exports of a decision graph: JSON (a stable, versioned shape), Graphviz DOT and Mermaid.
 * Every piece of record text is escaped for the format it lands in; node ids in DOT and Mermaid are
 * generated (`n0`, `n1`, …), never taken from file names.
 */
import type { DecisionGraph, GraphEdge, GraphNode } from './types';
import { EDGE_STYLE, nodeStyle, type ShapeName } from './style';
import type { GraphLayout } from './layout';

/** Bumped when a field changes meaning or goes away; new optional fields keep the version. */
export const GRAPH_JSON_VERSION = 1;

export interface GraphJson {
  readonly format: 'adr-workbench/decision-graph';
  readonly version: typeof GRAPH_JSON_VERSION;
  readonly clusters: readonly { id: string; name: string; dialect: string; nodes: readonly string[] }[];
  readonly nodes: readonly Record<string, unknown>[];
  readonly edges: readonly { id: string; kind: string; from: string; to: string; label: string; declaredBy: string }[];
  readonly layout?: GraphLayout;
}

/** The graph as plain data, keys in a fixed order (so the text is stable), optionally with a layout. */
export function toJson(graph: DecisionGraph, layout?: GraphLayout): GraphJson {
  return {
    format: 'adr-workbench/decision-graph',
    version: GRAPH_JSON_VERSION,
    clusters: graph.clusters.map((c) => ({ id: c.id, name: c.name, dialect: c.dialect, nodes: [...c.nodes] })),
    nodes: graph.nodes.map((n) => n.kind === 'record'
      ? {
        kind: n.kind, id: n.id, recordId: n.recordId, number: n.number, numberLabel: n.numberLabel, title: n.title, label: n.label,
        status: n.status, statusText: n.statusText, date: n.date, tags: [...n.tags], cluster: n.cluster, order: n.order,
      }
      : { kind: n.kind, id: n.id, label: n.label, members: [...n.members], collapsed: n.collapsed, cluster: n.cluster, order: n.order }),
    edges: graph.edges.map((e) => ({ id: e.id, kind: e.kind, from: e.from, to: e.to, label: e.label, declaredBy: e.declaredBy })),
    ...(layout ? { layout } : {}),
  };
}

export function renderJson(graph: DecisionGraph, layout?: GraphLayout): string {
  return JSON.stringify(toJson(graph, layout), null, 2) + '\n';
}

/** Short generated ids for formats whose ids are syntax (`n0`, `n1`, … in node order). */
function shortIds(graph: DecisionGraph): Map<string, string> {
  return new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
}

/** A DOT double-quoted string: backslashes and quotes escaped, line breaks as `\n`. */
export function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n|\r/g, '\\n')}"`;
}

const DOT_SHAPE: Record<ShapeName, string> = {
  rounded: 'box', hexagon: 'hexagon', parallelogram: 'parallelogram', octagon: 'octagon', trapezium: 'trapezium', flag: 'cds', pill: 'ellipse', folder: 'folder',
};

const DOT_LINE = { solid: 'solid', dashed: 'dashed', dotted: 'dotted', dashdot: 'dashed' } as const;

function nodeText(n: GraphNode): string {
  return n.kind === 'record' ? `${n.label}\n${nodeStyle(n).word}` : n.label;
}

/** Graphviz: one `cluster_` subgraph per collection, status as fill colour and shape, kinds as line styles. */
export function renderDot(graph: DecisionGraph): string {
  const ids = shortIds(graph);
  const lines = ['digraph decisions {', '  rankdir=TB;', '  node [fontname="sans-serif", fontsize=11, style="filled"];', '  edge [fontname="sans-serif", fontsize=9];'];
  const nodeLine = (n: GraphNode) => {
    const s = nodeStyle(n);
    const style = [...(s.shape === 'rounded' ? ['rounded'] : []), 'filled', ...(s.dashed ? ['dashed'] : [])].join(',');
    const url = n.kind === 'record' ? `, URL=${dotString(n.id)}` : '';
    return `    ${ids.get(n.id)} [label=${dotString(nodeText(n))}, shape=${DOT_SHAPE[s.shape]}, style="${style}", fillcolor="${s.fill}", color="${s.stroke}"${url}, tooltip=${dotString(n.kind === 'record' ? n.title : n.members.join(', '))}];`;
  };
  const byCluster = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) (byCluster.get(n.cluster) ?? byCluster.set(n.cluster, []).get(n.cluster)!).push(n);
  let i = 0;
  for (const [cid, nodes] of byCluster) {
    const name = graph.clusters.find((c) => c.id === cid)?.name ?? cid;
    lines.push(`  subgraph cluster_${i++} {`, `    label=${dotString(name)};`, '    style="rounded";', '    color="#9e9e9e";');
    for (const n of nodes) lines.push(nodeLine(n));
    lines.push('  }');
  }
  for (const e of graph.edges) {
    const s = EDGE_STYLE[e.kind];
    lines.push(`  ${ids.get(e.from)} -> ${ids.get(e.to)} [label=${dotString(e.label)}, style=${DOT_LINE[s.line]}, color="${s.colour}", penwidth=${s.width}${s.directed ? '' : ', dir=none'}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

/**
 * Mermaid text inside `"…"`: Mermaid's entity codes for the characters that end the string, start
 * an entity or could become markup (`"`, `#`, `<`, `>`, `&`, backtick), line breaks as spaces.
 */
export function mermaidString(s: string): string {
  const map: Record<string, string> = { '#': '#35;', '"': '#quot;', '<': '#lt;', '>': '#gt;', '&': '#amp;', '`': '#96;' };
  return `"${s.replace(/[#"<>&`]/g, (c) => map[c]!).replace(/\r?\n|\r/g, ' ')}"`;
}

const MERMAID_SHAPE: Record<ShapeName, [string, string]> = {
  rounded: ['(', ')'], hexagon: ['{{', '}}'], parallelogram: ['[/', '/]'], octagon: ['[[', ']]'], trapezium: ['[/', '\\]'], flag: ['>', ']'], pill: ['([', '])'], folder: ['[(', ')]'],
};

const MERMAID_ARROW: Record<GraphEdge['kind'], string> = {
  supersedes: '==>', amends: '-.->', clarifies: '-.->', relates: '---', custom: '-->', governs: '-.->',
};

/** Mermaid flowchart: a subgraph per collection, status as shape and class (colour), edges labelled. */
export function renderMermaid(graph: DecisionGraph): string {
  const ids = shortIds(graph);
  const lines = ['flowchart TB'];
  const byCluster = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) (byCluster.get(n.cluster) ?? byCluster.set(n.cluster, []).get(n.cluster)!).push(n);
  let i = 0;
  const used = new Set<string>();
  for (const [cid, nodes] of byCluster) {
    const name = graph.clusters.find((c) => c.id === cid)?.name ?? cid;
    lines.push(`  subgraph c${i++}[${mermaidString(name)}]`);
    for (const n of nodes) {
      const s = nodeStyle(n);
      const [open, close] = MERMAID_SHAPE[s.shape];
      const cls = n.kind === 'record' ? n.status : 'code';
      used.add(cls);
      lines.push(`    ${ids.get(n.id)}${open}${mermaidString(n.kind === 'record' ? `${n.label} (${s.word})` : n.label)}${close}:::${cls}`);
    }
    lines.push('  end');
  }
  for (const e of graph.edges) lines.push(`  ${ids.get(e.from)} ${MERMAID_ARROW[e.kind]}|${mermaidString(e.label)}| ${ids.get(e.to)}`);
  for (const cls of [...used].sort()) {
    const s = cls === 'code' ? nodeStyle({ kind: 'code' } as GraphNode) : nodeStyle({ kind: 'record', status: cls } as GraphNode);
    lines.push(`  classDef ${cls} fill:${s.fill},stroke:${s.stroke}${s.dashed ? ',stroke-dasharray:4 3' : ''}`);
  }
  return lines.join('\n') + '\n';
}
