/** Relation phrases: "Superseded by [3. Use X](0003-use-x.md)", "supersedes ADR-0045", "Amends 0005-x.md". */
import type { RelationType } from '../model';
import { relationTypeOf } from './status';
import { letters } from '../letters';

export interface RelationPhrase {
  readonly verb: string;
  readonly type: RelationType;
  readonly target: string;
  readonly label?: string;
}

const VERB = String.raw`([\p{L}][\p{L}'’ _-]{0,40}?)`;
const LINK_PHRASE = letters(new RegExp(String.raw`^${VERB}\s*:?\s*\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`, 'u'));
const ID_PHRASE = letters(new RegExp(String.raw`^${VERB}\s*:?\s+(?:\[((?:ADR|adr)[-_ ]?#?\d{1,7})\](?!\()|((?:ADR|adr)[-_ ]?#?\d{1,7}\b|[\w.-]+\.md\b|#\d{1,7}\b))`, 'u'));
const LEADING_DECORATION = letters(/^[^\p{L}[]+/u);

/** A bare id such as `ADR-0057`, `ADR 57` or `adr_7`. */
export const BARE_ID = /\bADR[-_ ]?(\d{1,7})\b/i;

/**
 * Reads a relation phrase at the start of `text` (after emoji or list markers are removed). Custom
 * verbs are accepted only when a link or id follows directly, so ordinary prose is not taken.
 */
export function parseRelationPhrase(text: string, options: { customVerbs?: boolean } = {}): RelationPhrase | undefined {
  const t = text.replace(/^\s*(?:[-*+]\s+)?/, '').replace(LEADING_DECORATION(text), '');
  const link = LINK_PHRASE(t).exec(t);
  const id = link ? undefined : ID_PHRASE(t).exec(t);
  const m = link ?? id;
  if (!m) return undefined;
  const verb = m[1]!.trim().replace(/\s+/g, ' ').toLowerCase();
  const type = relationTypeOf(verb);
  // "superseded - in [ADR 9] we…" is prose around a dash, not a verb.
  if (type === 'custom' && (options.customVerbs === false || verb.split(' ').length > 4 || /(?:^|\s)[-_]+(?:\s|$)/.test(verb))) return undefined;
  if (link) return { verb, type, target: link[3]!, label: link[2]! };
  // `[ADR 9]`: a reference-style link; its definition (`[ADR 9]: 0009-x.md`) is looked up by the caller.
  if (id![2] !== undefined) return { verb, type, target: id![2], label: id![2] };
  return { verb, type, target: id![3]! };
}

/**
 * Reads relation phrases from a status value such as "accepted; supersedes ADR-0045" or
 * "superseded by [x](x.md)": every part after the first separator (and the first part itself when it
 * is a relation) that names a known relation.
 */
export function relationsInStatus(status: string): RelationPhrase[] {
  const out: RelationPhrase[] = [];
  if (!/supers|superc|replac|amend|clarif|relat|see also/i.test(status)) return out;
  for (const part of status.split(/[;,]|\s+and\s+/)) {
    const r = parseRelationPhrase(part.trim(), { customVerbs: false });
    if (r) out.push(r);
  }
  return out;
}

/** Pulls the link target out of a front-matter value: `[t](x.md)` → `x.md`, else the trimmed text. */
export function targetOf(value: string): { target: string; label?: string } {
  const m = /\[([^\]]*)\]\(\s*<?([^)\s>]+)>?\s*\)/.exec(value);
  if (m) return { target: m[2]!, label: m[1]! };
  return { target: value.trim() };
}

/** Reference-style link definitions (`[ADR 9]: 0009-x.md`, `[ADR 9]: @ref rest_adr_0009`), by lower-case label. */
export function referenceDefinitions(text: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!text.includes(']:')) return out;
  const re = /^ {0,3}\[([^\]\n]+)\]:[ \t]*(?:<([^>\n]*)>|(\S+))(?:[ \t]+(\S+))?/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const label = m[1]!.trim().toLowerCase().replace(/\s+/g, ' ');
    // Doxygen's `@ref anchor` names the anchor in the next word.
    const dest = m[3] === '@ref' && m[4] ? m[4] : (m[2] ?? m[3]!);
    if (!out.has(label)) out.set(label, dest);
  }
  return out;
}

/** Every reference to a record in a line: `[t](x.md)` links, `[ADR 9]` reference links, `ADR-0012` ids. */
export function recordReferences(line: string): { target: string; label?: string; index: number; length: number }[] {
  const out: { target: string; label?: string; index: number; length: number }[] = [];
  const re = /\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|\[((?:ADR|adr)[-_ ]?#?\d{1,7})\](?!\()|\b((?:ADR|adr)[-_ ]?#?\d{1,7})\b/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m[2] !== undefined) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(m[2]) || m[2].startsWith('#')) continue;
      out.push({ target: m[2], label: m[1]!, index: m.index, length: m[0].length });
    } else if (m[3] !== undefined) out.push({ target: m[3], label: m[3], index: m.index, length: m[0].length });
    else out.push({ target: m[4]!, index: m.index, length: m[0].length });
  }
  return out;
}

const TOKEN = 0xe200;
const isToken = (c: string | undefined) => c !== undefined && c.charCodeAt(0) >= TOKEN && c.charCodeAt(0) < TOKEN + 0x100;

/**
 * Supersede relations stated in a paragraph of prose, as status sections written by hand state them:
 * "Supersedes the layout portions of [ADR 9](…), [ADR 6](…), and [ADR 11](…)", "Superseded in part
 * by [ADR 12](…) for …", "[ADR 19](…) supersedes this ADR's provider decision", "Superseded by the
 * 2026-06-20 boundary and ADR 0008". Only records named right after the verb (a few words may come
 * between) count; a clause ends at `;` or at the end of a sentence.
 */
export function supersedeClauses(paragraph: string): RelationPhrase[] {
  if (!/super[sc]ed|replace/i.test(paragraph)) return [];
  const refs = recordReferences(paragraph).slice(0, 0x100);
  if (refs.length === 0) return [];
  let masked = '';
  let at = 0;
  refs.forEach((r, i) => {
    masked += paragraph.slice(at, r.index) + String.fromCharCode(TOKEN + i);
    at = r.index + r.length;
  });
  masked = (masked + paragraph.slice(at)).replace(/\*\*|__|`[^`]*`/g, (m) => (m.startsWith('`') ? m.replace(/[.;]/g, ' ') : ''));
  const out: RelationPhrase[] = [];
  const add = (type: 'supersedes' | 'superseded-by', tokens: string[]) => {
    for (const t of tokens) {
      const r = refs[t.charCodeAt(0) - TOKEN]!;
      if (!out.some((o) => o.type === type && o.target === r.target)) out.push({ verb: type === 'supersedes' ? 'supersedes' : 'superseded by', type, target: r.target, ...(r.label !== undefined ? { label: r.label } : {}) });
    }
  };
  for (const clause of masked.split(/;|\.(?=\s|$)/)) {
    const lower = clause.toLowerCase();
    for (const m of lower.matchAll(/\b(?:refines\/)?(?:supersedes|replaces)\b:?/g)) {
      const after = clause.slice(m.index + m[0].length);
      if (/^\s*(?:this|the present|the current)\s+(?:adr|record|decision)/i.test(after)) {
        const before = clause.slice(0, m.index).trimEnd();
        if (isToken(before[before.length - 1])) add('superseded-by', [before[before.length - 1]!]);
      } else add('supersedes', tokenList(after, 12));
    }
    for (const m of lower.matchAll(/\bsuper[sc]+eded\b[^\ue200-\ue2ff:;—–]{0,80}?\bby\b/g)) {
      add('superseded-by', tokenList(clause.slice(m.index + m[0].length), 8));
    }
  }
  return out;
}

/** The references listed at the start of `text` (`[A], [B], and [C]`), after at most `words` other words. */
function tokenList(text: string, words: number): string[] {
  let i = 0;
  let skipped = 0;
  while (i < text.length && !isToken(text[i])) {
    if (/[:—–(]/.test(text[i]!)) return [];
    if (/\s/.test(text[i]!) && i > 0 && !/\s/.test(text[i - 1]!)) skipped++;
    if (skipped > words) return [];
    i++;
  }
  const out: string[] = [];
  while (i < text.length && isToken(text[i])) {
    out.push(text[i]!);
    i++;
    const sep = /^[\s,]*(?:(?:and|or|&)\s+)?/.exec(text.slice(i))!;
    if (!isToken(text[i + sep[0].length])) break;
    i += sep[0].length;
  }
  return out;
}
