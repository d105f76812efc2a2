/**
 * Show Decision History…: a quick pick of the record's commits (core history, newest first), each
 * opening VS Code's diff of the record as that commit left it against the version before it. Both
 * sides come from a read-only content provider (`adrw-history:` URIs naming a blob) backed by the
 * host's history, which reads blobs with `cat-file --batch`: no checkout, no filter, no hook. Nothing
 * runs in Restricted Mode.
 */
import * as vscode from 'vscode';
import { UserError } from '../../core/errors';
import { basename } from '../../core/paths';
import { recordLabel } from '../../core/presentation';
import { noIcons } from '../../platform/markdownText';
import type { Host } from '../../host';
import type { RecordHistories } from '../../host/history';
import { historyItems, type HistoryItem } from '../../host/historyText';
import { recordToActOn } from '../../host/pickers';
import { answered, type Prompter } from '../../host/prompter';
import type { RecordRef } from '../../host/targets';

export const HISTORY_SCHEME = 'adrw-history';

/** Arguments of `adrWorkbench.showHistory`. */
export interface ShowHistoryArgs {
  readonly record?: RecordRef;
}

/** What was opened (for tests). */
export interface HistoryDiff {
  readonly item: HistoryItem;
  readonly left: vscode.Uri;
  readonly right: vscode.Uri;
  readonly title: string;
}

/** `adrw-history:/abs/path/of/version.md?{"root":…,"blob":…}` (no blob: the empty side). */
export function versionUri(root: string, version: { readonly blob: string; readonly path: string } | undefined, fallbackPath: string): vscode.Uri {
  return vscode.Uri.from({
    scheme: HISTORY_SCHEME,
    path: `${root}/${version?.path ?? fallbackPath}`,
    query: JSON.stringify({ root, blob: version?.blob ?? '' }),
  });
}

/** The versions' text, read-only. */
export class HistoryContent implements vscode.TextDocumentContentProvider {
  constructor(private readonly history: RecordHistories) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    let q: { root?: unknown; blob?: unknown };
    try {
      q = JSON.parse(uri.query) as typeof q;
    } catch {
      return '';
    }
    if (typeof q.root !== 'string' || typeof q.blob !== 'string' || !/^[0-9a-f]{0,64}$/.test(q.blob)) return '';
    return this.history.version(q.root, q.blob, uri.path);
  }
}

export async function showHistory(host: Host, prompter: Prompter, args: ShowHistoryArgs): Promise<HistoryDiff | undefined> {
  if (!host.history.available) {
    throw new UserError(vscode.l10n.t('Decision history reads git, which does not run in Restricted Mode: trust the workspace first.'));
  }
  const target = await recordToActOn(host.workspace, prompter, args.record, vscode.l10n.t('Show Decision History'));
  const result = await host.history.folder(host.workspace.folderOf(target.path)?.root ?? '');
  const h = result?.of(target.path);
  const root = result?.repository?.root;
  if (!h || !root || h.events.length === 0) {
    const why = h?.gap === 'untracked' ? vscode.l10n.t('it is not committed yet')
      : result?.gap === 'no-commits' ? vscode.l10n.t('the repository has no commits yet')
        : vscode.l10n.t('it is not in a git repository');
    void prompter.notify('info', vscode.l10n.t('{0} has no history: {1}.', noIcons(recordLabel(target)), why));
    return undefined;
  }
  const items = historyItems(h);
  const item = answered(await prompter.pick(items.map((i) => ({ label: noIcons(i.label), description: noIcons(i.description), detail: noIcons(i.detail), value: i })), {
    title: vscode.l10n.t('Decision History: {0}', noIcons(recordLabel(target))),
    placeholder: vscode.l10n.t('A commit (newest first): its change to the record opens as a diff'),
    matchOnDescription: true,
    matchOnDetail: true,
  }));
  const path = item.event.path;
  const left = versionUri(root, item.before, item.event.oldPath ?? path);
  const right = versionUri(root, item.after, path);
  const title = `${basename(path)} (${item.event.commit.slice(0, 7)}): ${item.event.subject}`;
  await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true });
  return { item, left, right, title };
}

/** Registers the content provider and the command. */
export function registerHistory(host: Host): vscode.Disposable[] {
  return [
    vscode.workspace.registerTextDocumentContentProvider(HISTORY_SCHEME, new HistoryContent(host.history)),
  ];
}
