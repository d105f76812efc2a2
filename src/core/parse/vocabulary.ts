/**
 * The status words collections write, mapped to the normalised lifecycle `Status`.
 *
 * Built in: English (adr-tools, MADR, log4brains, pyadr), the EIP-style lifecycle (Draft, Review,
 * Last Call, Living, Final, Stagnant, Withdrawn), other common words (RFC, Adopted, Pending, In
 * progress, Obsolete) and the French, Portuguese, Spanish, German and Italian words seen in real
 * collections. Words are matched case-insensitively, without accents and without markup, as whole
 * words. A collection can add its own words (or re-map built-in ones) in configuration: see
 * `StatusVocabulary` and README "Status vocabulary".
 */
import { letters } from '../letters';
import type { Status } from '../model';

/** A collection's own words: lower-case word or phrase → status. Declared words win over built-in ones. */
export type StatusVocabulary = Readonly<Record<string, Exclude<Status, 'unknown'>>>;

/** Built-in phrases per status, accent-free and lower-case ("accepte" matches "accepté", "Acceptée"). */
export const BUILT_IN_VOCABULARY: Readonly<Record<Exclude<Status, 'unknown'>, readonly string[]>> = {
  superseded: [
    'superseded', 'superceded', 'supersceded', 'replaced by', 'replaced', 'substituido', 'substituida', 'remplace par', 'remplacee par',
    'remplace', 'remplacee', 'reemplazado', 'sustituido', 'ersetzt', 'abgelost', 'sostituito',
  ],
  deprecated: [
    'deprecated', 'obsolete', 'obsoleted', 'retired', 'stagnant', 'descontinuado', 'descontinuada', 'obsoleto', 'obsoleta',
    'deprecie', 'depreciee', 'veraltet', 'archived',
  ],
  rejected: [
    'rejected', 'declined', 'dismissed', 'abandoned', 'withdrawn', 'refused', 'rejeite', 'rejete', 'rejetee', 'refuse', 'refusee',
    'rejeitado', 'rejeitada', 'recusado', 'rechazado', 'abgelehnt', 'rifiutato', 'respinto', 'abandonne', 'abandonnee',
  ],
  accepted: [
    'accepted', 'approved', 'adopted', 'agreed', 'decided', 'implemented', 'done', 'active', 'living', 'final', 'in force',
    'aceito', 'aceita', 'aprovado', 'aprovada', 'accepte', 'acceptee', 'adopte', 'adoptee', 'approuve', 'approuvee', 'valide', 'validee',
    'aceptado', 'aceptada', 'aprobado', 'aprobada', 'akzeptiert', 'angenommen', 'genehmigt', 'beschlossen', 'accettato', 'approvato',
  ],
  proposed: [
    'proposed', 'proposal', 'review', 'in review', 'under review', 'last call', 'pending', 'open', 'suggested', 'rfc', 'in discussion',
    'under discussion', 'proposto', 'proposta', 'propose', 'proposee', 'en discussion', 'propuesto', 'propuesta', 'vorgeschlagen',
    'in prufung', 'in revisione',
  ],
  draft: [
    'draft', 'wip', 'work in progress', 'incomplete', 'in progress', 'brouillon', 'rascunho', 'borrador', 'entwurf', 'bozza',
    'en cours', 'em andamento',
  ],
};

/** What a negated word means: "Not accepted" is rejected; "Not implemented" / "not done" is not in force yet. */
const NEGATED: Partial<Record<Status, Status>> = { accepted: 'rejected', proposed: 'unknown', draft: 'unknown' };
/** Words a negation of an accepted word still leaves open rather than refused. */
const NOT_YET = new Set(['implemented', 'done', 'active', 'final', 'in force']);

/** Lower-case, accents removed, markup and decoration replaced by spaces: the form phrases are matched in. */
export function foldStatus(text: string): string {
  const ascii = /^[\x00-\x7f]*$/.test(text);
  return (ascii ? text : text.normalize('NFD').replace(/\p{M}+/gu, '')).toLowerCase().replace(/[*_`~]+/g, ' ');
}

interface Phrase {
  readonly words: string;
  readonly status: Status;
  readonly declared: boolean;
}

const builtInPhrases: Phrase[] = Object.entries(BUILT_IN_VOCABULARY).flatMap(([status, words]) =>
  words.map((w) => ({ words: w, status: status as Status, declared: false })));

const cache = new WeakMap<StatusVocabulary, Phrase[]>();

function phrasesOf(vocabulary: StatusVocabulary | undefined): Phrase[] {
  if (!vocabulary) return builtInPhrases;
  let p = cache.get(vocabulary);
  if (!p) {
    const own = Object.entries(vocabulary).map(([w, status]) => ({ words: foldStatus(w).replace(/\s+/g, ' ').trim(), status: status as Status, declared: true }));
    // Declared phrases first so that at the same position they win over built-in ones.
    p = [...own.filter((x) => x.words), ...builtInPhrases];
    cache.set(vocabulary, p);
  }
  return p;
}

const NEGATION = letters(/(?:^|[^\p{L}])(?:not|non|nao|no|nicht|pas)(?:[\s-]+(?:yet|encore|ainda))?[\s-]+$/u);
const UN_PREFIX = letters(/(?:^|[^\p{L}])un-?$/u);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Matcher {
  /** Phrase (spaces for any run of spaces or hyphens) → its entry; the first listed wins. */
  readonly byWords: Map<string, Phrase>;
  /** The regex of every phrase for a text (see `letters`), made on first use. */
  re(text: string): RegExp;
}
const matchers = new WeakMap<Phrase[], Matcher>();

/** One regex for every phrase of a vocabulary, longest first so "in review" wins over "review". */
function matcherOf(phrases: Phrase[]): Matcher {
  let m = matchers.get(phrases);
  if (!m) {
    const byWords = new Map<string, Phrase>();
    for (const p of phrases) if (!byWords.has(p.words)) byWords.set(p.words, p);
    let re: ((text: string) => RegExp) | undefined;
    m = {
      byWords,
      re: (text) => {
        if (!re) {
          const alternatives = [...byWords.keys()].sort((a, b) => b.length - a.length).map((w) => escape(w).replace(/ /g, '[\\s-]+'));
          re = letters(new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu'));
        }
        return re(text);
      },
    };
    matchers.set(phrases, m);
  }
  return m;
}

/** Lower-case words with single spaces ("accepted", "in review"): looked up whole before any regex runs. */
const PLAIN_PHRASE = /^[a-z]+(?: [a-z]+)*$/;

/** One status word found in a text: where, which status, and whether a "not" precedes it. */
export interface StatusWord {
  readonly index: number;
  readonly length: number;
  readonly words: string;
  readonly status: Status;
  readonly negated: boolean;
}

/** The vocabulary phrases in `folded` (a `foldStatus` text), leftmost first, the longest at each place. */
export function findStatusWords(folded: string, vocabulary?: StatusVocabulary): StatusWord[] {
  const out: StatusWord[] = [];
  const matcher = matcherOf(phrasesOf(vocabulary));
  const { byWords } = matcher;
  // The usual status, a phrase and nothing else ("accepted"): the regex would find it alone, whole,
  // not negated (nothing precedes it). Building that regex is the larger part of reading a status.
  const trimmed = folded.trim();
  const whole = PLAIN_PHRASE.test(trimmed) ? byWords.get(trimmed) : undefined;
  if (whole) return [{ index: folded.indexOf(trimmed), length: trimmed.length, words: whole.words, status: whole.status, negated: false }];
  const re = matcher.re(folded);
  re.lastIndex = 0;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const words = m[0].replace(/[\s-]+/g, ' ');
    const p = byWords.get(words);
    if (!p) continue;
    const before = folded.slice(Math.max(0, m.index - 12), m.index);
    const negated = before !== '' && (NEGATION(before).test(before) || UN_PREFIX(before).test(before));
    out.push({ index: m.index, length: m[0].length, words: p.words, status: p.status, negated });
  }
  return out;
}

/** The status a negated word means. */
export function negatedStatus(word: StatusWord): Status {
  if (word.status === 'accepted' && NOT_YET.has(word.words)) return 'proposed';
  return NEGATED[word.status] ?? 'unknown';
}

/**
 * Parses the status vocabulary a collection declares: a mapping of its words to one of the
 * lifecycle statuses (`{"Living": "accepted", "Last Call": "proposed"}`), or the inverse form
 * (`{"accepted": ["Living", "Final"]}`). Returns the mapping and what was wrong with the rest.
 */
export function readStatusVocabulary(value: unknown): { vocabulary: StatusVocabulary; problems: string[] } {
  const out: Record<string, Exclude<Status, 'unknown'>> = {};
  const problems: string[] = [];
  if (value === undefined || value === null) return { vocabulary: out, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { vocabulary: out, problems: ['statuses must be a mapping of status words to proposed, accepted, rejected, deprecated, superseded or draft'] };
  }
  const known = (s: unknown): s is Exclude<Status, 'unknown'> => typeof s === 'string' && ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded', 'draft'].includes(s.toLowerCase());
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (known(key) && (Array.isArray(v) || (typeof v === 'string' && !known(v)))) {
      for (const w of Array.isArray(v) ? v : [v]) {
        if (typeof w === 'string' && w.trim()) out[w.trim().toLowerCase()] = key.toLowerCase() as Exclude<Status, 'unknown'>;
        else problems.push(`statuses.${key}: "${String(w)}" is not a status word`);
      }
    } else if (known(v)) {
      if (key.trim()) out[key.trim().toLowerCase()] = v.toLowerCase() as Exclude<Status, 'unknown'>;
    } else {
      problems.push(`statuses: "${key}" maps to "${String(v)}", which is not one of proposed, accepted, rejected, deprecated, superseded, draft`);
    }
  }
  return { vocabulary: out, problems };
}
