/** Anchor resolution across collections, duplicates, hints, links and ids; globs and the in-force policy. */
import { strict as assert } from 'node:assert';
import { AdrIndex } from '../../src/core/index';
import { AnchorResolver, GovernsMatcher, collectionScope, matchingPatterns, type AnchorRef, type Resolution } from '../../src/core/links';
import type { AdrRecord } from '../../src/core/model';
import { linksWorkspace, ROOT } from '../support/linksWorkspace';

const at = (p: string) => `${ROOT}/${p}`;

/** A resolution in short: `docs/adr/0002-use-postgres.md`, `ambiguous: …`, `unknown: …`, `none`. */
function short(r: Resolution): string {
  if (r.kind === 'resolved') return r.record.path.slice(ROOT.length + 1) + (r.via ? ` (${r.via})` : '');
  if (r.kind === 'ambiguous') return `ambiguous: ${r.candidates.map((c) => c.path.slice(ROOT.length + 1)).join(' ')}`;
  if (r.kind === 'unknown') return `unknown: ${r.message}`;
  return 'none';
}

describe('links: resolving anchors', () => {
  let index: AdrIndex;
  let resolver: AnchorResolver;
  const resolve = (ref: AnchorRef, from = 'src/app.ts') => short(resolver.resolve(ref, at(from)));

  before(async () => {
    index = await AdrIndex.build(linksWorkspace(), ROOT);
    resolver = new AnchorResolver(index);
  });

  it('finds the four collections', () => {
    assert.deepEqual(index.collections.map((c) => c.path.slice(ROOT.length + 1)).sort(), [
      'docs/adr', 'docs/decisions', 'services/billing/docs/adr', 'services/payments/docs/adr',
    ].sort());
  });

  it('resolves a number used once', () => {
    assert.equal(resolve({ number: 2 }), 'docs/adr/0002-use-postgres.md');
    assert.equal(resolve({ number: 99 }), 'unknown: no decision record is numbered 99');
  });

  it('reports duplicates in one collection as ambiguous', () => {
    assert.equal(resolve({ number: 10 }), 'ambiguous: docs/adr/0010-first-ten.md docs/adr/0010-second-ten.md');
    const r = resolver.resolve({ number: 10 }, at('src/app.ts'));
    assert.ok(r.kind === 'ambiguous' && r.message === 'number 10 is used by 2 records of docs/adr: 0010-first-ten.md, 0010-second-ten.md');
  });

  it('reports a number in several collections of the same scope as ambiguous, suggesting a hint', () => {
    const r = resolver.resolve({ number: 3 }, at('src/app.ts'));
    assert.equal(short(r), 'ambiguous: docs/adr/0003-use-rest.md docs/decisions/0003-use-grpc.md');
    assert.ok(r.kind === 'ambiguous' && r.message.includes('used in 2 collections (docs/adr, docs/decisions); name one, e.g. docs/adr/ADR-3'), r.kind === 'ambiguous' ? r.message : '');
  });

  it('picks the nearest collection by folder scope, and says so; strict mode reports it', () => {
    assert.equal(collectionScope(at('services/payments/docs/adr'), ROOT), at('services/payments'));
    assert.equal(collectionScope(at('docs/adr'), ROOT), ROOT);
    assert.equal(resolve({ number: 7 }, 'services/payments/src/pay.go'), 'services/payments/docs/adr/0007-idempotent-charges.md (scope)');
    assert.equal(resolve({ number: 7 }, 'services/billing/x.ts'), 'services/billing/docs/adr/0007-monthly-invoices.md (scope)');
    assert.equal(resolve({ number: 7 }, 'src/app.ts'), 'docs/adr/0007-use-kafka.md (scope)');
    const strict = new AnchorResolver(index, { nearestCollection: false });
    assert.equal(short(strict.resolve({ number: 7 }, at('src/app.ts'))).split(' ').length, 4); // ambiguous + 3 records
  });

  it('resolves collection hints by name, path, path suffix or scope', () => {
    assert.equal(resolve({ number: 7, collection: 'payments' }), 'services/payments/docs/adr/0007-idempotent-charges.md');
    assert.equal(resolve({ number: 7, collection: 'billing' }), 'services/billing/docs/adr/0007-monthly-invoices.md');
    assert.equal(resolve({ number: 3, collection: 'docs/decisions' }), 'docs/decisions/0003-use-grpc.md');
    assert.equal(resolve({ number: 3, collection: 'docs/adr' }), 'docs/adr/0003-use-rest.md');
    assert.equal(resolve({ number: 1, collection: 'services/payments/docs/adr' }), 'services/payments/docs/adr/0001-payments-records.md');
    assert.equal(resolve({ number: 3, collection: '../docs/decisions' }), 'docs/decisions/0003-use-grpc.md');
    assert.equal(resolve({ number: 5, collection: 'payments' }), 'unknown: no decision record is numbered 5 in services/payments/docs/adr');
    assert.equal(resolve({ number: 1, collection: 'nope' }), 'unknown: no ADR collection matches "nope"');
    assert.match(resolve({ number: 7, collection: 'adr' }), /^ambiguous/);
    assert.equal(resolver.hintFor(at('services/payments/docs/adr'), at('src/app.ts')), 'payments');
  });

  it('resolves links from the file, then from the root; other Markdown files are not anchors', () => {
    assert.equal(resolve({ link: '../../docs/adr/0002-use-postgres.md#why' }, 'src/payments/charge.ts'), 'docs/adr/0002-use-postgres.md');
    assert.equal(resolve({ link: 'docs/adr/0007-use-kafka.md', weak: true }, 'infra/main.tf'), 'docs/adr/0007-use-kafka.md');
    assert.equal(resolve({ link: '/docs/adr/0007-use-kafka.md' }, 'infra/main.tf'), 'docs/adr/0007-use-kafka.md');
    assert.equal(resolve({ link: '0009-use-nats.md' }, 'src/app.ts'), 'docs/adr/0009-use-nats.md');
    assert.equal(resolve({ link: 'docs/adr/0042-missing.md' }), 'unknown: no decision record at docs/adr/0042-missing.md');
    assert.equal(resolve({ link: 'docs/guide/0001-intro.md' }), 'none');
  });

  it('keeps weak paths only when they lead into a collection', () => {
    assert.equal(resolve({ collection: 'docs/decisions', number: 3, weak: true }), 'docs/decisions/0003-use-grpc.md');
    assert.equal(resolve({ collection: 'api/v1', number: 2, weak: true }), 'none');
    assert.equal(resolve({ collection: 'docs/decisions', number: 42, weak: true }), 'unknown: no decision record is numbered 42 in docs/decisions');
  });

  it('resolves ids', () => {
    assert.equal(resolve({ id: '0009-use-nats' }), 'docs/adr/0009-use-nats.md');
    assert.equal(resolve({ id: '0009-use-natz' }), 'unknown: no decision record has the id "0009-use-natz"');
  });
});

describe('links: governs globs', () => {
  let index: AdrIndex;
  const rel = (rs: readonly { record: AdrRecord; inForce: boolean }[]) => rs.map((m) => `${m.record.id}${m.inForce ? '' : ' (not in force)'}`);

  before(async () => {
    index = await AdrIndex.build(linksWorkspace(), ROOT);
  });

  it('reads governs, applies-to and affects from front matter', () => {
    assert.deepEqual(index.get(at('docs/adr/0004-use-stripe.md'))!.governs, ['src/payments/**', '!src/payments/legacy/**']);
    assert.deepEqual(index.get(at('docs/adr/0005-try-graphql.md'))!.governs, ['src/api']);
    assert.deepEqual(index.get(at('docs/adr/0006-use-soap.md'))!.governs, ['src/api/**/*.ts']);
  });

  it('matches repository-relative paths; a folder means everything below; ! excludes', () => {
    const stripe = index.get(at('docs/adr/0004-use-stripe.md'))!;
    assert.deepEqual(matchingPatterns(stripe, 'src/payments/charge.ts'), ['src/payments/**']);
    assert.deepEqual(matchingPatterns(stripe, 'src/payments/legacy/old.ts'), []);
    assert.deepEqual(matchingPatterns(stripe, 'src/paymentsX/a.ts'), []);
    const folder = { ...stripe, governs: ['./src/api/', '/lib/*.go', 'README.md', 'src/.config/**'] };
    assert.deepEqual(matchingPatterns(folder, 'src/api/v1/x.py'), ['./src/api/']);
    assert.deepEqual(matchingPatterns(folder, 'lib/a.go'), ['/lib/*.go']);
    assert.deepEqual(matchingPatterns(folder, 'lib/sub/a.go'), []);
    assert.deepEqual(matchingPatterns(folder, 'README.md'), ['README.md']);
    assert.deepEqual(matchingPatterns(folder, 'src/.config/x'), ['src/.config/**']);
  });

  it('only records in force govern: accepted, and proposed when opted in', () => {
    const m = new GovernsMatcher(index);
    assert.deepEqual(rel(m.match(at('src/api/v1/handler.ts'))), ['0005-try-graphql (not in force)', '0006-use-soap (not in force)']);
    assert.deepEqual(m.governing(at('src/api/v1/handler.ts')), []);
    assert.deepEqual(rel(m.governing(at('src/payments/charge.ts'))), ['0004-use-stripe']);
    const withProposed = new GovernsMatcher(index, { includeProposed: true });
    assert.deepEqual(rel(withProposed.governing(at('src/api/v1/handler.ts'))), ['0005-try-graphql']);
    assert.deepEqual(m.match('/elsewhere/src/payments/x.ts'), []);
    m.dispose();
    withProposed.dispose();
  });

  it('takes globs from the repository root when it differs from the index root', async () => {
    const sub = await AdrIndex.build(linksWorkspace(), `${ROOT}/services/payments`);
    const m = new GovernsMatcher(sub, { repoRoot: ROOT });
    assert.deepEqual(rel(m.governing(at('services/payments/src/pay.go'))), ['0007-idempotent-charges']);
    const wrong = new GovernsMatcher(sub);
    assert.deepEqual(wrong.governing(at('services/payments/src/pay.go')), []);
  });

  it('sees record changes (the cache follows the index)', async () => {
    const fs = linksWorkspace();
    const idx = await AdrIndex.build(fs, ROOT);
    const m = new GovernsMatcher(idx);
    assert.equal(m.governing(at('src/app.ts')).length, 0);
    fs.seed({ 'docs/adr/0013-app.md': '---\nstatus: accepted\ngoverns: [src/app.ts]\n---\n\n# App\n' }, ROOT);
    await idx.update(at('docs/adr/0013-app.md'));
    assert.deepEqual(rel(m.governing(at('src/app.ts'))), ['0013-app']);
  });
});
