/** Normalising the many ways people write a status ("✅ Accepted", "Superceded by …", "Not accepted", "Aceito"). */
import type { RelationType, Status } from '../model';
import { findStatusWords, foldStatus, negatedStatus, type StatusVocabulary } from './vocabulary';
import { letters } from '../letters';

const PLACEHOLDER_PART = letters(/^[\p{L} -]*(?:\bby\b.*)?$/u);
const STAR_EMPHASIS = letters(/(?<![\p{L}\p{N}*])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu);
const UNDERSCORE_EMPHASIS = letters(/(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu);
const LEADING_DECORATION = letters(/^[^\p{L}\p{N}[]+/u);

/**
 * The normalised status of a free-text status, in the collection's vocabulary when it declares one.
 *
 * - The first recognised word wins by position, so "Accepted; supersedes ADR-0045" is accepted while
 *   "Superseded by ADR-0057" is superseded, except that a later, unqualified "superseded by" clause
 *   ("Accepted (lazy consensus). Superseded by [16](…)") makes the record superseded; "superseded in
 *   part" / "(some portions)" / "for X" do not.
 * - A negated word is not that status: "Not accepted" is rejected, "Not-Implemented" is proposed.
 * - An unfilled template line (`[ accepted | deprecated | … ]`, `{proposed | rejected}`,
 *   `proposed, accepted, rejected, …`) is unknown, not its first word.
 */
export function normaliseStatus(text: string | null | undefined, vocabulary?: StatusVocabulary): Status {
  if (!text) return 'unknown';
  const folded = foldStatus(text);
  if (/[|/,{[]/.test(folded) && isStatusPlaceholder(folded, vocabulary)) return 'unknown';
  const words = findStatusWords(folded, vocabulary);
  let chosen: Status = 'unknown';
  let chosenAt = -1;
  for (const w of words) {
    if (w.index < chosenAt) continue;
    const s = w.negated ? negatedStatus(w) : w.status;
    if (s === 'unknown') continue;
    if (s === 'superseded' && isQualifiedSupersede(folded, w)) continue;
    chosen = s;
    chosenAt = w.index;
    break;
  }
  if (chosen !== 'superseded' && chosen !== 'unknown') {
    for (const w of words) {
      if (w.index <= chosenAt || w.status !== 'superseded' || w.negated) continue;
      // "Accepted, then superseded (some portions) by …" tells the record's history: it moved on.
      const history = /\b(?:then|later|now|since)\s+$/.test(folded.slice(0, w.index)) && !/^\s*(?:in\s+part|partial|partly)/.test(folded.slice(w.index + w.length));
      if (!history && isQualifiedSupersede(folded, w)) continue;
      if (isSupersedeClause(folded, w)) return 'superseded';
    }
  }
  return chosen;
}

/** True when the superseding word is partial: "superseded in part", "partially superseded", "superseded (some portions)", "superseded for X". */
export function isQualifiedSupersede(folded: string, w: { index: number; length: number }): boolean {
  const after = folded.slice(w.index + w.length);
  const before = folded.slice(0, w.index);
  return /^\s*(?:\(|in\s+part|partial|partly|for\b|in\s+(?:some|parts?)\b|portions?\b|as\s+far\b|where\b|only\b|regarding\b)/.test(after)
    || /(?:partially|partly|in\s+part|and|also)\s+$/.test(before);
}

/** A later "superseded" that states the record's status: "…. Superseded by X", "…, then superseded by X", "…; superseded". */
function isSupersedeClause(folded: string, w: { index: number; length: number; words: string }): boolean {
  if (!/^super[sc]+eded$/.test(w.words)) return false;
  const before = folded.slice(0, w.index);
  const after = folded.slice(w.index + w.length);
  if (/^\s*by\b/.test(after)) return true;
  return /(?:[.;!?]|\b(?:then|later|now))\s*$/.test(before);
}

/**
 * True for an unfilled template status: alternatives in brackets or braces, or only status words
 * separated by `|`, `/` or (three or more) commas.
 */
export function isStatusPlaceholder(folded: string, vocabulary?: StatusVocabulary): boolean {
  const t = folded.trim();
  const bracketed = /^[[{(<].*[\]})>]$/s.test(t);
  if (bracketed && /[|,…]|\.\.\./.test(t)) return true;
  const inner = bracketed ? t.slice(1, -1) : t;
  const parts = inner.split(/\s*(?:[|/,]|\bor\b|\bou\b)\s*/).map((x) => x.replace(/…|\.\.\./g, '').trim()).filter(Boolean);
  if (parts.length < 2) return false;
  if (!/[|/]/.test(inner) && parts.length < 3) return false;
  return parts.every((p) => {
    const ws = findStatusWords(p, vocabulary);
    return ws.length > 0 && ws[0]!.index === 0 && PLACEHOLDER_PART(p).test(p) && p.split(/\s+/).length <= 4;
  });
}

/**
 * Removes emoji, emphasis markup and decoration around a status so it reads as words; underscores
 * inside words ("Not_Implemented"), links and punctuation are kept.
 */
export function cleanStatusText(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(STAR_EMPHASIS(text), '$1')
    .replace(UNDERSCORE_EMPHASIS(text), '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/^(?:\*\*|__)+|(?:\*\*|__)+$/g, '')
    .replace(LEADING_DECORATION(text), '')
    .trim();
}

const VERBS: readonly [RegExp, RelationType][] = [
  [/^(?:(?:partially|partly|refined and|wholly|fully) )?super[sc]eded(?: (?:in part|partially|partly))?[ -_]?by$|^replaced[ -_]by$/, 'superseded-by'],
  [/^(?:refines\/)?super[sc]edes$|^replaces$/, 'supersedes'],
  [/^amended[ -_]?by$/, 'amended-by'],
  [/^amends$/, 'amends'],
  [/^clarified[ -_]?by$/, 'clarified-by'],
  [/^clarifies$/, 'clarifies'],
  [/^(?:relates?|related)(?:[ -_]?to)?$|^see also$/, 'relates'],
];

/** Maps a verb ("Superceded by", "amends", "related-to") to its relation type; others are custom. */
export function relationTypeOf(verb: string): RelationType {
  const v = verb.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const [re, type] of VERBS) if (re.test(v)) return type;
  return 'custom';
}
