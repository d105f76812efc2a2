/**
 * The digest's scripted repository, with fixed authors and dates (the unit goldens, the editor's
 * digest page e2e): proposals (one approved by one of its two deciders), status changes, a
 * dependency merged without a record through a pull request, a documented one, an acknowledged one,
 * governed code changed, a review overdue. The period 2025-03-01 .. 2025-03-08; "today" 2025-03-10.
 */
import { HistoryRepo, nygard } from './historyRepo';

export const DIGEST_POLICY = 'signoff:\n  required: 2\n  review-every: 12 months\n';
export const digestPkg = (deps: Record<string, string>) => `${JSON.stringify({ name: 'shop', version: '1.0.0', dependencies: deps }, null, 2)}\n`;
const governed = (n: number, title: string, status: string, glob: string) =>
  `# ${n}. ${title}\n\nDate: 2024-01-02\n\nGoverns: \`${glob}\`\n\nReview-by: 2026-01-01\n\n## Status\n\n${status}\n\n## Context\n\nWe decided.\n\n## Decision\n\nWe decided.\n`;
const proposal = (n: number, title: string, deciders: string, approvals = '') =>
  `# ${n}. ${title}\n\nDate: 2025-02-20\n\nDeciders: ${deciders}\n\n## Status\n\nProposed\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n${approvals}`;

export function scriptedDigestRepo(options: { at?: string } = {}): HistoryRepo {
  const repo = new HistoryRepo(options);
  repo.commitAs('Alice', '2024-01-02T09:00:00Z', 'Start', {
    '.adr-dir': 'doc/adr\n', '.adr-workbench.yml': DIGEST_POLICY,
    'doc/adr/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions', 'Accepted'),
    'doc/adr/0002-use-postgresql.md': governed(2, 'Use PostgreSQL', 'Accepted', 'src/db/**'),
    'package.json': digestPkg({ express: '^4.0.0' }), 'src/db/pool.js': 'module.exports = {};\n',
  });
  repo.commitAs('Bob', '2025-02-20T09:00:00Z', 'Propose Kafka', { 'doc/adr/0003-use-kafka.md': proposal(3, 'Use Kafka', 'Carol, Dave') });
  // The period: 2025-03-01 to 2025-03-08.
  repo.commitAs('Erin', '2025-03-01T09:00:00Z', 'Propose GraphQL', { 'doc/adr/0004-use-graphql.md': proposal(4, 'Use GraphQL', 'Alice') });
  repo.commitAs('Carol', '2025-03-02T09:00:00Z', 'Approve Kafka (#11)', {
    'doc/adr/0003-use-kafka.md': proposal(3, 'Use Kafka', 'Carol, Dave', '\n## Approvals\n\n* Approved by Carol on 2025-03-02: go\n'),
  });
  repo.git('checkout', '-q', '-b', 'left-pad');
  repo.commitAs('Frank', '2025-03-04T09:00:00Z', 'Pad strings', { 'package.json': digestPkg({ express: '^4.0.0', 'left-pad': '^1.3.0' }) });
  repo.git('checkout', '-q', 'main');
  repo.gitAs('Grace', '2025-03-05T09:00:00Z', 'merge', '-q', '--no-ff', '-m', 'Merge pull request #12 from shop/left-pad', 'left-pad');
  repo.commitAs('Heidi', '2025-03-06T09:00:00Z', 'Use the pg driver', {
    'package.json': digestPkg({ express: '^4.0.0', 'left-pad': '^1.3.0', pg: '^8.0.0' }), 'src/db/pool.js': 'module.exports = { pool: true };\n',
    'doc/adr/0005-use-the-pg-driver.md': nygard(5, 'Use the pg driver', 'Accepted', [], 'We will use the `pg` package.'),
  });
  repo.commitAs('Ivan', '2025-03-07T09:00:00Z', 'Add lodash (#14)', {
    'package.json': digestPkg({ express: '^4.0.0', 'left-pad': '^1.3.0', pg: '^8.0.0', lodash: '^4.17.0' }),
    '.adr-review.yml': 'acknowledged:\n  - rule: dependency-added\n    path: package.json\n    subject: lodash\n    reason: A utility, not a decision\n',
  });
  repo.commitAs('Judy', '2025-03-08T09:00:00Z', 'Accept GraphQL', {
    'doc/adr/0004-use-graphql.md': proposal(4, 'Use GraphQL', 'Alice', '\n## Approvals\n\n* Approved by Alice on 2025-03-08\n').replace('Proposed', 'Accepted'),
  });
  return repo;
}

