/**
 * The anchors of the files that have some, and a reverse map from what an anchor names (a number,
 * an id, a file name) to the files naming it, so that "where is record X referenced" reads only
 * the few files that can name X. Keys do not depend on the ADR index: records may change freely.
 */
import type { AdrRecord } from '../model';
import { basename } from '../paths';
import type { Anchor, AnchorRef } from './anchors';

/** An anchor and where it is: zero-based line, UTF-16 column. */
export interface LocatedAnchor extends Anchor {
  readonly line: number;
  readonly character: number;
}

/** Anchors per file plus the reverse map (internal to `CodeIndex`). */
export class AnchorStore {
  readonly entries = new Map<string, LocatedAnchor[]>();
  private readonly byKey = new Map<string, Set<string>>();

  get size(): number {
    return this.entries.size;
  }

  get(path: string): readonly LocatedAnchor[] {
    return this.entries.get(path) ?? [];
  }

  paths(): IterableIterator<string> {
    return this.entries.keys();
  }

  anchorCount(): number {
    let n = 0;
    for (const a of this.entries.values()) n += a.length;
    return n;
  }

  /** Replaces the anchors of a file; returns true when it had or has some. */
  set(path: string, anchors: LocatedAnchor[]): boolean {
    const old = this.entries.get(path);
    if (!old && anchors.length === 0) return false;
    for (const a of old ?? []) this.byKey.get(keyOf(a.ref))?.delete(path);
    if (anchors.length === 0) {
      this.entries.delete(path);
      return true;
    }
    this.entries.set(path, anchors);
    for (const a of anchors) {
      const k = keyOf(a.ref);
      let set = this.byKey.get(k);
      if (!set) this.byKey.set(k, (set = new Set()));
      set.add(path);
    }
    return true;
  }

  /** Files with an anchor that may name `record` (resolve to be sure), sorted. */
  candidates(record: AdrRecord): string[] {
    const out = new Set<string>();
    for (const k of recordKeys(record)) for (const p of this.byKey.get(k) ?? []) out.add(p);
    return [...out].sort();
  }
}

/** The reverse-map key of what an anchor names. */
function keyOf(ref: AnchorRef): string {
  if (ref.link !== undefined) {
    const file = ref.link.replace(/[#?].*$/, '');
    let name = file.slice(file.lastIndexOf('/') + 1);
    try {
      name = decodeURIComponent(name);
    } catch {
      // as written
    }
    return `f:${name.toLowerCase()}`;
  }
  if (ref.id !== undefined) return `i:${ref.id.toLowerCase()}`;
  return `n:${ref.number ?? ''}`;
}

function recordKeys(record: AdrRecord): string[] {
  const keys = [`i:${record.id.toLowerCase()}`, `f:${basename(record.path).toLowerCase()}`];
  if (record.number !== null) keys.push(`n:${record.number}`);
  return keys;
}

/** Adds zero-based line and column to anchors (sorted by offset), counting line breaks once. */
export function locate(text: string, anchors: readonly Anchor[]): LocatedAnchor[] {
  const out: LocatedAnchor[] = [];
  let line = 0;
  let lineStart = 0;
  let at = 0;
  for (const a of anchors) {
    for (let nl = text.indexOf('\n', at); nl >= 0 && nl < a.span.start; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    at = lineStart;
    out.push({ ...a, line, character: a.span.start - lineStart });
  }
  return out;
}
