/**
 * Dependency rules: the manifest before and after the change are parsed and compared, so only an
 * added or removed runtime dependency, or a version step at least as large as configured (major by
 * default), is flagged — never "the file changed".
 */
import type { ReviewConfig } from '../config';
import type { ChangedFile, RuleHit } from '../types';
import { dirname } from '../../paths';
import { manifestKind } from './manifests';
import { isTestModuleFolder } from './modules';
import { atLeast, versionChange, type Dependency, type DependencyMap } from './versions';

/** True when the file (or its old name) is a dependency manifest. */
export function isManifest(file: ChangedFile): boolean {
  return manifestKind(file.path) !== undefined || (file.oldPath !== undefined && manifestKind(file.oldPath) !== undefined);
}

/** Compares the two versions of a manifest. `before`/`after` are undefined for new/deleted files. */
export function dependencyHits(file: ChangedFile, before: string | undefined, after: string | undefined, config: ReviewConfig): RuleHit[] {
  const kind = manifestKind(file.path) ?? (file.oldPath !== undefined ? manifestKind(file.oldPath) : undefined);
  if (!kind) return [];
  const old = before === undefined ? new Map() : kind.parse(before);
  const now = after === undefined ? new Map() : kind.parse(after);
  if (!old || !now) return []; // unreadable on one side: nothing can be said about dependencies
  // A test-only module (`integration-tests/`, `e2e/`, `benchmarks/`) ships nothing: its dependencies are dev ones.
  const testModule = isTestModuleFolder(dirname(file.path));
  const counts = (d: Dependency | undefined): d is Dependency => d !== undefined && !d.internal && (config.dev || (!d.dev && !testModule));
  const hits: RuleHit[] = [];
  const names = new Set([...old.keys(), ...now.keys()]);
  for (const name of [...names].sort()) {
    const a = old.get(name);
    const b = now.get(name);
    if (a?.internal || b?.internal) continue; // a sibling module on either side: not a third-party change
    const was = counts(a);
    const is = counts(b);
    const terms = termsOf(name);
    const where = ` in ${file.path} (${kind.ecosystem})`;
    if (!was && is) {
      const line = lineOf(after, name);
      hits.push({
        rule: 'dependency-added', path: file.path, subject: name, terms,
        message: `New ${b.dev ? 'dev ' : ''}dependency ${name}${b.version ? ` ${b.version}` : ''}${where}`,
        ...(line ? { line } : {}), reason: a ? `was a development dependency (${a.version || 'any version'})` : 'not declared before',
      });
    } else if (was && !is) {
      const line = lineOf(before, name);
      hits.push({
        rule: 'dependency-removed', path: file.path, subject: name, terms,
        message: `Dependency ${name} removed${where}`,
        ...(line ? { line, oldSide: true } : {}), reason: b ? `now a development dependency (${b.version || 'any version'})` : 'no longer declared',
      });
    } else if (was && is) {
      const step = versionChange(a.version, b.version);
      if (!step || !atLeast(step, config.versions)) continue;
      const line = lineOf(after, name);
      hits.push({
        rule: 'dependency-version', path: file.path, subject: name, terms,
        message: `${step === 'other' ? 'Version of' : `${step[0]!.toUpperCase()}${step.slice(1)} version change of`} ${name}: ${a.version || 'any'} → ${b.version || 'any'}${where}`,
        ...(line ? { line } : {}), reason: `${step} step`,
      });
    }
  }
  return hits;
}

/** Words a record may use for the dependency: the name, and its last part (`artifactId`, `go-redis`). */
function termsOf(name: string): string[] {
  const terms = [name];
  const colon = name.lastIndexOf(':');
  if (colon >= 0) terms.push(name.slice(colon + 1));
  else if (name.includes('/') && !name.startsWith('@')) terms.push(name.slice(name.lastIndexOf('/') + 1));
  return terms;
}

/** The 1-based line of the first mention of `name` as a whole word. */
export function lineOf(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const re = wordPattern(name.includes(':') ? name.slice(name.lastIndexOf(':') + 1) : name);
  const lines = text.split('\n');
  const i = lines.findIndex((l) => re.test(l));
  return i >= 0 ? i + 1 : undefined;
}

/** A case-insensitive pattern for `word` standing on its own (not inside a longer name). */
export function wordPattern(word: string): RegExp {
  return new RegExp(`(^|[^\\w@/.-])${word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?=$|[^\\w-]|[./](?!\\w))`, 'i');
}

export type { DependencyMap };
