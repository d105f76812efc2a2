/**
 * Dependency manifests: which files are manifests, and their declared dependencies. Structured formats
 * are parsed (JSON, TOML, XML without comments), so a comment or formatting change declares nothing new.
 */
import { parse as parseToml } from 'smol-toml';
import { basename } from '../../paths';
import { parseGemfile, parseGoMod, parseGradle, parseRequirements, pep508 } from './manifestsText';
import type { DependencyMap } from './versions';

/** A manifest kind: its ecosystem name and parser. A parser returns undefined when the text is unreadable. */
export interface ManifestKind {
  readonly ecosystem: string;
  parse(text: string): DependencyMap | undefined;
}

/** The manifest kind of a path, or undefined. */
export function manifestKind(path: string): ManifestKind | undefined {
  const name = basename(path);
  if (name === 'package.json') return { ecosystem: 'npm', parse: parseNpm };
  if (name === 'composer.json') return { ecosystem: 'Composer', parse: parseComposer };
  if (/^requirements.*\.txt$/i.test(name) || /-requirements\.txt$/i.test(name) || /(^|\/)requirements\/[^/]+\.(txt|in)$/i.test(path)) {
    const dev = /(?:^|[-_.])(dev|develop|development|test|tests|testing|lint|docs|ci|typing)(?:[-_.]|$)/i.test(name.replace(/\.(txt|in)$/i, ''));
    return { ecosystem: 'pip', parse: (t) => parseRequirements(t, dev) };
  }
  if (name === 'pyproject.toml') return { ecosystem: 'Python', parse: parsePyproject };
  if (name === 'go.mod') return { ecosystem: 'Go', parse: parseGoMod };
  if (name === 'Cargo.toml') return { ecosystem: 'Cargo', parse: parseCargo };
  if (name === 'pom.xml') return { ecosystem: 'Maven', parse: parsePom };
  if (name === 'build.gradle' || name === 'build.gradle.kts') return { ecosystem: 'Gradle', parse: parseGradle };
  if (name === 'Gemfile' || name === 'gems.rb') return { ecosystem: 'Bundler', parse: parseGemfile };
  if (/\.csproj$/i.test(name)) return { ecosystem: 'NuGet', parse: parseCsproj };
  return undefined;
}

function objectOf(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function json(text: string): Record<string, unknown> | undefined {
  try {
    return objectOf(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** A version that points into the repository: npm/pnpm/Yarn `workspace:`, `file:`, `link:`, `portal:`. */
const LOCAL_VERSION = /^(workspace|file|link|portal):/;

function addAll(out: DependencyMap, table: unknown, dev: boolean, skip?: (name: string) => boolean): void {
  for (const [name, v] of Object.entries(objectOf(table))) {
    if (skip?.(name)) continue;
    const version = typeof v === 'string' ? v : typeof objectOf(v).version === 'string' ? String(objectOf(v).version) : '';
    // `{ path = "../core" }` (Cargo, Poetry) is a sibling module; so is a workspace: or file: version.
    const internal = LOCAL_VERSION.test(version) || typeof objectOf(v).path === 'string';
    // A runtime declaration wins over a dev one of the same name.
    if (!dev || !out.has(name)) out.set(name, { name, version, dev, ...(internal ? { internal } : {}) });
  }
}

/** `package.json`: dependencies, peer and optional dependencies ship; devDependencies do not. */
export function parseNpm(text: string): DependencyMap | undefined {
  const pkg = json(text);
  if (!pkg) return undefined;
  const out: DependencyMap = new Map();
  addAll(out, pkg.devDependencies, true);
  addAll(out, pkg.dependencies, false);
  addAll(out, pkg.peerDependencies, false);
  addAll(out, pkg.optionalDependencies, false);
  return out;
}

/** `composer.json`: `require` (the PHP version and extensions left out) and `require-dev`. */
export function parseComposer(text: string): DependencyMap | undefined {
  const c = json(text);
  if (!c) return undefined;
  const out: DependencyMap = new Map();
  const platform = (n: string) => n === 'php' || n.startsWith('ext-') || n.startsWith('lib-');
  addAll(out, c['require-dev'], true, platform);
  addAll(out, c.require, false, platform);
  return out;
}

function toml(text: string): Record<string, unknown> | undefined {
  try {
    return objectOf(parseToml(text));
  } catch {
    return undefined;
  }
}

const DEV_GROUP = /^(dev|develop|development|test|tests|testing|lint|docs?|typing|ci|bench)$/i;

/** `pyproject.toml`: PEP 621 `[project]`, PEP 735 groups, and Poetry's tables. */
export function parsePyproject(text: string): DependencyMap | undefined {
  const doc = toml(text);
  if (!doc) return undefined;
  const out: DependencyMap = new Map();
  const addList = (list: unknown, dev: boolean) => {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      const r = typeof item === 'string' ? pep508(item) : undefined;
      if (r && (!dev || !out.has(r.name))) out.set(r.name, { name: r.name, version: r.version, dev });
    }
  };
  const project = objectOf(doc.project);
  for (const list of Object.values(objectOf(doc['dependency-groups']))) addList(list, true);
  for (const [group, list] of Object.entries(objectOf(project['optional-dependencies']))) addList(list, DEV_GROUP.test(group));
  addList(project.dependencies, false);
  const poetry = objectOf(objectOf(doc.tool).poetry);
  const poetryTable = (table: unknown, dev: boolean) => {
    for (const [name, v] of Object.entries(objectOf(table))) {
      if (name.toLowerCase() === 'python') continue;
      const n = name.toLowerCase().replace(/[-_.]+/g, '-');
      const version = typeof v === 'string' ? v : typeof objectOf(v).version === 'string' ? String(objectOf(v).version) : '';
      const internal = typeof objectOf(v).path === 'string';
      if (!dev || !out.has(n)) out.set(n, { name: n, version, dev, ...(internal ? { internal } : {}) });
    }
  };
  poetryTable(poetry['dev-dependencies'], true);
  // Poetry groups other than the main one are not installed with the package.
  for (const g of Object.values(objectOf(poetry.group))) poetryTable(objectOf(g).dependencies, true);
  poetryTable(poetry.dependencies, false);
  // uv: a dependency whose source is the workspace or a local path is a sibling module.
  for (const [name, src] of Object.entries(objectOf(objectOf(objectOf(doc.tool).uv).sources))) {
    const n = name.toLowerCase().replace(/[-_.]+/g, '-');
    const d = out.get(n);
    if (d && (objectOf(src).workspace === true || typeof objectOf(src).path === 'string')) out.set(n, { ...d, internal: true });
  }
  return out;
}

/** `Cargo.toml`: `[dependencies]`, target-specific and workspace dependencies; dev and build ones are dev. */
export function parseCargo(text: string): DependencyMap | undefined {
  const doc = toml(text);
  if (!doc) return undefined;
  const out: DependencyMap = new Map();
  const fromTable = (t: Record<string, unknown>) => {
    addAll(out, t['dev-dependencies'], true);
    addAll(out, t['build-dependencies'], true);
    addAll(out, t.dependencies, false);
  };
  fromTable(doc);
  for (const target of Object.values(objectOf(doc.target))) fromTable(objectOf(target));
  addAll(out, objectOf(doc.workspace).dependencies, false);
  return out;
}

/** XML with comments blanked out (so commented-out dependencies are not read). */
function xml(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, '');
}

function tag(block: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(block);
  return m ? m[1] : undefined;
}

/** `pom.xml`: `<dependency>` elements (managed ones too); `test` and `provided` scopes are dev. */
export function parsePom(text: string): DependencyMap | undefined {
  const src = xml(text);
  if (!/<project[\s>]/.test(src)) return undefined;
  const props = new Map<string, string>();
  const propBlock = /<properties>([\s\S]*?)<\/properties>/.exec(src)?.[1] ?? '';
  for (const m of propBlock.matchAll(/<([A-Za-z0-9_.-]+)>\s*([^<]*?)\s*<\/\1>/g)) props.set(m[1]!, m[2]!);
  const out: DependencyMap = new Map();
  // Dependencies of a build plugin are the build's, not the product's.
  const plugins: [number, number][] = [];
  for (let from = 0; ;) {
    const a = src.indexOf('<plugin>', from);
    const b = a < 0 ? -1 : src.indexOf('</plugin>', a);
    if (b < 0) break;
    plugins.push([a, b]);
    from = b + 9;
  }
  for (const m of src.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
    const group = tag(m[1]!, 'groupId');
    const artifact = tag(m[1]!, 'artifactId');
    if (!group || !artifact) continue;
    const rawVersion = tag(m[1]!, 'version') ?? '';
    const version = rawVersion.replace(/\$\{([^}]+)\}/g, (all, p: string) => props.get(p) ?? all);
    const scope = tag(m[1]!, 'scope') ?? 'compile';
    const name = `${group}:${artifact}`;
    const inPlugin = plugins.some(([a, b]) => m.index > a && m.index < b);
    const dev = scope === 'test' || scope === 'provided' || inPlugin;
    // A module of the same build: `${project.version}` / `${project.groupId}`.
    const internal = /\$\{project\.(version|groupId)\}/.test(rawVersion + group);
    if (!dev || !out.has(name)) out.set(name, { name, version, dev, ...(internal ? { internal } : {}) });
  }
  return out;
}

/** `*.csproj`: `<PackageReference Include="X" Version="1.2.3" />` (or a nested `<Version>`). */
export function parseCsproj(text: string): DependencyMap | undefined {
  const src = xml(text);
  if (!/<Project[\s>]/.test(src)) return undefined;
  const out: DependencyMap = new Map();
  for (const m of src.matchAll(/<PackageReference\b([^>]*?)(?:\/>|>([\s\S]*?)<\/PackageReference>)/g)) {
    const attrs = m[1]!;
    const name = /\b(?:Include|Update)\s*=\s*"([^"]+)"/.exec(attrs)?.[1];
    if (!name) continue;
    const version = /\bVersion\s*=\s*"([^"]*)"/.exec(attrs)?.[1] ?? tag(m[2] ?? '', 'Version') ?? '';
    const dev = /\bPrivateAssets\s*=\s*"all"/i.test(attrs) || /<PrivateAssets>\s*all\s*<\/PrivateAssets>/i.test(m[2] ?? '');
    out.set(name, { name, version, dev });
  }
  return out;
}
