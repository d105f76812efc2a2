/** The checks the webview protocols validate messages with (in the page and in the extension alike). */

export type Obj = Record<string, unknown>;

export const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

export const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Every element of a list of at most `max` parsed; undefined when one is malformed (the page keeps what it had). */
export function all<T>(x: unknown, parse: (v: unknown) => T | undefined, max = Infinity): T[] | undefined {
  if (!Array.isArray(x) || x.length > max) return undefined;
  const out: T[] = [];
  for (const v of x) {
    const p = parse(v);
    if (p === undefined) return undefined;
    out.push(p);
  }
  return out;
}
