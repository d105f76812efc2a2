/**
 * One catalogue across many repositories: the exports of each (made here from a local folder, or
 * written by each repository's CI) merged into one document, with references between repositories
 * (`payments:ADR-0007`) resolved, and duplicate or broken ones reported. Pure: the caller reads the
 * configuration and the exports.
 */
import { parse as parseYaml } from 'yaml';
import { UserError } from '../errors';
import type { ExportDocument, ExportRecord } from './export';
import { EXPORT_FORMAT } from './export';

export const CATALOG_FORMAT = 'adr-workbench/catalog';
export const CATALOG_VERSION = 1;

/** One source as the configuration names it. */
export interface CatalogSourceConfig {
  /** The name other repositories use in references (`payments` in `payments:ADR-7`); lower-case letters, digits, `.`, `_`, `-`. */
  readonly name: string;
  /** A local folder or clone (exported when the catalogue is built), relative to the configuration file. */
  readonly path?: string;
  /** An export file (`adrw export --out`), relative to the configuration file. */
  readonly export?: string;
}

export interface CatalogConfig {
  readonly title: string;
  readonly sources: readonly CatalogSourceConfig[];
}

const NAME = /^[a-z][a-z0-9._-]{0,62}$/;

/** The configuration file (YAML): `title:` and a `sources:` list; one-line errors naming the problem. */
export function parseCatalogConfig(text: string, file: string): CatalogConfig {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 50 });
  } catch (e) {
    throw new UserError(`${file}: not valid YAML (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new UserError(`${file}: expected a mapping with a "sources" list`);
  const d = data as Record<string, unknown>;
  if (!Array.isArray(d.sources) || d.sources.length === 0) throw new UserError(`${file}: "sources" must be a non-empty list`);
  const names = new Set<string>();
  const sources = d.sources.map((s, i): CatalogSourceConfig => {
    const where = `${file}: sources[${i}]`;
    if (!s || typeof s !== 'object' || Array.isArray(s)) throw new UserError(`${where}: expected a mapping with name and path or export`);
    const o = s as Record<string, unknown>;
    if (typeof o.name !== 'string' || !NAME.test(o.name)) {
      throw new UserError(`${where}: "name" must be lower-case letters, digits, ".", "_" or "-" (it is how references name the repository)`);
    }
    if (names.has(o.name)) throw new UserError(`${where}: the name "${o.name}" is used twice`);
    names.add(o.name);
    const path = typeof o.path === 'string' && o.path ? o.path : undefined;
    const exp = typeof o.export === 'string' && o.export ? o.export : undefined;
    if ((path === undefined) === (exp === undefined)) throw new UserError(`${where} (${o.name}): give either "path" (a local folder) or "export" (an export file)`);
    return { name: o.name, ...(path ? { path } : {}), ...(exp ? { export: exp } : {}) };
  });
  const title = typeof d.title === 'string' && d.title.trim() ? d.title.trim() : 'Architecture decisions';
  return { title, sources };
}

/** A JSON file's text, or a one-line `UserError` naming the file. */
export function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UserError(`${file}: not JSON (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`);
  }
}

/** An export file's text as a document, checked for the fields the catalogue uses. */
export function parseExportFile(text: string, file: string): ExportDocument {
  return checkExport(parseJsonFile(text, file), file);
}

/** Parsed JSON checked for the fields of an export the catalogue uses. */
export function checkExport(data: unknown, file: string): ExportDocument {
  const d = data as Partial<ExportDocument> | null;
  if (!d || typeof d !== 'object' || d.format !== EXPORT_FORMAT) throw new UserError(`${file}: not an adr-workbench export (no "format": "${EXPORT_FORMAT}")`);
  if (d.version !== 1) throw new UserError(`${file}: export version ${String(d.version)}; this adr-workbench reads version 1`);
  if (!Array.isArray(d.records) || !Array.isArray(d.collections) || !d.provenance) throw new UserError(`${file}: an export without records, collections or provenance`);
  d.records.forEach((r, i) => {
    const ok = r && typeof r === 'object' && typeof r.key === 'string' && typeof r.id === 'string' && typeof r.title === 'string'
      && typeof r.status === 'string' && typeof r.path === 'string' && Array.isArray(r.relations) && Array.isArray(r.crossReferences)
      && (r.number === null || Number.isInteger(r.number));
    if (!ok) throw new UserError(`${file}: records[${i}] lacks key, id, title, status, path, number, relations or crossReferences`);
  });
  return d as ExportDocument;
}

export interface CatalogSource {
  readonly name: string;
  /** `folder`: exported while building; `export`: read from a file. */
  readonly kind: 'folder' | 'export';
  /** Where it was read, as the configuration wrote it. */
  readonly location: string;
  readonly repository: string | null;
  readonly commit: string | null;
  readonly records: number;
}

export interface CatalogReference {
  readonly written: string;
  readonly verb: string;
  /** The record referred to (`payments:doc/adr/0007-x`), or null when broken or ambiguous. */
  readonly target: string | null;
  readonly problem: 'no-such-source' | 'no-such-record' | 'ambiguous' | null;
}

export type CatalogRecord = ExportRecord & {
  /** The source's name. */
  readonly source: string;
  /** Unique in the catalogue: `<source>:<export key>`. */
  readonly catalogKey: string;
  /** How other repositories refer to it: `<source>:ADR-0007`. */
  readonly catalogReference: string;
  readonly references: readonly CatalogReference[];
};

export interface CatalogProblem {
  readonly kind: 'duplicate' | 'broken' | 'ambiguous';
  /** The catalogue key of the record concerned (for `duplicate`: the first of them). */
  readonly record: string;
  readonly message: string;
}

export interface CatalogDocument {
  readonly format: typeof CATALOG_FORMAT;
  readonly version: typeof CATALOG_VERSION;
  readonly title: string;
  readonly sources: readonly CatalogSource[];
  readonly records: readonly CatalogRecord[];
  readonly problems: readonly CatalogProblem[];
}

export interface CatalogInput {
  readonly title: string;
  readonly sources: readonly { readonly config: CatalogSourceConfig; readonly doc: ExportDocument }[];
}

export function buildCatalog(input: CatalogInput): CatalogDocument {
  const problems: CatalogProblem[] = [];
  // Records by source and number, for resolving `source:N`.
  const byNumber = new Map<string, Map<number, ExportRecord[]>>();
  for (const { config, doc } of input.sources) {
    const m = new Map<number, ExportRecord[]>();
    for (const r of doc.records) if (r.number !== null) m.set(r.number, [...(m.get(r.number) ?? []), r]);
    byNumber.set(config.name, m);
  }
  const keyIn = (source: string, r: ExportRecord) => `${source}:${r.key}`;
  // The same reference (source:ADR-N) held by several records of one source.
  for (const [source, m] of byNumber) {
    for (const [n, rs] of m) {
      if (rs.length < 2) continue;
      problems.push({
        kind: 'duplicate',
        record: keyIn(source, rs[0]!),
        message: `${source}:ADR-${n} names ${rs.length} records: ${rs.map((r) => r.path).join(', ')}`,
      });
    }
  }
  const records: CatalogRecord[] = [];
  for (const { config, doc } of input.sources) {
    for (const r of doc.records) {
      const catalogKey = keyIn(config.name, r);
      const references = r.crossReferences.map((x): CatalogReference => {
        const m = byNumber.get(x.repository);
        if (!m) {
          problems.push({ kind: 'broken', record: catalogKey, message: `${config.name}:${r.path} refers to ${x.written}: the catalogue has no source named "${x.repository}"` });
          return { written: x.written, verb: x.verb, target: null, problem: 'no-such-source' };
        }
        const hits = m.get(x.number) ?? [];
        if (hits.length === 0) {
          problems.push({ kind: 'broken', record: catalogKey, message: `${config.name}:${r.path} refers to ${x.written}: ${x.repository} has no record ${x.number}` });
          return { written: x.written, verb: x.verb, target: null, problem: 'no-such-record' };
        }
        if (hits.length > 1) {
          problems.push({ kind: 'ambiguous', record: catalogKey, message: `${config.name}:${r.path} refers to ${x.written}: ${hits.length} records of ${x.repository} have that number` });
          return { written: x.written, verb: x.verb, target: null, problem: 'ambiguous' };
        }
        return { written: x.written, verb: x.verb, target: keyIn(x.repository, hits[0]!), problem: null };
      });
      records.push({
        ...r,
        source: config.name,
        catalogKey,
        catalogReference: `${config.name}:${r.reference}`,
        references,
      });
    }
  }
  // The same repository at the same commit under two names: its records would show twice.
  const seen = new Map<string, string>();
  for (const { config, doc } of input.sources) {
    const p = doc.provenance;
    if (!p.repository || !p.commit) continue;
    const k = `${p.repository}@${p.commit}/${p.path}`;
    const other = seen.get(k);
    if (other) problems.push({ kind: 'duplicate', record: `${config.name}:`, message: `sources "${other}" and "${config.name}" are the same repository (${p.repository} at ${p.commit.slice(0, 7)})` });
    else seen.set(k, config.name);
  }
  return {
    format: CATALOG_FORMAT,
    version: CATALOG_VERSION,
    title: input.title,
    sources: input.sources.map(({ config, doc }) => ({
      name: config.name,
      kind: config.path !== undefined ? 'folder' : 'export',
      location: config.path ?? config.export ?? '',
      repository: doc.provenance.repository,
      commit: doc.provenance.commit,
      records: doc.records.length,
    })),
    records,
    problems,
  };
}

export function catalogText(doc: CatalogDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
