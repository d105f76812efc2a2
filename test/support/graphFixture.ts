/** A two-collection workspace with every relation kind, for the decision graph tests. */
const nygard = (n: number, title: string, status: string, links = '', date = `2024-01-0${n}`) =>
  `# ${n}. ${title}\n\nDate: ${date}\n\n## Status\n\n${status}\n${links ? `\n${links}\n` : ''}\n## Context\n\nWhy.\n`;

export const madr = (fm: string, title: string, links = '') =>
  `---\n${fm}\n---\n\n# ${title}\n\n## Context and Problem Statement\n\nWhy?\n${links ? `\n## Links\n\n${links}\n` : ''}`;

export const FIXTURE: Record<string, string> = {
  '.adr-dir': 'doc/adr',
  'doc/adr/0001-record-decisions.md': nygard(1, 'Record decisions', 'Accepted'),
  'doc/adr/0002-use-postgres.md': nygard(2, 'Use Postgres', 'Superseded by [3. Use MySQL](0003-use-mysql.md)'),
  'doc/adr/0003-use-mysql.md': nygard(3, 'Use MySQL', 'Accepted', 'Supersedes [2. Use Postgres](0002-use-postgres.md)\n\nAmends [1. Record decisions](0001-record-decisions.md)'),
  'doc/adr/0004-use-redis.md': nygard(4, 'Use Redis', 'Accepted', 'Relates to [3. Use MySQL](0003-use-mysql.md)\n\nDepends on [5. Use a queue](0005-use-a-queue.md)\n\nClarifies [5. Use a queue](0005-use-a-queue.md)'),
  'doc/adr/0005-use-a-queue.md': nygard(5, 'Use a queue', 'Proposed', 'Clarified by [4. Use Redis](0004-use-redis.md)\n\nRelates to [3. Use MySQL](0003-use-mysql.md)'),
  'docs/decisions/0000-use-madr.md': madr('status: accepted\ndate: 2023-05-01\ntags: [process]\ngoverns:\n  - "src/payments/**"\n  - infra/', 'Use MADR', '* Relates to [ADR-0001](0001-use-kafka.md)'),
  'docs/decisions/0001-use-kafka.md': madr('status: proposed\ndate: 2023-06-01\ntags: [messaging, Infra]\ngoverns: ["src/payments/**", "src/queue/**"]', 'Use Kafka', '* Relates to [ADR-0000](0000-use-madr.md)'),
  'docs/decisions/0002-use-rabbitmq.md': madr('status: rejected\ndate: 2023-07-01', 'Use RabbitMQ'),
};

