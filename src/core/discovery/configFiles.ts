/**
 * Readers for the configuration files ADR tools leave in a repository. Each reader turns the file
 * text into the folders it names; malformed content throws a `ConfigError` whose message says what
 * is wrong (discovery reports it and carries on).
 */
import type { CollectionSource } from '../model';
import { readStatusVocabulary, type StatusVocabulary } from '../parse/vocabulary';
import { isInside, resolve } from '../paths';
import { lexicalNesting, MAX_DEPTH, yaml } from '../parse/frontMatter';

/** A folder a config file names, relative to the config file's folder (or absolute). */
export interface ConfiguredFolder {
  readonly folder: string;
  /** Display name (log4brains package name). */
  readonly name?: string;
  /** The collection's own status words (`statuses` in the config), on top of the built-in ones. */
  readonly statuses?: StatusVocabulary;
  /** What was wrong with the config that did not stop it being read (a bad `statuses` entry). */
  readonly warnings?: readonly string[];
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * The absolute folder that a config file in `dir` names, refused (a `ConfigError`) when it lies
 * outside `boundary` (the scanned root, or for `.adr-dir` its own folder): a repository's config
 * must not send `new` or `index` to `../../elsewhere` or `/etc`.
 */
export function configuredPath(dir: string, folder: string, boundary: string): string {
  const path = resolve(dir, folder);
  if (!isInside(boundary, path)) {
    throw new ConfigError(`names "${folder}", a folder outside ${boundary}: refused (name it with --collection to use it)`);
  }
  return path;
}

export interface ConfigFileKind {
  /** The file name looked for in every scanned folder. */
  readonly file: string;
  readonly source: CollectionSource;
  readonly read: (text: string) => ConfiguredFolder[];
}

/** adr-tools: the whole file is the folder (first line; adr-tools `cat`s it, so trailing newlines go). */
export function readAdrDir(text: string): ConfiguredFolder[] {
  const folder = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!.trim();
  if (!folder) throw new ConfigError('empty: it should hold the folder of the records, e.g. doc/adr');
  return [{ folder }];
}

/**
 * log4brains: `project.adrFolder` for the main log and `project.packages[].adrFolder` for each
 * package, named after the package.
 */
export function readLog4brains(text: string): ConfiguredFolder[] {
  // Bounded like front matter: nesting checked first (yaml is superlinear in it), aliases capped,
  // no warnings printed.
  if (lexicalNesting(text) > MAX_DEPTH) throw new ConfigError(`nested deeper than ${MAX_DEPTH} levels; not read`);
  let data: unknown;
  try {
    data = yaml().parse(text, { maxAliasCount: 50, logLevel: 'error', uniqueKeys: false });
  } catch (e) {
    throw new ConfigError(`malformed YAML: ${firstLine(e)}`);
  }
  const project = isObject(data) ? data['project'] : undefined;
  if (!isObject(project)) throw new ConfigError('no `project` section');
  const out: ConfiguredFolder[] = [];
  const main = project['adrFolder'];
  if (typeof main === 'string' && main.trim()) out.push({ folder: main.trim() });
  else if (main !== undefined) throw new ConfigError('`project.adrFolder` must be a folder path');
  const packages = project['packages'];
  if (packages !== undefined && packages !== null) {
    if (!Array.isArray(packages)) throw new ConfigError('`project.packages` must be a list');
    packages.forEach((p: unknown, i) => {
      const folder = isObject(p) ? p['adrFolder'] : undefined;
      if (typeof folder !== 'string' || !folder.trim()) {
        throw new ConfigError(`\`project.packages[${i}].adrFolder\` must be a folder path`);
      }
      const name = isObject(p) && typeof p['name'] === 'string' ? p['name'] : undefined;
      out.push(name ? { folder: folder.trim(), name } : { folder: folder.trim() });
    });
  }
  if (out.length === 0) throw new ConfigError('no `project.adrFolder`');
  return withStatuses(out, project['statuses']);
}

/** Keys naming the records folder in JSON configs: `path` is phodal/adr's `.adr.json` key. */
const JSON_KEYS = ['path', 'directory', 'adrDir', 'adr_dir', 'adrFolder'];

/** `adr.config.json` / `.adr.json`: `{"path": "docs/adr"}` (or `directory`, `adrDir`, ...). */
export function readAdrConfigJson(text: string): ConfiguredFolder[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError(`malformed JSON: ${firstLine(e)}`);
  }
  if (!isObject(data)) throw new ConfigError('expected a JSON object');
  for (const key of JSON_KEYS) {
    const v = data[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !v.trim()) throw new ConfigError(`\`${key}\` must be a folder path`);
    return withStatuses([{ folder: v.trim() }], data['statuses']);
  }
  throw new ConfigError(`no folder given (expected one of ${JSON_KEYS.map((k) => `"${k}"`).join(', ')})`);
}

/**
 * `adrs.toml` (the Rust `adrs` tool): `adr_dir = "doc/adr"` at the top level (or `path` /
 * `directory`, or the same keys in an `[adr]` table). Only `key = "string"` lines are read; a
 * file without such a key means the tool's default, `doc/adr`.
 */
export function readAdrsToml(text: string): ConfiguredFolder[] {
  const value = readKeyValues(text, ['', 'adr', 'adrs'], ['adr_dir', 'adr-dir', 'path', 'directory'], 'toml');
  return withStatuses([{ folder: value ?? 'doc/adr' }], tomlTable(text, 'statuses'));
}

/** pyadr's `.adr` (INI): `records-dir = docs/adr` in an `[adr]` section; pyadr's default is `docs/adr`. */
export function readPyadrIni(text: string): ConfiguredFolder[] {
  const value = readKeyValues(text, ['adr'], ['records-dir', 'records_dir'], 'ini');
  return [{ folder: value ?? 'docs/adr' }];
}

/**
 * ADR Workbench's own settings for the collections at and below its folder (a repository root or a
 * collection folder): `.adr-workbench.yml`. Today it holds the status vocabulary:
 *
 *     statuses:
 *       Living: accepted        # word → status
 *       Last Call: proposed
 *       rejected: [Withdrawn, Abandoned]   # or status → words
 */
export const WORKBENCH_CONFIG = '.adr-workbench.yml';

export interface WorkbenchConfig {
  readonly statuses?: StatusVocabulary;
  readonly warnings: readonly string[];
}

export function readWorkbenchConfig(text: string): WorkbenchConfig {
  let data: unknown;
  try {
    data = yaml().parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError(`malformed YAML: ${firstLine(e)}`);
  }
  if (data === null || data === undefined) return { warnings: [] };
  if (!isObject(data)) throw new ConfigError('expected a mapping of settings (`statuses:`)');
  const { vocabulary, problems } = readStatusVocabulary(data['statuses']);
  return { ...(Object.keys(vocabulary).length ? { statuses: vocabulary } : {}), warnings: problems };
}

function withStatuses(folders: ConfiguredFolder[], statuses: unknown): ConfiguredFolder[] {
  if (statuses === undefined || statuses === null) return folders;
  const { vocabulary, problems } = readStatusVocabulary(statuses);
  const extra = { ...(Object.keys(vocabulary).length ? { statuses: vocabulary } : {}), ...(problems.length ? { warnings: problems } : {}) };
  return folders.map((f) => ({ ...f, ...extra }));
}

/** The `key = "value"` pairs of one `[table]` of a TOML file (strings only), or undefined without it. */
function tomlTable(text: string, table: string): Record<string, unknown> | undefined {
  let inTable = false;
  let out: Record<string, unknown> | undefined;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    const header = /^\[\s*([^\]]*?)\s*\]$/.exec(line);
    if (header) {
      inTable = header[1]!.toLowerCase() === table;
      if (inTable) out ??= {};
      continue;
    }
    if (!inTable || !line || line.startsWith('#')) continue;
    const kv = /^(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|\[(.*)\])\s*(?:#.*)?$/.exec(line);
    if (!kv) continue;
    const key = kv[1] ?? kv[2] ?? kv[3]!;
    out![key] = kv[6] !== undefined ? [...kv[6].matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2]!) : (kv[4] ?? kv[5]!);
  }
  return out;
}

/** Every config file discovery reads, in the order their collections are reported. */
export const CONFIG_FILE_KINDS: readonly ConfigFileKind[] = [
  { file: '.adr-dir', source: '.adr-dir', read: readAdrDir },
  { file: '.log4brains.yml', source: '.log4brains.yml', read: readLog4brains },
  { file: 'adr.config.json', source: 'adr.config.json', read: readAdrConfigJson },
  { file: '.adr.json', source: 'adr.config.json', read: readAdrConfigJson },
  { file: 'adrs.toml', source: 'adrs.toml', read: readAdrsToml },
  { file: '.adr', source: '.adr', read: readPyadrIni },
];

/**
 * A line-oriented reader good enough for the one string setting we need from TOML and INI files.
 * Returns the first value of one of `keys` inside one of `sections` ('' = before any section).
 */
function readKeyValues(text: string, sections: string[], keys: string[], syntax: 'toml' | 'ini'): string | undefined {
  let section = '';
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\[?\s*([^\]]*?)\s*\]\]?$/.exec(line);
    if (header) {
      section = header[1]!.toLowerCase();
      continue;
    }
    const kv = /^([A-Za-z0-9_.-]+)\s*[=:]\s*(.*)$/.exec(line);
    // Other lines (multi-line arrays, INI continuations) hold nothing we need.
    if (!kv) continue;
    if (!sections.includes(section) || !keys.includes(kv[1]!.toLowerCase())) continue;
    const value = syntax === 'toml' ? tomlString(kv[2]!, i + 1) : kv[2]!.replace(/\s[#;].*$/, '').trim();
    if (!value) throw new ConfigError(`line ${i + 1}: \`${kv[1]}\` is empty`);
    return value;
  }
  return undefined;
}

function tomlString(raw: string, line: number): string {
  const m = /^(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*(?:#.*)?$/.exec(raw.trim());
  if (!m) throw new ConfigError(`line ${line}: expected a quoted string, found \`${raw.trim()}\``);
  return m[2] ?? m[1]!.replace(/\\(["\\/])/g, '$1');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}
