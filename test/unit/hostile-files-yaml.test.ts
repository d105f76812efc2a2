/** Front matter as an attacker writes it: bounded parsing, the node an edit replaces, duplicate keys. */
import { strict as assert } from 'node:assert';
import { lexicalNesting, MAX_FRONT_MATTER_BYTES, readFrontMatter } from '../../src/core/parse/frontMatter';
import { parseRecord } from '../../src/core/parse/record';
import { setStatus } from '../../src/core/edit';
import { applyEdits } from '../../src/core/text';
import { readLog4brains } from '../../src/core/discovery/configFiles';

const codes = (text: string) => readFrontMatter(text).problems.map((p) => p.code);

function statusEdited(text: string, value: string): string {
  const record = parseRecord(text, { path: '/r/docs/decisions/0001-x.md' });
  return applyEdits(text, setStatus(record, text, value));
}

describe('front matter under attack', () => {
  it('a block scalar status (>-, |, |+) is replaced whole, keeping the line break and the next key', () => {
    for (const header of ['>-', '|', '|+', '>']) {
      const text = `---\nstatus: ${header}\n  accepted\n\ndate: 2026-01-01\n---\n# X\n`;
      assert.equal(statusEdited(text, 'deprecated'), `---\nstatus: deprecated\n\ndate: 2026-01-01\n---\n# X\n`, header);
    }
    const commented = '---\nstatus: accepted # by the board\ndate: 2026-01-01\n---\n# X\n';
    assert.equal(statusEdited(commented, 'deprecated'), '---\nstatus: deprecated # by the board\ndate: 2026-01-01\n---\n# X\n');
    const crlf = '---\r\nstatus: >-\r\n  accepted\r\ndate: 2026-01-01\r\n---\r\n# X\r\n';
    assert.equal(statusEdited(crlf, 'deprecated'), '---\r\nstatus: deprecated\r\ndate: 2026-01-01\r\n---\r\n# X\r\n');
  });

  it('duplicate keys (also Status/status) are an error, and neither value is believed', () => {
    for (const text of ['---\nstatus: proposed\nstatus: accepted\n---\n# X\n', '---\nstatus: proposed\nStatus: accepted\n---\n# X\n']) {
      const fm = readFrontMatter(text);
      assert.deepEqual(fm.problems.map((p) => [p.code, p.severity]), [['yaml-duplicate-key', 'error']]);
      assert.equal(fm.frontMatter!.data!['status'], undefined);
      assert.equal(parseRecord(text, { path: '/r/x.md' }).statusField, undefined);
    }
  });

  it('bounds: size, nesting, collection keys, aliases, all reported without data', () => {
    assert.deepEqual(codes(`---\na: ${'x'.repeat(MAX_FRONT_MATTER_BYTES)}\n---\n`), ['front-matter-too-large']);
    assert.deepEqual(codes(`---\n${'? '.repeat(412)}a\n---\n`), ['yaml-too-complex']);
    assert.deepEqual(codes(`---\na: ${'['.repeat(40)}${']'.repeat(40)}\n---\n`), ['yaml-too-complex']);
    assert.deepEqual(codes('---\n? [a, b]\n: c\n---\n'), ['yaml-too-complex']);
    const laughs = ['a: &a [x, x]', ...Array.from({ length: 60 }, (_, i) => `k${i}: *a`)].join('\n');
    assert.match(readFrontMatter(`---\n${laughs}\n---\n`).problems[0]!.message, /more than 50 aliases/);
    // The bombs are refused by the lexical bounds before the YAML parser sees them (no timing here:
    // a loaded machine makes wall-clock asserts flaky; the fuzz budget and the bench watch speed).
    for (const text of [`---\n${'? '.repeat(412)}a\n---\n`, `---\n${'{a: '.repeat(3000)}\n---\n`]) {
      const fm = readFrontMatter(text);
      assert.equal(fm.frontMatter!.data, undefined);
      assert.deepEqual(fm.problems.map((p) => p.code), ['yaml-too-complex']);
    }
  });

  it('nesting is counted outside quotes and comments: real front matter passes', () => {
    assert.equal(lexicalNesting('title: "[[[[[[[[[[[[[[[[[[[[[[["\n# [[[[[[[[[[[[[[[[[[[[[[\ntags: [a, b]\n'), 1);
    assert.equal(lexicalNesting('deciders:\n  - a\n  - b\nlinks:\n  - {to: x, as: y}\n'), 2);
    const ok = '---\ntitle: "Use [[wiki]] links: {yes}"\ntags: [a, b]\ndeciders:\n  - Ana\nstatus: accepted\n---\n# X\n';
    assert.deepEqual(codes(ok), []);
    assert.equal(readFrontMatter(ok).frontMatter!.data!['status'], 'accepted');
  });

  it('.log4brains.yml: the same bounds (a ConfigError, not a hang)', () => {
    assert.throws(() => readLog4brains(`project: ${'['.repeat(5000)}\n`), /nested deeper than 16 levels/);
    assert.throws(() => readLog4brains(['a: &a [x, x]', ...Array.from({ length: 60 }, (_, i) => `k${i}: *a`), 'project:\n  adrFolder: x'].join('\n')), /malformed YAML/);
    assert.deepEqual(readLog4brains('project:\n  adrFolder: ./docs/adr\n'), [{ folder: './docs/adr' }]);
  });
});
