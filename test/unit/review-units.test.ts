/** The review's pure parts: git output parsing, versions, settings, acknowledgement edits, hook plans, formats. */
import { strict as assert } from 'node:assert';
import { addedLines, parsePatch, parseRaw, removedLines, unquote } from '../../src/core/review/diffParse';
import { versionChange, versionNumbers } from '../../src/core/review/rules/versions';
import { parseGoMod } from '../../src/core/review/rules/manifestsText';
import { isTrivialLine } from '../../src/core/review/rules/pathRules';
import { acknowledgementEdits, acknowledges, CHAINED_HOOK, HOOK_MARKER, parseConfig, planHook } from '../../src/core/review';
import { escapeProperty } from '../../src/core/review/format/github';
import { applyEdits } from '../../src/core/text';

const target = { rule: 'dependency-added', path: 'package.json', subject: 'left-pad' };

describe('review: parsing git output', () => {
  it('reads --raw -z entries, renames with both names, and the patch after them', () => {
    const raw = ':100644 100644 aaa 000 M\0a b.txt\0:100644 100644 bbb bbb R100\0old\tname\0-new\0\0diff --git a/x b/x\n';
    const { entries, patch } = parseRaw(raw);
    assert.deepEqual(entries.map((e) => [e.status, e.path, e.oldPath, e.score]), [['M', 'a b.txt', undefined, undefined], ['R', '-new', 'old\tname', 100]]);
    assert.equal(patch, 'diff --git a/x b/x\n');
  });

  it('parses patches: quoted and tab-terminated names, hunks, binary files, line numbers, no-newline markers', () => {
    const patch = [
      'diff --git "a/say \\"hi\\"" "b/say \\"hi\\""', 'index 1..2 100644', '--- "a/say \\"hi\\""', '+++ "b/say \\"hi\\""', '@@ -1,2 +1,3 @@', ' a', '-b', '+B', '+c', '\\ No newline at end of file',
      'diff --git a/sp ace b/sp ace', '--- a/sp ace\t', '+++ b/sp ace\t', '@@ -5 +5 @@', '-x', '+y',
      'diff --git a/img.png b/img.png', 'index 3..4 100644', 'Binary files a/img.png and b/img.png differ',
      'diff --git a/gone b/gone', 'deleted file mode 100644', '--- a/gone', '+++ /dev/null', '@@ -1 +0,0 @@', '-bye', '',
    ].join('\n');
    const blocks = parsePatch(patch);
    assert.deepEqual(blocks.map((b) => [b.path, b.binary, b.hunks.length]), [['say "hi"', false, 1], ['sp ace', false, 1], ['img.png', true, 0], ['gone', false, 1]]);
    assert.deepEqual(addedLines(blocks[0]!.hunks), [{ line: 2, text: 'B' }, { line: 3, text: 'c' }]);
    assert.deepEqual(removedLines(blocks[1]!.hunks), [{ line: 5, text: 'x' }]);
    assert.equal(unquote('"\\303\\244\\t\\\\"'), 'ä\t\\');
  });
});

describe('review: versions and manifests', () => {
  it('reads version numbers from ranges of every ecosystem and measures the step', () => {
    assert.deepEqual(['^1.2.3', '~> 4.1', '>=2,<3', '[1.0,2.0)', 'v0.4.1', '==3.0.0', 'latest'].map(versionNumbers),
      [[1, 2, 3], [4, 1, 0], [2, 0, 0], [1, 0, 0], [0, 4, 1], [3, 0, 0], undefined]);
    assert.deepEqual([versionChange('^1.2.3', '^2.0.0'), versionChange('1.2.3', '1.3.0'), versionChange('1.2.3', '1.2.4'), versionChange('0.4.0', '0.5.0'), versionChange('git+x', 'git+y'), versionChange('1.0', '1.0')],
      ['major', 'minor', 'patch', 'major', 'other', undefined]);
  });

  it('go.mod: single-line requires, indirect ones, gopkg.in majors kept in the name', () => {
    const deps = parseGoMod('module m\nrequire github.com/a/b/v3 v3.1.0\nrequire gopkg.in/yaml.v3 v3.0.1 // indirect\n');
    assert.deepEqual([...deps.values()].map((d) => [d.name, d.version, d.dev]), [['github.com/a/b', 'v3.1.0', false], ['gopkg.in/yaml.v3', 'v3.0.1', true]]);
  });

  it('treats blank and comment-only lines as trivial', () => {
    assert.deepEqual(['', '  # note', '// x', '-- sql', '/* c */', '<!-- x -->', 'FROM a', '--- yaml', '#include <x>'].map(isTrivialLine),
      [true, true, true, true, true, true, false, false, false]);
  });
});

describe('review: settings and acknowledgements', () => {
  it('parses .adr-review.yml and lists what it cannot read, never throwing', () => {
    const c = parseConfig('rules:\n  ci-pipeline: off\n  data-schema: loud\ndependencies: { versions: huge }\ncustom:\n  - id: x\n    paths: ["a/**"]\n    added: "("\n  - id: ok\n    paths: ["b/**"]\nacknowledged:\n  - rule: r\n    path: p\n');
    assert.equal(c.rules.get('ci-pipeline'), 'off');
    assert.deepEqual(c.custom.map((r) => [r.id, r.severity]), [['ok', 'warning']]);
    assert.equal(c.problems.length, 4, c.problems.join('\n'));
    assert.equal(parseConfig('a: [').problems.length, 1);
    assert.equal(parseConfig(undefined).file, undefined);
  });

  it('matches acknowledgements by rule, path (or glob) and optional subject', () => {
    const entry = { rule: 'dependency-added', path: '**/package.json', reason: 'r', line: 1 };
    assert.ok(acknowledges(entry, { ...target, path: 'web/package.json' }));
    assert.ok(!acknowledges({ ...entry, subject: 'x' }, target));
    assert.ok(!acknowledges({ ...entry, rule: 'dependency-removed' }, target));
  });

  it('writes acknowledgements as minimal edits: new file, missing key, empty list, existing list (CRLF kept)', () => {
    const opts = { by: 'Ann', date: '2026-11-24' };
    const created = applyEdits('', acknowledgementEdits(undefined, target, 'tiny', opts));
    assert.match(created, /^# .*\nacknowledged:\n {2}- rule: dependency-added\n {4}path: package.json\n {4}subject: left-pad\n {4}reason: tiny\n {4}by: Ann\n {4}date: 2026-11-24\n$/);
    const noKey = 'rules:\n  ci-pipeline: off';
    assert.equal(applyEdits(noKey, acknowledgementEdits(noKey, target, 'r')), `${noKey}\nacknowledged:\n  - rule: dependency-added\n    path: package.json\n    subject: left-pad\n    reason: r\n`);
    const empty = 'acknowledged: []  # none yet\nrules: {}\n';
    assert.equal(applyEdits(empty, acknowledgementEdits(empty, target, 'r')), 'acknowledged: # none yet\n  - rule: dependency-added\n    path: package.json\n    subject: left-pad\n    reason: r\nrules: {}\n');
    const list = 'acknowledged:\r\n    - rule: a\r\n      path: b\r\n      reason: c\r\n# trailing\r\nrules: {}\r\n';
    const out = applyEdits(list, acknowledgementEdits(list, { rule: 'x', path: 'y: z', subject: '' }, 'why: because'));
    assert.equal(out, 'acknowledged:\r\n    - rule: a\r\n      path: b\r\n      reason: c\r\n    - rule: x\r\n      path: "y: z"\r\n      reason: "why: because"\r\n# trailing\r\nrules: {}\r\n');
    assert.equal(parseConfig(out).acknowledged.length, 2);
    assert.throws(() => acknowledgementEdits('acknowledged: 3\n', target, 'r'), /must be a list/);
    assert.throws(() => acknowledgementEdits('', target, '  '), /needs a reason/);
  });
});

describe('review: hook plans and annotations', () => {
  it('creates, keeps, chains, and refuses to clobber a chained hook', () => {
    assert.equal(planHook(undefined, false).action, 'create');
    const created = planHook(undefined, false);
    assert.ok(created.action === 'create' && created.script.includes(HOOK_MARKER));
    assert.equal(planHook(created.action === 'create' ? created.script : '', false).action, 'unchanged');
    assert.deepEqual(planHook('#!/bin/sh\nlint\n', false).action, 'chain');
    assert.throws(() => planHook('#!/bin/sh\nlint\n', true), new RegExp(CHAINED_HOOK));
  });

  it('escapes workflow command properties', () => {
    assert.equal(escapeProperty('a,b:c%d\ne'), 'a%2Cb%3Ac%25d%0Ae');
  });
});
