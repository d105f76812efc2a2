/** People's names as records write them: `Alice Smith <alice@x.org>`, `@alice`, `alice`. */

/** A name folded for comparison: e-mail and `@` dropped, case and spacing ignored. */
export function foldName(name: string): string {
  return name.replace(/<[^>]*>/g, '').replace(/\([^)]*\)/g, '').replace(/^\s*@/, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The name to show: e-mail dropped. */
export function displayName(name: string): string {
  return name.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}

/** `names` without repeats (by folded name), in order. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const k = foldName(n);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(displayName(n));
  }
  return out;
}
