/**
 * Kept for the parser's imports while the parse work merges: record file names are read by
 * `../naming/fileName` (the one reader). Nothing here but a re-export; delete once unused.
 */
export { parseFileName, titleFromSlug, type FileNameInfo } from '../naming/fileName';
