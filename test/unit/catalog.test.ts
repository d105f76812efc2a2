/**
 * `adrw catalog build`: three repositories (one read from its export file, as each repository's CI
 * would publish it), references between them resolved, a duplicate id, an ambiguous and broken ones.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalog, parseCatalogConfig, parseExportFile, type CatalogDocument, type ExportDocument } from '../../src/core/export';
import { UserError } from '../../src/core/errors';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { cli } from '../support/cliHarness';
import { HistoryRepo, nygard } from '../support/historyRepo';

describe('catalog build: one catalogue across repositories', function () {
  this.timeout(60000);
  const repos: HistoryRepo[] = [];
  let dir: string;
  beforeEach(() => { dir = realpathSync(mkdtempSync(join(tmpdir(), 'adrw-catalog-'))); });
  afterEach(() => {
    for (const r of repos.splice(0)) r.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  const run = (cwd: string, ...argv: string[]) => cli(new NodeFileSystem(), cwd, argv);

  function repo(files: Record<string, string>, remote: string): HistoryRepo {
    const r = new HistoryRepo();
    r.commitAs('Alice', '2024-01-05T10:00:00Z', 'Decisions', files);
    r.git('remote', 'add', 'origin', remote);
    repos.push(r);
    return r;
  }

  function threeRepositories(): { payments: HistoryRepo; identity: HistoryRepo; billing: HistoryRepo } {
    const payments = repo({
      'doc/adr/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions', 'Accepted'),
      'doc/adr/0002-use-postgresql.md': nygard(2, 'Use PostgreSQL', 'Accepted'),
      'doc/adr/0007-card-tokens.md': nygard(7, 'Card tokens', 'Accepted'),
      // A second collection in the same repository also has a record 2: payments:ADR-2 names two.
      'services/ledger/doc/adr/0002-double-entry.md': nygard(2, 'Double entry', 'Accepted'),
    }, 'git@github.com:acme/payments.git');
    const identity = repo({
      'doc/adr/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions', 'Accepted'),
      'doc/adr/0003-tokens-for-sessions.md': nygard(3, 'Tokens for sessions', 'Accepted', ['Amends payments:ADR-0007'],
        'We reuse the card token service (see payments:ADR-2 for the database).'),
    }, 'https://github.com/acme/identity.git');
    const billing = repo({
      'doc/adr/0001-invoices.md': nygard(1, 'Invoices', 'Accepted', ['Relates to ledger:ADR-1', 'Depends on payments:ADR-0099'],
        'Sessions come from identity:ADR-3.'),
    }, 'https://gitlab.com/acme/billing.git');
    return { payments, identity, billing };
  }

  it('merges three repositories (one from its CI export) and reports duplicate, ambiguous and broken references', async () => {
    const { payments, identity, billing } = threeRepositories();
    // Identity's CI published its export; the catalogue reads that file.
    const exported = await run(identity.root, 'export', '--out', join(dir, 'identity.json'));
    assert.equal(exported.code, 0, exported.stderr);
    writeFileSync(join(dir, 'catalog.yml'), [
      'title: Acme decisions',
      'sources:',
      `  - name: payments`,
      `    path: ${payments.root}`,
      '  - name: identity',
      '    export: identity.json',
      '  - name: billing',
      `    path: ${billing.root}`,
      '',
    ].join('\n'));
    const r = await run(dir, 'catalog', 'build', 'catalog.yml', '--out', 'catalog.json');
    assert.equal(r.code, 0);
    assert.equal(r.stdout, 'catalog.json\n');
    const cat = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as CatalogDocument;
    assert.equal(cat.format, 'adr-workbench/catalog');
    assert.equal(cat.version, 1);
    assert.equal(cat.title, 'Acme decisions');
    assert.deepEqual(cat.sources.map((s) => [s.name, s.kind, s.repository, s.records]), [
      ['payments', 'folder', 'https://github.com/acme/payments', 4],
      ['identity', 'export', 'https://github.com/acme/identity', 2],
      ['billing', 'folder', 'https://gitlab.com/acme/billing', 1],
    ]);
    assert.equal(cat.records.length, 7);
    const rec = (key: string) => cat.records.find((x) => x.catalogKey === key)!;
    const tokens = rec('identity:doc/adr/0003-tokens-for-sessions');
    assert.equal(tokens.catalogReference, 'identity:ADR-0003');
    assert.deepEqual(tokens.references.map((x) => [x.written, x.verb, x.target, x.problem]), [
      ['payments:ADR-0007', 'amends', 'payments:doc/adr/0007-card-tokens', null],
      ['payments:ADR-2', 'mentions', null, 'ambiguous'],
    ]);
    assert.match(tokens.url ?? '', /^https:\/\/github\.com\/acme\/identity\/blob\/[0-9a-f]{40}\/doc\/adr\/0003-tokens-for-sessions\.md$/);
    const invoices = rec('billing:doc/adr/0001-invoices');
    assert.deepEqual(invoices.references.map((x) => [x.written, x.verb, x.target, x.problem]), [
      ['ledger:ADR-1', 'relates to', null, 'no-such-source'],
      ['payments:ADR-0099', 'depends on', null, 'no-such-record'],
      ['identity:ADR-3', 'mentions', 'identity:doc/adr/0003-tokens-for-sessions', null],
    ]);
    assert.deepEqual(cat.problems.map((x) => x.kind), ['duplicate', 'ambiguous', 'broken', 'broken']);
    assert.match(cat.problems[0]!.message, /^payments:ADR-2 names 2 records: doc\/adr\/0002-use-postgresql\.md, services\/ledger\/doc\/adr\/0002-double-entry\.md$/);
    assert.match(cat.problems[2]!.message, /no source named "ledger"/);
    assert.match(cat.problems[3]!.message, /payments has no record 99/);
    // Each problem also goes to standard error, one line each; --strict turns them into exit 1.
    assert.equal(r.stderr.trim().split('\n').length, 4);
    assert.equal((await run(dir, 'catalog', 'build', 'catalog.yml', '--strict')).code, 1);
  });

  it('the same repository under two names is a duplicate', () => {
    const doc: ExportDocument = {
      format: 'adr-workbench/export', version: 1, generator: { name: 'adr-workbench', version: '0' },
      provenance: { repository: 'https://github.com/a/b', commit: 'c'.repeat(40), path: '' }, collections: [], records: [],
    };
    const cat = buildCatalog({ title: 't', sources: [{ config: { name: 'a', export: 'a.json' }, doc }, { config: { name: 'b', export: 'b.json' }, doc }] });
    assert.deepEqual(cat.problems.map((p) => p.message), ['sources "a" and "b" are the same repository (https://github.com/a/b at ccccccc)']);
  });

  it('bad configurations and export files: one line naming the problem', async () => {
    const bad = (text: string, re: RegExp) => assert.throws(() => parseCatalogConfig(text, 'c.yml'), (e: Error) => e instanceof UserError && re.test(e.message) && !e.message.includes('\n'));
    bad('sources: []', /non-empty list/);
    bad('[1, 2]', /expected a mapping/);
    bad('sources:\n  - name: Payments\n    path: x', /lower-case/);
    bad('sources:\n  - name: a\n    path: x\n  - name: a\n    path: y', /used twice/);
    bad('sources:\n  - name: a', /either "path"/);
    bad('sources:\n  - name: a\n    path: x\n    export: y', /either "path"/);
    bad('sources: [', /not valid YAML/);
    const badExport = (text: string, re: RegExp) => assert.throws(() => parseExportFile(text, 'e.json'), (e: Error) => e instanceof UserError && re.test(e.message));
    badExport('{', /not JSON/);
    badExport('{"format":"other"}', /not an adr-workbench export/);
    badExport('{"format":"adr-workbench/export","version":2}', /version 2/);
    badExport('{"format":"adr-workbench/export","version":1,"provenance":{},"collections":[],"records":[{"id":1}]}', /records\[0\]/);
    writeFileSync(join(dir, 'c.yml'), 'sources:\n  - name: a\n    path: missing\n');
    const r = await run(dir, 'catalog', 'build', 'c.yml');
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'adr-workbench: c.yml: source "a": missing is not a folder\n');
    const u = await run(dir, 'catalog', 'merge');
    assert.equal(u.code, 2);
    assert.match(u.stderr, /usage: catalog build CONFIG/);
  });
});
