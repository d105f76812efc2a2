/**
 * GitLab's code-quality report (a subset of the Code Climate format): a JSON array of issues, one per
 * finding that fails a gate (undocumented, or in conflict with a record), which GitLab shows in the
 * merge request's widget and diff. Documented and acknowledged findings are not issues.
 */
import type { Severity } from '../../model';
import type { ReviewOutcome } from '../engine';
import { displayPath } from './common';

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
    if (f.verdict !== 'undocumented' && f.verdict !== ('conflict' as string)) continue;
    const path = displayPath(f, base);
    // GitLab matches issues between the source and target branch by fingerprint: it must be stable
    // and unique. The finding's own fingerprint is both within a repository; nested ones add their path.
    const key = `${path === f.path ? '' : `${path}|`}${f.fingerprint}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const suggestion = f.verdict === 'undocumented'
      ? ` Add a decision record that governs it (suggested: "${f.suggestion.title}", governs ${f.suggestion.governs.join(', ')}) or acknowledge ${f.fingerprint} in .adr-review.yml.`
      : '';
    issues.push({
      description: `${f.message} (${f.verdict}).${suggestion}`,
      check_name: f.rule,
      fingerprint: n === 0 ? key : `${key}#${n}`,
      severity: SEVERITY[f.severity],
      location: { path, lines: { begin: f.line && !f.oldSide ? f.line : 1 } },
    });
  }
  return issues;
}
