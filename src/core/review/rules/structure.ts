/**
 * Structure rules: a new top-level module, package or service folder (or a new sub-folder of a
 * container such as `packages/` or `services/`), and such a folder deleted as a whole. Folders of
 * documentation, tests, examples or tooling are never modules, nor is a new folder without source code
 * or a package manifest (docs, configuration, charts).
 *
 * At any depth, a folder with a build manifest of its own (pom.xml, build.gradle(.kts), go.mod,
 * Cargo.toml, *.csproj, pyproject.toml, and package.json inside a workspace) is a module: one that
 * gains its first manifest is a new module, one that loses its last is removed. The module lists of
 * multi-module builds are compared entry by entry (see `modules.ts`). Test-only modules (by their
 * folder's name, or whose code is all tests) are left out; a module inside a module that is new or
 * removed as a whole is not reported again.
 */
import type { Content } from '../changes';
import type { ReviewConfig } from '../config';
import { basename, dirname } from '../../paths';
import type { ChangedFile, RuleHit } from '../types';
import { globMatcher } from './glob';
import { entryLine, isBuildManifest, isModuleList, isTestOnlyFolder, moduleList, type ModuleEntry } from './modules';

/** What the structure rules need to know beyond the change. */
export interface StructureFacts {
  /** Folders at the base: top-level ones and the sub-folders of containers (`packages/a`). */
  readonly baseFolders: ReadonlySet<string>;
  /** True when the folder still exists after the change. */
  stillExists(folder: string): Promise<boolean>;
  /** The build manifests directly in a folder at the base, or after the change (names). Without it nested modules are not looked at. */
  manifestsIn?(folder: string, side: 'base' | 'after'): Promise<readonly string[]>;
  /** The workspace globs (root package.json `workspaces`, pnpm-workspace.yaml) before and after the change. */
  workspaces?(): Promise<readonly string[]>;
  /** The two versions of a changed file (for module lists). */
  content?: { before(file: ChangedFile): Promise<Content>; after(file: ChangedFile): Promise<Content> };
}

/** Source code, or a manifest that makes a folder a package: what a module has (docs and config alone do not make one). */
const CODE_FILE = /\.(tsx?|jsx?|mjs|cjs|py|go|rs|java|kts?|scala|cs|fs|vb|rb|php|swift|mm?|c|h|cc|cpp|hpp|cxx|ex|exs|erl|clj|dart|lua|r|jl|hs|ml|elm|vue|svelte|sol|zig|nim|groovy|sh)$|(^|\/)(package\.json|go\.mod|Cargo\.toml|pom\.xml|pyproject\.toml|build\.gradle(\.kts)?|Gemfile|composer\.json|[^/]+\.csproj)$/i;

/** The module folder a path belongs to, or undefined (root files, excluded folders). */
export function moduleOf(path: string, config: ReviewConfig): string | undefined {
  const segs = path.split('/');
  if (segs.length < 2) return undefined;
  const top = segs[0]!;
  if (top.startsWith('.') || config.nonModules.includes(top)) return undefined;
  if (config.containers.includes(top)) {
    if (segs.length < 3 || segs[1]!.startsWith('.') || config.nonModules.includes(segs[1]!)) return undefined;
    return `${top}/${segs[1]}`;
  }
  return top;
}

/** Flags modules that appear or disappear in the change. `skip` tells paths no rule looks at. */
export async function structureHits(
  files: readonly ChangedFile[], config: ReviewConfig, facts: StructureFacts, skip: (path: string) => boolean,
): Promise<RuleHit[]> {
  const added = new Map<string, ChangedFile[]>();
  const deleted = new Map<string, ChangedFile[]>();
  for (const f of files) {
    if (skip(f.path)) continue;
    const into = f.status === 'added' || f.status === 'untracked' || f.status === 'renamed' || f.status === 'copied' ? added : f.status === 'deleted' ? deleted : undefined;
    const m = into ? moduleOf(f.path, config) : undefined;
    if (into && m) (into.get(m) ?? into.set(m, []).get(m)!).push(f);
    if (f.status === 'renamed' && f.oldPath !== undefined) {
      const old = moduleOf(f.oldPath, config);
      if (old && !skip(f.oldPath)) (deleted.get(old) ?? deleted.set(old, []).get(old)!).push({ ...f, path: f.oldPath, status: 'deleted' });
    }
  }
  const hits: RuleHit[] = [];
  const topAdded = new Set<string>();
  const topRemoved = new Set<string>();
  for (const [m, list] of [...added].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (facts.baseFolders.has(m)) continue;
    const code = list.filter((f) => CODE_FILE.test(f.path)).sort((a, b) => (a.path < b.path ? -1 : 1));
    if (code.length === 0) continue;
    topAdded.add(m);
    hits.push({
      rule: 'module-added', path: code[0]!.path, anchor: m, subject: m, terms: [m, m.slice(m.lastIndexOf('/') + 1)],
      message: `New module ${m}/ (${list.length} file${list.length === 1 ? '' : 's'})`, line: 1,
      reason: `${m}/ did not exist at the base`,
    });
  }
  for (const [m, list] of [...deleted].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!facts.baseFolders.has(m) || (await facts.stillExists(m))) continue;
    const first = [...list].sort((a, b) => (a.path < b.path ? -1 : 1))[0]!;
    topRemoved.add(m);
    hits.push({
      rule: 'module-removed', path: first.path, anchor: m, subject: m, terms: [m, m.slice(m.lastIndexOf('/') + 1)],
      message: `Module ${m}/ removed (${list.length} file${list.length === 1 ? '' : 's'})`, line: 1, oldSide: true,
      reason: `${m}/ existed at the base and is gone`,
    });
  }
  await nestedHits(files, config, facts, skip, hits, topAdded, topRemoved);
  return hits;
}

const within = (folder: string, set: ReadonlySet<string>) => {
  for (let f = folder; f !== '.' && f !== ''; f = dirname(f)) if (set.has(f)) return true;
  return false;
};

/** Module folders (at any depth) whose build manifest appeared or went, and module-list entries added or removed. */
async function nestedHits(
  files: readonly ChangedFile[], config: ReviewConfig, facts: StructureFacts, skip: (path: string) => boolean,
  hits: RuleHit[], topAdded: Set<string>, topRemoved: Set<string>,
): Promise<void> {
  if (!facts.manifestsIn) return;
  const gained = new Map<string, string[]>();
  const lost = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, folder: string, path: string) => (map.get(folder) ?? map.set(folder, []).get(folder)!).push(path);
  for (const f of files) {
    const newSide = f.status === 'added' || f.status === 'untracked' || f.status === 'copied' || f.status === 'renamed';
    if (newSide && isBuildManifest(f.path) && !skip(f.path)) push(gained, dirname(f.path), f.path);
    const old = f.status === 'deleted' ? f.path : f.status === 'renamed' ? f.oldPath : undefined;
    if (old !== undefined && isBuildManifest(old) && !skip(old)) push(lost, dirname(old), old);
  }
  let workspaceTest: ((folder: string) => boolean) | undefined;
  const inWorkspace = async (folder: string) => {
    if (!workspaceTest) {
      const globs = facts.workspaces ? await facts.workspaces() : [];
      const m = globMatcher(globs.map((g) => g.replace(/^\.\//, '').replace(/\/+$/, '')));
      workspaceTest = (f) => globs.length > 0 && m(f);
    }
    return workspaceTest(folder);
  };
  /** Manifests that make the folder a module (package.json only in a workspace). */
  const counting = async (folder: string, names: readonly string[]) => {
    const out: string[] = [];
    for (const n of names) if (n !== 'package.json' || (await inWorkspace(folder))) out.push(n);
    return out;
  };
  // The changed files under each folder that gained a manifest (only those folders).
  const byFolder = new Map<string, ChangedFile[]>([...gained.keys()].map((g) => [g, []]));
  if (byFolder.size > 0) {
    for (const f of files) if (f.status !== 'deleted') for (let d = dirname(f.path); d !== '.' && d !== ''; d = dirname(d)) byFolder.get(d)?.push(f);
  }

  for (const [folder, paths] of [...gained].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (folder === '.' || isTestOnlyFolder(folder, config) || topAdded.has(folder) || within(dirname(folder), topAdded)) continue;
    const names = await counting(folder, paths.map((p) => basename(p)));
    if (names.length === 0) continue;
    if ((await counting(folder, await facts.manifestsIn(folder, 'base'))).length > 0) continue; // a module already (another manifest)
    const code = (byFolder.get(folder) ?? []).filter((f) => !isBuildManifest(f.path) && /\.[A-Za-z0-9]+$/.test(f.path) && !/\.(md|txt|rst|adoc)$/i.test(f.path));
    if (code.length > 0 && code.every((f) => skip(f.path))) continue; // only tests in it
    topAdded.add(folder);
    const manifest = paths.find((p) => names.includes(basename(p)))!;
    hits.push({
      rule: 'module-added', path: manifest, anchor: folder, subject: folder, terms: [folder, basename(folder)],
      message: `New module ${folder}/ (${basename(manifest)}, ${(byFolder.get(folder) ?? []).length} file${(byFolder.get(folder) ?? []).length === 1 ? '' : 's'})`, line: 1,
      reason: `${folder}/ has a build manifest of its own (${names.join(', ')}) it did not have at the base`,
    });
  }
  for (const [folder, paths] of [...lost].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (folder === '.' || isTestOnlyFolder(folder, config) || topRemoved.has(folder) || within(dirname(folder), topRemoved)) continue;
    const names = await counting(folder, paths.map((p) => basename(p)));
    if (names.length === 0) continue;
    if ((await counting(folder, await facts.manifestsIn(folder, 'after'))).length > 0) continue; // still a module (another manifest)
    const gone = !(await facts.stillExists(folder));
    topRemoved.add(folder);
    hits.push({
      rule: 'module-removed', path: paths[0]!, anchor: folder, subject: folder, terms: [folder, basename(folder)],
      message: gone ? `Module ${folder}/ removed` : `${folder}/ is no longer a module of its own (${names.join(', ')} removed)`, line: 1, oldSide: true,
      reason: gone ? `${folder}/ had its own build (${names.join(', ')}) at the base and is gone` : `${folder}/ had its own build (${names.join(', ')}) at the base`,
    });
  }
  await listHits(files, config, facts, skip, hits);
}

/** Module-list entries added or removed (Maven `<modules>`, Gradle `include`, workspaces, Cargo members, go.work `use`). */
async function listHits(files: readonly ChangedFile[], config: ReviewConfig, facts: StructureFacts, skip: (path: string) => boolean, hits: RuleHit[]): Promise<void> {
  if (!facts.content) return;
  const byAnchor = new Map(hits.map((h) => [`${h.rule}\0${h.anchor ?? h.path}`, h] as const));
  for (const f of files) {
    if (!isModuleList(f.path) || skip(f.path) || f.unread) continue;
    const [b, a] = await Promise.all([facts.content.before(f), facts.content.after(f)]);
    if (b.unread || a.unread) continue;
    const was = b.text === undefined ? [] : moduleList(f.oldPath ?? f.path, b.text);
    const now = a.text === undefined ? [] : moduleList(f.path, a.text);
    if (!was || !now) continue;
    const key = (e: ModuleEntry) => e.folder;
    const before = new Map(was.map((e) => [key(e), e]));
    const after = new Map(now.map((e) => [key(e), e]));
    const kind = listKind(f.path);
    const report = (e: ModuleEntry, added: boolean) => {
      if (isTestOnlyFolder(e.folder.replace(/\/?\*.*$/, ''), config) && !e.folder.includes('*')) return;
      const rule = added ? 'module-added' : 'module-removed';
      const known = byAnchor.get(`${rule}\0${e.folder}`);
      const listed = `${added ? 'listed in' : 'taken out of'} ${f.path} ${kind}`;
      if (known) {
        hits[hits.indexOf(known)] = { ...known, reason: `${known.reason}; ${listed}` };
        return;
      }
      const line = entryLine((added ? a.text : b.text) ?? '', e.raw);
      const hit: RuleHit = {
        rule, path: f.path, anchor: e.folder, subject: e.folder, terms: [e.folder, basename(e.folder)],
        message: added ? `Module ${e.folder} added to the build (${f.path} ${kind})` : `Module ${e.folder} taken out of the build (${f.path} ${kind})`,
        ...(line !== undefined ? { line } : {}), ...(!added && line !== undefined ? { oldSide: true } : {}), reason: `${listed}: ${e.raw}`,
      };
      hits.push(hit);
      byAnchor.set(`${rule}\0${e.folder}`, hit);
    };
    for (const [k, e] of after) if (!before.has(k)) report(e, true);
    for (const [k, e] of before) if (!after.has(k)) report(e, false);
  }
}

function listKind(path: string): string {
  switch (basename(path)) {
    case 'pom.xml': return '<modules>';
    case 'settings.gradle': case 'settings.gradle.kts': return 'include';
    case 'package.json': return 'workspaces';
    case 'Cargo.toml': return '[workspace] members';
    case 'go.work': return 'use';
    default: return 'packages';
  }
}
