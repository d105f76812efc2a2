/**
 * Messages between the Architecture Review panel (webview) and the extension. Both sides import
 * this file; nothing else crosses the boundary. Everything is data: the page renders it as text.
 */

export type Severity = 'error' | 'warning' | 'info';
export type Verdict = 'documented' | 'acknowledged' | 'undocumented';

/** One flagged change, as the panel shows it. */
export interface FindingView {
  readonly id: string;
  readonly rule: string;
  readonly ruleTitle: string;
  readonly family: string;
  readonly severity: Severity;
  readonly verdict: Verdict;
  readonly message: string;
  /** Workspace-relative path. */
  readonly file: string;
  readonly line?: number;
  readonly evidence: readonly string[];
  /** The severity pill: only on an undocumented change (a documented or acknowledged card shows its verdict alone). */
  readonly pill?: { readonly label: string; readonly tone: Severity };
  readonly excerpt?: ExcerptView;
}

/** Diff lines from the change's own line on; `cutBefore` / `cutAfter`: the hunk goes on there (shown as an ellipsis). */
export interface ExcerptView {
  readonly header: string;
  readonly lines: readonly string[];
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
}

/** A change that adds what an in-force record rejected or replaced, as the panel shows it. */
export interface ConflictView {
  readonly id: string;
  readonly severity: Severity;
  /** "Adds `mongodb`, which ADR-0004 considered and rejected in favour of PostgreSQL". */
  readonly message: string;
  /** What it adds: the dependency, the infrastructure kind, the path. */
  readonly subject: string;
  /** Workspace-relative path of the file that adds it, and the line. */
  readonly file: string;
  readonly line?: number;
  /** The record that rejected it, labelled ("ADR-0004 Use PostgreSQL"), its workspace-relative path and the line that says so. */
  readonly record: string;
  readonly recordFile: string;
  readonly recordLine: number;
  readonly recordText: string;
}

export interface PanelState {
  /** `off`: review disabled or the workspace is untrusted (`message` says why). */
  readonly status: 'loading' | 'ready' | 'off' | 'no-repository' | 'error';
  readonly message?: string;
  /** What was compared, e.g. "working change against HEAD". */
  readonly scope?: string;
  readonly findings: readonly FindingView[];
  /** Conflicts with decisions already taken (none when absent). */
  readonly conflicts?: readonly ConflictView[];
}

export type ToWebview = { readonly type: 'state'; readonly state: PanelState };

/** `openRecord`: a conflict's record, at the line that rejects it (conflicts also take `openFile`). */
export type FindingAction = 'draftAdr' | 'linkToAdr' | 'acknowledge' | 'openDiff' | 'openFile' | 'openRecord';

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'action'; readonly action: FindingAction; readonly id: string };

const ACTIONS: readonly FindingAction[] = ['draftAdr', 'linkToAdr', 'acknowledge', 'openDiff', 'openFile', 'openRecord'];

/** Validates a message from the page: the page is not trusted to send well-formed data. */
export function parseFromWebview(value: unknown): FromWebview | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  if (m.type === 'ready') return { type: m.type };
  if (m.type === 'action' && typeof m.id === 'string' && ACTIONS.includes(m.action as FindingAction)) {
    return { type: 'action', action: m.action as FindingAction, id: m.id };
  }
  return undefined;
}
