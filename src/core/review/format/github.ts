/** GitHub Actions workflow commands: `::warning file=…,line=…,title=…::message` per undocumented finding. */
import type { ReviewOutcome } from '../engine';
import { conflictEvidence, countVerdicts, displayPath } from './common';
import { join, relative } from '../../paths';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Escapes a workflow command's message. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The annotations, paths relative to `base` (the checkout root). */
export function formatGithub(outcome: ReviewOutcome, base: string): string {
  if (outcome.kind === 'disabled') return `::notice::${escapeData(outcome.reason)}\n`;
  const out: string[] = [];
  for (const n of outcome.notRepositories) out.push(`::${n.refused ? 'error' : 'notice'}::${escapeData(`${n.folder}: ${n.message}`)}`);
  for (const r of outcome.repositories) {
    for (const u of r.unread) out.push(`::notice file=${escapeProperty(u.path)}::${escapeData(`${u.path}: ${u.reason}`)}`);
  }
  for (const f of outcome.findings) {
    if (f.verdict !== 'undocumented') continue;
    const props = [`file=${escapeProperty(displayPath(f, base))}`];
    if (f.line && !f.oldSide) props.push(`line=${f.line}`);
    props.push(`title=${escapeProperty(`Undocumented architectural change [${f.rule}]`)}`);
    const text = `${f.message}. Add a decision record that governs it (suggested: "${f.suggestion.title}", governs ${f.suggestion.governs.join(', ')}) or acknowledge ${f.fingerprint} in .adr-review.yml.`;
    out.push(`::${LEVEL[f.severity]} ${props.join(',')}::${escapeData(text)}`);
  }
  const conflicts = outcome.conflicts ?? [];
  for (const k of conflicts) {
    const props = [`file=${escapeProperty(relative(base, join(k.repository, k.path)) || k.path)}`];
    if (k.line) props.push(`line=${k.line}`);
    props.push(`title=${escapeProperty(`Conflicts with a decision already taken [${k.rule}]`)}`);
    out.push(`::${LEVEL[k.severity]} ${props.join(',')}::${escapeData(`${k.message}. ${conflictEvidence(k, (p) => relative(base, p) || p)}.`)}`);
  }
  const c = countVerdicts(outcome.findings);
  out.push(`ADR review: ${c.undocumented} undocumented, ${c.documented} documented, ${c.acknowledged} acknowledged${conflicts.length > 0 ? `, ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'}` : ''}`);
  return `${out.join('\n')}\n`;
}
