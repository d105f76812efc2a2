/** GitHub Actions workflow commands: `::warning file=…,line=…,title=…::message` per undocumented finding. */
import type { ReviewOutcome } from '../engine';
import { countVerdicts, displayPath } from './common';

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
  const c = countVerdicts(outcome.findings);
  out.push(`ADR review: ${c.undocumented} undocumented, ${c.documented} documented, ${c.acknowledged} acknowledged`);
  return `${out.join('\n')}\n`;
}
