/** The Architecture Review: panel, controller (scheduling and state), actions, status item and commands. */
import * as vscode from 'vscode';
import { UserError } from '../../core/errors';
import type { Host } from '../../host';
import type { NewDecision } from '../../host/contracts';
import type { FindingAction } from '../../webviews/review/protocol';
import { ReviewActions, type ActionArgs } from './actions';
import { ReviewController } from './reviewController';
import { REVIEW_VIEW_ID, ReviewPanel } from './reviewPanel';

export interface ReviewFeature {
  readonly panel: ReviewPanel;
  readonly controller: ReviewController;
  readonly actions: ReviewActions;
}

/** What the review needs from other features, handed in by the composition root. */
export interface ReviewDeps {
  readonly newDecision: NewDecision;
}

export function registerReview(context: vscode.ExtensionContext, host: Host, deps: ReviewDeps): ReviewFeature {
  const { runner } = host;
  const panel = new ReviewPanel(context.extensionUri);
  const controller = new ReviewController(host, panel);
  const actions = new ReviewActions(host, deps.newDecision, () => controller.schedule(0));
  const act = async (action: FindingAction | undefined, id: string | undefined, args: ActionArgs = {}) => {
    const f = id ? controller.finding(id) : undefined;
    if (f) return actions.run(action, f, args);
    const c = id ? controller.conflict(id) : undefined;
    if (c) return actions.runConflict(action, c);
    throw new UserError('That change is no longer in the review; refresh it.');
  };
  context.subscriptions.push(
    panel,
    controller,
    vscode.window.registerWebviewViewProvider(REVIEW_VIEW_ID, panel, { webviewOptions: { retainContextWhenHidden: false } }),
    // The panel's buttons run the action directly, through the runner (errors shown as for a command).
    panel.onMessage((m) => {
      if (m.type === 'action') void runner.runCommand('reviewAction', () => act(m.action, m.id));
    }),
    runner.register('reviewShow', () => vscode.commands.executeCommand(`${REVIEW_VIEW_ID}.focus`)),
    runner.register('reviewRefresh', () => controller.refresh()),
    // The same actions for keybindings, tests and other extensions: `{ action, id, record?, reason? }`.
    runner.register('reviewAction', (arg: unknown) => {
      const o = typeof arg === 'object' && arg !== null ? arg as Record<string, unknown> : {};
      const str = (k: string) => (typeof o[k] === 'string' ? o[k] as string : undefined);
      const record = str('record');
      const reason = str('reason');
      return act(str('action') as FindingAction | undefined, str('id'), { ...(record ? { record } : {}), ...(reason ? { reason } : {}) });
    }),
  );
  return { panel, controller, actions };
}
