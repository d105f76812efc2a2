/**
 * The newest records of a collection, read for their shape: one directory listing and at most
 * `SHAPE_SAMPLE` file reads, whatever the collection's size.
 */
import { newestRecordNames } from '../naming/fileName';
import type { RecordText } from '../edit/labels';
import type { Collection } from '../model';
import { parseRecord } from '../parse/record';
import { join } from '../paths';
import type { FileSystem } from '../ports';
import { decodeText } from '../text';

/** How many of the newest records a shape is inferred from. */
export const SHAPE_SAMPLE = 5;

/** The `count` newest records of `collection` (by number or date in their names), newest first. */
export async function newestSiblings(fs: FileSystem, collection: Pick<Collection, 'path' | 'dialect'>, count = SHAPE_SAMPLE, listing?: readonly (readonly [string, string])[]): Promise<RecordText[]> {
  return parseSiblings(await newestSiblingTexts(fs, collection, count, listing), collection);
}

/** The texts of the `count` newest records of `collection`, newest first, unparsed. */
export async function newestSiblingTexts(fs: FileSystem, collection: Pick<Collection, 'path'>, count = SHAPE_SAMPLE, listing?: readonly (readonly [string, string])[]): Promise<SiblingRead[]> {
  // `listing`: the folder as the caller just listed it (a creator lists it once).
  let entries: readonly (readonly [string, string])[];
  try {
    entries = listing ?? (await fs.readDirectory(collection.path));
  } catch {
    return []; // a folder not created yet
  }
  // One pass keeping the `count` newest (no sort of a 10,000-name folder).
  const names = newestRecordNames(entries, count);
  const out: SiblingRead[] = [];
  for (const name of names) {
    const path = join(collection.path, name);
    try {
      const { text, bom } = decodeText(await fs.readFile(path), path);
      out.push({ path, text, bom });
    } catch {
      // unreadable or not text: not a sibling to copy
    }
  }
  return out;
}

/** A sibling read: its path, text (BOM removed) and whether it had a BOM. */
export interface SiblingRead {
  readonly path: string;
  readonly text: string;
  readonly bom: boolean;
}

/** The siblings parsed in their collection's dialect. */
export function parseSiblings(read: readonly SiblingRead[], collection: Pick<Collection, 'path' | 'dialect'>): RecordText[] {
  const out: RecordText[] = [];
  for (const { path, text, bom } of read) {
    try {
      out.push({ record: parseRecord(text, { path, collection: collection.path, collectionDialect: collection.dialect, bom }), text });
    } catch {
      // not a record to copy
    }
  }
  return out;
}
