/**
 * Which in-force records govern a path. The review asks through `GoverningLookup`; the default here
 * uses the links module's glob semantics (`matchingPatterns`: relative to the repository root, a
 * folder means everything below it, `!glob` excludes), so the panel, the gate and CodeLens agree.
 */
import type { AdrRecord, Status } from '../model';
import { isInForce, matchingPatterns } from '../links/governs';

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
  return isInForce(status);
}

/** Per record (records are not changed once parsed), the answers so far: a range review asks for every finding against every record it adds. */
const answers = new WeakMap<AdrRecord, Map<string, string | null>>();

/** The first of the record's globs that matches the repository-relative path (none when excluded). */
export function governsGlob(record: AdrRecord, path: string): string | undefined {
  if (record.governs.length === 0) return undefined;
  let known = answers.get(record);
  if (!known) answers.set(record, (known = new Map()));
  let glob = known.get(path);
  if (glob === undefined) {
    if (known.size >= 4096) known.clear();
    known.set(path, (glob = matchingPatterns(record, path)[0] ?? null));
  }
  return glob ?? undefined;
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
