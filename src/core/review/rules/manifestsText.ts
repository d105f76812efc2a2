/** Line-based manifests: `requirements*.txt`, `go.mod`, `Gemfile`, `build.gradle(.kts)`. Comments never count. */
import type { DependencyMap } from './versions';

/** PEP 503 name normalisation: `Foo_Bar.baz` → `foo-bar-baz`. */
export function pythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** A PEP 508 requirement (`requests[socks]>=2.31; python_version>"3.8"`) → name and version spec. */
export function pep508(req: string): { name: string; version: string } | undefined {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:\(([^)]*)\)|([^;@#]*))?/.exec(req);
  if (!m) return undefined;
  return { name: pythonName(m[1]!), version: (m[2] ?? m[3] ?? '').trim() };
}

/** `requirements*.txt`: one requirement a line; options (`-r`, `-e`, `--hash`) and URLs are skipped. */
export function parseRequirements(text: string, dev: boolean): DependencyMap {
  const out: DependencyMap = new Map();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line || line.startsWith('-') || /^[a-z+]+:\/\//i.test(line)) continue;
    const r = pep508(line);
    if (r) out.set(r.name, { name: r.name, version: r.version, dev });
  }
  return out;
}

/**
 * `go.mod`: `require` lines and blocks. `// indirect` requirements count as dev (not chosen directly).
 * A major version in the module path (`/v2`) is folded into the name's version, so v1 → v2 reads as
 * a major change, not a removal and an addition.
 */
export function parseGoMod(text: string): DependencyMap {
  const out: DependencyMap = new Map();
  // `replace example.com/x => ../x`: that requirement is a module of this repository.
  const local = new Set<string>();
  for (const m of text.matchAll(/^\s*(?:replace\s+)?([^\s()]+)(?:\s+v\S+)?\s+=>\s+(\.{1,2}\/\S*|\/\S*)\s*$/gm)) local.add(m[1]!.replace(/\/v\d+$/, ''));
  let inBlock = false;
  for (const raw of text.split('\n')) {
    const indirect = /\/\/\s*indirect\b/.test(raw);
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (inBlock) {
      if (line === ')') inBlock = false;
      else add(line);
      continue;
    }
    if (/^require\s*\($/.test(line)) inBlock = true;
    else if (line.startsWith('require ')) add(line.slice(8).trim());

    function add(spec: string): void {
      const [path = '', version = ''] = spec.split(/\s+/);
      if (!path) return;
      const major = /^(.*)\/v(\d+)$/.exec(path);
      const name = major && !/^gopkg\.in\//.test(path) ? major[1]! : path;
      out.set(name, { name, version, dev: indirect, ...(local.has(name) ? { internal: true } : {}) });
    }
  }
  return out;
}

/** `Gemfile`: `gem "name", "~> 1.2"`; gems inside a development/test group count as dev. */
export function parseGemfile(text: string): DependencyMap {
  const out: DependencyMap = new Map();
  const groups: boolean[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    const group = /^group\s+(.*?)\s+do\b/.exec(line);
    if (group) {
      groups.push(!/:(?:default|production)\b/.test(group[1]!) && /:(?:development|test|dev|ci|lint)\b/.test(group[1]!));
      continue;
    }
    if (/^(?:platforms?|source|git|path|install_if)\b.*\bdo\b/.test(line)) {
      groups.push(groups[groups.length - 1] ?? false);
      continue;
    }
    if (line === 'end') {
      groups.pop();
      continue;
    }
    const gem = /^gem\s*\(?\s*["']([^"']+)["']\s*(?:,\s*["']([^"']+)["'])?(.*)$/.exec(line);
    if (!gem) continue;
    const inlineDev = /group:\s*(?:\[[^\]]*)?:(?:development|test)\b/.test(gem[3] ?? '');
    out.set(gem[1]!, { name: gem[1]!, version: gem[2] ?? '', dev: (groups[groups.length - 1] ?? false) || inlineDev });
  }
  return out;
}

const GRADLE_CONFIGS = /^(implementation|api|compileOnly|runtimeOnly|compile|runtime|annotationProcessor|kapt|ksp|testImplementation|testCompileOnly|testRuntimeOnly|testCompile|androidTestImplementation|debugImplementation|releaseImplementation|testFixturesImplementation|developmentOnly|platform|classpath)$/;

/** `build.gradle` / `build.gradle.kts`: `implementation("g:a:v")`, `api 'g:a:v'`, map notation. */
export function parseGradle(text: string): DependencyMap {
  const out: DependencyMap = new Map();
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/.*$/gm, '');
  const re = /\b([A-Za-z]+)\s*\(?\s*(?:platform\s*\(\s*)?["']([^"':\s]+):([^"':\s]+)(?::([^"'\s]+))?["']/g;
  for (const m of code.matchAll(re)) add(m[1]!, m[2]!, m[3]!, m[4] ?? '');
  const map = /\b([A-Za-z]+)\s*\(?\s*group\s*[:=]\s*["']([^"']+)["']\s*,\s*name\s*[:=]\s*["']([^"']+)["'](?:\s*,\s*version\s*[:=]\s*["']([^"']+)["'])?/g;
  for (const m of code.matchAll(map)) add(m[1]!, m[2]!, m[3]!, m[4] ?? '');
  return out;

  function add(config: string, group: string, artifact: string, version: string): void {
    if (!GRADLE_CONFIGS.test(config)) return;
    const name = `${group}:${artifact}`;
    const dev = /^(test|androidTest|debug|testFixtures|kapt|ksp|annotationProcessor|compileOnly|developmentOnly|classpath)/.test(config);
    out.set(name, { name, version, dev });
  }
}
