/**
 * A record's Markdown as HTML for the static site. The Markdown is the repository's, read by people
 * who never chose to trust it, so nothing in it may run script in a reader's browser. Rendered by
 * markdown-it (the renderer of VS Code's own Markdown preview; ~15× faster than remark here, which
 * is what makes a 10,000-record site take seconds) with raw HTML off (it shows as text), every
 * text and attribute escaped, and a link or image kept only when its address is http(s), mailto, a
 * fragment or relative; images load only over https. Tables, strikethrough, bare URLs, footnotes and
 * task lists are GitHub's syntax; Mermaid blocks are shown as their source.
 */
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';

type Token = ReturnType<MarkdownIt['parse']>[number];
type RenderRule = NonNullable<MarkdownIt['renderer']['rules']['text']>;

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
}

const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and (quoted) attribute values. */
export function escapeHtml(s: string): string {
  // Most titles, keys, dates and tags have nothing to escape: the test is cheaper than the two replaces.
  if (!NEEDS_ESCAPE.test(s)) return s;
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

interface Env {
  readonly options: RenderOptions;
  readonly slugs: Map<string, number>;
  /** `a` or `span` for each open link, so its close matches. */
  readonly links: ('a' | 'span')[];
}

// (The plugin's types are written against an older @types/markdown-it; the plugin itself is current.)
const md = new MarkdownIt({ html: false, linkify: true, typographer: false }).use(footnote as unknown as Parameters<MarkdownIt['use']>[0]);
md.validateLink = (url: string) => safeHref(url) !== null;
const rules = md.renderer.rules;

rules.heading_open = (tokens, i, _o, env: Env) => {
  const t = tokens[i]!;
  // Record headings sit below the page's own h1.
  const level = Math.min(6, Number(t.tag.slice(1)) + 1);
  const text = tokens[i + 1]?.children?.filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('') ?? '';
  return `<h${level} id="${escapeHtml(slug(text, env))}">`;
};
rules.heading_close = (tokens, i) => `</h${Math.min(6, Number(tokens[i]!.tag.slice(1)) + 1)}>\n`;

rules.link_open = (tokens, i, _o, env: Env) => {
  const href = tokens[i]!.attrGet('href') ?? '';
  const target = /^(https?:|mailto:|#)/i.test(href) ? href : env.options.resolveLink?.(href) ?? null;
  if (target === null) {
    env.links.push('span');
    return `<span class="link-text" title="${escapeHtml(href)}">`;
  }
  env.links.push('a');
  const title = tokens[i]!.attrGet('title');
  const external = /^(https?:|mailto:)/i.test(target);
  return `<a href="${escapeHtml(target)}"${title ? ` title="${escapeHtml(title)}"` : ''}${external ? ' rel="noopener noreferrer nofollow"' : ''}>`;
};
rules.link_close = (_t, _i, _o, env: Env) => `</${env.links.pop() ?? 'a'}>`;

rules.image = (tokens, i, options, env: Env, self) => {
  const t = tokens[i]!;
  const src = t.attrGet('src') ?? '';
  const alt = self.renderInlineAsText(t.children ?? [], options, env);
  const title = t.attrGet('title');
  if (/^https:\/\//i.test(src)) {
    return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${title ? ` title="${escapeHtml(title)}"` : ''} loading="lazy" referrerpolicy="no-referrer">`;
  }
  // A relative image is not on the site: a link to it (where it resolves), else its text.
  const target = env.options.resolveLink?.(src) ?? null;
  const label = escapeHtml(alt ? `🖼 ${alt}` : '🖼 image');
  return target === null ? `<span class="link-text" title="${escapeHtml(src)}">${label}</span>` : `<a href="${escapeHtml(target)}">${label}</a>`;
};

const fence: RenderRule = rules.fence!;
rules.fence = (tokens, i, options, env, self) => {
  const t = tokens[i]!;
  const lang = t.info.trim().split(/\s+/)[0]!.toLowerCase().replace(/[^\w+-]/g, '').slice(0, 30);
  if (lang === 'mermaid') {
    return `<figure class="mermaid-source"><figcaption>Mermaid diagram (source)</figcaption><pre><code class="language-mermaid">${escapeHtml(t.content)}</code></pre></figure>\n`;
  }
  t.info = lang;
  return fence(tokens, i, options, env, self);
};
rules.table_open = () => '<div class="table"><table>\n';
rules.table_close = () => '</table></div>\n';

/** `- [ ] x` / `- [x] x`: a disabled checkbox (GitHub's task lists). */
md.core.ruler.after('inline', 'task-lists', (state) => {
  const tokens = state.tokens;
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'inline' || tokens[i - 1]!.type !== 'paragraph_open' || tokens[i - 2]!.type !== 'list_item_open') continue;
    const first = t.children?.[0];
    const m = first?.type === 'text' ? /^\[([ xX])\]\s+/.exec(first.content) : null;
    if (!m || !first) continue;
    first.content = first.content.slice(m[0].length);
    const box = new state.Token('html_inline', '', 0);
    // Written here, not parsed: raw HTML from the record never becomes html_inline (html: false).
    box.content = `<input type="checkbox" disabled${m[1] === ' ' ? '' : ' checked'} aria-label="${m[1] === ' ' ? 'not done' : 'done'}"> `;
    t.children!.unshift(box);
    tokens[i - 2]!.attrJoin('class', 'task');
  }
});

function slug(text: string, env: Env): string {
  // ASCII (most headings) needs neither the normalisation nor the Unicode classes: the same slug, cheaper.
  const lower = text.toLowerCase();
  const kept = /^[\x20-\x7e]*$/.test(lower) ? lower.replace(/[^a-z0-9\s-]/g, '') : lower.normalize('NFKD').replace(/[^\p{L}\p{N}\s-]/gu, '');
  const base = kept.trim().replace(/\s+/g, '-').slice(0, 80) || 'section';
  const n = env.slugs.get(base) ?? 0;
  env.slugs.set(base, n + 1);
  return n === 0 ? base : `${base}-${n}`;
}

export function renderMarkdown(text: string, options: RenderOptions = {}): RenderedMarkdown {
  const env: Env = { options, slugs: new Map(), links: [] };
  let tokens: Token[] = md.parse(text, env);
  if (options.dropTitle) {
    const i = tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h1' && t.level === 0);
    if (i === 0) tokens = tokens.slice(3);
  }
  return { html: md.renderer.render(tokens, md.options, env) };
}

/**
 * Text and summary of a record without parsing it (for the search documents and the index page,
 * which need every record even when its page is not rendered again). The text is the Markdown as
 * it is: the search's tokenizer splits words at its punctuation. The summary is the first
 * paragraph of the Context (Problem, Background…) section, else the first paragraph that is not a
 * metadata line, Markdown punctuation dropped; lines are cleaned only for the paragraphs that
 * could be it, and the scan stops at the Context paragraph.
 */
export function quickText(markdown: string): { text: string; summary: string } {
  return { text: markdown, summary: summaryOf(markdown) };
}

const CONTEXT_SECTION = /context|problem|background|summary|abstract|motivation|issue/;
const NOT_SUMMARY_SECTION = /status|date|decision-makers|deciders/;
/** Characters without which `inlineText` leaves a line's blankness (and its words) alone. */
const INLINE_MARKUP = /[<[*_~`|]/;

/** At most three words (`a b c`): a line like `Accepted` or `In progress` is no summary. */
function fewWords(p: string): boolean {
  let spaces = 0;
  for (let i = p.indexOf(' '); i >= 0; i = p.indexOf(' ', i + 1)) if (++spaces > 2) return false;
  return true;
}

function summaryOf(markdown: string): string {
  let section = '';
  let para: string[] = [];
  let fence = false;
  let fallback: string | undefined;
  const meta = (p: string) => fewWords(p) || /^[\p{L} _-]{1,30}:\s/u.test(p);
  /** The paragraph ending here, when it is the summary (the Context's) or may be (the first). */
  const flush = (): string | undefined => {
    if (!para.length) return undefined;
    const raw = para;
    para = [];
    const context = CONTEXT_SECTION.test(section);
    if (!context && (fallback !== undefined || NOT_SUMMARY_SECTION.test(section))) return undefined;
    const text = raw.map((l) => inlineText(l).trim()).join(' ').replace(/\s+/g, ' ').trim();
    if (meta(text)) return undefined;
    if (context) return text;
    fallback = text;
    return undefined;
  };
  // Line by line without splitting the whole text first: the scan usually stops at the Context.
  for (let at = 0; at <= markdown.length;) {
    let end = markdown.indexOf('\n', at);
    if (end < 0) end = markdown.length;
    const raw = markdown.slice(at, end > at && markdown.charCodeAt(end - 1) === 13 ? end - 1 : end);
    at = end + 1;
    if (/^\s{0,3}(```|~~~)/.test(raw)) {
      fence = !fence;
      const found = flush();
      if (found !== undefined) return found;
      continue;
    }
    if (fence) continue;
    const h = /^\s{0,3}#{1,6}\s+(.*)$/.exec(raw);
    const blank = INLINE_MARKUP.test(raw) ? !inlineText(raw).trim() : !raw.trim();
    if (h || blank || /^\s*([-*+]|\d+[.)]|\|)\s/.test(raw) || /^\s*>/.test(raw)) {
      const found = flush();
      if (found !== undefined) return found;
      if (h) section = h[1]!.toLowerCase();
      continue;
    }
    para.push(raw);
  }
  return flush() ?? fallback ?? '';
}

function inlineText(line: string): string {
  // Each replace only where its character is: most lines of prose have none of them.
  let s = line.replace(/^\s{0,3}#{1,6}\s+/, '');
  if (s.includes('[')) {
    s = s.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1');
  }
  if (s.includes('<')) s = s.replace(/<[^>]{0,200}>/g, ' ');
  if (/[*_~`]/.test(s)) s = s.replace(/(\*\*|__|\*|_|~~|`)/g, '');
  s = s.replace(/^\s*[-*+]\s+/, '');
  return s.includes('|') ? s.replace(/\|/g, ' ') : s;
}
