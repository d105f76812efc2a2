/**
 * Anchor → record. A number or id is looked up across collections; a collection hint
 * (`payments/ADR-7`, a configured prefix, `docs/decisions/0007`) narrows it to one collection; a link
 * is taken from the source file's folder, then from the root. Several candidates are reported as
 * ambiguous, never picked silently — with one documented exception: when a number is used in several
 * collections and exactly one of them is the nearest "home" of the source file (see
 * `collectionScope`), that one is chosen and the resolution says so (`via: 'scope'`).
 */
import type { AdrRecord, Collection } from '../model';
import type { AdrIndex } from '../index';
import { basename, dirname, isInside, normalize, relative, resolve } from '../paths';
import type { AnchorRef } from './anchors';

/** What an anchor resolves to. */
export type Resolution =
  | { readonly kind: 'resolved'; readonly record: AdrRecord; /** Chosen among several collections by folder scope. */ readonly via?: 'scope' }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly AdrRecord[]; readonly message: string }
  | { readonly kind: 'unknown'; readonly message: string }
  /** A weak reference (a path that only looks like one) leading to no collection: not an anchor. */
  | { readonly kind: 'none' };

export interface ResolveOptions {
  /**
   * When a number (or id) is used in several collections, choose the one whose scope holds the
   * source file, if exactly one is nearest (default true). Off: always ambiguous.
   */
  readonly nearestCollection?: boolean;
}

/** Trailing folder names that say "this is where the docs live", stripped to find a collection's scope. */
const DOC_FOLDERS = new Set([
  'doc', 'docs', 'documentation', 'adr', 'adrs', 'decisions', 'decision-records', 'decision-log', 'architecture',
  'arch', 'architecture-decisions', 'architecture-decision-records', 'architecture-decision-record', 'design', 'records',
]);

/**
 * The folder a collection speaks for: its path without trailing documentation folders
 * (`services/payments/docs/adr` → `services/payments`; `docs/adr` → the root).
 */
export function collectionScope(collectionPath: string, root: string): string {
  let p = normalize(collectionPath);
  while (p !== root && isInside(root, p) && DOC_FOLDERS.has(basename(p).toLowerCase())) p = dirname(p);
  return isInside(root, p) ? p : root;
}

/** Resolves anchors against one ADR index. Cheap to create; holds no per-anchor state. */
export class AnchorResolver {
  private scopes = new Map<string, string>();
  private scopesFor: readonly Collection[] | undefined;

  constructor(readonly index: AdrIndex, private readonly options: ResolveOptions = {}) {}

  /** Resolves what `ref` names, for an anchor written in the file at `from` (absolute). */
  resolve(ref: AnchorRef, from: string): Resolution {
    const weak = ref.weak === true;
    if (ref.link !== undefined) return this.byLink(ref.link, from);
    let collections: readonly Collection[] | undefined;
    if (ref.collection !== undefined) {
      collections = this.collectionsForHint(ref.collection, from);
      if (collections.length === 0) return weak ? { kind: 'none' } : { kind: 'unknown', message: `no ADR collection matches "${ref.collection}"` };
      if (collections.length > 1) {
        if (weak) return { kind: 'none' };
        const candidates = collections.flatMap((c) => (ref.number !== undefined ? this.index.byNumber(ref.number, c.path) : []));
        return { kind: 'ambiguous', candidates, message: `"${ref.collection}" matches several collections: ${collections.map((c) => this.rel(c.path)).join(', ')}` };
      }
    }
    if (ref.id !== undefined) {
      const records = this.index.byId(ref.id).filter((r) => !collections || r.collection === collections[0]!.path);
      return this.choose(records, from, `no decision record has the id "${ref.id}"`, `id "${ref.id}"`);
    }
    if (ref.number === undefined) return { kind: 'none' };
    const n = ref.number;
    const records = collections ? this.index.byNumber(n, collections[0]!.path) : this.index.byNumber(n);
    const where = collections ? ` in ${this.rel(collections[0]!.path)}` : '';
    return this.choose(records, from, `no decision record is numbered ${n}${where}`, `number ${n}`);
  }

  /**
   * Collections a hint names, most specific match first: a path (from the source file's folder or
   * the root) to a collection, then a collection's path or name, then a path suffix of a collection
   * or of its scope (`payments` for `services/payments/docs/adr`). Case-insensitive.
   */
  collectionsForHint(hint: string, from: string): Collection[] {
    const cols = this.index.collections;
    const h = hint.replace(/^\.\/+/, '').replace(/\/+$/, '');
    if (!h) return [];
    for (const abs of [resolve(dirname(from), h), resolve(this.index.root, h.replace(/^\/+/, ''))]) {
      const c = this.index.collection(abs);
      if (c) return [c];
    }
    const lower = h.toLowerCase().replace(/^\/+/, '');
    const exact = cols.filter((c) => this.rel(c.path).toLowerCase() === lower || c.name.toLowerCase() === lower);
    if (exact.length > 0) return exact;
    return cols.filter((c) => {
      const p = this.rel(c.path).toLowerCase();
      const s = this.rel(this.scopeOf(c.path)).toLowerCase();
      return p.endsWith(`/${lower}`) || s === lower || s.endsWith(`/${lower}`);
    });
  }

  /** A short collection hint that names `collection` alone (for messages and quick fixes). */
  hintFor(collection: string, from: string): string {
    const c = this.index.collection(collection);
    const options = [basename(this.scopeOf(collection)), c?.name ?? '', this.rel(collection)];
    for (const o of options) {
      if (o && o !== '.' && !o.includes(' ')) {
        const found = this.collectionsForHint(o, from);
        if (found.length === 1 && found[0]!.path === normalize(collection)) return o;
      }
    }
    return this.rel(collection);
  }

  /** The scope of a collection (see `collectionScope`), cached until the collections change. */
  scopeOf(collection: string): string {
    if (this.scopesFor !== this.index.collections) {
      this.scopes = new Map();
      this.scopesFor = this.index.collections;
    }
    let s = this.scopes.get(collection);
    if (s === undefined) this.scopes.set(collection, (s = collectionScope(collection, this.index.root)));
    return s;
  }

  private byLink(link: string, from: string): Resolution {
    let file = link.replace(/[#?].*$/, '');
    try {
      file = decodeURIComponent(file);
    } catch {
      // keep as written
    }
    const tries = file.startsWith('/')
      ? [resolve(this.index.root, file.slice(1))]
      : [resolve(dirname(from), file), resolve(this.index.root, file)];
    for (const p of tries) {
      const r = this.index.get(p);
      if (r) return { kind: 'resolved', record: r };
    }
    if (!file.includes('/')) {
      const byId = this.index.byId(file.replace(/\.(?:md|markdown)$/i, ''));
      if (byId.length > 0) return this.choose(byId, from, '', `file name ${file}`);
    }
    const inCollection = tries.find((p) => this.index.collection(dirname(p)));
    return inCollection ? { kind: 'unknown', message: `no decision record at ${this.rel(inCollection)}` } : { kind: 'none' };
  }

  /** One record, or the nearest collection's when several collections have one, or ambiguous. */
  private choose(records: readonly AdrRecord[], from: string, unknown: string, what: string): Resolution {
    if (records.length === 0) return { kind: 'unknown', message: unknown };
    if (records.length === 1) return { kind: 'resolved', record: records[0]! };
    const byCollection = new Map<string, AdrRecord[]>();
    for (const r of records) byCollection.set(r.collection, [...(byCollection.get(r.collection) ?? []), r]);
    if (byCollection.size === 1) {
      const [collection, list] = [...byCollection][0]!;
      return { kind: 'ambiguous', candidates: list, message: `${what} is used by ${list.length} records of ${this.rel(collection)}: ${list.map((r) => basename(r.path)).join(', ')}` };
    }
    if (this.options.nearestCollection !== false) {
      let best: string[] = [];
      let depth = -1;
      for (const c of byCollection.keys()) {
        const scope = this.scopeOf(c);
        if (!isInside(scope, from)) continue;
        if (scope.length > depth) [best, depth] = [[c], scope.length];
        else if (scope.length === depth) best.push(c);
      }
      if (best.length === 1) {
        const list = byCollection.get(best[0]!)!;
        if (list.length === 1) return { kind: 'resolved', record: list[0]!, via: 'scope' };
        return this.choose(list, from, unknown, what);
      }
    }
    const first = records[0]!;
    const example = first.number !== null ? `; name one, e.g. ${this.hintFor(first.collection, from)}/ADR-${first.number}` : '';
    return {
      kind: 'ambiguous',
      candidates: records,
      message: `${what} is used in ${byCollection.size} collections (${[...byCollection.keys()].map((c) => this.rel(c)).join(', ')})${example}`,
    };
  }

  private rel(p: string): string {
    return relative(this.index.root, p) || '.';
  }
}
