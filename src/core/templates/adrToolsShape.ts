/**
 * The shape of an adr-tools collection, read from its records' text. `adr new` writes
 * `# N. Title`, `Date: YYYY-MM-DD` and the Status / Context / Decision / Consequences sections;
 * when the newest records are exactly that (one status word, plain paragraphs, nothing that could
 * be a heading, a label or a second status), `inferTemplate` gives adr-tools' own template with the
 * collection's status words, and this gives the same without parsing a record: parsing is most of
 * what `adrw new` does beyond listing the folder. Anything else, or any doubt, is left to
 * `inferTemplate` (shape-fast-path.test.ts checks both agree on every corpus and fixture).
 */
import type { Status } from '../model';
import { normaliseStatus } from '../parse/status';
import { builtin } from './resolved';
import type { InferredTemplate } from './shape';
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

const STATUS_NAMES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded', 'draft'] as const;

/** adr-tools' template in the siblings' status words, when every sibling is adr-tools' shape; else undefined. */
export function adrToolsShape(siblings: readonly SiblingText[]): InferredTemplate | undefined {
  const samples = siblings.slice(0, SHAPE_SAMPLE);
  if (samples.length === 0) return undefined;
  const words: { text: string; status: Status }[] = [];
  for (const s of samples) {
    const m = ADR_TOOLS_RECORD.exec(s.text);
    if (!m) return undefined;
    words.push({ text: m[1]!, status: normaliseStatus(m[1]!) });
  }
  const statusWords: Partial<Record<string, string>> = {};
  for (const st of STATUS_NAMES) {
    // The most common word among the siblings of that status (the first seen among equals).
    const counts = new Map<string, number>();
    for (const w of words) if (w.status === st && w.text.length <= 25) counts.set(w.text, (counts.get(w.text) ?? 0) + 1);
    let best: string | undefined;
    for (const [t, n] of counts) if (best === undefined || n > counts.get(best)!) best = t;
    if (best !== undefined) statusWords[st] = best;
  }
  const first = words[0]!.text;
  const defaultStatus = statusWords.proposed ?? (first[0] === first[0]!.toLowerCase() ? 'proposed' : 'Proposed');
  return { ...builtin('nygard'), defaultStatus, inferredFrom: samples.map((s) => s.path), statusWords };
}
