/**
 * The decision digest over a scripted repository with fixed authors and dates: proposals (one
 * approved by one of its two deciders), status changes, a dependency merged without a record
 * through a pull request, a documented one, an acknowledged one, governed code changed, a review
 * overdue. The exact digest in each format.
 */
import { strict as assert } from 'node:assert';
import { AdrIndex } from '../../src/core/index';
import { writeFileSync } from 'node:fs';
import { collectDigest, formatDigest, githubLinks, parseSince, prOf, type Digest } from '../../src/core/digest';
import { readSignoffPolicy } from '../../src/core/signoff';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { NodeWorkTree } from '../../src/platform/workTree';
import { cli } from '../support/cliHarness';
import { DIGEST_POLICY as POLICY, digestPkg as pkg, scriptedDigestRepo } from '../support/digestRepo';
import { CountingGit, HistoryRepo } from '../support/historyRepo';

const scripted = () => scriptedDigestRepo();

/** Commit ids replaced by their author's name (`<Erin>`, `<Erin:7>` for the short form): the goldens do not depend on git's hashing. */
function named(repo: HistoryRepo, text: string): string {
  for (const line of repo.git('log', '--all', '--format=%H %an').trim().split('\n')) {
    const [sha = '', author = ''] = line.split(' ');
    text = text.split(sha).join(`<${author}>`).split(sha.slice(0, 7)).join(`<${author}:7>`);
  }
  return text;
}

async function digestOf(repo: HistoryRepo, since: string, git = new CountingGit()): Promise<Digest> {
  const fs = new NodeFileSystem();
  const index = await AdrIndex.build(fs, repo.root);
  const policy = readSignoffPolicy(POLICY).policy;
  const { digest } = await collectDigest(git, fs, new NodeWorkTree(), {
    folder: repo.root, since: parseSince(since), sinceText: since, today: '2025-03-10', index, policyOf: () => policy,
  });
  return digest;
}

/** The exact digest of 2025-03-01 .. HEAD on 2025-03-10, in each format (commit ids named after their authors: `named`). */
const GOLDEN: Record<'markdown' | 'github' | 'html' | 'json', string> = {
  markdown: `# Decision digest: 2025-03-01 to 2025-03-08

7 commits since 2025-03-01 (<Bob:7>..<Judy:7>).

## Decisions

- **Proposed** [ADR-0004 Use GraphQL](doc/adr/0004-use-graphql.md) (new) — \`<Erin:7>\` by Erin, 2025-03-01
- **Accepted** [ADR-0005 Use the pg driver](doc/adr/0005-use-the-pg-driver.md) (new) — \`<Heidi:7>\` by Heidi, 2025-03-06
- **Accepted** [ADR-0004 Use GraphQL](doc/adr/0004-use-graphql.md) (was proposed) — \`<Judy:7>\` by Judy, 2025-03-08

## Awaiting a decision

- [ADR-0003 Use Kafka](doc/adr/0003-use-kafka.md): proposed 2025-02-20 by Bob (18 days ago); approved by Carol (1 of 2); awaiting Dave

## Reviews due

- **Overdue** [ADR-0001 Record architecture decisions](doc/adr/0001-record-architecture-decisions.md): review by 2025-01-02 (67 days overdue)

## Merged without a record

- \`package.json\`: New dependency left-pad ^1.3.0 in package.json (npm) — \`<Frank:7>\` by Frank, 2025-03-04 (#\u200b12)

## Documented

- \`package.json\`: New dependency pg ^8.0.0 in package.json (npm) — \`<Heidi:7>\` by Heidi, 2025-03-06 — documented by [ADR-0005 Use the pg driver](doc/adr/0005-use-the-pg-driver.md)
- \`src/db/pool.js\`: Review against ADR-0002 (Use PostgreSQL): src/db/pool.js is governed by it (src/db/\\*\\*) — \`<Heidi:7>\` by Heidi, 2025-03-06 — documented by [ADR-0002 Use PostgreSQL](doc/adr/0002-use-postgresql.md)

## Acknowledged

- \`package.json\`: New dependency lodash ^4.17.0 in package.json (npm) — \`<Ivan:7>\` by Ivan, 2025-03-07 (#\u200b14) — acknowledged: A utility, not a decision

## Conflicts with decisions

None.

## Governed code changed

- [ADR-0002 Use PostgreSQL](doc/adr/0002-use-postgresql.md): 1 file in 1 commit by Heidi
`,
  github: `# Decision digest: 2025-03-01 to 2025-03-08

7 commits since 2025-03-01 (<Bob:7>..<Judy:7>).

## Decisions

- **Proposed** [ADR-0004 Use GraphQL](https://github.com/shop/shop/blob/<Judy>/doc/adr/0004-use-graphql.md) (new) — [<Erin:7>](https://github.com/shop/shop/commit/<Erin>) by Erin, 2025-03-01
- **Accepted** [ADR-0005 Use the pg driver](https://github.com/shop/shop/blob/<Judy>/doc/adr/0005-use-the-pg-driver.md) (new) — [<Heidi:7>](https://github.com/shop/shop/commit/<Heidi>) by Heidi, 2025-03-06
- **Accepted** [ADR-0004 Use GraphQL](https://github.com/shop/shop/blob/<Judy>/doc/adr/0004-use-graphql.md) (was proposed) — [<Judy:7>](https://github.com/shop/shop/commit/<Judy>) by Judy, 2025-03-08

## Awaiting a decision

- [ADR-0003 Use Kafka](https://github.com/shop/shop/blob/<Judy>/doc/adr/0003-use-kafka.md): proposed 2025-02-20 by Bob (18 days ago); approved by Carol (1 of 2); awaiting Dave

## Reviews due

- **Overdue** [ADR-0001 Record architecture decisions](https://github.com/shop/shop/blob/<Judy>/doc/adr/0001-record-architecture-decisions.md): review by 2025-01-02 (67 days overdue)

## Merged without a record

- \`package.json\`: New dependency left-pad ^1.3.0 in package.json (npm) — [<Frank:7>](https://github.com/shop/shop/commit/<Frank>) by Frank, 2025-03-04 ([#\u200b12](https://github.com/shop/shop/pull/12))

## Documented

- \`package.json\`: New dependency pg ^8.0.0 in package.json (npm) — [<Heidi:7>](https://github.com/shop/shop/commit/<Heidi>) by Heidi, 2025-03-06 — documented by [ADR-0005 Use the pg driver](https://github.com/shop/shop/blob/<Judy>/doc/adr/0005-use-the-pg-driver.md)
- \`src/db/pool.js\`: Review against ADR-0002 (Use PostgreSQL): src/db/pool.js is governed by it (src/db/\\*\\*) — [<Heidi:7>](https://github.com/shop/shop/commit/<Heidi>) by Heidi, 2025-03-06 — documented by [ADR-0002 Use PostgreSQL](https://github.com/shop/shop/blob/<Judy>/doc/adr/0002-use-postgresql.md)

## Acknowledged

- \`package.json\`: New dependency lodash ^4.17.0 in package.json (npm) — [<Ivan:7>](https://github.com/shop/shop/commit/<Ivan>) by Ivan, 2025-03-07 ([#\u200b14](https://github.com/shop/shop/pull/14)) — acknowledged: A utility, not a decision

## Conflicts with decisions

None.

## Governed code changed

- [ADR-0002 Use PostgreSQL](https://github.com/shop/shop/blob/<Judy>/doc/adr/0002-use-postgresql.md): 1 file in 1 commit by Heidi
`,
  html: `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Decision digest: 2025-03-01 to 2025-03-08</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}code{font-size:90%}h2{margin-top:1.5em}.empty{color:#666}</style>
</head>
<body>
<h1>Decision digest: 2025-03-01 to 2025-03-08</h1>
<p>7 commits since 2025-03-01 (<Bob:7>..<Judy:7>).</p>
<h2>Decisions</h2>
<ul>
<li><strong>Proposed</strong> <a href="doc/adr/0004-use-graphql.md">ADR-0004 Use GraphQL</a> (new) — <code><Erin:7></code> by Erin, 2025-03-01</li>
<li><strong>Accepted</strong> <a href="doc/adr/0005-use-the-pg-driver.md">ADR-0005 Use the pg driver</a> (new) — <code><Heidi:7></code> by Heidi, 2025-03-06</li>
<li><strong>Accepted</strong> <a href="doc/adr/0004-use-graphql.md">ADR-0004 Use GraphQL</a> (was proposed) — <code><Judy:7></code> by Judy, 2025-03-08</li>
</ul>
<h2>Awaiting a decision</h2>
<ul>
<li><a href="doc/adr/0003-use-kafka.md">ADR-0003 Use Kafka</a>: proposed 2025-02-20 by Bob (18 days ago); approved by Carol (1 of 2); awaiting Dave</li>
</ul>
<h2>Reviews due</h2>
<ul>
<li><strong>Overdue</strong> <a href="doc/adr/0001-record-architecture-decisions.md">ADR-0001 Record architecture decisions</a>: review by 2025-01-02 (67 days overdue)</li>
</ul>
<h2>Merged without a record</h2>
<ul>
<li><code>package.json</code>: New dependency left-pad ^1.3.0 in package.json (npm) — <code><Frank:7></code> by Frank, 2025-03-04 (#12)</li>
</ul>
<h2>Documented</h2>
<ul>
<li><code>package.json</code>: New dependency pg ^8.0.0 in package.json (npm) — <code><Heidi:7></code> by Heidi, 2025-03-06 — documented by <a href="doc/adr/0005-use-the-pg-driver.md">ADR-0005 Use the pg driver</a></li>
<li><code>src/db/pool.js</code>: Review against ADR-0002 (Use PostgreSQL): src/db/pool.js is governed by it (src/db/**) — <code><Heidi:7></code> by Heidi, 2025-03-06 — documented by <a href="doc/adr/0002-use-postgresql.md">ADR-0002 Use PostgreSQL</a></li>
</ul>
<h2>Acknowledged</h2>
<ul>
<li><code>package.json</code>: New dependency lodash ^4.17.0 in package.json (npm) — <code><Ivan:7></code> by Ivan, 2025-03-07 (#14) — acknowledged: A utility, not a decision</li>
</ul>
<h2>Conflicts with decisions</h2>
<p class="empty">None.</p>
<h2>Governed code changed</h2>
<ul>
<li><a href="doc/adr/0002-use-postgresql.md">ADR-0002 Use PostgreSQL</a>: 1 file in 1 commit by Heidi</li>
</ul>
</body>
</html>
`,
  json: `{
  "version": 1,
  "period": {
    "since": "2025-03-01",
    "from": "2025-03-01",
    "to": "2025-03-08",
    "base": "<Bob>",
    "until": "<Judy>",
    "commits": 7
  },
  "decisions": [
    {
      "change": "proposed",
      "record": {
        "id": "0004-use-graphql",
        "number": 4,
        "label": "ADR-0004",
        "title": "Use GraphQL",
        "path": "doc/adr/0004-use-graphql.md",
        "status": "accepted"
      },
      "from": null,
      "commit": {
        "commit": "<Erin>",
        "date": "2025-03-01T09:00:00+00:00",
        "author": "Erin",
        "subject": "Propose GraphQL",
        "pr": null
      }
    },
    {
      "change": "accepted",
      "record": {
        "id": "0005-use-the-pg-driver",
        "number": 5,
        "label": "ADR-0005",
        "title": "Use the pg driver",
        "path": "doc/adr/0005-use-the-pg-driver.md",
        "status": "accepted"
      },
      "from": null,
      "commit": {
        "commit": "<Heidi>",
        "date": "2025-03-06T09:00:00+00:00",
        "author": "Heidi",
        "subject": "Use the pg driver",
        "pr": null
      }
    },
    {
      "change": "accepted",
      "record": {
        "id": "0004-use-graphql",
        "number": 4,
        "label": "ADR-0004",
        "title": "Use GraphQL",
        "path": "doc/adr/0004-use-graphql.md",
        "status": "accepted"
      },
      "from": "proposed",
      "commit": {
        "commit": "<Judy>",
        "date": "2025-03-08T09:00:00+00:00",
        "author": "Judy",
        "subject": "Accept GraphQL",
        "pr": null
      }
    }
  ],
  "awaiting": [
    {
      "record": {
        "id": "0003-use-kafka",
        "number": 3,
        "label": "ADR-0003",
        "title": "Use Kafka",
        "path": "doc/adr/0003-use-kafka.md",
        "status": "proposed"
      },
      "since": "2025-02-20",
      "ageDays": 18,
      "proposedBy": "Bob",
      "needed": 2,
      "approvals": [
        {
          "by": "Carol",
          "date": "2025-03-02",
          "verdict": "approved",
          "comment": "go"
        }
      ],
      "approvedBy": [
        "Carol"
      ],
      "changesRequestedBy": [],
      "awaited": [
        "Dave"
      ]
    }
  ],
  "reviews": [
    {
      "record": {
        "id": "0001-record-architecture-decisions",
        "number": 1,
        "label": "ADR-0001",
        "title": "Record architecture decisions",
        "path": "doc/adr/0001-record-architecture-decisions.md",
        "status": "accepted"
      },
      "reviewBy": "2025-01-02",
      "state": "overdue",
      "days": -67
    }
  ],
  "changes": {
    "undocumented": [
      {
        "verdict": "undocumented",
        "rule": "dependency-added",
        "ruleTitle": "New runtime dependency",
        "severity": "warning",
        "path": "package.json",
        "subject": "left-pad",
        "message": "New dependency left-pad ^1.3.0 in package.json (npm)",
        "commit": {
          "commit": "<Frank>",
          "date": "2025-03-04T09:00:00+00:00",
          "author": "Frank",
          "subject": "Pad strings",
          "pr": 12
        },
        "documentedBy": [],
        "reason": null
      }
    ],
    "documented": [
      {
        "verdict": "documented",
        "rule": "dependency-added",
        "ruleTitle": "New runtime dependency",
        "severity": "warning",
        "path": "package.json",
        "subject": "pg",
        "message": "New dependency pg ^8.0.0 in package.json (npm)",
        "commit": {
          "commit": "<Heidi>",
          "date": "2025-03-06T09:00:00+00:00",
          "author": "Heidi",
          "subject": "Use the pg driver",
          "pr": null
        },
        "documentedBy": [
          {
            "id": "0005-use-the-pg-driver",
            "number": 5,
            "label": "ADR-0005",
            "title": "Use the pg driver",
            "path": "doc/adr/0005-use-the-pg-driver.md",
            "status": "accepted"
          }
        ],
        "reason": null
      },
      {
        "verdict": "documented",
        "rule": "governed-code",
        "ruleTitle": "Code governed by a decision",
        "severity": "info",
        "path": "src/db/pool.js",
        "subject": "0002-use-postgresql",
        "message": "Review against ADR-0002 (Use PostgreSQL): src/db/pool.js is governed by it (src/db/**)",
        "commit": {
          "commit": "<Heidi>",
          "date": "2025-03-06T09:00:00+00:00",
          "author": "Heidi",
          "subject": "Use the pg driver",
          "pr": null
        },
        "documentedBy": [
          {
            "id": "0002-use-postgresql",
            "number": 2,
            "label": "ADR-0002",
            "title": "Use PostgreSQL",
            "path": "doc/adr/0002-use-postgresql.md",
            "status": "accepted"
          }
        ],
        "reason": null
      }
    ],
    "acknowledged": [
      {
        "verdict": "acknowledged",
        "rule": "dependency-added",
        "ruleTitle": "New runtime dependency",
        "severity": "warning",
        "path": "package.json",
        "subject": "lodash",
        "message": "New dependency lodash ^4.17.0 in package.json (npm)",
        "commit": {
          "commit": "<Ivan>",
          "date": "2025-03-07T09:00:00+00:00",
          "author": "Ivan",
          "subject": "Add lodash (#14)",
          "pr": 14
        },
        "documentedBy": [],
        "reason": "A utility, not a decision"
      }
    ]
  },
  "conflicts": [],
  "governed": [
    {
      "record": {
        "id": "0002-use-postgresql",
        "number": 2,
        "label": "ADR-0002",
        "title": "Use PostgreSQL",
        "path": "doc/adr/0002-use-postgresql.md",
        "status": "accepted"
      },
      "files": 1,
      "paths": [
        "src/db/pool.js"
      ],
      "authors": [
        "Heidi"
      ],
      "commits": 1
    }
  ],
  "notes": []
}
`,
};

describe('decision digest', function () {
  this.timeout(60000);
  let repo: HistoryRepo;
  before(() => {
    repo = scripted();
  });
  after(() => repo.dispose());

  it('reads the pull request a message names', () => {
    assert.deepEqual(['Add x (#14)', 'Merge pull request #12 from a/b', 'Merged PR 7: y', 'Fix #3 later', 'z (!9)'].map(prOf), [14, 12, 7, null, 9]);
    assert.deepEqual([parseSince('7d'), parseSince('2w'), parseSince('2025-03-01'), parseSince('v1.2')], [{ kind: 'days', days: 7 }, { kind: 'days', days: 14 }, { kind: 'date', date: '2025-03-01' }, { kind: 'ref', ref: 'v1.2' }]);
  });

  it('collects the period in one pass: decisions, awaiting, reviews, merged changes with commit and PR, governed code', async () => {
    const git = new CountingGit();
    const d = await digestOf(repo, '2025-03-01', git);
    const short = (c: { commit: string; author: string; pr: number | null } | null) => (c ? `${c.author}${c.pr !== null ? ` #${c.pr}` : ''}` : null);
    assert.deepEqual(d.decisions.map((e) => `${e.change} ${e.record.label} from ${e.from} by ${short(e.commit)}`), [
      'proposed ADR-0004 from null by Erin', 'accepted ADR-0005 from null by Heidi', 'accepted ADR-0004 from proposed by Judy',
    ]);
    assert.deepEqual(d.awaiting.map((p) => [p.record.label, p.since, p.ageDays, p.proposedBy, p.approvedBy, p.awaited, p.needed]), [['ADR-0003', '2025-02-20', 18, 'Bob', ['Carol'], ['Dave'], 2]]);
    assert.deepEqual(d.reviews.map((r) => [r.record.label, r.state, r.reviewBy, r.days]), [['ADR-0001', 'overdue', '2025-01-02', -67]]);
    assert.deepEqual(d.changes.undocumented.map((c) => `${c.rule} ${c.subject} ${short(c.commit)}`), ['dependency-added left-pad Frank #12']);
    assert.deepEqual(d.changes.documented.map((c) => `${c.rule} ${c.subject} ${short(c.commit)} ${c.documentedBy.map((r) => r.label)}`), ['dependency-added pg Heidi ADR-0005', 'governed-code 0002-use-postgresql Heidi ADR-0002']);
    assert.deepEqual(d.changes.acknowledged.map((c) => `${c.rule} ${c.subject} ${short(c.commit)} ${c.reason}`), ['dependency-added lodash Ivan #14 A utility, not a decision']);
    assert.deepEqual(d.governed.map((g) => [g.record.label, g.files, g.authors, g.commits]), [['ADR-0002', 1, ['Heidi'], 1]]);
    assert.deepEqual([d.period.from, d.period.to, d.period.commits], ['2025-03-01', '2025-03-08', 7]);
    assert.equal(git.calls.filter((c) => c.includes('log') && !c.includes('-1')).length <= 3, true, `${git.commands()}`);
    for (const f of ['markdown', 'github', 'html', 'json'] as const) {
      assert.equal(named(repo, formatDigest(d, f, f === 'github' ? githubLinks('https://github.com/shop/shop', d.period.until) : {})), GOLDEN[f], f);
    }
    assert.deepEqual(Object.keys(JSON.parse(formatDigest(d, 'json')) as object), ['version', 'period', 'decisions', 'awaiting', 'reviews', 'changes', 'conflicts', 'governed', 'notes']);
    if (process.env.DIGEST_PRINT) {
      const out: Record<string, string> = {};
      for (const f of ['markdown', 'github', 'html', 'json'] as const) out[f] = named(repo, formatDigest(d, f, f === 'github' ? githubLinks('https://github.com/shop/shop', d.period.until) : {}));
      writeFileSync(process.env.DIGEST_PRINT, JSON.stringify(out));
    }
  });

  it('--since REF gives the same period; --since 7d an empty one; --until; bad input is one line', async () => {
    const fs = new NodeFileSystem();
    const bob = repo.git('log', '--format=%H', '--author=Bob').trim();
    // The range is committed trees only: an uncommitted dependency is no part of it.
    repo.write({ 'package.json': pkg({ axios: '^1.0.0' }), 'src/new.js': '' });
    const byRef = await cli(fs, repo.root, ['digest', '--since', bob, '--format', 'json']);
    assert.equal(byRef.code, 0, byRef.stderr);
    repo.git('checkout', '--', 'package.json');
    repo.git('clean', '-fdq');
    const j = JSON.parse(byRef.stdout) as Digest;
    assert.deepEqual([j.version, j.period.base, j.period.commits, j.decisions.length, j.changes.undocumented.map((c) => c.subject)], [1, bob, 7, 3, ['left-pad']]);
    // The CLI's clock says 2026-11-24: nothing happened in the last 7 days; what waits is still listed.
    const week = await cli(fs, repo.root, ['digest']);
    assert.equal(week.code, 0, week.stderr);
    assert.match(week.stdout, /^# Decision digest: 2026-11-17 to 2025-03-08\n\n0 commits since 7d \(<?[0-9a-f]{7}\.\.[0-9a-f]{7}\)\.\n/);
    assert.match(week.stdout, /## Decisions\n\nNo decision changed status in the period\.\n/);
    assert.match(week.stdout, /## Awaiting a decision\n\n- \[ADR-0003 Use Kafka\]\(doc\/adr\/0003-use-kafka\.md\): proposed 2025-02-20 by Bob \(642 days ago\)/);
    const until = await cli(fs, repo.root, ['digest', '--since', '2025-03-01', '--until', 'HEAD~3', '--format', 'json']);
    assert.deepEqual((JSON.parse(until.stdout) as Digest).decisions.map((e) => e.record.label), ['ADR-0004']);
    assert.deepEqual(await cli(fs, repo.root, ['digest', '--since', 'no-such-ref']).then((r) => [r.code, r.stderr]), [2, 'adr-workbench: --since: no commit "no-such-ref" in this repository\n']);
    assert.deepEqual(await cli(fs, repo.root, ['digest', '--since', '--upload-pack=x']).then((r) => r.code), 2);
    assert.deepEqual(await cli(fs, repo.root, ['digest', '--format', 'pdf']).then((r) => [r.code, r.stderr]), [2, 'adr-workbench: digest: --format takes markdown, github, html, json, not "pdf"\n']);
  });

  it('escapes every text in HTML and Markdown; links only web pages and relative paths', () => {
    const evil = { id: 'x', number: 9, label: 'ADR-0009', title: '<script>alert("x")</script> & @team #12', path: 'doc/adr/0009-x.md', status: 'proposed' as const };
    const d: Digest = {
      version: 1, period: { since: '7d', from: '2025-03-01', to: '2025-03-08', base: null, until: 'f'.repeat(40), commits: 1 },
      decisions: [{ change: 'proposed', record: evil, from: null, commit: { commit: 'a'.repeat(40), date: '2025-03-02T00:00:00Z', author: '<img src=x onerror=alert(1)>', subject: 's', pr: null } }],
      awaiting: [], reviews: [], changes: { undocumented: [], documented: [], acknowledged: [] }, conflicts: [], governed: [], notes: ['a\u001b[31mred'],
    };
    const html = formatDigest(d, 'html', { file: () => 'javascript:alert(1)' });
    assert.ok(!html.includes('<script>') && !html.includes('<img') && !html.includes('javascript:'), html);
    assert.match(html, /<li><strong>Proposed<\/strong> ADR-0009 &lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; @team #12 \(new\) — <code>aaaaaaa<\/code> by &lt;img src=x onerror=alert\(1\)&gt;, 2025-03-02<\/li>/);
    assert.ok(!html.includes('\u001b'));
    const md = formatDigest(d, 'markdown');
    assert.match(md, /\[ADR-0009 \\<script\\>alert\("x"\)\\<\/script\\> & @\u200bteam #\u200b12\]\(doc\/adr\/0009-x\.md\)/);
  });
});
