/**
 * The one documents service: a file's text as the user sees it (the open editor's, unsaved changes
 * included, else the disk's), one way to find a file's open document, and one parse context for
 * a record file wherever it is parsed (its collection's dialect and status vocabulary), so a file
 * never parses two ways. Open records are parsed in full (remark) and cached per document version,
 * so every language feature reads the same parse and none re-reads the disk.
 */
import * as vscode from 'vscode';
import type { AdrIndex } from '../core/index';
import type { AdrRecord } from '../core/model';
import type { FileSystem } from '../core/ports';
import { parseRecord, type ParseContext } from '../core/parse/record';
import { dirname, toPosix } from '../core/paths';
import { decodeText } from '../core/text';
import type { DecisionWorkspace } from './decisionWorkspace';

/** The markdown files of the disk: where ADR language features apply. */
export const ADR_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown', scheme: 'file' }];

/** A file's text as planned against or shown: the open document's, or the disk's. */
export interface SourcedText {
  readonly path: string;
  readonly text: string;
  readonly bom: boolean;
  /** The open document it was read from, if any. */
  readonly document: vscode.TextDocument | undefined;
  /** The document's version when read. */
  readonly version: number | undefined;
}

/** An open document that is a record, parsed from its current text. */
export interface OpenRecord {
  readonly record: AdrRecord;
  readonly index: AdrIndex;
  readonly text: string;
}

/** The `/` path of a `file:` URI. */
export function pathOf(uri: vscode.Uri): string {
  return toPosix(uri.fsPath);
}

/** The open document of a file, if any: the one way a path is matched to an open document. */
export function openDocument(path: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && !d.isClosed && pathOf(d.uri) === path);
}

export class Documents {
  private readonly cache = new Map<string, { version: number; value: OpenRecord }>();

  constructor(private readonly workspace: DecisionWorkspace, private readonly fs: FileSystem) {}

  /** The open document of a file, if any. */
  open(path: string): vscode.TextDocument | undefined {
    return openDocument(path);
  }

  /** The text the user sees of any file: its open document's, else the disk's. */
  async text(path: string): Promise<SourcedText> {
    const document = openDocument(path);
    if (document) return { path, text: document.getText(), bom: false, document, version: document.version };
    return { path, ...decodeText(await this.fs.readFile(path), path), document: undefined, version: undefined };
  }

  /** True when the file is open or on the disk. */
  async exists(path: string): Promise<boolean> {
    return openDocument(path) !== undefined || (await this.fs.stat(path)) !== undefined;
  }

  /**
   * How the record file at `path` is parsed: its collection (the indexed record's, else the
   * collection folder holding it), that collection's dialect and status words, mode `full`.
   */
  parseContext(path: string, extra: Partial<ParseContext> = {}): ParseContext {
    const located = this.workspace.locate(path);
    const folder = located?.index ?? this.workspace.folderOf(path)?.index;
    const collectionPath = located?.record.collection ?? folder?.collections.find((c) => path.startsWith(`${c.path}/`))?.path ?? dirname(path);
    const c = folder?.collection(collectionPath);
    return {
      path,
      collection: collectionPath,
      ...(c ? { collectionDialect: c.dialect } : {}),
      ...(c?.statusVocabulary ? { statusVocabulary: c.statusVocabulary } : {}),
      mode: 'full',
      ...extra,
    };
  }

  /** `text` parsed as the record file at `path`, in that file's one parse context. */
  parse(text: string, path: string, extra: Partial<ParseContext> = {}): AdrRecord {
    return parseRecord(text, this.parseContext(path, extra));
  }

  /** The record a document is, parsed from its current text; undefined when it is not a record. */
  record(document: vscode.TextDocument): OpenRecord | undefined {
    const located = this.workspace.locate(document.uri);
    if (!located) return undefined;
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version && hit.value.index === located.index) return hit.value;
    const text = document.getText();
    const value = { record: this.parse(text, located.record.path), index: located.index, text };
    this.cache.set(key, { version: document.version, value });
    return value;
  }

  /** Drops the cached parse of a closed document. */
  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }
}
