/**
 * GitLab's code-quality report (a subset of the Code Climate format): a JSON array of issues, one per
 * undocumented finding and one per conflict with a decision already taken, which GitLab shows in the
 * merge request's widget and diff. Documented and acknowledged findings are not issues.
 */
import type { Severity } from '../../model';
import type { ReviewOutcome } from '../engine';
import type { ReviewFinding } from '../types';
import { displayPath, recordLabel } from './common';
import { conflictsOf } from './markdown';

const SEVERITY: Record<Severity, 'info' | 'major' | 'critical'> = { info: 'info', warning: 'major', error: 'critical' };

export interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

/** The report (serialise with `JSON.stringify`); paths relative to `base`, the project's root. */
export function toCodeQuality(outcome: ReviewOutcome, base: string): CodeQualityIssue[] {
  if (outcome.kind === 'disabled') return [];
  const seen = new Map<string, number>();
  const issues: CodeQualityIssue[] = [];
  for (const f of outcome.findings) {
    if (f.verdict !== 'undocumented') continue;
    const path = displayPath(f, base);
    // GitLab matches issues between the source and target branch by fingerprint: it must be stable
    // and unique. The finding's own fingerprint is both within a repository; nested ones add their path.
    const key = `${path === f.path ? '' : `${path}|`}${f.fingerprint}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    issues.push({
      description: `${f.message} (undocumented). Add a decision record that governs it (suggested: "${f.suggestion.title}", governs ${f.suggestion.governs.join(', ')}) or acknowledge ${f.fingerprint} in .adr-review.yml.`,
      check_name: f.rule,
      fingerprint: n === 0 ? key : `${key}#${n}`,
      severity: SEVERITY[f.severity],
      location: { path, lines: { begin: f.line && !f.oldSide ? f.line : 1 } },
    });
  }
  for (const c of conflictsOf(outcome)) {
    const path = displayPath({ repository: c.repository, path: c.path } as ReviewFinding, base);
    issues.push({
      description: `${c.message} (${recordLabel(c.record)}, ${c.record.path.startsWith(`${base}/`) ? c.record.path.slice(base.length + 1) : c.record.path}:${c.recordLine}: ${c.recordText.trim()})`,
      check_name: c.rule,
      fingerprint: c.fingerprint,
      severity: SEVERITY[c.severity],
      location: { path, lines: { begin: c.line ?? 1 } },
    });
  }
  return issues;
}
