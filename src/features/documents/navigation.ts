/**
 * Reading one record from another: completion of references (`ADR-0007`, relative links), hover
 * with title / status / date, go to definition, and document links on bare ids.
 */
import * as vscode from 'vscode';
import type { AdrRecord } from '../../core/model';
import { labelFor, linkPath, type LinkSubject } from '../../core/edit';
import { BARE_ID } from '../../core/parse/relations';
import { recordLabel, recordReference, statusDisplay, statusWord } from '../../core/presentation';
import { escapeMarkdown, noIcons } from '../../platform/markdownText';
import type { Documents } from '../../host/documents';
import type { RecordHistories } from '../../host/history';
import { statusLine } from '../../host/historyText';
import { inlineMarkdown } from '../../host/markdown';
import { firstParagraph } from '../../host/recordText';
import { refAt, resolveRef, type RefAt } from './refs';

const uriOf = (path: string): vscode.Uri => vscode.Uri.file(path);

export class AdrCompletion implements vscode.CompletionItemProvider {
  static readonly triggers = ['-', '[', '(', ' '];

  constructor(private readonly documents: Documents) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const open = this.documents.record(document);
    if (!open) return [];
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const others = open.index.records().filter((r) => r.path !== open.record.path);
    const inLinkUrl = /\]\([^)\s]*$/.exec(before);
    const bareId = /\bADR[-_ ]?\d*$/i.exec(before);
    const linkText = /\[[^\]]*$/.exec(before);
    if (inLinkUrl) {
      const range = new vscode.Range(position.translate(0, -(inLinkUrl[0].length - 2)), position);
      return others.map((r, i) => item(r, linkPath(open.record.path, r.path), range, i, vscode.CompletionItemKind.File));
    }
    if (bareId) {
      const range = new vscode.Range(position.translate(0, -bareId[0].length), position);
      return others.filter((r) => r.number !== null && r.collection === open.record.collection)
        .map((r, i) => item(r, recordReference(r), range, i, vscode.CompletionItemKind.Reference));
    }
    if (linkText) {
      // `[` starts a whole link: `[7. Title](0007-title.md)` in this record's dialect.
      const range = new vscode.Range(position.translate(0, -linkText[0].length), position);
      return others.map((r, i) => {
        const label = labelFor(subjectFromIndex(r), open.record.dialect);
        const c = item(r, `[${label}](${linkPath(open.record.path, r.path)})`, range, i, vscode.CompletionItemKind.Reference);
        c.filterText = `[${noIcons(recordLabel(r))} ${r.id}`;
        return c;
      });
    }
    return [];
  }
}

/** A link subject from an indexed record (no text at hand): the heading as adr-tools writes it. */
function subjectFromIndex(r: AdrRecord): LinkSubject {
  return { path: r.path, id: r.id, number: r.number, numberText: r.numberText, title: r.title, heading: r.number !== null ? `${r.number}. ${r.title}` : r.title };
}

function item(r: AdrRecord, insert: string, range: vscode.Range, i: number, kind: vscode.CompletionItemKind): vscode.CompletionItem {
  const c = new vscode.CompletionItem({ label: insert, description: `${noIcons(recordLabel(r))} · ${statusWord(r)}` }, kind);
  c.insertText = insert;
  c.range = range;
  c.sortText = String(i).padStart(6, '0');
  c.filterText = `${insert} ${r.title}`;
  c.documentation = new vscode.MarkdownString().appendText(`${recordLabel(r)}\n${statusWord(r)}${r.date ? ` · ${r.date}` : ''}`);
  return c;
}

/** The record a reference under the cursor names, and the reference. */
function targetAt(documents: Documents, document: vscode.TextDocument, position: vscode.Position): { target: AdrRecord; ref: RefAt } | undefined {
  const open = documents.record(document);
  const ref = open && refAt(document, open.record, position);
  const target = ref && resolveRef(open.index, open.record.path, ref.target);
  return target && ref ? { target, ref } : undefined;
}

/** How long a hover waits for the history of a repository read for the first time. */
export const HISTORY_WAIT_MS = 1500;

export class AdrHover implements vscode.HoverProvider {
  constructor(private readonly documents: Documents, private readonly history: RecordHistories) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const found = targetAt(this.documents, document, position);
    if (!found) return undefined;
    const { target, ref } = found;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${inlineMarkdown(recordLabel(target))}**\n\n`);
    md.appendMarkdown(escapeMarkdown(`${statusDisplay(target)}${target.date ? ` · ${target.date}` : ''}`));
    if (target.deciders.length) md.appendMarkdown(escapeMarkdown(` · ${target.deciders.join(', ')}`));
    const h = await this.history.within(target.path, HISTORY_WAIT_MS);
    const line = h && statusLine(h);
    if (line) md.appendMarkdown(`\n\n$(history) ${escapeMarkdown(line)}`);
    // What was decided, its code spans as code.
    const paragraph = await firstParagraph(this.documents, target, 300);
    if (paragraph) md.appendMarkdown(`\n\n${inlineMarkdown(paragraph)}`);
    md.appendMarkdown(`\n\n[${vscode.l10n.t('Open')}](${uriOf(target.path).toString()})`);
    return new vscode.Hover(md, ref.range);
  }
}

export class AdrDefinition implements vscode.DefinitionProvider {
  constructor(private readonly documents: Documents) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location | undefined {
    const found = targetAt(this.documents, document, position);
    return found && new vscode.Location(uriOf(found.target.path), new vscode.Position(0, 0));
  }
}

/** Bare ids (`ADR-0057`) become links; Markdown links are already links. */
export class AdrDocumentLinks implements vscode.DocumentLinkProvider {
  constructor(private readonly documents: Documents) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const open = this.documents.record(document);
    if (!open) return [];
    const out: vscode.DocumentLink[] = [];
    const re = new RegExp(BARE_ID.source, 'gi');
    for (let m = re.exec(open.text); m; m = re.exec(open.text)) {
      const target = resolveRef(open.index, open.record.path, m[0]);
      if (!target || target.path === open.record.path) continue;
      const link = new vscode.DocumentLink(new vscode.Range(document.positionAt(m.index), document.positionAt(m.index + m[0].length)), uriOf(target.path));
      link.tooltip = `${recordLabel(target)} (${statusWord(target)})`;
      out.push(link);
    }
    return out;
  }
}
