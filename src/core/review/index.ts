/**
 * The architecture review: which changes in the working diff are decision-shaped, and whether a record
 * documents them. Entry point: `ReviewEngine.review`. Git is reached through `GitPort`.
 */
export { ReviewEngine, RESTRICTED_REASON } from './engine';
export type { RepositoryReview, ReviewOutcome, ReviewRequest } from './engine';
export { acknowledge, acknowledgementEdits, type AckOptions } from './ack';
export { CONFIG_FILES, parseConfig, type AckEntry, type CustomRule, type ReviewConfig } from './config';
export { ChangeReader, type ChangeSet } from './changes';
export { canFeed, GitCommandError, GitUnavailableError, gitOk, literalPathspec, type GitBytesOutput, type GitInputPort, type GitOutput, type GitPort } from './git';
export { governingFromRecords, inForce, type GoverningLookup, type GoverningMatch } from './governs';
export { locateRepository, insideRepository, mergeBase, EMPTY_TREE } from './repository';
export { BUILTIN_RULES, rulesOf } from './rules';
export { acknowledges, decide, fingerprintOf } from './verdict';
export { formatText } from './format/text';
export { formatGithub } from './format/github';
export { toSarif, SARIF_SCHEMA } from './format/sarif';
export { codeSpan, escapeMarkdown, formatMarkdown, type MarkdownOptions } from './format/markdown';
export { toCodeQuality, type CodeQualityIssue } from './format/codequality';
export { atOrAbove, countVerdicts, failing } from './format/common';
export { BACKUP_HOOK, CHAINED_HOOK, HOOK_MARKER, hookScript, planHook, type HookPlan } from './hook';
export type * from './types';
