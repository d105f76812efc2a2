/**
 * Rename Decision: a new title through core `retitle` — the H1 (or front-matter title), the file name
 * (number or date prefix kept) and every link other records have to it — as one `WorkspaceEdit`
 * through the edit session, text edits first and the rename last (which never overwrites).
 */
import * as vscode from 'vscode';
import { retitle } from '../../core/edit';
import { UserError } from '../../core/errors';
import { basename } from '../../core/paths';
import { recordLabel } from '../../core/presentation';
import { noIcons } from '../../platform/markdownText';
import type { Host } from '../../host';
import { nonEmpty, recordToActOn } from '../../host/pickers';
import { answered, type Prompter } from '../../host/prompter';
import type { RecordRef } from '../../host/targets';

/** Arguments of `adrWorkbench.rename`. */
export interface RenameArgs {
  readonly record?: RecordRef;
  readonly title?: string;
}

/** Retitles a record; resolves with its (possibly new) URI. */
export async function renameRecord(host: Host, prompter: Prompter, args: RenameArgs): Promise<vscode.Uri> {
  const target = await recordToActOn(host.workspace, prompter, args.record, vscode.l10n.t('Rename Decision'));
  const session = host.edits();
  const own = await session.record(target);
  const title = (args.title ?? answered(await prompter.input({
    title: vscode.l10n.t('Rename {0}', noIcons(recordLabel(target))),
    prompt: vscode.l10n.t('New title (the file name follows)'),
    value: own.record.title,
    validate: nonEmpty,
  }))).trim();
  if (title === '') throw new UserError('A decision needs a title');

  // Only the records that link to it can need edits.
  const index = host.workspace.locate(target.path)?.index;
  const linking = (index?.records() ?? []).filter((r) => r.path !== target.path && r.links.some((l) => index!.resolveLink(r.path, l.href) === target.path));
  const others = await session.records(linking);
  const { newPath, plan } = retitle(own, title, others);
  const renamed = newPath !== target.path;
  if (renamed && !sameIgnoringCase(newPath, target.path) && ((await host.fs.stat(newPath)) || host.documents.open(newPath))) {
    throw new UserError(`Cannot rename to ${basename(newPath)}: a file of that name exists`, newPath);
  }
  await session.applyPlan(plan, { from: target.path, to: newPath });
  return vscode.Uri.file(newPath);
}

function sameIgnoringCase(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
