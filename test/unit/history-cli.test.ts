/** `adrw log`, `adrw list --at REV` and `adrw show REF --at REV`, in process and as the bundled binary. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { cli } from '../support/cliHarness';
import { HistoryRepo, nygard } from '../support/historyRepo';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const P = 'doc/adr/0002-use-postgresql.md';

/** Created, accepted (tagged v1), superseded, renamed; a record added after the tag. */
function repoWithTag(): HistoryRepo {
  const repo = new HistoryRepo();
  repo.commitAs('Alice', '2024-01-05T10:00:00Z', 'First decisions', {
    'doc/adr/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions', 'Accepted'),
    [P]: nygard(2, 'Use PostgreSQL', 'Proposed'),
  });
  repo.commitAs('Bob', '2024-02-01T09:00:00Z', 'Accept PostgreSQL', { [P]: nygard(2, 'Use PostgreSQL', 'Accepted') });
  repo.git('tag', 'v1');
  repo.commitAs('Carol', '2024-03-01T09:00:00Z', 'MySQL supersedes PostgreSQL', {
    'doc/adr/0003-use-mysql.md': nygard(3, 'Use MySQL', 'Accepted', ['Supercedes [2. Use PostgreSQL](0002-use-postgresql.md)']),
    [P]: nygard(2, 'Use PostgreSQL', 'Superseded by [3. Use MySQL](0003-use-mysql.md)'),
  });
  return repo;
}

describe('CLI: log, list --at, show --at', function () {
  this.timeout(60000);
  let repo: HistoryRepo | undefined;
  const dirs: string[] = [];
  afterEach(() => {
    repo?.dispose();
    repo = undefined;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const run = (...argv: string[]) => cli(new NodeFileSystem(), repo!.root, argv);

  it('log REF: the record\'s history, newest first, with created and last edited', async () => {
    repo = repoWithTag();
    const sha = (n: number) => repo!.git('rev-parse', '--short=7', `HEAD~${n}`).trim();
    const r = await run('log', '2');
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.equal(r.stdout, [
      'doc/adr/0002-use-postgresql.md: 2. Use PostgreSQL',
      `  created      2024-01-05 by Alice (${sha(2)}) (proposed)`,
      `  last edited  2024-03-01 by Carol (${sha(0)})`,
      `  2024-03-01  ${sha(0)}  Carol  accepted → superseded; superseded by 0003-use-mysql.md`,
      `  2024-02-01  ${sha(1)}  Bob  proposed → accepted`,
      `  2024-01-05  ${sha(2)}  Alice  created (proposed)`,
      '',
    ].join('\n'));
    assert.equal((await run('log', '-n', '1', '2')).stdout.split('\n').length, 5);
  });

  it('log --json REF: created, status changes and relations with commit, date and author', async () => {
    repo = repoWithTag();
    const r = await run('log', '--json', 'postgresql');
    const j = JSON.parse(r.stdout) as {
      path: string; gap: null; status: string; created: { author: string; status: string; date: string };
      statusChanges: { from: string; to: string; author: string; commit: string }[]; relationsAdded: { type: string; target: string; author: string }[];
      events: { change: string; author: string }[];
    };
    assert.equal(j.path, P);
    assert.equal(j.gap, null);
    assert.equal(j.status, 'superseded');
    assert.deepEqual([j.created.author, j.created.status, j.created.date], ['Alice', 'proposed', '2024-01-05T10:00:00+00:00']);
    assert.deepEqual(j.statusChanges.map((s) => `${s.from}->${s.to} ${s.author}`), ['proposed->accepted Bob', 'accepted->superseded Carol']);
    assert.equal(j.statusChanges[1]!.commit, repo.head());
    assert.deepEqual(j.relationsAdded.map((x) => `${x.type} ${x.target} ${x.author}`), ['superseded-by 0003-use-mysql.md Carol']);
    assert.deepEqual(j.events.map((e) => `${e.change} ${e.author}`), ['edited Carol', 'edited Bob', 'created Alice']);
  });

  it('log: every record\'s events, newest first; untracked records, no commits and no repository say so', async () => {
    repo = repoWithTag();
    repo.write({ 'doc/adr/0004-draft.md': nygard(4, 'Draft', 'Proposed') });
    const r = await run('log');
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 6, r.stdout);
    assert.match(lines[0]!, /^2024-03-01 {2}[0-9a-f]{7} {2}Carol {2}doc\/adr\/0002-use-postgresql\.md {2}accepted → superseded/);
    assert.match(lines[4]!, /^2024-01-05 {2}[0-9a-f]{7} {2}Alice {2}doc\/adr\/000[12]-.*created/);
    assert.equal(lines[5], 'not committed yet: doc/adr/0004-draft.md');
    assert.match((await run('log', '4')).stdout, /no history: not committed yet/);
    const j = JSON.parse((await run('log', '--json')).stdout) as { head: string; untracked: string[]; events: { record: string }[] };
    assert.equal(j.head, repo.head());
    assert.deepEqual(j.untracked, ['doc/adr/0004-draft.md']);
    assert.equal(j.events.length, 5);
    repo.dispose();

    repo = new HistoryRepo();
    repo.write({ [P]: nygard(2, 'Use PostgreSQL', 'Proposed') });
    assert.match((await run('log', '2')).stdout, /no history: the repository has no commits yet/);
    repo.dispose();
    repo = new HistoryRepo({ git: false });
    repo.write({ [P]: nygard(2, 'Use PostgreSQL', 'Proposed') });
    const outside = await run('log');
    assert.equal(outside.code, 0);
    assert.equal(outside.stdout, 'no history: not in a git repository\n');
  });

  it('list --at REV: the records and their statuses at a tag, from git objects, whatever the work tree holds', async () => {
    repo = repoWithTag();
    repo.write({ [P]: 'garbage in the work tree\n' });
    repo.remove('doc/adr/0001-record-architecture-decisions.md');
    const r = await run('list', '--at', 'v1');
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, 'doc/adr/0001-record-architecture-decisions.md\taccepted\ndoc/adr/0002-use-postgresql.md\taccepted\n');
    const now = await run('list', '--at=HEAD', '--status', 'superseded');
    assert.equal(now.stdout, 'doc/adr/0002-use-postgresql.md\tsuperseded\n');
    const j = JSON.parse((await run('list', '--json', '--at', 'v1')).stdout) as { path: string; status: string }[];
    assert.deepEqual(j.map((x) => `${x.path} ${x.status}`), ['doc/adr/0001-record-architecture-decisions.md accepted', 'doc/adr/0002-use-postgresql.md accepted']);
    const first = repo.git('rev-list', '--max-parents=0', 'HEAD').trim();
    assert.match((await run('list', '--at', first)).stdout, /0002-use-postgresql\.md\tproposed/);
    // Nothing was written or checked out.
    assert.equal(repo.git('status', '--porcelain').trim(), 'D doc/adr/0001-record-architecture-decisions.md\n M doc/adr/0002-use-postgresql.md'.trim());
  });

  it('show REF --at REV: one record as it was; a record that did not exist yet, or a bad revision, is one line and exit 2', async () => {
    repo = repoWithTag();
    const r = await run('show', '2', '--at', 'v1');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^2\. Use PostgreSQL\n {2}status: {3}accepted\n/);
    const j = JSON.parse((await run('show', '--json', '--at', 'HEAD~2', '2')).stdout) as { status: string };
    assert.equal(j.status, 'proposed');
    const missing = await run('show', '3', '--at', 'v1');
    assert.deepEqual([missing.code, missing.stdout, missing.stderr], [2, '', 'adr-workbench: no decision record matches "3" at v1\n']);
    const bad = await run('show', '2', '--at', 'no-such-tag');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^adr-workbench: --at: no commit or tag "no-such-tag" in .*\n$/);
    const dash = await run('list', '--at', '--output=x');
    assert.equal(dash.code, 2);
    assert.equal(dash.stderr.split('\n').length, 2);
  });

  it('the bundled binary: log and list --at run from their own bundle; the state at HEAD is cached per user, then updated', () => {
    repo = repoWithTag();
    const cache = realpathSync(mkdtempSync(join(tmpdir(), 'adrw-history-cache-')));
    dirs.push(cache);
    const bin = (...args: string[]) => {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: repo!.root, encoding: 'utf8', env: { PATH: process.env.PATH, XDG_CACHE_HOME: cache, ADRW_COMPILE_CACHE: join(cache, 'v8') } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const log = bin('log', '2');
    assert.equal(log.stderr, '');
    assert.match(log.stdout, /proposed → accepted/);
    const files = readdirSync(join(cache, 'adr-workbench', 'history'));
    assert.equal(files.length, 1);
    repo.commitAs('Dave', '2024-04-01T09:00:00Z', 'Deprecate MySQL', { 'doc/adr/0003-use-mysql.md': nygard(3, 'Use MySQL', 'Deprecated') });
    const after = bin('log', '3');
    assert.match(after.stdout, /accepted → deprecated/);
    assert.match(after.stdout, /created {6}2024-03-01 by Carol/);
    assert.ok(existsSync(join(cache, 'adr-workbench', 'history', files[0]!)));
    const listed = bin('list', '--at', 'v1');
    assert.deepEqual([listed.code, listed.stderr], [0, '']);
    assert.equal(listed.stdout, 'doc/adr/0001-record-architecture-decisions.md\taccepted\ndoc/adr/0002-use-postgresql.md\taccepted\n');
  });
  it('digest reads the records\' history through the same per-user cache as log, and keeps it up to date', () => {
    repo = repoWithTag();
    const cache = realpathSync(mkdtempSync(join(tmpdir(), 'adrw-history-cache-')));
    dirs.push(cache);
    const bin = (env: Record<string, string>, ...args: string[]) => {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: repo!.root, encoding: 'utf8', env: { PATH: process.env.PATH, XDG_CACHE_HOME: cache, ADRW_COMPILE_CACHE: join(cache, 'v8'), ...env } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const digest = (env: Record<string, string> = {}) => bin(env, 'digest', '--since', 'v1', '--format', 'json');
    const cold = digest({ ADRW_HISTORY_CACHE: 'off' });
    assert.deepEqual([cold.code, cold.stderr], [0, '']);
    assert.equal(existsSync(join(cache, 'adr-workbench')), false);
    const first = digest();
    assert.equal(first.stdout, cold.stdout);
    const dir = join(cache, 'adr-workbench', 'history');
    const [file] = readdirSync(dir);
    const head = () => (JSON.parse(readFileSync(join(dir, file!), 'utf8')) as { head: string }).head;
    assert.equal(head(), repo.head());
    assert.equal(digest().stdout, cold.stdout, 'from the cache, the same digest');
    repo.commitAs('Dave', '2024-04-01T09:00:00Z', 'Deprecate MySQL', { 'doc/adr/0003-use-mysql.md': nygard(3, 'Use MySQL', 'Deprecated') });
    const next = digest();
    assert.equal(next.stdout, digest({ ADRW_HISTORY_CACHE: 'off' }).stdout);
    assert.match(next.stdout, /"change": "deprecated"/);
    assert.equal(head(), repo.head(), 'the cache moved on to the new HEAD');
  });
});
