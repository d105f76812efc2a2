/**
 * Compiled glob lists: every glob of a list becomes one regular expression (picomatch's, dot files
 * included), joined into a single alternation, so a path costs one regex test per list. Before the
 * regex, a cheap filter: each glob (braces expanded) has literal text every matching path must
 * contain; a path holding none of them cannot match. Cached by list (identity first, then text).
 */
import picomatch from 'picomatch';

const byText = new Map<string, (path: string) => boolean>();
const byList = new WeakMap<readonly string[], (path: string) => boolean>();

/** `a{b,c}d` → `abd`, `acd` (nested groups too); text without braces comes back alone. */
export function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  if (open < 0) return [glob];
  let depth = 0;
  const parts: string[] = [];
  let from = open + 1;
  for (let i = open; i < glob.length; i++) {
    const c = glob[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      parts.push(glob.slice(from, i));
      const head = glob.slice(0, open);
      return parts.flatMap((p) => expandBraces(p).flatMap((x) => expandBraces(`${head}${x}${glob.slice(i + 1)}`)));
    } else if (c === ',' && depth === 1) {
      parts.push(glob.slice(from, i));
      from = i + 1;
    }
  }
  return [glob];
}

/** The longest run of literal text in a brace-free glob, without its slashes at the ends ('' when none is safe). */
function literalOf(glob: string): string {
  if (/[!+@]\(|\\/.test(glob)) return '';
  const runs = glob.replace(/\[[^\]]*\]/g, '*').split(/[*?()|]+/).map((r) => r.replace(/^\/+|\/+$/g, ''));
  return runs.reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** A test for repository-relative paths matching any of `globs`. Invalid globs match nothing. */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const known = byList.get(globs);
  if (known) return known;
  const key = globs.join('\0');
  let m = byText.get(key);
  if (!m) {
    const sources: string[] = [];
    const tokens: string[] = [];
    let unfiltered = false;
    for (const raw of globs) {
      const g = raw.replace(/^\.\//, '');
      try {
        sources.push(picomatch.makeRe(g, { dot: true }).source);
      } catch {
        continue;
      }
      for (const x of expandBraces(g)) {
        const t = literalOf(x);
        if (t.length < 2) unfiltered = true;
        else tokens.push(t);
      }
    }
    const re = sources.length === 0 ? undefined : new RegExp(sources.map((s) => `(?:${s})`).join('|'));
    const lits = new RegExp([...new Set(tokens)].map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
    m = !re ? () => false : unfiltered ? (p: string) => re.test(p) : (p: string) => lits.test(p) && re.test(p);
    if (byText.size > 500) byText.clear();
    byText.set(key, m);
  }
  byList.set(globs, m);
  return m;
}
