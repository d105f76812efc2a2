/**
 * The stable export: every record of an index as one versioned JSON document (schema:
 * schema/adr-export.v1.schema.json, shipped in the package). Pure: the caller reads the index, the
 * history and the provenance; this only arranges them.
 *
 * Stability rules (what a consumer may rely on within a version):
 * - field order is fixed (the order the builders below write them), arrays are sorted (records by
 *   collection then number then id; relations by type then target);
 * - no time of generation and no absolute path: the same repository at the same commit exports the
 *   same bytes, so CI artifacts diff cleanly;
 * - a field that is unknown is `null`, never absent; new optional fields may appear in a later minor
 *   revision of the same version (consumers ignore what they do not know); renaming or removing a
 *   field, or changing its meaning, is a new `version`.
 */
import type { AdrRecord, Collection, RelationType, Status } from '../model';
import type { AdrIndex } from '../index';
import type { RecordHistory } from '../history';
import { relative } from '../paths';
import { crossReferences } from './crossRefs';

/** The export format's identifier and the version of its schema. */
export const EXPORT_FORMAT = 'adr-workbench/export';
export const EXPORT_VERSION = 1;

/** Where the records came from. */
export interface ExportProvenance {
  /** The repository's web address (`https://github.com/acme/payments`), credentials removed; null when unknown. */
  readonly repository: string | null;
  /** The commit at HEAD when exported; null outside git or without commits. */
  readonly commit: string | null;
  /** The exported folder, relative to the repository root (`""` for the root itself). */
  readonly path: string;
}

export interface ExportCommitRef {
  readonly commit: string;
  readonly date: string;
  readonly author: string;
}

export interface ExportHistory {
  /** Why history is missing or partial (`untracked`, `no-commits`, `no-repository`, `shallow`), else null. */
  readonly gap: string | null;
  readonly created: ExportCommitRef | null;
  readonly lastEdited: ExportCommitRef | null;
  readonly statusChanges: readonly (ExportCommitRef & { readonly from: Status | null; readonly to: Status | null })[];
}

export interface ExportRelation {
  readonly type: RelationType;
  readonly verb: string;
  /** The other record's id within this export (`<collection>/<id>`), or null when it names no exported record. */
  readonly target: string | null;
  /** What the record wrote (a link, an id or a number), or null for an inverse relation. */
  readonly written: string | null;
  /** `declared`: only this record wrote it; `inverse`: only the other one; `both`. */
  readonly origin: 'declared' | 'inverse' | 'both';
}

export interface ExportRecord {
  /** Unique within the export: `<collection path>/<file id>` (`doc/adr/0007-use-x`). */
  readonly key: string;
  /** The file name without `.md`. */
  readonly id: string;
  /** How people refer to it: `ADR-0007` for numbered records, else the id. */
  readonly reference: string;
  readonly number: number | null;
  readonly numberText: string | null;
  readonly title: string;
  readonly status: Status;
  readonly statusText: string | null;
  readonly date: string | null;
  readonly dialect: string;
  /** Collection folder, relative to the repository root. */
  readonly collection: string;
  /** The record's file, relative to the repository root. */
  readonly path: string;
  readonly deciders: readonly string[];
  readonly consulted: readonly string[];
  readonly informed: readonly string[];
  readonly tags: readonly string[];
  readonly governs: readonly string[];
  readonly relations: readonly ExportRelation[];
  /** References to records of other repositories (`payments:ADR-0007`), for a catalogue to resolve. */
  readonly crossReferences: readonly ExportCrossReference[];
  /** Null when history was not asked for. */
  readonly history: ExportHistory | null;
  /** The record file's text (front matter included), or null when left out (`--no-markdown`). */
  readonly markdown: string | null;
  /** The record on the repository's web host at `provenance.commit`, when both are known and the host is one we know the URL scheme of. */
  readonly url: string | null;
}

export interface ExportCrossReference {
  /** The repository named, lower-case (a catalogue source's name). */
  readonly repository: string;
  readonly number: number;
  readonly written: string;
  /** The relation verb before it (`amends`, `relates to`), or `mentions`. */
  readonly verb: string;
}

export interface ExportCollection {
  readonly path: string;
  readonly name: string;
  readonly dialect: string;
  readonly naming: 'number' | 'date';
  readonly padding: number;
  readonly records: number;
}

export interface ExportDocument {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  readonly generator: { readonly name: string; readonly version: string };
  readonly provenance: ExportProvenance;
  readonly collections: readonly ExportCollection[];
  readonly records: readonly ExportRecord[];
}

export interface ExportInput {
  readonly index: AdrIndex;
  /** Absolute root the paths are made relative to (the repository root, else the exported folder). */
  readonly base: string;
  readonly provenance: ExportProvenance;
  readonly generator: { readonly name: string; readonly version: string };
  /** A record's text (absolute path → text), for its cross-repository references; omitted: none. */
  readonly text?: (path: string) => string | undefined;
  /** Put each record's text in the export (default true when `text` is given). */
  readonly markdown?: boolean;
  /** A record's history (absolute path → history); omitted: `history: null` everywhere. */
  readonly history?: (path: string) => RecordHistory | undefined;
}

export function buildExport(input: ExportInput): ExportDocument {
  const { index, base } = input;
  const rel = (p: string) => relative(base, p);
  const keyOf = (r: AdrRecord) => `${rel(r.collection) || '.'}/${r.id}`;
  const collections = [...index.collections].sort((a, b) => cmp(rel(a.path), rel(b.path)));
  const records = collections.flatMap((c) => [...index.records(c.path)].sort(recordOrder));
  const keys = new Map(records.map((r) => [r.path, keyOf(r)]));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    generator: { name: input.generator.name, version: input.generator.version },
    provenance: {
      repository: input.provenance.repository,
      commit: input.provenance.commit,
      path: input.provenance.path,
    },
    collections: collections.map((c) => collectionJson(c, rel(c.path), index.records(c.path).length)),
    records: records.map((r) => recordJson(r, input, keys, rel)),
  };
}

function collectionJson(c: Collection, path: string, count: number): ExportCollection {
  return { path, name: c.name, dialect: c.dialect, naming: c.naming, padding: c.padding, records: count };
}

function recordJson(r: AdrRecord, input: ExportInput, keys: Map<string, string>, rel: (p: string) => string): ExportRecord {
  const relations: ExportRelation[] = input.index.relationsOf(r.path).map((x) => ({
    type: x.type,
    verb: x.verb,
    target: x.other ? keys.get(x.other) ?? null : null,
    written: x.declared?.target ?? null,
    origin: x.origin,
  }));
  relations.sort((a, b) => cmp(a.type, b.type) || cmp(a.target ?? a.written ?? '', b.target ?? b.written ?? '') || cmp(a.verb, b.verb));
  const path = rel(r.path);
  return {
    key: keys.get(r.path)!,
    id: r.id,
    reference: r.numberText !== null ? `ADR-${r.numberText}` : r.id,
    number: r.number,
    numberText: r.numberText,
    title: r.title,
    status: r.status,
    statusText: r.statusText,
    date: r.date,
    dialect: r.dialect,
    collection: rel(r.collection),
    path,
    deciders: [...r.deciders],
    consulted: [...r.consulted],
    informed: [...r.informed],
    tags: [...r.tags],
    governs: [...r.governs],
    relations,
    crossReferences: crossRefsOf(input.text?.(r.path)),
    history: input.history ? historyJson(input.history(r.path)) : null,
    url: webUrl(input.provenance, path),
    markdown: input.markdown === false ? null : input.text?.(r.path) ?? null,
  };
}

function crossRefsOf(text: string | undefined): ExportCrossReference[] {
  if (text === undefined) return [];
  const seen = new Set<string>();
  const out: ExportCrossReference[] = [];
  for (const x of crossReferences(text)) {
    const k = `${x.repository}:${x.number}:${x.verb}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ repository: x.repository, number: x.number, written: x.written, verb: x.verb });
  }
  return out;
}

function historyJson(h: RecordHistory | undefined): ExportHistory {
  if (!h) return { gap: 'untracked', created: null, lastEdited: null, statusChanges: [] };
  const ref = (e: { commit: string; date: string; author: string } | undefined): ExportCommitRef | null =>
    (e ? { commit: e.commit, date: e.date, author: e.author } : null);
  return {
    gap: h.gap ?? null,
    created: ref(h.created),
    lastEdited: ref(h.lastEdited),
    statusChanges: h.statusChanges.map((e) => ({ ...ref(e)!, from: e.statusFrom ?? null, to: e.status ?? null })),
  };
}

/** Records in a collection: numbered ones by number, then the rest (dates, slugs) by id. */
function recordOrder(a: AdrRecord, b: AdrRecord): number {
  if (a.number !== null && b.number !== null && a.number !== b.number) return a.number - b.number;
  if (a.number !== null && b.number === null) return -1;
  if (a.number === null && b.number !== null) return 1;
  return cmp(a.id, b.id);
}

/** Code-unit order: the same everywhere, unlike localeCompare. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A repository's remote URL as a web address: `git@github.com:acme/x.git`, `ssh://git@host/acme/x`,
 * `https://user:token@host/acme/x.git` → `https://host/acme/x`. Null for local paths and anything
 * else that is not a host and a path. Credentials never survive.
 */
export function webAddress(remote: string | undefined | null): string | null {
  if (!remote) return null;
  const s = remote.trim();
  let host: string;
  let path: string;
  const scp = /^(?:[\w.-]+@)?([\w.-]+\.[a-z]{2,}):(?!\/)(.+)$/i.exec(s);
  if (scp) {
    host = scp[1]!;
    path = scp[2]!;
  } else {
    let u: URL;
    try {
      u = new URL(s);
    } catch {
      return null;
    }
    if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(u.protocol) || !u.hostname) return null;
    host = u.hostname;
    path = u.pathname;
  }
  path = path.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/, '');
  if (!path || /[\s?#]/.test(path)) return null;
  return `https://${host.toLowerCase()}/${path}`;
}

/** The record's page on GitHub / GitLab / Bitbucket / Codeberg-style hosts, pinned to the commit. */
export function webUrl(p: ExportProvenance, path: string): string | null {
  if (!p.repository || !p.commit) return null;
  const host = new URL(p.repository).hostname;
  const file = path.split('/').map(encodeURIComponent).join('/');
  if (host === 'github.com' || host.endsWith('.github.com') || host === 'codeberg.org' || host.startsWith('gitea.')) {
    return `${p.repository}/${host === 'codeberg.org' || host.startsWith('gitea.') ? 'src/commit' : 'blob'}/${p.commit}/${file}`;
  }
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) return `${p.repository}/-/blob/${p.commit}/${file}`;
  if (host === 'bitbucket.org') return `${p.repository}/src/${p.commit}/${file}`;
  return null;
}

/** The export as text: two-space JSON with a final newline (what `adrw export` writes). */
export function exportText(doc: ExportDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
