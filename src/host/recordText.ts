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
  const section = r.sections.find((s) => /^decision(?: outcome)?$/i.test(s.heading.trim())) ?? r.sections.find((s) => /^context/i.test(s.heading.trim()));
  const body = section ? text.slice(section.bodySpan.start, section.bodySpan.end) : text.slice(r.frontMatter?.span.end ?? 0);
  const paragraph: string[] = [];
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#') || line.startsWith('<!--')) continue;
    if (!line) {
      if (paragraph.length > 0) break;
      continue;
    }
    paragraph.push(line);
  }
  const out = paragraph.join(' ');
  return out.length > maxChars ? `${out.slice(0, maxChars)}…` : out;
}
