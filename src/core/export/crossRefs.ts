/**
 * References from a record to a record of another repository: `payments:ADR-0007`, `payments:7`,
 * `identity:ADR 12`, written anywhere in the text but code (fenced blocks and code spans), alone or
 * after a relation verb (`Amends payments:ADR-0007`, `* Relates to: identity:ADR-12`). The catalogue
 * resolves them; the export only carries them as written.
 */

export interface CrossReference {
  /** The repository (catalogue source) named, lower-cased. */
  readonly repository: string;
  /** The number named. */
  readonly number: number;
  /** As written (`payments:ADR-0007`). */
  readonly written: string;
  /** The relation verb in front of it, lower-cased (`amends`, `relates to`), or `mentions`. */
  readonly verb: string;
  /** 1-based line. */
  readonly line: number;
}

// A repository name, a colon, then ADR-7 / ADR 0007 / adr_7 / 7. Not after `/`, `:` or a word
// character (URLs, `C:`, `a:b:c`); the name starts with a letter (no times like 10:30).
const REF = /(?<![\w/:.@-])([A-Za-z][\w.-]{0,62}):(?:ADR[-_ ]?)?(\d{1,6})(?![\w-])/gi;
const VERB = /(?:^|[*+-]\s+|\|\s*)([A-Za-z][A-Za-z ]{1,40}?)\s*[:|]?\s*\[?$/;
/** Words before a reference that make it a relation; anything else is a mention. */
const VERBS = new Set([
  'supersedes', 'superseded by', 'supercedes', 'superceded by', 'amends', 'amended by', 'clarifies', 'clarified by',
  'relates to', 'related to', 'related', 'depends on', 'required by', 'requires', 'extends', 'extended by', 'replaces',
  'replaced by', 'refines', 'refined by', 'implements', 'conflicts with', 'see', 'see also', 'follows', 'followed by',
]);
const NOT_REPOSITORIES = new Set(['http', 'https', 'mailto', 'file', 'ftp', 'ssh', 'git', 'urn', 'tel', 'data']);

export function crossReferences(text: string): CrossReference[] {
  const out: CrossReference[] = [];
  const lines = text.split(/\r?\n/);
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === undefined) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const prose = line.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));
    for (const m of prose.matchAll(REF)) {
      const repository = m[1]!.toLowerCase();
      if (NOT_REPOSITORIES.has(repository)) continue;
      const before = prose.slice(0, m.index);
      const verb = VERB.exec(before)?.[1]?.trim().toLowerCase();
      out.push({
        repository,
        number: Number(m[2]),
        written: m[0],
        verb: verb && VERBS.has(verb.replace(/\s+/g, ' ')) ? verb.replace(/\s+/g, ' ') : 'mentions',
        line: i + 1,
      });
    }
  }
  return out;
}
