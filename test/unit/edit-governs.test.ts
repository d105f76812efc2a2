/** addGovernsEdits: each shape of front matter, and none. */
import { strict as assert } from 'node:assert';
import { addGovernsEdits } from '../../src/core/edit';
import { parseRecord } from '../../src/core/parse/record';
import { applyEdits } from '../../src/core/text';

const apply = (text: string, globs: string[]) => {
  const r = parseRecord(text, { path: '/r/docs/decisions/0001-x.md' });
  const out = applyEdits(text, addGovernsEdits(r, text, globs));
  return { out, again: parseRecord(out, { path: '/r/docs/decisions/0001-x.md' }) };
};

describe('addGovernsEdits', () => {
  it('adds front matter to a MADR 2 record without it', () => {
    const { out, again } = apply('# X\n\n* Status: accepted\n* Date: 2020-01-01\n\n## Context and Problem Statement\n', ['src/db/**']);
    assert.equal(out, '---\ngoverns:\n  - src/db/**\n---\n# X\n\n* Status: accepted\n* Date: 2020-01-01\n\n## Context and Problem Statement\n');
    assert.deepEqual(again.governs, ['src/db/**']);
    assert.equal(again.status, 'accepted');
  });

  it('a Nygard record gets a `Governs:` line under its Date line, never front matter before its H1', () => {
    const { out, again } = apply('# 1. X\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n', ['src/db/**', 'a_b/*.sql']);
    assert.equal(out, '# 1. X\n\nDate: 2020-01-01\n\nGoverns: `src/db/**`, `a_b/*.sql`\n\n## Status\n\nAccepted\n');
    assert.deepEqual(again.governs, ['src/db/**', 'a_b/*.sql']);
    assert.deepEqual([again.title, again.status, again.date], ['X', 'accepted', '2020-01-01']);
    // Again: the line grows, globs already there are skipped.
    const twice = applyEdits(out, addGovernsEdits(again, out, ['src/db/**', 'lib/**']));
    assert.equal(twice, '# 1. X\n\nDate: 2020-01-01\n\nGoverns: `src/db/**`, `a_b/*.sql`, `lib/**`\n\n## Status\n\nAccepted\n');
  });

  it('Nygard without a Date line: under the title; CRLF kept; a plain list is read too', () => {
    assert.equal(apply('# 1. X\r\n\r\n## Status\r\n\r\nAccepted\r\n', ['x/**']).out, '# 1. X\r\n\r\nGoverns: `x/**`\r\n\r\n## Status\r\n\r\nAccepted\r\n');
    assert.deepEqual(apply('# 1. X\n\nGoverns: a/**, b.ts\n\n## Status\n\nAccepted\n', []).again.governs, ['a/**', 'b.ts']);
    // A Governs line inside a section is prose, not metadata.
    assert.deepEqual(apply('# 1. X\n\n## Context\n\nGoverns: nothing\n', []).again.governs, []);
  });

  it('adds the key at the end of existing front matter, keeping comments and order', () => {
    const text = '---\n# keep me\nstatus: accepted\ndate: 2024-01-01\n---\n# X\n';
    const { out, again } = apply(text, ['package.json']);
    assert.equal(out, '---\n# keep me\nstatus: accepted\ndate: 2024-01-01\ngoverns:\n  - package.json\n---\n# X\n');
    assert.deepEqual(again.governs, ['package.json']);
  });

  it('appends to a block list with its indentation, and skips globs already there', () => {
    const text = '---\nstatus: accepted\ngoverns:\n    - a/**\ndate: 2024-01-01\n---\n# X\n';
    const { out, again } = apply(text, ['a/**', 'b/*.ts']);
    assert.equal(out, '---\nstatus: accepted\ngoverns:\n    - a/**\n    - b/*.ts\ndate: 2024-01-01\n---\n# X\n');
    assert.deepEqual(again.governs, ['a/**', 'b/*.ts']);
  });

  it('widens an inline value or flow list, and quotes globs YAML would misread', () => {
    assert.equal(apply('---\naffects: lib/**\n---\n# X\n', ['*.sql']).out, '---\naffects: [lib/**, "*.sql"]\n---\n# X\n');
    assert.deepEqual(apply('---\ngoverns: [a, b]\n---\n# X\n', ['c']).again.governs, ['a', 'b', 'c']);
  });

  it('keeps CRLF line endings', () => {
    const { out } = apply('---\r\nstatus: accepted\r\n---\r\n# X\r\n', ['x/**']);
    assert.equal(out, '---\r\nstatus: accepted\r\ngoverns:\r\n  - x/**\r\n---\r\n# X\r\n');
  });
});
