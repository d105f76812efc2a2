/**
 * The Decisions tree as plain data: groups of records by status, collection, tag or month, filtered,
 * with supersede chains nested under the record that replaced them. No vscode import, so the
 * benchmark and unit tests run it in plain Node; `decisionsTree.ts` maps these nodes to TreeItems.
 */
import type { AdrRecord, Collection, Status } from '../../core/model';
import { STATUSES } from '../../core/model';
import type { AdrIndex } from '../../core/index';
import { STATUS_LABEL } from '../../core/presentation';
import type { GroupBy } from '../../host/settings';
import type { GroupNode, RecordNode, TreeNode } from '../../host/treeNodes';

export type { GroupBy } from '../../host/settings';
export type { ContributedNode, GroupNode, RecordNode, TreeNode } from '../../host/treeNodes';

export interface Filter {
  /** Case-insensitive text matched against number, id, title, tags and deciders. */
  readonly text?: string;
  readonly statuses?: readonly Status[];
}

export interface FolderInput {
  readonly name: string;
  readonly root: string;
  readonly index: AdrIndex;
  /** The day (`YYYY-MM-DD`) a record without a date was decided, from its history (group by month). */
  readonly decidedOn?: (record: AdrRecord) => string | undefined;
}

const STATUS_ORDER: readonly Status[] = ['proposed', 'draft', 'accepted', 'superseded', 'deprecated', 'rejected', 'unknown'];
/** True when a record passes the filter. */
export function matches(r: AdrRecord, f: Filter): boolean {
  if (f.statuses && f.statuses.length > 0 && !f.statuses.includes(r.status)) return false;
  const t = f.text?.trim().toLowerCase();
  if (!t) return true;
  return (
    r.title.toLowerCase().includes(t) ||
    r.id.toLowerCase().includes(t) ||
    (r.number !== null && (String(r.number) === t.replace(/^(?:adr[-_ ]?)?0*/, '') || r.numberText === t)) ||
    r.tags.some((x) => x.toLowerCase().includes(t)) ||
    r.deciders.some((x) => x.toLowerCase().includes(t)) ||
    (r.statusText ?? '').toLowerCase().includes(t)
  );
}

/** Number order (records without numbers by date, then id). */
export function compareRecords(a: AdrRecord, b: AdrRecord): number {
  if (a.number !== null && b.number !== null && a.number !== b.number) return a.number - b.number;
  if (a.number !== null && b.number === null) return -1;
  if (a.number === null && b.number !== null) return 1;
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The top level of the tree: one node per workspace folder when there are several, else the groups.
 * Returns the nodes and how many records passed the filter.
 */
export function buildTree(folders: readonly FolderInput[], groupBy: GroupBy, filter: Filter): { roots: TreeNode[]; shown: number; total: number } {
  let shown = 0;
  let total = 0;
  const perFolder = folders.map((f) => {
    const all = f.index.records();
    total += all.length;
    const records = all.filter((r) => matches(r, filter));
    shown += records.length;
    return { f, records };
  });
  if (folders.length === 1) return { roots: groups(perFolder[0]!.f, perFolder[0]!.records, groupBy, undefined, ''), shown, total };
  const roots: TreeNode[] = perFolder.map(({ f, records }) => {
    const node: GroupNode = {
      kind: 'group', id: `folder:${f.root}`, label: f.name, groupKind: 'folder', key: f.root, parent: undefined, count: records.length,
      children: () => groups(f, records, groupBy, node, `${f.root}|`),
    };
    return node;
  });
  return { roots, shown, total };
}

function groups(f: FolderInput, records: AdrRecord[], groupBy: GroupBy, parent: GroupNode | undefined, idPrefix: string): TreeNode[] {
  const buckets = new Map<string, AdrRecord[]>();
  const add = (key: string, r: AdrRecord) => {
    const b = buckets.get(key);
    if (b) b.push(r);
    else buckets.set(key, [r]);
  };
  for (const r of records) {
    switch (groupBy) {
      case 'status': add(r.status, r); break;
      case 'collection': add(r.collection, r); break;
      case 'month': {
        const day = r.date ?? f.decidedOn?.(r);
        add(day ? day.slice(0, 7) : '', r);
        break;
      }
      case 'tag':
        if (r.tags.length === 0) add('', r);
        for (const t of new Set(r.tags.map((x) => x.toLowerCase()))) add(t, r);
        break;
    }
  }
  let keys = [...buckets.keys()];
  if (groupBy === 'status') keys = STATUS_ORDER.filter((s) => buckets.has(s));
  else if (groupBy === 'month') keys.sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? 1 : -1));
  else if (groupBy === 'tag') keys.sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  else keys.sort((a, b) => a.localeCompare(b));
  return keys.map((key) => {
    const list = buckets.get(key)!.sort(compareRecords);
    const collection = groupBy === 'collection' ? f.index.collection(key) : undefined;
    const node: GroupNode = {
      kind: 'group',
      id: `${idPrefix}${groupBy}:${key}`,
      label: groupLabel(groupBy, key, collection, f),
      groupKind: groupBy,
      key,
      parent,
      count: list.length,
      ...(collection ? { collection } : {}),
      children: () => list.map((r) => recordNode(f.index, r, node, `${node.id}/`)),
    };
    return node;
  });
}

function groupLabel(groupBy: GroupBy, key: string, collection: Collection | undefined, f: FolderInput): string {
  switch (groupBy) {
    case 'status': return STATUS_LABEL[key as Status] ?? key;
    case 'collection': {
      if (!collection) return key;
      const rel = collection.path.startsWith(f.root + '/') ? collection.path.slice(f.root.length + 1) : collection.path;
      return collection.name && collection.name !== rel ? `${collection.name} (${rel})` : rel;
    }
    case 'month': return key === '' ? 'No date' : monthLabel(key);
    case 'tag': return key === '' ? 'Untagged' : key;
  }
}

function monthLabel(ym: string): string {
  const [y, m] = ym.split('-');
  const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${names[Number(m) - 1] ?? m} ${y}`;
}

/** A record node; its children are the records it supersedes, nested (cycles cut). */
export function recordNode(index: AdrIndex, record: AdrRecord, parent: TreeNode | undefined, idPrefix: string, seen: ReadonlySet<string> = new Set()): RecordNode {
  const id = `${idPrefix}${record.path}`;
  const node: RecordNode = {
    kind: 'record',
    id,
    record,
    parent,
    superseded: () => {
      const next = new Set(seen).add(record.path);
      return index
        .relationsOf(record.path)
        .filter((r) => r.type === 'supersedes' && r.other && !next.has(r.other))
        .map((r) => index.get(r.other!))
        .filter((r): r is AdrRecord => r !== undefined)
        .sort(compareRecords)
        .map((r) => recordNode(index, r, node, `${id}>`, next));
    },
  };
  return node;
}

/** Children of any node. */
export function childrenOf(node: TreeNode): TreeNode[] {
  return node.kind === 'record' ? node.superseded() : node.children();
}

/** True when a record node has nested children (without building them). */
export function hasSuperseded(index: AdrIndex, record: AdrRecord): boolean {
  return index.relationsOf(record.path).some((r) => r.type === 'supersedes' && r.other !== undefined);
}

const GROUPINGS: readonly GroupBy[] = ['status', 'collection', 'tag', 'month'];

/** The grouping an argument names, or undefined when it is anything else (a toolbar's node, a URI). */
export function asGroupBy(arg: unknown): GroupBy | undefined {
  return typeof arg === 'string' && (GROUPINGS as readonly string[]).includes(arg) ? (arg as GroupBy) : undefined;
}

/**
 * A filter preset, when the argument is exactly one: a plain object whose only keys are `text` (a
 * string) and `statuses` (known statuses). Anything else VS Code passes is not a preset.
 */
export function asFilter(arg: unknown): Filter | undefined {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg) || Object.getPrototypeOf(arg) !== Object.prototype) return undefined;
  const o = arg as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 0 || keys.some((k) => k !== 'text' && k !== 'statuses')) return undefined;
  if (o.text !== undefined && typeof o.text !== 'string') return undefined;
  if (o.statuses !== undefined && !(Array.isArray(o.statuses) && o.statuses.every((s) => (STATUSES as readonly unknown[]).includes(s)))) return undefined;
  return { text: o.text as string | undefined, statuses: o.statuses as Status[] | undefined };
}
