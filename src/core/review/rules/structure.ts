/**
 * Structure rules: a new top-level module, package or service folder (or a new sub-folder of a
 * container such as `packages/` or `services/`), and such a folder deleted as a whole. Folders of
 * documentation, tests, examples or tooling are never modules, nor is a new folder without source code
 * or a package manifest (docs, configuration, charts).
 */
import type { ReviewConfig } from '../config';
import type { ChangedFile, RuleHit } from '../types';

/** What the structure rules need to know beyond the change. */
export interface StructureFacts {
  /** Folders at the base: top-level ones and the sub-folders of containers (`packages/a`). */
  readonly baseFolders: ReadonlySet<string>;
  /** True when the folder still exists after the change. */
  stillExists(folder: string): Promise<boolean>;
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
  for (const [m, list] of [...added].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (facts.baseFolders.has(m)) continue;
    const code = list.filter((f) => CODE_FILE.test(f.path)).sort((a, b) => (a.path < b.path ? -1 : 1));
    if (code.length === 0) continue;
    hits.push({
      rule: 'module-added', path: code[0]!.path, anchor: m, subject: m, terms: [m, m.slice(m.lastIndexOf('/') + 1)],
      message: `New module ${m}/ (${list.length} file${list.length === 1 ? '' : 's'})`, line: 1,
      reason: `${m}/ did not exist at the base`,
    });
  }
  for (const [m, list] of [...deleted].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!facts.baseFolders.has(m) || (await facts.stillExists(m))) continue;
    const first = [...list].sort((a, b) => (a.path < b.path ? -1 : 1))[0]!;
    hits.push({
      rule: 'module-removed', path: first.path, anchor: m, subject: m, terms: [m, m.slice(m.lastIndexOf('/') + 1)],
      message: `Module ${m}/ removed (${list.length} file${list.length === 1 ? '' : 's'})`, line: 1, oldSide: true,
      reason: `${m}/ existed at the base and is gone`,
    });
  }
  return hits;
}
