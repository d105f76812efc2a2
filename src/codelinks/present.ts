/** How code links show records: short labels, status words and icons, the opening excerpt. */
import * as vscode from 'vscode';
import type { AdrRecord } from '../core/model';
import { decodeText } from '../core/text';
import { noIcons } from '../platform/markdownText';
import type { LocatedAnchor, Resolution } from '../core/links';
import { STATUS_LABEL } from '../views/grouping';

/** Internal command: opens one record, or asks which of several (arguments: absolute paths). */
export const OPEN_RECORDS = 'adrWorkbench.codeLinks.openRecords';

/** "ADR-0007 Use PostgreSQL" (the title alone for records without a number). */
export function shortLabel(r: AdrRecord): string {
  return noIcons(r.number !== null ? `ADR-${r.numberText ?? r.number} ${r.title}` : r.title);
}

export function statusWord(r: AdrRecord): string {
  return STATUS_LABEL[r.status];
}

export { statusCodicon, statusIcon } from '../views/statusIcons';

/** The editor range of an anchor. */
export function anchorRange(a: LocatedAnchor): vscode.Range {
  return new vscode.Range(a.line, a.character, a.line, a.character + a.text.length);
}

/** The anchor at `position`, if any. */
export function anchorAt(anchors: readonly LocatedAnchor[], position: vscode.Position): LocatedAnchor | undefined {
  return anchors.find((a) => anchorRange(a).contains(position));
}

/** The records a resolution leads to. */
export function recordsOf(r: Resolution): readonly AdrRecord[] {
  return r.kind === 'resolved' ? [r.record] : r.kind === 'ambiguous' ? r.candidates : [];
}

/** The text of a record: its editor's when open, else from disk. */
export async function recordText(path: string): Promise<string> {
  const uri = vscode.Uri.file(path);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return decodeText(await vscode.workspace.fs.readFile(uri), path).text;
}

/** The first paragraph of the Decision section (else Context, else the body), as plain text. */
export async function firstParagraph(r: AdrRecord, maxChars = 500): Promise<string> {
  let text: string;
  try {
    text = await recordText(r.path);
  } catch {
    return '';
  }
  const section = r.sections.find((s) => /^decision(?: outcome)?$/i.test(s.heading.trim())) ?? r.sections.find((s) => /^context/i.test(s.heading.trim()));
  const body = section ? text.slice(section.bodySpan.start, section.bodySpan.end) : text.slice(r.frontMatter?.span.end ?? 0);
  const paragraph: string[] = [];
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#') || line.startsWith('<!--')) continue;
    if (!line) {
      if (paragraph.length > 0) break;
      continue;
    }
    paragraph.push(line);
  }
  const out = paragraph.join(' ');
  return out.length > maxChars ? `${out.slice(0, maxChars)}…` : out;
}
