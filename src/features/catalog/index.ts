/**
 * Catalogues as read-only collections in the Decisions view (see catalogs.ts): "ADR: Open
 * Catalogue…", "Close Catalogue" on a catalogue's row, "Open on Web" on a record the export knows
 * the address of.
 */
import * as vscode from 'vscode';
import type { Host } from '../../host';
import { Catalogs, isCatalogNode } from './catalogs';

export { Catalogs, CATALOG_SCHEME, catalogRecordUri, type CatalogNode } from './catalogs';

export interface CatalogFeature {
  readonly catalogs: Catalogs;
}

/** Arguments of `adrWorkbench.catalog.open` (none: a file dialog). */
export interface OpenCatalogArgs {
  readonly file?: string | vscode.Uri;
}

function fileOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const f = arg && typeof arg === 'object' ? (arg as OpenCatalogArgs).file : undefined;
  if (f instanceof vscode.Uri) return f;
  if (typeof f === 'string' && f) return vscode.Uri.file(f);
  return undefined;
}

export function registerCatalogs(context: vscode.ExtensionContext, host: Host): CatalogFeature {
  const { runner } = host;
  const catalogs = new Catalogs(context.workspaceState, host.files, (m) => void runner.prompter.notify('warning', m));
  context.subscriptions.push(
    catalogs,
    runner.register('catalogOpen', async (arg?: unknown) => {
      const file = fileOf(arg) ?? (await vscode.window.showOpenDialog({
        title: vscode.l10n.t('Open Catalogue'),
        openLabel: vscode.l10n.t('Open Catalogue'),
        canSelectMany: false,
        filters: { [vscode.l10n.t('Catalogue or export (JSON)')]: ['json'] },
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      }))?.[0];
      if (!file) return undefined;
      return catalogs.open(file);
    }),
    runner.register('catalogClose', async (arg?: unknown) => {
      let file = isCatalogNode(arg) ? arg.row.entry.uri : fileOf(arg);
      if (!file) {
        const files = catalogs.files();
        if (files.length === 0) {
          void runner.prompter.notify('info', vscode.l10n.t('No catalogue is open.'));
          return false;
        }
        file = files.length === 1 ? files[0] : await runner.prompter.pick(
          files.map((f) => ({ label: vscode.workspace.asRelativePath(f), value: f })),
          { title: vscode.l10n.t('Close Catalogue') },
        ).then((a) => (a instanceof vscode.Uri ? a : undefined));
        if (!file) return false;
      }
      const closed = await catalogs.close(file);
      if (!closed) void runner.prompter.notify('info', vscode.l10n.t('{0} is named by the setting adrWorkbench.catalogs: remove it there to stop showing it.', vscode.workspace.asRelativePath(file)));
      return closed;
    }),
    runner.register('catalogOpenOnWeb', async (arg?: unknown) => {
      const found = catalogs.recordOf(arg ?? vscode.window.activeTextEditor?.document.uri);
      if (!found?.record.url) {
        void runner.prompter.notify('info', vscode.l10n.t('The export does not know where this record is on the web.'));
        return false;
      }
      return vscode.env.openExternal(vscode.Uri.parse(found.record.url, true));
    }),
  );
  return { catalogs };
}
