export { lintRecord } from './recordLint';
export { lintIndex, lintInIndex, sortFindings, hasFindingsAtOrAbove } from './indexLint';
export type { LintOptions, SignoffLint } from './indexLint';
export { RULES, SEVERITY_ORDER } from './rules';
export type { RuleInfo } from './rules';
