/**
 * Regular expressions that come from a repository (`.adr-review.yml` custom rules, a workspace's
 * `adrWorkbench.links.anchorPatterns`) run on RE2JS, a port of RE2: matching takes time linear in the
 * input whatever the pattern, so `^(a+)+$` on a long line cannot stall the extension host or CI.
 * The price is RE2's syntax: no backreferences and no lookaround (such patterns are refused with a
 * one-line message at load time).
 */
import { RE2JS } from 're2js';

/** A compiled user pattern. */
export interface SafePattern {
  /** The pattern as written. */
  readonly source: string;
  /** True when the pattern matches somewhere in `text`. */
  test(text: string): boolean;
  /** Every non-overlapping, non-empty match in `text` from offset `from`, with its offset and named groups. */
  matchAll(text: string, from?: number): Iterable<SafeMatch>;
}

export interface SafeMatch {
  readonly index: number;
  readonly text: string;
  readonly groups: Readonly<Record<string, string | undefined>>;
}

/** Thrown for a pattern RE2 cannot compile; `message` is one line. */
export class PatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatternError';
  }
}

/** Compiles `source` (JavaScript-style flags: only `i`, `m` and `s` are honoured). */
export function compileSafe(source: string, flags = ''): SafePattern {
  let re: RE2JS;
  try {
    const f = (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes('m') ? RE2JS.MULTILINE : 0) | (flags.includes('s') ? RE2JS.DOTALL : 0);
    re = RE2JS.compile(source, f);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new PatternError(`${msg.split('\n')[0]} (patterns run on RE2: no backreferences or lookaround)`);
  }
  const names = Object.keys(re.namedGroups());
  return {
    source,
    test: (text) => re.matcher(text).find(),
    *matchAll(text, from = 0) {
      const m = re.matcher(text);
      while (from <= text.length && m.find(from)) {
        const start = m.start();
        const end = m.end();
        if (end > start) {
          const groups: Record<string, string | undefined> = {};
          for (const n of names) groups[n] = m.group(n) ?? undefined;
          yield { index: start, text: text.slice(start, end), groups };
        }
        from = end > start ? end : end + 1;
      }
    },
  };
}
