/** The team's own rules from `.adr-review.yml` `custom:`: globs, and optionally a pattern on added lines. */
import type { CustomRule } from '../config';
import { addedLines } from '../diffParse';
import type { ChangedFile, RuleHit, RuleInfo } from '../types';
import { globMatcher } from './glob';

/** The rule id a custom rule reports as. */
export function customRuleId(rule: CustomRule): string {
  return `custom/${rule.id}`;
}

/** The rule's description for listings and SARIF. */
export function customRuleInfo(rule: CustomRule): RuleInfo {
  return { id: customRuleId(rule), family: 'custom', title: rule.title, rationale: rule.rationale, severity: rule.severity };
}

/** Hits of the custom rules on one file. */
export function customHits(file: ChangedFile, rules: readonly CustomRule[]): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const rule of rules) {
    if (!globMatcher(rule.paths)(file.path)) continue;
    let line: number | undefined;
    let reason = `path matches ${rule.paths.join(', ')}`;
    if (rule.added) {
      const hit = addedLines(file.hunks).find((l) => rule.added!.test(l.text));
      if (!hit) continue;
      line = hit.line;
      reason = `added line matches /${rule.added.source}/: ${hit.text.trim().slice(0, 80)}`;
    } else if (file.status === 'deleted') {
      continue;
    } else {
      line = addedLines(file.hunks)[0]?.line;
    }
    hits.push({
      rule: customRuleId(rule), path: file.path, subject: '', message: rule.message, severity: rule.severity, reason,
      ...(line !== undefined ? { line } : {}),
    });
  }
  return hits;
}
