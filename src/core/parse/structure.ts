/**
 * The block structure a record's metadata is read from: headings, the lines under them, links.
 *
 * Two readers produce it. `remarkStructure` builds it from the full mdast tree (unified +
 * remark-parse): exact CommonMark, used where a document is open and fidelity matters. `scanStructure`
 * is a line scanner that knows only what metadata needs (ATX/setext headings, fenced code, HTML
 * comments, inline links); it is ~20× faster, which is what lets a 10,000-record index build in about
 * a second. Unit tests check that both give the same record for every corpus file.
 */
import type { RecordLink, Span } from '../model';
import { endOf, parseMarkdown, plainText, startOf } from './markdown';
import { forEachLine, type Line } from './lines';

export interface Heading {
  readonly depth: number;
  /** Plain text of the heading (markup removed). */
  readonly text: string;
  /** The heading's content as written (after `# `, before closing `#`s). */
  readonly contentSpan: Span;
  /** Offset where the heading starts. */
  readonly start: number;
}

export interface DocStructure {
  readonly headings: readonly Heading[];
  readonly links: readonly RecordLink[];
  /** Lines of prose and lists (not code, not headings) in `[start, end)`. */
  contentLines(start: number, end: number): Line[];
}

// ---------------------------------------------------------------------------- remark (full parse)

export function remarkStructure(text: string, mdText: string): DocStructure {
  const tree = parseMarkdown(mdText);
  const headings: Heading[] = [];
  for (const n of tree.children) {
    if (n.type !== 'heading') continue;
    const first = n.children[0];
    const last = n.children[n.children.length - 1];
    const contentSpan = first && last ? { start: startOf(first), end: endOf(last) } : { start: endOf(n), end: endOf(n) };
    headings.push({ depth: n.depth, text: plainText(n), contentSpan, start: startOf(n) });
  }
  const links: RecordLink[] = [];
  const visit = (node: (typeof tree.children)[number] | typeof tree): void => {
    if (node.type === 'link' || node.type === 'image') {
      // Images count too: a picture beside a record that was moved away is a broken link.
      const after = node.type === 'link' && node.children.length ? endOf(node.children[node.children.length - 1]!) : startOf(node) + 1;
      const link = linkAt(text, text.indexOf('](', after), endOf(node));
      if (link && node.url) links.push(link);
    }
  };
  // Iterative (a stack, in document order): a list nested thousands deep must not overflow the call stack.
  const stack: ((typeof tree.children)[number] | typeof tree)[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    if ('children' in node) {
      const children = node.children as (typeof tree.children)[number][];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return {
    headings,
    links,
    contentLines(start, end) {
      const out: Line[] = [];
      for (const node of tree.children) {
        const s = startOf(node);
        if (s < start || s >= end || (node.type !== 'list' && node.type !== 'paragraph' && node.type !== 'blockquote')) continue;
        forEachLine(text, s, endOf(node), (l) => { out.push(l); return true; });
      }
      return out;
    },
  };
}

// ---------------------------------------------------------------------------- line scanner

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

export function scanStructure(text: string, mdText: string): DocStructure {
  const headings: Heading[] = [];
  /** Spans of prose lines (outside code and comments), in order. */
  const prose: Line[] = [];
  const masked: [number, number][] = [];
  let fence: string | undefined;
  let fenceStart = 0;
  let inComment = false;
  let commentStart = 0;
  let prev: Line | undefined; // previous prose line, for setext headings
  let at = 0;
  const n = mdText.length;
  while (at <= n) {
    let nl = mdText.indexOf('\n', at);
    if (nl === -1) nl = n;
    let end = nl;
    if (end > at && mdText.charCodeAt(end - 1) === 13) end--;
    const line = mdText.slice(at, end);
    const span = { start: at, end };
    if (fence) {
      if (line.trimStart().startsWith(fence) && line.trim().replace(new RegExp(`^\\${fence[0]}+`), '') === '') {
        fence = undefined;
        masked.push([fenceStart, end]);
      }
    } else if (inComment) {
      if (line.includes('-->')) {
        inComment = false;
        masked.push([commentStart, end]);
      }
    } else {
      const f = FENCE.exec(line);
      const atx = f ? null : ATX.exec(line);
      if (f) {
        fence = f[1]!;
        fenceStart = at;
        prev = undefined;
      } else if (/^\s*<!--/.test(line) && !line.includes('-->')) {
        inComment = true;
        commentStart = at;
        prev = undefined;
      } else if (atx) {
        let cs = at + atx[0].length;
        let ce = end;
        const closing = /[ \t]+#+[ \t]*$|^#+[ \t]*$/.exec(mdText.slice(cs, ce));
        if (closing) ce = cs + closing.index;
        while (ce > cs && /[ \t]/.test(mdText[ce - 1]!)) ce--;
        if (cs > ce) cs = ce;
        headings.push({ depth: atx[1]!.length, text: inlinePlain(text.slice(cs, ce)), contentSpan: { start: cs, end: ce }, start: at });
        prev = undefined;
      } else if (prev && SETEXT.test(line) && !/^\s*[-*+]\s/.test(prev.text) && !ATX.test(prev.text)) {
        // "Title\n=====" / "Title\n-----": the previous prose line becomes the heading.
        prose.pop();
        const lead = prev.text.length - prev.text.trimStart().length;
        const contentSpan = { start: prev.span.start + lead, end: prev.span.start + prev.text.trimEnd().length };
        headings.push({ depth: line.trim()[0] === '=' ? 1 : 2, text: inlinePlain(text.slice(contentSpan.start, contentSpan.end)), contentSpan, start: prev.span.start });
        prev = undefined;
      } else if (line.trim() === '') {
        prev = undefined;
      } else {
        const l = { text: line, span };
        prose.push(l);
        prev = l;
      }
    }
    if (nl >= n) break;
    at = nl + 1;
  }
  if (fence) masked.push([fenceStart, n]);
  return {
    headings,
    links: scanLinks(mdText, masked),
    contentLines(start, end) {
      return prose.filter((l) => l.span.start >= start && l.span.start < end);
    },
  };
}

/** Inline links in `text[start, end)` (front matter values), found by pattern. */
export function linksIn(text: string, start: number, end: number): RecordLink[] {
  const out: RecordLink[] = [];
  for (let at = text.indexOf('](', start); at !== -1 && at < end; at = text.indexOf('](', at + 2)) {
    const link = linkAt(text, at, end);
    if (link) out.push(link);
  }
  return out;
}

/** Inline links `[text](href)` outside code, found by pattern. */
function scanLinks(text: string, masked: readonly [number, number][]): RecordLink[] {
  const out: RecordLink[] = [];
  const re = /\]\(/g;
  let mi = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    while (mi < masked.length && masked[mi]![1] < m.index) mi++;
    if (mi < masked.length && masked[mi]![0] <= m.index) continue;
    if (insideInlineCode(text, m.index)) continue;
    const link = linkAt(text, m.index, text.length);
    if (link) out.push(link);
  }
  return out;
}

/** True when `offset` is inside a backtick span on its line. */
function insideInlineCode(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let ticks = 0;
  for (let i = lineStart; i < offset; i++) if (text.charCodeAt(i) === 96) ticks++;
  return ticks % 2 === 1;
}

/**
 * Reads the destination of a link whose `](` is at `open`: a relative link (no scheme, not a bare
 * `#fragment`, not site-absolute) becomes a `RecordLink` with the span of its URL text.
 */
function linkAt(text: string, open: number, limit: number): RecordLink | undefined {
  if (open < 0 || open >= limit) return undefined;
  let s = open + 2;
  while (text[s] === ' ' || text[s] === '\t') s++;
  const angled = text[s] === '<';
  if (angled) s++;
  let e = s;
  while (e < limit && !(angled ? text[e] === '>' || text[e] === '\n' : /[\s)]/.test(text[e]!))) e++;
  const href = text.slice(s, e);
  if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('/')) return undefined;
  // What follows the destination must close the link, perhaps after a title: `(x.md "t")`.
  // `(@ref adr_0025)` is no link at all.
  const rest = text.slice(angled ? e + 1 : e, Math.min(limit, e + 400));
  if (!/^[ \t]*(?:\r?\n[ \t]*)?(?:(?:"[^"]*"|'[^']*'|\([^()]*\))[ \t]*)?\)/.test(rest)) return undefined;
  return { href, hrefSpan: { start: s, end: e } };
}

/** Plain text of inline Markdown: links and images keep their text, code keeps its content, markup goes. */
export function inlinePlain(s: string): string {
  if (!/[[\]`*_<\\!]/.test(s)) return s; // most headings carry no markup at all
  // Code spans are set aside first (their `<run_id>` is text, not HTML), and escaped punctuation
  // (`\*`) too so no markup rule takes it; both are restored bare at the end.
  const code: string[] = [];
  return s
    .replace(/`+([^`]*)`+/g, (_m, c: string) => String.fromCharCode(0xe100 + code.push(c) - 1))
    .replace(/\\([!-/:-@[-`{-~])/g, (_m, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)))
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, '$1')
    .replace(/(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])/g, '$1')
    .replace(/<!--.*?-->|<\/?[A-Za-z][^>\n]*>/g, '')
    .replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000))
    .replace(/[\ue100-\uf8ff]/g, (c) => code[c.charCodeAt(0) - 0xe100] ?? c);
}
