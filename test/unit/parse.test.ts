/** The parser on small inline records: each dialect, each odd form, and bad input. */
import { strict as assert } from 'node:assert';
import { parseRecord } from '../../src/core/parse/record';
import { parseFileName } from '../../src/core/naming/fileName';
import { normaliseDate } from '../../src/core/parse/dates';
import { normaliseStatus } from '../../src/core/parse/status';
import { decodeText, encodeText, LineIndex, applyEdits } from '../../src/core/text';
import type { AdrRecord, Span } from '../../src/core/model';

let mode: 'scan' | 'full' = 'scan';
const parse = (text: string, name = '0007-use-x.md', hint?: 'adr-tools' | 'madr' | 'log4brains') =>
  parseRecord(text, { path: `/repo/doc/adr/${name}`, collection: '/repo/doc/adr', mode, ...(hint ? { collectionDialect: hint } : {}) });
const at = (text: string, span: Span | undefined) => (span ? text.slice(span.start, span.end) : undefined);

for (const m of ['scan', 'full'] as const) describe(`parseRecord (${m})`, () => {
  before(() => { mode = m; });

  describe('adr-tools / Nygard', () => {
    const text = '# 7. Use X\n\nDate: 2024-03-01\n\n## Status\n\nAccepted\n\nSupercedes [3. Use W](0003-use-w.md)\n\nAmended by [9. Tweak](0009-tweak.md)\n\n## Context\n\nBecause.\n';
    let r: AdrRecord;
    before(() => { r = parse(text); });

    it('reads number, title, date and status with spans', () => {
      assert.equal(r.dialect, 'nygard');
      assert.equal(r.number, 7);
      assert.equal(r.title, 'Use X');
      assert.equal(at(text, r.titleField?.span), 'Use X');
      assert.equal(r.date, '2024-03-01');
      assert.equal(r.status, 'accepted');
      assert.equal(at(text, r.statusField?.span), 'Accepted');
    });

    it('reads each link line as a relation whose span is the line', () => {
      assert.deepEqual(r.relations.map((x) => [x.type, x.verb, x.target, x.label]), [
        ['supersedes', 'supercedes', '0003-use-w.md', '3. Use W'],
        ['amended-by', 'amended by', '0009-tweak.md', '9. Tweak'],
      ]);
      assert.equal(at(text, r.relations[0]!.span), 'Supercedes [3. Use W](0003-use-w.md)');
    });

    it('takes a Status section holding only "Superceded by" as superseded', () => {
      const t = '# 3. Use W\n\nDate: 2024-01-01\n\n## Status\n\nSuperceded by [7. Use X](0007-use-x.md)\n\n## Context\n';
      const s = parse(t, '0003-use-w.md');
      assert.equal(s.status, 'superseded');
      assert.deepEqual(s.relations.map((x) => x.type), ['superseded-by']);
    });

    it('keeps custom verbs from adr link', () => {
      const t = '# 2. B\n\n## Status\n\nAccepted\n\nDepends on [1. A](0001-a.md)\n';
      assert.deepEqual(parse(t, '0002-b.md').relations.map((x) => [x.type, x.verb]), [['custom', 'depends on']]);
    });

    it('reads an empty Status section as a place to write one', () => {
      const t = '# 2. B\n\n## Status\n\n## Context\n';
      const s = parse(t, '0002-b.md');
      assert.equal(s.status, 'unknown');
      assert.equal(s.statusField?.value, '');
      assert.equal(s.statusField?.span.start, t.indexOf('\n## Context'));
    });

    it('reads "## Status: Accepted" headings', () => {
      const t = '# B\n\n## Status: Accepted\n\n## Context\n';
      const s = parse(t, '0002-b.md');
      assert.equal(s.status, 'accepted');
      assert.equal(at(t, s.statusField?.span), 'Accepted');
    });
  });

  describe('MADR', () => {
    it('reads MADR 2 bullets (status, deciders, date) ignoring trailing comments', () => {
      const t = '# Use Y\n\n* Status: proposed <!-- optional -->\n* Deciders: Ann, Bob\n* Date: 2021-05-06\n\n## Context and Problem Statement\n\nQ?\n';
      const r = parse(t, '0004-use-y.md');
      assert.equal(r.dialect, 'madr2');
      assert.equal(r.status, 'proposed');
      assert.equal(at(t, r.statusField?.span), 'proposed');
      assert.deepEqual(r.deciders, ['Ann', 'Bob']);
      assert.equal(r.date, '2021-05-06');
    });

    it('reads MADR 3 front matter with deciders, and MADR 4 with decision-makers, consulted, informed, tags', () => {
      const m3 = parse('---\nstatus: accepted\ndeciders: [Ann, Bob]\ndate: 2022-01-02\n---\n# T\n', '0001-t.md');
      assert.equal(m3.dialect, 'madr3');
      assert.deepEqual(m3.deciders, ['Ann', 'Bob']);
      const m4 = parse('---\nstatus: "proposed"\ndecision-makers:\n  - Ann\nconsulted: Cy, Di\ninformed: [Ed]\ntags: [db, infra]\n---\n\n# T\n', '0001-t.md');
      assert.equal(m4.dialect, 'madr4');
      assert.equal(m4.status, 'proposed');
      assert.deepEqual([m4.deciders, m4.consulted, m4.informed, m4.tags], [['Ann'], ['Cy', 'Di'], ['Ed'], ['db', 'infra']]);
    });

    it('reads relations from front-matter status and relation keys', () => {
      const t = '---\nstatus: superseded by [ADR-0009](0009-next.md)\nsupersedes:\n  - 0001-first.md\n  - ADR-0002\n---\n# T\n';
      const r = parse(t, '0005-t.md');
      assert.equal(r.status, 'superseded');
      assert.deepEqual(r.relations.map((x) => `${x.type} ${x.target} ${x.source}`).sort(), [
        'superseded-by 0009-next.md status',
        'supersedes 0001-first.md front-matter',
        'supersedes ADR-0002 front-matter',
      ]);
    });

    it('reads governing globs from governs, applies-to and affects', () => {
      const r = parse('---\nstatus: accepted\ngoverns: ["src/db/**"]\napplies-to: lib/*.ts\naffects:\n  - infra/**\n---\n# T\n');
      assert.deepEqual(r.governs, ['src/db/**', 'lib/*.ts', 'infra/**']);
    });

    it('keeps front-matter entries with spans, unknown keys included', () => {
      const t = '---\n# a comment\nparent: Decisions\nstatus: accepted # inline\nnav_order: 3\n---\n# T\n';
      const r = parse(t);
      assert.deepEqual(r.frontMatter?.entries.map((e) => e.key), ['parent', 'status', 'nav_order']);
      assert.equal(at(t, r.frontMatter?.entries[1]!.span), 'status: accepted # inline');
      assert.equal(at(t, r.statusField?.span), 'accepted');
    });

    it('gives an empty `status:` an empty field at the end of its line', () => {
      const t = '---\nstatus:\ndate: 2020-01-01\n---\n# T\n';
      const r = parse(t);
      assert.equal(r.statusField?.value, '');
      assert.equal(r.statusField?.span.start, t.indexOf('status:') + 'status:'.length);
    });
  });

  describe('log4brains', () => {
    it('reads date-named files with `- Status:` bullets and tags', () => {
      const t = '# Use Z\n\n- Status: accepted\n- Date: 2020-10-16\n- Tags: frontend, build tools\n\n## Context and Problem Statement\n';
      const r = parse(t, '20201016-use-z.md');
      assert.equal(r.dialect, 'log4brains');
      assert.equal(r.number, null);
      assert.equal(r.id, '20201016-use-z');
      assert.deepEqual(r.tags, ['frontend', 'build', 'tools']);
    });

    it('falls back to the file name date when the record has none', () => {
      assert.equal(parse('# Z\n\n- Status: draft\n', '20201016-z.md').date, '2020-10-16');
    });
  });

  describe('bad and odd input', () => {
    it('reports malformed YAML as a problem and still reads the body', () => {
      const t = '---\nstatus: [unclosed\n---\n# Still here\n\n## Status\n\nAccepted\n';
      const r = parse(t);
      assert.ok(r.problems.some((p) => p.code === 'yaml-invalid'));
      assert.equal(r.title, 'Still here');
      assert.equal(r.status, 'accepted');
    });

    it('reports unclosed front matter without treating the file as front matter', () => {
      const r = parse('---\nstatus: accepted\n# T\n');
      assert.ok(r.problems.some((p) => p.code === 'front-matter-unclosed'));
    });

    it('does not take YAML inside a code block as front matter', () => {
      const r = parse('# T\n\n```yaml\n---\nstatus: accepted\n---\n```\n');
      assert.equal(r.frontMatter, undefined);
      assert.equal(r.status, 'unknown');
    });

    it('survives an empty file, a file of only front matter and a title-less file', () => {
      assert.equal(parse('', '0001-empty-thing.md').title, 'Empty thing');
      assert.ok(parse('', '0001-x.md').problems.some((p) => p.code === 'no-title'));
      assert.equal(parse('---\nstatus: accepted\n---\n').status, 'accepted');
      assert.equal(parse('Just prose.\n', 'notes.md').dialect, 'unknown');
    });

    it('reads CRLF files with spans that exclude the carriage return', () => {
      const t = '# 7. Use X\r\n\r\nDate: 2024-03-01\r\n\r\n## Status\r\n\r\nAccepted\r\n\r\n## Context\r\n';
      const r = parse(t);
      assert.equal(r.eol, '\r\n');
      assert.equal(at(t, r.statusField?.span), 'Accepted');
      assert.equal(at(t, r.statusField?.lineSpan), 'Accepted');
      assert.equal(at(t, r.titleField?.span), 'Use X');
    });

    it('strips emoji and emphasis from statuses but keeps the raw text', () => {
      const r = parse('# X\n\n## Status\n\n⌛️ **Superseded** by [8. Y](0008-y.md)\n');
      assert.equal(r.status, 'superseded');
      assert.equal(r.statusText, 'Superseded by [8. Y](0008-y.md)');
    });

    it('takes "ADR 040: Title" and "[12] Title" prefixes off titles', () => {
      assert.equal(parse('# ADR 040: Use Kafka\n', 'x.md').title, 'Use Kafka');
      assert.equal(parse('# ADR 040: Use Kafka\n', 'x.md').number, 40);
      assert.equal(parse('# ADR-0003 - Use Kafka\n', '0003-k.md').title, 'Use Kafka');
      assert.equal(parse('# 2FA for admins\n', '0002-2fa.md').title, '2FA for admins');
      assert.equal(parse('# 29 Other\n', '0030-x.md').title, '29 Other');
    });

    it('collects relative links but not URLs or anchors', () => {
      const t = '# X\n\nSee [a](0001-a.md), [b](<../b c.md#part>), [web](https://x.y/z.md), [here](#h).\n';
      const r = parse(t);
      assert.deepEqual(r.links.map((l) => l.href), ['0001-a.md', '../b c.md#part']);
      assert.deepEqual(r.links.map((l) => at(t, l.hrefSpan)), ['0001-a.md', '../b c.md#part']);
    });
  });
});

describe('file names', () => {
  it('reads every numbering convention as a decimal number', () => {
    const n = (f: string) => [parseFileName(f).number, parseFileName(f).numberText, parseFileName(f).date];
    assert.deepEqual(n('0008-x.md'), [8, '0008', null]);
    assert.deepEqual(n('0009-x.md'), [9, '0009', null]);
    assert.deepEqual(n('049-x.md'), [49, '049', null]);
    assert.deepEqual(n('adr-012-x.md'), [12, '012', null]);
    assert.deepEqual(n('ADR-0042-x.md'), [42, '0042', null]);
    assert.deepEqual(n('20201016-x.md'), [null, null, '2020-10-16']);
    assert.deepEqual(n('2020-10-16-jekyll-style.md'), [null, null, '2020-10-16']);
    assert.deepEqual(n('notes.md'), [null, null, null]);
  });
});

describe('dates and statuses', () => {
  it('normalises dates', () => {
    assert.equal(normaliseDate('2020-09-24'), '2020-09-24');
    assert.equal(normaliseDate('2020-09-24 10:00'), '2020-09-24');
    assert.equal(normaliseDate('09/09/2020'), '2020-09-09');
    assert.equal(normaliseDate('24/09/2020'), '2020-09-24');
    assert.equal(normaliseDate('12 March 2021'), '2021-03-12');
    assert.equal(normaliseDate('March 12, 2021'), '2021-03-12');
    assert.equal(normaliseDate('31/02/2020'), null);
    assert.equal(normaliseDate('{YYYY-MM-DD when}'), null);
  });

  it('normalises statuses from the words people write', () => {
    const cases: [string, string][] = [
      ['Accepted (lazy consensus)', 'accepted'], ['✅ Accepted', 'accepted'], ['Superceded by X', 'superseded'],
      ['accepted; supersedes ADR-0045', 'accepted'], ['superseded by ADR-0057', 'superseded'], ['🤔 Proposed', 'proposed'],
      ['❌ Rejected (see 019)', 'rejected'], ['Deprecated', 'deprecated'], ['WIP', 'draft'], ['on hold', 'unknown'], ['', 'unknown'],
    ];
    for (const [text, status] of cases) assert.equal(normaliseStatus(text), status, text);
  });
});

describe('text helpers', () => {
  it('decodes a BOM and encodes it back, byte for byte', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x23, 0x20, 0xc3, 0xa9, 0x0a]);
    const d = decodeText(bytes, 'x.md');
    assert.equal(d.bom, true);
    assert.equal(d.text, '# é\n');
    assert.deepEqual(encodeText(d.text, d.bom), bytes);
  });

  it('refuses binary and huge files with a message naming the file', () => {
    assert.throws(() => decodeText(new Uint8Array([0x23, 0, 1]), 'pic.md'), /pic\.md: binary file/);
    assert.throws(() => decodeText(new Uint8Array(3 * 1024 * 1024), 'big.md'), /big\.md: file is too large/);
  });

  it('maps offsets to lines and back, CRLF included', () => {
    const li = new LineIndex('ab\r\ncd\nef');
    assert.deepEqual(li.positionAt(5), { line: 1, character: 1 });
    assert.equal(li.offsetAt(2, 1), 8);
    assert.equal(li.lineEnd(0), 2);
    assert.equal(li.lineEnd(2), 9);
  });

  it('applies edits and rejects overlapping ones', () => {
    assert.equal(applyEdits('hello world', [{ start: 6, end: 11, newText: 'there' }, { start: 0, end: 0, newText: '> ' }]), '> hello there');
    assert.throws(() => applyEdits('abc', [{ start: 0, end: 2, newText: '' }, { start: 1, end: 3, newText: '' }]));
  });
});

describe('parseRecord: a leading "Superceded by" line wins over prose after it', () => {
  it('reads the status as superseded', () => {
    const t = '# 12. One cluster\n\nDate: 2019-06-01\n\n## Status\n\nSuperceded by [13. Two](0013-two.md)\n\n**June 2020 Update** We now do this.\n\n## Context\n';
    const r = parseRecord(t, { path: '/r/0012-one-cluster.md' });
    assert.equal(r.status, 'superseded');
    assert.equal(r.statusField?.value, 'Superceded by [13. Two](0013-two.md)');
  });
});
