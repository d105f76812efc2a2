/**
 * Comment syntax per language: which tokens open line and block comments, and which string
 * delimiters to skip so that `"// ADR-7"` in a string is not taken for a comment. Looked up by
 * VS Code language id (`syntaxForLanguageId`) or by file name (`syntaxForPath`).
 */
import { basename, extname } from '../paths';

/** A string literal form the comment lexer skips. */
export interface StringRule {
  readonly open: string;
  readonly close: string;
  /** Escape character inside the string (`\`, or `` ` `` in PowerShell). */
  readonly escape?: string;
  /** A doubled closing delimiter stands for itself (SQL `'it''s'`, C# `@"a""b"`). */
  readonly doubled?: boolean;
  /** May span lines; otherwise the line break ends an unterminated string. */
  readonly multiline?: boolean;
  /**
   * Opens a string only after a non-word character (or one of `prefixes`), so `don't` and
   * C++ `1'000` do not start a string.
   */
  readonly boundary?: boolean;
  /** Word prefixes allowed right before the quote (Python `f'…'`, `rb'…'`), lower case. */
  readonly prefixes?: readonly string[];
  /** The literal must close within this many characters, else the quote is plain text (Rust `'a` lifetimes). */
  readonly maxLength?: number;
  /** When it starts a line (after indentation) it is documentation and searched like a comment (Python docstrings). */
  readonly docAtLineStart?: boolean;
}

/** A block comment form. */
export interface BlockRule {
  readonly open: string;
  readonly close: string;
  /** Only at the start of a line (Ruby `=begin` … `=end`). */
  readonly atLineStart?: boolean;
}

/** How comments and strings are written in one language. */
export interface CommentSyntax {
  /** A language id (VS Code's where there is one). */
  readonly id: string;
  readonly line: readonly string[];
  readonly block: readonly BlockRule[];
  /** Block comments nest (Rust, Swift, Haskell, OCaml). */
  readonly nested?: boolean;
  readonly strings: readonly StringRule[];
  /** A line comment opens only at the start of a line or after white space (shell `#`, YAML). */
  readonly lineNeedsSpace?: boolean;
  /** Prose (Markdown): everything is searched except fenced code blocks and code spans. */
  readonly prose?: boolean;
}

// ---- building blocks

const DQ: StringRule = { open: '"', close: '"', escape: '\\' };
const SQ: StringRule = { open: "'", close: "'", escape: '\\', boundary: true };
const BT: StringRule = { open: '`', close: '`', escape: '\\', multiline: true };
const TDQ: StringRule = { open: '"""', close: '"""', escape: '\\', multiline: true };
const TSQ: StringRule = { open: "'''", close: "'''", escape: '\\', multiline: true };
const CHAR: StringRule = { open: "'", close: "'", escape: '\\', maxLength: 10 };
const SQL_SQ: StringRule = { open: "'", close: "'", doubled: true, multiline: true };
const C_BLOCK: BlockRule = { open: '/*', close: '*/' };
const HTML_BLOCK: BlockRule = { open: '<!--', close: '-->' };
const PY_PREFIXES = ['r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf', 't'];

const cLike = (id: string, extra: Partial<CommentSyntax> = {}): CommentSyntax => ({ id, line: ['//'], block: [C_BLOCK], strings: [DQ, SQ], ...extra });
const hashLike = (id: string, extra: Partial<CommentSyntax> = {}): CommentSyntax => ({ id, line: ['#'], block: [], strings: [DQ, SQ], lineNeedsSpace: true, ...extra });

/** Every built-in syntax, by id. */
export const LANGUAGES: Readonly<Record<string, CommentSyntax>> = Object.fromEntries([
  cLike('c'), cLike('cpp'), cLike('objective-c'), cLike('objective-cpp'), cLike('cuda-cpp'),
  cLike('csharp', { strings: [{ open: '"""', close: '"""', multiline: true }, { open: '@"', close: '"', doubled: true, multiline: true }, DQ, SQ] }),
  cLike('java', { strings: [TDQ, DQ, SQ] }),
  cLike('javascript', { strings: [DQ, SQ, BT] }), cLike('typescript', { strings: [DQ, SQ, BT] }),
  cLike('javascriptreact', { strings: [DQ, SQ, BT] }), cLike('typescriptreact', { strings: [DQ, SQ, BT] }),
  cLike('go', { strings: [DQ, CHAR, { open: '`', close: '`', multiline: true }] }),
  cLike('rust', { nested: true, strings: [{ open: 'r#"', close: '"#', multiline: true }, { ...DQ, multiline: true }, CHAR] }),
  cLike('swift', { nested: true, strings: [TDQ, DQ] }),
  cLike('kotlin', { strings: [TDQ, DQ, CHAR] }), cLike('scala', { strings: [TDQ, DQ, CHAR] }),
  cLike('groovy', { strings: [TDQ, TSQ, DQ, SQ] }), cLike('dart', { strings: [TDQ, TSQ, DQ, SQ] }),
  cLike('php', { line: ['//', '#'], strings: [DQ, SQ] }),
  cLike('css', { line: [] }), cLike('scss'), cLike('less'),
  cLike('proto', { strings: [DQ, SQ] }), cLike('zig', { block: [], strings: [DQ, CHAR] }),
  cLike('solidity'), cLike('verilog'), cLike('jsonc', { strings: [DQ] }), cLike('hlsl'), cLike('glsl'),
  cLike('fsharp', { nested: true, block: [{ open: '(*', close: '*)' }], strings: [TDQ, DQ, CHAR] }),
  { id: 'ocaml', line: [], block: [{ open: '(*', close: '*)' }], nested: true, strings: [DQ, CHAR] },
  hashLike('python', { strings: [
    { ...TDQ, prefixes: PY_PREFIXES, boundary: true, docAtLineStart: true }, { ...TSQ, prefixes: PY_PREFIXES, boundary: true, docAtLineStart: true },
    { ...DQ, prefixes: PY_PREFIXES, boundary: true }, { ...SQ, prefixes: PY_PREFIXES },
  ] }),
  hashLike('starlark', { strings: [TDQ, TSQ, DQ, SQ] }),
  hashLike('ruby', { block: [{ open: '=begin', close: '=end', atLineStart: true }] }),
  hashLike('perl', { block: [{ open: '=pod', close: '=cut', atLineStart: true }, { open: '=head', close: '=cut', atLineStart: true }] }),
  hashLike('shellscript', { strings: [DQ, { open: "'", close: "'", boundary: true, multiline: true }] }),
  hashLike('dockerfile'), hashLike('makefile'), hashLike('r'), hashLike('elixir', { strings: [TDQ, DQ, SQ] }),
  hashLike('powershell', { block: [{ open: '<#', close: '#>' }], strings: [{ open: '"', close: '"', escape: '`', multiline: true }, { open: "'", close: "'", doubled: true, boundary: true, multiline: true }] }),
  hashLike('yaml', { strings: [{ open: '"', close: '"', escape: '\\', boundary: true }, { open: "'", close: "'", doubled: true, boundary: true }] }),
  hashLike('toml', { strings: [TDQ, TSQ, DQ, { open: "'", close: "'", boundary: true }] }),
  hashLike('ini', { line: ['#', ';'], strings: [] }), hashLike('properties', { line: ['#', '!'], strings: [] }),
  hashLike('cmake', { block: [{ open: '#[[', close: ']]' }], strings: [DQ] }),
  hashLike('terraform', { line: ['#', '//'], block: [C_BLOCK], strings: [DQ], lineNeedsSpace: false }),
  hashLike('nix', { block: [C_BLOCK], strings: [{ open: "''", close: "''", multiline: true }, DQ] }),
  hashLike('julia', { block: [{ open: '#=', close: '=#' }], nested: true, strings: [TDQ, DQ, CHAR] }),
  hashLike('graphql', { strings: [TDQ, DQ] }), hashLike('coffeescript', { block: [{ open: '###', close: '###' }] }),
  hashLike('gitignore', { strings: [] }), hashLike('nim', { block: [{ open: '#[', close: ']#' }], nested: true, strings: [TDQ, DQ, CHAR] }),
  { id: 'sql', line: ['--'], block: [C_BLOCK], strings: [SQL_SQ, { open: '"', close: '"', doubled: true }] },
  { id: 'lua', line: ['--'], block: [{ open: '--[[', close: ']]' }], strings: [{ open: '[[', close: ']]', multiline: true }, DQ, SQ] },
  { id: 'haskell', line: ['--'], block: [{ open: '{-', close: '-}' }], nested: true, strings: [DQ, CHAR] },
  { id: 'elm', line: ['--'], block: [{ open: '{-', close: '-}' }], nested: true, strings: [TDQ, DQ, CHAR] },
  { id: 'ada', line: ['--'], block: [], strings: [{ open: '"', close: '"', doubled: true }] },
  { id: 'erlang', line: ['%'], block: [], strings: [DQ] }, { id: 'latex', line: ['%'], block: [], strings: [] },
  { id: 'matlab', line: ['%'], block: [{ open: '%{', close: '%}' }], strings: [DQ, SQ] },
  { id: 'clojure', line: [';'], block: [], strings: [{ ...DQ, multiline: true }] },
  { id: 'lisp', line: [';'], block: [{ open: '#|', close: '|#' }], nested: true, strings: [{ ...DQ, multiline: true }] },
  { id: 'bat', line: ['::', 'REM ', 'rem '], block: [], strings: [DQ] },
  { id: 'vb', line: ["'"], block: [], strings: [{ open: '"', close: '"', doubled: true }] },
  { id: 'fortran', line: ['!'], block: [], strings: [DQ, SQ] },
  { id: 'html', line: [], block: [HTML_BLOCK], strings: [] }, { id: 'xml', line: [], block: [HTML_BLOCK], strings: [] },
  { id: 'vue', line: ['//'], block: [HTML_BLOCK, C_BLOCK], strings: [] }, { id: 'svelte', line: ['//'], block: [HTML_BLOCK, C_BLOCK], strings: [] },
  { id: 'markdown', line: [], block: [], strings: [], prose: true }, { id: 'mdx', line: [], block: [], strings: [], prose: true },
  { id: 'restructuredtext', line: [], block: [], strings: [], prose: true }, { id: 'asciidoc', line: [], block: [], strings: [], prose: true },
].map((s) => [s.id, s]));

/** File extensions (lower case, with the dot) → language id. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  '.c': 'c', '.h': 'c', '.cc': 'cpp', '.cpp': 'cpp', '.cxx': 'cpp', '.hpp': 'cpp', '.hh': 'cpp', '.hxx': 'cpp', '.ino': 'cpp',
  '.m': 'objective-c', '.mm': 'objective-cpp', '.cu': 'cuda-cpp', '.cs': 'csharp', '.java': 'java',
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascriptreact',
  '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'typescriptreact',
  '.go': 'go', '.rs': 'rust', '.swift': 'swift', '.kt': 'kotlin', '.kts': 'kotlin', '.scala': 'scala', '.sc': 'scala',
  '.groovy': 'groovy', '.gradle': 'groovy', '.dart': 'dart', '.php': 'php',
  '.css': 'css', '.scss': 'scss', '.less': 'less', '.proto': 'proto', '.zig': 'zig', '.sol': 'solidity',
  '.v': 'verilog', '.sv': 'verilog', '.jsonc': 'jsonc', '.json5': 'jsonc', '.hlsl': 'hlsl', '.glsl': 'glsl',
  '.fs': 'fsharp', '.fsx': 'fsharp', '.fsi': 'fsharp', '.ml': 'ocaml', '.mli': 'ocaml',
  '.py': 'python', '.pyi': 'python', '.pyw': 'python', '.bzl': 'starlark', '.star': 'starlark',
  '.rb': 'ruby', '.rake': 'ruby', '.gemspec': 'ruby', '.pl': 'perl', '.pm': 'perl',
  '.sh': 'shellscript', '.bash': 'shellscript', '.zsh': 'shellscript', '.ksh': 'shellscript', '.fish': 'shellscript',
  '.dockerfile': 'dockerfile', '.mk': 'makefile', '.r': 'r', '.ex': 'elixir', '.exs': 'elixir',
  '.ps1': 'powershell', '.psm1': 'powershell', '.yml': 'yaml', '.yaml': 'yaml', '.toml': 'toml',
  '.ini': 'ini', '.cfg': 'ini', '.conf': 'ini', '.properties': 'properties', '.cmake': 'cmake',
  '.tf': 'terraform', '.tfvars': 'terraform', '.hcl': 'terraform', '.nix': 'nix', '.jl': 'julia',
  '.graphql': 'graphql', '.gql': 'graphql', '.coffee': 'coffeescript', '.nim': 'nim',
  '.sql': 'sql', '.lua': 'lua', '.hs': 'haskell', '.elm': 'elm', '.adb': 'ada', '.ads': 'ada',
  '.erl': 'erlang', '.hrl': 'erlang', '.tex': 'latex', '.clj': 'clojure', '.cljs': 'clojure', '.cljc': 'clojure', '.edn': 'clojure',
  '.lisp': 'lisp', '.el': 'lisp', '.scm': 'lisp', '.rkt': 'lisp', '.bat': 'bat', '.cmd': 'bat',
  '.vb': 'vb', '.vbs': 'vb', '.f90': 'fortran', '.f95': 'fortran', '.f03': 'fortran',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.xml': 'xml', '.xsd': 'xml', '.xsl': 'xml', '.svg': 'xml',
  '.csproj': 'xml', '.props': 'xml', '.targets': 'xml', '.plist': 'xml', '.vue': 'vue', '.svelte': 'svelte',
  '.md': 'markdown', '.markdown': 'markdown', '.mdx': 'mdx', '.rst': 'restructuredtext', '.adoc': 'asciidoc',
};

/** Whole file names (lower case) → language id. */
const FILE_NAMES: Readonly<Record<string, string>> = {
  dockerfile: 'dockerfile', containerfile: 'dockerfile', makefile: 'makefile', gnumakefile: 'makefile',
  'cmakelists.txt': 'cmake', jenkinsfile: 'groovy', vagrantfile: 'ruby', rakefile: 'ruby', gemfile: 'ruby',
  podfile: 'ruby', build: 'starlark', 'build.bazel': 'starlark', workspace: 'starlark', 'module.bazel': 'starlark',
  '.gitignore': 'gitignore', '.dockerignore': 'gitignore', '.bashrc': 'shellscript', '.zshrc': 'shellscript',
  '.profile': 'shellscript', '.env': 'properties', '.editorconfig': 'ini',
};

/** Extra mappings a user configured: extension (`.foo`) or file name → language id. */
export type LanguageMap = Readonly<Record<string, string>>;

/** The syntax for a VS Code language id (aliases such as `bash` → shell included), or undefined. */
export function syntaxForLanguageId(id: string): CommentSyntax | undefined {
  return LANGUAGES[ALIASES[id] ?? id];
}

const ALIASES: Readonly<Record<string, string>> = {
  bash: 'shellscript', sh: 'shellscript', zsh: 'shellscript', shell: 'shellscript', 'docker': 'dockerfile', hcl: 'terraform',
  tf: 'terraform', 'terraform-vars': 'terraform', json: 'jsonc', objc: 'objective-c', 'c#': 'csharp', 'f#': 'fsharp',
  js: 'javascript', ts: 'typescript', py: 'python', rb: 'ruby', yml: 'yaml', 'jsx': 'javascriptreact', 'tsx': 'typescriptreact',
  bazel: 'starlark', scheme: 'lisp', racket: 'lisp', 'emacs-lisp': 'lisp', plsql: 'sql', postgres: 'sql', mysql: 'sql',
  'pip-requirements': 'properties', dotenv: 'properties', 'ignore': 'gitignore', 'vue-html': 'html', 'jade': 'html',
};

/** The language id for a file, from its name or extension (user mappings first), or undefined. */
export function languageIdForPath(path: string, extra?: LanguageMap): string | undefined {
  const name = basename(path);
  const lower = name.toLowerCase();
  const ext = extname(lower);
  return extra?.[name] ?? extra?.[lower] ?? (ext ? extra?.[ext] : undefined) ?? FILE_NAMES[lower] ?? (ext ? EXTENSIONS[ext] : undefined)
    ?? (lower.startsWith('dockerfile.') || lower.endsWith('.dockerfile') ? 'dockerfile' : undefined);
}

/** The syntax for a file, from its name or extension, or undefined for unknown (and binary) kinds. */
export function syntaxForPath(path: string, extra?: LanguageMap): CommentSyntax | undefined {
  const id = languageIdForPath(path, extra);
  return id === undefined ? undefined : syntaxForLanguageId(id);
}
