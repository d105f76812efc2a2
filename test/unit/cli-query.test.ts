/** CLI read-only commands on the real corpora (in memory), compared with what adr-tools prints. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { CORPORA } from '../support/corpora';
import { cli } from '../support/cliHarness';

const ADR_TOOLS_TOC = `# Architecture Decision Records

* [1. Record architecture decisions](0001-record-architecture-decisions.md)
* [2. Implement as shell scripts](0002-implement-as-shell-scripts.md)
* [3. Single command with subcommands](0003-single-command-with-subcommands.md)
* [4. Markdown format](0004-markdown-format.md)
* [5. Help comments](0005-help-comments.md)
* [6. Packaging and distribution in other version control repositories](0006-packaging-and-distribution-in-other-version-control-repositories.md)
* [7. Invoke adr-config executable to get configuration](0007-invoke-adr-config-executable-to-get-configuration.md)
* [8. Use ISO 8601 Format for Dates](0008-use-iso-8601-format-for-dates.md)
* [9. Help scripts](0009-help-scripts.md)
`;

describe('CLI: list, collections, show, generate', () => {
  let fs: MemoryFileSystem;
  beforeEach(() => {
    fs = new MemoryFileSystem().copyFromDisk(CORPORA, '/c');
  });

  it('list prints the adr-tools folder as adr-tools does', async () => {
    const r = await cli(fs, '/c/adr-tools', ['list']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.split('\n')[0], 'doc/adr/0001-record-architecture-decisions.md');
    assert.equal(r.stdout.trim().split('\n').length, 9);
  });

  it('list walks up to the ADR folder like adr-tools (paths relative to here)', async () => {
    const r = await cli(fs, '/c/adr-tools/doc', ['list']);
    assert.equal(r.stdout.split('\n')[0], 'adr/0001-record-architecture-decisions.md');
  });

  it('generate toc matches adr-tools byte for byte, with prefix, intro and outro', async () => {
    assert.equal((await cli(fs, '/c/adr-tools', ['generate', 'toc'])).stdout, ADR_TOOLS_TOC);
    const withPrefix = await cli(fs, '/c/adr-tools', ['generate', 'toc', '-p', 'adr/']);
    assert.ok(withPrefix.stdout.includes('* [9. Help scripts](adr/0009-help-scripts.md)\n'));
    fs.seed({ '/c/adr-tools/intro.md': 'Intro text.', '/c/adr-tools/outro.md': 'Outro.\n' });
    const framed = await cli(fs, '/c/adr-tools', ['generate', 'toc', '-i', 'intro.md', '-o', 'outro.md']);
    assert.ok(framed.stdout.startsWith('# Architecture Decision Records\n\nIntro text.\n\n* [1.'));
    assert.ok(framed.stdout.endsWith('(0009-help-scripts.md)\n\nOutro.\n'));
  });

  it('generate graph matches adr-tools', async () => {
    const r = await cli(fs, '/c/adr-tools', ['generate', 'graph']);
    const lines = r.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 5), [
      'digraph {',
      '  node [shape=plaintext];',
      '  subgraph {',
      '    _1 [label="1. Record architecture decisions"; URL="0001-record-architecture-decisions.html"];',
      '    _2 [label="2. Implement as shell scripts"; URL="0002-implement-as-shell-scripts.html"];',
    ]);
    assert.ok(lines.includes('    _1 -> _2 [style="dotted", weight=1];'));
    // "Amended by" is left out (verbs ending in " by"); "Amends" is drawn.
    assert.ok(lines.includes('  _9 -> _5 [label="Amends", weight=0]'));
    assert.ok(!r.stdout.includes('Amended by'));
    assert.equal(lines.at(-2), '}');
    const pdf = await cli(fs, '/c/adr-tools', ['generate', 'graph', '-e', '.pdf', '-p', 'x/']);
    assert.ok(pdf.stdout.includes('URL="x/0009-help-scripts.pdf"'));
  });

  it('collections --json lists every corpus collection with its dialect and count', async () => {
    const r = await cli(fs, '/c', ['collections', '--json']);
    const rows = JSON.parse(r.stdout) as { path: string; dialect: string; count: number }[];
    const byPath = Object.fromEntries(rows.map((x) => [x.path, [x.dialect, x.count]]));
    assert.deepEqual(byPath, {
      'adr-tools/doc/adr': ['adr-tools', 9],
      'jabref/docs/decisions': ['madr', 70],
      'cloud-platform/architecture-decision-record': ['adr-tools', 49],
      'log4brains/docs/adr': ['log4brains', 9],
      'log4brains/packages/core/docs/adr': ['log4brains', 3],
      'log4brains/packages/web/docs/adr': ['log4brains', 5],
      'madr/docs/decisions': ['madr', 19],
    });
  });

  it('list --json gives every record with the documented fields, relative paths and integer numbers', async () => {
    const r = await cli(fs, '/c', ['list', '--json']);
    const records = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.equal(records.length, 164);
    const five = records.find((x) => x.path === 'adr-tools/doc/adr/0005-help-comments.md')!;
    assert.deepEqual(
      { id: five.id, number: five.number, title: five.title, status: five.status, statusText: five.statusText, date: five.date, collection: five.collection, dialect: five.dialect },
      { id: '0005-help-comments', number: 5, title: 'Help comments', status: 'accepted', statusText: 'Accepted', date: '2016-02-13', collection: 'adr-tools/doc/adr', dialect: 'nygard' },
    );
    assert.deepEqual(five.relations, [{ type: 'amended-by', verb: 'amended by', target: 'adr-tools/doc/adr/0009-help-scripts.md', origin: 'both' }]);
    assert.deepEqual(five.governs, []);
    const l4b = records.find((x) => String(x.path).endsWith('20201016-use-the-adr-slug-as-its-unique-id.md'))!;
    assert.equal(l4b.number, null);
  });

  it('list filters by status and tag', async () => {
    const superseded = JSON.parse((await cli(fs, '/c', ['list', '--json', '--status', 'superseded'])).stdout) as { path: string }[];
    assert.deepEqual(superseded.map((x) => x.path).sort(), [
      'cloud-platform/architecture-decision-record/021-Multi-cluster.md',
      'jabref/docs/decisions/0045-use-input-flag-always-for-input-files.md',
      'log4brains/docs/adr/20200926-use-the-adr-number-as-its-unique-id.md',
    ]);
    const tagged = await cli(fs, '/c', ['list', '--tag', 'frontend']);
    assert.equal(tagged.stdout, 'log4brains/packages/web/docs/adr/20200925-use-nextjs-for-static-site-generation.md\n');
    const bad = await cli(fs, '/c', ['list', '--status', 'maybe']);
    assert.equal(bad.code, 2);
  });

  it('show finds a record by number or part of its file name', async () => {
    const byNumber = await cli(fs, '/c/adr-tools', ['show', '9']);
    assert.equal(byNumber.code, 0);
    assert.ok(byNumber.stdout.startsWith('9. Help scripts\n'));
    assert.ok(byNumber.stdout.includes('amends'));
    const byName = JSON.parse((await cli(fs, '/c/adr-tools', ['show', '--json', 'iso-8601'])).stdout) as { number: number };
    assert.equal(byName.number, 8);
    const missing = await cli(fs, '/c/adr-tools', ['show', 'no-such-thing']);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'adr-workbench: no decision record matches "no-such-thing"\n');
  });

  it('lint reports findings with positions and exits 1, or 0 below --fail-on', async () => {
    const r = await cli(fs, '/c/jabref', ['lint']);
    assert.equal(r.code, 1);
    assert.ok(r.stdout.includes('docs/decisions/0027-synchronization.md:41:58: error [broken-link] Link target not found: ../code-howtos/remote-storage-jabdrive.md'));
    const json = JSON.parse((await cli(fs, '/c/adr-tools', ['lint', '--json'])).stdout) as unknown[];
    assert.deepEqual(json, []);
    assert.equal((await cli(fs, '/c/adr-tools', ['lint'])).code, 0);
    assert.equal((await cli(fs, '/c/madr', ['lint', '--fail-on', 'error'])).code, 0);
    assert.equal((await cli(fs, '/c/madr', ['lint', '--fail-on', 'info'])).code, 1);
  });

  it('usage errors exit 2 with one line', async () => {
    for (const argv of [['frobnicate'], ['list', '--bogus'], ['generate', 'pie'], ['lint', '--fail-on', 'loud']]) {
      const r = await cli(fs, '/c', argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.stderr.split('\n').length, 2, r.stderr);
      assert.ok(r.stderr.startsWith('adr-workbench: '));
    }
  });

  it('the bundled binary prints no stack trace for a user error', () => {
    const r = spawnSync(process.execPath, [join(process.cwd(), 'dist', 'cli.js'), 'show', '42'], { cwd: join(CORPORA, 'adr-tools'), encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'adr-workbench: no decision record matches "42"\n');
  });
});
