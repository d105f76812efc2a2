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
  readonly excerpt?: { readonly header: string; readonly lines: readonly string[] };
}

export interface PanelState {
  /** `off`: review disabled or the workspace is untrusted (`message` says why). */
  readonly status: 'loading' | 'ready' | 'off' | 'no-repository' | 'error';
  readonly message?: string;
  /** What was compared, e.g. "working change against HEAD". */
  readonly scope?: string;
  readonly findings: readonly FindingView[];
}

export type ToWebview = { readonly type: 'state'; readonly state: PanelState };

export type FindingAction = 'draftAdr' | 'linkToAdr' | 'acknowledge' | 'openDiff' | 'openFile';

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  | { readonly type: 'action'; readonly action: FindingAction; readonly id: string };

const ACTIONS: readonly FindingAction[] = ['draftAdr', 'linkToAdr', 'acknowledge', 'openDiff', 'openFile'];

/** Validates a message from the page: the page is not trusted to send well-formed data. */
export function parseFromWebview(value: unknown): FromWebview | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  if (m.type === 'ready' || m.type === 'refresh') return { type: m.type };
  if (m.type === 'action' && typeof m.id === 'string' && ACTIONS.includes(m.action as FindingAction)) {
    return { type: 'action', action: m.action as FindingAction, id: m.id };
  }
  return undefined;
}
