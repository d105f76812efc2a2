/** Finding ADR collections: see `discover.ts` for the rules. */
export { discover, discoverCollections, listRecordFiles, CONVENTIONAL_FOLDERS } from './discover';
export type { DiscoveryOptions, DiscoveryProblem, DiscoveryResult } from './discover';
export { findAdrDirUpwards } from './adrDir';
export type { AdrDirLocation } from './adrDir';
export { isScannedFolder, parseRecordName, type RecordName } from './naming';
export { isRecordFile, isNumberedRecordName, isTemplateName, parseFileName, compareRecordNames } from '../naming/fileName';
export type { FileNameInfo } from '../naming/fileName';
