/** What the structure rules need from git and the disk: the folders at the base, and whether one survives. */
import { join } from '../paths';
import type { FileSystem } from '../ports';
import type { ChangeSet } from './changes';
import type { ReviewConfig } from './config';
import { gitOk, literalPathspec, splitNul, type GitPort } from './git';
import { moduleOf, type StructureFacts } from './rules/structure';

const baseCache = new Map<string, ReadonlySet<string>>();

/** Facts for `structureHits`; git is asked only when the change adds or deletes files in a module. */
export async function structureFacts(git: GitPort, fs: FileSystem, changes: ChangeSet, config: ReviewConfig): Promise<StructureFacts> {
  const root = changes.repository.root;
  const relevant = changes.files.some((f) => f.status !== 'modified' && (moduleOf(f.path, config) !== undefined || (f.oldPath !== undefined && moduleOf(f.oldPath, config) !== undefined)));
  const key = `${root}\0${changes.base.treeish}\0${config.containers.join('/')}`;
  let baseFolders = baseCache.get(key);
  if (!baseFolders && relevant) {
    const top = splitNul(await gitOk(git, root, ['ls-tree', '-z', '-d', '--name-only', changes.base.treeish]));
    const containers = top.filter((t) => config.containers.includes(t));
    const below = containers.length ? splitNul(await gitOk(git, root, ['ls-tree', '-z', '-d', '--name-only', changes.base.treeish, '--', ...containers.map((c) => `${c}/`)])) : [];
    baseFolders = new Set([...top, ...below]);
    if (baseCache.size > 50) baseCache.clear();
    baseCache.set(key, baseFolders);
  }
  return {
    baseFolders: baseFolders ?? new Set(),
    async stillExists(folder) {
      if (changes.scope.kind === 'staged') {
        return (await gitOk(git, root, ['ls-files', '-z', '--cached', '--', literalPathspec(`${folder}/`)])).length > 0;
      }
      return hasFile(fs, join(root, folder));
    },
  };
}

/** True when the folder holds a file at any depth. */
async function hasFile(fs: FileSystem, dir: string): Promise<boolean> {
  let entries: readonly (readonly [string, string])[];
  try {
    entries = await fs.readDirectory(dir);
  } catch {
    return false;
  }
  if (entries.some(([, kind]) => kind === 'file')) return true;
  for (const [name, kind] of entries) if (kind === 'directory' && (await hasFile(fs, join(dir, name)))) return true;
  return false;
}
