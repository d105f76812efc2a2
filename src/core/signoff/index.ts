/** Sign-off: reviewers, approvals and review-by dates read and written in each dialect, and the policy. */
export * from './types';
export { addPeriod, daysBetween, parsePeriod, periodText } from './dates';
export { displayName, foldName, uniqueNames } from './names';
export { policyFor, policyRoot, readSignoffPolicy, SIGNOFF_CONFIG, type PolicyRead } from './policy';
export { headerLines, readSignoff } from './read';
export { latestVerdicts, signoffState, signoffSummary, type SignoffState, type StateOptions } from './state';
export { approvalEdits, markReviewedEdits, mergeInserts, reviewByEdits, signoffInFrontMatter, type ApprovalEntry } from './edit';
export { SIGNOFF_RULES, signoffFindings } from './lint';
export { awaits, isPerson, recordAttention, statusDates, type AttentionKind, type AttentionOptions, type Person, type RecordAttention, type StatusEventLike } from './attention';
