/**
 * `index` reads only what its lists show (issue 15, flat cost): each record's title lines
 * (`titleLines`), read a few files at a time, the list in file-name order whatever order the reads
 * end in.
 */
import { strict as assert } from 'node:assert';
import { adrLogTitle, madrToolsTitle, titleLines, titlesInHead } from '../../src/core/generate/indexFile';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { cli } from '../support/cliHarness';

const firstLine = (t: string): string => t.split('\n')[0]!;

describe('index: the title lines of a record', () => {
  const heads = [
    '# 1. Title\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n',
    '---\nstatus: accepted\ndate: 2020-01-01\n---\n\n# Decision number 7\n\n## Context and Problem Statement\n\nLong text.\n',
    '\uFEFF---\nstatus: accepted\n---\n\n# With a BOM\n\nbody\n',
    '---\n# a YAML comment\nstatus: accepted\n---\n\n# After a comment\n\nbody\n',
    'Intro line\n\n# Later Title\r\n\r\nbody\r\n',
    '---\r\nstatus: accepted\r\n---\r\n\r\n# CRLF Title\r\n\r\nbody\r\n',
    '# Title\n# Second\n',
  ];

  for (const head of heads) {
    it(`keeps every title: ${JSON.stringify(head.slice(0, 30))}`, () => {
      assert.ok(titlesInHead(head));
      const lines = titleLines(head);
      assert.ok(head.startsWith(lines) && lines.endsWith('\n'));
      assert.ok(lines.length < head.length || !head.slice(lines.length).trim(), 'nothing after the title is kept');
      assert.equal(madrToolsTitle(lines), madrToolsTitle(head));
      assert.equal(adrLogTitle(lines), adrLogTitle(head));
      assert.equal(firstLine(lines), firstLine(head));
      assert.ok(titlesInHead(lines));
    });
  }

  it('ends at the line of the first heading after the front matter', () => {
    assert.equal(titleLines('---\nstatus: x\n---\n\n# T\n\nbody\n'), '---\nstatus: x\n---\n\n# T\n');
    assert.equal(titleLines('# 1. T\n\nDate: x\n'), '# 1. T\n');
  });
});

describe('index: many records, read a few at a time', () => {
  it('lists 100 records in file-name order, each with its own title', async () => {
    const files: Record<string, string> = { '/p/.madrrc.json': '{}' };
    // Written in reverse order, with titles of very different lengths.
    for (let i = 99; i >= 0; i--) {
      const n = String(i).padStart(4, '0');
      files[`/p/docs/decisions/${n}-decision-${i}.md`] = `---\nstatus: accepted\n---\n\n# Decision ${i}${'!'.repeat(i % 7)}\n\n${'Body. '.repeat(i * 10)}\n`;
    }
    const fs = MemoryFileSystem.from(files);
    const r = await cli(fs, '/p', ['index']);
    assert.equal(r.code, 0, r.stderr);
    const text = fs.text('/p/docs/decisions/index.md')!;
    const want = Array.from({ length: 100 }, (_, i) => `* [ADR-${String(i).padStart(4, '0')}](./${String(i).padStart(4, '0')}-decision-${i}.md) - Decision ${i}${'!'.repeat(i % 7)}`);
    assert.ok(text.includes(`${want.join('\n')}\n`), text);
    assert.equal((await cli(fs, '/p', ['index', '--check'])).code, 0, 'up to date after one run');
  });
});
