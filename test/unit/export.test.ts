/**
 * `adrw export`: the versioned JSON export, valid against the shipped schema on every corpus, in a
 * fixed field order, the same bytes for the same commit, with provenance and a history summary.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { AdrIndex } from '../../src/core/index';
import { buildExport, exportText, webAddress, webUrl, EXPORT_VERSION, type ExportDocument } from '../../src/core/export';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { CORPORA, corporaAvailable } from '../support/corpora';
import { CORPORA_WILD, corporaWildAvailable } from '../support/corporaWild';
import { cli } from '../support/cliHarness';
import { HistoryRepo, nygard } from '../support/historyRepo';

const schema = JSON.parse(readFileSync(join(process.cwd(), 'schema', 'adr-export.v1.schema.json'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function assertValid(doc: unknown, label: string): void {
  const ok = validate(doc);
  assert.ok(ok, `${label}: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}`);
}

/** The record fields in the order the schema lists them as required: the order the export writes. */
const RECORD_ORDER = ((schema.$defs as Record<string, { required: string[] }>).record!).required;

function corpusFolders(): { name: string; path: string }[] {
  const out: { name: string; path: string }[] = [];
  for (const base of [CORPORA, CORPORA_WILD]) {
    for (const name of readdirSync(base)) {
      const path = join(base, name);
      if (statSync(path).isDirectory()) out.push({ name, path: path.replace(/\\/g, '/') });
    }
  }
  return out;
}

async function exportOf(folder: string): Promise<ExportDocument> {
  const index = await AdrIndex.build(new NodeFileSystem(), folder, {});
  return buildExport({
    index, base: folder,
    provenance: { repository: 'https://github.com/acme/decisions', commit: 'a'.repeat(40), path: '' },
    generator: { name: 'adr-workbench', version: '0.1.0' },
  });
}

describe('export: the versioned JSON of every record', function () {
  this.timeout(60000);

  it('the corpora are present', () => {
    assert.ok(corporaAvailable(), `missing ${CORPORA}`);
    assert.ok(corporaWildAvailable(), `missing ${CORPORA_WILD}`);
    assert.equal(corpusFolders().length, 11);
  });

  for (const { name, path } of corporaAvailable() && corporaWildAvailable() ? corpusFolders() : []) {
    it(`${name}: valid against schema v${EXPORT_VERSION}, fields in the schema's order, the same bytes twice`, async () => {
      const doc = await exportOf(path);
      assertValid(doc, name);
      assert.ok(doc.records.length > 0, 'records exported');
      assert.deepEqual(Object.keys(doc), ['format', 'version', 'generator', 'provenance', 'collections', 'records']);
      for (const r of doc.records) {
        assert.deepEqual(Object.keys(r), RECORD_ORDER, r.path);
        for (const x of r.relations) assert.deepEqual(Object.keys(x), ['type', 'verb', 'target', 'written', 'origin']);
      }
      const keys = doc.records.map((r) => r.key);
      assert.equal(new Set(keys).size, keys.length, 'keys are unique');
      // Targets name exported records.
      for (const r of doc.records) for (const x of r.relations) if (x.target !== null) assert.ok(keys.includes(x.target), `${r.key} → ${x.target}`);
      // No absolute path and no machine-specific text in the output.
      const text = exportText(doc);
      assert.ok(!text.includes(path), 'no absolute path');
      assert.equal(exportText(await exportOf(path)), text, 'deterministic');
      // Records are in collection order then number order.
      for (const c of doc.collections) {
        const nums = doc.records.filter((r) => r.collection === c.path && r.number !== null).map((r) => r.number!);
        assert.deepEqual(nums, [...nums].sort((a, b) => a - b), `${c.path} in number order`);
        assert.equal(doc.records.filter((r) => r.collection === c.path).length, c.records);
      }
    });
  }

  it('a record the schema would refuse is refused (the schema checks something)', async () => {
    const doc = JSON.parse(exportText(await exportOf(join(CORPORA, 'adr-tools').replace(/\\/g, '/')))) as { records: Record<string, unknown>[] };
    doc.records[0]!.status = 'approved-ish';
    assert.equal(validate(doc), false);
    delete doc.records[0]!.status;
    assert.equal(validate(doc), false);
    const abs = JSON.parse(exportText(await exportOf(join(CORPORA, 'adr-tools').replace(/\\/g, '/')))) as { records: Record<string, unknown>[] };
    abs.records[0]!.path = '/etc/passwd';
    assert.equal(validate(abs), false, 'absolute paths are refused');
    abs.records[0]!.path = 'doc/../../x.md';
    assert.equal(validate(abs), false, '.. is refused');
  });

  it('webAddress: remotes to web addresses, credentials removed, local paths refused', () => {
    assert.equal(webAddress('git@github.com:acme/payments.git'), 'https://github.com/acme/payments');
    assert.equal(webAddress('https://x-access-token:ghp_secret@github.com/acme/payments.git'), 'https://github.com/acme/payments');
    assert.equal(webAddress('ssh://git@gitlab.example.com:2222/group/sub/repo.git'), 'https://gitlab.example.com/group/sub/repo');
    assert.equal(webAddress('https://GitHub.com/acme/x/'), 'https://github.com/acme/x');
    assert.equal(webAddress('/srv/git/payments.git'), null);
    assert.equal(webAddress('file:///srv/git/payments.git'), null);
    assert.equal(webAddress('../payments'), null);
    assert.equal(webAddress(''), null);
    assert.equal(webAddress(undefined), null);
  });

  it('webUrl: GitHub, GitLab and Bitbucket pages pinned to the commit; unknown hosts none', () => {
    const c = 'b'.repeat(40);
    assert.equal(webUrl({ repository: 'https://github.com/acme/x', commit: c, path: '' }, 'doc/adr/0001 a#b.md'), `https://github.com/acme/x/blob/${c}/doc/adr/0001%20a%23b.md`);
    assert.equal(webUrl({ repository: 'https://gitlab.com/g/x', commit: c, path: '' }, 'a.md'), `https://gitlab.com/g/x/-/blob/${c}/a.md`);
    assert.equal(webUrl({ repository: 'https://bitbucket.org/g/x', commit: c, path: '' }, 'a.md'), `https://bitbucket.org/g/x/src/${c}/a.md`);
    assert.equal(webUrl({ repository: 'https://git.example.com/g/x', commit: c, path: '' }, 'a.md'), null);
    assert.equal(webUrl({ repository: 'https://github.com/acme/x', commit: null, path: '' }, 'a.md'), null);
  });
});

describe('CLI: export', function () {
  this.timeout(60000);
  let repo: HistoryRepo | undefined;
  afterEach(() => {
    repo?.dispose();
    repo = undefined;
  });
  const run = (cwd: string, env: Record<string, string>, ...argv: string[]) => cli(new NodeFileSystem(), cwd, argv, env);

  function scripted(): HistoryRepo {
    const r = new HistoryRepo();
    r.commitAs('Alice', '2024-01-05T10:00:00Z', 'First decisions', {
      'services/pay/doc/adr/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions', 'Accepted'),
      'services/pay/doc/adr/0002-use-postgresql.md': nygard(2, 'Use PostgreSQL', 'Proposed'),
    });
    r.commitAs('Bob', '2024-02-01T09:00:00Z', 'Accept PostgreSQL', { 'services/pay/doc/adr/0002-use-postgresql.md': nygard(2, 'Use PostgreSQL', 'Accepted') });
    r.git('remote', 'add', 'origin', 'https://deploy:s3cret@github.com/acme/monorepo.git');
    return r;
  }

  it('writes provenance (remote without credentials, HEAD, the folder), history by author, links pinned to the commit', async () => {
    repo = scripted();
    const cwd = `${repo.root}/services/pay`;
    const r = await run(cwd, {}, 'export');
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.ok(!r.stdout.includes('s3cret'), 'credentials never written');
    const doc = JSON.parse(r.stdout) as ExportDocument;
    assertValid(doc, 'scripted');
    const head = repo.head();
    assert.deepEqual(doc.provenance, { repository: 'https://github.com/acme/monorepo', commit: head, path: 'services/pay' });
    const pg = doc.records.find((x) => x.number === 2)!;
    assert.equal(pg.path, 'services/pay/doc/adr/0002-use-postgresql.md');
    assert.equal(pg.key, 'services/pay/doc/adr/0002-use-postgresql');
    assert.equal(pg.reference, 'ADR-0002');
    assert.equal(pg.status, 'accepted');
    assert.equal(pg.url, `https://github.com/acme/monorepo/blob/${head}/services/pay/doc/adr/0002-use-postgresql.md`);
    assert.equal(pg.history?.created?.author, 'Alice');
    assert.equal(pg.history?.created?.date.slice(0, 10), '2024-01-05');
    assert.deepEqual(pg.history?.statusChanges.map((s) => [s.author, s.from, s.to]), [['Bob', 'proposed', 'accepted']]);
    assert.equal(pg.history?.lastEdited?.author, 'Bob');
  });

  it('CI variables name the repository; --repository overrides; --no-history writes history: null; --out writes a file', async () => {
    repo = scripted();
    const cwd = `${repo.root}/services/pay`;
    const ci = JSON.parse((await run(cwd, { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/pay' }, 'export')).stdout) as ExportDocument;
    assert.equal(ci.provenance.repository, 'https://github.com/acme/pay');
    const over = JSON.parse((await run(cwd, {}, 'export', '--repository', 'git@gitlab.com:g/pay.git', '--no-history')).stdout) as ExportDocument;
    assert.equal(over.provenance.repository, 'https://gitlab.com/g/pay');
    assert.ok(over.records.every((x) => x.history === null));
    assert.match(over.records[0]!.url ?? '', /^https:\/\/gitlab\.com\/g\/pay\/-\/blob\//);
    const out = await run(cwd, {}, 'export', '--out', 'adr-export.json');
    assert.equal(out.code, 0);
    assert.equal(out.stdout, 'adr-export.json\n');
    const written = JSON.parse(readFileSync(join(cwd, 'adr-export.json'), 'utf8')) as ExportDocument;
    assertValid(written, 'written');
    // Written again over itself: replaced, not refused.
    assert.equal((await run(cwd, {}, 'export', '--out', 'adr-export.json')).code, 0);
  });

  it('outside git: no provenance, no history, still valid; a bad --format is a usage error', async () => {
    repo = new HistoryRepo({ git: false });
    const plain = `${repo.root}/plain`;
    repo.write({ 'plain/doc/adr/0001-a.md': nygard(1, 'A', 'Accepted') });
    const r = await run(plain, {}, 'export');
    const doc = JSON.parse(r.stdout) as ExportDocument;
    assertValid(doc, 'plain');
    assert.equal(doc.records.length, 1);
    assert.deepEqual(doc.provenance, { repository: null, commit: null, path: '' });
    assert.equal(doc.records[0]!.history, null);
    const bad = await run(plain, {}, 'export', '--format', 'xml');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /only json/);
  });
});

describe('cross-repository references', () => {
  it('finds repo:ADR-N / repo:N with the verb before it, not in code, URLs or times', async () => {
    const { crossReferences } = await import('../../src/core/export');
    const text = [
      '# 3. Use tokens',
      'Amends payments:ADR-0007',
      '* Relates to: [identity:ADR-12](https://example.com/x)',
      'See also billing:7 and Billing:ADR 8.',
      'Not https://example.com:8080 nor 10:30, nor `code:ADR-1`, nor C:\\x or a:b:c.',
      '```',
      'inside:ADR-2',
      '```',
      '| Depends on | ledger:ADR_3 |',
    ].join('\n');
    assert.deepEqual(crossReferences(text).map((x) => [x.repository, x.number, x.verb, x.line]), [
      ['payments', 7, 'amends', 2],
      ['identity', 12, 'relates to', 3],
      ['billing', 7, 'see also', 4],
      ['billing', 8, 'mentions', 4],
      ['ledger', 3, 'depends on', 9],
    ]);
  });
});
