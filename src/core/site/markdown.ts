/**
 * A record's Markdown as HTML for the static site. The Markdown is the repository's, read by people
 * who never chose to trust it, so nothing in it may run script in a reader's browser. Safety is by
 * construction rather than by filtering: the HTML is written here from the syntax tree (remark-parse
 * with GitHub's extensions: tables, task lists, strikethrough, footnotes, autolinks), every text and
 * attribute is escaped, raw HTML is shown as text (but for a few bare formatting tags with no
 * attributes), and a link or image keeps its address only when it is http(s), mailto or relative.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes, Root, RootContent, Definition, FootnoteDefinition } from 'mdast';

const processor = unified().use(remarkParse).use(remarkGfm);

export interface RenderOptions {
  /**
   * Where a relative link goes on the site: the page of the record it names, the file on the
   * repository's web host, or null to keep the text without a link.
   */
  readonly resolveLink?: (href: string) => string | null;
  /** Leave out the first level-1 heading (the page shows the title itself). */
  readonly dropTitle?: boolean;
}

export interface RenderedMarkdown {
  readonly html: string;
  /** Plain text of the body (for the search index and summaries). */
  readonly text: string;
  /** The first paragraph's plain text. */
  readonly summary: string;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and (quoted) attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** An address a reader's browser may follow: http(s), mailto, a fragment, or a relative path (never `//host`, never a scheme). */
export function safeHref(href: string): string | null {
  const h = href.trim().replace(/[\u0000-\u001f\u007f\s]/g, (c) => (c === ' ' ? '%20' : ''));
  if (!h) return null;
  if (/^(https?:\/\/|mailto:)/i.test(h)) return h;
  if (h.startsWith('#')) return h;
  if (h.startsWith('//') || h.startsWith('\\')) return null;
  // Anything with a scheme (javascript:, data:, vbscript:, file:…) before the first / ? #.
  if (/^[^/?#]*:/.test(h)) return null;
  return h;
}

const SAFE_TAG = /^<(\/?)(br|hr|b|i|em|strong|sub|sup|kbd|small|u|s|del|ins|mark|details|summary|p)\s*\/?>$/i;

interface Ctx {
  readonly options: RenderOptions;
  readonly definitions: Map<string, Definition>;
  readonly footnotes: Map<string, FootnoteDefinition>;
  readonly footnoteOrder: string[];
  readonly slugs: Map<string, number>;
}

export function renderMarkdown(text: string, options: RenderOptions = {}): RenderedMarkdown {
  const root = processor.parse(text) as Root;
  const definitions = new Map<string, Definition>();
  const footnotes = new Map<string, FootnoteDefinition>();
  collect(root, definitions, footnotes);
  const ctx: Ctx = { options, definitions, footnotes, footnoteOrder: [], slugs: new Map() };
  let children = root.children;
  if (options.dropTitle) {
    const i = children.findIndex((c) => c.type === 'heading' && c.depth === 1);
    if (i >= 0 && children.slice(0, i).every((c) => c.type === 'html' || c.type === 'definition')) children = [...children.slice(0, i), ...children.slice(i + 1)];
  }
  let html = children.map((c) => block(c, ctx)).join('');
  if (ctx.footnoteOrder.length) {
    html += `<section class="footnotes" aria-label="Footnotes"><ol>${ctx.footnoteOrder.map((id, i) => {
      const def = footnotes.get(id)!;
      return `<li id="fn-${i + 1}">${def.children.map((c) => block(c, ctx)).join('')} <a href="#fnref-${i + 1}" aria-label="Back to the text">↩</a></li>`;
    }).join('')}</ol></section>`;
  }
  const plain = children.map(plainText).filter(Boolean).join('\n');
  const first = children.find((c) => c.type === 'paragraph');
  return { html, text: plain, summary: first ? plainText(first).replace(/\s+/g, ' ').trim() : '' };
}

function collect(node: Nodes, definitions: Map<string, Definition>, footnotes: Map<string, FootnoteDefinition>): void {
  if (node.type === 'definition') definitions.set(node.identifier.toLowerCase(), node);
  if (node.type === 'footnoteDefinition') footnotes.set(node.identifier.toLowerCase(), node);
  if ('children' in node) for (const c of node.children as Nodes[]) collect(c, definitions, footnotes);
}

/** Plain text of a node (headings, summaries, search). */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text': case 'inlineCode': return node.value;
    case 'code': return node.value;
    case 'html': return '';
    case 'break': return '\n';
    case 'image': return node.alt ?? '';
    case 'definition': case 'footnoteDefinition': return '';
    default:
      if ('children' in node) {
        const sep = node.type === 'list' || node.type === 'table' || node.type === 'tableRow' || node.type === 'blockquote' ? '\n' : node.type === 'root' ? '\n' : '';
        return (node.children as Nodes[]).map(plainText).join(node.type === 'tableRow' ? ' | ' : sep);
      }
      return '';
  }
}

function slug(text: string, ctx: Ctx): string {
  const base = text.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}\s-]/gu, '').trim().replace(/\s+/g, '-').slice(0, 80) || 'section';
  const n = ctx.slugs.get(base) ?? 0;
  ctx.slugs.set(base, n + 1);
  return n === 0 ? base : `${base}-${n}`;
}

function block(node: RootContent, ctx: Ctx): string {
  switch (node.type) {
    case 'paragraph': return `<p>${inlines(node.children, ctx)}</p>\n`;
    case 'heading': {
      // Record headings sit below the page's own h1.
      const level = Math.min(6, node.depth + 1);
      const id = slug(plainText(node), ctx);
      return `<h${level} id="${escapeHtml(id)}">${inlines(node.children, ctx)}</h${level}>\n`;
    }
    case 'thematicBreak': return '<hr>\n';
    case 'blockquote': return `<blockquote>${node.children.map((c) => block(c, ctx)).join('')}</blockquote>\n`;
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      const start = node.ordered && typeof node.start === 'number' && node.start !== 1 ? ` start="${Math.max(0, Math.floor(node.start))}"` : '';
      const items = node.children.map((li) => {
        const check = li.checked === true || li.checked === false
          ? `<input type="checkbox" disabled${li.checked ? ' checked' : ''} aria-label="${li.checked ? 'done' : 'not done'}"> ` : '';
        const inner = li.children.map((c) => (!node.spread && c.type === 'paragraph' ? inlines(c.children, ctx) : block(c, ctx))).join('');
        return `<li${check ? ' class="task"' : ''}>${check}${inner}</li>`;
      }).join('');
      return `<${tag}${start}>${items}</${tag}>\n`;
    }
    case 'code': {
      const lang = (node.lang ?? '').toLowerCase().replace(/[^\w+-]/g, '').slice(0, 30);
      if (lang === 'mermaid') {
        return `<figure class="mermaid-source"><figcaption>Mermaid diagram (source)</figcaption><pre><code class="language-mermaid">${escapeHtml(node.value)}</code></pre></figure>\n`;
      }
      return `<pre><code${lang ? ` class="language-${lang}"` : ''}>${escapeHtml(node.value)}</code></pre>\n`;
    }
    case 'html': return rawHtml(node.value, true);
    case 'table': {
      const align = node.align ?? [];
      const cell = (tag: 'th' | 'td', c: (typeof node.children)[number]['children'][number], i: number) => {
        const a = align[i];
        return `<${tag}${a ? ` style="text-align:${a}"` : ''}>${inlines(c.children, ctx)}</${tag}>`;
      };
      const [head, ...rows] = node.children;
      const thead = head ? `<thead><tr>${head.children.map((c, i) => cell('th', c, i)).join('')}</tr></thead>` : '';
      const tbody = rows.length ? `<tbody>${rows.map((r) => `<tr>${r.children.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('')}</tbody>` : '';
      return `<div class="table"><table>${thead}${tbody}</table></div>\n`;
    }
    case 'definition': case 'footnoteDefinition': return '';
    default:
      // Anything else (a yaml node, an extension this renderer does not know): its text, escaped.
      return `<p>${escapeHtml(plainText(node as Nodes))}</p>\n`;
  }
}

/** Raw HTML: a bare formatting tag is kept; anything else is shown as the text it is. */
function rawHtml(value: string, isBlock: boolean): string {
  const v = value.trim();
  const m = SAFE_TAG.exec(v);
  if (m) {
    const tag = m[2]!.toLowerCase();
    if (tag === 'br' || tag === 'hr') return m[1] ? '' : `<${tag}>`;
    return `<${m[1]}${tag}>`;
  }
  const shown = `<code class="raw-html">${escapeHtml(value)}</code>`;
  return isBlock ? `<p>${shown}</p>\n` : shown;
}

function inlines(nodes: readonly Nodes[], ctx: Ctx): string {
  return nodes.map((n) => inline(n, ctx)).join('');
}

function linkHref(url: string, ctx: Ctx): string | null {
  const safe = safeHref(url);
  if (safe === null) return null;
  if (/^(https?:|mailto:|#)/i.test(safe)) return safe;
  return ctx.options.resolveLink ? ctx.options.resolveLink(safe) : null;
}

function inline(node: Nodes, ctx: Ctx): string {
  switch (node.type) {
    case 'text': return escapeHtml(node.value);
    case 'emphasis': return `<em>${inlines(node.children, ctx)}</em>`;
    case 'strong': return `<strong>${inlines(node.children, ctx)}</strong>`;
    case 'delete': return `<del>${inlines(node.children, ctx)}</del>`;
    case 'inlineCode': return `<code>${escapeHtml(node.value)}</code>`;
    case 'break': return '<br>';
    case 'html': return rawHtml(node.value, false);
    case 'link': return anchor(node.url, node.title ?? null, inlines(node.children, ctx), ctx);
    case 'linkReference': {
      const def = ctx.definitions.get(node.identifier.toLowerCase());
      const inner = inlines(node.children, ctx);
      return def ? anchor(def.url, def.title ?? null, inner, ctx) : escapeHtml(`[`) + inner + escapeHtml(`]`);
    }
    case 'image': return image(node.url, node.alt ?? '', node.title ?? null, ctx);
    case 'imageReference': {
      const def = ctx.definitions.get(node.identifier.toLowerCase());
      return def ? image(def.url, node.alt ?? '', def.title ?? null, ctx) : escapeHtml(node.alt ?? '');
    }
    case 'footnoteReference': {
      const id = node.identifier.toLowerCase();
      if (!ctx.footnotes.has(id)) return escapeHtml(`[^${node.label ?? node.identifier}]`);
      let i = ctx.footnoteOrder.indexOf(id);
      if (i < 0) i = ctx.footnoteOrder.push(id) - 1;
      return `<sup><a href="#fn-${i + 1}" id="fnref-${i + 1}" aria-label="Footnote ${i + 1}">${i + 1}</a></sup>`;
    }
    default:
      if ('children' in node) return inlines(node.children as Nodes[], ctx);
      return 'value' in node && typeof node.value === 'string' ? escapeHtml(node.value) : '';
  }
}

function anchor(url: string, title: string | null, inner: string, ctx: Ctx): string {
  const href = linkHref(url, ctx);
  if (href === null) return `<span class="link-text" title="${escapeHtml(url)}">${inner}</span>`;
  const external = /^(https?:|mailto:)/i.test(href);
  return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ''}${external ? ' rel="noopener noreferrer nofollow"' : ''}>${inner}</a>`;
}

/** Images from https only (a relative image is not in the site): else a link to it, or its text. */
function image(url: string, alt: string, title: string | null, ctx: Ctx): string {
  const safe = safeHref(url);
  if (safe && /^https:\/\//i.test(safe)) {
    return `<img src="${escapeHtml(safe)}" alt="${escapeHtml(alt)}"${title ? ` title="${escapeHtml(title)}"` : ''} loading="lazy" referrerpolicy="no-referrer">`;
  }
  return anchor(url, title, escapeHtml(alt ? `🖼 ${alt}` : '🖼 image'), ctx);
}

/**
 * Text and summary of a record without parsing it (for the search index and the index page, which
 * need every record even when its page is not rendered again): Markdown punctuation dropped, the
 * summary being the first paragraph of the Context (Problem, Background…) section, else the first
 * paragraph that is not a metadata line.
 */
export function quickText(markdown: string): { text: string; summary: string } {
  const lines = markdown.split(/\r?\n/);
  const out: string[] = [];
  const paragraphs: { text: string; section: string }[] = [];
  let section = '';
  let para: string[] = [];
  let fence = false;
  const flush = () => {
    if (para.length) paragraphs.push({ text: para.join(' ').replace(/\s+/g, ' ').trim(), section });
    para = [];
  };
  for (const raw of lines) {
    if (/^\s{0,3}(```|~~~)/.test(raw)) { fence = !fence; flush(); continue; }
    const line = fence ? raw : inlineText(raw);
    out.push(line);
    if (fence) continue;
    const h = /^\s{0,3}#{1,6}\s+(.*)$/.exec(raw);
    if (h) { flush(); section = h[1]!.toLowerCase(); continue; }
    if (!line.trim() || /^\s*([-*+]|\d+[.)]|\|)\s/.test(raw) || /^\s*>/.test(raw)) { flush(); continue; }
    para.push(line.trim());
  }
  flush();
  const meta = (p: string) => /^[\p{L} _-]{1,30}:\s/u.test(p) || p.split(' ').length <= 3;
  const ctx = paragraphs.find((p) => /context|problem|background|summary|abstract|motivation|issue/.test(p.section) && !meta(p.text));
  const first = ctx ?? paragraphs.find((p) => !/status|date|decision-makers|deciders/.test(p.section) && !meta(p.text));
  return { text: out.join('\n'), summary: first?.text ?? '' };
}

function inlineText(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/(\*\*|__|\*|_|~~|`)/g, '')
    .replace(/^\s*[-*+]\s+/, '')
    .replace(/\|/g, ' ');
}
