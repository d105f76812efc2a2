/** Dependency declarations as the manifest parsers return them, and how far a version moved. */

/** One declared dependency. */
export interface Dependency {
  /** The name as the ecosystem spells it (`@scope/pkg`, `org.slf4j:slf4j-api`, `github.com/x/y`). */
  readonly name: string;
  /** The version or range as written (may be empty: "any version"). */
  readonly version: string;
  /** Development, test, build or indirect only: not part of what ships. */
  readonly dev: boolean;
  /**
   * Another module of the same repository (`workspace:*`, `file:../x`, a Cargo or Poetry `path`, a uv
   * workspace source, a Maven `${project.version}` sibling, a go.mod `replace` to a local folder): not a
   * third-party dependency, never flagged as one.
   */
  readonly internal?: boolean;
}

/** Dependencies by name; parsers return `undefined` when the file cannot be read at all. */
export type DependencyMap = Map<string, Dependency>;

/** How far a version moved: `other` when it changed but cannot be read as numbers. */
export type VersionChange = 'major' | 'minor' | 'patch' | 'other';

const ORDER: Record<VersionChange, number> = { patch: 0, other: 1, minor: 1, major: 2 };

/** The numbers of a version or range as written (`^1.2.3`, `~> 4.1`, `>=2,<3`, `[1.0,2.0)`, `v0.4.1`). */
export function versionNumbers(spec: string): [number, number, number] | undefined {
  const m = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(spec.replace(/^[^\d]*?(?=\d)/, ''));
  if (!m || !/^[\s^~<>=!v[(,*]*$/i.test(spec.slice(0, spec.indexOf(m[0])))) return undefined;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

/** How far `before` → `after` moved; 0.x versions count a minor step as major (semver's rule for 0.x). */
export function versionChange(before: string, after: string): VersionChange | undefined {
  if (before.trim() === after.trim()) return undefined;
  const a = versionNumbers(before);
  const b = versionNumbers(after);
  if (!a || !b) return 'other';
  if (a[0] !== b[0]) return 'major';
  if (a[1] !== b[1]) return a[0] === 0 ? 'major' : 'minor';
  if (a[2] !== b[2]) return 'patch';
  return 'other';
}

/** True when `change` is at least `threshold` (`other` counts as minor). */
export function atLeast(change: VersionChange, threshold: 'major' | 'minor' | 'patch'): boolean {
  return ORDER[change] >= ORDER[threshold];
}
