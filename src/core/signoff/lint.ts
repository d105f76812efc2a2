/** Lint of sign-off: accepted records without the approvals the policy asks for, reviews due and overdue. */
import type { AdrRecord, Finding, Severity } from '../model';
import type { SignoffState } from './state';
import type { Signoff } from './types';

export const SIGNOFF_RULES = {
  missingApprovals: { id: 'missing-approvals', severity: 'warning' as Severity, description: 'An accepted record lacks the approvals the sign-off policy (.adr-workbench.yml `signoff`) requires, or someone asked for changes.' },
  reviewDue: { id: 'review-due', severity: 'info' as Severity, description: 'A decision\'s review-by date (its own, or the policy\'s review-every) is near.' },
  reviewOverdue: { id: 'review-overdue', severity: 'warning' as Severity, description: 'A decision\'s review-by date has passed.' },
} as const;

/** The sign-off findings of one record. */
export function signoffFindings(record: AdrRecord, signoff: Signoff, state: SignoffState): Finding[] {
  const out: Finding[] = [];
  const at = record.statusField?.lineSpan ?? record.titleField?.lineSpan ?? { start: 0, end: 0 };
  if (record.status === 'accepted' && !state.satisfied) {
    const parts: string[] = [];
    if (state.approvedBy.length < state.needed) {
      parts.push(`${state.approvedBy.length} of ${state.needed} required approval${state.needed === 1 ? '' : 's'}`);
      if (state.awaited.length) parts.push(`awaiting ${state.awaited.join(', ')}`);
    }
    if (state.changesRequestedBy.length) parts.push(`changes requested by ${state.changesRequestedBy.join(', ')}`);
    out.push({ rule: SIGNOFF_RULES.missingApprovals.id, severity: SIGNOFF_RULES.missingApprovals.severity, message: `Accepted without sign-off: ${parts.join('; ')}`, path: record.path, span: at });
  }
  if (state.review && state.reviewBy) {
    const rule = state.review === 'overdue' ? SIGNOFF_RULES.reviewOverdue : SIGNOFF_RULES.reviewDue;
    const days = state.reviewInDays ?? 0;
    const when = days < 0 ? `${-days} day${days === -1 ? '' : 's'} overdue` : days === 0 ? 'due today' : `due in ${days} day${days === 1 ? '' : 's'}`;
    out.push({ rule: rule.id, severity: rule.severity, message: `Review by ${state.reviewBy}: ${when}`, path: record.path, span: signoff.reviewBySpan ?? at });
  }
  return out;
}
