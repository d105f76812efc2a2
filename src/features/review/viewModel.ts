/**
 * What the review panel and the status item show, from the engine's findings: pure mapping, no
 * vscode import (unit-tested in plain Node). Records are named with the one record label of
 * `core/presentation`, in their collection's padding when the workspace has indexed them.
 */
import type { AdrRecord, Finding } from '../../core/model';
import { referenceLabel } from '../../core/presentation';
import { basename, join, relative } from '../../core/paths';
import { parseFileName } from '../../core/naming';
import type { DiffExcerpt, ReviewConflict, ReviewFinding, VerdictEvidence } from '../../core/review';
import type { ConflictView, ExcerptView, FindingView, PanelState } from '../../webviews/review/protocol';

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

/** The diff lines from the change's own line on, with where the hunk was cut (shown as an ellipsis). */
export function excerptView(e: DiffExcerpt): ExcerptView {
  const from = e.at ?? 0;
  return { header: e.header, lines: e.lines.slice(from), cutBefore: from > 0 || e.cutBefore === true, cutAfter: e.cutAfter === true };
}

/** `path` (absolute) relative to the workspace folder holding `repository`, else to the repository. */
function shownPath(repository: string, path: string, ctx: ViewContext): string {
  const abs = join(repository, path);
  const root = ctx.folderRoot(repository);
  return root ? relative(root, abs) : path;
}

/** A finding as the panel shows it. */
export function findingView(f: ReviewFinding, ctx: ViewContext): FindingView {
  return {
    id: findingId(f),
    rule: f.rule,
    ruleTitle: f.ruleTitle,
    family: f.family,
    severity: f.severity,
    verdict: f.verdict,
    message: f.message,
    file: shownPath(f.repository, f.path, ctx),
    ...(f.line !== undefined ? { line: f.line } : {}),
    evidence: f.evidence.map((e) => evidenceText(e, ctx)),
    // The severity is how much an undocumented change matters; a documented one shows its verdict alone.
    ...(f.verdict === 'undocumented' ? { pill: { label: f.severity, tone: f.severity } } : {}),
    ...(f.excerpt ? { excerpt: excerptView(f.excerpt) } : {}),
  };
}

/** The id of a conflict across runs (never equal to a finding's: its fingerprint starts with `decision-conflict:`). */
export function conflictId(c: Pick<ReviewConflict, 'repository' | 'fingerprint'>): string {
  return `${c.repository}|${c.fingerprint}`;
}

/** A conflict with a decision already taken, as the panel shows it. */
export function conflictView(c: ReviewConflict, ctx: ViewContext): ConflictView {
  const r = c.record;
  const root = ctx.folderRoot(r.path);
  return {
    id: conflictId(c),
    severity: c.severity,
    message: c.message,
    subject: c.subject,
    file: shownPath(c.repository, c.path, ctx),
    ...(c.line !== undefined ? { line: c.line } : {}),
    record: referenceLabel(ctx.record(r.path) ?? { number: r.number, numberText: parseFileName(basename(r.path)).numberText, title: r.title, id: r.id }),
    recordFile: root ? relative(root, r.path) : r.path,
    recordLine: c.recordLine,
    recordText: c.recordText,
  };
}

/**
 * The diagnostic finding of a conflict, on the line of `text` (the file that adds it) that adds it:
 * that line without its indentation; the file's first line when the conflict has none.
 */
export function conflictFinding(c: ReviewConflict, text: string): Finding {
  let start = 0;
  for (let n = 1; n < (c.line ?? 1); n++) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) break;
    start = nl + 1;
  }
  let end = text.indexOf('\n', start);
  if (end === -1) end = text.length;
  if (end > start && text.charAt(end - 1) === '\r') end--;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  return { rule: c.rule, severity: c.severity, message: `${c.message} (${c.record.id}, line ${c.recordLine})`, path: join(c.repository, c.path), span: { start, end } };
}

/** The status item's text and tooltip for a panel state; undefined when it is hidden. */
export function statusSummary(state: PanelState): { text: string; tooltip: string; warn: boolean } | undefined {
  if (state.status !== 'ready') return undefined;
  const undocumented = state.findings.filter((f) => f.verdict === 'undocumented').length;
  const conflicts = state.conflicts?.length ?? 0;
  const clash = conflicts ? `${conflicts} conflict${conflicts === 1 ? '' : 's'} with decisions already taken` : '';
  return {
    text: `$(checklist) ${undocumented} undocumented${conflicts ? `, ${conflicts} conflict${conflicts === 1 ? '' : 's'}` : ''}`,
    tooltip: `${undocumented} architectural change${undocumented === 1 ? '' : 's'} without a decision record${clash ? `, ${clash}` : ''} — open the Architecture Review`,
    warn: undocumented > 0 || conflicts > 0,
  };
}
