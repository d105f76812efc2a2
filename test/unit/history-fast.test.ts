/**
 * The history's fast road (core/history: the log read as git prints it, cat-file fed meanwhile, the
 * parents-first order computed here, facts carried from the newer version to the older) against the reference
 * road (the log read whole in git's `--topo-order --reverse`, every version parsed in full): the same
 * answers, event for event, on scripted repositories with renames, moves between folders, merges
 * (a conflict resolved, a branch merged, a record edited on both sides), status changes,
 * supersedes, copies, front matter and prose edits; and its parts one by one.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BlobStream, readBlobs, type BlobRead } from '../../src/core/history/blobs';
import { carriesFacts, factsOf, factsText } from '../../src/core/history/facts';
import { LogParser, logArgs, parseLog, topoOrder, type LogCommit } from '../../src/core/history/gitLog';
import type { HistoryResult, RecordHistory } from '../../src/core/history';
import type { GitBytesOutput, GitInputPort, GitOutput } from '../../src/core/review/git';
import type { GitProcess } from '../../src/core/history/stream';
import { decodeText } from '../../src/core/text';
import { NodeGit } from '../../src/platform/git';
import { CORPORA } from '../support/corpora';
import { TEST_GIT_ENV } from '../support/gitRepo';
import { CountingGit, HistoryRepo, historyOf, nygard } from '../support/historyRepo';

/** The real git without the streaming method: the buffered road (log and blobs read whole). */
class BufferedGit implements GitInputPort {
  private readonly inner = new NodeGit();
  run(cwd: string, args: readonly string[]): Promise<GitOutput> {
    return this.inner.run(cwd, args);
  }
  runInput(cwd: string, args: readonly string[], input: string, maxBytes: number): Promise<GitBytesOutput> {
    return this.inner.runInput(cwd, args, input, maxBytes);
  }
}

const A = 'doc/adr';
const B = 'docs/decisions';
const madr = (title: string, status: string, body: string) => `---\nstatus: ${status}\ndate: 2024-01-01\n---\n# ${title}\n\n## Context and Problem Statement\n\n${body}\n`;

/** Renames, moves, merges (conflict, clean, both sides editing), status changes, supersedes, copies, front matter, prose edits. */
function scripted(): HistoryRepo {
  const repo = new HistoryRepo();
  let day = 1;
  const at = () => `2024-01-${String(day++).padStart(2, '0')}T09:00:00Z`;
  const ids = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin'];
  const who = () => ids[day % ids.length]!;
  repo.commitAs(who(), at(), 'Three decisions', {
    [`${A}/0001-record-architecture-decisions.md`]: nygard(1, 'Record architecture decisions', 'Accepted'),
    [`${A}/0002-use-postgresql.md`]: nygard(2, 'Use PostgreSQL', 'Proposed', [], 'First context.'),
    [`${B}/0001-api-style.md`]: madr('API style', 'proposed', 'Some prose.'),
  });
  repo.commitAs(who(), at(), 'Prose', { [`${A}/0002-use-postgresql.md`]: nygard(2, 'Use PostgreSQL', 'Proposed', [], 'Second context.') });
  repo.commitAs(who(), at(), 'Accept', { [`${A}/0002-use-postgresql.md`]: nygard(2, 'Use PostgreSQL', 'Accepted', [], 'Second context.') });
  repo.commitAs(who(), at(), 'Front matter status', { [`${B}/0001-api-style.md`]: madr('API style', 'accepted', 'Some prose.') });
  repo.commitAs(who(), at(), 'Front matter prose', { [`${B}/0001-api-style.md`]: madr('API style', 'accepted', 'Other prose.') });
  repo.commitAs(who(), at(), 'Supersede', {
    [`${A}/0003-use-mysql.md`]: nygard(3, 'Use MySQL', 'Accepted', ['Supercedes [2. Use PostgreSQL](0002-use-postgresql.md)']),
    [`${A}/0002-use-postgresql.md`]: nygard(2, 'Use PostgreSQL', 'Superseded by [3. Use MySQL](0003-use-mysql.md)', [], 'Second context.'),
  });
  repo.git('mv', `${A}/0003-use-mysql.md`, `${A}/0003-use-mariadb.md`);
  repo.commitAs(who(), at(), 'Rename', { [`${A}/0003-use-mariadb.md`]: nygard(3, 'Use MariaDB', 'Accepted', ['Supercedes [2. Use PostgreSQL](0002-use-postgresql.md)']) });
  repo.git('mv', `${A}/0001-record-architecture-decisions.md`, `${B}/0002-record-architecture-decisions.md`);
  repo.commitAs(who(), at(), 'Move between folders');
  // The same text at a second path (a copy): its facts belong to the path it was last written at.
  repo.commitAs(who(), at(), 'Copy', { [`${A}/0004-use-postgresql-again.md`]: nygard(2, 'Use PostgreSQL', 'Superseded by [3. Use MySQL](0003-use-mysql.md)', [], 'Second context.') });
  // A conflict resolved with a status of its own; both sides edit the same record.
  repo.git('checkout', '-q', '-b', 'feature');
  repo.commitAs(who(), at(), 'Feature side', { [`${A}/0003-use-mariadb.md`]: nygard(3, 'Use MariaDB', 'Accepted', ['Supercedes [2. Use PostgreSQL](0002-use-postgresql.md)'], 'Feature side.') });
  repo.commitAs(who(), at(), 'Feature adds one', { [`${B}/0003-use-kafka.md`]: nygard(3, 'Use Kafka', 'Proposed') });
  repo.git('checkout', '-q', 'main');
  repo.commitAs(who(), at(), 'Main side', { [`${A}/0003-use-mariadb.md`]: nygard(3, 'Use MariaDB', 'Accepted', ['Supercedes [2. Use PostgreSQL](0002-use-postgresql.md)'], 'Main side.') });
  repo.commitAs(who(), at(), 'Unrelated', { 'src/app.ts': 'export {};\n' });
  assert.notEqual(repo.gitStatus('merge', '-q', '--no-edit', 'feature'), 0);
  repo.write({ [`${A}/0003-use-mariadb.md`]: nygard(3, 'Use MariaDB', 'Deprecated', ['Supercedes [2. Use PostgreSQL](0002-use-postgresql.md)', 'Amends [1. API style](../../docs/decisions/0001-api-style.md)'], 'Both sides.') });
  repo.git('add', '-A');
  repo.gitAs(who(), at(), 'commit', '-q', '--no-edit');
  // A branch that renames a record while main edits its prose, merged cleanly.
  repo.git('checkout', '-q', '-b', 'rename');
  repo.git('mv', `${B}/0003-use-kafka.md`, `${B}/0003-use-kafka-streams.md`);
  repo.commitAs(who(), at(), 'Rename on a branch');
  repo.git('checkout', '-q', 'main');
  repo.commitAs(who(), at(), 'Prose on main', { [`${A}/0002-use-postgresql.md`]: nygard(2, 'Use PostgreSQL', 'Superseded by [3. Use MySQL](0003-use-mysql.md)', [], 'Third context.') });
  repo.gitAs(who(), at(), 'merge', '-q', '--no-ff', '--no-edit', 'rename');
  repo.commitAs(who(), at(), 'Accept Kafka', { [`${B}/0003-use-kafka-streams.md`]: nygard(3, 'Use Kafka', 'Accepted') });
  repo.remove(`${A}/0004-use-postgresql-again.md`);
  repo.commitAs(who(), at(), 'Drop the copy');
  // A record titled by its file name, copied, then edited at its first path: the copy's version is
  // seen first (newest first) at the first path, but its facts (its title) are the copy's.
  const untitled = (body: string) => `Date: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\n${body}\n`;
  repo.commitAs(who(), at(), 'Untitled', { [`${A}/0005-use-a-cache.md`]: untitled('One.') });
  repo.commitAs(who(), at(), 'Untitled copy', { [`${A}/0006-use-a-cache-again.md`]: untitled('One.') });
  repo.commitAs(who(), at(), 'Untitled edited', { [`${A}/0005-use-a-cache.md`]: untitled('Two.') });
  return repo;
}

const byPath = (h: HistoryResult): RecordHistory[] => h.all().sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? markdownFiles(p) : n.endsWith('.md') ? [p] : [];
  });
}

describe('history: the fast road gives the reference road\'s answers', function () {
  this.timeout(120_000);
  let repo: HistoryRepo | undefined;
  afterEach(() => {
    repo?.dispose();
    repo = undefined;
  });

  it('the same history of every record, event for event: streamed, buffered, and every version parsed in full', async () => {
    repo = scripted();
    const git = new CountingGit();
    const fast = await historyOf(repo.root, { git });
    assert.deepEqual(git.commands(), ['rev-parse', 'log', 'cat-file', 'cat-file']);
    assert.ok(!git.calls[1]!.includes('--topo-order'), 'the log streams (no --topo-order)');
    const buffered = await historyOf(repo.root, { git: new BufferedGit() });
    const reference = await historyOf(repo.root, { fullParse: true });
    const all = byPath(reference);
    assert.equal(all.length, 8, all.map((h) => h.path).join('\n'));
    assert.equal(all.filter((h) => h.deleted).length, 1);
    assert.ok(all.reduce((n, h) => n + h.statusChanges.length, 0) === 5, JSON.stringify(all.map((h) => h.statusChanges.map((e) => `${h.path.split("/").pop()} ${e.statusFrom}->${e.status}`))));
    assert.ok(all.some((h) => h.events.some((e) => e.change === 'renamed' && e.oldPath?.startsWith(A) && e.path.startsWith(B))), 'a move between folders');
    assert.ok(all.some((h) => h.events.some((e) => e.merge)), 'a merge of its own');
    assert.deepEqual(byPath(fast), all);
    assert.deepEqual(byPath(buffered), all);
    // The state handed to the next read: the same (its versions' facts in any order).
    const state = (h: HistoryResult) => ({ ...h.snapshot!, facts: [...h.snapshot!.facts].sort(([a], [b]) => (a < b ? -1 : 1)) });
    assert.deepEqual(state(fast), state(reference));
    assert.deepEqual(state(buffered), state(reference));
    assert.ok(state(fast).facts.some(([, f]) => f.title === 'Use a cache again'), 'the copy\'s facts');
    assert.equal(fast.stats.commits, reference.stats.commits);
    assert.equal(fast.stats.blobs, reference.stats.blobs);
    assert.ok(fast.stats.parsed < reference.stats.parsed, `${fast.stats.parsed} parsed, ${reference.stats.parsed} in full`);
  });

  it('the same updates after more commits (incremental), on both roads', async () => {
    repo = scripted();
    const fast = await historyOf(repo.root);
    const reference = await historyOf(repo.root, { fullParse: true });
    repo.commitAs('Frank', '2024-03-01T09:00:00Z', 'Deprecate', { [`${A}/0002-use-postgresql.md`]: nygard(2, 'Use PostgreSQL', 'Deprecated', [], 'Third context.') });
    repo.commitAs('Grace', '2024-03-02T09:00:00Z', 'Prose', { [`${A}/0002-use-postgresql.md`]: nygard(2, 'Use PostgreSQL', 'Deprecated', [], 'Fourth context.') });
    const next = await historyOf(repo.root, { snapshot: JSON.parse(JSON.stringify(fast.snapshot)) });
    const nextRef = await historyOf(repo.root, { fullParse: true, snapshot: JSON.parse(JSON.stringify(reference.snapshot)) });
    assert.equal(next.stats.mode, 'incremental');
    assert.equal(nextRef.stats.mode, 'incremental');
    assert.deepEqual(byPath(next), byPath(nextRef));
    assert.deepEqual(byPath(next), byPath(await historyOf(repo.root, { fullParse: true })));
  });

  it('sorts the commits as git does: --topo-order --reverse of the same log', () => {
    repo = scripted();
    const run = (order: 'topo' | 'walk', pathspecs: string[]) => {
      const args = logArgs(['HEAD'], pathspecs, order);
      return parseLog(execFileSync('git', args, { cwd: repo!.root, env: TEST_GIT_ENV, encoding: 'utf8', maxBuffer: 1 << 26 }));
    };
    const ids = (cs: readonly LogCommit[]) => cs.map((c) => c.commit);
    // Over the whole history (git sorts the commits it shows), exactly git's order.
    assert.deepEqual(ids(topoOrder(run('walk', []))), ids(run('topo', [])));
    // Over the folders: the same commits, parents always before children.
    const folders = [`:(literal)${A}`, `:(literal)${B}`];
    const sorted = topoOrder(run('walk', folders));
    assert.deepEqual([...ids(sorted)].sort(), [...ids(run('topo', folders))].sort());
    const seen = new Set<string>();
    for (const c of sorted) {
      for (const p of c.parents) if (sorted.some((x) => x.commit === p)) assert.ok(seen.has(p), `${c.subject}: a parent after it`);
      seen.add(c.commit);
    }
  });
});

describe('history: the fast road\'s parts', function () {
  this.timeout(120_000);
  let repo: HistoryRepo | undefined;
  afterEach(() => {
    repo?.dispose();
    repo = undefined;
  });

  it('parses the log in pieces of any size as it parses it whole (a multi-byte name cut anywhere)', () => {
    repo = scripted();
    repo.commitAs('Zoë', '2024-04-01T09:00:00Z', 'Décision « café »', { [`${A}/0005-café-ünïcode.md`]: nygard(5, 'Café', 'Proposed') });
    const bytes = execFileSync('git', logArgs(['HEAD'], [], 'walk'), { cwd: repo.root, env: TEST_GIT_ENV, maxBuffer: 1 << 26 });
    const whole = parseLog(new TextDecoder().decode(bytes));
    assert.ok(whole.length > 15);
    assert.ok(whole.some((c) => c.changes.some((ch) => ch.path.includes('café-ünïcode'))));
    for (const size of [1, 2, 3, 7, 64, 1000]) {
      const parser = new LogParser();
      const decoder = new TextDecoder();
      const got: LogCommit[] = [];
      for (let i = 0; i < bytes.length; i += size) got.push(...parser.push(decoder.decode(bytes.subarray(i, i + size), { stream: true })));
      got.push(...parser.end(decoder.decode()));
      assert.deepEqual(got, whole, `pieces of ${size} bytes`);
    }
    // Malformed input: skipped, never thrown on, the same in pieces.
    const junk = `junk\x01nothex\0\0a\0b\0c\0d\0:100644 100644 ${'a'.repeat(40)}`;
    const pieces = new LogParser();
    const inPieces = [...pieces.push(junk.slice(0, 9)), ...pieces.push(junk.slice(9)), ...pieces.end()];
    assert.deepEqual(inPieces, parseLog(junk));
  });

  it('reads blobs while they are asked for with the answers of readBlobs: missing, not a file, too large, read', async () => {
    repo = new HistoryRepo();
    repo.write({ 'a.md': nygard(1, 'A', 'Accepted'), 'b.md': 'x'.repeat(3 * 1024 * 1024), 'c.md': new Uint8Array([0xff, 0, 1, 2]) });
    repo.commitAs('Alice', '2024-01-01T09:00:00Z', 'Files');
    const sha = (p: string) => repo!.git('rev-parse', `HEAD:${p}`).trim();
    const tree = repo.git('rev-parse', 'HEAD^{tree}').trim();
    const shas = [sha('a.md'), sha('b.md'), sha('c.md'), tree, 'f'.repeat(40), sha('a.md')];
    const expected = await readBlobs(new NodeGit(), repo.root, shas);
    const got = new Map<string, BlobRead>();
    const counter = { processes: 0 };
    const stream = new BlobStream(new NodeGit(), repo.root, (s, r) => got.set(s, r), counter);
    for (const s of shas.slice(0, 3)) stream.want(s);
    stream.flush();
    for (const s of shas.slice(3)) stream.want(s);
    await stream.finish();
    assert.equal(counter.processes, 2);
    assert.deepEqual([...got.keys()].sort(), [...expected.keys()].sort());
    for (const [s, r] of expected) {
      const g = got.get(s)!;
      if ('bytes' in r) assert.deepEqual(Buffer.from((g as { bytes: Uint8Array }).bytes), Buffer.from(r.bytes), s);
      else assert.deepEqual(g, r, s);
    }
    // Nothing asked: no process.
    const idle = new BlobStream(new NodeGit(), repo.root, () => assert.fail('nothing asked'), counter);
    await idle.finish();
    assert.equal(counter.processes, 2);
  });

  it('a log git refuses is a GitCommandError with every process it started stopped', async () => {
    repo = scripted();
    const inner = new CountingGit();
    const started: GitProcess[] = [];
    // The real git, its log asked for a revision that does not exist (after the version check passed).
    const broken = {
      run: (cwd: string, args: readonly string[]) => inner.run(cwd, args),
      runInput: (cwd: string, args: readonly string[], input: string, max: number) => inner.runInput(cwd, args, input, max),
      spawn: (cwd: string, args: readonly string[], onData: (b: Uint8Array) => void, max: number) => {
        const p = inner.spawn(cwd, args.includes('log') ? args.map((a) => (/^[0-9a-f]{40}$/.test(a) ? 'refs/heads/no-such-branch' : a)) : args, onData, max);
        started.push(p);
        return p;
      },
    };
    await assert.rejects(historyOf(repo.root, { git: broken }), (e: Error) => e.name === 'GitCommandError' && /log/.test(e.message));
    assert.equal(started.length, 1, 'no cat-file started for a log that printed nothing');
  });

  it('a streamed git is stopped after the time limit without output or input, not while it is fed', async () => {
    repo = new HistoryRepo();
    repo.commitAs('Alice', '2024-01-01T09:00:00Z', 'One', { 'a.md': nygard(1, 'A', 'Accepted') });
    const git = new NodeGit({ timeoutMs: 400 });
    const idle = git.spawn(repo.root, ['cat-file', '--batch-check'], () => undefined, 1 << 20);
    await assert.rejects(idle.done, /timed out/);
    // Fed every 150 ms for 900 ms: alive throughout, then ends normally.
    const sha = repo.git('rev-parse', 'HEAD:a.md').trim();
    let out = '';
    const fed = git.spawn(repo.root, ['cat-file', '--batch-check'], (b) => { out += new TextDecoder().decode(b); }, 1 << 20);
    for (let i = 0; i < 6; i++) {
      fed.write(`${sha}\n`);
      await new Promise((r) => setTimeout(r, 150));
    }
    fed.end();
    assert.equal((await fed.done).exitCode, 0);
    assert.equal(out.split('\n').filter(Boolean).length, 6);
  });

  it('carries facts from the newer version to the older (the order the log is read in), on edits of every corpus and fixture file', () => {
    const files = [...markdownFiles(CORPORA), ...markdownFiles(join(CORPORA, '..', 'corpora-wild')), ...markdownFiles(join(process.cwd(), 'test', 'fixtures'))];
    assert.ok(files.length > 300, `${files.length} files`);
    let carried = 0;
    for (const path of files) {
      const { text } = decodeText(readFileSync(path), path);
      const ctx = { path, collection: dirname(path) };
      const original = factsOf(text, ctx);
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      const lines = text.split(eol);
      const step = Math.max(1, Math.ceil(lines.length / 25));
      for (let i = 0; i < lines.length; i += step) {
        const l = lines[i]!;
        const word = /[A-Za-z]{4,}/.exec(l);
        const edits = [
          [...lines.slice(0, i), 'An edited sentence, superseded by nothing.', ...lines.slice(i + 1)],
          [...lines.slice(0, i), ...lines.slice(i + 1)],
          [...lines.slice(0, i + 1), '', 'A new paragraph (added later).', ...lines.slice(i + 1)],
          ...(word ? [[...lines.slice(0, i), l.replace(word[0], `${word[0]}s`), ...lines.slice(i + 1)]] : []),
        ];
        for (const edited of edits) {
          const newer = edited.join(eol);
          // The newer version (its facts known) is the one carried from; the older is the text read.
          if (!carriesFacts(factsText(newer), text)) continue;
          carried++;
          assert.deepEqual(factsOf(newer, ctx), original, `${path}: line ${i + 1} edited:\n${newer}`);
        }
      }
    }
    assert.ok(carried > 3_000, `${carried} carried`);
  });
});
