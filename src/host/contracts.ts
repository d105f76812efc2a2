/**
 * What one feature offers others, as types: the composition root hands the implementation from
 * the feature that has it to the feature that needs it (New Decision, from authoring to the code
 * links and the review), so no feature imports another.
 */
import type * as vscode from 'vscode';
import type { AdrRecord, TextEdit } from '../core/model';
import type { TemplateKind } from '../core/templates';
import type { CollectionRef, RecordRef } from './targets';

/** Template choice: a built-in kind, or `collection` (the collection's own file, else its format's). */
export type TemplateArg = Exclude<TemplateKind, 'custom'> | 'collection';

/**
 * Arguments of `adrWorkbench.newDecision`; whatever is given is not asked. With a `title`, nothing
 * optional is asked either (template, status, relations take their defaults): the command runs
 * without questions unless there are several collections and none is named.
 */
export interface NewDecisionArgs {
  readonly title?: string;
  readonly collection?: CollectionRef;
  readonly template?: TemplateArg;
  readonly status?: string;
  readonly supersedes?: readonly RecordRef[];
  /** Links to existing records; the verbs default to "Relates to" both ways. */
  readonly links?: readonly { readonly target: RecordRef; readonly verb?: string; readonly reverseVerb?: string }[];
  /** `YYYY-MM-DD` instead of today. */
  readonly date?: string;
  /** Open the new record in an editor (default true). */
  readonly open?: boolean;
}

/** What a caller adds to the new record before it is written (so it is written once, finished). */
export interface NewDecisionOptions {
  /** Edits (offsets into `text`) to the new record, planned from it parsed in its collection's context. */
  readonly finish?: (record: AdrRecord, text: string) => readonly TextEdit[];
}

/** New Decision, as the authoring feature runs it: resolves with the new record's URI, or undefined when cancelled. */
export type NewDecision = (args: NewDecisionArgs, options?: NewDecisionOptions) => Promise<vscode.Uri | undefined>;
