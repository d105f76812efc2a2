/**
 * What the review panel and the status item show, from the engine's findings: pure mapping, no
 * vscode import (unit-tested in plain Node). Records are named with the one record label of
 * `core/presentation`, in their collection's padding when the workspace has indexed them.
 */
import type { AdrRecord } from '../../core/model';
import { referenceLabel } from '../../core/presentation';
import { basename, join, relative } from '../../core/paths';
import { parseFileName } from '../../core/naming';
import type { ReviewFinding, VerdictEvidence } from '../../core/review';
import type { FindingView, PanelState } from '../../webviews/review/protocol';

/** What the mapping may ask the workspace. */
export interface ViewContext {
  /** The root of the workspace folder holding `path`, if any (paths are shown relative to it). */
  readonly folderRoot: (path: string) => string | undefined;
  /** The indexed record at `path`, if any. */
  readonly record: (path: string) => AdrRecord | undefined;
}

/** The id of a finding across runs: its repository and fingerprint. */
export function findingId(f: Pick<ReviewFinding, 'repository' | 'fingerprint'>): string {
  return `${f.repository}|${f.fingerprint}`;
}

/** One line of evidence: who documents the change, and how. */
export function evidenceText(e: VerdictEvidence, ctx: ViewContext): string {
  if (e.kind === 'acknowledged') return `Acknowledged${e.by ? ` by ${e.by}` : ''}: ${e.reason ?? ''}`;
  const r = e.record;
  const who = r ? `${referenceLabel(ctx.record(r.path) ?? { number: r.number, numberText: parseFileName(basename(r.path)).numberText, title: r.title, id: r.id })}${r.inChange ? ' (in this change)' : ''}` : '';
  if (e.kind === 'governs') return `${who} governs it (${e.glob ?? ''})`;
  return `${who} names it${e.line ? ` on line ${e.line}` : ''}${e.text ? `: ${e.text}` : ''}`;
}

/** A finding as the panel shows it. */
export function findingView(f: ReviewFinding, ctx: ViewContext): FindingView {
  const abs = join(f.repository, f.path);
  const root = ctx.folderRoot(f.repository);
  return {
    id: findingId(f),
    rule: f.rule,
    ruleTitle: f.ruleTitle,
    family: f.family,
    severity: f.severity,
    verdict: f.verdict,
    message: f.message,
    file: root ? relative(root, abs) : f.path,
    ...(f.line !== undefined ? { line: f.line } : {}),
    evidence: f.evidence.map((e) => evidenceText(e, ctx)),
    ...(f.excerpt ? { excerpt: f.excerpt } : {}),
  };
}

/** The status item's text and tooltip for a panel state; undefined when it is hidden. */
export function statusSummary(state: PanelState): { text: string; tooltip: string; warn: boolean } | undefined {
  if (state.status !== 'ready') return undefined;
  const undocumented = state.findings.filter((f) => f.verdict === 'undocumented').length;
  return {
    text: `$(checklist) ${undocumented} undocumented`,
    tooltip: `${undocumented} architectural change${undocumented === 1 ? '' : 's'} without a decision record — open the Architecture Review`,
    warn: undocumented > 0,
  };
}
