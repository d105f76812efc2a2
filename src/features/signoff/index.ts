/**
 * Sign-off in the editor: "ADR: Approve Decision…" records an approval (who, today, an optional
 * comment) in the record, in its dialect (core/signoff/edit.ts), as one undoable edit; "ADR: Mark
 * Reviewed…" records a review and moves review-by on by the collection's period (default 12
 * months). The name defaults to git's `user.name` (read through the safe git runner, in a trusted
 * workspace only). What needs attention (attention.ts) feeds the Decisions view's top group and the
 * "awaiting you" status bar item.
 */
import * as vscode from 'vscode';
import { isoDate } from '../../core/naming';
import { recordLabel } from '../../core/presentation';
import { addPeriod, approvalEdits, DEFAULT_REVIEW_PERIOD, markReviewedEdits, periodText, type Person } from '../../core/signoff';
import { NodeGit } from '../../platform/git';
import { noIcons } from '../../platform/markdownText';
import type { Host } from '../../host';
import { activeRecord, recordItems, recordToActOn } from '../../host/pickers';
import { answered, type Prompter } from '../../host/prompter';
import { argsOf, findRecord, type RecordRef } from '../../host/targets';
import { NeedsAttention, rowOf } from './attention';

export type { NeedsAttention } from './attention';

/** Arguments of `adrWorkbench.approveDecision`. */
export interface ApproveArgs {
  readonly record?: RecordRef;
  /** Who approves (default: asked, git's user.name offered). */
  readonly by?: string;
  /** An optional comment ('' for none, without asking). */
  readonly comment?: string;
}

/** Arguments of `adrWorkbench.markReviewed` (as Approve Decision's). */
export type MarkReviewedArgs = ApproveArgs;

/** What the composition root hands in: the Decisions view's reveal of its top group. */
export interface SignoffDeps {
  readonly revealTopGroup: () => Promise<boolean>;
}

export interface SignoffFeature {
  readonly needsAttention: NeedsAttention;
}

async function gitConfig(folder: string, key: string): Promise<string | undefined> {
  const out = await new NodeGit().run(folder, ['config', key]);
  return out.exitCode === 0 && out.stdout.trim() ? out.stdout.trim() : undefined;
}

/** git's `user.name` and `user.email` in the folder, when the workspace is trusted and they are set. */
export async function gitUser(folder: string): Promise<Person | undefined> {
  if (!vscode.workspace.isTrusted) return undefined;
  try {
    const [name, email] = await Promise.all([gitConfig(folder, 'user.name'), gitConfig(folder, 'user.email')]);
    return name || email ? { ...(name ? { name } : {}), ...(email ? { email } : {}) } : undefined;
  } catch {
    return undefined;
  }
}

/** Who signs: given, else asked with git's user.name offered. */
async function signer(prompter: Prompter, title: string, given: string | undefined, folder: string, prompt: string): Promise<string> {
  return (given ?? answered(await prompter.input({
    title, prompt, value: (await gitUser(folder))?.name ?? '',
    validate: (v) => (v.trim() ? (/[\r\n]/.test(v) ? vscode.l10n.t('One line, please') : undefined) : vscode.l10n.t('A name, please')),
  }))).trim();
}

/** Approves a record; resolves with its URI. */
export async function approveDecision(host: Host, prompter: Prompter, args: ApproveArgs): Promise<vscode.Uri> {
  const target = await recordToActOn(host.workspace, prompter, args.record, vscode.l10n.t('Approve Decision'));
  const title = vscode.l10n.t('Approve {0}', noIcons(recordLabel(target)));
  const by = await signer(prompter, title, args.by, target.collection, vscode.l10n.t('Who approves it'));
  const comment = (args.comment ?? answered(await prompter.input({ title, prompt: vscode.l10n.t('A comment (optional)'), value: '' }))).trim();
  const session = host.edits();
  const { record, text } = await session.record(target);
  const edits = approvalEdits(record, text, { by, date: isoDate(host.clock.now()), verdict: 'approved', ...(comment ? { comment } : {}) });
  await session.applyPlans({ edits: [{ path: record.path, edits }], creates: [] });
  return vscode.Uri.file(record.path);
}

/**
 * Marks a record reviewed: a Reviewed entry (who, today, an optional comment) and review-by moved
 * on to today plus the collection's review period, as one undoable edit. Without a record (and no
 * record in the active editor) the records whose review is due are offered first.
 */
export async function markReviewed(host: Host, attention: NeedsAttention, prompter: Prompter, args: MarkReviewedArgs): Promise<vscode.Uri> {
  let target;
  if (args.record !== undefined) target = findRecord(host.workspace, args.record).record;
  else target = activeRecord(host.workspace)?.record;
  if (!target) {
    await attention.settled();
    const due = attention.entries().filter((e) => e.attention.state.review);
    const dueSet = new Set(due.map((e) => e.record.path));
    const rest = host.workspace.records().filter((r) => !dueSet.has(r.path));
    const items = [
      ...recordItems(host.workspace, due.map((e) => e.record)).map((item, i) => ({ ...item, description: rowOf(due[i]!).description })),
      ...recordItems(host.workspace, rest),
    ];
    target = answered(await prompter.pick(items, { title: vscode.l10n.t('Mark Reviewed'), placeholder: vscode.l10n.t('The decision you reviewed'), matchOnDescription: true }));
  }
  const title = vscode.l10n.t('Mark {0} reviewed', noIcons(recordLabel(target)));
  const by = await signer(prompter, title, args.by, target.collection, vscode.l10n.t('Who reviewed it'));
  const comment = (args.comment ?? answered(await prompter.input({ title, prompt: vscode.l10n.t('A comment (optional)'), value: '' }))).trim();
  const policy = await attention.policy(target.collection);
  const session = host.edits();
  const { record, text } = await session.record(target);
  const today = isoDate(host.clock.now());
  const period = policy.reviewEvery[record.status] ?? policy.reviewEvery.accepted ?? DEFAULT_REVIEW_PERIOD;
  const next = addPeriod(today, period);
  await session.applyPlans({ edits: [{ path: record.path, edits: markReviewedEdits(record, text, by, today, next, comment || undefined) }], creates: [] });
  void vscode.window.showInformationMessage(vscode.l10n.t('{0} reviewed by {1}; next review by {2} ({3}).', noIcons(recordLabel(record)), by, next, periodText(period)));
  return vscode.Uri.file(record.path);
}

export function registerSignoff(context: vscode.ExtensionContext, host: Host, deps: SignoffDeps): SignoffFeature {
  const { runner } = host;
  const needsAttention = new NeedsAttention(host, gitUser);
  context.subscriptions.push(
    needsAttention,
    runner.register('approveDecision', (arg) => approveDecision(host, runner.prompter, argsOf<ApproveArgs>(arg, 'record'))),
    runner.register('markReviewed', (arg) => markReviewed(host, needsAttention, runner.prompter, argsOf<MarkReviewedArgs>(arg, 'record'))),
    runner.register('showNeedsAttention', async () => {
      await needsAttention.settled();
      if (await deps.revealTopGroup()) return;
      // Nothing shown at the top (a filter hides it): the records awaiting you, else every one that needs attention.
      const list = needsAttention.awaitingYou().length ? needsAttention.awaitingYou() : needsAttention.entries();
      if (list.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No decision needs attention.'));
        return;
      }
      const items = recordItems(host.workspace, list.map((e) => e.record)).map((item, i) => ({ ...item, description: rowOf(list[i]!).description }));
      const picked = answered(await runner.prompter.pick(items, { title: vscode.l10n.t('Decisions Needing Attention'), matchOnDescription: true }));
      await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(picked.path));
    }),
  );
  return { needsAttention };
}
