/** Shared by the output formats: paths relative to one folder, verdict counts, thresholds. */
import type { Severity } from '../../model';
import { join, relative } from '../../paths';
import type { ReviewConflict, ReviewFinding, Verdict } from '../types';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The finding's file relative to `base` (a repository root or the working folder). */
export function displayPath(f: ReviewFinding, base: string): string {
  return relative(base, join(f.repository, f.path)) || f.path;
}

/** True when `s` is at least `threshold`. */
export function atOrAbove(s: Severity, threshold: Severity): boolean {
  return RANK[s] >= RANK[threshold];
}

/** Undocumented findings at or above the threshold: what fails the gate. */
export function failing(findings: readonly ReviewFinding[], threshold: Severity): ReviewFinding[] {
  return findings.filter((f) => f.verdict === 'undocumented' && atOrAbove(f.severity, threshold));
}

/** Conflicts at or above the threshold: they fail the gate too (error level by default). */
export function failingConflicts(conflicts: readonly ReviewConflict[] | undefined, threshold: Severity): ReviewConflict[] {
  return (conflicts ?? []).filter((c) => atOrAbove(c.severity, threshold));
}

/** Where a conflict's record says it: `ADR-0004 "Use PostgreSQL" (docs/decisions/0004-x.md:12): * MongoDB`. */
export function conflictEvidence(c: ReviewConflict, rel: (abs: string) => string): string {
  const said = `${recordLabel(c.record)} (${rel(c.record.path)}:${c.recordLine}): ${c.recordText}`;
  const how = {
    considered: 'considered and not chosen in', 'will-not': 'ruled out in', 'rejected-record': 'proposed by the rejected record',
    superseded: 'chosen by the superseded record', 'front-matter': 'listed in the front matter of',
  }[c.source];
  return `${how} ${said}${c.by ? `; replaced by ${recordLabel(c.by)} (${rel(c.by.path)})` : ''}`;
}

/** How many findings have each verdict. */
export function countVerdicts(findings: readonly ReviewFinding[]): Record<Verdict, number> {
  const c: Record<Verdict, number> = { undocumented: 0, documented: 0, acknowledged: 0 };
  for (const f of findings) c[f.verdict]++;
  return c;
}

/** A record as people refer to it: `ADR-0007 "Use Postgres"`, or its id. */
export function recordLabel(r: { id: string; number: number | null; title: string }): string {
  return `${r.number !== null ? `ADR-${String(r.number).padStart(4, '0')}` : r.id} "${r.title}"`;
}
