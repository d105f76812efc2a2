/** Relation phrases: "Superseded by [3. Use X](0003-use-x.md)", "supersedes ADR-0045", "Amends 0005-x.md". */
import type { RelationType } from '../model';
import { relationTypeOf } from './status';

export interface RelationPhrase {
  readonly verb: string;
  readonly type: RelationType;
  readonly target: string;
  readonly label?: string;
}

const VERB = String.raw`([\p{L}][\p{L}'’ _-]{0,40}?)`;
const LINK_PHRASE = new RegExp(String.raw`^${VERB}\s*:?\s*\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`, 'u');
const ID_PHRASE = new RegExp(String.raw`^${VERB}\s*:?\s+(?:\[((?:ADR|adr)[-_ ]?#?\d{1,7})\](?!\()|((?:ADR|adr)[-_ ]?#?\d{1,7}\b|[\w.-]+\.md\b|#\d{1,7}\b))`, 'u');

/** A bare id such as `ADR-0057`, `ADR 57` or `adr_7`. */
export const BARE_ID = /\bADR[-_ ]?(\d{1,7})\b/i;

/**
 * Reads a relation phrase at the start of `text` (after emoji or list markers are removed). Custom
 * verbs are accepted only when a link or id follows directly, so ordinary prose is not taken.
 */
export function parseRelationPhrase(text: string, options: { customVerbs?: boolean } = {}): RelationPhrase | undefined {
  const t = text.replace(/^\s*(?:[-*+]\s+)?/, '').replace(/^[^\p{L}[]+/u, '');
  const link = LINK_PHRASE.exec(t);
  const id = link ? undefined : ID_PHRASE.exec(t);
  const m = link ?? id;
  if (!m) return undefined;
  const verb = m[1]!.trim().replace(/\s+/g, ' ').toLowerCase();
  const type = relationTypeOf(verb);
  if (type === 'custom' && (options.customVerbs === false || verb.split(' ').length > 4)) return undefined;
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
export function recordReferences(line: string): { target: string; label?: string; index: number }[] {
  const out: { target: string; label?: string; index: number }[] = [];
  const re = /\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|\[((?:ADR|adr)[-_ ]?#?\d{1,7})\](?!\()|\b((?:ADR|adr)[-_ ]?#?\d{1,7})\b/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m[2] !== undefined) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(m[2]) || m[2].startsWith('#')) continue;
      out.push({ target: m[2], label: m[1]!, index: m.index });
    } else if (m[3] !== undefined) out.push({ target: m[3], label: m[3], index: m.index });
    else out.push({ target: m[4]!, index: m.index });
  }
  return out;
}
