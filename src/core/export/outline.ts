/**
 * A catalogue file (`adrw catalog build`) or an export file (`adrw export`) read as a read-only
 * collection: its sources, each source's records in number order, each record's links (relations
 * inside its repository and references to other repositories, resolved where the catalogue resolved
 * them), and the catalogue's problems. What the editor's Decisions view shows of a catalogue.
 *
 * The file comes from elsewhere (another repository's CI, a shared drive): every field is read
 * defensively, as text, and a file that is not one of the two formats is refused in one line.
 */
import { UserError } from '../errors';
import { STATUSES, type Status } from '../model';
import { recordLabel } from '../presentation';
import { buildCatalog, CATALOG_FORMAT, checkExport, parseJsonFile, type CatalogProblem } from './catalog';
import { EXPORT_FORMAT } from './export';

export interface OutlineLink {
  /** The relation's verb as the record wrote it (`Supersedes`, `amends`), or the inverse's (`superseded-by`). */
  readonly verb: string;
  /** What the record wrote (`payments:ADR-0007`, a link); null for an inverse relation. */
  readonly written: string | null;
  /** The record linked to (its catalogue key), or null when it names none in the catalogue. */
  readonly target: string | null;
  /** True for a reference to another repository's record. */
  readonly crossRepository: boolean;
  /** Why the target is null, for references the catalogue could not resolve. */
  readonly problem: string | null;
}

export interface OutlineRecord {
  /** Unique in the catalogue: `<source>:<collection>/<id>`. */
  readonly key: string;
  readonly source: string;
  /** How others refer to it: `payments:ADR-0007`. */
  readonly reference: string;
  /** "0007. Use PostgreSQL". */
  readonly label: string;
  readonly number: number | null;
  readonly status: Status;
  readonly statusText: string | null;
  readonly date: string | null;
  readonly deciders: readonly string[];
  readonly tags: readonly string[];
  /** The record's file, relative to its repository. */
  readonly path: string;
  /** The record on its web host (http or https only), when the export knew it. */
  readonly url: string | null;
  /** The record's text, when the export kept it. */
  readonly markdown: string | null;
  readonly links: readonly OutlineLink[];
}

export interface OutlineSource {
  readonly name: string;
  readonly repository: string | null;
  readonly commit: string | null;
  readonly records: readonly OutlineRecord[];
}

export interface CatalogOutline {
  readonly kind: 'catalog' | 'export';
  readonly title: string;
  readonly sources: readonly OutlineSource[];
  readonly problems: readonly CatalogProblem[];
  readonly recordCount: number;
  /** A record by its key. */
  record(key: string): OutlineRecord | undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const objs = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const statusOf = (v: unknown): Status => (typeof v === 'string' && (STATUSES as readonly string[]).includes(v) ? (v as Status) : 'unknown');
const webUrl = (v: unknown): string | null => (typeof v === 'string' && /^https?:\/\/[^\s]+$/i.test(v) ? v : null);

/** A source's name from an export file's name: `payments.adr-export.json` → `payments`. */
export function sourceNameOf(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.json$/i, '').replace(/\.adr-?export$|[.-]export$/i, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z]+/, '');
  return stem.slice(0, 63) || 'export';
}

/** Reads a catalogue or export file's text; a one-line `UserError` when it is neither. */
export function readCatalogOutline(text: string, file: string): CatalogOutline {
  const data = parseJsonFile(text, file);
  if (!isObj(data)) throw new UserError(`${file}: not an adr-workbench catalogue or export`);
  if (data.format === EXPORT_FORMAT) {
    const doc = checkExport(data, file);
    const name = sourceNameOf(file);
    const catalog = buildCatalog({ title: doc.provenance.repository ?? name, sources: [{ config: { name, export: file }, doc }] });
    return outlineOf('export', catalog as unknown as Obj);
  }
  if (data.format !== CATALOG_FORMAT) throw new UserError(`${file}: not an adr-workbench catalogue or export (no "format": "${CATALOG_FORMAT}")`);
  if (data.version !== 1) throw new UserError(`${file}: catalogue version ${String(data.version)}; this adr-workbench reads version 1`);
  if (!Array.isArray(data.sources) || !Array.isArray(data.records)) throw new UserError(`${file}: a catalogue without sources or records`);
  return outlineOf('catalog', data);
}

function outlineOf(kind: 'catalog' | 'export', data: Obj): CatalogOutline {
  const byKey = new Map<string, OutlineRecord>();
  const bySource = new Map<string, OutlineRecord[]>();
  const sourceInfo = new Map<string, { repository: string | null; commit: string | null }>();
  for (const s of objs(data.sources)) {
    const name = str(s.name);
    if (name === null || sourceInfo.has(name)) continue;
    sourceInfo.set(name, { repository: webUrl(s.repository), commit: str(s.commit) });
    bySource.set(name, []);
  }
  for (const r of objs(data.records)) {
    const source = str(r.source);
    const exportKey = str(r.key);
    const key = str(r.catalogKey) ?? (source !== null && exportKey !== null ? `${source}:${exportKey}` : null);
    const path = str(r.path);
    if (source === null || key === null || path === null || byKey.has(key)) continue;
    const number = typeof r.number === 'number' && Number.isInteger(r.number) && r.number >= 0 ? r.number : null;
    const id = str(r.id) ?? path.split('/').pop()!.replace(/\.md$/i, '');
    const title = str(r.title) ?? id;
    const numberText = str(r.numberText);
    const links: OutlineLink[] = [];
    for (const rel of objs(r.relations)) {
      const target = str(rel.target);
      links.push({
        verb: str(rel.verb) ?? str(rel.type) ?? 'relates to',
        written: str(rel.written),
        target: target !== null ? `${source}:${target}` : null,
        crossRepository: false,
        problem: target === null ? 'names no record of this repository' : null,
      });
    }
    for (const ref of objs(r.references)) {
      const problem = str(ref.problem);
      links.push({
        verb: str(ref.verb) ?? 'mentions',
        written: str(ref.written),
        target: str(ref.target),
        crossRepository: true,
        problem: problem === 'no-such-source' ? 'the catalogue has no such repository'
          : problem === 'no-such-record' ? 'that repository has no such record'
            : problem === 'ambiguous' ? 'several records have that number' : null,
      });
    }
    const record: OutlineRecord = {
      key,
      source,
      reference: str(r.catalogReference) ?? `${source}:${str(r.reference) ?? id}`,
      label: recordLabel({ number, numberText: numberText !== null && /^\d+$/.test(numberText) ? numberText : null, title, id }),
      number,
      status: statusOf(r.status),
      statusText: str(r.statusText),
      date: str(r.date),
      deciders: strs(r.deciders),
      tags: strs(r.tags),
      path,
      url: webUrl(r.url),
      markdown: str(r.markdown),
      links,
    };
    byKey.set(key, record);
    if (!bySource.has(source)) { bySource.set(source, []); sourceInfo.set(source, { repository: null, commit: null }); }
    bySource.get(source)!.push(record);
  }
  const order = (a: OutlineRecord, b: OutlineRecord) =>
    (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const sources: OutlineSource[] = [...bySource].map(([name, records]) => ({ name, ...sourceInfo.get(name)!, records: records.sort(order) }));
  const problems: CatalogProblem[] = objs(data.problems).flatMap((p) => {
    const kind = str(p.kind);
    const message = str(p.message);
    if (message === null || (kind !== 'duplicate' && kind !== 'broken' && kind !== 'ambiguous')) return [];
    return [{ kind, record: str(p.record) ?? '', message }];
  });
  return {
    kind,
    title: str(data.title)?.trim() || 'Architecture decisions',
    sources,
    problems,
    recordCount: byKey.size,
    record: (key) => byKey.get(key),
  };
}
