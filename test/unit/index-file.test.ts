/** Index files: adr-log markers and adr-tools' TOC kept current with minimal edits; the `index` command. */
import { strict as assert } from 'node:assert';
import { adrLogTitle, indexStyleOf, madrToolsTitle, newIndex, newMadrToolsIndex, TITLE_HEAD_BYTES, titlesInHead, updateIndex, type FolderEntry } from '../../src/core/generate/indexFile';
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

/** What madr-tools 1.2.7's `madr index` writes for MADR (above): default head, marker, list, footer. */
const MADR_TOOLS_INDEX =
  '# Architectural Decision Log\n\nThis log lists all architectural decisions of this project.\n\n<!-- Autogenerated content below -->\n' +
  '* [ADR-0000](./0000-use-markdown-architectural-decision-records.md) - Use Markdown Architectural Decision Records\n' +
  '* [ADR-0001](./0001-use-postgresql.md) - Use PostgreSQL\n\n' +
  'To create new MADRs, use the `madr`-Tool. Checkout the possible options by running `npx madr --help` in your console.';

describe('index files: madr-tools and status columns', () => {
  it('madr-tools: a new index is what `madr index` writes, byte for byte', () => {
    assert.equal(newMadrToolsIndex(MADR), MADR_TOOLS_INDEX);
    assert.equal(indexStyleOf(MADR_TOOLS_INDEX), 'madr-tools');
    assert.deepEqual(updateIndex(MADR_TOOLS_INDEX, MADR)!.edits, []);
  });

  it('madr-tools: only the list lines change; text above the marker and a footer the user edited stay', () => {
    const edited = MADR_TOOLS_INDEX.replace('* [ADR-0001](./0001-use-postgresql.md) - Use PostgreSQL\n', '').replace('To create new MADRs', 'Our footer. To create new MADRs');
    const input = `Intro.\n\n${edited}`;
    const u = updateIndex(input, MADR)!;
    assert.equal(u.style, 'madr-tools');
    assert.equal(u.text, `Intro.\n\n${MADR_TOOLS_INDEX.replace('To create new MADRs', 'Our footer. To create new MADRs')}`);
    assert.equal(u.edits.length, 1);
    assert.equal(u.edits[0]!.newText.trim(), '* [ADR-0001](./0001-use-postgresql.md) - Use PostgreSQL');
    assert.equal(applyEdits(input, u.edits), u.text);
  });

  it('madr-tools: an empty list, four-digit names of any kind, the first "# " line even in front matter, CRLF kept', () => {
    const empty = '<!-- Autogenerated content below -->\r\n\r\n\r\nFooter.';
    const entries: FolderEntry[] = [
      { fileName: '0002-b.md', text: '---\r\ntitle: x\r\n---\r\n# B\r\n' },
      { fileName: '0001-diagram.png', text: '\u0089PNG' },
      { fileName: '01-short.md', text: '# Short\n' },
    ];
    assert.equal(updateIndex(empty, entries)!.text, '<!-- Autogenerated content below -->\r\n* [ADR-0001](./0001-diagram.png) - \r\n* [ADR-0002](./0002-b.md) - B\r\n\r\nFooter.');
    assert.equal(madrToolsTitle('intro\n# Title here\n## Sub\n'), 'Title here');
    assert.equal(madrToolsTitle('no heading'), '');
  });

  it('--status: "(Status)" after adr-log and madr-tools titles, ": Status" in adr-tools TOCs (adr-tools\' generate toc -s format)', () => {
    const withStatus: FolderEntry[] = [{ ...MADR[0]!, status: 'Accepted' }, MADR[1]!];
    assert.ok(newMadrToolsIndex(withStatus, { status: true }).includes('- Use Markdown Architectural Decision Records (Accepted)\n* [ADR-0001](./0001-use-postgresql.md) - Use PostgreSQL\n'));
    assert.ok(newIndex(withStatus, 'madr', { status: true }).includes('* [ADR-0000](0000-use-markdown-architectural-decision-records.md) - Use Markdown Architectural Decision Records (Accepted)\n'));
    const toc = [{ ...NYGARD[1]!, status: 'Superceded by [2. Second](0002-second.md)' }, { ...NYGARD[0]!, status: 'Accepted' }];
    const text = newIndex(toc, 'adr-tools', { status: true });
    assert.equal(text, '# Architecture Decision Records\n\n* [1. First](0001-first.md): Superceded by [2. Second](0002-second.md)\n* [2. Second](0002-second.md): Accepted\n');
    // The list is found again with its statuses, and dropped from it without --status.
    assert.deepEqual(updateIndex(text, toc, { status: true })!.edits, []);
    assert.equal(updateIndex(text, toc)!.text, '# Architecture Decision Records\n\n* [1. First](0001-first.md)\n* [2. Second](0002-second.md)\n');
  });
});

describe('index command: madr-tools collections and --status', () => {
  const RECORDS = {
    '/p/docs/decisions/0000-use-madr.md': '---\nstatus: accepted\n---\n\n# Use MADR\n',
    '/p/docs/decisions/0001-use-lunr.md': '---\nstatus: proposed\n---\n\n# Use Lunr\n',
    '/p/docs/decisions/template.md': '# {short title}\n',
  };

  it('a .madrrc.json folder gets madr-tools\' index.md (its indexFileName), kept by later runs; found from a sub-folder', async () => {
    const fs = MemoryFileSystem.from({ ...RECORDS, '/p/.madrrc.json': '{\n  "madrDirectory": "docs/decisions",\n  "indexFileName": "readme.md"\n}' });
    const r = await cli(fs, '/p', ['index']);
    assert.equal(r.stdout, 'docs/decisions/readme.md\n', r.stderr);
    const text = fs.text('/p/docs/decisions/readme.md')!;
    assert.ok(text.startsWith('# Architectural Decision Log\n\nThis log lists all architectural decisions of this project.\n\n<!-- Autogenerated content below -->\n* [ADR-0000](./0000-use-madr.md) - Use MADR\n* [ADR-0001](./0001-use-lunr.md) - Use Lunr\n\n'), text);
    assert.equal((await cli(fs, '/p/docs', ['index'])).stdout, '');
    fs.seed({ '/p/docs/decisions/0002-use-x.md': '# Use X\n' });
    assert.equal((await cli(fs, '/p/docs/decisions', ['index', '--check'])).code, 1);
    await cli(fs, '/p', ['index']);
    assert.ok(fs.text('/p/docs/decisions/readme.md')!.includes('* [ADR-0001](./0001-use-lunr.md) - Use Lunr\n* [ADR-0002](./0002-use-x.md) - Use X\n\n'));
  });

  it('an index.md without the marker: madr-tools appends its log after it, and our index does the same', async () => {
    const fs = MemoryFileSystem.from({ ...RECORDS, '/p/.madrrc.json': '{}', '/p/docs/decisions/index.md': '# Our decisions\n' });
    await cli(fs, '/p', ['index']);
    assert.ok(fs.text('/p/docs/decisions/index.md')!.startsWith('# Our decisions\n\n<!-- Autogenerated content below -->\n* [ADR-0000]'));
  });

  it('--status writes the status each record states, and --check --status compares with them', async () => {
    const fs = MemoryFileSystem.from({ ...RECORDS, '/p/.madrrc.json': '{}' });
    await cli(fs, '/p', ['index', '--status']);
    assert.ok(fs.text('/p/docs/decisions/index.md')!.includes('* [ADR-0000](./0000-use-madr.md) - Use MADR (accepted)\n* [ADR-0001](./0001-use-lunr.md) - Use Lunr (proposed)\n'));
    assert.equal((await cli(fs, '/p', ['index', '--status', '--check'])).code, 0);
    assert.equal((await cli(fs, '/p', ['index', '--check'])).code, 1);
  });
});

describe('index: titles from the head of each record', () => {
  it('titlesInHead: only when every convention\'s title is in the head, which ends at a line break', () => {
    assert.equal(titlesInHead('# 1. Title\n\nDate: x\n'), true);
    assert.equal(titlesInHead('---\nstatus: accepted\n---\n\n# Title\n'), true);
    assert.equal(titlesInHead('# 1. Title'), false, 'the line may go on');
    assert.equal(titlesInHead('---\nstatus: accepted\nlong: front matter\n'), false, 'front matter still open');
    assert.equal(titlesInHead('---\n# yaml comment\n---\n\nno heading yet\n'), false, 'adr-log takes the first # after front matter');
    assert.equal(titlesInHead('Plain first line\n\nno heading yet\n'), false, 'adr-log falls back to the first line only when there is no # line at all');
  });

  const big = 'x'.repeat(TITLE_HEAD_BYTES);
  for (const [name, record, title] of [
    ['a title after a long front matter', `---\nstatus: accepted\nnote: ${big}\n---\n\n# Late Title\n`, 'Late Title'],
    ['a title after a long first paragraph', `Intro ${big}\n\n# Far Title\n\nBody\n`, 'Far Title'],
    ['a short record', '---\nstatus: accepted\n---\n\n# Short\n', 'Short'],
    ['a long record with its title on top', `---\nstatus: accepted\n---\n\n# Top Title\n\n${big}\n${big}\n`, 'Top Title'],
  ] as const) {
    it(`madr-tools index: ${name} gets the same line as from the whole file`, async () => {
      const fs = MemoryFileSystem.from({ '/p/.madrrc.json': '{}', '/p/docs/decisions/0000-a.md': record, '/p/docs/decisions/0001-b.md': '# B\n' });
      const r = await cli(fs, '/p', ['index']);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(fs.text('/p/docs/decisions/index.md')!.includes(`* [ADR-0000](./0000-a.md) - ${title}\n* [ADR-0001](./0001-b.md) - B\n`), fs.text('/p/docs/decisions/index.md'));
    });
  }

  it('a binary record beyond the head is still refused as before (the whole file is read)', async () => {
    const bytes = new Uint8Array(TITLE_HEAD_BYTES + 100).fill(0x41);
    bytes[TITLE_HEAD_BYTES - 10] = 0;
    const fs = MemoryFileSystem.from({ '/p/.madrrc.json': '{}', '/p/docs/decisions/0000-a.md': bytes, '/p/docs/decisions/0001-b.md': '# B\n' });
    const withHead = await cli(fs, '/p', ['index']);
    (fs as { readHead?: unknown }).readHead = undefined;
    const withoutHead = await cli(fs, '/p', ['index']);
    assert.equal(withHead.code, withoutHead.code);
    assert.equal(withHead.stderr, withoutHead.stderr);
  });
});
