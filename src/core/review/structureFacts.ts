/** What the structure rules need from git and the disk: the folders at the base, and whether one survives. */
import { join } from '../paths';
import type { FileSystem } from '../ports';
import type { ChangeSet } from './changes';
import { gitOk, literalPathspec, splitNul, type GitPort } from './git';
import { BUILD_MANIFEST, moduleList } from './rules/modules';
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

/** Facts for `structureHits`; `content` reads a changed file's two versions (module lists, workspaces). */
export async function structureFacts(
  git: GitPort, fs: FileSystem, changes: ChangeSet, folders: Promise<ReadonlySet<string>>, content?: StructureFacts['content'],
): Promise<StructureFacts> {
  const root = changes.repository.root;
  const treeish = changes.base.treeish;
  let workspaces: Promise<readonly string[]> | undefined;
  return {
    baseFolders: await folders,
    ...(content ? { content } : {}),
    async manifestsIn(folder, side) {
      let names: string[];
      if (side === 'base') {
        const out = await git.run(root, ['ls-tree', '-z', '--name-only', treeish, '--', literalPathspec(`${folder}/`)]);
        names = out.exitCode === 0 ? splitNul(out.stdout).map((p) => p.slice(p.lastIndexOf('/') + 1)) : [];
      } else if (changes.scope.kind === 'range') {
        const out = await git.run(root, ['ls-tree', '-z', '--name-only', changes.scope.to, '--', literalPathspec(`${folder}/`)]);
        names = out.exitCode === 0 ? splitNul(out.stdout).map((p) => p.slice(p.lastIndexOf('/') + 1)) : [];
      } else if (changes.scope.kind === 'staged') {
        names = splitNul(await gitOk(git, root, ['ls-files', '-z', '--cached', '--', literalPathspec(`${folder}/`)]))
          .filter((p) => p.lastIndexOf('/') === folder.length).map((p) => p.slice(folder.length + 1));
      } else {
        const entries = await fs.readDirectory(join(root, folder)).catch(() => [] as readonly (readonly [string, string])[]);
        names = entries.filter(([, kind]) => kind === 'file').map(([name]) => name);
      }
      return names.filter((n) => BUILD_MANIFEST.test(n));
    },
    workspaces() {
      workspaces ??= (async () => {
        const globs: string[] = [];
        for (const name of ['package.json', 'pnpm-workspace.yaml']) {
          const changed = changes.files.find((f) => f.path === name || f.oldPath === name);
          const texts: (string | undefined)[] = [];
          if (changed && content) {
            const [b, a] = await Promise.all([content.before(changed), content.after(changed)]);
            texts.push(b.text, a.text);
          } else {
            const out = await git.run(root, ['cat-file', 'blob', `${treeish}:${name}`]);
            if (out.exitCode === 0) texts.push(out.stdout);
          }
          for (const t of texts) if (t !== undefined) globs.push(...(moduleList(name, t) ?? []).map((e) => e.folder));
        }
        return [...new Set(globs)];
      })();
      return workspaces;
    },
    async stillExists(folder) {
      if (changes.scope.kind === 'range') {
        const out = await git.run(root, ['ls-tree', '-r', '-z', '--name-only', changes.scope.to, '--', literalPathspec(`${folder}/`)]);
        return out.exitCode === 0 && out.stdout.length > 0;
      }
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
