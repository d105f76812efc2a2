/**
 * Folder rules of discovery: which folders are never scanned. Record file names are read by
 * `../naming` (re-exported here for the modules that import them from discovery).
 */
import { parseFileName } from '../naming/fileName';

export { compareRecordNames, isNumberedRecordName, isRecordFile } from '../naming/fileName';

/** The older view of a record name's numbering (`parseRecordName`); `parseFileName` says more. */
export interface RecordName {
  readonly naming: 'number' | 'date';
  readonly number: number | null;
  /** The digits as written (`007`), '' for dates. */
  readonly digits: string;
  /** True when the name starts with an `adr-` / `ADR-` prefix. */
  readonly adrPrefix: boolean;
}

/** `parseFileName` as the older callers read it: undefined for names without a number or date. */
export function parseRecordName(name: string): RecordName | undefined {
  const r = parseFileName(name);
  if (r.kind === 'date') return { naming: 'date', number: null, digits: '', adrPrefix: false };
  if (r.kind === 'number') return { naming: 'number', number: r.number, digits: r.numberText!, adrPrefix: r.prefix !== '' };
  return undefined;
}

/** Folders never scanned for records (build output, dependencies). Hidden folders are skipped too. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out', 'build', 'target', 'vendor', 'bower_components']);

/** Folders that sit beside records but hold other things (templates, pictures). */
const NON_RECORD_FOLDERS = new Set(['templates', 'template', 'assets']);

/** True for folder names a scan descends into. */
export function isScannedFolder(name: string): boolean {
  return !name.startsWith('.') && !SKIPPED_FOLDERS.has(name) && !NON_RECORD_FOLDERS.has(name.toLowerCase());
}
