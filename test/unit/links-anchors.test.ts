/** Anchor detection: the comment syntax of each language, the anchor forms, and look-alikes that must not match. */
import { strict as assert } from 'node:assert';
import { AnchorMatcher, scanRegions, syntaxForLanguageId, syntaxForPath, languageIdForPath, type AnchorRef } from '../../src/core/links';

const matcher = new AnchorMatcher();

function found(languageId: string, text: string, m = matcher): string[] {
  const syntax = syntaxForLanguageId(languageId);
  assert.ok(syntax, `no syntax for ${languageId}`);
  return m.find(text, syntax).map((a) => a.text);
}

function refs(languageId: string, text: string, m = matcher): AnchorRef[] {
  return m.find(text, syntaxForLanguageId(languageId)!).map((a) => a.ref);
}

/**
 * One case per language: the text holds `ADR-7` in a line comment, `ADR-8` in a block comment (or
 * a second comment form), and `ADR-90`/`ADR-91` in a string and in code, which must not be found.
 */
const LANGUAGE_CASES: [string, string, string[]][] = [
  ['c', 'int x = 1; // ADR-7\n/* see ADR 8 */\nchar *s = "ADR-90 // ADR-91";', ['ADR-7', 'ADR 8']],
  ['cpp', 'auto n = 1\'000; // ADR-7\nconst char* s = R"x(ADR-90)x"; /* ADR-8 */', ['ADR-7', 'ADR-8']],
  ['csharp', 'var s = @"C:\\ADR-90\\"; // ADR-7\n/* ADR-8 */ var t = "ADR-91";', ['ADR-7', 'ADR-8']],
  ['java', '/** Implements ADR-7. */\nclass A { String s = "// ADR-90"; } // ADR-8', ['ADR-7', 'ADR-8']],
  ['javascript', 'const s = `multi\n// ADR-90\n`; // ADR-7\n/* ADR-8 */ const t = \'ADR-91\';', ['ADR-7', 'ADR-8']],
  ['typescript', 'const url = "http://x/ADR-90"; // ADR-7\n/*\n * ADR-8\n */', ['ADR-7', 'ADR-8']],
  ['go', 'var s = `raw // ADR-90`\nvar r = \'x\' // ADR-7\n/* ADR-8 */', ['ADR-7', 'ADR-8']],
  ['rust', 'fn f<\'a>(x: &\'a str) -> &\'a str { x } // ADR-7\n/* outer /* inner */ ADR-8 */ let s = "ADR-90";', ['ADR-7', 'ADR-8']],
  ['swift', 'let s = """\n// ADR-90\n""" // ADR-7\n/* ADR-8 */', ['ADR-7', 'ADR-8']],
  ['kotlin', 'val c = \'"\' // ADR-7\nval s = """ADR-90""" /* ADR-8 */', ['ADR-7', 'ADR-8']],
  ['php', '$s = "# ADR-90"; # ADR-7\n// ADR-8', ['ADR-7', 'ADR-8']],
  ['python', 'def f():\n    """Implements ADR-7."""\n    s = "# ADR-90"\n    t = f\'# ADR-91\'\n    return s  # ADR-8\n', ['ADR-7', 'ADR-8']],
  ['ruby', 's = "# ADR-90" # ADR-7\n=begin\nADR-8\n=end\nputs \'ADR-91\'', ['ADR-7', 'ADR-8']],
  ['shellscript', 'echo "# ADR-90" $# ${#x} # ADR-7\nx=a#ADR-91\n# ADR-8', ['ADR-7', 'ADR-8']],
  ['powershell', '$s = "# ADR-90" # ADR-7\n<# ADR-8 #>', ['ADR-7', 'ADR-8']],
  ['yaml', 'key: "a # ADR-90" # ADR-7\nother: don\'t#ADR-91 # ADR-8\n', ['ADR-7', 'ADR-8']],
  ['toml', 'a = "# ADR-90" # ADR-7\n# ADR-8', ['ADR-7', 'ADR-8']],
  ['sql', "SELECT '-- ADR-90', 'it''s -- ADR-91' FROM t; -- ADR-7\n/* ADR-8 */", ['ADR-7', 'ADR-8']],
  ['html', '<p title="ADR-90">ADR-91</p>\n<!-- ADR-7 -->\n<!--\n  ADR-8\n-->', ['ADR-7', 'ADR-8']],
  ['xml', '<a href="ADR-90"/><!-- ADR-7 --><b>ADR-91</b><!-- ADR-8 -->', ['ADR-7', 'ADR-8']],
  ['markdown', 'We follow ADR-7 here.\n\n```js\n// ADR-90\n```\n\nAnd `ADR-91` is code, ADR-8 is not.\n', ['ADR-7', 'ADR-8']],
  ['dockerfile', 'FROM node:20 # ADR-7\nRUN echo "# ADR-90"\n# ADR-8', ['ADR-7', 'ADR-8']],
  ['terraform', 'resource "x" "y" { name = "ADR-90" } # ADR-7\n// ADR-8', ['ADR-7', 'ADR-8']],
  ['lua', 'local s = "-- ADR-90" -- ADR-7\n--[[ ADR-8 ]]', ['ADR-7', 'ADR-8']],
  ['haskell', 's = "-- ADR-90" -- ADR-7\n{- {- ADR-8 -} -}', ['ADR-7', 'ADR-8']],
  ['css', '.a { content: "/* ADR-90 */"; } /* ADR-7 */\n/* ADR-8 */', ['ADR-7', 'ADR-8']],
  ['scss', '$a: "// ADR-90"; // ADR-7\n/* ADR-8 */', ['ADR-7', 'ADR-8']],
  ['makefile', 'all: ; echo "x" # ADR-7\n# ADR-8', ['ADR-7', 'ADR-8']],
  ['elixir', 's = "# ADR-90" # ADR-7\n# ADR-8', ['ADR-7', 'ADR-8']],
  ['clojure', '(def s "; ADR-90") ; ADR-7\n;; ADR-8', ['ADR-7', 'ADR-8']],
  ['erlang', 'S = "% ADR-90". % ADR-7\n%% ADR-8', ['ADR-7', 'ADR-8']],
  ['r', 's <- "# ADR-90" # ADR-7\n# ADR-8', ['ADR-7', 'ADR-8']],
  ['perl', 'my $s = "# ADR-90"; # ADR-7\n=pod\nADR-8\n=cut\n', ['ADR-7', 'ADR-8']],
  ['ocaml', 'let s = "(* ADR-90 *)" (* ADR-7 *)\n(* (* nested *) ADR-8 *)', ['ADR-7', 'ADR-8']],
  ['vb', 'Dim s = "\' ADR-90" \' ADR-7\n\' ADR-8', ['ADR-7', 'ADR-8']],
  ['bat', 'echo "ADR-90"\nREM ADR-7\n:: ADR-8', ['ADR-7', 'ADR-8']],
];

describe('links: anchors in the comment syntax of each language', () => {
  for (const [lang, text, expected] of LANGUAGE_CASES) {
    it(`${lang}: comments only, not strings or code`, () => {
      assert.deepEqual(found(lang, text), expected);
    });
  }

  it('covers at least 30 languages', () => {
    assert.ok(LANGUAGE_CASES.length >= 30);
  });

  it('maps file names and extensions to languages', () => {
    const cases: Record<string, string | undefined> = {
      '/r/src/a.ts': 'typescript', '/r/Dockerfile': 'dockerfile', '/r/build/Dockerfile.prod': 'dockerfile', '/r/main.tf': 'terraform',
      '/r/CMakeLists.txt': 'cmake', '/r/Makefile': 'makefile', '/r/x.PY': 'python', '/r/a.yml': 'yaml', '/r/q.sql': 'sql',
      '/r/README.md': 'markdown', '/r/logo.png': undefined, '/r/notes.txt': undefined, '/r/.bashrc': 'shellscript',
    };
    for (const [path, id] of Object.entries(cases)) assert.equal(languageIdForPath(path), id, path);
    assert.equal(syntaxForPath('/r/x.tpl', { '.tpl': 'html' })?.id, 'html');
    assert.equal(syntaxForLanguageId('bash')?.id, 'shellscript');
  });
});

describe('links: anchor forms', () => {
  it('finds every documented form with what it names', () => {
    const text = [
      '// ADR-0007', '// ADR 7', '// adr: 0042', '// @adr 12', '// dl:adr 0042', '// ADR_3 and ADR#4 and ADR5',
      '// @adr 20201016-use-the-adr-slug-as-its-unique-id', '// see [the decision](../docs/adr/0007-use-x.md#why)',
      '// payments/ADR-7', '// docs/decisions/0009', '// docs/adr/0011-use-y.md',
    ].join('\n');
    assert.deepEqual(refs('typescript', text), [
      { number: 7 }, { number: 7 }, { number: 42 }, { number: 12 }, { number: 42 }, { number: 3 }, { number: 4 }, { number: 5 },
      { id: '20201016-use-the-adr-slug-as-its-unique-id' }, { link: '../docs/adr/0007-use-x.md#why' },
      { collection: 'payments', number: 7 }, { collection: 'docs/decisions', number: 9, weak: true }, { link: 'docs/adr/0011-use-y.md', weak: true },
    ]);
  });

  it('finds e-adr annotations in code, but not in strings', () => {
    const text = '@ADR(7)\npublic class A {}\n@ADR(value = 12, title = "x") class B {}\nString s = "@ADR(90)";';
    assert.deepEqual(found('java', text), ['@ADR(7', '@ADR(value = 12']);
    assert.deepEqual(refs('java', text), [{ number: 7 }, { number: 12 }]);
  });

  it('takes anchors right after the comment token', () => {
    assert.deepEqual(found('typescript', '//ADR-1\n/*ADR-2*/'), ['ADR-1', 'ADR-2']);
    assert.deepEqual(found('python', '#ADR-3'), ['ADR-3']);
    assert.deepEqual(found('sql', '--ADR-4'), ['ADR-4']);
  });

  it('does not take look-alikes', () => {
    const text = [
      '// MADR-4 is a template version', '// see README and the ADR folder', '// mail adr-7@example.com or team.adr7@x.org',
      '// https://example.com/page#adr-7 and https://x.com/ADR-8 and x.html#ADR-0009', '// ADR-7.1 is a version; ADR-7-compliant; ADR-1234567',
      '// the address 12 and padre 7', '// foo-ADR-3 and my_ADR_4 and $ADR5', '// https://github.com/o/r/blob/main/docs/adr/0007-x.md',
      '// [site](https://example.com/0007-x.md) is a web page', '// api/v1/2 is not a collection hint unless it names one',
    ].join('\n');
    const got = matcher.find(text, syntaxForLanguageId('typescript')!);
    // Only the weak `api/v1/2` path remains, and it resolves to nothing unless a collection matches.
    assert.deepEqual(got.map((a) => [a.text, a.ref.weak === true]), [['api/v1/2', true]]);
  });

  it('lets patterns be configured: built-ins off, custom patterns, collection prefixes', () => {
    const only = new AnchorMatcher({ builtins: ['adr-tag'] });
    assert.deepEqual(found('typescript', '// ADR-7 @adr 8', only), ['@adr 8']);
    const custom = new AnchorMatcher({ builtins: [], patterns: [{ name: 'decision', regex: String.raw`\bDecision\s+#(?<number>\d+)` }, String.raw`\bDEC:(?<id>[\w-]+)`] });
    const got = custom.find('# Decision #12 and DEC:0003-use-x', syntaxForLanguageId('python')!);
    assert.deepEqual(got.map((a) => [a.pattern, a.ref]), [['decision', { number: 12 }], ['custom', { id: '0003-use-x' }]]);
    const prefixed = new AnchorMatcher({ prefixes: { PAY: 'services/payments/docs/adr' } });
    assert.deepEqual(refs('go', '// PAY-7 and pay-8', prefixed), [{ collection: 'services/payments/docs/adr', number: 7 }]);
    assert.throws(() => new AnchorMatcher({ patterns: ['(unclosed'] }), /not a valid regular expression/);
    assert.throws(() => new AnchorMatcher({ patterns: ['ADR\\d+'] }), /named group/);
  });

  it('gives exact spans', () => {
    const text = 'x = 1 # see ADR-0007 now';
    const [a] = matcher.find(text, syntaxForLanguageId('python')!);
    assert.deepEqual(a!.span, { start: 12, end: 20 });
    assert.equal(text.slice(a!.span.start, a!.span.end), 'ADR-0007');
  });
});

describe('links: comment lexer', () => {
  it('splits comments and strings in one pass, unterminated ones to the end', () => {
    const ts = syntaxForLanguageId('typescript')!;
    assert.deepEqual(scanRegions('a // b\n"c" /* d', ts), [2, 6, 0, 7, 10, 1, 11, 15, 0]);
    // A single-line string ends at the line break; the next line is code again.
    assert.deepEqual(scanRegions('"abc\n// x', ts), [0, 4, 1, 5, 9, 0]);
  });

  it('reads escapes and doubled quotes', () => {
    const ts = syntaxForLanguageId('typescript')!;
    assert.deepEqual(scanRegions('"a\\"// b" // c', ts), [0, 9, 1, 10, 14, 0]);
    const sql = syntaxForLanguageId('sql')!;
    assert.deepEqual(scanRegions("'it''s' -- c", sql), [0, 7, 1, 8, 12, 0]);
  });
});
