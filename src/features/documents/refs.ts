/** References from one record to another under the cursor: a relative link's URL, or a bare id. */
import * as vscode from 'vscode';
import type { AdrIndex } from '../../core/index';
import type { AdrRecord } from '../../core/model';
import { BARE_ID } from '../../core/parse/relations';

/** A reference to another record under the cursor: a relative link's URL or a bare id. */
export interface RefAt {
  readonly target: string;
  readonly range: vscode.Range;
}

/** The record reference at `position`: inside a `[..](url)` link's URL or text, or on `ADR-0007`. */
export function refAt(document: vscode.TextDocument, record: AdrRecord, position: vscode.Position): RefAt | undefined {
  const offset = document.offsetAt(position);
  const text = document.getText();
  for (const link of record.links) {
    // The whole `[label](url)`: from the `[` before the URL to the `)` after it.
    const open = text.lastIndexOf('[', link.hrefSpan.start);
    if (offset >= open && offset <= link.hrefSpan.end + 1) {
      return { target: link.href.replace(/#.*$/, ''), range: new vscode.Range(document.positionAt(open), document.positionAt(link.hrefSpan.end + 1)) };
    }
  }
  const range = document.getWordRangeAtPosition(position, /\bADR[-_ ]?\d{1,7}\b/i);
  if (range && BARE_ID.test(document.getText(range))) return { target: document.getText(range), range };
  return undefined;
}

/** The indexed record a reference names, seen from the record at `fromPath`. */
export function resolveRef(index: AdrIndex, fromPath: string, target: string): AdrRecord | undefined {
  const path = index.resolveLink(fromPath, target);
  return path ? index.get(path) : undefined;
}
