/**
 * A light section scanner for texts that have not been through the parser (rendered templates), and
 * lookups over sections from either source. ATX headings only (`## Title`), outside fenced code and
 * outside front matter: enough for the templates we write ourselves.
 */
import type { Section, Span } from '../model';
import { lineEndOf, nextLineStart } from './lines';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;

/** End offset of the front matter block (after its closing fence line), or 0 when there is none. */
export function frontMatterEnd(text: string): number {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m.exec(text.slice(open[0].length));
  return close ? open[0].length + close.index + close[0].length : 0;
}

/** Headings of `text` as `Section`s (body: to the next heading of the same or lower depth, or EOF). */
export function scanSections(text: string): Section[] {
  const found: { heading: string; depth: number; headingSpan: Span }[] = [];
  let fence: string | undefined;
  for (let at = frontMatterEnd(text); at < text.length; ) {
    const end = lineEndOf(text, at);
    const line = text.slice(at, end);
    const f = FENCE.exec(line);
    if (fence !== undefined) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = undefined;
    } else if (f) {
      fence = f[1];
    } else {
      const h = ATX.exec(line);
      if (h) found.push({ heading: stripClosingHashes(h[2] ?? ''), depth: h[1]!.length, headingSpan: { start: at, end } });
    }
    at = nextLineStart(text, at);
  }
  return found.map((s, i) => {
    const bodyStart = nextLineStart(text, s.headingSpan.end);
    let bodyEnd = text.length;
    for (let j = i + 1; j < found.length; j++) {
      if (found[j]!.depth <= s.depth) {
        bodyEnd = found[j]!.headingSpan.start;
        break;
      }
    }
    return { ...s, bodySpan: { start: bodyStart, end: Math.max(bodyStart, bodyEnd) } };
  });
}

function stripClosingHashes(s: string): string {
  return s.replace(/[ \t]+#+$/, '').replace(/^#+$/, '').trim();
}

/** A heading's text for matching: HTML comments (`<!-- optional -->`) and emphasis removed, lower-cased. */
export function headingKey(heading: string): string {
  return heading.replace(/<!--[\s\S]*?-->/g, '').replace(/[*_`]/g, '').trim().toLowerCase();
}

/** The first section whose heading key is one of `names` (and of `depth`, when given). */
export function findSection(sections: readonly Section[], names: readonly string[], depth?: number): Section | undefined {
  return sections.find((s) => names.includes(headingKey(s.heading)) && (depth === undefined || s.depth === depth));
}

/** Start of the first heading (any depth) after `section`'s heading, or `textLength`. */
export function nextHeadingStart(sections: readonly Section[], section: Section, textLength: number): number {
  let best = textLength;
  for (const s of sections) {
    if (s.headingSpan.start > section.headingSpan.start && s.headingSpan.start < best) best = s.headingSpan.start;
  }
  return best;
}
