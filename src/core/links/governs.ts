/**
 * Globs in a record's front matter (`governs`, `applies-to`, `affects`, parsed into
 * `AdrRecord.governs`) matched against files, relative to the repository root. Only records in
 * force govern: accepted ones, and proposed ones when the user opts in. Each record's globs are
 * compiled once (picomatch) and cached until the record object changes.
 */
import picomatch from 'picomatch';
import type { AdrRecord, Status } from '../model';
import type { AdrIndex, Disposable } from '../index';
import { normalize, relative } from '../paths';

export interface GovernsOptions {
  /** Proposed records govern too (default: only accepted ones). */
  readonly includeProposed?: boolean;
  /** The folder globs are relative to (default: the index root). */
  readonly repoRoot?: string;
}

/** A record whose globs match a file. */
export interface GovernsMatch {
  readonly record: AdrRecord;
  /** The patterns that matched, as written. */
  readonly patterns: readonly string[];
  /** False for records not in force (superseded, rejected, …, or proposed unless opted in). */
  readonly inForce: boolean;
}

/** True when a record with this status governs. */
export function isInForce(status: Status, includeProposed = false): boolean {
  return status === 'accepted' || (includeProposed && status === 'proposed');
}

interface Compiled {
  readonly positive: readonly { readonly pattern: string; readonly test: (rel: string) => boolean }[];
  readonly negative: readonly ((rel: string) => boolean)[];
}

/**
 * Compiles one glob as written in a record: `./` and `/` prefixes are dropped, a folder without
 * glob characters (`src/payments`, `src/payments/`) means everything below it, `!` excludes.
 */
function compileGlob(raw: string): ((rel: string) => boolean) | undefined {
  let p = raw.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
  if (!p) return undefined;
  if (p.endsWith('/')) p += '**';
  try {
    const isGlob = picomatch.scan(p).isGlob;
    const exact = picomatch(p, { dot: true });
    if (isGlob) return exact;
    const below = picomatch(`${p}/**`, { dot: true });
    return (rel) => exact(rel) || below(rel);
  } catch {
    return undefined;
  }
}

const cache = new WeakMap<AdrRecord, Compiled>();

function compiled(record: AdrRecord): Compiled {
  let c = cache.get(record);
  if (!c) {
    const positive: { pattern: string; test: (rel: string) => boolean }[] = [];
    const negative: ((rel: string) => boolean)[] = [];
    for (const pattern of record.governs) {
      const neg = pattern.trim().startsWith('!');
      const test = compileGlob(neg ? pattern.trim().slice(1) : pattern);
      if (!test) continue;
      if (neg) negative.push(test);
      else positive.push({ pattern, test });
    }
    cache.set(record, (c = { positive, negative }));
  }
  return c;
}

/** The patterns of `record` that match the repository-relative path `rel` (empty when none, or excluded). */
export function matchingPatterns(record: AdrRecord, rel: string): string[] {
  const c = compiled(record);
  const hits = c.positive.filter((p) => p.test(rel)).map((p) => p.pattern);
  return hits.length > 0 && c.negative.some((t) => t(rel)) ? [] : hits;
}

/** Matches files against the globs of every record of an index. Dispose when done. */
export class GovernsMatcher implements Disposable {
  private withGlobs: AdrRecord[] | undefined;
  private readonly subscription: Disposable;
  readonly repoRoot: string;

  constructor(private readonly index: AdrIndex, private readonly options: GovernsOptions = {}) {
    this.repoRoot = normalize(options.repoRoot ?? index.root);
    this.subscription = index.onDidChange(() => { this.withGlobs = undefined; });
  }

  /** Records that have globs, in index order (cached until the index changes). */
  records(): readonly AdrRecord[] {
    return (this.withGlobs ??= this.index.records().filter((r) => r.governs.length > 0));
  }

  /** True when the record governs (see `isInForce`). */
  inForce(record: AdrRecord): boolean {
    return isInForce(record.status, this.options.includeProposed);
  }

  /** The path relative to the repository root, or undefined when it lies outside. */
  relative(path: string): string | undefined {
    // Fast path for the normalised absolute paths a scan produces.
    if (path.length > this.repoRoot.length + 1 && path.startsWith(this.repoRoot) && path.charCodeAt(this.repoRoot.length) === 47 && !path.includes('/.')) {
      return path.slice(this.repoRoot.length + 1);
    }
    if (this.repoRoot === '/' && path.startsWith('/') && !path.includes('/.')) return path.slice(1) || undefined;
    const rel = relative(this.repoRoot, normalize(path));
    return rel === '' || rel.startsWith('..') ? undefined : rel;
  }

  /** Every record whose globs match the file (absolute path), in force or not; in-force first. */
  match(path: string): GovernsMatch[] {
    const rel = this.relative(path);
    if (rel === undefined) return [];
    const out: GovernsMatch[] = [];
    for (const record of this.records()) {
      const patterns = matchingPatterns(record, rel);
      if (patterns.length > 0) out.push({ record, patterns, inForce: this.inForce(record) });
    }
    return out.sort((a, b) => Number(b.inForce) - Number(a.inForce));
  }

  /** The records in force that govern the file. */
  governing(path: string): GovernsMatch[] {
    return this.match(path).filter((m) => m.inForce);
  }

  /** The files (absolute) among `files` that `record`'s globs match. */
  filesOf(record: AdrRecord, files: Iterable<string>): string[] {
    const out: string[] = [];
    if (record.governs.length === 0) return out;
    for (const f of files) {
      const rel = this.relative(f);
      if (rel !== undefined && matchingPatterns(record, rel).length > 0) out.push(f);
    }
    return out.sort();
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
