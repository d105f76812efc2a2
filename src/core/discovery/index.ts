/** Finding ADR collections: see `discover.ts` for the rules. */
export { discover, discoverCollections, listRecordFiles, CONVENTIONAL_FOLDERS } from './discover';
export type { DiscoveryOptions, DiscoveryProblem, DiscoveryResult } from './discover';
export { findAdrDirUpwards } from './adrDir';
export type { AdrDirLocation } from './adrDir';
export { isRecordFile, isNumberedRecordName, parseRecordName, compareRecordNames, isScannedFolder } from './naming';
export type { RecordName } from './naming';
