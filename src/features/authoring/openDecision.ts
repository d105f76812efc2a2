/**
 * Open Decision…: every record in one quick pick (number and title; status · date; tags), matched
 * on all three. A filter text starting with `?` searches the records' text instead (read lazily,
 * open editors' unsaved text included).
 */
import * as vscode from 'vscode';
import type { AdrRecord } from '../../core/model';
import { noIcons } from '../../platform/markdownText';
import { recordLabel } from '../../core/presentation';
import type { Host } from '../../host';
import { recordItems, statusAndDate } from '../../host/pickers';
import { answered, type PickItem, type Prompter } from '../../host/prompter';
import { searchTexts } from './search';
import { findRecord, type RecordRef } from '../../host/targets';

/** Arguments of `adrWorkbench.openDecision`. */
export interface OpenDecisionArgs {
  /** Open this record without asking. */
  readonly record?: RecordRef;
  /** Initial filter text (`?text` searches the records' text). */
  readonly query?: string;
}

/** Opens a record; resolves with its URI. */
export async function openDecision(host: Host, prompter: Prompter, args: OpenDecisionArgs): Promise<vscode.Uri> {
  let record: AdrRecord;
  if (args.record !== undefined) {
    record = findRecord(host.workspace, args.record).record;
  } else {
    const records = host.workspace.records();
    const texts = new Map<string, Promise<string | undefined>>();
    const read = (r: AdrRecord): Promise<string | undefined> => {
      let t = texts.get(r.path);
      if (!t) {
        t = host.documents.text(r.path).then((x) => x.text, () => undefined);
        texts.set(r.path, t);
      }
      return t;
    };
    record = answered(await prompter.pick(recordItems(host.workspace, records), {
      title: vscode.l10n.t('Open Decision'),
      placeholder: vscode.l10n.t('Number, title, status or tag — or ?text to search the records'),
      matchOnDescription: true,
      matchOnDetail: true,
      ...(args.query !== undefined ? { value: args.query } : {}),
      dynamic: {
        prefix: '?',
        items: async (query, isCancelled): Promise<PickItem<AdrRecord>[]> => {
          const found = await searchTexts(records, query, read, { isCancelled });
          return found.map((m) => ({ label: noIcons(recordLabel(m.record)), description: statusAndDate(m.record), detail: noIcons(`${m.line + 1}: ${m.snippet}`), value: m.record }));
        },
      },
    }));
  }
  const uri = vscode.Uri.file(record.path);
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}
