/**
 * The two questions the front ends ask a `CodeIndex`: which decisions govern this file
 * (`explain`: by glob and by anchor), and where is this decision referenced (`refs`: every anchor
 * and every governed file).
 */
import type { AdrRecord } from '../model';
import { normalize } from '../paths';
import type { CodeIndex, LocatedAnchor } from './codeIndex';
import type { Resolution } from './resolve';

/** One anchor in one file, resolved. */
export interface AnchorUse {
  readonly path: string;
  readonly anchor: LocatedAnchor;
  readonly resolution: Resolution;
}

/** A record that bears on a file, and how. */
export interface ExplainedRecord {
  readonly record: AdrRecord;
  /** In force (see `isInForce`). Records not in force are listed but do not govern. */
  readonly inForce: boolean;
  /** The record's globs that match the file (empty: named by anchor only). */
  readonly patterns: readonly string[];
  /** The file's anchors that name the record. */
  readonly anchors: readonly LocatedAnchor[];
}

export interface Explanation {
  readonly path: string;
  /** Records matching the file by glob or named by its anchors, once each: in force first, then by path. */
  readonly records: readonly ExplainedRecord[];
  /** Every anchor of the file with its resolution (paths that only look like references left out). */
  readonly anchors: readonly AnchorUse[];
}

/** Where a record is referenced. */
export interface References {
  readonly record: AdrRecord;
  readonly inForce: boolean;
  /** Anchors resolving to the record, and ambiguous ones that could (their `resolution` says which). */
  readonly anchors: readonly AnchorUse[];
  /** Files the record's globs match (absolute, sorted); empty when it has no globs. */
  readonly governedFiles: readonly string[];
}

/** Resolves anchors written in `path`, leaving out weak references that lead nowhere. */
export function resolveAnchors(code: CodeIndex, path: string, anchors: readonly LocatedAnchor[]): AnchorUse[] {
  const out: AnchorUse[] = [];
  for (const anchor of anchors) {
    const resolution = code.resolver.resolve(anchor.ref, path);
    if (resolution.kind !== 'none') out.push({ path, anchor, resolution });
  }
  return out;
}

/**
 * What governs one file. `anchors` defaults to the stored ones; pass `code.findAnchors(text, …)`
 * for an editor's unsaved text.
 */
export function explain(code: CodeIndex, path: string, anchors: readonly LocatedAnchor[] = code.anchorsIn(path)): Explanation {
  const p = normalize(path);
  const uses = resolveAnchors(code, p, anchors);
  const byRecord = new Map<string, { record: AdrRecord; inForce: boolean; patterns: string[]; anchors: LocatedAnchor[] }>();
  for (const m of code.governs.match(p)) {
    byRecord.set(m.record.path, { record: m.record, inForce: m.inForce, patterns: [...m.patterns], anchors: [] });
  }
  for (const u of uses) {
    if (u.resolution.kind !== 'resolved') continue;
    const r = u.resolution.record;
    let e = byRecord.get(r.path);
    if (!e) byRecord.set(r.path, (e = { record: r, inForce: code.governs.inForce(r), patterns: [], anchors: [] }));
    e.anchors.push(u.anchor);
  }
  const records = [...byRecord.values()].sort((a, b) => Number(b.inForce) - Number(a.inForce) || (a.record.path < b.record.path ? -1 : 1));
  return { path: p, records, anchors: uses };
}

/** `explain` for a file on disk, read now (it need not have been scanned). */
export async function explainFile(code: CodeIndex, path: string): Promise<Explanation> {
  return explain(code, path, await code.readAnchors(normalize(path)));
}

/** Every anchor naming `record` and every file its globs match (from the last scan). */
export function refs(code: CodeIndex, record: AdrRecord): References {
  const anchors: AnchorUse[] = [];
  for (const path of code.candidateFiles(record)) {
    if (code.inCollection(path)) continue;
    for (const anchor of code.anchorsIn(path)) {
      const resolution = code.resolver.resolve(anchor.ref, path);
      const hit = resolution.kind === 'resolved'
        ? resolution.record.path === record.path
        : resolution.kind === 'ambiguous' && resolution.candidates.some((c) => c.path === record.path);
      if (hit) anchors.push({ path, anchor, resolution });
    }
  }
  return { record, inForce: code.governs.inForce(record), anchors, governedFiles: code.governs.filesOf(record, code.files()) };
}
