/**
 * The shape of an adr-tools collection, read from its records' text. `adr new` writes
 * `# N. Title`, `Date: YYYY-MM-DD` and the Status / Context / Decision / Consequences sections;
 * when the newest records are exactly that (one status word, plain paragraphs, nothing that could
 * be a heading, a label or a second status), `inferTemplate` gives adr-tools' own template with the
 * collection's status words, and this gives the same without parsing a record: parsing is most of
 * what `adrw new` does beyond listing the folder. Anything else, or any doubt, is left to
 * `inferTemplate` (shape-fast-path.test.ts checks both agree on every corpus and fixture).
 */
import { normaliseStatus } from '../parse/status';
import { builtin } from './resolved';
import { statusWordsOf, type InferredTemplate, type WrittenStatus } from './shape';
import { SHAPE_SAMPLE } from './siblings';

/** A sibling as read: its path and text (BOM removed). */
export interface SiblingText {
  readonly path: string;
  readonly text: string;
}

/**
 * A body line that cannot change a record's shape or status: not a heading (ATX or a setext
 * underline), fence, HTML, quote, table, indented code, and no `Label:` at its start. Never empty, so
 * that a body (lines or empty lines) is read one way only: no backtracking blow-up on a near miss.
 */
const PLAIN_LINE = String.raw`(?![#=\x60~<>|\t ]|-+\n|(?:[-*+][ \t]+)?(?:\*\*|__)?[A-Za-z][A-Za-z _.-]{0,30}(?:\*\*|__)?[ \t]*:)[^\n]+\n`;
const BODY = String.raw`((?:${PLAIN_LINE}|\n)*)`;
const ADR_TOOLS_RECORD = new RegExp(
  String.raw`^# \d+\. [A-Za-z0-9][^\n]*\n\nDate: \d{4}-\d{2}-\d{2}\n\n## Status\n\n([A-Za-z]+)\n\n## Context\n\n${BODY}## Decision\n\n${BODY}## Consequences\n\n${BODY}$`,
);

/** adr-tools' template in the siblings' status words, when every sibling is adr-tools' shape; else undefined. */
export function adrToolsShape(siblings: readonly SiblingText[]): InferredTemplate | undefined {
  const samples = siblings.slice(0, SHAPE_SAMPLE);
  if (samples.length === 0) return undefined;
  const words: WrittenStatus[] = [];
  for (const s of samples) {
    const m = ADR_TOOLS_RECORD.exec(s.text);
    if (!m) return undefined;
    words.push({ text: m[1]!, status: normaliseStatus(m[1]!) });
  }
  const statusWords = statusWordsOf(words);
  const first = words[0]!.text!;
  const defaultStatus = statusWords.proposed ?? (first[0] === first[0]!.toLowerCase() ? 'proposed' : 'Proposed');
  return { ...builtin('nygard'), defaultStatus, inferredFrom: samples.map((s) => s.path), statusWords };
}
