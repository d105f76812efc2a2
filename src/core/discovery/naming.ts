/**
 * Folder rules of discovery: which folders are never scanned. Record file names are read by
 * `../naming` (re-exported here for the modules that import them from discovery).
 */
export { compareRecordNames, isNumberedRecordName, isRecordFile } from '../naming/fileName';

/** Folders never scanned for records (build output, dependencies). Hidden folders are skipped too. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out', 'build', 'target', 'vendor', 'bower_components']);

/** Folders that sit beside records but hold other things (templates, pictures). */
const NON_RECORD_FOLDERS = new Set(['templates', 'template', 'assets']);

/** True for folder names a scan descends into. */
export function isScannedFolder(name: string): boolean {
  return !name.startsWith('.') && !SKIPPED_FOLDERS.has(name) && !NON_RECORD_FOLDERS.has(name.toLowerCase());
}
