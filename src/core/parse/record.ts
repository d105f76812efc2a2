import type { AdrRecord, CollectionDialect } from '../model';

export interface ParseContext {
  /** Absolute `/` path of the file. */
  readonly path: string;
  /** Absolute `/` path of its collection folder. */
  readonly collection: string;
  /** The collection's dialect, a hint for records that could be read either way. */
  readonly collectionDialect?: CollectionDialect;
  readonly bom?: boolean;
}

/**
 * Parses one record of any dialect. Never throws on content: what it cannot read becomes a
 * `ParseProblem` on the record. (Implementation in progress.)
 */
export function parseRecord(_text: string, _ctx: ParseContext): AdrRecord {
  throw new Error('not implemented');
}
