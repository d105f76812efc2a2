/** What the panel offers with a finding: a few diff lines around it, and a draft ADR title and globs. */
import { dirname } from '../paths';
import type { ChangedFile, DiffExcerpt, RuleHit } from './types';

/** Up to `context` lines either side of the hit's line, from the hunk that holds it (else the first hunk). */
export function excerptOf(file: ChangedFile, hit: RuleHit, context = 3): DiffExcerpt | undefined {
  if (file.hunks.length === 0) return undefined;
  const target = hit.line;
  for (const h of file.hunks) {
    let oldLine = h.oldStart;
    let newLine = h.newStart;
    for (let i = 0; i < h.lines.length; i++) {
      const c = h.lines[i]!.charAt(0);
      const here = hit.oldSide ? oldLine : newLine;
      const counts = hit.oldSide ? c !== '+' && c !== '\\' : c !== '-' && c !== '\\';
      if (target === undefined || (counts && here === target)) {
        const from = Math.max(0, i - context);
        const to = Math.min(h.lines.length, i + context + 1);
        return { header: h.header, lines: h.lines.slice(from, to), at: i - from, cutBefore: from > 0, cutAfter: to < h.lines.length };
      }
      if (c === '+') newLine++;
      else if (c === '-') oldLine++;
      else if (c !== '\\') { oldLine++; newLine++; }
    }
  }
  const h = file.hunks[0]!;
  return { header: h.header, lines: h.lines.slice(0, context * 2 + 1), cutBefore: false, cutAfter: h.lines.length > context * 2 + 1 };
}

/** A title and `governs` globs for a record that would document the hit. */
export function suggestionFor(hit: RuleHit): { title: string; governs: string[] } {
  const s = hit.subject;
  const folder = dirname(hit.path);
  const here = folder === '.' ? '' : ` in ${folder}`;
  switch (hit.rule) {
    case 'dependency-added': return { title: `Use ${s}`, governs: [hit.path] };
    case 'dependency-removed': return { title: `Stop using ${s}`, governs: [hit.path] };
    case 'dependency-version': return { title: `Upgrade ${s}`, governs: [hit.path] };
    case 'module-added': return { title: `Add the ${s} module`, governs: [`${s}/**`] };
    case 'module-removed': return { title: `Remove the ${s} module`, governs: [`${s}/**`] };
    case 'infra-container': return { title: `Container image${here}`, governs: [hit.path] };
    case 'infra-orchestration': return { title: `Deployment topology${here}`, governs: [folder === '.' ? hit.path : `${folder}/**`] };
    case 'infra-iac': return { title: `Infrastructure${here}`, governs: [folder === '.' ? hit.path : `${folder}/**`] };
    case 'infra-serverless': return { title: `Serverless configuration${here}`, governs: [hit.path] };
    case 'ci-pipeline': return { title: 'Delivery pipeline', governs: [hit.path] };
    case 'ci-delivery': return { title: `Delivery: ${hit.message.replace(/^\S+ /, '').replace(/ \((was )?job .*\)$/, '')}`, governs: [hit.path] };
    case 'data-migration': return { title: `Database schema change${here}`, governs: [folder === '.' ? hit.path : `${folder}/**`] };
    case 'data-schema': return { title: `Data schema${here}`, governs: [hit.path] };
    case 'interface-contract': return { title: `Interface contract ${hit.path}`, governs: [hit.path] };
    case 'interface-public-api': return { title: `Public API of ${folder === '.' ? hit.path : folder}`, governs: [hit.path] };
    default: return { title: `${hit.message}`.slice(0, 80), governs: [hit.path] };
  }
}
