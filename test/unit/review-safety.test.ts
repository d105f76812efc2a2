/** The pure pieces behind the review's safety: index parsing, in-process hunks, RE2 patterns, terminal escaping, the hook plan. */
import { strict as assert } from 'node:assert';
import { diffHunks, parseIndexDebug } from '../../src/core/review/changes';
import { planHook, hookScript, BACKUP_HOOK, ReviewEngine } from '../../src/core/review';
import { NodeGit } from '../../src/platform/git';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { review, summary } from '../support/reviewHarness';
import { AnchorMatcher } from '../../src/core/links/anchors';
import { syntaxForPath } from '../../src/core/links/languages';
import { compileSafe, PatternError } from '../../src/core/safeRegex';
import { visibleField, visibleJson, visibleText } from '../../src/core/terminal';
import type { Hunk } from '../../src/core/review/diffParse';
import { NodeWorkTree } from '../../src/platform/workTree';
import { TempRepo } from '../support/gitRepo';

/** Applies hunks to `old` (split in lines), as `patch` would. */
function apply(old: string[], hunks: readonly Hunk[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const h of hunks) {
    const start = h.oldLines === 0 ? h.oldStart : h.oldStart - 1;
    while (at < start) out.push(old[at++]!);
    for (const l of h.lines) {
      if (l.startsWith('\\')) continue;
      if (l.startsWith('+')) out.push(l.slice(1));
      else {
        assert.equal(old[at], l.slice(1), `context/removed line ${at + 1} matches the old text`);
        if (l.startsWith(' ')) out.push(l.slice(1));
        at++;
      }
    }
  }
  while (at < old.length) out.push(old[at++]!);
  return out;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('review safety: the change reader keeps what it read, and only that', function () {
  this.timeout(30_000);
  it('a staged change seen again after the index changes; staged then reverted in the work tree is no change', async () => {
    const repo = new TempRepo().commit('base', { Dockerfile: 'FROM a\n', 'README.md': '# x\n' });
    try {
      const engine = new ReviewEngine(new NodeGit(), new NodeFileSystem(), new NodeWorkTree());
      repo.write({ Dockerfile: 'FROM b\n' });
      assert.deepEqual(summary(await review(repo, { kind: 'staged' }, engine)), []);
      repo.git('add', 'Dockerfile');
      assert.deepEqual(summary(await review(repo, { kind: 'staged' }, engine)), ['infra-container Dockerfile undocumented'], 'the index changed: read again');
      assert.deepEqual(summary(await review(repo, undefined, engine)), ['infra-container Dockerfile undocumented']);
      repo.write({ Dockerfile: 'FROM a\n' });
      const back = await review(repo, undefined, engine);
      assert.deepEqual(summary(back), [], 'the work tree is the base again');
      assert.equal(back.repositories[0]!.fileCount, 0);
      assert.deepEqual(summary(await review(repo, { kind: 'staged' }, engine)), ['infra-container Dockerfile undocumented'], 'the index still holds it');
    } finally {
      repo.dispose();
    }
  });
});

describe('review safety: pure pieces', () => {
  it('parses ls-files -s -v --debug, names with tabs, newlines and spaces included', () => {
    const text = 'H 100644 78981922613b2afb6025042ff6bd878ac1994e85 0\ta b\tc\nd.txt\0  ctime: 1796111102:555040209\n  mtime: 1796111103:5\n'
      + '  dev: 65024\tino: 2153722\n  uid: 0\tgid: 0\n  size: 2\tflags: 0\nS 120000 6178079822dd17af2d34fce4cfbdf35556832472 0\tlink\0  ctime: 1:2\n'
      + '  mtime: 3:4\n  dev: 1\tino: 9\n  uid: 0\tgid: 0\n  size: 5\tflags: 40004000\n';
    const [a, b] = parseIndexDebug(text);
    assert.deepEqual(a, { tag: 'H', mode: '100644', sha: '78981922613b2afb6025042ff6bd878ac1994e85', stage: 0, path: 'a b\tc\nd.txt', ctimeSec: 1796111102, ctimeNsec: 555040209, mtimeSec: 1796111103, mtimeNsec: 5, ino: 2153722, size: 2 });
    assert.equal(b!.tag, 'S');
    assert.equal(b!.mode, '120000');
    assert.equal(b!.size, 5);
  });

  it('computes hunks that turn the old text into the new one (400 seeded random edits), with git-style headers', () => {
    const seed = 20261201;
    const r = rng(seed);
    for (let n = 0; n < 400; n++) {
      const old = Array.from({ length: Math.floor(r() * 30) }, () => `l${Math.floor(r() * 8)}`);
      const now = [...old];
      for (let k = Math.floor(r() * 6); k > 0; k--) {
        const at = Math.floor(r() * (now.length + 1));
        if (r() < 0.5) now.splice(at, 1);
        else now.splice(at, 0, `n${Math.floor(r() * 5)}`);
      }
      const text = (l: string[]) => (l.length ? `${l.join('\n')}\n` : '');
      const hunks = diffHunks(text(old), text(now));
      assert.deepEqual(apply(old, hunks), now, `seed ${seed}, case ${n}`);
      for (const h of hunks) assert.match(h.header, /^@@ -\d+(,\d+)? \+\d+(,\d+)? @@$/);
    }
    assert.deepEqual(diffHunks('', 'a\nb\n')[0]!.header, '@@ -0,0 +1,2 @@');
    assert.deepEqual(diffHunks('a\r\nb\r\n', 'a\nb\n'), [], 'CRLF against LF is the same text');
  });

  it('gives one replacement of the differing middle when the edit is too large for Myers in reasonable time', () => {
    const a = ['keep1', 'keep2', 'keep3', 'keep4', ...Array.from({ length: 30_000 }, (_, i) => `a${i}`), 'end1', 'end2'];
    const b = ['keep1', 'keep2', 'keep3', 'keep4', ...Array.from({ length: 30_000 }, (_, i) => `b${i}`), 'end1', 'end2'];
    const started = Date.now();
    const hunks = diffHunks(`${a.join('\n')}\n`, `${b.join('\n')}\n`);
    assert.ok(Date.now() - started < 5_000, `${Date.now() - started} ms`);
    assert.equal(hunks.length, 1);
    assert.equal(hunks[0]!.header, '@@ -2,30005 +2,30005 @@');
    assert.deepEqual(apply(a, hunks), b);
  });

  it('runs user patterns in linear time; refuses what RE2 cannot do with one line', () => {
    const p = compileSafe('^(a+)+$');
    const started = Date.now();
    assert.equal(p.test(`${'a'.repeat(200_000)}b`), false);
    assert.equal(p.test('aaaa'), true);
    assert.ok(Date.now() - started < 2000);
    assert.throws(() => compileSafe('(a)\\1'), (e: unknown) => e instanceof PatternError && !e.message.includes('\n') && /RE2/.test(e.message));
    assert.throws(() => compileSafe('(?<=a)b'), PatternError);
    const m = [...compileSafe('DEC-(?<number>\\d+)', 'i').matchAll('see dec-12 and DEC-7', 0)];
    assert.deepEqual(m.map((x) => [x.index, x.text, x.groups.number]), [[4, 'dec-12', '12'], [15, 'DEC-7', '7']]);
    assert.deepEqual([...compileSafe('x*').matchAll('ab')], [], 'empty matches are skipped, the scan ends');
  });

  it('anchor patterns from settings run on RE2: a catastrophic one on a long comment returns at once', () => {
    const m = new AnchorMatcher({ patterns: [{ name: 'evil', regex: '(?<id>(a+)+)$' }, 'ARCH-(?<number>\\d+)'] });
    const text = `// ${'a'.repeat(100_000)}!\n// see ARCH-12\n`;
    const started = Date.now();
    const found = m.find(text, syntaxForPath('a.ts')!);
    assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
    assert.ok(found.some((a) => a.ref.number === 12), JSON.stringify(found.map((a) => a.text)));
    assert.throws(() => new AnchorMatcher({ patterns: ['(?<number>\\d)\\1'] }), /not a valid regular expression.*RE2/);
  });

  it('shows terminal controls instead of passing them on; JSON keeps its meaning', () => {
    assert.equal(visibleText('a\x1b]0;t\x07\n\tb\r\u009b\u202e'), 'a\\u001b]0;t\\u0007\n\tb\\u000d\\u009b\\u202e');
    assert.equal(visibleField('a\nb\tc'), 'a\\u000ab\\u0009c');
    const json = JSON.stringify({ n: 'x\u009by\u202ez\x1b' });
    assert.ok(!/[\u0080-\u009f\u202e\x1b]/.test(visibleJson(json)));
    assert.deepEqual(JSON.parse(visibleJson(json)), { n: 'x\u009by\u202ez\x1b' });
  });

  it('plans a hook: our own hook edited is replaced only after a backup, under a free name', () => {
    const ours = hookScript('adrw');
    assert.deepEqual(planHook(ours, false, 'adrw'), { action: 'unchanged' });
    assert.deepEqual(planHook(`${ours}# edit\n`, false, 'adrw'), { action: 'replace', script: ours, backupAs: BACKUP_HOOK });
    const taken = new Set([BACKUP_HOOK, `${BACKUP_HOOK}.1`]);
    assert.deepEqual(planHook(`${ours}# edit\n`, false, 'adrw', (n) => taken.has(n)), { action: 'replace', script: ours, backupAs: `${BACKUP_HOOK}.2` });
  });

  it('the work-tree port reads regular files only, never through a symlink or a symlinked folder, and stops at the cap while reading', async () => {
    const repo = new TempRepo({ git: false });
    try {
      repo.write({ 'a.txt': 'hello\n', 'real/b.txt': 'b\n', 'big.txt': 'x'.repeat(1000) });
      const { symlinkSync } = await import('node:fs');
      const { execFileSync } = await import('node:child_process');
      symlinkSync(`${repo.root}/a.txt`, `${repo.root}/link`);
      symlinkSync(`${repo.root}/real`, `${repo.root}/dirlink`);
      symlinkSync('/dev/zero', `${repo.root}/zero`);
      execFileSync('mkfifo', [`${repo.root}/fifo`]);
      const wt = new NodeWorkTree();
      const v = wt.view(repo.root);
      assert.deepEqual(await v.read('a.txt', 100), { kind: 'file', bytes: new TextEncoder().encode('hello\n') });
      assert.deepEqual(await v.read('link', 100), { kind: 'symlink', target: `${repo.root}/a.txt` });
      assert.deepEqual(await v.read('zero', 100), { kind: 'symlink', target: '/dev/zero' });
      assert.deepEqual(await v.read('fifo', 100), { kind: 'other' });
      assert.deepEqual(await v.read('dirlink/b.txt', 100), { kind: 'missing' }, 'a symlinked folder is not entered');
      assert.equal(await v.lstat('dirlink/b.txt'), undefined);
      assert.deepEqual(await v.read('real/b.txt', 100), { kind: 'file', bytes: new TextEncoder().encode('b\n') });
      assert.deepEqual(await v.read('big.txt', 999), { kind: 'too-large', size: 1000 });
      assert.deepEqual(await v.read('../outside', 10), { kind: 'missing' });
      assert.equal(wt.blobId(new TextEncoder().encode('hello\n'), 'sha1'), 'ce013625030ba8dba906f756967f9e9ca394464a');
    } finally {
      repo.dispose();
    }
  });
});
