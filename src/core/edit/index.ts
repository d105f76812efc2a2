/** Writing records: numbering and names, creation, and minimal lifecycle edits in each dialect. */
export { applyPlan, type ApplyOptions, type ApplyResult } from './apply';
export { createRecord, type CreateOptions, type CreateResult, type LinkRequest } from './create';
export {
  addRelation, amend, hasRelation, link, relate, relationPlacement, setStatus, supersede, supersededEdits,
  type LifecycleOptions, type RecordText,
} from './lifecycle';
export { headingText, labelFor, linkPath, relationLine, subjectOf, verbFor, type LinkSubject, type Spelling } from './labels';
export { diffEdit, mergeSequential, type PlannedOp } from './merge';
export {
  compactDate, datedFileName, formatNumber, isDateName, isoDate, leadingNumber, nextNumber, nextRecordFileName, numberedFileName, paddingOf,
  renumberedFileName, slugify,
} from '../naming';
export { insertRelationLines, type DocShape, type RelationPlacement } from './placement';
export { formatStatus, matchCase, setStatusEdits, statusHome, type StatusHome } from './status';
export { fileNameForTitle, retitle, type RetitleResult } from './rename';
export { addGovernsEdits } from './governs';
