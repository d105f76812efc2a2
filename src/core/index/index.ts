/** The ADR index: see `adrIndex.ts`. */
export { AdrIndex } from './adrIndex';
export type { IndexOptions } from './adrIndex';
export { inverseOf, resolveTarget } from './relations';
export type { Target } from './relations';
export type {
  BrokenRelation, Disposable, DuplicateNumber, IndexChangeEvent, IndexProblem, ResolvedRelation, UpdateResult,
} from './types';
