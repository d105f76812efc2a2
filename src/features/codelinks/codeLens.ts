/**
 * CodeLens on code: one at the top of a file that records govern by glob ("Governed by ADR-0007 …"),
 * and one above each decision anchor (the record's title and status). `provideCodeLenses` only
 * places the lenses, from the document's anchors cached per version; titles and commands are
 * filled in by `resolveCodeLens` for the lenses on screen. The controller registers the provider
 * while a setting wants lenses and drops it when none does.
 */
import * as vscode from 'vscode';
import { successorOf, type LocatedAnchor } from '../../core/links';
import { Disposable } from '../../platform/lifecycle';
import { noIcons } from '../../platform/markdownText';
import { affects, readSettings } from '../../host/settings';
import type { CodeLinks } from './codeLinks';
import { OPEN_RECORDS, shortLabel, statusCodicon, statusWord } from './present';

/** Governed-file lens: names at most this many records, then "and N more". */
const MAX_NAMED = 3;

type LensData = { readonly kind: 'governed'; readonly path: string } | { readonly kind: 'anchor'; readonly path: string; readonly anchor: LocatedAnchor };

export class LinkLens extends vscode.CodeLens {
  constructor(range: vscode.Range, readonly data: LensData) {
    super(range);
  }
}

export class CodeLinksLensProvider implements vscode.CodeLensProvider<LinkLens> {
  constructor(private readonly links: CodeLinks, readonly onDidChangeCodeLenses: vscode.Event<void>) {}

  provideCodeLenses(document: vscode.TextDocument): LinkLens[] {
    const links = this.links.document(document);
    if (!links) return [];
    const settings = readSettings(document.uri);
    const out: LinkLens[] = [];
    if (settings.codeLensEnabled && settings.governedFilesLens && links.code.governs.governing(links.path).length > 0) {
      out.push(new LinkLens(new vscode.Range(0, 0, 0, 0), { kind: 'governed', path: links.path }));
    }
    if (settings.codeLensEnabled && settings.anchorsLens) {
      const seen = new Set<string>();
      for (const anchor of links.anchors) {
        // One lens per anchor text and line; weak references (paths) only when they lead to a record.
        const key = `${anchor.line}:${anchor.text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (anchor.ref.weak && links.code.resolver.resolve(anchor.ref, links.path).kind === 'none') continue;
        out.push(new LinkLens(new vscode.Range(anchor.line, 0, anchor.line, 0), { kind: 'anchor', path: links.path, anchor }));
      }
    }
    return out;
  }

  resolveCodeLens(lens: LinkLens): LinkLens {
    const code = this.links.codeFor(lens.data.path);
    if (!code) {
      lens.command = { title: vscode.l10n.t('Decision links are being indexed…'), command: '' };
      return lens;
    }
    if (lens.data.kind === 'governed') {
      const records = code.governs.governing(lens.data.path).map((m) => m.record);
      const named = records.slice(0, MAX_NAMED).map(shortLabel).join(', ');
      const more = records.length > MAX_NAMED ? vscode.l10n.t(' and {0} more', records.length - MAX_NAMED) : '';
      lens.command = {
        title: records.length > 0 ? `$(law) ${vscode.l10n.t('Governed by {0}{1}', named, more)}` : `$(law) ${vscode.l10n.t('No decision governs this file any more')}`,
        tooltip: vscode.l10n.t('Decisions whose governs globs match this file'),
        command: records.length > 0 ? OPEN_RECORDS : '',
        arguments: [records.map((r) => r.path)],
      };
      return lens;
    }
    const { anchor } = lens.data;
    const r = code.resolver.resolve(anchor.ref, lens.data.path);
    if (r.kind === 'resolved') {
      const successor = r.record.status === 'superseded' ? successorOf(code, r.record) : undefined;
      lens.command = {
        title: `$(${statusCodicon(r.record.status)}) ${shortLabel(r.record)} · ${statusWord(r.record)}${successor ? vscode.l10n.t(' by {0}', shortLabel(successor)) : ''}`,
        tooltip: vscode.l10n.t('Open {0}', r.record.path),
        command: OPEN_RECORDS,
        arguments: [[r.record.path]],
      };
    } else if (r.kind === 'ambiguous') {
      lens.command = { title: `$(warning) ${vscode.l10n.t('{0}: {1} decisions — pick one', noIcons(anchor.text), r.candidates.length)}`, tooltip: r.message, command: OPEN_RECORDS, arguments: [r.candidates.map((c) => c.path)] };
    } else {
      lens.command = { title: `$(warning) ${noIcons(anchor.text)}: ${noIcons(r.kind === 'unknown' ? r.message : vscode.l10n.t('not a decision'))}`, command: '' };
    }
    return lens;
  }
}

/** Registers the provider while `adrWorkbench.codeLens.*` wants lenses; re-checks on setting changes. */
export class CodeLensController extends Disposable {
  private registration: vscode.Disposable | undefined;
  private readonly provider: CodeLinksLensProvider;
  private readonly refresh = this.register(new vscode.EventEmitter<void>());

  constructor(links: CodeLinks) {
    super();
    this.provider = new CodeLinksLensProvider(links, this.refresh.event);
    this.register(links.onDidChange(() => this.refresh.fire()));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affects(e, 'codeLens')) return;
      this.update();
      this.refresh.fire();
    }));
    this.register({ dispose: () => this.registration?.dispose() });
    this.update();
  }

  get registered(): boolean {
    return this.registration !== undefined;
  }

  private update(): void {
    // Registered while any folder wants lenses; each file's own settings decide which it gets.
    const folders = vscode.workspace.workspaceFolders ?? [];
    const wanted = (folders.length > 0 ? folders.map((f) => readSettings(f)) : [readSettings()]).some((s) => s.codeLensEnabled && (s.governedFilesLens || s.anchorsLens));
    if (wanted && !this.registration) {
      this.registration = vscode.languages.registerCodeLensProvider({ scheme: 'file' }, this.provider);
    } else if (!wanted && this.registration) {
      this.registration.dispose();
      this.registration = undefined;
    }
  }
}
