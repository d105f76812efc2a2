/** Shared by the output formats: paths relative to one folder, verdict counts, thresholds. */
import type { Severity } from '../../model';
import { join, relative } from '../../paths';
import type { ReviewFinding, Verdict } from '../types';

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
