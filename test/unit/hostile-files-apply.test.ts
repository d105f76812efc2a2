/**
 * All-or-nothing edits: a plan whose second file cannot be written writes nothing, a rename whose
 * move fails rewrites no link, refusals are one line with exit 2, and the CLI reads records under
 * the collection lock and holds it until the plan is written.
 */
import { strict as assert } from 'node:assert';
import { applyPlan } from '../../src/core/edit';
import { UserError } from '../../src/core/errors';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { cli } from '../support/cliHarness';

const record = (n: number, title: string, extra = ''): string =>
  `# ${n}. ${title}\n\nDate: 2026-01-0${n}\n\n## Status\n\nAccepted\n${extra}\n## Context\n\nBecause.\n`;

function collection(): MemoryFileSystem {
  return MemoryFileSystem.from({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'doc/adr/0001-start.md': record(1, 'Start'),
    'doc/adr/0002-use-x.md': record(2, 'Use X', '\nAmends [1. Start](0001-start.md)\n'),
    'doc/adr/0003-use-y.md': record(3, 'Use Y'),
  }, '/repo');
}

function snapshot(fs: MemoryFileSystem): Map<string, string | undefined> {
  return new Map(fs.allFiles().map((p) => [p, fs.text(p)]));
}

describe('all-or-nothing edits', () => {
  it('applyPlan: a read-only second file means the first is not written either', async () => {
    const fs = MemoryFileSystem.from({ '/r/a.md': '# A\n', '/r/b.md': '# B\n' }).makeReadOnly('/r/b.md');
    await assert.rejects(
      applyPlan(fs, {
        edits: [
          { path: '/r/a.md', edits: [{ start: 2, end: 3, newText: 'AA' }] },
          { path: '/r/b.md', edits: [{ start: 2, end: 3, newText: 'BB' }] },
        ],
        creates: [{ path: '/r/c.md', content: 'C' }],
      }),
      (e: unknown) => e instanceof UserError && e.message === '/r/b.md: not writable (permission denied); nothing was written',
    );
    assert.equal(fs.text('/r/a.md'), '# A\n');
    assert.equal(fs.text('/r/c.md'), undefined);
  });

  it('applyPlan: a move whose edits cannot be staged is undone', async () => {
    const fs = MemoryFileSystem.from({ '/r/a.md': '# A\n', '/r/b.md': 'see a.md\n' }).makeReadOnly('/r/b.md');
    await assert.rejects(
      applyPlan(fs, {
        edits: [
          { path: '/r/a.md', edits: [{ start: 2, end: 3, newText: 'Z' }] },
          { path: '/r/b.md', edits: [{ start: 4, end: 8, newText: 'z.md' }] },
        ],
        creates: [],
      }, { move: { from: '/r/a.md', to: '/r/z.md' } }),
      /not writable/,
    );
    assert.deepEqual(fs.allFiles(), ['/r/a.md', '/r/b.md']);
    assert.equal(fs.text('/r/a.md'), '# A\n');
  });

  it('applyPlan: a move and its edits together (the moved file gets its own edits)', async () => {
    const fs = MemoryFileSystem.from({ '/r/a.md': '# A\n', '/r/b.md': 'see a.md\n' });
    await applyPlan(fs, {
      edits: [
        { path: '/r/a.md', edits: [{ start: 2, end: 3, newText: 'Z' }] },
        { path: '/r/b.md', edits: [{ start: 4, end: 8, newText: 'z.md' }] },
      ],
      creates: [],
    }, { move: { from: '/r/a.md', to: '/r/z.md' } });
    assert.deepEqual(fs.allFiles(), ['/r/b.md', '/r/z.md']);
    assert.equal(fs.text('/r/z.md'), '# Z\n');
    assert.equal(fs.text('/r/b.md'), 'see z.md\n');
  });

  it('applyPlan: a write outside the confining roots is refused before anything is written', async () => {
    const fs = MemoryFileSystem.from({ '/r/a.md': '# A\n', '/home/me/.bashrc': 'x\n' });
    await assert.rejects(
      applyPlan(fs, {
        edits: [
          { path: '/r/a.md', edits: [{ start: 2, end: 3, newText: 'AA' }] },
          { path: '/home/me/.bashrc', edits: [{ start: 0, end: 0, newText: 'evil\n' }] },
        ],
        creates: [],
      }, { confine: ['/r'] }),
      /\/home\/me\/\.bashrc: outside the repository \(\/r\); nothing was written/,
    );
    assert.equal(fs.text('/r/a.md'), '# A\n');
    assert.equal(fs.text('/home/me/.bashrc'), 'x\n');
  });

  it('link: the reverse link cannot be written → exit 2, one line, neither file changed', async () => {
    const fs = collection().makeReadOnly('/repo/doc/adr/0003-use-y.md');
    const before = snapshot(fs);
    const r = await cli(fs, '/repo', ['link', '1', 'Amends', '3', 'Amended by']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'adr-workbench: /repo/doc/adr/0003-use-y.md: not writable (permission denied); nothing was written\n');
    assert.deepEqual(snapshot(fs), before);
  });

  it('new -s: a superseded record that cannot be written → no new record either', async () => {
    const fs = collection().makeReadOnly('/repo/doc/adr/0003-use-y.md');
    const before = snapshot(fs);
    const r = await cli(fs, '/repo', ['new', '-s', '3', 'Use Z']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^adr-workbench: \/repo\/doc\/adr\/0003-use-y\.md: not writable/);
    assert.deepEqual(snapshot(fs), before);
  });

  it('rename: a linking record that cannot be written → nothing renamed, no link rewritten', async () => {
    const fs = collection().makeReadOnly('/repo/doc/adr/0002-use-x.md');
    const before = snapshot(fs);
    const r = await cli(fs, '/repo', ['rename', '1', 'Begin']);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr.split('\n').length, 2);
    assert.deepEqual(snapshot(fs), before);
  });

  it('rename: moves the file and rewrites the links in one plan', async () => {
    const fs = collection();
    const r = await cli(fs, '/repo', ['rename', '1', 'Begin']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.text('/repo/doc/adr/0001-start.md'), undefined);
    assert.match(fs.text('/repo/doc/adr/0001-begin.md')!, /^# 1\. Begin\n/);
    assert.match(fs.text('/repo/doc/adr/0002-use-x.md')!, /Amends \[1\. Begin\]\(0001-begin\.md\)/);
  });

  it('the collection is locked from the first read to the write, and released on refusals too', async () => {
    const fs = collection();
    assert.equal((await cli(fs, '/repo', ['link', '3', 'Amends', '1', 'Amended by'])).code, 0);
    const reads = fs.reads.filter((p) => p.endsWith('0003-use-y.md') || p.endsWith('0001-start.md'));
    assert.ok(reads.length > 0);
    assert.deepEqual(fs.lockLog, ['+/repo/doc/adr', '-/repo/doc/adr']);
    fs.lockLog.length = 0;
    const refused = await cli(fs, '/repo', ['link', '3', 'Amends', '3', 'Amended by']);
    assert.equal(refused.code, 2);
    assert.deepEqual(fs.lockLog, ['+/repo/doc/adr', '-/repo/doc/adr'], 'released after a refusal');
  });

  it('two links at once in one process: both reverse links survive (the lock serialises them)', async () => {
    const fs = collection();
    const [a, b] = await Promise.all([
      cli(fs, '/repo', ['link', '2', 'Amends', '3', 'Amended by']),
      cli(fs, '/repo', ['link', '1', 'Amends', '3', 'Amended by']),
    ]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const three = fs.text('/repo/doc/adr/0003-use-y.md')!;
    assert.match(three, /Amended by \[2\. Use X\]\(0002-use-x\.md\)/);
    assert.match(three, /Amended by \[1\. Start\]\(0001-start\.md\)/);
  });
});
