/**
 * The editor's Decision Digest page, its pure parts: the period the page picks (kinds, dates, refs
 * that can never be options or ranges, the `--since` text), both directions of its messages
 * validated, and the digest as the page is given it (core's sections, records as links by path)
 * over the scripted repository of the digest goldens.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdrIndex } from '../../src/core/index';
import { collectDigest, formatDigestMarkdown, parseSince, type Digest } from '../../src/core/digest';
import { readSignoffPolicy } from '../../src/core/signoff';
import { digestView, isEmptyDigest, recordPaths, SECTION_IDS } from '../../src/features/digest/model';
import {
  DEFAULT_PERIOD, isIsoDate, isSafeRef, parseDigestView, parseFromWebview, parsePeriod, parseToWebview, periodLabel, periodProblem, sinceText,
  type DigestView, type Part, type Period,
} from '../../src/webviews/digest/protocol';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { NodeWorkTree } from '../../src/platform/workTree';
import { DIGEST_POLICY, scriptedDigestRepo } from '../support/digestRepo';
import { CountingGit, type HistoryRepo } from '../support/historyRepo';

const period = (kind: Period['kind'], value: string, until = ''): Period => ({ kind, value, until });
const text = (parts: readonly Part[]) => parts.map((p) => ('text' in p ? p.text : 'code' in p ? p.code : 'strong' in p ? p.strong : `[${p.record}](${p.path})`)).join('');

describe('digest page: the period', () => {
  it('accepts the last N days, a real date, a ref, and an optional until ref', () => {
    for (const p of [DEFAULT_PERIOD, period('days', '30'), period('date', '2025-03-01'), period('date', '2024-02-29'), period('ref', 'v1.2.0', 'main'),
      period('ref', 'HEAD~3'), period('ref', 'origin/release-2'), period('ref', 'a1b2c3d', 'feature/x@{1}')]) assert.equal(periodProblem(p), undefined, JSON.stringify(p));
  });

  it('refuses days that are not a whole number, dates that are not real, and refs that could be options, ranges or several words', () => {
    assert.match(periodProblem(period('days', '0'))!, /whole number/);
    assert.match(periodProblem(period('days', '7d'))!, /whole number/);
    assert.match(periodProblem(period('days', '-7'))!, /whole number/);
    assert.match(periodProblem(period('date', '2025-02-30'))!, /YYYY-MM-DD/);
    assert.match(periodProblem(period('date', '1 March'))!, /YYYY-MM-DD/);
    assert.match(periodProblem(period('ref', ''))!, /^Name a git ref/);
    for (const bad of ['--output=/tmp/x', '-p', 'main..feature', 'two words', 'tab\there', 'nul\u0000', 'x'.repeat(300)]) {
      assert.equal(isSafeRef(bad), false, bad);
      assert.match(periodProblem(period('ref', bad))!, /is not a git ref/, bad);
    }
    assert.match(periodProblem(period('days', '7', '--all'))!, /for "until"/);
    assert.equal(isIsoDate('2023-02-29'), false);
    assert.equal(isIsoDate('2024-02-29'), true);
  });

  it('is the CLI\'s --since text, read back by core as the same kind of period', () => {
    assert.equal(sinceText(period('days', '7')), '7d');
    assert.equal(sinceText(period('days', '030')), '30d');
    assert.deepEqual(parseSince(sinceText(period('days', '30'))), { kind: 'days', days: 30 });
    assert.deepEqual(parseSince(sinceText(period('date', '2025-03-01'))), { kind: 'date', date: '2025-03-01' });
    assert.deepEqual(parseSince(sinceText(period('ref', 'v1.2.0'))), { kind: 'ref', ref: 'v1.2.0' });
    assert.equal(periodLabel(period('days', '1')), 'the last 1 day');
    assert.equal(periodLabel(period('date', '2025-03-01', 'v2')), 'since 2025-03-01 until v2');
  });

  it('reads a period as typed (trimmed), nothing else', () => {
    assert.deepEqual(parsePeriod({ kind: 'ref', value: ' v1 ', until: ' main ' }), period('ref', 'v1', 'main'));
    assert.deepEqual(parsePeriod({ kind: 'days', value: '7' }), period('days', '7'));
    for (const bad of [null, '7d', { kind: 'weeks', value: '1' }, { kind: 'days', value: 7 }, { kind: 'ref', value: 'x', until: 3 }, { kind: 'ref', value: 'x'.repeat(1000) }]) {
      assert.equal(parsePeriod(bad), undefined, JSON.stringify(bad));
    }
  });
});

describe('digest page: messages from the page', () => {
  it('passes the page\'s requests through, typed', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'ready', period: { kind: 'days', value: '30', until: '' } }), { type: 'ready', period: period('days', '30') });
    assert.deepEqual(parseFromWebview({ type: 'run', period: { kind: 'date', value: '2025-03-01', until: '' }, extra: 1 }), { type: 'run', period: period('date', '2025-03-01') });
    assert.deepEqual(parseFromWebview({ type: 'refresh' }), { type: 'refresh' });
    assert.deepEqual(parseFromWebview({ type: 'copy' }), { type: 'copy' });
    assert.deepEqual(parseFromWebview({ type: 'open', path: 'doc/adr/0001-x.md' }), { type: 'open', path: 'doc/adr/0001-x.md' });
  });

  it('drops anything malformed', () => {
    for (const bad of [undefined, null, [], 'ready', { type: 'exec' }, { type: 'run' }, { type: 'run', period: { kind: 'sql', value: '1' } },
      { type: 'ready', period: 'x' }, { type: 'open' }, { type: 'open', path: '' }, { type: 'open', path: 7 }, { type: 'open', path: 'x'.repeat(5000) }]) {
      assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad));
    }
  });
});

describe('digest page: the digest it is given', function () {
  this.timeout(60_000);
  let repo: HistoryRepo;
  let digest: Digest;
  let view: DigestView;
  const digestOf = async (since: string, folder = repo.root): Promise<Digest> => {
    const fs = new NodeFileSystem();
    const policy = readSignoffPolicy(DIGEST_POLICY).policy;
    return (await collectDigest(new CountingGit(), fs, new NodeWorkTree(), {
      folder, since: parseSince(since), sinceText: since, today: '2025-03-10', index: await AdrIndex.build(fs, folder), policyOf: () => policy,
    })).digest;
  };
  before(async () => {
    repo = scriptedDigestRepo();
    digest = await digestOf('2025-03-01');
    view = digestView(digest);
  });
  after(() => repo.dispose());

  it('is every section of core\'s formats, in their order and words, records as links by path', () => {
    assert.deepEqual(view.sections.map((s) => s.id), SECTION_IDS);
    assert.deepEqual(view.sections.map((s) => s.title),
      ['Decisions', 'Awaiting a decision', 'Reviews due', 'Merged without a record', 'Documented', 'Acknowledged', 'Conflicts with decisions', 'Governed code changed']);
    assert.equal(view.heading, 'Decision digest: 2025-03-01 to 2025-03-08');
    assert.equal(view.commits, 7);
    assert.equal(view.empty, false);
    const sha = (author: string) => repo.git('log', '--all', `--author=${author}`, '--format=%h', '-1').trim().slice(0, 7);
    const items = Object.fromEntries(view.sections.map((s) => [s.id, s.items.map(text)]));
    assert.deepEqual(items.decisions, [
      `Proposed [ADR-0004 Use GraphQL](doc/adr/0004-use-graphql.md) (new) — ${sha('Erin')} by Erin, 2025-03-01`,
      `Accepted [ADR-0005 Use the pg driver](doc/adr/0005-use-the-pg-driver.md) (new) — ${sha('Heidi')} by Heidi, 2025-03-06`,
      `Accepted [ADR-0004 Use GraphQL](doc/adr/0004-use-graphql.md) (was proposed) — ${sha('Judy')} by Judy, 2025-03-08`,
    ]);
    assert.deepEqual(items.awaiting, ['[ADR-0003 Use Kafka](doc/adr/0003-use-kafka.md): proposed 2025-02-20 by Bob (18 days ago); approved by Carol (1 of 2); awaiting Dave']);
    assert.deepEqual(items.reviews, ['Overdue [ADR-0001 Record architecture decisions](doc/adr/0001-record-architecture-decisions.md): review by 2025-01-02 (67 days overdue)']);
    assert.deepEqual(items.undocumented, [`package.json: New dependency left-pad ^1.3.0 in package.json (npm) — ${sha('Frank')} by Frank, 2025-03-04 (#12)`]);
    assert.equal(items.documented!.length, 2);
    assert.match(items.acknowledged![0]!, /lodash .* by Ivan, 2025-03-07 \(#14\) — acknowledged: A utility, not a decision$/);
    assert.deepEqual(items.conflicts, []);
    assert.deepEqual(items.governed, ['[ADR-0002 Use PostgreSQL](doc/adr/0002-use-postgresql.md): 1 file in 1 commit by Heidi']);
    assert.equal(view.sections[6]!.empty, 'None.');
    // Strong parts are the statuses, code parts the paths: the page styles them, the words are core's.
    assert.deepEqual(view.sections[0]!.items[0]![0], { strong: 'Proposed' });
    assert.deepEqual(view.sections[3]!.items[0]![0], { code: 'package.json' });
  });

  it('names exactly the records the page may open; Copy as Markdown is core\'s markdown of it', () => {
    assert.deepEqual([...recordPaths(digest)].sort(), [
      'doc/adr/0001-record-architecture-decisions.md', 'doc/adr/0002-use-postgresql.md', 'doc/adr/0003-use-kafka.md', 'doc/adr/0004-use-graphql.md', 'doc/adr/0005-use-the-pg-driver.md',
    ]);
    const md = formatDigestMarkdown(digest);
    for (const s of view.sections) assert.ok(md.includes(`## ${s.title}\n`), s.title);
  });

  it('survives the page\'s own check unchanged, and the check drops a malformed one', () => {
    const state = { status: 'ready', period: period('date', '2025-03-01'), folder: 'shop', revision: 3, digest: view };
    assert.deepEqual(parseToWebview(JSON.parse(JSON.stringify({ type: 'state', state }))), { type: 'state', state });
    assert.deepEqual(parseDigestView(JSON.parse(JSON.stringify(view))), view);
    const broken = JSON.parse(JSON.stringify(view)) as { sections: { items: unknown[][] }[] };
    broken.sections[0]!.items[0]![1] = { record: 'ADR-0004', path: '' };
    assert.equal(parseDigestView(broken), undefined);
    assert.equal(parseToWebview({ type: 'state', state: { ...state, digest: undefined } }), undefined, 'ready needs its digest');
    assert.equal(parseToWebview({ type: 'state', state: { ...state, status: 'done' } }), undefined);
    assert.deepEqual(parseToWebview({ type: 'state', state: { status: 'error', period: DEFAULT_PERIOD, folder: '', revision: 1, message: 'No digest: x' } }),
      { type: 'state', state: { status: 'error', period: DEFAULT_PERIOD, folder: '', revision: 1, message: 'No digest: x' } });
  });

  it('says when a period has nothing to show (since HEAD itself: no commit)', async () => {
    const none = await digestOf(repo.head());
    assert.equal(none.period.commits, 0);
    // Proposals awaiting and reviews due are of the records now: a period without commits still lists them.
    assert.equal(isEmptyDigest(none), none.awaiting.length + none.reviews.length === 0);
    assert.equal(isEmptyDigest({ ...none, awaiting: [], reviews: [] }), true);
    assert.equal(digestView({ ...none, awaiting: [], reviews: [] }).empty, true);
  });

  it('names the records by their repository paths for a folder opened through a symlink (the editor\'s spelling, not git\'s resolved one)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adrw-digest-link-'));
    try {
      const link = join(dir, 'shop').replace(/\\/g, '/');
      symlinkSync(repo.root, link, 'dir');
      const through = await digestOf('2025-03-01', link);
      // The records' paths are the repository's, as through the real folder. (Which record documents a change is the review
      // engine's, which resolves the folder as git does: left as it is.)
      for (const k of ['period', 'decisions', 'awaiting', 'reviews', 'governed'] as const) assert.deepEqual(through[k], digest[k], k);
      assert.deepEqual(through.changes.undocumented.map((c) => c.subject).filter((x) => x === 'left-pad'), ['left-pad']);
      assert.ok(through.decisions.every((e) => e.record.path.startsWith('doc/adr/')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
