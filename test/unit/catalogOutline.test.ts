/**
 * A catalogue or export file read as a read-only collection (what the Decisions view shows): sources,
 * records in number order, links resolved across repositories, problems; hostile or foreign files
 * refused in one line or read as text only.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { AdrIndex } from '../../src/core/index';
import {
  buildCatalog, buildExport, catalogText, exportText, readCatalogOutline, sourceNameOf, type ExportDocument,
} from '../../src/core/export';
import { exportDoc, rec, threeRepoCatalog } from '../support/catalogFixture';
import { UserError } from '../../src/core/errors';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { CORPORA, corporaAvailable } from '../support/corpora';
import { CORPORA_WILD, corporaWildAvailable } from '../support/corporaWild';

async function exportOf(folder: string, repository: string): Promise<ExportDocument> {
  const index = await AdrIndex.build(new NodeFileSystem(), folder, {});
  return buildExport({
    index, base: folder,
    provenance: { repository, commit: 'b'.repeat(40), path: '' },
    generator: { name: 'adr-workbench', version: '0.1.0' },
  });
}

describe('catalogue outline: a catalogue or export file as a read-only collection', () => {
  it('reads a catalogue: sources in order, records by number, links resolved within and across repositories', () => {
    const o = readCatalogOutline(threeRepoCatalog(), 'catalog.json');
    assert.equal(o.kind, 'catalog');
    assert.equal(o.title, 'Acme decisions');
    assert.deepEqual(o.sources.map((s) => [s.name, s.repository, s.records.map((r) => r.label)]), [
      ['payments', 'https://github.com/acme/payments', ['0001. Record architecture decisions', '0002. Use PostgreSQL', '0007. Card tokens']],
      ['identity', 'https://github.com/acme/identity', ['0003. Tokens for sessions']],
      ['billing', 'https://gitlab.com/acme/billing', ['0001. Invoices']],
    ]);
    assert.equal(o.recordCount, 5);
    const old = o.sources[0]!.records[1]!;
    assert.equal(old.status, 'superseded');
    assert.equal(old.reference, 'payments:ADR-0002');
    assert.deepEqual(old.links, [{ verb: 'Superseded by', written: '0007-card-tokens.md', target: 'payments:doc/adr/0007-card-tokens', crossRepository: false, problem: null }]);
    assert.equal(o.record(old.links[0]!.target!)?.label, '0007. Card tokens');
    const tokens = o.sources[1]!.records[0]!;
    assert.deepEqual(tokens.links.map((l) => [l.verb, l.written, l.target, l.crossRepository, l.problem]), [
      ['amends', 'payments:ADR-0007', 'payments:doc/adr/0007-card-tokens', true, null],
      ['relates to', 'payments:ADR-0099', null, true, 'that repository has no such record'],
      ['mentions', 'ledger:ADR-1', null, true, 'the catalogue has no such repository'],
    ]);
    assert.deepEqual(o.problems.map((p) => p.kind), ['broken', 'broken']);
  });

  it('keeps only web addresses that are http(s), and says when the text was left out', () => {
    const o = readCatalogOutline(threeRepoCatalog(), 'catalog.json');
    const invoices = o.sources[2]!.records[0]!;
    assert.equal(invoices.url, null);
    assert.equal(invoices.markdown, null);
    assert.match(o.sources[0]!.records[0]!.url!, /^https:\/\/github\.com\/acme\/x\/blob\//);
    assert.equal(o.sources[0]!.records[0]!.markdown, '# 1. Record architecture decisions\n');
  });

  it('reads an export file as a catalogue of one repository named after the file', () => {
    const text = JSON.stringify(exportDoc('https://github.com/acme/payments', [rec(2, 'Use PostgreSQL'), rec(1, 'Record architecture decisions')]));
    const o = readCatalogOutline(text, 'ci/payments.adr-export.json');
    assert.equal(o.kind, 'export');
    assert.equal(o.title, 'https://github.com/acme/payments');
    assert.deepEqual(o.sources.map((s) => s.name), ['payments']);
    assert.deepEqual(o.sources[0]!.records.map((r) => [r.key, r.reference]), [
      ['payments:doc/adr/0001-record-architecture-decisions', 'payments:ADR-0001'],
      ['payments:doc/adr/0002-use-postgresql', 'payments:ADR-0002'],
    ]);
  });

  it('names export sources from file names', () => {
    assert.equal(sourceNameOf('/x/payments.adr-export.json'), 'payments');
    assert.equal(sourceNameOf('C:\\x\\Identity-Export.json'), 'identity');
    assert.equal(sourceNameOf('2024 billing.json'), 'billing');
    assert.equal(sourceNameOf('---.json'), 'export');
  });

  it('refuses what is not a catalogue or an export in one line', () => {
    const cases: [string, RegExp][] = [
      ['{', /^c\.json: not JSON \(/],
      ['[]', /^c\.json: not an adr-workbench catalogue or export$/],
      ['{"format":"something-else"}', /^c\.json: not an adr-workbench catalogue or export \(no "format"/],
      ['{"format":"adr-workbench/catalog","version":2,"sources":[],"records":[]}', /^c\.json: catalogue version 2; this adr-workbench reads version 1$/],
      ['{"format":"adr-workbench/catalog","version":1}', /^c\.json: a catalogue without sources or records$/],
      ['{"format":"adr-workbench/export","version":1,"records":[],"collections":[]}', /^c\.json: an export without records, collections or provenance$/],
    ];
    for (const [text, re] of cases) {
      assert.throws(() => readCatalogOutline(text, 'c.json'), (e: unknown) => e instanceof UserError && re.test(e.message) && !e.message.includes('\n'), text);
    }
  });

  it('reads a hostile catalogue as text only: wrong types dropped, odd statuses unknown, duplicates once', () => {
    const text = JSON.stringify({
      format: 'adr-workbench/catalog', version: 1, title: { toString: 'x' },
      sources: [{ name: 'a', repository: 'file:///etc/passwd', commit: 7 }, 'junk', { name: 'a' }],
      records: [
        { source: 'a', catalogKey: 'a:1', path: 'doc/adr/0001-x.md', title: '$(alert) <img src=x onerror=alert(1)>', status: '__proto__', number: -3, numberText: '../1', relations: 'nope', references: [{ target: 5 }] },
        { source: 'a', catalogKey: 'a:1', path: 'dup.md', title: 'Duplicate key' },
        { source: 'b', key: 'doc/adr/0002-y', path: 'doc/adr/0002-y.md', number: 2, title: 'Source not listed', deciders: ['Ann', 3] },
        { catalogKey: 'no-source', path: 'x.md' },
        null, 42,
      ],
      problems: [{ kind: 'broken', message: 'm', record: 'a:1' }, { kind: 'exploit', message: 'x' }, { kind: 'duplicate' }],
    });
    const o = readCatalogOutline(text, 'hostile.json');
    assert.equal(o.title, 'Architecture decisions');
    assert.deepEqual(o.sources.map((s) => [s.name, s.repository, s.commit, s.records.length]), [['a', null, null, 1], ['b', null, null, 1]]);
    const a = o.sources[0]!.records[0]!;
    assert.equal(a.label, '$(alert) <img src=x onerror=alert(1)>');
    assert.equal(a.status, 'unknown');
    assert.equal(a.number, null);
    assert.deepEqual(a.links.map((l) => [l.target, l.crossRepository]), [[null, true]]);
    assert.deepEqual(o.sources[1]!.records[0]!.deciders, ['Ann']);
    assert.deepEqual(o.problems, [{ kind: 'broken', record: 'a:1', message: 'm' }]);
  });

  it('reads the export of every corpus, and a catalogue of all eleven, with every record shown once', async function () {
    this.timeout(60000);
    if (!corporaAvailable() || !corporaWildAvailable()) assert.fail(`missing ${CORPORA} or ${CORPORA_WILD}`);
    const { readdirSync, statSync } = await import('node:fs');
    const sources: { config: { name: string; path: string }; doc: ExportDocument }[] = [];
    for (const base of [CORPORA, CORPORA_WILD]) {
      for (const name of readdirSync(base)) {
        const path = join(base, name);
        if (!statSync(path).isDirectory()) continue;
        const doc = await exportOf(path, `https://github.com/corpora/${name}`);
        const o = readCatalogOutline(exportText(doc), `${name}.json`);
        assert.equal(o.recordCount, doc.records.length, name);
        assert.ok(doc.records.length > 0, name);
        sources.push({ config: { name: name.toLowerCase().replace(/[^a-z0-9._-]/g, '-'), path }, doc });
      }
    }
    assert.equal(sources.length, 11);
    const o = readCatalogOutline(catalogText(buildCatalog({ title: 'All', sources })), 'all.json');
    assert.equal(o.sources.length, 11);
    assert.equal(o.recordCount, sources.reduce((n, s) => n + s.doc.records.length, 0));
    for (const s of o.sources) {
      for (const r of s.records) {
        for (const l of r.links) if (l.target) assert.ok(o.record(l.target), `${r.key} → ${l.target}`);
      }
    }
  });
});
