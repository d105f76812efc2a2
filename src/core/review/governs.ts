/**
 * Which in-force records govern a path. The review asks through `GoverningLookup`, so the links
 * module's matcher can stand in for this small default (records' `governs` globs, relative to the
 * repository root, compiled with picomatch; a folder without glob characters means everything below
 * it; `!glob` excludes).
 */
import picomatch from 'picomatch';
import type { AdrRecord, Status } from '../model';

/** A record governing a path, and the glob that matched. */
export interface GoverningMatch {
  readonly record: AdrRecord;
  readonly glob: string;
}

/** Answers "which in-force records govern this repository-relative path?". */
export interface GoverningLookup {
  governing(path: string): readonly GoverningMatch[];
}

/** Records in force: accepted ones. */
export function inForce(status: Status): boolean {
  return status === 'accepted';
}

interface Compiled {
  readonly positive: readonly { readonly glob: string; readonly test: (p: string) => boolean }[];
  readonly negative: readonly ((p: string) => boolean)[];
}

const compiledCache = new WeakMap<AdrRecord, Compiled>();

function compileOne(raw: string): ((p: string) => boolean) | undefined {
  let g = raw.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
  if (!g) return undefined;
  if (g.endsWith('/')) g += '**';
  try {
    const exact = picomatch(g, { dot: true });
    if (picomatch.scan(g).isGlob) return exact;
    const below = picomatch(`${g}/**`, { dot: true });
    return (p) => exact(p) || below(p);
  } catch {
    return undefined;
  }
}

function compiled(record: AdrRecord): Compiled {
  let c = compiledCache.get(record);
  if (!c) {
    const positive: { glob: string; test: (p: string) => boolean }[] = [];
    const negative: ((p: string) => boolean)[] = [];
    for (const glob of record.governs) {
      const neg = glob.trim().startsWith('!');
      const test = compileOne(neg ? glob.trim().slice(1) : glob);
      if (test && neg) negative.push(test);
      else if (test) positive.push({ glob, test });
    }
    compiledCache.set(record, (c = { positive, negative }));
  }
  return c;
}

/** The first of the record's globs that matches the repository-relative path (none when excluded). */
export function governsGlob(record: AdrRecord, path: string): string | undefined {
  const c = compiled(record);
  const hit = c.positive.find((p) => p.test(path));
  return hit && !c.negative.some((t) => t(path)) ? hit.glob : undefined;
}

/** A lookup over a fixed list of records (the in-force ones with globs are kept). */
export function governingFromRecords(records: readonly AdrRecord[]): GoverningLookup {
  const candidates = records.filter((r) => inForce(r.status) && r.governs.length > 0);
  return {
    governing(path) {
      const out: GoverningMatch[] = [];
      for (const record of candidates) {
        const glob = governsGlob(record, path);
        if (glob !== undefined) out.push({ record, glob });
      }
      return out;
    },
  };
}
