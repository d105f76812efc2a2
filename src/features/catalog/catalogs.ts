/**
 * Catalogues in the Decisions view: a catalogue file (`adrw catalog build`) or an export file
 * (`adrw export`) shown as a read-only collection after the workspace's own — catalogue, then its
 * repositories, then their records, then each record's links (relations, references to other
 * repositories) and the catalogue's problems. Records open as read-only Markdown documents
 * (`adrw-catalog:` URIs) holding the text the export kept.
 *
 * Which files: the `adrWorkbench.catalogs` setting of each workspace folder (paths relative to the
 * folder), and the ones opened with "ADR: Open Catalogue…" (remembered in the workspace state,
 * nothing written). Each is watched and re-read when it changes. A file that cannot be read shows
 * one row with the one-line reason.
 */
import * as vscode from 'vscode';
import { readCatalogOutline, type CatalogOutline, type OutlineLink, type OutlineRecord, type OutlineSource } from '../../core/export';
import { isUserError } from '../../core/errors';
import { STATUS_LABEL, statusDisplay } from '../../core/presentation';
import { Disposable } from '../../platform/lifecycle';
import { escapeMarkdown, noIcons } from '../../platform/markdownText';
import type { FileEvents } from '../../host/fileEvents';
import { CONTEXT_KEYS, STATE_KEYS, VIEW_ITEMS } from '../../host/ids';
import { affects, readSettings } from '../../host/settings';
import { statusIcon } from '../../host/statusIcons';
import type { RootSections, SectionNode, TreeNode } from '../../host/treeNodes';

export const CATALOG_SCHEME = 'adrw-catalog';
/** `viewItem` values of catalogue rows (never `adrWorkbench.record…`: these are read-only). */
const CATALOG_ITEMS = {
  catalog: VIEW_ITEMS.catalog,
  source: VIEW_ITEMS.catalogSource,
  record: VIEW_ITEMS.catalogRecord,
  recordWeb: VIEW_ITEMS.catalogRecordWeb,
  link: VIEW_ITEMS.catalogLink,
  problem: VIEW_ITEMS.catalogProblem,
} as const;
const STATE_KEY = STATE_KEYS.catalogsOpened;
/** Larger files are refused (a catalogue of 20,000 records with their text is about 40 MB). */
export const MAX_CATALOG_BYTES = 64 * 1024 * 1024;

type Row =
  | { readonly type: 'catalog'; readonly entry: Entry }
  | { readonly type: 'source'; readonly entry: Entry; readonly source: OutlineSource }
  | { readonly type: 'record'; readonly entry: Entry; readonly record: OutlineRecord }
  | { readonly type: 'link'; readonly entry: Entry; readonly link: OutlineLink; readonly from: OutlineRecord }
  | { readonly type: 'problems'; readonly entry: Entry }
  | { readonly type: 'problem'; readonly entry: Entry; readonly message: string; readonly record: string };

export interface CatalogNode extends SectionNode {
  readonly row: Row;
}

interface Entry {
  readonly uri: vscode.Uri;
  /** Where it came from: a folder's setting, or opened by the user. */
  readonly origin: 'setting' | 'opened';
  outline?: CatalogOutline;
  error?: string;
  loading?: Promise<void>;
}

export function isCatalogNode(v: unknown): v is CatalogNode {
  return !!v && typeof v === 'object' && (v as { kind?: unknown }).kind === 'section' && 'row' in (v as object);
}

/** The `adrw-catalog:` URI of a record of the catalogue `file`. */
export function catalogRecordUri(file: vscode.Uri, record: Pick<OutlineRecord, 'source' | 'path'>): vscode.Uri {
  return vscode.Uri.from({ scheme: CATALOG_SCHEME, path: `/${record.source}/${record.path}`, query: file.toString() });
}

export class Catalogs extends Disposable implements RootSections {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly docChanged = this.register(new vscode.EventEmitter<vscode.Uri>());
  /** The read-only documents whose catalogue was read again. */
  readonly onDidChangeContent = this.docChanged.event;
  private entries = new Map<string, Entry>();
  private readonly watchers = new Map<string, vscode.Disposable>();

  constructor(private readonly state: vscode.Memento, private readonly fileEvents: FileEvents, private readonly warn: (message: string) => void) {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(CATALOG_SCHEME, { provideTextDocumentContent: (u) => this.provideTextDocumentContent(u), onDidChange: this.onDidChangeContent }));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => { if (affects(e, 'catalogs')) this.sync(); }));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.sync()));
    this.register({ dispose: () => { for (const w of this.watchers.values()) w.dispose(); this.watchers.clear(); } });
    this.sync();
  }

  /** The files shown, in order: each folder's setting, then the opened ones. */
  files(): vscode.Uri[] {
    return [...this.entries.values()].map((e) => e.uri);
  }

  /** The catalogue read from `file`, once loaded (undefined while loading or when it failed). */
  async outline(file: vscode.Uri): Promise<CatalogOutline | undefined> {
    const e = this.entries.get(file.toString());
    if (!e) return undefined;
    await e.loading;
    return e.outline;
  }

  /** The reason `file` could not be read, if it could not. */
  problem(file: vscode.Uri): string | undefined {
    return this.entries.get(file.toString())?.error;
  }

  /** Shows `file` (remembered for this workspace); resolves once it is read. */
  async open(file: vscode.Uri): Promise<CatalogOutline | undefined> {
    const opened = this.opened();
    if (!opened.includes(file.toString())) await this.state.update(STATE_KEY, [...opened, file.toString()]);
    this.sync();
    const outline = await this.outline(file);
    const error = this.problem(file);
    if (error) this.warn(error);
    return outline;
  }

  /** Stops showing `file`; false when a folder's setting names it (the setting must change). */
  async close(file: vscode.Uri): Promise<boolean> {
    const opened = this.opened();
    if (opened.includes(file.toString())) await this.state.update(STATE_KEY, opened.filter((f) => f !== file.toString()));
    this.sync();
    return !this.entries.has(file.toString());
  }

  private opened(): string[] {
    const v = this.state.get<unknown>(STATE_KEY);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }

  private configured(): vscode.Uri[] {
    const out: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const p of readSettings(folder).catalogs) {
        const path = p.trim();
        if (!path) continue;
        out.push(/^([a-zA-Z]:[\\/]|[\\/])/.test(path) ? vscode.Uri.file(path) : vscode.Uri.joinPath(folder.uri, path));
      }
    }
    return out;
  }

  /** Brings the entries in line with the settings and the opened list: new ones are read, gone ones dropped. */
  private sync(): void {
    const wanted = new Map<string, { uri: vscode.Uri; origin: Entry['origin'] }>();
    for (const uri of this.configured()) if (!wanted.has(uri.toString())) wanted.set(uri.toString(), { uri, origin: 'setting' });
    for (const s of this.opened()) {
      if (wanted.has(s)) continue;
      try {
        wanted.set(s, { uri: vscode.Uri.parse(s, true), origin: 'opened' });
      } catch { /* a stale entry that is no URI: dropped */ }
    }
    const next = new Map<string, Entry>();
    for (const [key, w] of wanted) {
      const existing = this.entries.get(key);
      if (existing && existing.origin === w.origin) { next.set(key, existing); continue; }
      const entry: Entry = existing ? { ...existing, origin: w.origin } : { uri: w.uri, origin: w.origin };
      next.set(key, entry);
      if (!existing) this.load(entry);
    }
    for (const [key, w] of this.watchers) if (!next.has(key)) { w.dispose(); this.watchers.delete(key); }
    for (const [key, e] of next) if (!this.watchers.has(key)) this.watchers.set(key, this.watch(e));
    this.entries = next;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.hasCatalogs, next.size > 0);
    this.changed.fire();
  }

  private watch(entry: Entry): vscode.Disposable {
    return this.fileEvents.watchFile(entry.uri, () => { if (this.entries.get(entry.uri.toString()) === entry) this.load(entry); });
  }

  private load(entry: Entry): void {
    entry.loading = (async () => {
      try {
        const stat = await vscode.workspace.fs.stat(entry.uri);
        if (stat.size > MAX_CATALOG_BYTES) throw new CatalogError(`${label(entry.uri)}: larger than ${MAX_CATALOG_BYTES / 1024 / 1024} MiB; not read`);
        const bytes = await vscode.workspace.fs.readFile(entry.uri);
        const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
        entry.outline = readCatalogOutline(text, label(entry.uri));
        entry.error = undefined;
      } catch (e) {
        entry.outline = undefined;
        entry.error = e instanceof CatalogError || isUserError(e) ? e.message
          : e instanceof vscode.FileSystemError && e.code === 'FileNotFound' ? `${label(entry.uri)}: no such file`
            : `${label(entry.uri)}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`;
      }
      if (this.entries.get(entry.uri.toString()) === entry || !this.entries.has(entry.uri.toString())) {
        this.changed.fire();
        for (const doc of vscode.workspace.textDocuments) {
          if (doc.uri.scheme === CATALOG_SCHEME && doc.uri.query === entry.uri.toString()) this.docChanged.fire(doc.uri);
        }
      }
    })();
  }

  // ---- RootSections --------------------------------------------------------------------------

  roots(): CatalogNode[] {
    return [...this.entries.values()].map((entry) => this.node(`catalog:${entry.uri.toString()}`, undefined, { type: 'catalog', entry }));
  }

  private node(id: string, parent: CatalogNode | undefined, row: Row): CatalogNode {
    const self: CatalogNode = { kind: 'section', id, parent, row, children: (): TreeNode[] => this.childrenOf(self) };
    return self;
  }

  private childrenOf(n: CatalogNode): CatalogNode[] {
    const { row } = n;
    const o = row.entry.outline;
    if (!o) return [];
    switch (row.type) {
      case 'catalog': {
        const sources = o.kind === 'export' && o.sources.length === 1
          ? o.sources[0]!.records.map((record) => this.node(`${n.id}>r:${record.key}`, n, { type: 'record', entry: row.entry, record }))
          : o.sources.map((source) => this.node(`${n.id}>s:${source.name}`, n, { type: 'source', entry: row.entry, source }));
        return o.problems.length ? [this.node(`${n.id}>problems`, n, { type: 'problems', entry: row.entry }), ...sources] : sources;
      }
      case 'source':
        return row.source.records.map((record) => this.node(`${n.id}>r:${record.key}`, n, { type: 'record', entry: row.entry, record }));
      case 'record':
        return row.record.links.map((link, i) => this.node(`${n.id}>l:${i}`, n, { type: 'link', entry: row.entry, link, from: row.record }));
      case 'problems':
        return o.problems.map((p, i) => this.node(`${n.id}>p:${i}`, n, { type: 'problem', entry: row.entry, message: p.message, record: p.record }));
      default:
        return [];
    }
  }

  treeItem(node: SectionNode): vscode.TreeItem {
    const { row } = node as CatalogNode;
    const C = vscode.TreeItemCollapsibleState;
    switch (row.type) {
      case 'catalog': {
        const o = row.entry.outline;
        const item = new vscode.TreeItem(noIcons(o?.title ?? label(row.entry.uri)), o ? C.Collapsed : C.None);
        item.id = node.id;
        item.contextValue = CATALOG_ITEMS.catalog;
        if (o) {
          item.iconPath = new vscode.ThemeIcon(o.kind === 'export' ? 'repo' : 'organization');
          item.description = o.kind === 'export'
            ? vscode.l10n.t('export · {0} records (read-only)', o.recordCount)
            : vscode.l10n.t('catalogue · {0} repositories · {1} records (read-only)', o.sources.length, o.recordCount);
        } else if (row.entry.error) {
          item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
          item.description = noIcons(row.entry.error);
        } else {
          item.iconPath = new vscode.ThemeIcon('loading~spin');
          item.description = vscode.l10n.t('reading…');
        }
        return item;
      }
      case 'source': {
        const s = row.source;
        const item = new vscode.TreeItem(noIcons(s.name), C.Collapsed);
        item.id = node.id;
        item.contextValue = CATALOG_ITEMS.source;
        item.iconPath = new vscode.ThemeIcon('repo');
        item.description = [s.repository?.replace(/^https?:\/\//, ''), s.commit?.slice(0, 7), String(s.records.length)].filter(Boolean).map((x) => noIcons(x!)).join(' · ');
        return item;
      }
      case 'record': {
        const r = row.record;
        const item = new vscode.TreeItem(noIcons(r.label), r.links.length ? C.Collapsed : C.None);
        item.id = node.id;
        item.contextValue = r.url ? CATALOG_ITEMS.recordWeb : CATALOG_ITEMS.record;
        item.iconPath = statusIcon(r.status);
        item.description = [r.date, r.deciders.slice(0, 3).join(', ')].filter(Boolean).map((x) => noIcons(x!)).join(' · ');
        item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Decision'), arguments: [catalogRecordUri(row.entry.uri, r)] };
        item.accessibilityInformation = { label: `${noIcons(r.label)}, ${STATUS_LABEL[r.status]}${r.date ? `, ${r.date}` : ''}, ${vscode.l10n.t('read-only')}` };
        return item;
      }
      case 'link': {
        const { link } = row;
        const target = link.target ? row.entry.outline?.record(link.target) : undefined;
        const shown = target ? (link.crossRepository ? `${target.source}: ${target.label}` : target.label) : link.written ?? '';
        const item = new vscode.TreeItem(noIcons(`${link.verb} ${shown}`.trim()), C.None);
        item.id = node.id;
        item.contextValue = CATALOG_ITEMS.link;
        if (target) {
          item.iconPath = new vscode.ThemeIcon(link.crossRepository ? 'link-external' : 'link');
          item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Decision'), arguments: [catalogRecordUri(row.entry.uri, target)] };
        } else {
          item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
          item.description = link.problem ? noIcons(link.problem) : undefined;
        }
        return item;
      }
      case 'problems': {
        const n = row.entry.outline?.problems.length ?? 0;
        const item = new vscode.TreeItem(vscode.l10n.t('Problems'), C.Collapsed);
        item.id = node.id;
        item.contextValue = CATALOG_ITEMS.problem;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.description = String(n);
        return item;
      }
      case 'problem': {
        const item = new vscode.TreeItem(noIcons(row.message), C.None);
        item.id = node.id;
        item.contextValue = CATALOG_ITEMS.problem;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        const target = row.entry.outline?.record(row.record);
        if (target) item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Decision'), arguments: [catalogRecordUri(row.entry.uri, target)] };
        return item;
      }
    }
  }

  tooltip(node: SectionNode): vscode.MarkdownString | undefined {
    const { row } = node as CatalogNode;
    const md = new vscode.MarkdownString(undefined, true);
    if (row.type === 'catalog') {
      const o = row.entry.outline;
      md.appendMarkdown(`**${escapeMarkdown(o?.title ?? label(row.entry.uri))}**\n\n`);
      md.appendMarkdown(`${escapeMarkdown(row.entry.uri.scheme === 'file' ? row.entry.uri.fsPath : row.entry.uri.toString())}\n\n`);
      if (o) md.appendMarkdown(escapeMarkdown(vscode.l10n.t('{0} repositories, {1} records, {2} problems. Read-only: records are edited in their own repositories.', o.sources.length, o.recordCount, o.problems.length)));
      else if (row.entry.error) md.appendMarkdown(`$(warning) ${escapeMarkdown(row.entry.error)}`);
      md.appendMarkdown(row.entry.origin === 'setting' ? `\n\n${escapeMarkdown(vscode.l10n.t('From the setting adrWorkbench.catalogs.'))}` : '');
      return md;
    }
    if (row.type === 'record') {
      const r = row.record;
      md.appendMarkdown(`**${escapeMarkdown(r.label)}**\n\n`);
      md.appendMarkdown(`$(${statusIconId(r)}) ${escapeMarkdown(statusDisplay(r))}`);
      if (r.date) md.appendMarkdown(` · ${escapeMarkdown(r.date)}`);
      if (r.deciders.length) md.appendMarkdown(` · ${escapeMarkdown(r.deciders.join(', '))}`);
      md.appendMarkdown(`\n\n\`${escapeMarkdown(r.reference)}\` · ${escapeMarkdown(r.path)}`);
      return md;
    }
    if (row.type === 'source') {
      md.appendMarkdown(`**${escapeMarkdown(row.source.name)}**\n\n`);
      if (row.source.repository) md.appendMarkdown(`${escapeMarkdown(row.source.repository)}${row.source.commit ? ` @ ${escapeMarkdown(row.source.commit.slice(0, 12))}` : ''}`);
      return md;
    }
    return undefined;
  }

  // ---- read-only documents ------------------------------------------------------------------

  provideTextDocumentContent(uri: vscode.Uri): string {
    const entry = this.entries.get(uri.query);
    const found = entry?.outline && findRecord(entry.outline, uri.path);
    if (!entry) return `${vscode.l10n.t('This catalogue is no longer open.')}\n`;
    if (!found) return `${entry.error ?? vscode.l10n.t('The catalogue no longer holds this record.')}\n`;
    if (found.markdown !== null) return found.markdown;
    const lines = [`# ${found.label}`, '', `${vscode.l10n.t('Status')}: ${statusDisplay(found)}`, ''];
    lines.push(vscode.l10n.t('The export left the text of this record out (adrw export --no-markdown).'));
    if (found.url) lines.push('', found.url);
    return `${lines.join('\n')}\n`;
  }

  /** The record a catalogue row or `adrw-catalog:` URI stands for. */
  recordOf(arg: unknown): { file: vscode.Uri; record: OutlineRecord } | undefined {
    if (isCatalogNode(arg) && arg.row.type === 'record') return { file: arg.row.entry.uri, record: arg.row.record };
    if (arg instanceof vscode.Uri && arg.scheme === CATALOG_SCHEME) {
      const entry = this.entries.get(arg.query);
      const record = entry?.outline && findRecord(entry.outline, arg.path);
      return record && entry ? { file: entry.uri, record } : undefined;
    }
    return undefined;
  }
}

class CatalogError extends Error {}

function statusIconId(r: OutlineRecord): string {
  const icon = statusIcon(r.status);
  return icon.id;
}

function findRecord(o: CatalogOutline, path: string): OutlineRecord | undefined {
  const [, source, ...rest] = path.split('/');
  const file = rest.join('/');
  return o.sources.find((s) => s.name === source)?.records.find((r) => r.path === file);
}

function label(uri: vscode.Uri): string {
  const rel = vscode.workspace.asRelativePath(uri);
  return rel || uri.path.split('/').pop() || uri.toString();
}
