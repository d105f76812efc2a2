/**
 * Relation targets resolved to records, in both directions. Each record's outgoing relations are
 * resolved when it is indexed; `incoming` remembers who points at whom so the inverse side
 * ("superseded by" when only the newer record wrote "supersedes") is found without a scan.
 */
import type { AdrRecord, Relation, RelationType } from '../model';
import { dirname, join, normalize, resolve } from '../paths';
import type { RecordStore } from './store';
import type { BrokenRelation, ResolvedRelation } from './types';

/** Where one relation points. */
export type Target =
  | { readonly kind: 'record'; readonly path: string }
  /** A link to an existing file that is not an indexed record (e.g. a README). */
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'missing-file'; readonly path: string }
  | { readonly kind: 'unknown-id' }
  | { readonly kind: 'external' };

interface Outgoing {
  readonly relation: Relation;
  target: Target;
}

const INVERSE: Record<RelationType, RelationType> = {
  supersedes: 'superseded-by',
  'superseded-by': 'supersedes',
  amends: 'amended-by',
  'amended-by': 'amends',
  clarifies: 'clarified-by',
  'clarified-by': 'clarifies',
  relates: 'relates',
  custom: 'custom',
};

const INVERSE_VERB: Partial<Record<RelationType, string>> = {
  supersedes: 'supersedes',
  'superseded-by': 'superseded by',
  amends: 'amends',
  'amended-by': 'amended by',
  clarifies: 'clarifies',
  'clarified-by': 'clarified by',
  relates: 'relates to',
};

/** The opposite relation type; a custom verb's opposite is unknown and stays `custom`. */
export function inverseOf(type: RelationType): RelationType {
  return INVERSE[type];
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/**
 * `ADR-0057`, `ADR 57`, `adr_7`, `ADR #57`, `#57`, `57`, `0057`, `[ADR 9]` (a reference link's
 * text), Doxygen anchors `rest_adr_0009` / `adr_0009`.
 */
const NUMBER_REF = /^\[?(?:(?:[a-z]+_)?adr[-_ ]?#?|#)?(\d{1,7})\]?$/i;

/**
 * Resolves what a relation (or any link) in the record at `from` points to. Relative links are
 * taken from the record's folder (`/x.md` from the repository root); ids and numbers are looked up
 * in the record's own collection first, then in the others. Does no I/O: a link to a path that is
 * not a record comes back as `missing-file`, for the caller to check on disk.
 */
export function resolveTarget(store: RecordStore, root: string, from: Pick<AdrRecord, 'path' | 'collection'>, raw: string): Target {
  const target = raw.trim();
  if (SCHEME.test(target)) return { kind: 'external' };
  const num = NUMBER_REF.exec(target);
  if (num) return byNumber(store, from.collection, Number(num[1]));
  if (target.includes('/') || /\.(md|markdown)(?:[#?].*)?$/i.test(target) || target.startsWith('.')) {
    let clean = target.replace(/[#?].*$/, '');
    try {
      clean = decodeURI(clean);
    } catch {
      // Keep a malformed %-escape as written.
    }
    const path = clean.startsWith('/') ? join(root, clean) : resolve(dirname(from.path), clean);
    if (store.byPath.has(path)) return { kind: 'record', path };
    if (!/\.(md|markdown)$/i.test(path) && store.byPath.has(`${path}.md`)) return { kind: 'record', path: `${path}.md` };
    return { kind: 'missing-file', path: normalize(path) };
  }
  // A bare id: the file name without `.md` (`0007-use-x`, a log4brains slug).
  const ids = store.withId(target);
  const same = ids.find((p) => store.byPath.get(p)!.collection === from.collection);
  if (same ?? ids[0]) return { kind: 'record', path: (same ?? ids[0])! };
  return { kind: 'unknown-id' };
}

function byNumber(store: RecordStore, collection: string, n: number): Target {
  const own = store.numbered(collection, n);
  if (own.length > 0) return { kind: 'record', path: own[0]! };
  const elsewhere = store.numberedAnywhere(n);
  return elsewhere.length > 0 ? { kind: 'record', path: elsewhere[0]! } : { kind: 'unknown-id' };
}

/** Outgoing relations per record, incoming edges per target, and the records with dangling targets. */
export class RelationGraph {
  private readonly outgoing = new Map<string, Outgoing[]>();
  private readonly incoming = new Map<string, Set<string>>();
  /** Records with at least one relation that resolves to no record (re-tried when records appear). */
  private readonly dangling = new Set<string>();
  /** Non-record files links were found to point at (checked on disk by the index). */
  readonly existingFiles = new Set<string>();

  constructor(private readonly store: RecordStore, private readonly root: string) {}

  /** (Re-)resolves the relations of the record at `path` and records its edges. */
  link(record: AdrRecord): void {
    this.unlink(record.path);
    const out = record.relations.map((relation) => ({ relation, target: this.resolve(record, relation) }));
    this.outgoing.set(record.path, out);
    this.addEdges(record.path, out);
  }

  /** Forgets the edges of the record at `path`; returns the records that pointed at it. */
  unlink(path: string): string[] {
    const out = this.outgoing.get(path);
    if (out) {
      for (const o of out) {
        if (o.target.kind !== 'record') continue;
        const set = this.incoming.get(o.target.path);
        set?.delete(path);
        if (set?.size === 0) this.incoming.delete(o.target.path);
      }
      this.outgoing.delete(path);
    }
    this.dangling.delete(path);
    return [...(this.incoming.get(path) ?? [])].filter((p) => p !== path);
  }

  /**
   * Re-resolves the dangling relations the new record `added` may now satisfy: links to its path,
   * and ids or numbers no record had.
   */
  retryDangling(added: AdrRecord): void {
    const bare = added.path.replace(/\.(md|markdown)$/i, '');
    for (const path of [...this.dangling]) {
      const could = this.outgoing.get(path)?.some((o) => o.target.kind === 'unknown-id' || (o.target.kind === 'missing-file' && (o.target.path === added.path || o.target.path === bare)));
      const record = could ? this.store.byPath.get(path) : undefined;
      if (record) this.link(record);
    }
  }

  /** Link targets no record matched (candidates for an on-disk existence check). */
  missingFileTargets(paths?: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const p of paths ?? this.dangling) {
      for (const o of this.outgoing.get(p) ?? []) if (o.target.kind === 'missing-file') out.add(o.target.path);
    }
    return out;
  }

  /** Every relation of `path`, its own and the inverse of what others wrote about it. */
  relationsOf(path: string): ResolvedRelation[] {
    const result: ResolvedRelation[] = [];
    const mine = this.outgoing.get(path) ?? [];
    const matched = new Set<Outgoing>();
    for (const o of mine) {
      const other = o.target.kind === 'record' ? o.target.path : undefined;
      const counterpart = other === undefined ? undefined : this.findCounterpart(other, path, o.relation.type);
      if (counterpart) matched.add(counterpart);
      result.push({
        type: o.relation.type,
        verb: o.relation.verb,
        other,
        origin: counterpart ? 'both' : 'declared',
        declared: o.relation,
        ...(counterpart ? { counterpart: counterpart.relation } : {}),
      });
    }
    const seen = new Set<string>();
    for (const source of [...(this.incoming.get(path) ?? [])].sort()) {
      if (source === path) continue;
      for (const o of this.outgoing.get(source) ?? []) {
        if (o.target.kind !== 'record' || o.target.path !== path || matched.has(o)) continue;
        const type = INVERSE[o.relation.type];
        // Skip when this record already holds the matching half (paired above).
        if (type !== 'custom' && mine.some((m) => m.target.kind === 'record' && m.target.path === source && m.relation.type === type)) continue;
        const verb = INVERSE_VERB[type] ?? o.relation.verb;
        // A record may say the same thing twice (status line and link line): one inverse is enough.
        const key = `${type}\0${verb}\0${source}`;
        if (seen.has(key)) continue;
        seen.add(key);
        result.push({ type, verb, other: source, origin: 'inverse', counterpart: o.relation });
      }
    }
    return result;
  }

  /** Relations whose target is neither a record, an existing file nor a web address. */
  broken(): BrokenRelation[] {
    const out: BrokenRelation[] = [];
    for (const path of [...this.dangling].sort()) {
      for (const o of this.outgoing.get(path) ?? []) {
        const t = o.target;
        if (t.kind === 'missing-file' && !this.existingFiles.has(t.path)) {
          out.push({ path, relation: o.relation, reason: 'no-such-file', resolvedPath: t.path });
        } else if (t.kind === 'unknown-id') {
          out.push({ path, relation: o.relation, reason: 'no-such-record' });
        }
      }
    }
    return out;
  }

  private resolve(record: AdrRecord, relation: Relation): Target {
    const t = resolveTarget(this.store, this.root, record, relation.target);
    return t.kind === 'missing-file' && this.existingFiles.has(t.path) ? { kind: 'file', path: t.path } : t;
  }

  private addEdges(path: string, out: readonly Outgoing[]): void {
    for (const o of out) {
      if (o.target.kind === 'record') {
        let set = this.incoming.get(o.target.path);
        if (!set) this.incoming.set(o.target.path, (set = new Set()));
        set.add(path);
      } else if (o.target.kind === 'missing-file' || o.target.kind === 'unknown-id') {
        this.dangling.add(path);
      }
    }
  }

  /** The relation in `other` pointing back at `path` that is the opposite of `type`. */
  private findCounterpart(other: string, path: string, type: RelationType): Outgoing | undefined {
    if (type === 'custom') return undefined;
    const want = INVERSE[type];
    return this.outgoing.get(other)?.find((o) => o.target.kind === 'record' && o.target.path === path && o.relation.type === want);
  }
}
