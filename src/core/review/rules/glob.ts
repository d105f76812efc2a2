/** Compiled glob lists (picomatch, dot files included), cached by their text. */
import picomatch from 'picomatch';

const cache = new Map<string, (path: string) => boolean>();

/** A test for repository-relative paths matching any of `globs`. Invalid globs match nothing. */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\0');
  let m = cache.get(key);
  if (!m) {
    const tests = globs.flatMap((g) => {
      try {
        return [picomatch(g.replace(/^\.\//, ''), { dot: true })];
      } catch {
        return [];
      }
    });
    m = tests.length === 0 ? () => false : tests.length === 1 ? tests[0]! : (p: string) => tests.some((t) => t(p));
    if (cache.size > 200) cache.clear();
    cache.set(key, m);
  }
  return m;
}
