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
  it('adds front matter to a record without it', () => {
    const { out, again } = apply('# 1. X\n\n## Status\n\nAccepted\n', ['src/db/**']);
    assert.equal(out, '---\ngoverns:\n  - src/db/**\n---\n# 1. X\n\n## Status\n\nAccepted\n');
    assert.deepEqual(again.governs, ['src/db/**']);
    assert.equal(again.title, 'X');
    assert.equal(again.status, 'accepted');
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
