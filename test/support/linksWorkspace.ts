/**
 * A small monorepo for code ↔ decision link tests: a root collection (`docs/adr`), a second one
 * with the same scope (`docs/decisions`), two services with their own collections, duplicates, a
 * supersede chain, globs in front matter, and source files with anchors, ignored files and a
 * binary file.
 */
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

const nygard = (n: number, title: string, status: string) => `# ${n}. ${title}\n\nDate: 2024-01-0${n % 9 + 1}\n\n## Status\n\n${status}\n\n## Context\n\nText.\n`;
const madr = (title: string, status: string, globs: Record<string, string[]>) => [
  '---',
  `status: ${status}`,
  ...Object.entries(globs).flatMap(([k, v]) => [`${k}:`, ...v.map((g) => `  - "${g}"`)]),
  '---',
  '',
  `# ${title}`,
  '',
  '## Context and Problem Statement',
  '',
  'Text.',
  '',
].join('\n');

export const ROOT = '/repo';

export const LINKS_FILES: Record<string, string | Uint8Array> = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  '.git/info/exclude': 'local-only/\n',
  '.gitignore': 'dist/\n*.log\nsecret/\n!keep.log\n',
  'docs/adr/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions', 'Accepted'),
  'docs/adr/0002-use-postgres.md': nygard(2, 'Use Postgres', 'Accepted'),
  'docs/adr/0003-use-rest.md': nygard(3, 'Use REST', 'Accepted'),
  'docs/adr/0004-use-stripe.md': madr('Use Stripe', 'accepted', { governs: ['src/payments/**', '!src/payments/legacy/**'] }),
  'docs/adr/0005-try-graphql.md': madr('Try GraphQL', 'proposed', { 'applies-to': ['src/api'] }),
  'docs/adr/0006-use-soap.md': madr('Use SOAP', 'superseded', { affects: ['src/api/**/*.ts'] }),
  'docs/adr/0007-use-kafka.md': nygard(7, 'Use Kafka', 'Accepted'),
  'docs/adr/0008-use-rabbitmq.md': nygard(8, 'Use RabbitMQ', 'Superseded by [9. Use NATS](0009-use-nats.md)'),
  'docs/adr/0009-use-nats.md': `${nygard(9, 'Use NATS', 'Accepted')}\n## Links\n\n* Supersedes [8. Use RabbitMQ](0008-use-rabbitmq.md)\n`,
  'docs/adr/0010-first-ten.md': nygard(10, 'First ten', 'Accepted'),
  'docs/adr/0010-second-ten.md': nygard(10, 'Second ten', 'Accepted'),
  'docs/adr/0011-use-cobol.md': nygard(11, 'Use COBOL', 'Rejected'),
  'docs/adr/0012-nothing-matches.md': madr('Nothing matches', 'accepted', { governs: ['no/such/folder/**'] }),
  'docs/adr/README.md': '# Decisions\n\n* [ADR-1](0001-record-architecture-decisions.md)\n* ADR-99\n',
  'docs/decisions/0003-use-grpc.md': nygard(3, 'Use gRPC', 'Accepted'),
  'services/payments/docs/adr/0001-payments-records.md': nygard(1, 'Payments records', 'Accepted'),
  'services/payments/docs/adr/0007-idempotent-charges.md': madr('Idempotent charges', 'accepted', { governs: ['services/payments/src/**'] }),
  'services/billing/docs/adr/0007-monthly-invoices.md': nygard(7, 'Monthly invoices', 'Accepted'),
  'src/payments/charge.ts': [
    '// Charges go through Stripe: ADR-0004.',
    'export function charge(amount: number): string {',
    '  const s = "ADR-0099 is only a string";',
    '  return s; // ADR-99 does not exist',
    '}',
    '/* Retries: ADR-10, and the queue is ADR-8. */',
    '// Across collections: ADR-3, and docs/decisions/0003 names one. See [the decision](../../docs/adr/0002-use-postgres.md).',
    '',
  ].join('\n'),
  'src/payments/legacy/old.ts': '// nothing here\n',
  'src/api/handler.py': 'def handler():\n    """Serves ADR-0003 style endpoints; @adr 11."""\n    return "# ADR-2"  # adr: 0007\n',
  'src/api/schema.sql': '-- ADR-2 for storage\nSELECT 1;\n',
  'src/app.ts': '// nothing to see\nexport const x = 1;\n',
  'services/payments/src/pay.go': 'package pay\n\n// ADR-7 (this service\'s own), and billing/ADR-7.\nfunc Pay() {}\n',
  'services/payments/src/Pay.java': '@ADR(7)\npublic class Pay {}\n',
  'deploy/Dockerfile': 'FROM node:20\n# dl:adr 0002\n',
  'infra/main.tf': 'resource "x" "y" {} # see docs/adr/0007-use-kafka.md\n',
  'README.md': 'Our decisions: ADR-1 and [Kafka](docs/adr/0007-use-kafka.md).\n\n```ts\n// ADR-5 in a code block\n```\n',
  'dist/bundle.js': '// ADR-2 (ignored: dist/)\n',
  'logs/run.log': 'ADR-2\n',
  'secret/keys.ts': '// ADR-2\n',
  'local-only/x.ts': '// ADR-2\n',
  'node_modules/lib/index.js': '// ADR-2\n',
  'vendor/.gitignore': '*.ts\n!kept.ts\n',
  'vendor/dropped.ts': '// ADR-2\n',
  'vendor/kept.ts': '// ADR-2\n',
  'assets/logo.ts': new Uint8Array([0x2f, 0x2f, 0x20, 0x41, 0x44, 0x52, 0x2d, 0x32, 0x00, 0x01]),
  'big/huge.ts': `// ADR-2\n${'x'.repeat(3000)}\n`,
};

/** A fresh copy of the workspace. */
export function linksWorkspace(): MemoryFileSystem {
  return MemoryFileSystem.from(LINKS_FILES, ROOT);
}
