/**
 * Filling a template. One pass over the lines, so that a value is never substituted again (a title
 * containing "DATE" stays as typed):
 *
 * - front matter `status:`, `date:`, `decision-makers:` / `deciders:` get the values (MADR 3/4);
 * - header bullets `* Status:`, `- Date:`, `* Deciders:` before the first `##` heading get them, the
 *   `[...] <!-- optional -->` placeholder dropped (MADR 2, log4brains);
 * - anywhere else, adr-tools' tokens NUMBER, TITLE, DATE, STATUS (first occurrence of each per line,
 *   as adr-tools' sed does) and MADR's title placeholders `{short title ...}`, `[short title ...]`,
 *   `<!-- short title ... -->`.
 *
 * Placeholders for values not given (e.g. `decision-makers: {list everyone ...}`) are left for the
 * author, as the template intends.
 */
import type { TextEdit } from '../model';
import { applyEdits } from '../text';
import { hasFrontMatterLinks, insertFrontMatterLinks, insertRelationLines, type RelationPlacement } from '../edit/placement';
import { frontMatterEnd, scanSections } from '../edit/sections';
import { yamlScalar } from '../edit/yaml';
import { sniffTemplate, templateInfo, type TemplateKind } from './kinds';

/** A link line to write: `verb [label](target)`. */
export interface RelationLine {
  /** As it should be written ("Supercedes", "Amended by"). */
  readonly verb: string;
  readonly label: string;
  /** Relative link from the new record's folder. */
  readonly target: string;
  /** The target's record number, for front matter `links:` lists that name records by number. */
  readonly number?: number | null;
}

/** The values a template is filled with. */
export interface RenderValues {
  readonly title: string;
  /** The record number, unpadded in the text (`# 7. Title`); null for date-named collections. */
  readonly number: number | null;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** The status as it should be written; the template's default when absent. */
  readonly status?: string;
  readonly deciders?: readonly string[];
  readonly relations?: readonly RelationLine[];
  /** Line break of the output (templates are LF). */
  readonly eol?: '\n' | '\r\n';
}

/** Renders a built-in template, or `customText` for `custom`. */
export function renderTemplate(kind: TemplateKind, values: RenderValues, customText?: string): string {
  if (kind === 'custom') {
    if (customText === undefined) throw new Error('renderTemplate: a custom template needs its text');
    return renderText(customText, values);
  }
  const info = templateInfo(kind);
  return renderText(info.text, values, { defaultStatus: info.defaultStatus, relations: info.relations, bullet: info.bullet });
}

/** Dialect-dependent rendering choices (from the template kind, or sniffed). */
export interface RenderStyle {
  readonly defaultStatus: string;
  readonly relations: RelationPlacement;
  readonly bullet: '-' | '*';
}

/** Renders any template text; the style is sniffed from the text when not given. */
export function renderText(template: string, values: RenderValues, style?: RenderStyle): string {
  const s = style ?? sniffTemplate(template);
  const status = values.status ?? s.defaultStatus;
  let text = template.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const fmEnd = frontMatterEnd(text);
  const firstH2 = text.slice(fmEnd).search(/^ {0,3}##[ \t]/m);
  const headerEnd = firstH2 === -1 ? text.length : fmEnd + firstH2;
  const out: string[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const inFrontMatter = at > 0 && at < fmEnd;
    const inHeader = at >= fmEnd && at < headerEnd;
    out.push(
      (inFrontMatter && frontMatterLine(line, status, values)) ||
        (inHeader && bulletLine(line, status, values)) ||
        substituteTokens(line, status, values),
    );
    at += line.length + 1;
  }
  text = out.join('\n');
  if (values.relations && values.relations.length > 0) text = addRelations(text, values.relations, s);
  return values.eol === '\r\n' ? text.replace(/\n/g, '\r\n') : text;
}

function frontMatterLine(line: string, status: string, v: RenderValues): string | undefined {
  // `key: TOKEN` (inferred templates: `statut: STATUS`, `title: TITLE`): the value as a YAML scalar.
  const t = /^([^\s:#][^:]*:)[ \t]*(STATUS|TITLE|DATE|NUMBER)[ \t]*$/.exec(line);
  if (t) {
    const value = t[2] === 'STATUS' ? status : t[2] === 'TITLE' ? v.title : t[2] === 'DATE' ? v.date : v.number === null ? '' : String(v.number);
    return `${t[1]} ${value === '' || t[2] === 'NUMBER' ? value : yamlScalar(value)}`.trimEnd();
  }
  const m = /^(status|date|decision-makers|deciders)([ \t]*:)/.exec(line);
  if (!m) return undefined;
  const key = m[1]!;
  if (key === 'status') return `${key}${m[2]} ${yamlScalar(status)}`;
  if (key === 'date') return `${key}${m[2]} ${v.date}`;
  if (v.deciders && v.deciders.length > 0) return `${key}${m[2]} ${yamlScalar(v.deciders.join(', '))}`;
  return undefined;
}

function bulletLine(line: string, status: string, v: RenderValues): string | undefined {
  const m = /^([ \t]*[-*+][ \t]+)(status|date|deciders)([ \t]*:)/i.exec(line);
  if (!m) return undefined;
  const key = m[2]!.toLowerCase();
  const head = `${m[1]}${m[2]}${m[3]} `;
  if (key === 'status') return head + status;
  if (key === 'date') return head + v.date;
  if (v.deciders && v.deciders.length > 0) return head + v.deciders.join(', ');
  return undefined;
}

const TOKENS = /\{NUMBER:\d\}|NUMBER|TITLE|DATE|STATUS|\{short title[^}\n]*\}|\[short title[^\]\n]*\]|<!--[ \t]*short title[^\n]*?-->/g;

function substituteTokens(line: string, status: string, v: RenderValues): string {
  const seen = new Set<string>();
  return line.replace(TOKENS, (token) => {
    const padded = /^\{NUMBER:(\d)\}$/.exec(token);
    if (padded) return v.number === null ? '' : String(v.number).padStart(Number(padded[1]), '0');
    const name = /^[A-Z]+$/.test(token) ? token : 'PLACEHOLDER';
    if (name !== 'PLACEHOLDER') {
      if (seen.has(name)) return token;
      seen.add(name);
    }
    switch (name) {
      case 'NUMBER':
        return v.number === null ? '' : String(v.number);
      case 'DATE':
        return v.date;
      case 'STATUS':
        return status;
      default:
        return v.title;
    }
  });
}

/** Relation lines in their dialect's place; MADR 2 / log4brains link placeholders make way for them. */
function addRelations(text: string, relations: readonly RelationLine[], s: RenderStyle): string {
  if (hasFrontMatterLinks(text)) {
    const edit = insertFrontMatterLinks(text, '\n', relations.map((r) => ({ rel: r.verb, target: r.number ?? r.target })));
    if (edit) return applyEdits(text, [edit]);
  }
  const lines = relations.map((r) => `${r.verb} [${r.label}](${r.target})`);
  if (s.relations === 'links-section') {
    text = text.replace(/^[ \t]*[-*+][ \t]+(?:\[Link type\].*|….*numbers of links can vary.*)\n/gim, '');
  }
  const edits: TextEdit[] = [];
  // Templates often end in an empty section; the relation lines should end the file, not blank lines.
  text = text.replace(/\n{2,}$/, '\n');
  const doc = { text, sections: scanSections(text), eol: '\n' as const };
  // A custom Nygard-like template without a Status section still gets its links, in a Links list.
  const edit = insertRelationLines(doc, s.relations, lines, s.bullet) ?? insertRelationLines(doc, 'links-section', lines, s.bullet);
  if (edit) edits.push(edit);
  return applyEdits(text, edits);
}
