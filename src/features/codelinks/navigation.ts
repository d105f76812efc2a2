/**
 * Reading decisions from code: hover on an anchor (title, status, date, the decision's first
 * paragraph, links to it and to its successor), go to definition (the record), and find all
 * references of a record — from its heading in the ADR, or from an anchor naming it: every anchor
 * and every file its globs match.
 */
import * as vscode from 'vscode';
import type { AdrRecord } from '../../core/model';
import { successorOf } from '../../core/links';
import { escapeMarkdown } from '../../platform/markdownText';
import { statusDisplay } from '../../core/presentation';
import type { DecisionWorkspace } from '../../host/decisionWorkspace';
import type { Documents } from '../../host/documents';
import type { RecordHistories } from '../../host/history';
import { statusLine } from '../../host/historyText';
import { inlineMarkdown } from '../../host/markdown';
import type { CodeLinks } from './codeLinks';
import { anchorAt, anchorRange, firstParagraph, recordsOf, shortLabel, statusCodicon, statusWord } from './present';

export class AnchorHover implements vscode.HoverProvider {
  constructor(private readonly links: CodeLinks, private readonly documents: Documents, private readonly history: RecordHistories) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const links = this.links.document(document);
    const anchor = links && anchorAt(links.anchors, position);
    if (!links || !anchor) return undefined;
    const r = links.code.resolver.resolve(anchor.ref, links.path);
    if (r.kind === 'none') return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    if (r.kind === 'unknown') {
      md.appendMarkdown(`$(warning) ${escapeMarkdown(`${anchor.text}: ${r.message}`)}`);
    } else if (r.kind === 'ambiguous') {
      md.appendMarkdown(`$(warning) ${escapeMarkdown(`${anchor.text} is ambiguous: ${r.message}`)}\n\n`);
      for (const c of r.candidates) md.appendMarkdown(`- [${inlineMarkdown(shortLabel(c))}](${vscode.Uri.file(c.path).toString()}) · ${statusWord(c)}\n`);
    } else {
      const record = r.record;
      md.appendMarkdown(`**${inlineMarkdown(shortLabel(record))}**\n\n`);
      md.appendMarkdown(`$(${statusCodicon(record.status)}) ${escapeMarkdown(statusDisplay(record))}${record.date ? ` · ${record.date}` : ''}\n\n`);
      const h = await this.history.within(record.path, 1500);
      const line = h && statusLine(h);
      if (line) md.appendMarkdown(`$(history) ${escapeMarkdown(line)}\n\n`);
      const paragraph = await firstParagraph(this.documents, record);
      if (paragraph) md.appendMarkdown(`${inlineMarkdown(paragraph)}\n\n`);
      const open = [`[${vscode.l10n.t('Open decision')}](${vscode.Uri.file(record.path).toString()})`];
      const successor = record.status === 'superseded' ? successorOf(links.code, record) : undefined;
      if (successor) open.push(`[${vscode.l10n.t('Superseded by {0}', inlineMarkdown(shortLabel(successor)))}](${vscode.Uri.file(successor.path).toString()})`);
      md.appendMarkdown(open.join(' · '));
    }
    return new vscode.Hover(md, anchorRange(anchor));
  }
}

export class AnchorDefinition implements vscode.DefinitionProvider {
  constructor(private readonly links: CodeLinks) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] | undefined {
    const links = this.links.document(document);
    const anchor = links && anchorAt(links.anchors, position);
    if (!links || !anchor) return undefined;
    const records = recordsOf(links.code.resolver.resolve(anchor.ref, links.path));
    return records.length > 0 ? records.map((r) => new vscode.Location(vscode.Uri.file(r.path), new vscode.Position(0, 0))) : undefined;
  }
}

/** Find All References: on a record's title line, or on an anchor in code. */
export class DecisionReferences implements vscode.ReferenceProvider {
  constructor(private readonly links: CodeLinks, private readonly workspace: DecisionWorkspace, private readonly documents: Documents) {}

  provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] | undefined {
    const record = this.recordAt(document, position);
    if (!record) return undefined;
    const locations = referenceLocations(this.links, record);
    if (!locations) return undefined;
    return context.includeDeclaration ? [new vscode.Location(vscode.Uri.file(record.path), new vscode.Position(0, 0)), ...locations] : locations;
  }

  private recordAt(document: vscode.TextDocument, position: vscode.Position): AdrRecord | undefined {
    const located = document.uri.scheme === 'file' ? this.workspace.locate(document.uri) : undefined;
    if (located) {
      const open = this.documents.record(document);
      const title = open?.record.titleField;
      const line = title ? document.positionAt(title.lineSpan.start).line : 0;
      return position.line === line ? located.record : undefined;
    }
    const links = this.links.document(document);
    const anchor = links && anchorAt(links.anchors, position);
    if (!links || !anchor) return undefined;
    const r = links.code.resolver.resolve(anchor.ref, links.path);
    return r.kind === 'resolved' ? r.record : undefined;
  }
}

/** Every anchor naming `record` (at the anchor) and every file its globs match (at the top). */
export function referenceLocations(links: CodeLinks, record: AdrRecord): vscode.Location[] | undefined {
  const refs = links.refs(record);
  if (!refs) return undefined;
  const out = refs.anchors.map((u) => new vscode.Location(vscode.Uri.file(u.path), anchorRange(u.anchor)));
  for (const f of refs.governedFiles) out.push(new vscode.Location(vscode.Uri.file(f), new vscode.Position(0, 0)));
  return out;
}
