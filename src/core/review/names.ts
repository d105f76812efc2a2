/**
 * Names of dependencies as people write them. A dependency's coordinates (`commons-io:commons-io`,
 * `com.fasterxml.jackson.datatype:jackson-datatype-jsr310`, `@nestjs/core`,
 * `github.com/redis/go-redis`) give the forms a record may use: the name itself, the artifact as a
 * token sequence ("Commons IO", "Lucene query parser"), the group ("org.apache.commons.io") and the
 * project or family ("Jackson", "Lucene"). Text is compared token by token after normalisation
 * (case, separators, joined words: "queryparser" = "query parser", "JSR-310" = "jsr310"). Words that
 * name nothing in particular ("io", "core", "test", "json") never match on their own.
 */

/** Words too common to name a dependency on their own. */
export const GENERIC = new Set([
  // parts of many artifact names
  'io', 'core', 'test', 'tests', 'testing', 'api', 'apis', 'client', 'clients', 'server', 'common', 'commons', 'util', 'utils',
  'lib', 'libs', 'library', 'js', 'ts', 'node', 'nodejs', 'java', 'python', 'py', 'go', 'golang', 'rust', 'rs', 'sdk', 'plugin',
  'plugins', 'data', 'web', 'http', 'https', 'app', 'apps', 'model', 'models', 'types', 'type', 'starter', 'parent', 'bom',
  'annotation', 'annotations', 'runtime', 'engine', 'impl', 'module', 'modules', 'support', 'extension', 'extensions', 'ext',
  'tool', 'tools', 'cli', 'config', 'configuration', 'log', 'logs', 'logger', 'logging', 'service', 'services', 'base', 'main',
  'spec', 'framework', 'kit', 'toolkit', 'driver', 'native', 'jvm', 'android', 'std', 'json', 'xml', 'yaml', 'csv', 'html', 'css',
  'db', 'database', 'sql', 'cache', 'auth', 'security', 'net', 'mock', 'mocks', 'dev', 'build', 'shared', 'helpers', 'helper',
  'all', 'full', 'lite', 'mini', 'micro', 'simple', 'fast', 'async', 'sync', 'legacy', 'compat', 'bundle', 'bindings', 'wrapper',
  // English words a name may contain
  'the', 'a', 'an', 'and', 'or', 'of', 'for', 'to', 'in', 'on', 'with', 'by', 'at', 'as', 'is', 'it', 'we', 'use', 'using', 'new', 'not', 'no',
]);

/** Leading group segments that say nothing about the project (`org.apache.`, `com.`, `io.github.`). */
const GROUP_PREFIXES = new Set([
  'org', 'com', 'io', 'net', 'dev', 'me', 'de', 'fr', 'uk', 'co', 'edu', 'gov', 'info', 'biz', 'nl', 'ch', 'at', 'be', 'se', 'no',
  'jp', 'cn', 'ru', 'us', 'eu', 'apache', 'github', 'gitlab', 'googlecode', 'sourceforge', 'www',
]);

/** How a form names the dependency (for evidence: "names the project Jackson"). */
export type NameKind = 'name' | 'artifact' | 'group' | 'project';

export interface NameForm {
  readonly kind: NameKind;
  /** The tokens joined without separators: what a run of text tokens must spell. */
  readonly joined: string;
  /** As shown in evidence. */
  readonly label: string;
}

/** Lower-case runs of letters and digits. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * True when a token sequence can name something on its own: three letters or more with one
 * distinctive token ("redis", "lucene queryparser"), or several common words that together make a
 * name ("commons io", "core js": six letters or more).
 */
export function distinctive(parts: readonly string[]): boolean {
  const joined = parts.join('');
  if (joined.length < 3 || parts.every((t) => /^v?\d+$/.test(t))) return false;
  return parts.some((t) => !GENERIC.has(t) && !/^v?\d+$/.test(t)) || (parts.length > 1 && joined.length >= 6);
}

/**
 * The token runs of a line: words separated only by spaces, dots, hyphens, slashes or underscores
 * belong to one run; sentence punctuation (",", ";", ":", brackets, quotes, a full stop before a
 * space) ends it, so "the core. JS" never spells `core-js`.
 */
export function tokenRuns(line: string): string[][] {
  return line.split(/[,;:!?()[\]{}"“”'‘’`|*<>=]|\.(?=\s|$)|\s[-–—]+\s/).map(tokens).filter((r) => r.length > 0);
}

function form(kind: NameKind, parts: readonly string[], label: string): NameForm | undefined {
  return parts.length > 0 && distinctive(parts) ? { kind, joined: parts.join(''), label } : undefined;
}

/** The parts of a dependency name: group (Maven, npm scope, Go host/owner) and artifact. */
export function coordinates(name: string): { group: string[]; artifact: string } {
  const colon = name.indexOf(':');
  if (colon > 0) return { group: name.slice(0, colon).split('.'), artifact: name.slice(colon + 1).split(':')[0]! };
  if (name.startsWith('@') && name.includes('/')) return { group: [name.slice(1, name.indexOf('/'))], artifact: name.slice(name.indexOf('/') + 1) };
  const segs = name.split('/').filter((s) => !/^v\d+$/.test(s));
  if (segs.length > 1 && segs[0]!.includes('.')) {
    // Go: host/owner/repo[/sub]: the repository is the artifact, the owner the group.
    return { group: segs.slice(1, segs.length > 2 ? 2 : 1), artifact: segs.length > 2 ? segs[2]! : segs[1]! };
  }
  return { group: [], artifact: segs[segs.length - 1] ?? name };
}

/** `lang3` → `lang`, `jsr310` → `jsr`: the artifact as people say it without its version digits. */
function unversioned(parts: readonly string[]): string[] {
  return parts.map((t) => (/^[a-z]{3,}\d+$/.test(t) ? t.replace(/\d+$/, '') : t));
}

/** The forms a record may name a dependency by, most specific first. */
export function dependencyForms(name: string): NameForm[] {
  const { group, artifact } = coordinates(name);
  const art = tokens(artifact);
  const out: (NameForm | undefined)[] = [form('name', tokens(name), name), form('artifact', art, artifact)];
  const plain = unversioned(art);
  if (plain.join('') !== art.join('')) out.push(form('artifact', plain, artifact));
  if (group.length > 0) {
    const full = group.flatMap(tokens);
    if (full.length > 1) out.push(form('group', full, group.join('.')));
    const meaningful = group.filter((s, i) => !(GROUP_PREFIXES.has(s.toLowerCase()) && i < group.length - 1)).flatMap(tokens);
    // The project (family): a group word the artifact's name starts with (jackson, lucene, spring),
    // or a one-word npm scope / Go owner that the artifact names too.
    const first = art.find((t) => !GENERIC.has(t));
    for (const seg of new Set(meaningful)) {
      if (GENERIC.has(seg) || seg.length < 3) continue;
      const family = first !== undefined && (seg === first || (first.length >= 4 && seg.includes(first)));
      const scope = name.startsWith('@') && group.length === 1;
      if (family) out.push(form('project', [first], first.charAt(0).toUpperCase() + first.slice(1)));
      else if (scope) out.push(form('project', [seg], `@${group[0]}`));
    }
    if (name.startsWith('@') && tokens(group[0]!).length > 1) out.push(form('project', tokens(group[0]!), `@${group[0]}`));
  }
  const seen = new Set<string>();
  return out.filter((f): f is NameForm => f !== undefined && !seen.has(f.joined) && (seen.add(f.joined), true));
}

/** The forms of a plain phrase (an option, a kind): its tokens, when distinctive. */
export function phraseForms(phrase: string, kind: NameKind = 'name'): NameForm[] {
  const f = form(kind, tokens(phrase), phrase);
  return f ? [f] : [];
}

/** The most specific form that consecutive tokens of one run spell, at token boundaries. */
export function findForm(runs: readonly (readonly string[])[], forms: readonly NameForm[]): NameForm | undefined {
  if (forms.length === 0) return undefined;
  let rank = forms.length;
  const longest = Math.max(...forms.map((f) => f.joined.length));
  for (const run of runs) {
    for (let i = 0; i < run.length && rank > 0; i++) {
      let spelled = '';
      for (let j = i; j < run.length && spelled.length < longest; j++) {
        spelled += run[j]!;
        const k = forms.findIndex((f) => f.joined === spelled);
        if (k >= 0 && k < rank) rank = k;
      }
    }
  }
  return forms[rank];
}

/** The form of `forms` the text names, if any (see `findForm`). */
export function names(text: string, forms: readonly NameForm[]): NameForm | undefined {
  return findForm(tokenRuns(text), forms);
}
