/** Index files: adr-log markers and adr-tools' TOC kept current with minimal edits; the `index` command. */
import { strict as assert } from 'node:assert';
import { adrLogTitle, indexStyleOf, newIndex, updateIndex, type FolderEntry } from '../../src/core/generate/indexFile';
import { applyEdits } from '../../src/core/text';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { CORPORA, corporaAvailable } from '../support/corpora';
import { cli } from '../support/cliHarness';

const MADR: FolderEntry[] = [
  { fileName: '0000-use-markdown-architectural-decision-records.md', text: '---\nstatus: accepted\n---\n\n# Use Markdown Architectural Decision Records\n' },
  { fileName: '0001-use-postgresql.md', text: '# Use PostgreSQL\n\n## Context and Problem Statement\n' },
  { fileName: 'adr-template.md', text: '# {short title}\n' },
  { fileName: 'README.md', text: 'whatever' },
];
const NYGARD: FolderEntry[] = [
  { fileName: '0002-second.md', text: '# 2. Second\n' },
  { fileName: '0001-first.md', text: '# 1. First\n' },
  { fileName: 'notes.md', text: '# Notes\n' },
];

/** adr-log's documented output (README "Generating an index.md file"): MADR 2's index.md. */
const ADR_LOG_INDEX = `# Architectural Decision Log

This log lists the architectural decisions for [project name].

<!-- adrlog -- Regenerate the content by using "adr-log -i". You can install it via "npm install -g adr-log" -->

* [ADR-0000](0000-use-markdown-architectural-decision-records.md) - Use Markdown Architectural Decision Records

<!-- adrlogstop -->

For new ADRs, please use [template.md](template.md) as basis.
`;

describe('index files (core)', () => {
  it('knows adr-log markers and adr-tools TOC pages, nothing else', () => {
    assert.equal(indexStyleOf(ADR_LOG_INDEX), 'adr-log');
    assert.equal(indexStyleOf('<!-- adrlog -->\n\n<!-- adrlogstop -->\n'), 'adr-log');
    assert.equal(indexStyleOf('\uFEFF# Architecture Decision Records\n\n* [1. A](0001-a.md)\n'), 'adr-tools');
    assert.equal(indexStyleOf('# Decisions\n\nBelow, all decision records are listed.\n'), undefined);
  });

  it('adr-log: replaces only the list between the markers, in adr-log format', () => {
    const u = updateIndex(ADR_LOG_INDEX, MADR, { indexFileName: 'index.md' })!;
    assert.equal(u.style, 'adr-log');
    assert.equal(
      u.text,
      ADR_LOG_INDEX.replace(
        '- Use Markdown Architectural Decision Records\n',
        '- Use Markdown Architectural Decision Records\n* [ADR-0001](0001-use-postgresql.md) - Use PostgreSQL\n',
      ),
    );
    assert.equal(u.edits.length, 1);
    assert.deepEqual(u.edits[0], { start: u.edits[0]!.start, end: u.edits[0]!.start, newText: '* [ADR-0001](0001-use-postgresql.md) - Use PostgreSQL\n' });
    assert.equal(applyEdits(ADR_LOG_INDEX, u.edits), u.text);
    assert.deepEqual(updateIndex(u.text, MADR)!.edits, []);
  });

  it('adr-log: keeps the bullet, path prefix and spacing the list already has; CRLF stays CRLF', () => {
    const text = 'Intro\r\n<!-- adrlog -->\r\n- [ADR-0000](decisions/0000-old.md) - Old\r\n<!-- adrlogstop -->\r\nOutro\r\n';
    const u = updateIndex(text, MADR)!;
    assert.equal(
      u.text,
      'Intro\r\n<!-- adrlog -->\r\n- [ADR-0000](decisions/0000-use-markdown-architectural-decision-records.md) - Use Markdown Architectural Decision Records\r\n' +
        '- [ADR-0001](decisions/0001-use-postgresql.md) - Use PostgreSQL\r\n<!-- adrlogstop -->\r\nOutro\r\n',
    );
  });

  it('adr-log: an empty block gets blank lines around the list; a missing stop marker is added', () => {
    assert.equal(
      updateIndex('# Log\n\n<!-- adrlog -->\n\n<!-- adrlogstop -->\n', NYGARD)!.text,
      '# Log\n\n<!-- adrlog -->\n\n* [ADR-0001](0001-first.md) - 1. First\n* [ADR-0002](0002-second.md) - 2. Second\n\n<!-- adrlogstop -->\n',
    );
    assert.equal(
      updateIndex('<!-- adrlog -->\n\nMore text.\n', NYGARD.slice(1))!.text,
      '<!-- adrlog -->\n\n* [ADR-0001](0001-first.md) - 1. First\n\n<!-- adrlogstop -->\n\nMore text.\n',
    );
  });

  it("adr-log titles: the record's H1 after any front matter", () => {
    assert.equal(adrLogTitle('---\ntitle: x\n---\n\n# Real Title\n'), 'Real Title');
    assert.equal(adrLogTitle('# 3. Numbered\n'), '3. Numbered');
    assert.equal(adrLogTitle('No heading\n'), 'No heading');
  });

  it('adr-tools TOC: the list regenerated as `generate toc` prints it, intro, outro and prefix kept', () => {
    const text = '# Architecture Decision Records\n\nOur decisions.\n\n* [1. First](doc/adr/0001-first.md)\n* [9. Gone](doc/adr/0009-gone.md)\n\nSee also the wiki.\n';
    const u = updateIndex(text, NYGARD)!;
    assert.equal(u.style, 'adr-tools');
    assert.equal(u.text, '# Architecture Decision Records\n\nOur decisions.\n\n* [1. First](doc/adr/0001-first.md)\n* [2. Second](doc/adr/0002-second.md)\n\nSee also the wiki.\n');
    assert.equal(u.edits.length, 1);
    assert.equal(updateIndex('# Architecture Decision Records\n\n', NYGARD)!.text, '# Architecture Decision Records\n\n* [1. First](0001-first.md)\n* [2. Second](0002-second.md)\n');
  });

  it('new index files: adr-tools TOC for adr-tools collections, an adr-log list otherwise', () => {
    assert.equal(newIndex(NYGARD, 'adr-tools'), '# Architecture Decision Records\n\n* [1. First](0001-first.md)\n* [2. Second](0002-second.md)\n');
    const log = newIndex(MADR, 'madr', { indexFileName: 'README.md' });
    assert.ok(log.includes('\n<!-- adrlog -->\n\n* [ADR-0000](0000-use-markdown-architectural-decision-records.md) - Use Markdown Architectural Decision Records\n* [ADR-0001](0001-use-postgresql.md) - Use PostgreSQL\n\n<!-- adrlogstop -->\n'));
    assert.equal(indexStyleOf(log), 'adr-log');
  });
});

(corporaAvailable() ? describe : describe.skip)('index command', () => {
  let fs: MemoryFileSystem;
  beforeEach(() => {
    fs = new MemoryFileSystem().copyFromDisk(CORPORA, '/c');
  });

  it('creates README.md for an adr-tools collection: what `adr generate toc` prints', async () => {
    const toc = (await cli(fs, '/c/adr-tools', ['generate', 'toc'])).stdout;
    assert.equal((await cli(fs, '/c/adr-tools', ['index', '--check'])).code, 1);
    const r = await cli(fs, '/c/adr-tools', ['index']);
    assert.equal(r.stdout, 'doc/adr/README.md\n', r.stderr);
    assert.equal(fs.text('/c/adr-tools/doc/adr/README.md'), toc);
    const again = await cli(fs, '/c/adr-tools', ['index']);
    assert.deepEqual([again.code, again.stdout], [0, '']);
    assert.equal((await cli(fs, '/c/adr-tools', ['index', '--check'])).code, 0);
  });

  it('keeps an adr-log index current after new and rename; --check fails in between', async () => {
    fs.seed({ '/c/jabref/docs/decisions/index.md': fs.text('/c/jabref/docs/decisions/index.md')! + '\n<!-- adrlog -->\n\n<!-- adrlogstop -->\n\nFooter.\n' });
    assert.equal((await cli(fs, '/c/jabref', ['index'])).stdout, 'docs/decisions/index.md\n');
    const after = fs.text('/c/jabref/docs/decisions/index.md')!;
    assert.ok(after.startsWith('---\nnav_order: 4\nhas_children: true\n---\n# Decision Records\n'));
    assert.ok(after.includes('\n<!-- adrlog -->\n\n* [ADR-0000](0000-use-markdown-architectural-decision-records.md) - Use Markdown Architectural Decision Records\n'));
    assert.ok(after.endsWith('* [ADR-0069](0069-preferences-search-registration-vs-scene-graph-scan.md) - Collect preferences search targets by builder registration, scanning only escape hatches\n\n<!-- adrlogstop -->\n\nFooter.\n'));
    await cli(fs, '/c/jabref', ['rename', '69', 'Register', 'search', 'targets']);
    const check = await cli(fs, '/c/jabref', ['index', '--check']);
    assert.equal(check.code, 1);
    assert.equal(check.stderr, 'adr-workbench: docs/decisions/index.md: out of date; run "adr-workbench index" to update it\n');
    await cli(fs, '/c/jabref', ['index']);
    assert.ok(fs.text('/c/jabref/docs/decisions/index.md')!.endsWith('* [ADR-0069](0069-register-search-targets.md) - Register search targets\n\n<!-- adrlogstop -->\n\nFooter.\n'));
  });

  it('refuses an index file in no known convention (exit 2), and needs a collection', async () => {
    const r = await cli(fs, '/c/madr', ['index']);
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      'adr-workbench: docs/decisions/index.md: not an index this tool keeps: put <!-- adrlog --> and <!-- adrlogstop --> where the list goes, or start it with "# Architecture Decision Records"\n',
    );
    const none = await cli(new MemoryFileSystem().seedFolder('/e'), '/e', ['index']);
    assert.equal(none.code, 2);
    assert.equal(none.stderr, 'adr-workbench: index: no ADR collection here or above (run "adr-workbench init")\n');
  });
});
