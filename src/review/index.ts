/** The Architecture Review: panel, controller, status bar item and commands. */
import * as vscode from 'vscode';
import { join } from '../core/paths';
import { UserError } from '../core/errors';
import { CommandRunner } from '../commands/runner';
import { answered } from '../commands/prompter';
import { pickRecord } from '../commands/pickers';
import type { Services } from '../services';
import type { FindingAction } from '../webviews/review/protocol';
import { ReviewController } from './reviewController';
import { REVIEW_VIEW_ID, ReviewPanel } from './reviewPanel';

export interface ReviewFeature {
  readonly panel: ReviewPanel;
  readonly controller: ReviewController;
}

export function registerReview(context: vscode.ExtensionContext, services: Services): ReviewFeature {
  const panel = new ReviewPanel(context.extensionUri);
  const controller = new ReviewController(services, panel);
  const runner = new CommandRunner(services);
  context.subscriptions.push(
    panel,
    controller,
    vscode.window.registerWebviewViewProvider(REVIEW_VIEW_ID, panel, { webviewOptions: { retainContextWhenHidden: false } }),
    runner.register('adrWorkbench.review.show', 'Show Architecture Review', () => vscode.commands.executeCommand(`${REVIEW_VIEW_ID}.focus`)),
    runner.register('adrWorkbench.review.refresh', 'Review Working Change', () => controller.refresh()),
    runner.register('adrWorkbench.review.action', 'Architecture Review', async (arg: unknown) => {
      const { action, id, record, reason } = (arg ?? {}) as { action?: FindingAction; id?: string; record?: string; reason?: string };
      const f = id ? controller.finding(id) : undefined;
      if (!f) throw new UserError('That change is no longer in the review; refresh it.');
      const file = vscode.Uri.file(join(f.repository, f.path));
      switch (action) {
        case 'draftAdr':
          return controller.draft(f);
        case 'linkToAdr': {
          const target = record ?? answered(await pickRecord(services, runner.prompter, { title: `Which decision covers ${f.path}?` })).path;
          return controller.linkTo(f, target);
        }
        case 'acknowledge': {
          const why = reason ?? answered(await runner.prompter.input({ title: `Acknowledge: ${f.message}`, prompt: 'Why is this not an architectural decision? (saved in .adr-review.yml for the team to see)', validate: (v) => (v.trim() ? undefined : 'A reason is needed') }));
          return controller.acknowledge(f, why);
        }
        case 'openDiff':
          // The git extension's diff of the working file against HEAD; a new file just opens.
          if (f.status === 'untracked' || f.status === 'added') return vscode.commands.executeCommand('vscode.open', file);
          return vscode.commands.executeCommand('git.openChange', file).then(undefined, () => vscode.commands.executeCommand('vscode.open', file));
        case 'openFile':
          return vscode.window.showTextDocument(file, f.line ? { selection: new vscode.Range(f.line - 1, 0, f.line - 1, 0) } : {});
        default:
          throw new UserError(`Unknown review action "${String(action)}"`);
      }
    }),
  );
  return { panel, controller };
}
