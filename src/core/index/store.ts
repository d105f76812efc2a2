/**
 * The index's lookup tables, kept up to date one record at a time: by path, collection, number,
 * id and title, plus the set of duplicated numbers. Every add and remove touches only the entries
 * of that record, so an update costs the same in a 10-record and a 10,000-record index.
 */
import type { AdrRecord } from '../model';
import { basename } from '../paths';
import { compareRecordNames } from '../naming/fileName';
import type { DuplicateNumber } from './types';

/** Records and their lookup tables (internal to the index). */
export class RecordStore {
  readonly byPath = new Map<string, AdrRecord>();
  private readonly byCollection = new Map<string, Set<string>>();
  private readonly sorted = new Map<string, AdrRecord[]>();
  private readonly byNumber = new Map<string, Map<number, string[]>>();
  private readonly byId = new Map<string, string[]>();
  private readonly byTitle = new Map<string, string[]>();
  /** `collection\0number` keys with more than one record. */
  private readonly duplicates = new Set<string>();

  get size(): number {
    return this.byPath.size;
  }

  /** Adds or replaces the record at `record.path`. */
  put(record: AdrRecord): void {
    const old = this.byPath.get(record.path);
    // A changed record keeps its place: patch the sorted list instead of sorting again.
    const cached = old && old.collection === record.collection ? this.sorted.get(record.collection) : undefined;
    if (old) this.delete(record.path);
    this.byPath.set(record.path, record);
    let paths = this.byCollection.get(record.collection);
    if (!paths) this.byCollection.set(record.collection, (paths = new Set()));
    paths.add(record.path);
    if (cached) {
      cached[cached.indexOf(old!)] = record;
      this.sorted.set(record.collection, cached);
    } else {
      this.sorted.delete(record.collection);
    }
    if (record.number !== null) {
      let numbers = this.byNumber.get(record.collection);
      if (!numbers) this.byNumber.set(record.collection, (numbers = new Map()));
      const list = addTo(numbers, record.number, record.path);
      if (list.length > 1) this.duplicates.add(dupKey(record.collection, record.number));
    }
    addTo(this.byId, record.id, record.path);
    addTo(this.byTitle, titleKey(record.title), record.path);
  }

  /** Removes the record at `path`; returns it, or undefined when there was none. */
  delete(path: string): AdrRecord | undefined {
    const record = this.byPath.get(path);
    if (!record) return undefined;
    this.byPath.delete(path);
    this.byCollection.get(record.collection)?.delete(path);
    this.sorted.delete(record.collection);
    if (record.number !== null) {
      const numbers = this.byNumber.get(record.collection);
      const left = numbers ? removeFrom(numbers, record.number, path) : 0;
      if (left < 2) this.duplicates.delete(dupKey(record.collection, record.number));
    }
    removeFrom(this.byId, record.id, path);
    removeFrom(this.byTitle, titleKey(record.title), path);
    return record;
  }

  /** The records of a collection in numeric file-name order (cached until the collection changes). */
  inCollection(collection: string): readonly AdrRecord[] {
    let list = this.sorted.get(collection);
    if (!list) {
      list = [...(this.byCollection.get(collection) ?? [])].map((p) => this.byPath.get(p)!).sort(compareRecords);
      this.sorted.set(collection, list);
    }
    return list;
  }

  /** Paths of the records numbered `n` in `collection`, sorted. */
  numbered(collection: string, n: number): readonly string[] {
    return this.byNumber.get(collection)?.get(n) ?? [];
  }

  /** Paths numbered `n` in any collection (collections in the order they were first indexed). */
  numberedAnywhere(n: number): string[] {
    const out: string[] = [];
    for (const numbers of this.byNumber.values()) out.push(...(numbers.get(n) ?? []));
    return out;
  }

  withId(id: string): readonly string[] {
    return this.byId.get(id) ?? [];
  }

  withTitle(title: string): readonly string[] {
    return this.byTitle.get(titleKey(title)) ?? [];
  }

  duplicateNumbers(): DuplicateNumber[] {
    const out: DuplicateNumber[] = [];
    for (const key of this.duplicates) {
      const sep = key.lastIndexOf('\0');
      const collection = key.slice(0, sep);
      const number = Number(key.slice(sep + 1));
      out.push({ collection, number, paths: [...this.numbered(collection, number)] });
    }
    return out.sort((a, b) => (a.collection < b.collection ? -1 : a.collection > b.collection ? 1 : a.number - b.number));
  }
}

/** Numeric order of the number in the file name, then the file name (as `compareRecordNames`). */
export function compareRecords(a: AdrRecord, b: AdrRecord): number {
  const na = a.numberText !== null ? a.number : null;
  const nb = b.numberText !== null ? b.number : null;
  if (na !== null && nb !== null && na !== nb) return na - nb;
  if ((na === null) !== (nb === null)) return compareRecordNames(basename(a.path), basename(b.path));
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function dupKey(collection: string, n: number): string {
  return `${collection}\0${n}`;
}

/** Titles match case-insensitively and regardless of runs of spaces. */
export function titleKey(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Adds `path` to the sorted list under `key`; returns the list. */
function addTo<K>(map: Map<K, string[]>, key: K, path: string): string[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  if (!list.includes(path)) {
    list.push(path);
    if (list.length > 1) list.sort();
  }
  return list;
}

/** Removes `path` from the list under `key`; returns how many are left. */
function removeFrom<K>(map: Map<K, string[]>, key: K, path: string): number {
  const list = map.get(key);
  if (!list) return 0;
  const i = list.indexOf(path);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) map.delete(key);
  return list.length;
}
