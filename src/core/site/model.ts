/**
 * What the static site is made of: records from one export (`adrw site`) or from a catalogue of
 * many (`adrw catalog build --site`), in one shape.
 */
import type { CatalogDocument, ExportDocument, ExportRecord } from '../export';

export interface SiteLink {
  /** The other record's site key, or null when it is not on the site. */
  readonly target: string | null;
  /** What to show when it is not (`ADR-0099`, `payments:ADR-7`). */
  readonly written: string;
  /** `supersedes`, `superseded-by`, `amends`, …, `custom` (`verb` says), or `reference` for a cross-repository mention. */
  readonly type: string;
  readonly verb: string;
}

export interface SiteRecord {
  /** Unique on the site; the page is `records/<key>.html`. */
  readonly key: string;
  /** The repository's name in a catalogue; undefined for one repository's site. */
  readonly source?: string;
  /** The group in the index and graph: the collection (with the source in a catalogue). */
  readonly group: string;
  readonly record: ExportRecord;
  readonly links: readonly SiteLink[];
}

export interface SiteModel {
  readonly title: string;
  readonly records: readonly SiteRecord[];
  /** Sources of a catalogue (name, repository), for the index's filter; empty for one repository. */
  readonly sources: readonly { readonly name: string; readonly repository: string | null }[];
}

function linksOf(r: ExportRecord, keyOf: (exportKey: string) => string): SiteLink[] {
  return r.relations.map((x) => ({
    target: x.target === null ? null : keyOf(x.target),
    written: x.written ?? x.target ?? '',
    type: x.type,
    verb: x.verb,
  }));
}

export function siteFromExport(doc: ExportDocument, title: string): SiteModel {
  const records = doc.records.map((r): SiteRecord => ({
    key: pageKey(r.key),
    group: r.collection || '.',
    record: r,
    links: linksOf(r, pageKey),
  }));
  return { title, records, sources: [] };
}

export function siteFromCatalog(doc: CatalogDocument, title?: string): SiteModel {
  const records = doc.records.map((r): SiteRecord => ({
    key: pageKey(`${r.source}/${r.key}`),
    source: r.source,
    group: `${r.source}: ${r.collection || '.'}`,
    record: r,
    links: [
      ...linksOf(r, (k) => pageKey(`${r.source}/${k}`)),
      ...r.references.map((x) => ({
        target: x.target === null ? null : pageKey(x.target.replace(':', '/')),
        written: x.written,
        type: 'reference',
        verb: x.verb,
      })),
    ],
  }));
  return { title: title ?? doc.title, records, sources: doc.sources.map((s) => ({ name: s.name, repository: s.repository })) };
}

/**
 * A key usable as a path below `records/`: `./` dropped, `.` and `..` segments and characters no
 * file system takes replaced, so a hostile export cannot place a page outside the site.
 */
export function pageKey(key: string): string {
  const segments = key.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.');
  const safe = segments.map((s) => (s === '..' ? '_' : s.replace(/[\u0000-\u001f<>:"|?*]/g, '_')));
  return safe.join('/') || '_';
}
