/**
 * Lint of code ↔ decision links: anchors naming no record, several records, or a record that no
 * longer holds (superseded, rejected, deprecated), and globs of records in force that match no file.
 * `anchorFindings` serves one document (an editor's diagnostics); `codeFindings` a whole scan.
 */
import type { AdrRecord, Finding } from '../model';
import type { RuleInfo } from '../lint';
import { relative } from '../paths';
import type { CodeIndex, LocatedAnchor } from './codeIndex';
import { resolveAnchors } from './queries';

export const LINK_RULES = {
  anchorUnknown: { id: 'anchor-unknown', severity: 'error', description: 'A code anchor names a decision record that does not exist.' },
  anchorAmbiguous: { id: 'anchor-ambiguous', severity: 'warning', description: 'A code anchor could name several records (a duplicated number, or one used in several collections).' },
  anchorSuperseded: { id: 'anchor-superseded', severity: 'warning', description: 'A code anchor names a superseded record.' },
  anchorInactive: { id: 'anchor-inactive', severity: 'info', description: 'A code anchor names a rejected or deprecated record.' },
  governsMatchesNothing: { id: 'governs-matches-nothing', severity: 'warning', description: 'A glob of a record in force (governs, applies-to, affects) matches no file.' },
} as const satisfies Record<string, RuleInfo>;

/** Findings for the anchors of one file (its stored anchors, or an open document's). */
export function anchorFindings(code: CodeIndex, path: string, anchors: readonly LocatedAnchor[] = code.anchorsIn(path)): Finding[] {
  const out: Finding[] = [];
  for (const { anchor, resolution: r } of resolveAnchors(code, path, anchors)) {
    const at = { path, span: anchor.span };
    if (r.kind === 'unknown') {
      out.push({ ...at, rule: LINK_RULES.anchorUnknown.id, severity: LINK_RULES.anchorUnknown.severity, message: `${anchor.text}: ${r.message}` });
    } else if (r.kind === 'ambiguous') {
      out.push({ ...at, rule: LINK_RULES.anchorAmbiguous.id, severity: LINK_RULES.anchorAmbiguous.severity, message: `${anchor.text} is ambiguous: ${r.message}` });
    } else if (r.kind === 'resolved' && r.record.status === 'superseded') {
      const successor = successorOf(code, r.record);
      const fix = successor ? renumber(code, path, anchor, successor) : undefined;
      out.push({
        ...at, rule: LINK_RULES.anchorSuperseded.id, severity: LINK_RULES.anchorSuperseded.severity,
        message: `${anchor.text} names "${r.record.title}", which is superseded${successor ? ` by ${label(successor)}` : ''}`,
        ...(fix ? { fix } : {}),
      });
    } else if (r.kind === 'resolved' && (r.record.status === 'rejected' || r.record.status === 'deprecated')) {
      out.push({ ...at, rule: LINK_RULES.anchorInactive.id, severity: LINK_RULES.anchorInactive.severity, message: `${anchor.text} names "${r.record.title}", which is ${r.record.status}` });
    }
  }
  return out;
}

/** Findings for every scanned anchor, plus globs matching nothing (only when the scan root is the glob root). */
export function codeFindings(code: CodeIndex): Finding[] {
  const out: Finding[] = [];
  for (const [path, anchors] of code.anchoredFiles()) if (!code.inCollection(path)) out.push(...anchorFindings(code, path, anchors));
  if (code.root === code.governs.repoRoot && code.files().size > 0) {
    for (const record of code.governs.records()) {
      if (!code.governs.inForce(record)) continue;
      for (const pattern of record.governs) {
        if (pattern.trim().startsWith('!')) continue;
        const one = { ...record, governs: [pattern] };
        if (code.governs.filesOf(one, code.files()).length > 0) continue;
        const entry = record.frontMatter?.entries.find((e) => ['governs', 'applies-to', 'applies_to', 'affects'].includes(e.key));
        out.push({
          path: record.path, span: entry?.span ?? record.titleField?.lineSpan ?? { start: 0, end: 0 },
          rule: LINK_RULES.governsMatchesNothing.id, severity: LINK_RULES.governsMatchesNothing.severity,
          message: `"${pattern}" matches no file under ${relative(code.root, code.governs.repoRoot) || 'the repository root'}`,
        });
      }
    }
  }
  return out;
}

/** The record that supersedes `record`, when the index knows one. */
export function successorOf(code: CodeIndex, record: AdrRecord): AdrRecord | undefined {
  const rel = code.index.relationsOf(record.path).find((r) => r.type === 'superseded-by' && r.other);
  return rel?.other ? code.index.get(rel.other) : undefined;
}

function label(r: AdrRecord): string {
  return r.number !== null ? `${r.number}. ${r.title}` : r.title;
}

/** A fix pointing a numeric anchor at the successor (`ADR-0007` → `ADR-0012`, padding kept). */
function renumber(code: CodeIndex, path: string, anchor: LocatedAnchor, successor: AdrRecord): Finding['fix'] {
  if (anchor.ref.number === undefined || anchor.ref.link !== undefined || successor.number === null) return undefined;
  // Only when the new number names the successor from here (same collection, no ambiguity).
  const check = code.resolver.resolve({ ...anchor.ref, number: successor.number }, path);
  if (check.kind !== 'resolved' || check.record.path !== successor.path) return undefined;
  const m = /\d+(?!.*\d)/.exec(anchor.text);
  if (!m) return undefined;
  const digits = String(successor.number).padStart(m[0].length, '0');
  const start = anchor.span.start + m.index;
  return {
    title: `Point to ${label(successor)}`,
    plan: { edits: [{ path, edits: [{ start, end: start + m[0].length, newText: digits }] }], creates: [] },
  };
}
