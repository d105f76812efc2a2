/** The lint rules: ids, default severities and what each one means (shown by `lint --rules`). */
import type { Severity } from '../model';

export interface RuleInfo {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
}

export const RULES = {
  duplicateNumber: { id: 'duplicate-number', severity: 'error', description: 'Two records of one collection share a number.' },
  brokenLink: { id: 'broken-link', severity: 'error', description: 'A relative link points at a file that does not exist.' },
  unknownTarget: { id: 'unknown-target', severity: 'error', description: 'A relation names a record (id or number) that no collection has.' },
  asymmetricRelation: { id: 'asymmetric-relation', severity: 'warning', description: 'One record states a relation but the other does not state the reverse.' },
  supersededWithoutSuccessor: { id: 'superseded-without-successor', severity: 'warning', description: 'A record is superseded but names no record that supersedes it.' },
  placeholder: { id: 'template-placeholder', severity: 'warning', description: 'Template placeholder text was never filled in.' },
  missingTitle: { id: 'missing-title', severity: 'warning', description: 'The record has no level-1 heading.' },
  missingStatus: { id: 'missing-status', severity: 'info', description: 'The record states no status.' },
  unknownStatus: { id: 'unknown-status', severity: 'info', description: 'The status is not one of proposed, accepted, rejected, deprecated, superseded or draft, nor a word the collection declares or uses in other records.' },
  statusContradiction: { id: 'status-contradiction', severity: 'warning', description: 'The record states two statuses that contradict each other (accepted here, superseded there).' },
  unreadableRecord: { id: 'unreadable-record', severity: 'error', description: 'A record file could not be read at all (too large, binary, not a regular file).' },
  parseProblem: { id: 'parse-problem', severity: 'warning', description: 'The record could not be read completely (front matter, dates).' },
} as const satisfies Record<string, RuleInfo>;

export const SEVERITY_ORDER: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
