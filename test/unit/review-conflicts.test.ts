/**
 * Review scenarios, conflicts with decisions already taken: a change that adds what an in-force
 * record rejected or replaced (MADR considered options, Nygard "we will not…", a rejected record, a
 * superseded choice, front-matter `rejects:` / `forbids:`), each on a real temporary repository;
 * and what must stay quiet (a name only similar, the chosen option, the context, a proposed record).
 */
import { strict as assert } from 'node:assert';
import { claimsOf, plainOption, subjectOfTitle } from '../../src/core/review/conflicts';
import { parseRecord } from '../../src/core/parse/record';
import type { ReviewConflict } from '../../src/core/review';
import { record, TempRepo } from '../support/gitRepo';
import { review } from '../support/reviewHarness';

const pkg = (deps: Record<string, string>) => `${JSON.stringify({ name: 'app', dependencies: deps }, null, 2)}\n`;
const dep = (g: string, a: string, v = '1.0.0') => `    <dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version></dependency>\n`;
const pom = (deps: string) => `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <dependencies>\n${deps}  </dependencies>\n</project>\n`;

/** A MADR 4 record. */
function madr(title: string, status: string, body: string, extra = ''): string {
  return `---\nstatus: ${status}\ndate: 2026-01-10\n${extra}---\n# ${title}\n\n${body}\n`;
}

const DATABASE = madr('Store application data in PostgreSQL', 'accepted', [
  '## Context and Problem Statement', '', 'We need one database for orders.', '',
  '## Considered Options', '', '* PostgreSQL', '* MongoDB', '* [CouchDB](https://couchdb.apache.org) – a document store', '',
  '## Decision Outcome', '', 'Chosen option: "PostgreSQL", because orders need transactions.',
].join('\n'));

describe('review: conflicts with decisions already taken', function () {
  this.timeout(30000);
  let repo: TempRepo;
  afterEach(() => repo?.dispose());

  async function conflicts(before: Record<string, string>, after: Record<string, string>): Promise<readonly ReviewConflict[]> {
    repo = new TempRepo().commit('base', before);
    repo.write(after);
    return (await review(repo)).conflicts;
  }
  const brief = (cs: readonly ReviewConflict[]) => cs.map((c) => `${c.source} ${c.subject} ${c.record.id}`).sort();

  it('MADR: a considered option that was not chosen is a conflict, at error level, with the option line as evidence', async () => {
    const cs = await conflicts({ 'docs/decisions/0004-database.md': DATABASE, 'package.json': pkg({}) },
      { 'package.json': pkg({ mongodb: '^6.0.0', pg: '^8.11.0', nano: '^10.0.0' }) });
    assert.deepEqual(brief(cs), ['considered mongodb 0004-database']);
    const c = cs[0]!;
    assert.equal(c.message, 'Adds `mongodb`, which ADR-0004 considered and rejected in favour of PostgreSQL');
    assert.deepEqual([c.severity, c.path, c.line, c.recordLine, c.recordText, c.rejected, c.chosen, c.what, c.finding],
      ['error', 'package.json', 4, 14, '* MongoDB', 'MongoDB', 'PostgreSQL', 'dependency', 'dependency-added:package.json:mongodb']);
    assert.equal(c.record.path, repo.path('docs/decisions/0004-database.md'));
  });

  it('MADR: what the chosen option also names is no conflict ("… with Prisma" on both sides)', async () => {
    const rec = madr('Persistence', 'accepted', '## Considered Options\n\n* PostgreSQL with Prisma\n* MongoDB with Prisma\n\n## Decision Outcome\n\nChosen option: "PostgreSQL with Prisma", because it is relational.');
    const cs = await conflicts({ 'docs/decisions/0001-persistence.md': rec, 'package.json': pkg({}) }, { 'package.json': pkg({ prisma: '^5.0.0', '@prisma/client': '^5.0.0', mongodb: '^6.0.0' }) });
    assert.deepEqual(brief(cs), ['considered mongodb 0001-persistence']);
  });

  it('Nygard: "we will not use", "we won\'t adopt" and "… instead of …" in the decision; the context is not read', async () => {
    const rec = record(3, 'Messaging and web framework', 'Accepted',
      'Other teams decided against Memcached.').replace(/## Decision\n\nOther teams decided against Memcached\.\n/,
      '## Decision\n\nWe will use RabbitMQ for messaging. We will not use Kafka: nobody here runs it.\nWe won\'t adopt Redux.\nHTTP is served by Fastify instead of Express.\n');
    const cs = await conflicts({ 'doc/adr/0001-record.md': record(1, 'Record architecture decisions'), 'doc/adr/0003-messaging.md': rec, 'package.json': pkg({}), 'pom.xml': pom('') }, {
      'package.json': pkg({ redux: '^5.0.0', express: '^4.18.0', fastify: '^4.0.0', memcached: '^2.2.0', amqplib: '^0.10.0' }),
      'pom.xml': pom(dep('org.apache.kafka', 'kafka-clients', '3.7.0')),
    });
    assert.deepEqual(brief(cs), ['will-not express 0003-messaging', 'will-not org.apache.kafka:kafka-clients 0003-messaging', 'will-not redux 0003-messaging']);
    const express = cs.find((c) => c.subject === 'express')!;
    assert.equal(express.chosen, 'Fastify');
    assert.match(express.message, /^Adds `express`, which ADR-0003 decided against in favour of Fastify \("HTTP is served by Fastify instead of Express\."\)$/);
    const kafka = cs.find((c) => c.subject.includes('kafka'))!;
    assert.deepEqual([kafka.rejected, kafka.recordLine, kafka.path], ['Kafka', 15, 'pom.xml']);
  });

  it('a rejected record: what it proposed is a conflict', async () => {
    const cs = await conflicts({
      'doc/adr/0005-use-mongodb-for-sessions.md': record(5, 'Use MongoDB for sessions', 'Rejected', 'Sessions could live in a document store.'),
      'package.json': pkg({}),
    }, { 'package.json': pkg({ mongodb: '^6.0.0', 'connect-redis': '^7.0.0' }) });
    assert.deepEqual(brief(cs), ['rejected-record mongodb 0005-use-mongodb-for-sessions']);
    assert.equal(cs[0]!.message, 'Adds `mongodb`, which ADR-0005 (Use MongoDB for sessions) proposed and was rejected');
    assert.deepEqual([cs[0]!.recordLine, cs[0]!.recordText], [1, '# 5. Use MongoDB for sessions']);
  });

  it('a superseded choice: what the old record chose, replaced by the record that supersedes it', async () => {
    const cs = await conflicts({
      'doc/adr/0002-use-mysql.md': record(2, 'Use MySQL', 'Superseded by [3. Use PostgreSQL](0003-use-postgresql.md)'),
      'doc/adr/0003-use-postgresql.md': record(3, 'Use PostgreSQL', 'Accepted\n\nSupercedes [2. Use MySQL](0002-use-mysql.md)'),
      'package.json': pkg({}),
    }, { 'package.json': pkg({ mysql2: '^3.0.0', pg: '^8.0.0' }) });
    assert.deepEqual(brief(cs), ['superseded mysql2 0002-use-mysql']);
    assert.equal(cs[0]!.message, 'Adds `mysql2`, which ADR-0002 chose before ADR-0003 replaced it with PostgreSQL');
    assert.equal(cs[0]!.by!.id, '0003-use-postgresql');
  });

  it('a superseded choice that the new record keeps is no conflict (Jackson 1 → Jackson 2)', async () => {
    const cs = await conflicts({
      'doc/adr/0002-use-jackson.md': record(2, 'Use Jackson for JSON', 'Superseded by [3. Use Jackson 2 with Kotlin](0003-jackson-2.md)'),
      'doc/adr/0003-jackson-2.md': record(3, 'Use Jackson 2 with Kotlin', 'Accepted\n\nSupercedes [2. Use Jackson for JSON](0002-use-jackson.md)'),
      'pom.xml': pom(''),
    }, { 'pom.xml': pom(dep('com.fasterxml.jackson.module', 'jackson-module-kotlin', '2.17.0')) });
    assert.deepEqual(cs, []);
  });

  it('front matter rejects/forbids: names, globs over names, path globs and infrastructure kinds', async () => {
    const rec = madr('One way to run things', 'accepted', 'We run on plain VMs with systemd.',
      'forbids:\n  - "mongo*"\n  - "src/legacy/**"\nrejects: [Kubernetes, "Apache Commons IO"]\n');
    const cs = await conflicts({ 'docs/decisions/0007-runtime.md': rec, 'package.json': pkg({}), 'pom.xml': pom(''), 'src/a.ts': '1\n' }, {
      'package.json': pkg({ mongoose: '^8.0.0', pymongo: '^1.0.0' }), 'pom.xml': pom(dep('commons-io', 'commons-io', '2.15.1')),
      'src/legacy/old.ts': 'export {};\n', 'src/a.ts': '2\n', 'k8s/app.yaml': 'apiVersion: v1\nkind: Pod\n',
    });
    assert.deepEqual(brief(cs), [
      'front-matter Kubernetes 0007-runtime', 'front-matter commons-io:commons-io 0007-runtime', 'front-matter mongoose 0007-runtime', 'front-matter src/legacy/old.ts 0007-runtime',
    ]);
    const byWhat = Object.fromEntries(cs.map((c) => [c.what === 'dependency' ? c.subject : c.what, c]));
    assert.equal(byWhat.mongoose!.message, 'Adds `mongoose`, which ADR-0007 forbids (mongo*)');
    assert.deepEqual([byWhat.mongoose!.recordLine, byWhat.mongoose!.recordText], [5, '- "mongo*"']);
    assert.equal(byWhat.infrastructure!.message, 'Adds Kubernetes (k8s/app.yaml), which ADR-0007 rejects (Kubernetes)');
    assert.equal(byWhat.path!.message, 'Adds `src/legacy/old.ts`, which ADR-0007 forbids (src/legacy/**)');
    assert.equal(byWhat['commons-io:commons-io']!.recordLine, 7);
  });

  it('infrastructure kinds: a new Kubernetes manifest against options weighed, a new Dockerfile against "we will not use containers"; an edited one is no addition', async () => {
    const orchestration = madr('Run services on Nomad', 'accepted', '## Considered Options\n\n* Nomad\n* Kubernetes\n\n## Decision Outcome\n\nChosen option: "Nomad", because one binary is enough.');
    const packaging = record(3, 'Ship binaries', 'Accepted', 'x').replace('## Decision\n\nx', '## Decision\n\nWe ship static binaries. We will not use containers.');
    const cs = await conflicts({
      'docs/decisions/0002-nomad.md': orchestration, 'docs/decisions/0003-binaries.md': packaging, 'legacy/Dockerfile': 'FROM a\n',
    }, { 'deploy/api.yaml': 'apiVersion: apps/v1\nkind: Deployment\n', 'Dockerfile': 'FROM scratch\n', 'legacy/Dockerfile': 'FROM b\n' });
    assert.deepEqual(brief(cs), ['considered Kubernetes 0002-nomad', 'will-not Docker 0003-binaries']);
    const k8s = cs.find((c) => c.subject === 'Kubernetes')!;
    assert.deepEqual([k8s.what, k8s.path, k8s.line, k8s.finding], ['infrastructure', 'deploy/api.yaml', 1, 'infra-orchestration:deploy/api.yaml:']);
    assert.equal(k8s.message, 'Adds Kubernetes (deploy/api.yaml), which ADR-0002 considered and rejected in favour of Nomad');
  });

  it('a name only similar is no conflict (React rejected: preact, reactor-core), nor what a proposed record or the context says', async () => {
    const ui = madr('User interface', 'accepted', '## Considered Options\n\n* Svelte\n* React\n\n## Decision Outcome\n\nChosen option: "Svelte", because it is small.');
    const proposed = record(8, 'Caching', 'Proposed', 'x').replace('## Decision\n\nx', '## Decision\n\nWe will not use Redis.');
    const context = record(9, 'Search', 'Accepted', 'Elasticsearch is what we will not use, said a vendor.').replace(/## Decision\n\n.*\n/, '## Decision\n\nWe use OpenSearch.\n');
    const cs = await conflicts({
      'docs/decisions/0001-ui.md': ui, 'docs/decisions/0008-caching.md': proposed, 'docs/decisions/0009-search.md': context, 'package.json': pkg({}), 'pom.xml': pom(''),
    }, {
      'package.json': pkg({ preact: '^10.0.0', redis: '^4.0.0', '@elastic/elasticsearch': '^8.0.0', svelte: '^4.0.0' }),
      'pom.xml': pom(dep('io.projectreactor', 'reactor-core', '3.6.0')),
    });
    assert.deepEqual(cs, []);
  });

  it('configured like other rules: decision-conflict: warning, or off', async () => {
    let cs = await conflicts({ 'docs/decisions/0004-database.md': DATABASE, 'package.json': pkg({}), '.adr-review.yml': 'rules:\n  decision-conflict: warning\n' },
      { 'package.json': pkg({ mongodb: '^6.0.0' }) });
    assert.deepEqual(cs.map((c) => c.severity), ['warning']);
    repo.dispose();
    cs = await conflicts({ 'docs/decisions/0004-database.md': DATABASE, 'package.json': pkg({}), '.adr-review.yml': 'rules:\n  decision-conflict: off\n' },
      { 'package.json': pkg({ mongodb: '^6.0.0' }) });
    assert.deepEqual(cs, []);
  });

  it('superseding the record in the same change resolves the conflict', async () => {
    repo = new TempRepo().commit('base', { 'docs/decisions/0004-database.md': DATABASE, 'package.json': pkg({}) });
    repo.write({
      'package.json': pkg({ mongodb: '^6.0.0' }),
      'docs/decisions/0004-database.md': DATABASE.replace('status: accepted', 'status: superseded by [ADR-0005](0005-documents.md)'),
      'docs/decisions/0005-documents.md': madr('Store documents in MongoDB', 'accepted', 'Orders became documents.\n\n* Supersedes [ADR-0004](0004-database.md)'),
    });
    const out = await review(repo);
    assert.deepEqual(out.conflicts, []);
    assert.equal(out.findings.find((f) => f.subject === 'mongodb')!.verdict, 'documented');
  });
});

describe('conflicts: reading what a record did not choose', () => {
  const parsed = (text: string, path = '/r/docs/decisions/0001-x.md') => ({ record: parseRecord(text, { path, collection: '/r/docs/decisions', collectionDialect: 'madr' }), text });

  it('plainOption strips links, emphasis, numbering and descriptions', () => {
    assert.equal(plainOption('[CouchDB](https://couchdb.apache.org) – a document store'), 'CouchDB');
    assert.equal(plainOption('**Option 2:** MongoDB (managed)'), 'MongoDB');
    assert.equal(plainOption('`kafka` - streams'), 'kafka');
  });

  it('subjectOfTitle drops the verb; "Replace X with Y" proposes Y', () => {
    assert.equal(subjectOfTitle('Use MySQL for storage'), 'MySQL for storage');
    assert.equal(subjectOfTitle('Replace Moment with Luxon'), 'Luxon');
  });

  it('no chosen option: considered options say nothing about what was rejected', () => {
    const claims = claimsOf(parsed(madr('DB', 'accepted', '## Considered Options\n\n* PostgreSQL\n* MongoDB\n\n## Decision Outcome\n\nWe will see.')));
    assert.deepEqual(claims, []);
  });

  it('"we will not" clauses end where the sentence explains itself', () => {
    const claims = claimsOf(parsed(madr('Queues', 'accepted', '## Decision\n\nWe will not use Kafka because it is heavy and we use Redis.\nWe decided against Consul, in favour of etcd.')));
    assert.deepEqual(claims.map((c) => [c.source, c.rejected, c.chosen]), [['will-not', 'Kafka', undefined], ['will-not', 'Consul', 'etcd']]);
  });
});
