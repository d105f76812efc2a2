/** Small pure decisions of the authoring commands (no vscode import: unit-tested in plain Node). */
import type { AdrRecord, Span } from '../../core/model';
import { STATUS_CHOICES } from '../../core/presentation';

export { STATUS_CHOICES };

/**
 * The status to write in a new record: a known status word follows the template's case ("proposed"
 * in MADR and log4brains, "Proposed" in Nygard); anything else is written as typed.
 */
export function statusForTemplate(chosen: string, templateDefault: string): string {
  const known = STATUS_CHOICES.some((s) => s.toLowerCase() === chosen.trim().toLowerCase());
  if (!known) return chosen.trim();
  const lower = templateDefault !== '' && templateDefault.charAt(0) === templateDefault.charAt(0).toLowerCase();
  const word = chosen.trim().toLowerCase();
  return lower ? word : word.charAt(0).toUpperCase() + word.slice(1);
}

/** Sections that hold metadata rather than prose: the cursor skips them. */
const METADATA_SECTIONS = /^(?:status|links?|related|metadata)$/i;

/**
 * Where the cursor goes in a new record: the first line of text in its first prose section
 * (Context, Context and Problem Statement, …), selected so that typing replaces the template's
 * guidance; the end of the title line when there is no such section.
 */
export function firstBodySpan(record: AdrRecord, text: string): Span {
  const section = record.sections.find((s) => s.depth >= 2 && !METADATA_SECTIONS.test(s.heading.trim()));
  if (section) {
    let at = section.bodySpan.start;
    while (at < section.bodySpan.end) {
      const nl = text.indexOf('\n', at);
      const end = nl === -1 || nl > section.bodySpan.end ? section.bodySpan.end : nl;
      const line = text.slice(at, end).replace(/\r$/, '');
      if (line.trim() !== '') {
        const lead = line.length - line.trimStart().length;
        return { start: at + lead, end: at + line.trimEnd().length };
      }
      if (nl === -1) break;
      at = nl + 1;
    }
    return { start: section.bodySpan.start, end: section.bodySpan.start };
  }
  const end = record.titleField?.lineSpan.end ?? 0;
  return { start: end, end };
}
