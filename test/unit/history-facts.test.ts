/**
 * The history's shortcut (core/history/facts.ts): a version that differs from its parent only in
 * prose no fact is read from keeps the parent's facts unparsed. Checked against the full parse on
 * edits of every line of every Markdown file of the corpora and the fixtures: wherever the shortcut
 * says "same facts", parsing the edited text gives exactly the same title, status and relations.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { carriesFacts, factsOf, factsText } from '../../src/core/history/facts';
import { decodeText } from '../../src/core/text';
import { CORPORA } from '../support/corpora';
import { HistoryRepo, historyOf, nygard } from '../support/historyRepo';

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? markdownFiles(p) : n.endsWith('.md') ? [p] : [];
  });
}

/** Edits of line `i`: replaced by prose, removed, blanked, prose added after it, one word changed. */
function edits(lines: readonly string[], i: number): string[][] {
  const l = lines[i]!;
  const out = [
    [...lines.slice(0, i), 'An edited sentence, superseded by nothing, with its status unchanged.', ...lines.slice(i + 1)],
    [...lines.slice(0, i), ...lines.slice(i + 1)],
    [...lines.slice(0, i), '', ...lines.slice(i + 1)],
    [...lines.slice(0, i + 1), '', 'A new paragraph (added later).', ...lines.slice(i + 1)],
    [...lines.slice(0, i + 1), 'Accepted', ...lines.slice(i + 1)],
  ];
  const word = /[A-Za-z]{4,}/.exec(l);
  if (word) out.push([...lines.slice(0, i), l.replace(word[0], `${word[0]}s`), ...lines.slice(i + 1)]);
  return out;
}

describe('history: facts carried over prose edits', function () {
  this.timeout(120_000);

  it('agree with the full parse on edits of every line of every corpus and fixture file', () => {
    const files = [...markdownFiles(CORPORA), ...markdownFiles(join(CORPORA, '..', 'corpora-wild')), ...markdownFiles(join(process.cwd(), 'test', 'fixtures'))];
    assert.ok(files.length > 300, `${files.length} files`);
    let carried = 0;
    let refused = 0;
    let filesCarried = 0;
    for (const path of files) {
      const { text } = decodeText(readFileSync(path), path);
      const ctx = { path, collection: dirname(path) };
      const before = factsOf(text, ctx);
      const prev = factsText(text);
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      const lines = text.split(eol);
      let any = false;
      // Every line of a short file, an even spread of 40 of a long one (the suite's time).
      const step = Math.max(1, Math.ceil(lines.length / 40));
      for (let i = 0; i < lines.length; i += step) {
        for (const edited of edits(lines, i)) {
          const next = edited.join(eol);
          if (!carriesFacts(prev, next)) {
            refused++;
            continue;
          }
          carried++;
          any = true;
          assert.deepEqual(factsOf(next, ctx), before, `${path}: line ${i + 1} edited:\n${next}`);
        }
      }
      if (any) filesCarried++;
    }
    // The shortcut is taken often (else it is worth nothing) and refused often (status, title, links).
    assert.ok(carried > 5_000 && filesCarried > 200, `${carried} edits carried over in ${filesCarried} files`);
    assert.ok(refused > 20_000, `${refused} refused`);
  });

  it('refuses what changes a fact or what it cannot follow', () => {
    const record = nygard(3, 'Use MySQL', 'Accepted', ['Supersedes [2. Use PostgreSQL](0002-use-postgresql.md)'], 'Some context.');
    const prev = factsText(record);
    const edit = (from: string, to: string) => carriesFacts(prev, record.replace(from, to));
    assert.equal(edit('Some context.\n\n## Decision', 'Other context.\n\n## Decision'), true, 'prose in Context');
    assert.equal(edit('Accepted', 'Rejected'), false, 'the status');
    assert.equal(edit('Use MySQL', 'Use MariaDB'), false, 'the title');
    assert.equal(edit('Date: 2024-01-01', 'Date: 2024-01-02'), false, 'the metadata under the title');
    assert.equal(edit('Some context.\n\n## Decision', 'Some context.\n## Status\n\nRejected\n\n## Decision'), false, 'a heading added');
    assert.equal(edit('Some context.\n\n## Decision', 'See [9. X](0009-x.md).\n\n## Decision'), false, 'a link');
    assert.equal(edit('Some context.\n\n## Decision', 'Some context.\n```\n\n## Decision'), false, 'a fence');
    assert.equal(edit('Some context.\n\n## Decision', 'Some context.\n---\n\n## Decision'), false, 'a setext underline');
    const underStatus = '# 1. A\n\n## Status\n\nAccepted\n\n### Notes\n\nProse.\n';
    assert.equal(carriesFacts(factsText(underStatus), underStatus.replace('Prose.', 'Superseded')), false, 'a subsection of Status');
    const closed = '# 1. A\n\n## Status\n\nAccepted\n\n## Context\n\nProse.\n';
    assert.equal(carriesFacts(factsText(closed), closed.replace('Prose.', 'Superseded')), true, 'a section after Status');
    const withFrontMatter = `---\nstatus: accepted\n---\n${closed}`;
    assert.equal(carriesFacts(factsText(withFrontMatter), withFrontMatter.replace('Prose.', 'More prose.')), false, 'front matter');
    const comment = '# 1. A\n\n## Context\n\n<!--\n## Status\n\nProse.\n';
    assert.equal(carriesFacts(factsText(comment), comment.replace('Prose.', 'More prose.')), false, 'a multi-line comment');
  });

  it('gives the history the same events as parsing every version, parsing fewer', async () => {
    const repo = new HistoryRepo();
    try {
      const path = 'doc/adr/0001-use-x.md';
      repo.commitAs('Alice', '2024-01-01T10:00:00Z', 'Propose', { [path]: nygard(1, 'Use X', 'Proposed', [], 'First.') });
      repo.commitAs('Bob', '2024-01-02T10:00:00Z', 'Prose', { [path]: nygard(1, 'Use X', 'Proposed', [], 'Second.') });
      repo.commitAs('Carol', '2024-01-03T10:00:00Z', 'Accept', { [path]: nygard(1, 'Use X', 'Accepted', [], 'Second.') });
      repo.commitAs('Dan', '2024-01-04T10:00:00Z', 'Prose again', { [path]: nygard(1, 'Use X', 'Accepted', [], 'Third.') });
      repo.commitAs('Eve', '2024-01-05T10:00:00Z', 'Link', { [path]: nygard(1, 'Use X', 'Accepted', ['Amends [2. Y](0002-y.md)'], 'Third.') });
      const h = await historyOf(repo.root);
      const events = h.of(join(repo.root, path)).events;
      assert.deepEqual(events.map((e) => [e.author, e.change, e.status, e.statusFrom ?? '', (e.relationsAdded ?? []).map((r) => r.target).join()]), [
        ['Alice', 'created', 'proposed', '', ''],
        ['Bob', 'edited', 'proposed', '', ''],
        ['Carol', 'edited', 'accepted', 'proposed', ''],
        ['Dan', 'edited', 'accepted', '', ''],
        ['Eve', 'edited', 'accepted', '', '0002-y.md'],
      ]);
      assert.equal(h.stats.blobs, 5);
      assert.equal(h.stats.parsed, 3, 'the two prose edits are not parsed');
    } finally {
      repo.dispose();
    }
  });
});
