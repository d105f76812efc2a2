/** Plain-text report: one block per finding, undocumented first, then a summary line. */
import type { ReviewOutcome } from '../engine';
import type { ReviewConflict, ReviewFinding, VerdictEvidence } from '../types';
import { conflictEvidence, countVerdicts, displayPath, recordLabel } from './common';

export interface TextOptions {
  /** Paths are shown relative to this folder. */
  readonly cwd: string;
  /** Show documented and acknowledged findings too (default true). */
  readonly all?: boolean;
}

const ORDER = { undocumented: 0, acknowledged: 1, documented: 2 } as const;

/** One line saying why a finding has its verdict. */
export function evidenceLine(e: VerdictEvidence, cwdRel: (abs: string) => string): string {
  if (e.kind === 'acknowledged') return `acknowledged in ${e.text}${e.line ? `:${e.line}` : ''}${e.by ? ` by ${e.by}` : ''}: ${e.reason}`;
  const r = e.record!;
  const where = `${recordLabel(r)} (${cwdRel(r.path)}${e.line ? `:${e.line}` : ''})`;
  if (e.kind === 'governs') return `governed by ${where}${r.inChange ? ', in this change' : ''}: ${e.glob}`;
  return `named by ${where}, in this change: ${e.text}`;
}

/** The report as text. */
export function formatText(outcome: ReviewOutcome, options: TextOptions): string {
  if (outcome.kind === 'disabled') return `${outcome.reason}\n`;
  const rel = (abs: string) => {
    const r = abs.startsWith(`${options.cwd}/`) ? abs.slice(options.cwd.length + 1) : abs;
    return r || '.';
  };
  const out: string[] = [];
  for (const n of outcome.notRepositories) out.push(`${rel(n.folder)}: ${n.message}`);
  for (const repo of outcome.repositories) {
    for (const p of repo.problems) out.push(`${rel(repo.repository.root)}: warning: ${p}`);
    for (const u of repo.unread) out.push(`${rel(`${repo.repository.root}/${u.path}`)}: note: ${u.reason}`);
  }
  const shown = outcome.findings.filter((f) => options.all !== false || f.verdict === 'undocumented');
  const sorted = [...shown].sort((a, b) => ORDER[a.verdict] - ORDER[b.verdict]);
  // Conflicts first: an error-level conflict fails the gate whatever the findings say.
  for (const c of outcome.conflicts ?? []) out.push(conflictBlock(c, rel));
  for (const f of sorted) out.push(block(f, options.cwd, rel));
  const c = countVerdicts(outcome.findings);
  const conflicts = (outcome.conflicts ?? []).length;
  const files = outcome.repositories.reduce((n, r) => n + r.fileCount, 0);
  if (outcome.repositories.length > 0) {
    const scope = outcome.repositories[0]!;
    out.push(
      `${files} changed file${files === 1 ? '' : 's'} against ${scope.base.description}: ` +
      `${c.undocumented} undocumented, ${c.documented} documented, ${c.acknowledged} acknowledged` +
      (conflicts > 0 ? `, ${conflicts} conflict${conflicts === 1 ? '' : 's'} with decisions already taken` : ''),
    );
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

function block(f: ReviewFinding, cwd: string, rel: (abs: string) => string): string {
  const lines = [`${displayPath(f, cwd)}${f.line ? `:${f.line}` : ''}: ${f.severity} [${f.rule}] ${f.message} — ${f.verdict.toUpperCase()}`];
  for (const e of f.evidence) lines.push(`    ${evidenceLine(e, rel)}`);
  if (f.verdict === 'undocumented') {
    lines.push(`    draft: "${f.suggestion.title}" governs ${f.suggestion.governs.join(', ')}`);
    lines.push(`    or acknowledge: ${f.fingerprint}`);
  }
  return lines.join('\n');
}

function conflictBlock(c: ReviewConflict, rel: (abs: string) => string): string {
  const where = rel(`${c.repository}/${c.path}`) || c.path;
  return [
    `${where}${c.line ? `:${c.line}` : ''}: ${c.severity} [${c.rule}] ${c.message} — CONFLICT`,
    `    ${conflictEvidence(c, rel)}`,
    `    supersede ${c.record.number !== null ? `ADR-${String(c.record.number).padStart(4, '0')}` : c.record.id} with a record that chooses it, or do not add it`,
  ].join('\n');
}
