/**
 * Compiled glob lists: every glob of a list becomes one regular expression (picomatch's, dot files
 * included), joined into a single alternation, so a path costs one regex test per list. Cached by
 * list (identity first, then text).
 */
import picomatch from 'picomatch';

const byText = new Map<string, (path: string) => boolean>();
const byList = new WeakMap<readonly string[], (path: string) => boolean>();

/** A test for repository-relative paths matching any of `globs`. Invalid globs match nothing. */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const known = byList.get(globs);
  if (known) return known;
  const key = globs.join('\0');
  let m = byText.get(key);
  if (!m) {
    const sources = globs.flatMap((g) => {
      try {
        return [picomatch.makeRe(g.replace(/^\.\//, ''), { dot: true }).source];
      } catch {
        return [];
      }
    });
    const re = sources.length === 0 ? undefined : new RegExp(sources.map((s) => `(?:${s})`).join('|'));
    m = re ? (p: string) => re.test(p) : () => false;
    if (byText.size > 500) byText.clear();
    byText.set(key, m);
  }
  byList.set(globs, m);
  return m;
}
