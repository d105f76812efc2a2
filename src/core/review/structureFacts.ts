/** What the structure rules need from git and the disk: the folders at the base, and whether one survives. */
import { join } from '../paths';
import type { FileSystem } from '../ports';
import type { ChangeSet } from './changes';
import { gitOk, literalPathspec, splitNul, type GitPort } from './git';
import type { StructureFacts } from './rules/structure';

const baseCache = new Map<string, Promise<ReadonlySet<string>>>();

/**
 * The folders at the base: top-level ones and the sub-folders of containers (cached per repository,
 * tree and container list; start it early, it does not depend on the change).
 */
export function baseFolders(git: GitPort, root: string, treeish: string, containers: readonly string[]): Promise<ReadonlySet<string>> {
  const key = `${root}\0${treeish}\0${containers.join('/')}`;
  let folders = baseCache.get(key);
  if (!folders) {
    folders = (async () => {
      const top = splitNul(await gitOk(git, root, ['ls-tree', '-z', '-d', '--name-only', treeish]));
      const inside = top.filter((t) => containers.includes(t));
      const below = inside.length ? splitNul(await gitOk(git, root, ['ls-tree', '-z', '-d', '--name-only', treeish, '--', ...inside.map((c) => `${c}/`)])) : [];
      return new Set([...top, ...below]);
    })();
    if (baseCache.size > 50) baseCache.clear();
    baseCache.set(key, folders);
    folders.catch(() => baseCache.delete(key));
  }
  return folders;
}

/** Facts for `structureHits`. */
export async function structureFacts(git: GitPort, fs: FileSystem, changes: ChangeSet, folders: Promise<ReadonlySet<string>>): Promise<StructureFacts> {
  const root = changes.repository.root;
  return {
    baseFolders: await folders,
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
