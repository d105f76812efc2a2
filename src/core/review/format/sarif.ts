/**
 * SARIF 2.1.0 for code-scanning tools. Every finding is a result; documented and acknowledged ones
 * carry a `suppressions` entry with the evidence as justification, so scanners show only the
 * undocumented ones as open alerts.
 */
import type { Severity } from '../../model';
import type { ReviewOutcome } from '../engine';
import type { RuleInfo } from '../types';
import { CONFLICT_RULE } from '../conflicts';
import { conflictEvidence, displayPath } from './common';
import { join, relative } from '../../paths';
import { evidenceLine } from './text';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Encodes a relative path as a URI reference (each segment percent-encoded). */
function uriOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The SARIF log object (serialise with `JSON.stringify`). Paths are relative to `base`, the `%SRCROOT%`. */
export function toSarif(outcome: ReviewOutcome, base: string, version: string): Record<string, unknown> {
  const rules = new Map<string, RuleInfo>();
  if (outcome.kind === 'reviewed') for (const r of outcome.repositories) for (const rule of r.rules) if (!rules.has(rule.id)) rules.set(rule.id, rule);
  const conflicts = outcome.kind === 'reviewed' ? outcome.conflicts ?? [] : [];
  if (conflicts.length > 0 && !rules.has(CONFLICT_RULE.id)) rules.set(CONFLICT_RULE.id, CONFLICT_RULE);
  const ruleList = [...rules.values()];
  const index = new Map(ruleList.map((r, i) => [r.id, i]));
  const findings = outcome.kind === 'reviewed' ? outcome.findings : [];
  const results: Record<string, unknown>[] = findings.map((f) => {
    const region = f.line && !f.oldSide ? { region: { startLine: f.line } } : {};
    const justification = f.evidence.map((e) => evidenceLine(e, (p) => p)).join('; ');
    return {
      ruleId: f.rule,
      ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
      level: LEVEL[f.severity],
      message: { text: `${f.message} (${f.verdict})` },
      locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(displayPath(f, base)), uriBaseId: '%SRCROOT%' }, ...region } }],
      partialFingerprints: { 'adrWorkbench/v1': f.fingerprint },
      ...(f.verdict !== 'undocumented' ? { suppressions: [{ kind: 'external', status: 'accepted', justification }] } : {}),
      properties: { verdict: f.verdict, subject: f.subject, suggestedTitle: f.suggestion.title, suggestedGoverns: f.suggestion.governs },
    };
  });
  // A conflict is an open result at the line that adds it, related to the record's line that rejected it.
  const rel = (abs: string) => relative(base, abs) || abs;
  for (const c of conflicts) {
    const region = c.line ? { region: { startLine: c.line } } : {};
    results.push({
      ruleId: c.rule,
      ...(index.has(c.rule) ? { ruleIndex: index.get(c.rule) } : {}),
      level: LEVEL[c.severity],
      message: { text: `${c.message} (conflict)` },
      locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(relative(base, join(c.repository, c.path)) || c.path), uriBaseId: '%SRCROOT%' }, ...region } }],
      relatedLocations: [{
        id: 1, message: { text: conflictEvidence(c, rel) },
        physicalLocation: { artifactLocation: { uri: uriOf(rel(c.record.path)), uriBaseId: '%SRCROOT%' }, region: { startLine: c.recordLine } },
      }],
      partialFingerprints: { 'adrWorkbench/v1': c.fingerprint },
      properties: { verdict: 'conflict', subject: c.subject, source: c.source, record: c.record.id, rejected: c.rejected, ...(c.chosen !== undefined ? { chosen: c.chosen } : {}) },
    });
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'ADR Workbench',
          semanticVersion: version,
          rules: ruleList.map((r) => ({
            id: r.id,
            name: r.id.replace(/(^|[-/])(\w)/g, (_m, _s: string, c: string) => c.toUpperCase()),
            shortDescription: { text: r.title },
            fullDescription: { text: r.rationale },
            defaultConfiguration: { level: LEVEL[r.severity] },
            properties: { family: r.family },
          })),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: `file://${base.startsWith('/') ? '' : '/'}${uriOf(base)}/` } },
      results,
      ...(outcome.kind === 'disabled'
        ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: [{ message: { text: outcome.reason } }] }] }
        : notices(outcome).length > 0
          ? { invocations: [{ executionSuccessful: !outcome.notRepositories.some((n) => n.refused), toolExecutionNotifications: notices(outcome).map((text) => ({ level: 'note', message: { text } })) }] }
          : {}),
    }],
  };
}

/** What was not reviewed or not read, one line each (a refused repository, a symlinked manifest, a blob missing from a partial clone). */
function notices(outcome: Extract<ReviewOutcome, { kind: 'reviewed' }>): string[] {
  return [
    ...outcome.notRepositories.map((n) => `${n.folder}: ${n.message}`),
    ...outcome.repositories.flatMap((r) => r.unread.map((u) => `${u.path}: ${u.reason}`)),
  ];
}
