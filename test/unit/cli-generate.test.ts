/**
 * `generate toc` / `generate graph` beyond adr-tools' folder (MADR, log4brains, several collections,
 * `--collection`), `list` without an ADR folder, and the command table every bundle dispatches on.
 */
import { strict as assert } from 'node:assert';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { CORPORA } from '../support/corpora';
import { cli } from '../support/cliHarness';
import { COMMANDS } from '../../src/cli/commands/index';
import { loadCommand } from '../../src/cli/run';

const MADR = {
  '/w/docs/decisions/0000-use-madr.md': '---\nstatus: accepted\n---\n\n# Use MADR\n\nBody.\n',
  '/w/docs/decisions/0001-use-postgresql.md': '---\nstatus: superseded by [ADR-0002](0002-use-mysql.md)\n---\n\n# Use PostgreSQL\n',
  '/w/docs/decisions/0002-use-mysql.md': '---\nstatus: accepted\nsupersedes: 0001-use-postgresql.md\n---\n\n# Use MySQL\n\n## Context and Problem Statement\n',
  '/w/docs/decisions/adr-template.md': '# {short title}\n',
  '/w/docs/decisions/README.md': '# Decisions\n',
};

describe('CLI: generate on every collection, list without an ADR folder', () => {
  it('generate toc on a MADR collection: the titles the index reads (not the front matter\'s first line), templates and README left out', async () => {
    const fs = MemoryFileSystem.from(MADR);
    const r = await cli(fs, '/w', ['generate', 'toc']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '# Architecture Decision Records\n\n* [Use MADR](0000-use-madr.md)\n* [Use PostgreSQL](0001-use-postgresql.md)\n* [Use MySQL](0002-use-mysql.md)\n');
    const prefixed = await cli(fs, '/w', ['generate', 'toc', '-p', 'docs/decisions/']);
    assert.ok(prefixed.stdout.includes('* [Use MySQL](docs/decisions/0002-use-mysql.md)\n'));
  });

  it('generate graph on a MADR collection: nodes by number, dotted chain, the relations each record states (no "… by" edges)', async () => {
    const r = await cli(MemoryFileSystem.from(MADR), '/w', ['generate', 'graph']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 7), [
      'digraph {',
      '  node [shape=plaintext];',
      '  subgraph {',
      '    _0 [label="Use MADR"; URL="0000-use-madr.html"];',
      '    _1 [label="Use PostgreSQL"; URL="0001-use-postgresql.html"];',
      '    _0 -> _1 [style="dotted", weight=1];',
      '    _2 [label="Use MySQL"; URL="0002-use-mysql.html"];',
    ]);
    assert.ok(lines.includes('  _2 -> _1 [label="Supersedes", weight=0]'), r.stdout);
    assert.ok(!r.stdout.includes('Superseded by'));
  });

  it('generate on log4brains (date-named records): nodes by position, titles from the H1', async () => {
    const fs = new MemoryFileSystem().copyFromDisk(`${CORPORA}/log4brains/docs/adr`, '/l/docs/adr');
    const toc = await cli(fs, '/l', ['generate', 'toc', '--collection', 'docs/adr']);
    assert.equal(toc.code, 0, toc.stderr);
    assert.ok(toc.stdout.includes('* [Use Markdown Architectural Decision Records](20200924-use-markdown-architectural-decision-records.md)\n'), toc.stdout);
    const graph = await cli(fs, '/l', ['generate', 'graph', '--collection', 'docs/adr']);
    assert.ok(graph.stdout.includes('    _1 [label="Use Markdown Architectural Decision Records"; URL="20200924-use-markdown-architectural-decision-records.html"];'), graph.stdout);
    assert.match(graph.stdout, /\n {2}_\d+ -> _4 \[label="Supersedes", weight=0\]\n/);
  });

  it('several collections: generate asks for --collection; --collection on the adr-tools folder is adr-tools\' output', async () => {
    const fs = MemoryFileSystem.from({ ...MADR, '/w/services/pay/doc/adr/0001-first.md': '# 1. First\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n' });
    const r = await cli(fs, '/w', ['generate', 'toc']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^adr-workbench: generate: several collections here \(.*\); choose one with --collection PATH\n$/);
    const pay = await cli(fs, '/w', ['generate', 'toc', '--collection', 'services/pay/doc/adr']);
    assert.equal(pay.stdout, '# Architecture Decision Records\n\n* [1. First](0001-first.md)\n');
  });

  it('adr-tools\' messages: a missing ADR folder for list and generate (exit 1), unchanged by --json', async () => {
    const empty = new MemoryFileSystem().seedFolder('/e');
    for (const argv of [['list'], ['generate', 'toc'], ['generate', 'graph']]) {
      const r = await cli(empty, '/e', argv);
      assert.deepEqual([r.code, r.stdout, r.stderr], [1, '', 'The doc/adr directory does not exist\n'], argv.join(' '));
    }
    const named = MemoryFileSystem.from({ '/n/.adr-dir': 'decisions\n' });
    assert.equal((await cli(named, '/n/sub', ['list'])).stderr, 'The ../decisions directory does not exist\n');
    assert.equal((await cli(empty, '/e', ['list', '--json'])).stdout, '[]\n');
  });

  it('list without an adr-tools folder: every collection\'s record files from here down, no record read', async () => {
    const fs = MemoryFileSystem.from(MADR);
    fs.failOn('/w/docs/decisions/0001-use-postgresql.md');
    const r = await cli(fs, '/w', ['list']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'docs/decisions/0000-use-madr.md\ndocs/decisions/0001-use-postgresql.md\ndocs/decisions/0002-use-mysql.md\n');
  });

  it('new on an adr-tools folder reads no record: unreadable records do not matter', async () => {
    const fs = MemoryFileSystem.from({ '/a/doc/adr/0001-first.md': '# 1. First\n', '/a/doc/adr/0002-second.md': '# 2. Second\n' });
    fs.failOn('/a/doc/adr/0001-first.md');
    fs.failOn('/a/doc/adr/0002-second.md');
    const r = await cli(fs, '/a', ['new', 'Third'], { ADR_DATE: '2020-01-01' });
    assert.equal(r.stdout, 'doc/adr/0003-third.md\n', r.stderr);
  });

  it('every command of the table resolves to a function of its module', async () => {
    for (const [name, command] of Object.entries(COMMANDS)) {
      assert.equal(typeof (await loadCommand(command)), 'function', name);
    }
  });
});
