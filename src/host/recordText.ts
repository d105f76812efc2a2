/** What a hover shows of a record's text (the text the user sees: open editor, else disk). */
import type { AdrRecord } from '../core/model';
import type { Documents } from './documents';

/** The first paragraph of the Decision section (else Context, else the body), as plain text. */
export async function firstParagraph(documents: Documents, r: AdrRecord, maxChars = 500): Promise<string> {
  let text: string;
  try {
    text = (await documents.text(r.path)).text;
  } catch {
    return '';
  }
  return paragraphOf(text, r, maxChars);
}

/**
 * The first paragraph of `text` (the record's): in its Decision section, else Context, else the
 * body after the front matter; headings and comments before it skipped, cut at `maxChars`.
 */
export function paragraphOf(text: string, r: Pick<AdrRecord, 'sections' | 'frontMatter'>, maxChars = 500): string {
  const section = r.sections.find((s) => /^decision(?: outcome)?$/i.test(s.heading.trim())) ?? r.sections.find((s) => /^context/i.test(s.heading.trim()));
  const body = section ? text.slice(section.bodySpan.start, section.bodySpan.end) : text.slice(r.frontMatter?.span.end ?? 0);
  const paragraph: string[] = [];
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#') || line.startsWith('<!--')) {
      if (paragraph.length > 0) break;
      continue;
    }
    if (!line) {
      if (paragraph.length > 0) break;
      continue;
    }
    paragraph.push(line);
  }
  const out = paragraph.join(' ');
  return out.length > maxChars ? `${out.slice(0, maxChars)}…` : out;
}
