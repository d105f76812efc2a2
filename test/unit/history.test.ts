/** History from git: scripted repositories with fixed authors and dates, read in one pass. */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryEvent, RecordHistory } from '../../src/core/history';
import { TEST_GIT_ENV } from '../support/gitRepo';
import { CountingGit, HistoryRepo, historyOf, nygard } from '../support/historyRepo';

const who = (e: HistoryEvent | undefined) => (e ? `${e.author} ${e.date.slice(0, 10)}` : undefined);
const line = (e: HistoryEvent) =>
  [e.change, who(e), e.path, e.oldPath ? `from ${e.oldPath}` : '', e.merge ? 'merge' : '', e.statusFrom ? `${e.statusFrom}->${e.status}` : '',
    ...(e.relationsAdded ?? []).map((r) => `+${r.type} ${r.target}`)].filter(Boolean).join(' ');
const lines = (h: RecordHistory) => h.events.map(line);

const P = 'doc/adr/0002-use-postgresql.md';
const MYSQL = 'doc/adr/0003-use-mysql.md';
const MARIA = 'doc/adr/0003-use-mariadb.md';
const MOVED = 'docs/architecture/decisions/0002-record-architecture-decisions.md';

/** The scripted history: created, accepted, superseded, renamed, moved between folders, edited by a merge, a branch merged. */
function scripted(): HistoryRepo {
  const repo = new HistoryRepo();
  repo.commitAs('Alice', '2024-01-05T10:00:00+01:00', 'Two first decisions', {
    'doc/adr/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions', 'Accepted'),
    [P]: nygard(2, 'Use PostgreSQL', 'Proposed'),
  });
  repo.commitAs('Bob', '2024-02-01T09:00:00Z', 'Accept PostgreSQL', { [P]: nygard(2, 'Use PostgreSQL', 'Accepted') });
  repo.commitAs('Carol', '2024-03-01T09:00:00Z', 'MySQL supersedes PostgreSQL', {
    [MYSQL]: nygard(3, 'Use MySQL', 'Accepted', ['Supercedes [2. Use PostgreSQL](0002-use-postgresql.md)']),
    [P]: nygard(2, 'Use PostgreSQL', 'Superseded by [3. Use MySQL](0003-use-mysql.md)'),
  });
  repo.git('mv', MYSQL, MARIA);
  repo.commitAs('Dave', '2024-04-01T09:00:00Z', 'Rename to MariaDB', {
    [MARIA]: nygard(3, 'Use MariaDB', 'Accepted', ['Supercedes [2. Use PostgreSQL](0002-use-postgresql.md)']),
  });
  repo.commitAs('Erin', '2024-05-01T09:00:00Z', 'A second collection', {
    'docs/architecture/decisions/0001-api-style.md': nygard(1, 'API style', 'Accepted'),
  });
  repo.git('mv', 'doc/adr/0001-record-architecture-decisions.md', MOVED);
  repo.commitAs('Frank', '2024-06-01T09:00:00Z', 'Move the first record');
  // A conflict on MariaDB, resolved by the merge with a status of its own.
  repo.git('checkout', '-q', '-b', 'feature');
  repo.commitAs('Grace', '2024-07-01T09:00:00Z', 'Context from the feature', {
    [MARIA]: nygard(3, 'Use MariaDB', 'Accepted', ['Supercedes [2. Use PostgreSQL](0002-use-postgresql.md)'], 'Feature side.'),
  });
  repo.git('checkout', '-q', 'main');
  repo.commitAs('Heidi', '2024-07-02T09:00:00Z', 'Context from main', {
    [MARIA]: nygard(3, 'Use MariaDB', 'Accepted', ['Supercedes [2. Use PostgreSQL](0002-use-postgresql.md)'], 'Main side.'),
  });
  assert.notEqual(repo.gitStatus('merge', '-q', '--no-edit', 'feature'), 0);
  repo.write({ [MARIA]: nygard(3, 'Use MariaDB', 'Deprecated', ['Supercedes [2. Use PostgreSQL](0002-use-postgresql.md)'], 'Both sides.') });
  repo.git('add', '-A');
  repo.gitAs('Ivan', '2024-07-03T09:00:00Z', 'commit', '-q', '--no-edit');
  // A record created on a branch, merged without conflict.
  repo.git('checkout', '-q', '-b', 'redis');
  repo.commitAs('Judy', '2024-08-01T09:00:00Z', 'Propose Redis', { 'doc/adr/0004-use-redis.md': nygard(4, 'Use Redis', 'Proposed') });
  repo.git('checkout', '-q', 'main');
  repo.commitAs('Ken', '2024-08-02T09:00:00Z', 'Unrelated', { 'src/app.ts': 'export {};\n' });
  repo.gitAs('Leo', '2024-08-03T09:00:00Z', 'merge', '-q', '--no-ff', '--no-edit', 'redis');
  return repo;
}

describe('history from git', function () {
  this.timeout(60000);
  let repo: HistoryRepo | undefined;
  const cleanup: string[] = [];
  afterEach(() => {
    repo?.dispose();
    repo = undefined;
    for (const d of cleanup.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('reads created, status changes, relations, renames, moves and merges of every record with one git log', async () => {
    repo = scripted();
    const git = new CountingGit();
    const h = await historyOf(repo.root, { git });
    assert.deepEqual(git.commands(), ['rev-parse', 'log', 'cat-file', 'cat-file']);
    assert.equal(git.calls.filter((c) => c.includes('log')).length, 1);
    assert.equal(h.stats.mode, 'full');

    const pg = h.of(repo.path(P));
    assert.deepEqual(lines(pg), [
      'created Alice 2024-01-05 doc/adr/0002-use-postgresql.md',
      'edited Bob 2024-02-01 doc/adr/0002-use-postgresql.md proposed->accepted',
      'edited Carol 2024-03-01 doc/adr/0002-use-postgresql.md accepted->superseded +superseded-by 0003-use-mysql.md',
    ]);
    assert.equal(pg.created?.status, 'proposed');
    assert.equal(pg.created?.email, 'alice@example.com');
    assert.equal(pg.created?.date, '2024-01-05T10:00:00+01:00');
    assert.deepEqual(pg.statusChanges.map((e) => `${e.statusFrom}->${e.status} ${e.author}`), ['proposed->accepted Bob', 'accepted->superseded Carol']);
    assert.equal(pg.statusChanges[1]!.statusText, 'Superseded by [3. Use MySQL](0003-use-mysql.md)');
    assert.deepEqual(pg.relationsAdded.map((r) => `${r.type} ${r.target} ${r.author}`), ['superseded-by 0003-use-mysql.md Carol']);
    assert.equal(who(pg.lastEdited), 'Carol 2024-03-01');
    assert.equal(pg.gap, undefined);

    const maria = h.of(repo.path(MARIA));
    const ml = lines(maria);
    assert.deepEqual(ml.slice(0, 2), [
      'created Carol 2024-03-01 doc/adr/0003-use-mysql.md +supersedes 0002-use-postgresql.md',
      'renamed Dave 2024-04-01 doc/adr/0003-use-mariadb.md from doc/adr/0003-use-mysql.md',
    ]);
    // The two sides of the merge, in either order (neither is the other's ancestor), then the merge.
    assert.deepEqual(ml.slice(2, 4).sort(), ['edited Grace 2024-07-01 doc/adr/0003-use-mariadb.md', 'edited Heidi 2024-07-02 doc/adr/0003-use-mariadb.md']);
    assert.deepEqual(ml.slice(4), ['edited Ivan 2024-07-03 doc/adr/0003-use-mariadb.md merge accepted->deprecated']);
    assert.equal(maria.statusChanges.length, 1);
    assert.equal(who(maria.lastEdited), 'Ivan 2024-07-03');

    const moved = h.of(repo.path(MOVED));
    assert.deepEqual(lines(moved), [
      'created Alice 2024-01-05 doc/adr/0001-record-architecture-decisions.md',
      `renamed Frank 2024-06-01 ${MOVED} from doc/adr/0001-record-architecture-decisions.md`,
    ]);

    // Created on a branch: the branch's author, not the merge's.
    const redis = h.of(repo.path('doc/adr/0004-use-redis.md'));
    assert.deepEqual(lines(redis), ['created Judy 2024-08-01 doc/adr/0004-use-redis.md']);
    assert.equal(h.all().length, 5);
  });

  it('says which records have no history: untracked, no commits, not a repository', async () => {
    repo = scripted();
    repo.write({ 'doc/adr/0005-new.md': nygard(5, 'New', 'Proposed') });
    const h = await historyOf(repo.root);
    assert.equal(h.of(repo.path('doc/adr/0005-new.md')).gap, 'untracked');
    assert.equal(h.of(repo.path('doc/adr/0005-new.md')).events.length, 0);
    repo.dispose();

    repo = new HistoryRepo();
    repo.write({ [P]: nygard(2, 'Use PostgreSQL', 'Proposed') });
    repo.git('add', '-A');
    const none = await historyOf(repo.root);
    assert.equal(none.gap, 'no-commits');
    assert.equal(none.of(repo.path(P)).gap, 'no-commits');
    repo.dispose();

    repo = new HistoryRepo({ git: false });
    repo.write({ [P]: nygard(2, 'Use PostgreSQL', 'Proposed') });
    const outside = await historyOf(repo.root);
    assert.equal(outside.gap, 'no-repository');
    assert.equal(outside.of(repo.path(P)).gap, 'no-repository');
  });

  it('marks records older than a shallow clone as such, and still reads what the clone has', async () => {
    repo = scripted();
    repo.commitAs('Mallory', '2024-09-01T09:00:00Z', 'Accept Redis', { 'doc/adr/0004-use-redis.md': nygard(4, 'Use Redis', 'Accepted') });
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'adrw-shallow-')));
    cleanup.push(dir);
    execFileSync('git', ['-c', 'protocol.file.allow=always', 'clone', '-q', '--depth', '2', `file://${repo.root}`, join(dir, 'c')], { env: TEST_GIT_ENV });
    const clone = join(dir, 'c');
    const h = await historyOf(clone);
    assert.equal(h.repository?.shallow, true);
    const pg = h.of(`${clone}/${P}`);
    assert.equal(pg.gap, 'shallow');
    assert.equal(pg.created, undefined);
    const redis = h.of(`${clone}/doc/adr/0004-use-redis.md`);
    assert.equal(redis.gap, 'shallow');
    assert.deepEqual(redis.statusChanges.map((e) => `${e.statusFrom}->${e.status} ${e.author}`), ['proposed->accepted Mallory']);
  });

  it('is cached by HEAD: the same HEAD reads nothing, a descendant only its new commits, a rewritten one everything', async () => {
    repo = scripted();
    const first = await historyOf(repo.root);
    const git = new CountingGit();
    const same = await historyOf(repo.root, { git, snapshot: first.snapshot! });
    assert.equal(same.stats.mode, 'cached');
    assert.deepEqual(git.commands(), ['rev-parse']);
    assert.deepEqual(lines(same.of(repo.path(P))), lines(first.of(repo.path(P))));

    repo.commitAs('Mallory', '2024-09-01T09:00:00Z', 'Accept Redis', { 'doc/adr/0004-use-redis.md': nygard(4, 'Use Redis', 'Accepted') });
    repo.commitAs('Niaj', '2024-09-02T09:00:00Z', 'Unrelated', { 'src/app.ts': 'export const x = 1;\n' });
    const git2 = new CountingGit();
    const next = await historyOf(repo.root, { git: git2, snapshot: JSON.parse(JSON.stringify(first.snapshot)) });
    assert.equal(next.stats.mode, 'incremental');
    assert.equal(next.stats.commits, 1);
    assert.deepEqual(git2.commands(), ['rev-parse', 'merge-base', 'log', 'cat-file', 'cat-file']);
    const redis = next.of(repo.path('doc/adr/0004-use-redis.md'));
    assert.deepEqual(lines(redis), ['created Judy 2024-08-01 doc/adr/0004-use-redis.md', 'edited Mallory 2024-09-01 doc/adr/0004-use-redis.md proposed->accepted']);
    // Same answers as reading everything.
    const full = await historyOf(repo.root);
    for (const r of full.all()) assert.deepEqual(lines(next.of(r.path)), lines(r), r.path);

    repo.git('reset', '-q', '--hard', 'HEAD~2');
    repo.commitAs('Olivia', '2024-09-03T09:00:00Z', 'Reject Redis', { 'doc/adr/0004-use-redis.md': nygard(4, 'Use Redis', 'Rejected') });
    const rewritten = await historyOf(repo.root, { snapshot: next.snapshot! });
    assert.equal(rewritten.stats.mode, 'full');
    assert.deepEqual(rewritten.of(repo.path('doc/adr/0004-use-redis.md')).statusChanges.map((e) => e.author), ['Olivia']);
  });

  it('an update that merges a branch forked before the cached HEAD reads everything again, with the same answers', async () => {
    repo = scripted();
    repo.git('checkout', '-q', '-b', 'late', 'HEAD~1');
    repo.commitAs('Quinn', '2024-09-05T09:00:00Z', 'Deprecate PostgreSQL', { [P]: nygard(2, 'Use PostgreSQL', 'Deprecated') });
    repo.git('checkout', '-q', 'main');
    const cached = await historyOf(repo.root);
    repo.gitAs('Rupert', '2024-09-06T09:00:00Z', 'merge', '-q', '--no-ff', '--no-edit', 'late');
    const next = await historyOf(repo.root, { snapshot: cached.snapshot! });
    assert.equal(next.stats.mode, 'full');
    assert.deepEqual(next.of(repo.path(P)).statusChanges.map((e) => `${e.statusFrom}->${e.status} ${e.author}${e.merge ? ' merge' : ''}`),
      ['proposed->accepted Bob', 'accepted->superseded Carol', 'superseded->deprecated Quinn']);
  });

  it('records deletions and keeps the deleted record in the collection history', async () => {
    repo = scripted();
    repo.remove('doc/adr/0004-use-redis.md');
    repo.commitAs('Peggy', '2024-10-01T09:00:00Z', 'Drop Redis');
    const h = await historyOf(repo.root);
    const gone = h.all().find((r) => r.deleted);
    assert.ok(gone);
    assert.equal(gone.path, repo.path('doc/adr/0004-use-redis.md'));
    assert.deepEqual(lines(gone), ['created Judy 2024-08-01 doc/adr/0004-use-redis.md', 'deleted Peggy 2024-10-01 doc/adr/0004-use-redis.md']);
    assert.equal(who(gone.lastEdited), 'Judy 2024-08-01');
  });
});
