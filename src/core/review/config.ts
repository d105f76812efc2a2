/**
 * `.adr-review.yml`: the team's review settings, committed at the repository root. Every key is
 * optional; a missing file means the defaults. Schema (see also README):
 *
 * ```yaml
 * rules:                  # per rule id: error | warning | info | off
 *   ci-pipeline: off
 * dependencies:
 *   dev: false            # count dev/test/build dependency changes (default false)
 *   versions: major       # smallest version step that counts: major | minor | patch (default major)
 * structure:
 *   containers: [packages, services, apps]   # folders whose sub-folders are modules (replaces the default list)
 *   ignore: [tools]       # top-level folders that are never modules (added to the default list)
 * ignore: ["examples/**"] # paths no rule looks at
 * custom:                 # the team's own decision-shaped changes
 *   - id: message-queue   # reported as custom/message-queue
 *     paths: ["src/**\/*.ts"]
 *     added: "new (Kafka|SQS)Client\\("   # optional: a regular expression an added line must match
 *     message: A new message queue client
 *     severity: warning   # default warning
 *     title: Message queues   # optional
 *     rationale: …            # optional
 * acknowledged:           # changes marked "not architectural", with a reason
 *   - rule: dependency-added
 *     path: package.json
 *     subject: left-pad   # optional: any subject when absent
 *     reason: A tiny helper, not a decision
 *     by: Jane Doe
 *     date: 2026-11-24
 * ```
 */
import { compileSafe, type SafePattern } from '../safeRegex';
import { LineCounter, parseDocument } from 'yaml';
import type { Severity } from '../model';

/** Where the settings live, relative to the repository root (the first that exists wins). */
export const CONFIG_FILES = ['.adr-review.yml', '.adr-review.yaml'] as const;

/** A team rule from the `custom:` list. */
export interface CustomRule {
  readonly id: string;
  readonly title: string;
  readonly paths: readonly string[];
  /** Run on RE2 (linear time): the pattern comes from the repository. */
  readonly added?: SafePattern;
  readonly message: string;
  readonly severity: Severity;
  readonly rationale: string;
}

/** An `acknowledged:` entry. */
export interface AckEntry {
  readonly rule: string;
  readonly path: string;
  readonly subject?: string;
  readonly reason: string;
  readonly by?: string;
  readonly date?: string;
  /** 1-based line of the entry in the file. */
  readonly line: number;
}

export interface ReviewConfig {
  /** The file it was read from (repository-relative), if any. */
  readonly file: string | undefined;
  readonly rules: ReadonlyMap<string, Severity | 'off'>;
  readonly dev: boolean;
  readonly versions: 'major' | 'minor' | 'patch';
  readonly containers: readonly string[];
  readonly nonModules: readonly string[];
  readonly ignore: readonly string[];
  readonly custom: readonly CustomRule[];
  readonly acknowledged: readonly AckEntry[];
  /** What could not be read, one line each. */
  readonly problems: readonly string[];
  /** Changes whenever a setting that affects rule results does (a cache key). */
  readonly key: string;
}

export const DEFAULT_CONTAINERS = ['packages', 'services', 'apps', 'modules', 'libs', 'crates', 'components', 'plugins', 'cmd', 'microservices'];
export const DEFAULT_NON_MODULES = [
  'docs', 'doc', 'documentation', 'test', 'tests', 'spec', 'specs', 'e2e', 'examples', 'example', 'samples', 'sample',
  'fixtures', 'testdata', 'scripts', 'bench', 'benchmark', 'benchmarks', 'assets', 'static', 'public', 'media', 'images',
  'img', 'node_modules', 'dist', 'build', 'out', 'target', 'bin', 'obj', 'vendor', 'third_party', 'tmp', 'coverage',
];

const SEVERITIES = ['error', 'warning', 'info'];

/** The settings from the file's text (undefined: no file). Never throws: problems are listed. */
export function parseConfig(text: string | undefined, file?: string): ReviewConfig {
  const problems: string[] = [];
  let data: Record<string, unknown> = {};
  const counter = new LineCounter();
  let ackLines: number[] = [];
  if (text !== undefined) {
    const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
    for (const e of doc.errors) problems.push(`${file ?? CONFIG_FILES[0]}: ${e.message.split('\n')[0]}`);
    const js: unknown = doc.errors.length ? undefined : doc.toJS();
    if (js !== undefined && js !== null && (typeof js !== 'object' || Array.isArray(js))) problems.push(`${file}: expected a mapping at the top`);
    else if (js) data = js as Record<string, unknown>;
    const acks = doc.get('acknowledged', true) as { items?: { range?: [number, number, number] }[] } | undefined;
    ackLines = (acks?.items ?? []).map((n) => (n.range ? counter.linePos(n.range[0]).line : 0));
  }
  const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const strList = (v: unknown, where: string): string[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      problems.push(`${where}: expected a list of strings`);
      return [];
    }
    return v as string[];
  };

  const rules = new Map<string, Severity | 'off'>();
  for (const [id, v] of Object.entries(obj(data.rules))) {
    const s = v === false ? 'off' : String(v);
    if (s === 'off' || SEVERITIES.includes(s)) rules.set(id, s as Severity | 'off');
    else problems.push(`rules.${id}: expected error, warning, info or off, not "${s}"`);
  }
  const deps = obj(data.dependencies);
  const versions = deps.versions === undefined ? 'major' : String(deps.versions);
  if (!['major', 'minor', 'patch'].includes(versions)) problems.push(`dependencies.versions: expected major, minor or patch, not "${versions}"`);
  const structure = obj(data.structure);
  const containers = structure.containers === undefined ? DEFAULT_CONTAINERS : strList(structure.containers, 'structure.containers');

  const custom: CustomRule[] = [];
  (Array.isArray(data.custom) ? data.custom : []).forEach((raw: unknown, i: number) => {
    const c = obj(raw);
    const where = `custom[${i}]`;
    const id = typeof c.id === 'string' && /^[\w.-]+$/.test(c.id) ? c.id : undefined;
    const paths = strList(c.paths, `${where}.paths`);
    if (!id) return problems.push(`${where}.id: expected a name of letters, digits, ".", "_" or "-"`);
    if (paths.length === 0) return problems.push(`${where}.paths: expected at least one glob`);
    let added: SafePattern | undefined;
    if (c.added !== undefined) {
      try {
        added = compileSafe(String(c.added));
      } catch (e) {
        return problems.push(`${where}.added: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const severity = c.severity === undefined ? 'warning' : String(c.severity);
    if (!SEVERITIES.includes(severity)) return problems.push(`${where}.severity: expected error, warning or info`);
    const title = typeof c.title === 'string' ? c.title : id;
    custom.push({
      id, title, paths, ...(added ? { added } : {}), severity: severity as Severity,
      message: typeof c.message === 'string' ? c.message : `${title}: needs a decision record`,
      rationale: typeof c.rationale === 'string' ? c.rationale : 'A change the team decided to record decisions for.',
    });
    return undefined;
  });

  const acknowledged: AckEntry[] = [];
  (Array.isArray(data.acknowledged) ? data.acknowledged : []).forEach((raw: unknown, i: number) => {
    const a = obj(raw);
    if (typeof a.rule !== 'string' || typeof a.path !== 'string' || typeof a.reason !== 'string' || !a.reason.trim()) {
      problems.push(`acknowledged[${i}]: needs rule, path and a reason`);
      return;
    }
    acknowledged.push({
      rule: a.rule, path: a.path, reason: a.reason, line: ackLines[i] ?? 0,
      ...(a.subject !== undefined && a.subject !== null && a.subject !== '' ? { subject: String(a.subject) } : {}),
      ...(a.by !== undefined ? { by: String(a.by) } : {}),
      ...(a.date !== undefined ? { date: a.date instanceof Date ? a.date.toISOString().slice(0, 10) : String(a.date) } : {}),
    });
  });

  const config = {
    file: text === undefined ? undefined : file ?? CONFIG_FILES[0],
    rules,
    dev: deps.dev === true,
    versions: (['major', 'minor', 'patch'].includes(versions) ? versions : 'major') as ReviewConfig['versions'],
    containers,
    nonModules: [...DEFAULT_NON_MODULES, ...strList(structure.ignore, 'structure.ignore')],
    ignore: strList(data.ignore, 'ignore'),
    custom,
    acknowledged,
    problems,
  };
  const key = JSON.stringify([[...rules], config.dev, config.versions, containers, config.nonModules, config.ignore, custom.map((c) => [c.id, c.paths, c.added?.source, c.severity, c.message])]);
  return { ...config, key };
}
