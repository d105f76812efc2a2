/**
 * Adding `governs` globs to a record, as minimal edits, where the record's dialect keeps them
 * (dialects/*: `fields.governs`):
 *
 * - front matter (MADR, log4brains, and any record that has front matter): append to an existing
 *   block list, widen an inline value into a flow list, add the key, or add front matter where there
 *   is none;
 * - a `Governs:` line under the title (Nygard / adr-tools records without front matter): adr-tools
 *   reads a record's title with `head -1` and its links from the Status section, so front matter or a
 *   line in the Status section would break `adr generate toc` / `graph`. The line goes after the
 *   `Date:` line (or the title), as its own paragraph; read back by parse/governs.ts.
 *
 * Everything else in the file stays as it was.
 */
import type { AdrRecord, TextEdit } from '../model';
import { dialectOfRecord } from '../dialects';
import { governsLines } from '../parse/governs';
import { endsWithBlankLine, lineEndOf } from './lines';
import { yamlScalar } from './yaml';

const KEYS = ['governs', 'applies-to', 'applies_to', 'affects'];

/** Edits that make `record` govern `globs` too (globs it already has are skipped). */
export function addGovernsEdits(record: AdrRecord, text: string, globs: readonly string[]): TextEdit[] {
  const missing = [...new Set(globs)].filter((g) => !record.governs.includes(g));
  if (missing.length === 0) return [];
  const eol = record.eol;
  const fm = record.frontMatter;
  if (!fm && dialectOfRecord(record.dialect).fields.governs === 'line') return governsLineEdits(record, text, missing);
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

/** Where the metadata under the title ends: the first section after the title (or the end). */
function headerSpan(record: AdrRecord): { start: number; end: number } {
  const start = record.titleField?.source === 'heading' ? record.titleField.lineSpan.end : 0;
  const next = record.sections.find((s) => s.depth >= 2 && s.headingSpan.start >= start);
  return { start, end: next ? next.headingSpan.start : record.length };
}

const codeSpan = (g: string): string => (g.includes('`') ? g : `\`${g}\``);

function governsLineEdits(record: AdrRecord, text: string, globs: readonly string[]): TextEdit[] {
  const eol = record.eol;
  const header = headerSpan(record);
  const existing = governsLines(text, header.start, header.end)[0];
  if (existing) {
    const sep = existing.globs.length > 0 ? ', ' : ' ';
    return [{ start: existing.valueEnd, end: existing.valueEnd, newText: sep + globs.map(codeSpan).join(', ') }];
  }
  const line = `Governs: ${globs.map(codeSpan).join(', ')}`;
  // After the `Date:` line when it is under the title, else after the title: a paragraph of its own.
  const date = record.dateField && record.dateField.source === 'line' && record.dateField.lineSpan.start >= header.start && record.dateField.lineSpan.end <= header.end
    ? record.dateField
    : undefined;
  const after = date ? lineEndOf(text, date.lineSpan.start) : record.titleField?.source === 'heading' ? record.titleField.lineSpan.end : undefined;
  if (after !== undefined) return [{ start: after, end: after, newText: `${eol}${eol}${line}` + (after === text.length ? eol : '') }];
  // No title: before the first section (never on the first line, where adr-tools reads the title).
  const at = header.end;
  if (at < text.length) return [{ start: at, end: at, newText: (endsWithBlankLine(text, at) ? '' : eol) + line + eol + eol }];
  const lead = text === '' ? '' : text.endsWith('\n') ? eol : eol + eol;
  return [{ start: at, end: at, newText: `${lead}${line}${eol}` }];
}
