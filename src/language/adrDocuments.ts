/**
 * Open ADR documents as records: parsed in full (remark) from the editor's text, cached per document
 * version, so every language feature reads the same parse and none re-reads the disk.
 */
import * as vscode from 'vscode';
import type { AdrRecord } from '../core/model';
import type { AdrIndex } from '../core/index';
import { parseRecord } from '../core/parse/record';
import { BARE_ID } from '../core/parse/relations';
import { toPosix } from '../core/paths';
import type { DecisionWorkspace } from '../workspace/decisionWorkspace';

export const ADR_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown', scheme: 'file' }];

export interface OpenRecord {
  readonly record: AdrRecord;
  readonly index: AdrIndex;
  readonly text: string;
}

export class AdrDocuments {
  private readonly cache = new Map<string, { version: number; value: OpenRecord }>();

  constructor(private readonly workspace: DecisionWorkspace) {}

  /** The record a document is, parsed from its current text; undefined when it is not a record. */
  get(document: vscode.TextDocument): OpenRecord | undefined {
    const located = this.workspace.locate(document.uri);
    if (!located) return undefined;
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version && hit.value.index === located.index) return hit.value;
    const text = document.getText();
    const c = located.index.collection(located.record.collection);
    const record = parseRecord(text, {
      path: located.record.path,
      collection: located.record.collection,
      ...(c ? { collectionDialect: c.dialect } : {}),
      ...(c?.statusVocabulary ? { statusVocabulary: c.statusVocabulary } : {}),
      mode: 'full',
    });
    const value = { record, index: located.index, text };
    this.cache.set(key, { version: document.version, value });
    return value;
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }
}

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

export function uriOf(path: string): vscode.Uri {
  return vscode.Uri.file(path);
}

export function pathOf(uri: vscode.Uri): string {
  return toPosix(uri.fsPath);
}
