/**
 * The digest as the page shows it (pure: unit-tested): core's sections (`digestSections`, the words
 * of every format) as parts the page renders as text, records as links by their repository-relative
 * path; and the records a digest names (the only ones the page may ask to open).
 */
import { digestHeading, digestSections, digestSummary, type Digest, type DigestInline } from '../../core/digest';
import type { DigestView, Part } from '../../webviews/digest/protocol';

/** The ids of core's sections, in its order. */
export const SECTION_IDS: readonly string[] = ['decisions', 'awaiting', 'reviews', 'undocumented', 'documented', 'acknowledged', 'conflicts', 'governed'];

function part(p: DigestInline): Part {
  if (typeof p === 'string') return { text: p };
  if ('code' in p) return { code: p.code };
  if ('strong' in p) return { strong: p.strong };
  return p.href ? { record: p.link, path: p.href } : { text: p.link };
}

export function isEmptyDigest(d: Digest): boolean {
  return d.decisions.length + d.awaiting.length + d.reviews.length + d.changes.undocumented.length + d.changes.documented.length
    + d.changes.acknowledged.length + d.conflicts.length + d.governed.length === 0;
}

export function digestView(d: Digest): DigestView {
  return {
    heading: digestHeading(d),
    summary: digestSummary(d),
    commits: d.period.commits,
    empty: isEmptyDigest(d),
    sections: digestSections(d).map((s, i) => ({ id: SECTION_IDS[i] ?? `section-${i}`, title: s.title, empty: s.empty, items: s.items.map((item) => item.map(part)) })),
    notes: [...d.notes],
  };
}

/** The repository-relative paths of every record the digest names. */
export function recordPaths(d: Digest): Set<string> {
  const out = new Set<string>();
  for (const e of d.decisions) out.add(e.record.path);
  for (const a of d.awaiting) out.add(a.record.path);
  for (const r of d.reviews) out.add(r.record.path);
  for (const c of [...d.changes.undocumented, ...d.changes.documented, ...d.changes.acknowledged]) for (const r of c.documentedBy) out.add(r.path);
  for (const c of d.conflicts) out.add(c.record.path);
  for (const g of d.governed) out.add(g.record.path);
  return out;
}
