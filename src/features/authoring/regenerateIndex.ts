/**
 * Regenerate Index: a collection's index file (README.md / index.md) made current with core
 * `updateIndex` — adr-log markers or adr-tools' `generate toc` list, whichever the file follows —
 * as one plan over every collection asked about, applied by the edit session as one undoable step.
 * A collection without an index file gets one (created, never overwriting) only when asked for it.
 */
import * as vscode from 'vscode';
import { UserError } from '../../core/errors';
import { newIndex, updateIndex, type FolderEntry } from '../../core/generate/indexFile';
import type { Collection, FileEdit } from '../../core/model';
import { basename, join } from '../../core/paths';
import type { Host } from '../../host';
import type { EditSession } from '../../host/editSession';
import type { Prompter } from '../../host/prompter';
import { findCollection, type CollectionRef } from '../../host/targets';

/** Arguments of `adrWorkbench.regenerateIndex`. */
export interface RegenerateIndexArgs {
  /** One collection (default: every collection with an index file). */
  readonly collection?: CollectionRef;
  /** Create a `README.md` index for a collection that has none (default: ask, for one collection). */
  readonly create?: boolean;
}

/** What happened to each collection's index. */
export interface IndexOutcome {
  readonly collection: string;
  readonly index: string | undefined;
  readonly result: 'updated' | 'current' | 'created' | 'unknown-format' | 'none';
}

export async function regenerateIndex(host: Host, prompter: Prompter, args: RegenerateIndexArgs): Promise<IndexOutcome[]> {
  const collections = args.collection !== undefined
    ? [findCollection(host.workspace, args.collection)]
    : host.workspace.collections().map((c) => c.collection);
  if (collections.length === 0) throw new UserError('This workspace has no decision record collection');
  const session = host.edits();
  const plan: { edits: FileEdit[]; creates: { path: string; content: string }[] } = { edits: [], creates: [] };
  const outcomes: IndexOutcome[] = [];
  for (const c of collections) {
    const entries = await entriesOf(host, session, c);
    if (!c.indexPath) {
      const create = args.create ?? (collections.length === 1 && await prompter.confirm(vscode.l10n.t('{0} has no index file. Create README.md listing its records?', c.name), vscode.l10n.t('Create README.md')));
      if (!create) {
        outcomes.push({ collection: c.path, index: undefined, result: 'none' });
        continue;
      }
      const path = join(c.path, 'README.md');
      const text = newIndex(entries, c.dialect, { indexFileName: 'README.md' });
      plan.creates.push({ path, content: text });
      outcomes.push({ collection: c.path, index: path, result: 'created' });
      continue;
    }
    const current = await session.text(c.indexPath);
    const update = updateIndex(current.text, entries, { indexFileName: basename(c.indexPath) });
    if (!update) {
      outcomes.push({ collection: c.path, index: c.indexPath, result: 'unknown-format' });
      continue;
    }
    plan.edits.push({ path: c.indexPath, edits: update.edits });
    outcomes.push({ collection: c.path, index: c.indexPath, result: update.edits.length > 0 ? 'updated' : 'current' });
  }
  if (args.collection !== undefined && outcomes[0]?.result === 'unknown-format') {
    throw new UserError(`${outcomes[0].index}: not an index ADR Workbench knows how to keep (adr-log markers or an adr-tools TOC)`, outcomes[0].index);
  }
  await session.applyPlan(plan);
  // A collection learns of a new index file when it is discovered again.
  if (outcomes.some((o) => o.result === 'created')) await host.workspace.refresh();
  void prompter.notify('info', summary(outcomes));
  return outcomes;
}

/** The collection's records as index entries: file name and the text the user sees. */
async function entriesOf(host: Host, session: EditSession, c: Collection): Promise<FolderEntry[]> {
  const records = host.workspace.folderOf(c.path)?.index.records(c.path) ?? [];
  return Promise.all(records.map(async (r) => ({ fileName: basename(r.path), text: (await session.text(r.path)).text })));
}

function summary(outcomes: readonly IndexOutcome[]): string {
  const count = (r: IndexOutcome['result']) => outcomes.filter((o) => o.result === r).length;
  const parts = [
    count('updated') && vscode.l10n.t('{0} updated', count('updated')),
    count('created') && vscode.l10n.t('{0} created', count('created')),
    count('current') && vscode.l10n.t('{0} already current', count('current')),
    count('unknown-format') && vscode.l10n.t('{0} in a format it does not know', count('unknown-format')),
    count('none') && vscode.l10n.t('{0} without an index file', count('none')),
  ].filter(Boolean);
  return vscode.l10n.t('Decision indexes: {0}.', parts.join(', ') || vscode.l10n.t('nothing to do'));
}
