/**
 * SVG of a laid-out decision graph, no Graphviz needed: collections as boxes, each record a shape
 * per status (colour *and* outline, plus the status word), relations as styled, labelled lines.
 * Every text and attribute value is escaped; links are relative paths, never a scheme.
 */
import type { DecisionGraph, GraphNode } from './types';
import { fitChars, METRICS, type GraphLayout, type NodeBox, type Point } from './layout';
import { EDGE_STYLE, nodeStyle, type ShapeName } from './style';

/** Escapes text for SVG/XML content and attribute values (both quote kinds). */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
    // Characters XML 1.0 does not allow at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** `text` cut to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** A relative link to a record that no browser reads as a scheme (`./javascript:x.md` is a path). */
export function relativeHref(path: string): string {
  const clean = path.replace(/\\/g, '/').replace(/^\/+/, '');
  return encodeURI(clean.startsWith('.') ? clean : `./${clean}`).replace(/#/g, '%23').replace(/\?/g, '%3F');
}

const n = (v: number) => String(Math.round(v * 10) / 10);

/** The outline of a box in one of the status shapes, as an SVG element. */
function shape(kind: ShapeName, b: NodeBox, attrs: string): string {
  const { x, y, width: w, height: h } = b;
  const poly = (pts: [number, number][]) => `<polygon points="${pts.map(([px, py]) => `${n(px)},${n(py)}`).join(' ')}" ${attrs}/>`;
  const k = Math.min(12, h / 3);
  switch (kind) {
    case 'rounded': return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="8" ${attrs}/>`;
    case 'pill': return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(h / 2)}" ${attrs}/>`;
    case 'hexagon': return poly([[x + k, y], [x + w - k, y], [x + w, y + h / 2], [x + w - k, y + h], [x + k, y + h], [x, y + h / 2]]);
    case 'parallelogram': return poly([[x + k, y], [x + w, y], [x + w - k, y + h], [x, y + h]]);
    case 'octagon': return poly([[x + k, y], [x + w - k, y], [x + w, y + k], [x + w, y + h - k], [x + w - k, y + h], [x + k, y + h], [x, y + h - k], [x, y + k]]);
    case 'trapezium': return poly([[x + k, y], [x + w - k, y], [x + w, y + h], [x, y + h]]);
    case 'flag': return poly([[x, y], [x + w - k, y], [x + w, y + h / 2], [x + w - k, y + h], [x, y + h], [x + k, y + h / 2]]);
    case 'folder': return `<path d="M${n(x)},${n(y + 5)} h${n(Math.min(40, w / 3))} l4,-5 h${n(w - Math.min(40, w / 3) - 4)} v${n(h)} h${n(-w)} z" ${attrs}/>`;
  }
}

const DASH = { solid: '', dashed: ' stroke-dasharray="6 4"', dotted: ' stroke-dasharray="2 3"', dashdot: ' stroke-dasharray="8 3 2 3"' } as const;

export interface SvgOptions {
  /** The document title (escaped). */
  readonly title?: string;
  /** Where a record's node links to (default: its path, relative); escaped. */
  readonly href?: (node: GraphNode & { kind: 'record' }) => string;
}

export function renderSvg(graph: DecisionGraph, layout: GraphLayout, options: SvgOptions = {}): string {
  const margin = 12;
  const W = layout.width + 2 * margin;
  const H = layout.height + 2 * margin;
  const nodes = new Map<string, GraphNode>(graph.nodes.map((x) => [x.id, x]));
  const records = graph.nodes.filter((x) => x.kind === 'record').length;
  const title = options.title ?? `Decision graph: ${records} record${records === 1 ? '' : 's'}, ${graph.edges.length} relation${graph.edges.length === 1 ? '' : 's'}`;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${n(W)}" height="${n(H)}" viewBox="0 0 ${n(W)} ${n(H)}" role="img" aria-labelledby="graph-title" font-family="sans-serif" font-size="${METRICS.fontSize}">`);
  out.push(`<title id="graph-title">${escapeXml(title)}</title>`);
  out.push('<defs>');
  for (const [kind, s] of Object.entries(EDGE_STYLE)) {
    if (s.directed) out.push(`<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${s.colour}"/></marker>`);
  }
  out.push('</defs>');
  out.push(`<g transform="translate(${margin},${margin})">`);
  for (const c of layout.clusters) {
    out.push(`<g class="cluster"><rect x="${n(c.x)}" y="${n(c.y)}" width="${n(c.width)}" height="${n(c.height)}" rx="10" fill="#fafafa" stroke="#bdbdbd"/>`
      + `<text x="${n(c.x + METRICS.clusterPadding)}" y="${n(c.y + METRICS.clusterPadding + 6)}" font-weight="bold" fill="#424242">${escapeXml(truncate(c.name, fitChars(c.width)))}</text></g>`);
  }
  const edgeById = new Map(graph.edges.map((e) => [e.id, e]));
  for (const r of layout.edges) {
    const e = edgeById.get(r.id);
    if (!e) continue;
    const s = EDGE_STYLE[e.kind];
    const d = r.points.map((p: Point, i: number) => `${i === 0 ? 'M' : 'L'}${n(p.x)},${n(p.y)}`).join(' ');
    out.push(`<g class="edge edge-${e.kind}"><title>${escapeXml(`${labelOf(nodes.get(e.from))} ${e.label} ${labelOf(nodes.get(e.to))}`)}</title>`
      + `<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="${s.width}"${DASH[s.line]}${s.directed ? ` marker-end="url(#arrow-${e.kind})"` : ''}/>`
      + `<text x="${n(r.label.x)}" y="${n(r.label.y + 3)}" text-anchor="middle" font-size="9" fill="${s.colour}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(truncate(e.label, 24))}</text></g>`);
  }
  for (const b of layout.nodes) {
    const node = nodes.get(b.id);
    if (!node) continue;
    const s = nodeStyle(node);
    const attrs = `fill="${s.fill}" stroke="${s.stroke}" stroke-width="1.5"${s.dashed ? ' stroke-dasharray="5 3"' : ''}`;
    const cx = b.x + b.width / 2;
    const max = fitChars(b.width);
    const cls = node.kind === 'record' ? `node record status-${node.status}` : 'node code';
    const tip = node.kind === 'record' ? `${node.label}: ${s.word}${node.date ? `, ${node.date}` : ''}` : node.members.join('\n');
    let body = shape(s.shape, b, attrs);
    if (node.kind === 'record') {
      body += `<text x="${n(cx)}" y="${n(b.y + 19)}" text-anchor="middle" fill="#212121">${escapeXml(truncate(node.label, max))}</text>`;
      body += `<text x="${n(cx)}" y="${n(b.y + 35)}" text-anchor="middle" font-size="10" fill="${s.stroke}">${escapeXml(s.word)}</text>`;
      body = `<a href="${escapeXml(options.href ? options.href(node) : relativeHref(node.id))}">${body}</a>`;
    } else {
      body += `<text x="${n(cx)}" y="${n(b.y + 18)}" text-anchor="middle" font-size="10" fill="#424242">${escapeXml(truncate(node.label, max))}</text>`;
    }
    out.push(`<g class="${cls}" data-id="${escapeXml(node.id)}"><title>${escapeXml(tip)}</title>${body}</g>`);
  }
  out.push('</g>', '</svg>');
  return out.join('\n') + '\n';
}

function labelOf(node: GraphNode | undefined): string {
  return node ? node.label : '?';
}
