import { strict as assert } from 'node:assert';
import { amend, link, relate, setStatus, supersede, type RecordText } from '../../src/core/edit';
import type { CollectionDialect, EditPlan } from '../../src/core/model';
import { parseRecord } from '../../src/core/parse/record';
import { applyEdits, decodeText, encodeText } from '../../src/core/text';

function rec(path: string, text: string, hint?: CollectionDialect, bom = false): RecordText {
  return { record: parseRecord(text, { path, collectionDialect: hint, bom }), text };
}

function status(rt: RecordText, s: string): string {
  return applyEdits(rt.text, setStatus(rt.record, rt.text, s));
}

function after(plan: EditPlan, rt: RecordText): string {
  return applyEdits(rt.text, plan.edits.filter((e) => e.path === rt.record.path).flatMap((e) => [...e.edits]));
}

const crlf = (s: string): string => s.replace(/\n/g, '\r\n');

const NYGARD = '# 1. First Record\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\n## Context\n\nContext here...\n';
const NYGARD2 = '# 2. Second Record\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\n## Context\n\nContext here...\n';

describe('lifecycle edits', () => {
  describe('Nygard / adr-tools', () => {
    it('rewrites only the status line', () => {
      assert.equal(status(rec('/d/0001-first-record.md', NYGARD), 'deprecated'), NYGARD.replace('Accepted', 'Deprecated'));
    });

    it('keeps decoration-free words and leaves link lines alone', () => {
      const text = '# 9. Help scripts\n\nDate: 2018-06-26\n\n## Status\n\nAccepted\n\nAmends [5. Help comments](0005-help-comments.md)\n\n## Context\n';
      assert.equal(status(rec('/d/0009-help-scripts.md', text), 'rejected'), text.replace('Accepted', 'Rejected'));
    });

    it('puts a status above link lines when the section has only links', () => {
      const text = '# 3. X\n\n## Status\n\nAmends [1. A](0001-a.md)\n\n## Context\n';
      assert.equal(status(rec('/d/0003-x.md', text), 'accepted'), '# 3. X\n\n## Status\n\nAccepted\n\nAmends [1. A](0001-a.md)\n\n## Context\n');
    });

    it('fills an empty Status section and creates a missing one', () => {
      assert.equal(status(rec('/d/0003-x.md', '# 3. X\n\n## Status\n\n## Context\n'), 'proposed'), '# 3. X\n\n## Status\n\nProposed\n\n## Context\n');
      assert.equal(status(rec('/d/0003-x.md', '# 3. X\n\n## Status\n## Context\n'), 'proposed'), '# 3. X\n\n## Status\n\nProposed\n\n## Context\n');
      assert.equal(status(rec('/d/0003-x.md', '# 3. X\n\nDate: 2020-01-01\n\n## Context\n\nC.\n'), 'accepted'), '# 3. X\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n');
      assert.equal(status(rec('/d/028-x.md', '# 28 X\n\nDate: 2021-11-05\n\nSee elsewhere.\n', 'adr-tools'), 'accepted'), '# 28 X\n\nDate: 2021-11-05\n\nSee elsewhere.\n\n## Status\n\nAccepted\n');
    });

    it('replaces a decorated status whole and keeps its case style', () => {
      const text = '# 36. Multi-cluster\n\nDate: 2022-09-16\n\n## Status\n\n✅ Accepted\n\n## Context\n';
      assert.equal(status(rec('/d/036-multi-cluster.md', text), 'deprecated'), text.replace('✅ Accepted', 'Deprecated'));
    });

    it('supersedes exactly as `adr new -s` does, with adr-tools spelling', () => {
      const old = rec('/d/0001-first-record.md', NYGARD);
      const repl = rec('/d/0002-second-record.md', NYGARD2);
      const plan = supersede(old, repl);
      assert.equal(after(plan, old), NYGARD.replace('Accepted', 'Superceded by [2. Second Record](0002-second-record.md)'));
      assert.equal(after(plan, repl), NYGARD2.replace('Accepted\n\n', 'Accepted\n\nSupercedes [1. First Record](0001-first-record.md)\n\n'));
      const standard = supersede(old, repl, { spelling: 'standard' });
      assert.match(after(standard, old), /^Superseded by \[2\. Second Record\]/m);
      assert.match(after(standard, repl), /^Supersedes \[1\. First Record\]/m);
    });

    it('links like `adr link 3 Amends 1 "Amended by"` (tests/linking.expected)', () => {
      const one = rec('/d/0001-first-record.md', NYGARD);
      const three = rec('/d/0003-third-record.md', NYGARD2.replace(/2\. Second Record/, '3. Third Record'));
      const plan = link(three, 'Amends', one, 'Amended by');
      assert.match(after(plan, one), /## Status\n\nAccepted\n\nAmended by \[3\. Third Record\]\(0003-third-record\.md\)\n\n## Context/);
      assert.match(after(plan, three), /## Status\n\nAccepted\n\nAmends \[1\. First Record\]\(0001-first-record\.md\)\n\n## Context/);
      assert.deepEqual(amend(three, one).edits.length, 2);
    });

    it('adds links at the end of a Status section that ends the file (adr-tools adds none)', () => {
      const text = '# 1. A\n\n## Status\n\nAccepted\n';
      const plan = relate(rec('/d/0001-a.md', text), 'clarifies', rec('/d/0002-b.md', '# 2. B\n\n## Status\n\nAccepted\n'));
      assert.equal(after(plan, rec('/d/0001-a.md', text)), '# 1. A\n\n## Status\n\nAccepted\n\nClarifies [2. B](0002-b.md)\n');
    });

    it('keeps CRLF, a BOM, and trailing spaces', () => {
      const text = crlf('# 1. First Record  \n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\n## Context \n\nContext here...\n');
      const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encodeText(text, false)]);
      const decoded = decodeText(bytes, '/d/0001-first-record.md');
      const old = rec('/d/0001-first-record.md', decoded.text, undefined, decoded.bom);
      const repl = rec('/d/0002-second-record.md', crlf(NYGARD2));
      const plan = supersede(old, repl);
      const out = encodeText(after(plan, old), old.record.bom);
      assert.deepEqual([...out.slice(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.equal(decodeText(out, 'x').text, text.replace('Accepted', 'Superceded by [2. Second Record](0002-second-record.md)'));
      assert.equal(after(plan, repl), crlf(NYGARD2).replace('Accepted\r\n\r\n', 'Accepted\r\n\r\nSupercedes [1. First Record](0001-first-record.md)\r\n\r\n'));
    });
  });

  describe('MADR 3/4 front matter', () => {
    const FM = '---\n# keep this comment\nstatus: "accepted" # and this one\ndate: 2024-01-01\ndecision-makers: [Ann, Bob]\n---\n\n# Use X\n\n## Context and Problem Statement\n\nWhy.\n';

    it('rewrites the value only, keeping quotes, comments and key order', () => {
      assert.equal(status(rec('/d/0004-use-x.md', FM, 'madr'), 'deprecated'), FM.replace('"accepted"', '"deprecated"'));
      const single = FM.replace('"accepted"', "'accepted'");
      assert.equal(status(rec('/d/0004-use-x.md', single, 'madr'), 'rejected'), single.replace("'accepted'", "'rejected'"));
      const plain = FM.replace('"accepted"', 'accepted');
      assert.equal(status(rec('/d/0004-use-x.md', plain, 'madr'), 'proposed'), plain.replace('status: accepted', 'status: proposed'));
    });

    it('writes superseded as a link in the status value', () => {
      const old = rec('/d/0004-use-x.md', FM.replace('"accepted"', 'accepted'), 'madr');
      const repl = rec('/d/0005-example.md', '---\nstatus: accepted\n---\n\n# Example\n', 'madr');
      const plan = supersede(old, repl);
      assert.equal(after(plan, old), old.text.replace('status: accepted', 'status: superseded by [ADR-0005](0005-example.md)'));
      assert.equal(after(plan, repl), '---\nstatus: accepted\n---\n\n# Example\n\n## Links\n\n* Supersedes [ADR-0004](0004-use-x.md)\n');
      const reparsed = parseRecord(after(plan, old), { path: '/d/0004-use-x.md', collectionDialect: 'madr' });
      assert.equal(reparsed.status, 'superseded');
      assert.deepEqual(reparsed.relations.map((r) => [r.type, r.target]), [['superseded-by', '0005-example.md']]);
    });

    it('adds a missing status as the last entry; fills an empty one; creates front matter', () => {
      const jabref = '---\nparent: Decision Records\nnav_order: 1\n---\n# Use Crowdin\n\n## Context and Problem Statement\n';
      assert.equal(status(rec('/d/0001-use-crowdin.md', jabref, 'madr'), 'accepted'), jabref.replace('nav_order: 1\n', 'nav_order: 1\nstatus: accepted\n'));
      assert.equal(status(rec('/d/0001-x.md', '---\nstatus:\ndate: 2024-01-01\n---\n\n# X\n', 'madr'), 'proposed'), '---\nstatus: proposed\ndate: 2024-01-01\n---\n\n# X\n');
      assert.equal(status(rec('/d/0001-x.md', '---\nstatus: \n---\n\n# X\n', 'madr'), 'proposed'), '---\nstatus: proposed\n---\n\n# X\n');
      assert.equal(status(rec('/d/0001-x.md', '# X\n\n## Context and Problem Statement\n', 'madr'), 'accepted'), '---\nstatus: accepted\n---\n# X\n\n## Context and Problem Statement\n');
    });

    it('quotes values YAML would misread, and keeps CRLF', () => {
      const text = crlf('---\nstatus: accepted\n---\n\n# X\n');
      assert.equal(status(rec('/d/0001-x.md', text, 'madr'), 'on hold: see #12'), crlf('---\nstatus: "on hold: see #12"\n---\n\n# X\n'));
      assert.equal(status(rec('/d/0001-x.md', crlf('---\nnav_order: 1\n---\n\n# X\n'), 'madr'), 'accepted'), crlf('---\nnav_order: 1\nstatus: accepted\n---\n\n# X\n'));
    });
  });

  describe('MADR 2 / log4brains bullets', () => {
    const L4B = '# Use Lunr for search\n\n- Status: accepted\n- Date: 2020-11-03\n\n## Context\n\nText.\n\n## Links\n\n- <https://example.com>\n';

    it('rewrites the bullet value, keeping a trailing comment', () => {
      assert.equal(status(rec('/d/20201103-use-lunr-for-search.md', L4B, 'log4brains'), 'deprecated'), L4B.replace('accepted', 'deprecated'));
      const m2 = '# X\n\n* Status: Accepted <!-- optional -->\n* Date: 2018-01-01\n\n## Context and Problem Statement\n';
      assert.equal(status(rec('/d/0001-x.md', m2), 'rejected'), m2.replace('Accepted', 'Rejected'));
    });

    it('adds a missing Status bullet first in the list, or below the title', () => {
      const noStatus = '# X\n\n* Deciders: Ann\n* Date: 2018-01-01\n\n## Context and Problem Statement\n';
      assert.equal(status(rec('/d/0001-x.md', noStatus), 'proposed'), '# X\n\n* Status: proposed\n* Deciders: Ann\n* Date: 2018-01-01\n\n## Context and Problem Statement\n');
      const bare = '# Use React hooks\n\n## Decision\n\nWe will.\n';
      assert.equal(status(rec('/d/20200927-use-react-hooks.md', bare, 'log4brains'), 'accepted'), '# Use React hooks\n\n- Status: accepted\n\n## Decision\n\nWe will.\n');
    });

    it('supersedes as log4brains does and appends to an existing Links list', () => {
      const old = rec('/d/20201103-use-lunr-for-search.md', L4B, 'log4brains');
      const repl = rec('/d/20210101-use-algolia.md', L4B.replace('Use Lunr for search', 'Use Algolia'), 'log4brains');
      const plan = supersede(old, repl);
      assert.equal(after(plan, old), L4B.replace('- Status: accepted', '- Status: superseded by [20210101-use-algolia](20210101-use-algolia.md)'));
      assert.ok(after(plan, repl).endsWith('## Links\n\n- <https://example.com>\n- Supersedes [20201103-use-lunr-for-search](20201103-use-lunr-for-search.md)\n'));
    });

    it('writes "Superseded by" capitalised where statuses are capitalised (MADR 2)', () => {
      const m2 = '# X\n\n* Status: Accepted\n\n## Context and Problem Statement\n';
      const plan = supersede(rec('/d/0001-x.md', m2), rec('/d/0002-y.md', '# Y\n\n* Status: Accepted\n'));
      assert.equal(after(plan, rec('/d/0001-x.md', m2)), m2.replace('Accepted', 'Superseded by [ADR-0002](0002-y.md)'));
    });
  });

  it('does nothing when the relation is already there', () => {
    const old = rec('/d/0001-first-record.md', NYGARD.replace('Accepted', 'Superceded by [2. Second Record](0002-second-record.md)'));
    const repl = rec('/d/0002-second-record.md', NYGARD2.replace('Accepted\n', 'Accepted\n\nSupercedes [1. First Record](0001-first-record.md)\n'));
    assert.deepEqual(supersede(old, repl).edits, []);
    assert.deepEqual(link(repl, 'Supersedes', old, 'Superceded by').edits, []);
  });

  it('links across folders with relative paths', () => {
    const a = rec('/r/packages/web/docs/adr/20200927-use-react-hooks.md', '# Use React hooks\n\n- Status: accepted\n', 'log4brains');
    const b = rec('/r/docs/adr/20200924-use-markdown.md', '# Use Markdown\n\n- Status: accepted\n', 'log4brains');
    const plan = link(a, 'Relates to', b, 'Relates to');
    assert.match(after(plan, a), /- Relates to \[20200924-use-markdown\]\(\.\.\/\.\.\/\.\.\/\.\.\/docs\/adr\/20200924-use-markdown\.md\)\n$/);
    assert.match(after(plan, b), /- Relates to \[20200927-use-react-hooks\]\(\.\.\/\.\.\/packages\/web\/docs\/adr\/20200927-use-react-hooks\.md\)\n$/);
  });
});
