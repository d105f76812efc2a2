/**
 * Adding `governs` globs to a record's front matter, as minimal edits: append to an existing block
 * list, widen an inline value into a flow list, add the key, or add front matter where there is
 * none. Everything else in the file stays as it was.
 */
import type { AdrRecord, TextEdit } from '../model';
import { yamlScalar } from './yaml';

const KEYS = ['governs', 'applies-to', 'applies_to', 'affects'];

/** Edits that make `record` govern `globs` too (globs it already has are skipped). */
export function addGovernsEdits(record: AdrRecord, text: string, globs: readonly string[]): TextEdit[] {
  const missing = [...new Set(globs)].filter((g) => !record.governs.includes(g));
  if (missing.length === 0) return [];
  const eol = record.eol;
  const fm = record.frontMatter;
  if (!fm) {
    const block = ['---', 'governs:', ...missing.map((g) => `  - ${yamlScalar(g)}`), '---', ''].join(eol);
    return [{ start: 0, end: 0, newText: block + (text.startsWith('#') || text === '' ? '' : eol) }];
  }
  const entry = fm.entries.find((e) => KEYS.includes(e.key));
  if (!entry) {
    // A new last entry, just before the closing fence.
    const at = fm.contentSpan.end;
    const before = text.slice(fm.contentSpan.start, at);
    const lead = before === '' || before.endsWith('\n') ? '' : eol;
    return [{ start: at, end: at, newText: `${lead}${['governs:', ...missing.map((g) => `  - ${yamlScalar(g)}`)].join(eol)}${eol}` }];
  }
  const written = text.slice(entry.span.start, entry.span.end);
  const block = /^[^:]+:\s*(?:#.*)?(\r?\n\s*-\s)/.exec(written);
  if (block) {
    // Block list: new items after the last one, with its indentation.
    const indent = /\n([ \t]*)-\s/.exec(written)?.[1] ?? '  ';
    return [{ start: entry.span.end, end: entry.span.end, newText: missing.map((g) => `${eol}${indent}- ${yamlScalar(g)}`).join('') }];
  }
  const value = entry.valueSpan;
  if (value) {
    const current = text.slice(value.start, value.end);
    const flow = /^\[(.*)\]$/s.exec(current.trim());
    const items = flow ? (flow[1]!.trim() ? [flow[1]!.trim()] : []) : [current];
    return [{ start: value.start, end: value.end, newText: `[${[...items, ...missing.map((g) => yamlScalar(g))].join(', ')}]` }];
  }
  // `governs:` with nothing after it.
  return [{ start: entry.span.end, end: entry.span.end, newText: missing.map((g) => `${eol}  - ${yamlScalar(g)}`).join('') }];
}
