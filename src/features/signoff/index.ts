/**
 * Sign-off in the editor: "ADR: Approve Decision…" records an approval (who, today, an optional
 * comment) in the record, in its dialect (core/signoff/edit.ts), as one undoable edit. The name
 * defaults to git's `user.name` (read through the safe git runner, in a trusted workspace only).
 */
import * as vscode from 'vscode';
import { isoDate } from '../../core/naming';
import { recordLabel } from '../../core/presentation';
import { approvalEdits } from '../../core/signoff';
import { NodeGit } from '../../platform/git';
import { noIcons } from '../../platform/markdownText';
import type { Host } from '../../host';
import { recordToActOn } from '../../host/pickers';
import { answered, type Prompter } from '../../host/prompter';
import { argsOf, type RecordRef } from '../../host/targets';

/** Arguments of `adrWorkbench.approveDecision`. */
export interface ApproveArgs {
  readonly record?: RecordRef;
  /** Who approves (default: asked, git's user.name offered). */
  readonly by?: string;
  /** An optional comment ('' for none, without asking). */
  readonly comment?: string;
}

/** git's `user.name` in the folder, when the workspace is trusted and it is set. */
async function gitUserName(folder: string): Promise<string | undefined> {
  if (!vscode.workspace.isTrusted) return undefined;
  try {
    const out = await new NodeGit().run(folder, ['config', 'user.name']);
    return out.exitCode === 0 && out.stdout.trim() ? out.stdout.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** Approves a record; resolves with its URI. */
export async function approveDecision(host: Host, prompter: Prompter, args: ApproveArgs): Promise<vscode.Uri> {
  const target = await recordToActOn(host.workspace, prompter, args.record, vscode.l10n.t('Approve Decision'));
  const title = vscode.l10n.t('Approve {0}', noIcons(recordLabel(target)));
  const by = (args.by ?? answered(await prompter.input({
    title, prompt: vscode.l10n.t('Who approves it'), value: (await gitUserName(target.collection)) ?? '',
    validate: (v) => (v.trim() ? (/[\r\n]/.test(v) ? vscode.l10n.t('One line, please') : undefined) : vscode.l10n.t('A name, please')),
  }))).trim();
  const comment = (args.comment ?? answered(await prompter.input({ title, prompt: vscode.l10n.t('A comment (optional)'), value: '' }))).trim();
  const session = host.edits();
  const { record, text } = await session.record(target);
  const edits = approvalEdits(record, text, { by, date: isoDate(host.clock.now()), verdict: 'approved', ...(comment ? { comment } : {}) });
  await session.applyPlans({ edits: [{ path: record.path, edits }], creates: [] });
  return vscode.Uri.file(record.path);
}

export function registerSignoff(context: vscode.ExtensionContext, host: Host): void {
  const { runner } = host;
  context.subscriptions.push(runner.register('approveDecision', (arg) => approveDecision(host, runner.prompter, argsOf<ApproveArgs>(arg, 'record'))));
}
