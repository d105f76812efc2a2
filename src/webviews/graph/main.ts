/**
 * The Decision Graph page. Runs in the webview (a browser): receives the graph as data, lays it out
 * here (dagre, through the core's layout module and its parts cache: a live update re-lays out only
 * the connected parts that changed), draws it as SVG built element by element with `textContent`
 * (never `innerHTML`), and offers pan, zoom, fit, filters, focus, hover details, keyboard
 * navigation, the same graph as an accessible list, and exports (PNG drawn on a canvas here).
 */
import { fitChars, LayoutCache, layoutGraph, METRICS, type GraphLayout, type NodeBox } from '../../core/graph/layout';
import { EDGE_STYLE, nodeStyle } from '../../core/graph/style';
import { truncate } from '../../core/graph/svg';
import type { DecisionGraph, GraphNode } from '../../core/graph/types';
import type { Status } from '../../core/model';
import { EMPTY_SELECTION, parseSelection, parseToWebview, type ExportFormat, type FromWebview, type Selection } from './protocol';
import { button, el, vsCodeApi } from '../dom';
import { applySelection, describe, exportText, filterChoices, hoverLines, isNarrowed, listModel, nearestInDirection, shapePath, statusWord } from './view';

interface Saved { selection: Selection; mode: 'graph' | 'list' }

const vscode = vsCodeApi<FromWebview>();
const root = document.getElementById('root')!;
const NS = 'http://www.w3.org/2000/svg';

function restore(): Saved {
  const s = vscode.getState() as Partial<Saved> | undefined;
  const sel = parseSelection(s?.selection);
  return { selection: sel ? { ...sel, focus: undefined } : EMPTY_SELECTION, mode: s?.mode === 'list' ? 'list' : 'graph' };
}

const saved = restore();
let sel: Selection = saved.selection;
let mode: 'graph' | 'list' = saved.mode;
let graph: DecisionGraph = { clusters: [], nodes: [], edges: [] };
let revision = -1;
let notice: string | undefined = 'Loading the decision graph…';
let shown: DecisionGraph = graph;
let layout: GraphLayout | undefined;
let lastLayoutMs = 0;
let selected: string | undefined;
let active: string | null = null;
let tooltipFor: string | undefined;
const cache = new LayoutCache();
const details = new Map<string, string>();
let view = { x: 0, y: 0, k: 1 };
let needsFit = true;
/** The user panned or zoomed since the last fit: a resize keeps their view. */
let moved = false;
const nodeEls = new Map<string, SVGGElement>();
const listEls = new Map<string, HTMLLIElement>();

// ---- DOM helpers: text only --------------------------------------------------------------------

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, cls?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (cls) e.setAttribute('class', cls);
  return e;
}

const post = (m: FromWebview) => vscode.postMessage(m);

// ---- the page's frame ------------------------------------------------------------------------------

const toolbar = el('div', 'toolbar');
toolbar.setAttribute('role', 'toolbar');
toolbar.setAttribute('aria-label', 'Decision graph');
const search = el('input');
search.type = 'search';
search.placeholder = 'Filter…';
search.setAttribute('aria-label', 'Filter by text');
search.value = sel.text;
const statusBox = el('div', 'group statuses');
statusBox.setAttribute('role', 'group');
statusBox.setAttribute('aria-label', 'Status');
const tagSelect = el('select');
tagSelect.setAttribute('aria-label', 'Tag');
const clusterSelect = el('select');
clusterSelect.setAttribute('aria-label', 'Collection');
const hops = el('input');
hops.type = 'number';
hops.min = '0';
hops.max = '9';
hops.value = '1';
hops.setAttribute('aria-label', 'Hops');
const focusButton = button('Focus', 'Show the selected record and its neighbours up to the given number of hops (F)', () => focusOn(selected));
const clearButton = button('Clear Filters', 'Show every record again (Escape clears the focus)', () => {
  sel = { ...EMPTY_SELECTION, code: sel.code };
  search.value = '';
  needsFit = true;
  update();
});
const codeLabel = el('label', 'group');
const codeBox = el('input');
codeBox.type = 'checkbox';
codeBox.checked = sel.code;
codeLabel.append(codeBox, document.createTextNode('Governed code'));
codeLabel.title = 'Show the code each record governs (one leaf per record; click a leaf to expand it)';
const listButton = button('List', 'Show the same graph as a list (for screen readers and keyboard use)', () => setMode(mode === 'list' ? 'graph' : 'list'));
const openButton = button('Open', 'Open the selected record', () => { if (selected && isRecord(selected)) post({ type: 'open', id: selected }); });
const revealButton = button('Reveal in Decisions', 'Select the record in the Decisions view', () => { if (selected && isRecord(selected)) post({ type: 'reveal', id: selected }); });
const exportFormat = (format: ExportFormat) => () => post({ type: 'export', format, text: exportText(shown, format, layout) });
const sep = () => el('span', 'sep');
const viewGroup = el('div', 'group');
viewGroup.append(
  button('−', 'Zoom out (-)', () => zoomBy(1 / 1.25)),
  button('+', 'Zoom in (+)', () => zoomBy(1.25)),
  button('Fit', 'Fit the graph in the view (0)', () => fit()),
  listButton,
);
const focusGroup = el('div', 'group');
focusGroup.append(focusButton, hops, clearButton);
const recordGroup = el('div', 'group');
recordGroup.append(openButton, revealButton);
const exportGroup = el('div', 'group');
exportGroup.append(
  button('Export SVG…', 'Save the graph shown as an SVG file', exportFormat('svg')),
  button('Export PNG…', 'Save the graph shown as a PNG image', () => exportPng()),
  button('Copy Mermaid', 'Copy the graph shown as a Mermaid flowchart', exportFormat('mermaid')),
  button('Copy DOT', 'Copy the graph shown as Graphviz DOT', exportFormat('dot')),
);
toolbar.append(search, statusBox, tagSelect, clusterSelect, codeLabel, sep(), focusGroup, sep(), viewGroup, sep(), recordGroup, sep(), exportGroup);

const summary = el('div', 'summary');
summary.setAttribute('aria-live', 'polite');
const stage = el('div', 'stage');
const canvas = svg('svg', {}, 'graph');
canvas.setAttribute('role', 'group');
const defs = svg('defs');
for (const [kind, s] of Object.entries(EDGE_STYLE)) {
  if (!s.directed) continue;
  const m = svg('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  m.append(svg('path', { d: 'M0,0 L10,5 L0,10 z' }, `arrow-${kind}`));
  defs.append(m);
}
const viewport = svg('g', {}, 'viewport');
canvas.append(defs, viewport);
const empty = el('p', 'empty');
empty.hidden = true;
const tooltip = el('div', 'tooltip');
tooltip.hidden = true;
tooltip.setAttribute('role', 'tooltip');
stage.append(canvas, empty, tooltip);
const list = el('section', 'list');
list.setAttribute('aria-label', 'Decision graph as a list');
root.append(toolbar, summary, stage, list);

// ---- updates -------------------------------------------------------------------------------------

const byId = () => new Map(graph.nodes.map((n) => [n.id, n]));
let nodeIndex = new Map<string, GraphNode>();
const isRecord = (id: string) => nodeIndex.get(id)?.kind === 'record';

/** Re-selects, re-lays out (parts unchanged since the last layout come from the cache) and redraws. */
function update(): void {
  shown = applySelection(graph, sel);
  const hits = cache.hits;
  const misses = cache.misses;
  const t0 = performance.now();
  layout = layoutGraph(shown, { cache });
  lastLayoutMs = performance.now() - t0;
  root.dataset.layoutMs = lastLayoutMs.toFixed(1);
  root.dataset.partsReused = String(cache.hits - hits);
  root.dataset.partsLaidOut = String(cache.misses - misses);
  root.dataset.revision = String(revision);
  post({ type: 'layout', revision: Math.max(0, revision), ms: lastLayoutMs, nodes: shown.nodes.length, edges: shown.edges.length, reused: cache.hits - hits, laidOut: cache.misses - misses });
  if (selected && !shown.nodes.some((n) => n.id === selected)) selected = undefined;
  const t1 = performance.now();
  drawGraph();
  drawList();
  drawControls();
  root.dataset.drawMs = (performance.now() - t1).toFixed(1);
  vscode.setState({ selection: sel, mode } satisfies Saved);
  // The view fits the graph until the user pans or zooms (or a record is centred): then it stays.
  if (needsFit || !moved) {
    needsFit = false;
    fit();
  } else applyView();
}

function drawControls(): void {
  const choices = filterChoices(graph);
  statusBox.replaceChildren(...choices.statuses.map((s) => {
    const on = sel.statuses.includes(s);
    const b = button(statusWord(s), `Show ${on ? 'every status' : `only ${statusWord(s)} records`} (toggle)`, () => toggleStatus(s), 'status-toggle');
    b.setAttribute('aria-pressed', String(on));
    b.dataset.status = s;
    return b;
  }));
  const options = (select: HTMLSelectElement, all: string, values: { value: string; text: string }[], current: string) => {
    select.replaceChildren(...[{ value: '', text: all }, ...values].map((v) => {
      const o = el('option', undefined, v.text);
      o.value = v.value;
      return o;
    }));
    select.value = values.some((v) => v.value === current) ? current : '';
  };
  options(tagSelect, 'All tags', choices.tags.map((t) => ({ value: t, text: t })), sel.tags[0] ?? '');
  tagSelect.hidden = choices.tags.length === 0;
  options(clusterSelect, 'All collections', choices.clusters.map((c) => ({ value: c.id, text: c.name })), sel.clusters[0] ?? '');
  clusterSelect.hidden = choices.clusters.length < 2;
  const recordSelected = selected !== undefined && isRecord(selected);
  focusButton.disabled = selected === undefined;
  openButton.disabled = !recordSelected;
  revealButton.disabled = !recordSelected;
  clearButton.disabled = !isNarrowed(sel);
  listButton.setAttribute('aria-pressed', String(mode === 'list'));
  codeBox.checked = sel.code;

  const records = shown.nodes.filter((n) => n.kind === 'record').length;
  const total = graph.nodes.filter((n) => n.kind === 'record').length;
  const parts = [`${records} of ${total} record${total === 1 ? '' : 's'}`, `${shown.edges.filter((e) => e.kind !== 'governs').length} relation${shown.edges.length === 1 ? '' : 's'}`];
  if (sel.focus) parts.push(`around ${nodeIndex.get(sel.focus.node)?.label ?? sel.focus.node}, ${sel.focus.hops} hop${sel.focus.hops === 1 ? '' : 's'}`);
  parts.push(`laid out in ${Math.round(lastLayoutMs)} ms`);
  summary.replaceChildren(...parts.map((p) => el('span', undefined, p)));
  if (notice) summary.append(el('span', 'notice', notice));
  canvas.setAttribute('aria-label', `Decision graph: ${parts.join(', ')}. Arrow keys move between records, Enter opens one, F focuses on it, Escape clears the focus; the List button shows the same graph as text.`);
}

function drawGraph(): void {
  const L = layout!;
  nodeEls.clear();
  const clusters = svg('g', {}, 'clusters');
  for (const c of L.clusters) {
    const g = svg('g', {}, 'cluster');
    g.dataset.id = c.id;
    const t = svg('text', { x: c.x + METRICS.clusterPadding, y: c.y + METRICS.clusterPadding + 6 });
    t.textContent = truncate(c.name, fitChars(c.width));
    g.append(svg('rect', { x: c.x, y: c.y, width: c.width, height: c.height, rx: 10 }), t);
    clusters.append(g);
  }
  const edges = svg('g', {}, 'edges');
  const edgeById = new Map(shown.edges.map((e) => [e.id, e]));
  for (const r of L.edges) {
    const e = edgeById.get(r.id);
    if (!e) continue;
    const g = svg('g', {}, `edge edge-${e.kind}`);
    g.dataset.id = e.id;
    g.dataset.from = e.from;
    g.dataset.to = e.to;
    const title = svg('title');
    title.textContent = `${nodeIndex.get(e.from)?.label ?? e.from} ${e.label} ${nodeIndex.get(e.to)?.label ?? e.to}`;
    const d = r.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
    const path = svg('path', { d });
    if (EDGE_STYLE[e.kind].directed) path.setAttribute('marker-end', `url(#arrow-${e.kind})`);
    const label = svg('text', { x: r.label.x, y: r.label.y + 3, 'text-anchor': 'middle' });
    label.textContent = truncate(e.label, 24);
    g.append(title, path, label);
    edges.append(g);
  }
  const nodes = svg('g', {}, 'nodes');
  for (const b of L.nodes) {
    const n = nodeIndex.get(b.id);
    if (!n) continue;
    nodes.append(nodeElement(n, b));
  }
  viewport.replaceChildren(clusters, edges, nodes);
  markActive();
  if (selected) nodeEls.get(selected)?.classList.add('selected');
  rovingTabIndex();
  empty.hidden = shown.nodes.length > 0;
  empty.textContent = graph.nodes.length === 0 ? (notice ?? 'No decision records in this workspace.') : 'No record matches the filters.';
}

function nodeElement(n: GraphNode, b: NodeBox): SVGGElement {
  const s = nodeStyle(n);
  const g = svg('g', {}, n.kind === 'record' ? `node record status-${n.status}` : `node code${n.collapsed ? ' collapsed' : ''}`);
  g.dataset.id = n.id;
  g.setAttribute('tabindex', '-1');
  g.setAttribute('role', 'button');
  g.setAttribute('aria-label', n.kind === 'record' ? describe(n) : `${describe(n)}${n.collapsed ? ' (collapsed: Enter expands)' : ''}`);
  const cx = b.x + b.width / 2;
  const max = fitChars(b.width);
  g.append(svg('path', { d: shapePath(s.shape, b), 'data-shape': s.shape }, 'shape'));
  if (n.kind === 'record') {
    const t = svg('text', { x: cx, y: b.y + 19, 'text-anchor': 'middle' }, 'label');
    t.textContent = truncate(n.label, max);
    const w = svg('text', { x: cx, y: b.y + 35, 'text-anchor': 'middle' }, 'word');
    w.textContent = statusWord(n.status);
    g.append(t, w);
  } else {
    const t = svg('text', { x: cx, y: b.y + 18, 'text-anchor': 'middle' }, 'label');
    t.textContent = truncate(n.label, max);
    g.append(t);
  }
  nodeEls.set(n.id, g);
  return g;
}

function drawList(): void {
  listEls.clear();
  const groups = listModel(shown);
  const children: HTMLElement[] = [];
  for (const group of groups) {
    children.push(el('h2', undefined, `${group.name} (${group.items.filter((i) => i.kind === 'record').length})`));
    const ul = el('ul');
    for (const item of group.items) {
      const li = el('li', 'item');
      li.dataset.id = item.id;
      const a = el('a', undefined, item.text);
      a.href = '#';
      a.addEventListener('click', (e) => {
        e.preventDefault();
        activate(item.id);
      });
      li.append(a);
      if (item.relations.length) {
        const rel = el('ul', 'relations');
        rel.setAttribute('aria-label', 'Relations');
        for (const r of item.relations) rel.append(el('li', undefined, r));
        li.append(rel);
      }
      ul.append(li);
      listEls.set(item.id, li);
    }
    children.push(ul);
  }
  if (groups.length === 0) children.push(el('p', 'empty', graph.nodes.length === 0 ? (notice ?? 'No decision records in this workspace.') : 'No record matches the filters.'));
  list.replaceChildren(...children);
  markActive();
  setMode(mode);
}

function setMode(m: 'graph' | 'list'): void {
  mode = m;
  stage.hidden = m === 'list';
  list.hidden = m !== 'list';
  listButton.setAttribute('aria-pressed', String(m === 'list'));
  vscode.setState({ selection: sel, mode } satisfies Saved);
  if (m === 'graph' && needsFit) fit();
}

// ---- selection, focus, filters -------------------------------------------------------------------

function select(id: string | undefined, opts: { centre?: boolean; focusElement?: boolean } = {}): void {
  if (selected) nodeEls.get(selected)?.classList.remove('selected');
  selected = id;
  if (id) {
    const g = nodeEls.get(id);
    g?.classList.add('selected');
    if (opts.centre) centreOn(id, true);
    if (opts.focusElement && g) {
      rovingTabIndex();
      g.focus();
    }
  }
  drawControls();
}

/** A click or Enter on a node: records open; a code leaf expands or collapses. */
function activate(id: string): void {
  const n = nodeIndex.get(id);
  if (!n) return;
  select(id);
  if (n.kind === 'record') post({ type: 'open', id });
  else {
    const gov = graph.edges.find((e) => e.kind === 'governs' && e.to === id);
    if (gov) post({ type: 'expandCode', id: gov.from, expand: n.collapsed });
  }
}

function focusOn(id: string | undefined): void {
  if (!id) return;
  const n = Number(hops.value);
  sel = { ...sel, focus: { node: id, hops: Number.isInteger(n) && n >= 0 && n <= 9 ? n : 1 } };
  needsFit = true;
  update();
  select(id, { focusElement: true });
}

function toggleStatus(s: Status): void {
  sel = { ...sel, statuses: sel.statuses.includes(s) ? sel.statuses.filter((x) => x !== s) : [...sel.statuses, s] };
  needsFit = true;
  update();
}

let searchTimer: ReturnType<typeof setTimeout> | undefined;
search.addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => {
    sel = { ...sel, text: search.value };
    needsFit = true;
    update();
  }, 200);
});
tagSelect.addEventListener('change', () => {
  sel = { ...sel, tags: tagSelect.value ? [tagSelect.value] : [] };
  needsFit = true;
  update();
});
clusterSelect.addEventListener('change', () => {
  sel = { ...sel, clusters: clusterSelect.value ? [clusterSelect.value] : [] };
  needsFit = true;
  update();
});
codeBox.addEventListener('change', () => {
  sel = { ...sel, code: codeBox.checked };
  needsFit = true;
  update();
});
hops.addEventListener('input', () => { if (sel.focus && hops.value !== '') focusOn(sel.focus.node); });

function markActive(): void {
  for (const g of viewport.querySelectorAll('.node.active')) g.classList.remove('active');
  for (const li of list.querySelectorAll('li.active')) li.classList.remove('active');
  if (!active) return;
  nodeEls.get(active)?.classList.add('active');
  listEls.get(active)?.classList.add('active');
}

// ---- pan, zoom, fit ------------------------------------------------------------------------------

function applyView(): void {
  viewport.setAttribute('transform', `translate(${view.x.toFixed(1)},${view.y.toFixed(1)}) scale(${view.k.toFixed(4)})`);
  root.dataset.zoom = view.k.toFixed(3);
}

function fit(): void {
  const L = layout;
  const r = stage.getBoundingClientRect();
  if (!L || r.width === 0 || r.height === 0) { needsFit = true; return; }
  const pad = 20;
  const k = Math.min(2, Math.max(0.05, Math.min((r.width - 2 * pad) / Math.max(1, L.width), (r.height - 2 * pad) / Math.max(1, L.height))));
  view = { k, x: (r.width - L.width * k) / 2, y: Math.max(pad, (r.height - L.height * k) / 2) };
  moved = false;
  needsFit = false;
  applyView();
}

function zoomBy(factor: number, at?: { x: number; y: number }): void {
  const r = stage.getBoundingClientRect();
  const p = at ?? { x: r.width / 2, y: r.height / 2 };
  const k = Math.min(4, Math.max(0.05, view.k * factor));
  view = { k, x: p.x - (p.x - view.x) * (k / view.k), y: p.y - (p.y - view.y) * (k / view.k) };
  moved = true;
  applyView();
}

/** Scrolls a node into the middle of the view (only when it is off screen, unless `always`). */
function centreOn(id: string, always: boolean): void {
  const b = layout?.nodes.find((n) => n.id === id);
  if (!b) return;
  const r = stage.getBoundingClientRect();
  const sx = view.x + (b.x + b.width / 2) * view.k;
  const sy = view.y + (b.y + b.height / 2) * view.k;
  if (!always && sx > 0 && sx < r.width && sy > 0 && sy < r.height) return;
  view = { ...view, x: r.width / 2 - (b.x + b.width / 2) * view.k, y: r.height / 2 - (b.y + b.height / 2) * view.k };
  moved = true;
  applyView();
}

canvas.addEventListener('wheel', (e) => {
  e.preventDefault();
  const r = stage.getBoundingClientRect();
  zoomBy(Math.exp(-e.deltaY * 0.0015), { x: e.clientX - r.left, y: e.clientY - r.top });
}, { passive: false });

let pan: { x: number; y: number; vx: number; vy: number; moved: boolean } | undefined;
canvas.addEventListener('pointerdown', (e) => {
  if (e.button !== 0 || nodeOf(e.target)) return;
  pan = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false };
  canvas.setPointerCapture(e.pointerId);
  canvas.classList.add('panning');
});
canvas.addEventListener('pointermove', (e) => {
  if (pan) {
    const dx = e.clientX - pan.x;
    const dy = e.clientY - pan.y;
    if (Math.abs(dx) + Math.abs(dy) > 2) pan.moved = true;
    view = { ...view, x: pan.vx + dx, y: pan.vy + dy };
    moved = true;
    applyView();
    return;
  }
  const id = nodeOf(e.target);
  if (id) showTooltip(id, { x: e.clientX, y: e.clientY });
  else hideTooltip();
});
canvas.addEventListener('pointerup', () => {
  pan = undefined;
  canvas.classList.remove('panning');
});
canvas.addEventListener('pointerleave', () => hideTooltip());
canvas.addEventListener('click', (e) => {
  const id = nodeOf(e.target);
  if (id) activate(id);
});

function nodeOf(target: EventTarget | null): string | undefined {
  const g = target instanceof Element ? target.closest('g.node') : null;
  return g instanceof SVGGElement ? g.dataset.id : undefined;
}

// ---- hover ---------------------------------------------------------------------------------------

function showTooltip(id: string, at: { x: number; y: number }): void {
  const n = nodeIndex.get(id);
  if (!n) return;
  const r = stage.getBoundingClientRect();
  if (tooltipFor !== id) {
    tooltipFor = id;
    if (n.kind === 'record') {
      const h = hoverLines(n, details.get(id));
      const p = el('div', 'paragraph', h.paragraph);
      p.hidden = h.paragraph === '';
      tooltip.replaceChildren(el('div', 'title', h.title), el('div', 'meta', h.meta), p);
      if (!details.has(id)) post({ type: 'details', id });
    } else {
      tooltip.replaceChildren(el('div', 'title', 'Governed code'), ...n.members.slice(0, 20).map((m) => el('div', 'meta', m)));
    }
  }
  tooltip.hidden = false;
  const x = Math.min(at.x - r.left + 14, Math.max(0, r.width - 370));
  const y = at.y - r.top + 16;
  tooltip.style.left = `${x}px`;
  tooltip.style.top = `${y > r.height - 120 ? Math.max(0, y - 140) : y}px`;
}

function hideTooltip(): void {
  tooltip.hidden = true;
  tooltipFor = undefined;
}

// ---- keyboard ------------------------------------------------------------------------------------

/** One node is in the tab order (the selected one, else the first): arrows move from there. */
function rovingTabIndex(): void {
  const target = (selected && nodeEls.get(selected)) || nodeEls.values().next().value;
  for (const g of nodeEls.values()) g.setAttribute('tabindex', g === target ? '0' : '-1');
}

const ARROWS: Record<string, 'up' | 'down' | 'left' | 'right'> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

canvas.addEventListener('keydown', (e) => {
  const id = nodeOf(e.target);
  const dir = ARROWS[e.key];
  if (dir && layout) {
    e.preventDefault();
    const next = id ? nearestInDirection(layout.nodes, id, dir) : layout.nodes[0]?.id;
    if (next) {
      select(next, { focusElement: true });
      centreOn(next, false);
      const b = nodeEls.get(next)!.getBoundingClientRect();
      showTooltip(next, { x: b.left, y: b.bottom - 10 });
    }
    return;
  }
  if (e.key === 'Enter' || e.key === ' ') {
    if (id) { e.preventDefault(); activate(id); }
  } else if (e.key === 'f' || e.key === 'F') {
    if (id) { e.preventDefault(); focusOn(id); }
  } else if (e.key === 'Escape') {
    hideTooltip();
    if (sel.focus) {
      const keep = sel.focus.node;
      sel = { ...sel, focus: undefined };
      needsFit = true;
      update();
      select(keep, { focusElement: true, centre: true });
    }
  } else if (e.key === '+' || e.key === '=') zoomBy(1.25);
  else if (e.key === '-') zoomBy(1 / 1.25);
  else if (e.key === '0') fit();
});
canvas.addEventListener('focusin', (e) => {
  const id = nodeOf(e.target);
  if (id && id !== selected) select(id);
});

new ResizeObserver(() => { if ((needsFit || !moved) && layout) fit(); }).observe(stage);

// ---- PNG -----------------------------------------------------------------------------------------

/** Draws the graph shown on a canvas, in the theme's colours as the page computes them, and posts the PNG. */
function exportPng(): void {
  const L = layout;
  if (!L) return;
  const margin = 12;
  const W = L.width + 2 * margin;
  const H = L.height + 2 * margin;
  // Within what a browser canvas holds: at most 2×, and at most 16,000 px a side and 64 Mpx in all.
  const scale = Math.max(0.1, Math.min(2, 16_000 / W, 16_000 / H, Math.sqrt(64e6 / (W * H))));
  const c = el('canvas');
  c.width = Math.ceil(W * scale);
  c.height = Math.ceil(H * scale);
  const ctx = c.getContext('2d');
  if (!ctx) return;
  const css = (e: Element) => getComputedStyle(e);
  const body = css(document.body);
  const font = body.fontFamily || 'sans-serif';
  ctx.scale(scale, scale);
  ctx.fillStyle = body.backgroundColor || '#ffffff';
  ctx.fillRect(0, 0, W, H);
  ctx.translate(margin, margin);
  const strokeOf = (e: Element | null, fallback: string) => (e ? css(e).stroke : '') || fallback;
  const fillOf = (e: Element | null, fallback: string) => (e ? css(e).fill : '') || fallback;
  const dashOf = (e: Element | null) => {
    const d = e ? css(e).strokeDasharray : 'none';
    return !d || d === 'none' ? [] : d.split(/[ ,]+/).map((v) => parseFloat(v)).filter((v) => Number.isFinite(v));
  };
  for (const g of viewport.querySelectorAll<SVGGElement>('g.cluster')) {
    const b = L.clusters.find((x) => x.id === g.dataset.id);
    if (!b) continue;
    const rect = g.querySelector('rect');
    ctx.setLineDash([]);
    ctx.fillStyle = fillOf(rect, '#fafafa');
    ctx.strokeStyle = strokeOf(rect, '#bdbdbd');
    ctx.lineWidth = 1;
    const p = new Path2D(shapePath('rounded', b));
    ctx.fill(p);
    ctx.stroke(p);
    ctx.fillStyle = fillOf(g.querySelector('text'), '#424242');
    ctx.font = `bold ${METRICS.fontSize}px ${font}`;
    ctx.textAlign = 'left';
    ctx.fillText(truncate(b.name, fitChars(b.width)), b.x + METRICS.clusterPadding, b.y + METRICS.clusterPadding + 6);
  }
  const routes = new Map(L.edges.map((r) => [r.id, r]));
  for (const g of viewport.querySelectorAll<SVGGElement>('g.edge')) {
    const r = routes.get(g.dataset.id ?? '');
    const path = g.querySelector('path');
    const text = g.querySelector('text');
    if (!r || !path || r.points.length < 2) continue;
    const colour = strokeOf(path, '#888888');
    ctx.strokeStyle = colour;
    ctx.lineWidth = parseFloat(css(path).strokeWidth) || 1;
    ctx.setLineDash(dashOf(path));
    ctx.beginPath();
    r.points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
    ctx.stroke();
    if (path.hasAttribute('marker-end')) {
      const a = r.points[r.points.length - 2]!;
      const b = r.points[r.points.length - 1]!;
      const ang = Math.atan2(b.y - a.y, b.x - a.x);
      ctx.setLineDash([]);
      ctx.fillStyle = colour;
      ctx.beginPath();
      ctx.moveTo(b.x, b.y);
      ctx.lineTo(b.x - 8 * Math.cos(ang - 0.4), b.y - 8 * Math.sin(ang - 0.4));
      ctx.lineTo(b.x - 8 * Math.cos(ang + 0.4), b.y - 8 * Math.sin(ang + 0.4));
      ctx.closePath();
      ctx.fill();
    }
    if (text?.textContent) {
      ctx.font = `9px ${font}`;
      ctx.textAlign = 'center';
      ctx.lineWidth = 3;
      ctx.setLineDash([]);
      ctx.strokeStyle = body.backgroundColor || '#ffffff';
      ctx.strokeText(text.textContent, r.label.x, r.label.y + 3);
      ctx.fillStyle = fillOf(text, colour);
      ctx.fillText(text.textContent, r.label.x, r.label.y + 3);
    }
  }
  const boxes = new Map(L.nodes.map((b) => [b.id, b]));
  for (const [id, g] of nodeEls) {
    const b = boxes.get(id);
    const n = nodeIndex.get(id);
    const shape = g.querySelector('path.shape');
    if (!b || !n || !shape) continue;
    const p = new Path2D(shapePath(nodeStyle(n).shape, b));
    ctx.setLineDash(dashOf(shape));
    ctx.fillStyle = fillOf(shape, '#ffffff');
    ctx.strokeStyle = strokeOf(shape, '#888888');
    ctx.lineWidth = parseFloat(css(shape).strokeWidth) || 1.5;
    ctx.fill(p);
    ctx.stroke(p);
    ctx.setLineDash([]);
    ctx.textAlign = 'center';
    for (const t of g.querySelectorAll('text')) {
      ctx.font = `${t.classList.contains('word') || n.kind === 'code' ? 10 : 12}px ${font}`;
      ctx.fillStyle = fillOf(t, '#212121');
      ctx.fillText(t.textContent ?? '', Number(t.getAttribute('x')), Number(t.getAttribute('y')));
    }
  }
  const data = c.toDataURL('image/png');
  post({ type: 'png', data: data.slice(data.indexOf(',') + 1) });
}

// ---- messages ------------------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const m = parseToWebview(event.data);
  if (!m) return;
  switch (m.type) {
    case 'graph': {
      const first = revision < 0;
      graph = m.graph;
      revision = m.revision;
      notice = m.message;
      nodeIndex = byId();
      if (sel.focus && !nodeIndex.has(sel.focus.node)) sel = { ...sel, focus: undefined };
      if (first) needsFit = true;
      update();
      break;
    }
    case 'active':
      active = m.id;
      markActive();
      if (m.id && mode === 'graph') centreOn(m.id, false);
      break;
    case 'select': {
      if (!nodeIndex.has(m.id)) break;
      if (!shown.nodes.some((n) => n.id === m.id)) {
        // Filtered out: show everything again so the record asked for is there.
        sel = { ...EMPTY_SELECTION, code: sel.code };
        search.value = '';
        update();
      }
      select(m.id, { centre: true, focusElement: mode === 'graph' });
      listEls.get(m.id)?.scrollIntoView({ block: 'nearest' });
      break;
    }
    case 'details':
      details.set(m.id, m.paragraph);
      if (tooltipFor === m.id) {
        const p = tooltip.querySelector<HTMLElement>('.paragraph');
        if (p) {
          p.textContent = m.paragraph;
          p.hidden = m.paragraph === '';
        }
      }
      break;
  }
});

update();
post({ type: 'ready' });
