/**
 * Modules at any depth: which files make a folder a module of its own (a build manifest), which
 * folders are test-only, and the module lists of multi-module builds — Maven `<modules>`, Gradle
 * `include(...)` in settings.gradle(.kts), npm/Yarn `workspaces`, pnpm-workspace.yaml `packages`,
 * Cargo `[workspace] members`, go.work `use` — read so that a list change can be compared entry by entry.
 */
import { parse as parseToml } from 'smol-toml';
import { parseDocument } from 'yaml';
import { lexicalNesting, MAX_DEPTH } from '../../parse/frontMatter';
import { basename, dirname } from '../../paths';
import type { ReviewConfig } from '../config';

/** A file that gives its folder a build of its own (`package.json` only inside a workspace). */
export const BUILD_MANIFEST = /^(pom\.xml|build\.gradle|build\.gradle\.kts|go\.mod|Cargo\.toml|pyproject\.toml|[^/]+\.csproj|[^/]+\.fsproj|package\.json)$/;

/** True when the file's name is a build manifest (`package.json` included; see `isModuleManifest`). */
export function isBuildManifest(path: string): boolean {
  return BUILD_MANIFEST.test(basename(path));
}

/** Folder names of test-only modules: `integration-tests`, `e2e`, `foo-it`, `testkit`, `benchmarks`, `examples`. */
const TEST_MODULE = /(^|[-_.])(tests?|it|e2e|integration[-_]?tests?|acceptance[-_]?tests?|functional[-_]?tests?|testing|testkit|test[-_]?utils?|test[-_]?support|fixtures?|benchmarks?|bench|jmh|perf|examples?|samples?|demos?)$|^(tests?|testing|e2e|it)[-_]/i;

/**
 * True when the folder is not a product module: a test, benchmark or example module by its name,
 * or inside a folder that is never a module (docs, tests, examples, tooling, dot folders).
 */
export function isTestOnlyFolder(folder: string, config: Pick<ReviewConfig, 'nonModules'>): boolean {
  if (folder === '.' || folder === '') return false;
  const segs = folder.split('/');
  if (segs.some((s) => s.startsWith('.') || config.nonModules.includes(s))) return true;
  return segs.some((s) => TEST_MODULE.test(s));
}

/** True when a folder (at any depth) is named like a test, benchmark or example module. */
export function isTestModuleFolder(folder: string): boolean {
  return folder !== '.' && folder !== '' && folder.split('/').some((s) => TEST_MODULE.test(s));
}

/** One entry of a module list: the folder (repository-relative; may be a glob) and the text as written. */
export interface ModuleEntry {
  readonly folder: string;
  readonly raw: string;
}

/** The module-list files this module reads. */
export function isModuleList(path: string): boolean {
  const name = basename(path);
  return name === 'pom.xml' || name === 'settings.gradle' || name === 'settings.gradle.kts' || name === 'package.json' || name === 'Cargo.toml'
    || name === 'go.work' || name === 'pnpm-workspace.yaml';
}

/** A folder relative to the list file's folder, made repository-relative (`./a`, `../b` resolved). */
function resolve(base: string, entry: string): string | undefined {
  const parts = base === '.' || base === '' ? [] : base.split('/');
  for (const seg of entry.trim().replace(/\\/g, '/').replace(/\/+$/, '').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.length ? parts.join('/') : undefined;
}

/** The modules a list file names; undefined when it cannot be read (then nothing is compared). */
export function moduleList(path: string, text: string): ModuleEntry[] | undefined {
  const name = basename(path);
  const base = dirname(path);
  const raw = rawEntries(name, text);
  if (!raw) return undefined;
  const out: ModuleEntry[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    const folder = resolve(base, r);
    if (folder && !seen.has(folder)) {
      seen.add(folder);
      out.push({ folder, raw: r });
    }
  }
  return out;
}

function rawEntries(name: string, text: string): string[] | undefined {
  switch (name) {
    case 'pom.xml': {
      const src = cut(text, '<!--', '-->');
      if (!/<project[\s>]/.test(src)) return undefined;
      const out: string[] = [];
      for (const block of between(src, '<modules>', '</modules>')) {
        for (const m of between(block, '<module>', '</module>')) if (m.trim() && !m.includes('<')) out.push(m.trim());
      }
      return out;
    }
    case 'settings.gradle':
    case 'settings.gradle.kts': {
      const code = cut(text, '/*', '*/').replace(/\/\/[^\n]*/g, '');
      const out: string[] = [];
      for (const m of code.matchAll(/\binclude\s*\(?([^\n)]*)/g)) {
        for (const s of m[1]!.matchAll(/["']([^"'\s]+)["']/g)) out.push(s[1]!.replace(/^:/, '').replace(/:/g, '/'));
      }
      return out;
    }
    case 'package.json': {
      let pkg: unknown;
      try {
        pkg = JSON.parse(text);
      } catch {
        return undefined;
      }
      if (typeof pkg !== 'object' || pkg === null) return undefined;
      const ws = (pkg as { workspaces?: unknown }).workspaces;
      const list = Array.isArray(ws) ? ws : typeof ws === 'object' && ws !== null ? (ws as { packages?: unknown }).packages : undefined;
      return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
    }
    case 'Cargo.toml': {
      let doc: unknown;
      try {
        doc = parseToml(text);
      } catch {
        return undefined;
      }
      const members = (doc as { workspace?: { members?: unknown } }).workspace?.members;
      return Array.isArray(members) ? members.filter((x): x is string => typeof x === 'string') : [];
    }
    case 'go.work': {
      const out: string[] = [];
      let block = false;
      for (const rawLine of text.split('\n')) {
        const line = rawLine.replace(/\/\/.*$/, '').trim();
        if (block) {
          if (line === ')') block = false;
          else if (line) out.push(line.replace(/^"|"$/g, ''));
        } else if (/^use\s*\($/.test(line)) block = true;
        else if (/^use\s+\S/.test(line)) out.push(line.slice(3).trim().replace(/^"|"$/g, ''));
      }
      return out;
    }
    case 'pnpm-workspace.yaml': {
      if (lexicalNesting(text) > MAX_DEPTH) return undefined;
      try {
        const doc = parseDocument(text, { uniqueKeys: false, logLevel: 'error', prettyErrors: false });
        if (doc.errors.length) return undefined;
        const js = doc.toJS({ maxAliasCount: 50 }) as { packages?: unknown } | null;
        return Array.isArray(js?.packages) ? js!.packages.filter((x): x is string => typeof x === 'string' && !x.startsWith('!')) : [];
      } catch {
        return undefined;
      }
    }
    default:
      return undefined;
  }
}

/** The 1-based line of an entry as written in the list file. */
export function entryLine(text: string, raw: string): number | undefined {
  const lines = text.split('\n');
  const gradle = `:${raw.replace(/\//g, ':')}`;
  const i = lines.findIndex((l) => l.includes(`>${raw}<`) || l.includes(`"${raw}"`) || l.includes(`'${raw}'`) || l.includes(`"${gradle}"`) || l.includes(`'${gradle}'`) || l.trim() === raw || l.trim() === `use ${raw}`);
  return i >= 0 ? i + 1 : undefined;
}

/** The text with every `open … close` span removed (an unclosed one runs to the end). Linear. */
function cut(text: string, open: string, close: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const a = text.indexOf(open, from);
    if (a < 0) return out + text.slice(from);
    out += `${text.slice(from, a)} `;
    const b = text.indexOf(close, a + open.length);
    if (b < 0) return out;
    from = b + close.length;
  }
}

/** The texts between each `open` and the next `close`. Linear. */
function between(text: string, open: string, close: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const a = text.indexOf(open, from);
    if (a < 0) return out;
    const b = text.indexOf(close, a + open.length);
    if (b < 0) return out;
    out.push(text.slice(a + open.length, b));
    from = b + close.length;
  }
}
