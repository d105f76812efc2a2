/**
 * Code ↔ decision links: anchors in code comments (`ADR-0007`, `@adr 12`, links to records),
 * records' `governs` globs, and the workspace index that answers "what governs this file" and
 * "where is this decision referenced". Pure: files are reached through the `FileSystem` port.
 */
export { AnchorMatcher, BUILTIN_PATTERNS } from './anchors';
export type { Anchor, AnchorOptions, AnchorRef, BuiltinPattern, CustomPattern } from './anchors';
export { scanRegions, COMMENT, STRING } from './comments';
export type { Regions } from './comments';
export { LANGUAGES, languageIdForPath, syntaxForLanguageId, syntaxForPath } from './languages';
export type { BlockRule, CommentSyntax, LanguageMap, StringRule } from './languages';
export { AnchorResolver, collectionScope } from './resolve';
export type { Resolution, ResolveOptions } from './resolve';
export { GovernsMatcher, isInForce, matchingPatterns } from './governs';
export type { GovernsMatch, GovernsOptions } from './governs';
export { IgnoreRules, findRepoRoot, ALWAYS_SKIPPED, DEFAULT_SKIPPED_FOLDERS } from './ignore';
export type { IgnoreOptions } from './ignore';
export { CodeIndex } from './codeIndex';
export { locate } from './store';
export type { CodeIndexChange, CodeIndexOptions, CodeUpdateResult, LocatedAnchor, ScanStats } from './codeIndex';
export { explain, explainFile, refs, resolveAnchors } from './queries';
export type { AnchorUse, Explanation, ExplainedRecord, References } from './queries';
export { anchorFindings, codeFindings, successorOf, LINK_RULES } from './lint';
export { TimeSlicer, yieldNow } from './scan';
