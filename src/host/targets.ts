/**
 * What commands are invoked with, normalised: nothing (palette), a Decisions tree node, a `Uri`
 * (explorer and editor menus), or a typed argument object (tests, other extensions, keybindings).
 * No vscode import: URIs are recognised by shape.
 */
import { UserError } from '../core/errors';
import type { AdrRecord, Collection } from '../core/model';
import { isAbsolute, normalize, resolve, toPosix } from '../core/paths';
import type { DecisionWorkspace, LocatedRecord } from './decisionWorkspace';

/** The part of `vscode.Uri` commands read. */
export interface UriLike {
  readonly scheme: string;
  readonly fsPath: string;
}

/**
 * A record: its path (absolute or relative to a workspace folder), an adr-tools style reference
 * (`7`, `ADR-0007`, part of the file name), a URI, a Decisions tree node, or the record itself.
 */
export type RecordRef = string | UriLike | { readonly record: AdrRecord } | AdrRecord;

/** A collection: its folder (path or URI), a collection node of the tree, the collection itself, or a
 * record or record row (its collection). */
export type CollectionRef = string | UriLike | { readonly collection?: Collection } | Collection | { readonly record: AdrRecord } | AdrRecord;

export function isUriLike(x: unknown): x is UriLike {
  return typeof x === 'object' && x !== null && typeof (x as UriLike).scheme === 'string' && typeof (x as UriLike).fsPath === 'string';
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

/** A tree node of a record (`RecordNode`). */
export function isRecordNode(x: unknown): x is { readonly kind: 'record'; readonly record: AdrRecord } {
  return isObject(x) && x['kind'] === 'record' && isObject(x['record']);
}

/** A tree node of a group (`GroupNode`), which carries a collection when it is one. */
export function isGroupNode(x: unknown): x is { readonly kind: 'group'; readonly collection?: Collection } {
  return isObject(x) && x['kind'] === 'group';
}

function isRecord(x: unknown): x is AdrRecord {
  return isObject(x) && typeof x['path'] === 'string' && typeof x['collection'] === 'string' && 'dialect' in x;
}

/**
 * The argument object of a command invoked with `arg`: `arg` itself when it is one, else an object
 * with `arg` under `key` (a tree node, URI or path stands for the command's main target).
 */
export function argsOf<A extends object>(arg: unknown, key: keyof A & string): Partial<A> {
  if (arg === undefined || arg === null) return {};
  // A status, tag or month group of the tree stands for nothing in particular.
  if (isGroupNode(arg) && !arg.collection) return {};
  if (typeof arg === 'string' || isUriLike(arg) || isRecordNode(arg) || isGroupNode(arg) || isRecord(arg)) return { [key]: arg } as Partial<A>;
  if (isObject(arg)) return arg as Partial<A>;
  return {};
}

/** The path or reference text of a record reference. */
export function refText(ref: RecordRef): string {
  if (typeof ref === 'string') return ref;
  if (isUriLike(ref)) return toPosix(ref.fsPath);
  if ('record' in ref) return ref.record.path;
  return ref.path;
}

/** The record a reference names; a `UserError` when none does. */
export function findRecord(workspace: DecisionWorkspace, ref: RecordRef): LocatedRecord {
  const text = refText(ref).trim();
  const direct = workspace.locate(text);
  if (direct) return direct;
  for (const f of workspace.all()) {
    const path = isAbsolute(text) ? normalize(text) : resolve(f.root, text);
    const byPath = workspace.locate(path);
    if (byPath) return byPath;
    const record = isAbsolute(text) ? undefined : f.index.resolveRef(text);
    if (record) return { record, index: f.index, folder: f.folder };
  }
  throw new UserError(`No decision record matches "${text}"`);
}

/** The collection a reference names; a `UserError` when none does. */
export function findCollection(workspace: DecisionWorkspace, ref: CollectionRef): Collection {
  let path: string | undefined;
  if (typeof ref === 'string') path = ref;
  else if (isUriLike(ref)) path = toPosix(ref.fsPath);
  // A record (or its tree row, selected when a toolbar button is clicked) stands for its collection.
  else if (isRecord(ref)) path = ref.collection;
  else if (isRecordNode(ref)) path = ref.record.collection;
  else if ('dialect' in ref && typeof ref.path === 'string') path = ref.path;
  else if ('collection' in ref && ref.collection && typeof ref.collection === 'object') path = ref.collection.path;
  if (path === undefined) throw new UserError('That is not a decision record collection');
  const all = workspace.collections().map((c) => c.collection);
  const wanted = path.replace(/\/+$/, '');
  const found = all.find((c) => c.path === normalize(wanted))
    ?? workspace.all().flatMap((f) => (isAbsolute(wanted) ? [] : f.index.collections.filter((c) => c.path === resolve(f.root, wanted))))[0]
    ?? all.find((c) => c.name === wanted);
  if (!found) throw new UserError(`${wanted} is not a decision record collection`);
  return found;
}
