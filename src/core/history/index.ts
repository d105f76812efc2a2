/** Decision records' history from git (see `history.ts`) and the records as they were at a revision (`treeFs.ts`). */
export { readHistory } from './history';
export type { HistoryReadOptions, HistoryResult, HistorySnapshot } from './history';
export { GitTreeFileSystem } from './treeFs';
export type {
  BlobFacts, CommitRef, HistoryChange, HistoryCollection, HistoryEvent, HistoryGap, HistoryReadStats, HistoryRepository, RecordHistory, RelationFact,
} from './types';
