/** Normalising the many ways people write a status ("✅ Accepted", "Superceded by …", "on hold"). */
import type { RelationType, Status } from '../model';

const STATUS_WORDS: readonly [RegExp, Status][] = [
  [/\bsuper[sc]eded\b|\breplaced by\b/, 'superseded'],
  [/\bdeprecated\b|\bobsolete\b|\bretired\b|\bwithdrawn\b/, 'deprecated'],
  [/\brejected\b|\bdeclined\b|\bdismissed\b|\babandoned\b/, 'rejected'],
  [/\baccepted\b|\bapproved\b|\badopted\b|\bagreed\b|\bdecided\b|\bimplemented\b|\bdone\b|\bactive\b/, 'accepted'],
  [/\bproposed\b|\bproposal\b|\bin review\b|\bunder review\b|\bpending\b|\bopen\b|\bsuggested\b|\brfc\b/, 'proposed'],
  [/\bdraft\b|\bwip\b|\bwork in progress\b|\bincomplete\b|\bin progress\b/, 'draft'],
];

/**
 * The normalised status of a free-text status. The first recognised word wins by position, so
 * "Accepted; supersedes ADR-0045" is accepted while "Superseded by ADR-0057" is superseded.
 */
export function normaliseStatus(text: string | null | undefined): Status {
  if (!text) return 'unknown';
  const t = text.toLowerCase();
  let best: Status = 'unknown';
  let bestAt = Number.POSITIVE_INFINITY;
  for (const [re, status] of STATUS_WORDS) {
    const m = re.exec(t);
    if (m && m.index < bestAt) {
      // "supersedes X" names a relation, not this record's status.
      if (status === 'superseded' && /^super[sc]edes/.test(t.slice(m.index))) continue;
      best = status;
      bestAt = m.index;
    }
  }
  return best;
}

/** Removes emoji, markup and decoration around a status so it reads as plain words. */
export function cleanStatusText(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/[*_`]+/g, '')
    .replace(/^[^\p{L}\p{N}[]+/u, '')
    .trim();
}

const VERBS: readonly [RegExp, RelationType][] = [
  [/^super[sc]eded[ -_]?by$|^replaced[ -_]by$/, 'superseded-by'],
  [/^super[sc]edes$|^replaces$/, 'supersedes'],
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
