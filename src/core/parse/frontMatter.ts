/** YAML front matter: found by its `---` fences at the very start, parsed with `yaml`, spans kept. */
import { parseDocument, isMap, isScalar, type Pair } from 'yaml';
import type { FrontMatter, FrontMatterEntry, ParseProblem } from '../model';

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
  const doc = parseDocument(yamlText, { prettyErrors: false, keepSourceTokens: false, uniqueKeys: false });
  let data: Record<string, unknown> | undefined;
  if (doc.errors.length > 0) {
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
    const js: unknown = doc.toJS({ maxAliasCount: 50 });
    if (js === null || js === undefined) data = {};
    else if (typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
    else problems.push({ code: 'yaml-not-mapping', severity: 'warning', message: 'Front matter is not a key/value mapping', span: { start: contentStart, end: contentEnd } });
  }
  const entries: FrontMatterEntry[] = [];
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items as Pair[]) {
      const key = isScalar(item.key) ? String(item.key.value) : undefined;
      const keyRange = isScalar(item.key) ? item.key.range : undefined;
      if (key === undefined || !keyRange) continue;
      const valueNode = item.value as { range?: [number, number, number] } | null;
      const valueRange = valueNode && valueNode.range ? valueNode.range : undefined;
      const entryStart = contentStart + lineStartOf(yamlText, keyRange[0]);
      let entryEnd = contentStart + (valueRange ? valueRange[1] : keyRange[1]);
      // Extend to the end of the last line (but not the line break).
      entryEnd = lineEndOf(text, Math.max(entryEnd, contentStart + keyRange[1]), contentEnd);
      const valueOnKeyLine = valueRange && !yamlText.slice(keyRange[1], valueRange[0]).includes('\n');
      entries.push({
        key,
        span: { start: entryStart, end: entryEnd },
        valueSpan: valueOnKeyLine ? { start: contentStart + valueRange[0], end: contentStart + valueRange[1] } : undefined,
      });
    }
  }
  return { frontMatter: { span: { start: 0, end }, contentSpan: { start: contentStart, end: contentEnd }, data, entries }, problems };
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
