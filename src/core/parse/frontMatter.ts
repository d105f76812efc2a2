/**
 * YAML front matter: found by its `---` fences at the very start, parsed with `yaml`, spans kept.
 * Parsing is bounded: a front matter larger than `MAX_FRONT_MATTER_BYTES`, nested deeper than
 * `MAX_DEPTH`, with more than `MAX_NODES` nodes or `MAX_ALIASES` aliases, or with a key that is
 * itself a list or map (`? ? ? …`: turning those into JS keys takes exponential time) is reported
 * as a problem and not turned into data. A key written twice is a problem too, and neither value is
 * believed: the reader would take the last, an edit the first.
 */
import type * as YamlModule from 'yaml';
import type { Pair } from 'yaml';
import type { FrontMatter, FrontMatterEntry, ParseProblem } from '../model';

let yamlModule: typeof YamlModule | undefined;

/**
 * `yaml`, evaluated on first use: only records with front matter need it, and a command on a
 * collection without any (`new` on adr-tools records) then never pays for its initialisation.
 */
export function yaml(): typeof YamlModule {
  // A require, not an import: bundled all the same, but run when called (bundles have no top-level await).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (yamlModule ??= require('yaml') as typeof YamlModule);
}

/** Front matter larger than this is not parsed (records are a few KiB; this is generous). */
export const MAX_FRONT_MATTER_BYTES = 64 * 1024;
/** Nesting of collections (maps, lists) that front matter may have. */
export const MAX_DEPTH = 16;
/** Nodes (scalars, collections, pairs) that front matter may have. */
export const MAX_NODES = 20_000;
/** Aliases (`*name`) front matter may use: each may expand a whole anchored tree. */
export const MAX_ALIASES = 50;

export interface FrontMatterResult {
  readonly frontMatter: FrontMatter | undefined;
  readonly problems: ParseProblem[];
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** Finds and parses front matter. Text that merely starts with a thematic break is not front matter. */
export function readFrontMatter(text: string): FrontMatterResult {
  const open = OPEN.exec(text);
  if (!open) return { frontMatter: undefined, problems: [] };
  const contentStart = open[0].length;
  const rest = text.slice(contentStart);
  const close = CLOSE.exec(rest);
  if (!close) {
    return {
      frontMatter: undefined,
      problems: [{ code: 'front-matter-unclosed', severity: 'warning', message: 'Front matter starts with --- but is never closed', span: { start: 0, end: 3 } }],
    };
  }
  const contentEnd = contentStart + close.index;
  const end = contentEnd + close[0].length;
  const yamlText = text.slice(contentStart, contentEnd);
  const problems: ParseProblem[] = [];
  const contentSpan = { start: contentStart, end: contentEnd };
  if (yamlText.length > MAX_FRONT_MATTER_BYTES) {
    problems.push({ code: 'front-matter-too-large', severity: 'error', message: `Front matter is larger than ${MAX_FRONT_MATTER_BYTES} characters; not read`, span: { start: 0, end: 3 } });
    return { frontMatter: { span: { start: 0, end }, contentSpan, data: undefined, entries: [] }, problems };
  }
  const nesting = lexicalNesting(yamlText);
  if (nesting > MAX_DEPTH) {
    // yaml's parser is superlinear in flow nesting (`{a: {a: …` × 200 takes 100 ms): refuse first.
    problems.push({ code: 'yaml-too-complex', severity: 'error', message: `Front matter not read: nested deeper than ${MAX_DEPTH} levels`, span: { start: contentStart, end: contentEnd } });
    return { frontMatter: { span: { start: 0, end }, contentSpan, data: undefined, entries: [] }, problems };
  }
  const { parseDocument, isMap, isScalar } = yaml();
  // logLevel 'error': problems are collected in doc.errors / doc.warnings, never printed.
  const doc = parseDocument(yamlText, { prettyErrors: false, keepSourceTokens: false, uniqueKeys: false, logLevel: 'error' });
  let data: Record<string, unknown> | undefined;
  const tooComplex = doc.errors.length > 0 ? undefined : complexity(doc.contents);
  if (tooComplex) {
    problems.push({ code: 'yaml-too-complex', severity: 'error', message: `Front matter not read: ${tooComplex}`, span: { start: contentStart, end: contentEnd } });
  } else if (doc.errors.length > 0) {
    for (const err of doc.errors.slice(0, 3)) {
      const [s, e] = err.pos;
      problems.push({
        code: 'yaml-invalid',
        severity: 'warning',
        message: `Front matter is not valid YAML: ${err.message.split('\n')[0]}`,
        span: { start: contentStart + s, end: contentStart + Math.max(e, s + 1) },
      });
    }
  } else {
    let js: unknown;
    try {
      js = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      // An alias expanding past maxAliasCount ("billion laughs"), or a cycle.
      problems.push({ code: 'yaml-too-complex', severity: 'error', message: `Front matter not read: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`, span: { start: contentStart, end: contentEnd } });
      js = undefined;
      data = undefined;
    }
    if (problems.length > 0) {
      // reported above
    } else if (js === null || js === undefined) data = {};
    else if (typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
    else problems.push({ code: 'yaml-not-mapping', severity: 'warning', message: 'Front matter is not a key/value mapping', span: { start: contentStart, end: contentEnd } });
  }
  const entries: FrontMatterEntry[] = [];
  if (isMap(doc.contents) && !tooComplex) {
    for (const item of doc.contents.items as Pair[]) {
      const key = isScalar(item.key) ? String(item.key.value) : undefined;
      const keyRange = isScalar(item.key) ? item.key.range : undefined;
      if (key === undefined || !keyRange) continue;
      const valueNode = item.value as { range?: [number, number, number] } | null;
      const valueRange = valueNode && valueNode.range ? valueNode.range : undefined;
      // The node as the parser read it, without the line breaks a block scalar (`>-`, `|`) or a
      // multi-line plain scalar carries at its end: an edit replaces exactly this.
      let valueEnd = valueRange ? valueRange[1] : keyRange[1];
      if (valueRange) while (valueEnd > valueRange[0] && /[\r\n \t]/.test(yamlText[valueEnd - 1]!)) valueEnd--;
      const entryStart = contentStart + lineStartOf(yamlText, keyRange[0]);
      // Extend to the end of the last line (but not the line break).
      const entryEnd = lineEndOf(text, Math.max(contentStart + valueEnd, contentStart + keyRange[1]), contentEnd);
      const valueOnKeyLine = valueRange && !yamlText.slice(keyRange[1], valueRange[0]).includes('\n');
      entries.push({
        key,
        span: { start: entryStart, end: entryEnd },
        valueSpan: valueOnKeyLine ? { start: contentStart + valueRange[0], end: contentStart + valueEnd } : undefined,
      });
    }
  }
  // A key written twice (or as `status` and `Status`, which readers take for one): say so, and
  // believe neither, so no edit picks one of them.
  const seen = new Map<string, FrontMatterEntry>();
  const duplicated = new Set<string>();
  for (const e of entries) {
    const k = e.key.toLowerCase();
    const first = seen.get(k);
    if (!first) {
      seen.set(k, e);
      continue;
    }
    if (!duplicated.has(k)) {
      problems.push({ code: 'yaml-duplicate-key', severity: 'error', message: `Front matter has the key "${first.key}" more than once; fix it by hand (edits of this record are refused)`, span: e.span });
    }
    duplicated.add(k);
  }
  if (data && duplicated.size > 0) {
    data = Object.fromEntries(Object.entries(data).filter(([k]) => !duplicated.has(k.toLowerCase())));
  }
  return { frontMatter: { span: { start: 0, end }, contentSpan, data, entries }, problems };
}

/**
 * An upper bound of the nesting the YAML text can have, from its characters alone (linear): open
 * flow brackets outside quotes and comments, plus the block indicators (`- `, `? `, `: `) that
 * start a line. Real front matter stays below 5.
 */
export function lexicalNesting(yaml: string): number {
  let max = 0;
  let flow = 0;
  let quote = '';
  let lineStart = true;
  let block = 0;
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml[i]!;
    if (c === '\n') {
      lineStart = true;
      block = 0;
      if (quote === "'" || quote === '"') continue; // multi-line quoted scalars go on
      continue;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (lineStart) {
      if (c === ' ' || c === '\t') continue;
      if ((c === '-' || c === '?' || c === ':') && (yaml[i + 1] === ' ' || yaml[i + 1] === '\t')) {
        block++;
        max = Math.max(max, flow + block);
        i++;
        continue;
      }
      lineStart = false;
    }
    if (c === '"' || c === "'") {
      // A quote starts a scalar only at the start of a token.
      const prev = yaml[i - 1];
      if (prev === undefined || /[\s[{,:]/.test(prev)) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(yaml[i - 1]!))) {
      const nl = yaml.indexOf('\n', i);
      i = (nl === -1 ? yaml.length : nl) - 1;
    } else if (c === '[' || c === '{') {
      flow++;
      max = Math.max(max, flow + block);
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return max;
}

/** Why a parsed front matter is too complex to turn into data, or undefined. Iterative: no recursion. */
function complexity(root: unknown): string | undefined {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yaml();
  const stack: [unknown, number][] = [[root, 0]];
  let nodes = 0;
  let aliases = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || node === undefined) continue;
    if (++nodes > MAX_NODES) return `more than ${MAX_NODES} nodes`;
    if (isAlias(node)) {
      if (++aliases > MAX_ALIASES) return `more than ${MAX_ALIASES} aliases`;
    } else if (isMap(node) || isSeq(node)) {
      if (depth >= MAX_DEPTH) return `nested deeper than ${MAX_DEPTH} levels`;
      for (const item of node.items) stack.push([item, depth + 1]);
    } else if (isPair(node)) {
      if (node.key !== null && node.key !== undefined && !isScalar(node.key)) {
        return 'a key that is itself a list or map (an explicit "? " key)';
      }
      stack.push([node.key, depth], [node.value, depth]);
    }
  }
  return undefined;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** End of the line holding `offset - 1` (excluding `\r\n`), never past `limit`. */
function lineEndOf(text: string, offset: number, limit: number): number {
  if (offset > 0 && text[offset - 1] === '\n') offset--;
  let nl = text.indexOf('\n', offset);
  if (nl === -1 || nl > limit) nl = limit;
  if (nl > 0 && text[nl - 1] === '\r') nl--;
  return Math.max(nl, Math.min(offset, limit));
}

/** A string, or the items of a list, or a comma-separated string split: the forms people write lists in. */
export function stringList(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => stringList(v));
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  return [];
}
