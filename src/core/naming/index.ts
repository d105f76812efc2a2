/** Record file names: the one reader (`fileName.ts`) and a collection's naming pattern (`pattern.ts`). */
export {
  compareRecordNames, isDateName, isNumberedRecordName, isRecordFile, isTemplateName, leadingNumber, newestRecordNames, parseFileName, readRecordName, recordNamesAt, sortRecordNames, titleFromSlug,
  type DateStyle, type FileNameInfo, type NameKind,
} from './fileName';
export {
  compactDate, defaultPattern, formatNumber, highestNumber, inferNamingPattern, isoDate, nextNumber, nextRecordFileName, paddingOf, scannedPattern,
  datedFileName, numberedFileName, paddingOfDigits, recordFileName, renamedForTitle, renumberedFileName, scanNames, slugFor, slugify,
  type NameParts, type NameScan, type NamingPattern, type NextNameOptions, type PatternDefaults, type PlannedName, type SlugCase,
} from './pattern';
