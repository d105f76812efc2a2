/** `applyPlan`: how the writing commands put an EditPlan on disk. */
import { strict as assert } from 'node:assert';
import { applyPlan } from '../../src/core/edit';
import { FileExistsError, UserError } from '../../src/core/errors';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

const BOM = '\uFEFF';

describe('applyPlan', () => {
  it('applies edits to several files, keeping a BOM and CRLF, and creates new files (folders too)', async () => {
    const fs = MemoryFileSystem.from({ '/a.md': `${BOM}# A\r\n\r\nOld\r\n`, '/b.md': '# B\n' });
    const result = await applyPlan(fs, {
      edits: [
        { path: '/a.md', edits: [{ start: 7, end: 10, newText: 'New' }] },
        { path: '/b.md', edits: [{ start: 4, end: 4, newText: '\nMore.\n' }] },
      ],
      creates: [{ path: '/docs/README.md', content: '# Index\n' }],
    });
    assert.deepEqual([...(await fs.readFile('/a.md')).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(fs.text('/a.md'), '# A\r\n\r\nNew\r\n');
    assert.equal(fs.text('/b.md'), '# B\n\nMore.\n');
    assert.equal(fs.text('/docs/README.md'), '# Index\n');
    assert.deepEqual(result, { written: ['/a.md', '/b.md'], created: ['/docs/README.md'] });
  });

  it('refuses a file that changed since the plan was made, and writes nothing', async () => {
    const fs = MemoryFileSystem.from({ '/a.md': '# A\n', '/b.md': '# B, edited meanwhile\n' });
    const plan = {
      edits: [
        { path: '/a.md', edits: [{ start: 2, end: 3, newText: 'AA' }] },
        { path: '/b.md', edits: [{ start: 2, end: 3, newText: 'BB' }] },
      ],
      creates: [],
    };
    await assert.rejects(
      applyPlan(fs, plan, { basis: new Map([['/a.md', '# A\n'], ['/b.md', '# B\n']]) }),
      (e: unknown) => e instanceof UserError && e.message === '/b.md: changed since it was read; nothing was written',
    );
    assert.equal(fs.text('/a.md'), '# A\n');
  });

  it('refuses edits that no longer fit the file, as a user error', async () => {
    const fs = MemoryFileSystem.from({ '/a.md': '# A\n' });
    await assert.rejects(
      applyPlan(fs, { edits: [{ path: '/a.md', edits: [{ start: 10, end: 12, newText: 'x' }] }], creates: [] }),
      (e: unknown) => e instanceof UserError && /no longer fit/.test(e.message),
    );
  });

  it('never overwrites a file it is asked to create; edits are not written either', async () => {
    const fs = MemoryFileSystem.from({ '/a.md': '# A\n', '/README.md': 'mine\n' });
    await assert.rejects(
      applyPlan(fs, { edits: [{ path: '/a.md', edits: [{ start: 0, end: 0, newText: 'x' }] }], creates: [{ path: '/README.md', content: 'theirs\n' }] }),
      FileExistsError,
    );
    assert.equal(fs.text('/README.md'), 'mine\n');
    assert.equal(fs.text('/a.md'), '# A\n');
  });
});
