/** Which file events the extension follows (no vscode import: unit-tested in plain Node). */

const IGNORED = /\/node_modules(?:\/|$)/;
const GIT_DIR = /\/\.git(?:\/|$)/;
const GIT_STATE = /\/\.git\/(?:HEAD|index|MERGE_HEAD)$/;

/**
 * Where an event's path goes: a work-tree change (`file`), a change of git's repository state
 * (`git`: HEAD, index, MERGE_HEAD), or nowhere (`node_modules`, git's other internals).
 */
export function classify(path: string): 'file' | 'git' | undefined {
  if (GIT_DIR.test(path)) return GIT_STATE.test(path) ? 'git' : undefined;
  if (IGNORED.test(path)) return undefined;
  return 'file';
}
