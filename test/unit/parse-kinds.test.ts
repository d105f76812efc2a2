/**
 * Issue 15, "What went wrong, by kind": one fixture (test/fixtures/parse) or inline record per
 * convention real collections use, read by both readers. Several status lines, negations and
 * template placeholders, status vocabularies (built-in and declared), where the status and the title
 * live, relations written by one side only, status edits where the status is, lint of
 * contradictions and of a collection's own words, and linear section collection.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { collectSections, parseRecord } from '../../src/core/parse/record';
import { normaliseStatus, cleanStatusText } from '../../src/core/parse/status';
import { normaliseDate } from '../../src/core/parse/dates';
import { readStatusVocabulary } from '../../src/core/parse/vocabulary';
import { setStatusEdits } from '../../src/core/edit/status';
import { lintRecord } from '../../src/core/lint/recordLint';
import { lintIndex } from '../../src/core/lint';
import { AdrIndex } from '../../src/core/index';
import { readAdrConfigJson, readAdrsToml, readLog4brains, readWorkbenchConfig, ConfigError } from '../../src/core/discovery/configFiles';
import { discover } from '../../src/core/discovery';
import { applyEdits } from '../../src/core/text';
import type { AdrRecord, Status } from '../../src/core/model';
import type { Heading } from '../../src/core/parse/structure';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'parse');
const fixture = (rel: string) => readFileSync(join(FIXTURES, rel), 'utf8');
const path = (rel: string) => `/fx/${rel}`;

function fixtureFiles(dir = FIXTURES, prefix = ''): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return fixtureFiles(p, `${prefix}${n}/`);
    return n.endsWith('.md') && n !== 'README.md' ? [`${prefix}${n}`] : [];
  });
}

let mode: 'scan' | 'full' = 'scan';
const read = (rel: string): AdrRecord => parseRecord(fixture(rel), { path: path(rel), collection: path(rel.replace(/\/[^/]*$/, '')), mode });
const inline = (text: string, name = '0007-use-x.md', extra: Partial<Parameters<typeof parseRecord>[1]> = {}): AdrRecord =>
  parseRecord(text, { path: `/r/doc/adr/${name}`, collection: '/r/doc/adr', mode, ...extra });
const rels = (r: AdrRecord) => r.relations.map((x) => `${x.type} ${x.target}`);
const at = (text: string, s: { start: number; end: number } | undefined) => (s ? text.slice(s.start, s.end) : undefined);

for (const m of ['scan', 'full'] as const) describe(`issue 15 kinds (${m})`, () => {
  before(() => { mode = m; });

  describe('status sections with several lines', () => {
    it('"Accepted (lazy consensus)" then "Superceded by [16. …](…)" is superseded, with the successor found', () => {
      const r = read('several-lines/0010-use-lazy-consensus.md');
      assert.equal(r.status, 'superseded');
      assert.equal(r.statusText, 'Superceded by [16. Use explicit votes](0016-use-explicit-votes.md)');
      assert.deepEqual(rels(r), ['superseded-by 0016-use-explicit-votes.md']);
      assert.deepEqual(r.statusStatements?.map((s) => s.status), ['accepted', 'superseded']);
    });

    it('"Accepted" then "Superseded by [ADR-0017](…)" is superseded', () => {
      const r = read('several-lines/0011-log-to-stdout.md');
      assert.equal(r.status, 'superseded');
      assert.deepEqual(rels(r), ['superseded-by 0017-log-as-json.md']);
    });

    it('a scoped "Superseded in part by … for X" keeps the status and records the relation', () => {
      const r = read('several-lines/0012-store-sessions-in-redis.md');
      assert.equal(r.status, 'accepted');
      assert.equal(r.statusStatements, undefined);
      assert.deepEqual(rels(r), ['superseded-by 0013-expire-sessions.md']);
    });

    it('"Supersedes: the … portions of [A] and [B]" across lines names both records', () => {
      const r = read('several-lines/0013-expire-sessions.md');
      assert.equal(r.status, 'accepted');
      assert.deepEqual(rels(r), ['supersedes 0012-store-sessions-in-redis.md', 'supersedes 0010-use-lazy-consensus.md']);
    });

    it('front matter "accepted" beside a Status section saying "Superseded by …" is superseded', () => {
      const r = read('several-lines/0014-front-matter-and-section.md');
      assert.equal(r.status, 'superseded');
      assert.equal(r.statusField?.source, 'section');
      assert.deepEqual(r.statusStatements?.map((s) => `${s.source} ${s.status}`), ['front-matter accepted', 'section superseded']);
    });

    it('two lines that agree, and a lead sentence "Accepted, then superseded … by"', () => {
      assert.equal(read('several-lines/0015-say-it-twice.md').status, 'accepted');
      const t = '# 3. X\n\n## Status\n\nAccepted, then **superseded** (most portions) by [ADR 0016](0016-y.md) in 2026.\n';
      const r = inline(t, '0003-x.md');
      assert.equal(r.status, 'superseded');
      assert.deepEqual(rels(r), ['superseded-by 0016-y.md']);
      assert.equal(normaliseStatus('Accepted; superseded by ADR-0057'), 'superseded');
      assert.equal(normaliseStatus('Accepted; supersedes ADR-0045'), 'accepted');
      assert.equal(normaliseStatus('Accepted. Superseded in part by ADR-0057'), 'accepted');
    });

    it('"Keep this ADR as historical context" after a supersession makes it superseded', () => {
      const t = '# 11. X\n\n## Status\n\nAccepted\n\nRefined and superseded for the layout by\n[ADR 0017](0017-y.md). Keep this\nADR as historical context.\n';
      const r = inline(t, '0011-x.md');
      assert.equal(r.status, 'superseded');
      assert.deepEqual(rels(r), ['superseded-by 0017-y.md']);
    });
  });

  describe('negations and placeholders', () => {
    it('"Not-Implemented" is not accepted (proposed), "Not accepted" is rejected', () => {
      assert.equal(read('negations/0001-not-implemented.md').status, 'proposed');
      assert.equal(read('negations/0001-not-implemented.md').statusText, 'Not-Implemented');
      assert.equal(read('negations/0002-not-accepted.md').status, 'rejected');
      for (const [t, s] of [['not approved', 'rejected'], ['Non accepté', 'rejected'], ['Not yet implemented', 'proposed'], ['not implemented', 'proposed'], ['Implemented', 'accepted']] as const) {
        assert.equal(normaliseStatus(t), s, t);
      }
    });

    it('unfilled template lines are unknown, not their first word', () => {
      for (const f of ['negations/0003-template-brackets.md', 'negations/0004-template-braces.md', 'negations/0005-template-list.md']) {
        assert.equal(read(f).status, 'unknown', f);
      }
      for (const t of ['[ accepted | deprecated | superseded by … ]', '{proposed | rejected}', 'proposed | accepted', 'Proposed / Accepted / Rejected',
        '{proposé | rejeté | accepté | obsolète | … | remplacé par [ADR-0005](0005-example.md)}', 'proposed, accepted, rejected, deprecated, superseded, ...']) {
        assert.equal(normaliseStatus(t), 'unknown', t);
      }
      // A real status is never taken for a placeholder.
      assert.equal(normaliseStatus('Accepted, superseded by [3](0003-x.md)'), 'superseded');
      assert.equal(normaliseStatus('Accepted (2026-07-02)'), 'accepted');
    });
  });

  describe('vocabulary', () => {
    const table: [string, Status][] = [
      ['Draft', 'draft'], ['Review', 'proposed'], ['Last Call', 'proposed'], ['Living', 'accepted'], ['Final', 'accepted'],
      ['Withdrawn', 'rejected'], ['Stagnant', 'deprecated'], ['RFC', 'proposed'], ['Adopted', 'accepted'], ['Pending', 'proposed'],
      ['In progress', 'draft'], ['Obsolete', 'deprecated'], ['Aceito', 'accepted'], ['Proposto', 'proposed'], ['descontinuado', 'deprecated'],
      ['substituído por [2](0002-x.md)', 'superseded'], ['accepté', 'accepted'], ['proposé', 'proposed'], ['rejeté', 'rejected'],
      ['obsolète', 'deprecated'], ['remplacé par [ADR-0005](0005-x.md)', 'superseded'], ['ACCEPTED', 'accepted'], ['**rejected**', 'rejected'],
      ['✅ Accepted', 'accepted'], ['on hold', 'unknown'],
    ];
    for (const [text, want] of table) it(`"${text}" is ${want}`, () => assert.equal(normaliseStatus(cleanStatusText(text)), want));

    it('reads the fixtures: EIP front matter, Portuguese, French keys, bold', () => {
      const eip = read('vocabulary/eip-1.md');
      assert.equal(eip.status, 'accepted');
      assert.equal(eip.title, 'EIP Purpose and Guidelines');
      assert.equal(read('vocabulary/0001-registrar-decisoes.md').status, 'accepted');
      assert.equal(read('vocabulary/0001-registrar-decisoes.md').date, '2019-02-22');
      const fr = read('vocabulary/0002-mocker-l-api.md');
      assert.equal(fr.status, 'proposed');
      assert.equal(fr.title, 'Mocker l’API pour tester le front');
      assert.deepEqual(fr.deciders, ['Andrea', 'Loïc']);
      assert.equal(fr.date, '2024-06-03');
      assert.equal(read('vocabulary/0003-rejected-in-bold.md').status, 'rejected');
      assert.equal(read('vocabulary/0003-rejected-in-bold.md').title, 'Keep master compatible');
    });

    it('a declared vocabulary maps a collection\'s own words, and wins over a built-in word', () => {
      const vocabulary = readStatusVocabulary({ Parked: 'deprecated', 'On ice': 'deprecated', accepted: ['Ratified'], Final: 'proposed' }).vocabulary;
      assert.equal(read('vocabulary/0006-parked.md').status, 'unknown');
      assert.equal(parseRecord(fixture('vocabulary/0006-parked.md'), { path: path('vocabulary/0006-parked.md'), mode, statusVocabulary: vocabulary }).status, 'deprecated');
      assert.equal(normaliseStatus('Ratified', vocabulary), 'accepted');
      assert.equal(normaliseStatus('Final', vocabulary), 'proposed');
      assert.equal(normaliseStatus('Final'), 'accepted');
      const bad = readStatusVocabulary({ Parked: 'sleeping' });
      assert.deepEqual(bad.vocabulary, {});
      assert.equal(bad.problems.length, 1);
    });
  });

  describe('where the status and the title live', () => {
    it('a key/value table, a header row with a STATUS column (underscores kept)', () => {
      const t = read('where/0001-table.md');
      assert.deepEqual([t.title, t.number, t.status, t.statusField?.source, t.date, t.deciders], ['Use PostgreSQL', 1, 'accepted', 'table', '2020-02-03', ['Ana', 'Bo']]);
      assert.equal(at(fixture('where/0001-table.md'), t.statusField?.span), 'Accepted');
      const h = read('where/0002-table-header.md');
      assert.deepEqual([h.title, h.status, h.statusText, h.date], ['Use Kafka_Streams', 'proposed', 'Proposed_Draft', '2020-02-04']);
      assert.equal(at(fixture('where/0002-table-header.md'), h.statusField?.span), 'Proposed_Draft');
    });

    it('a blockquote with a bracketed date, a bold label, a Status: line with a malformed date', () => {
      const q = read('where/0003-blockquote.md');
      assert.deepEqual([q.title, q.status, q.statusField?.source, q.date], ['Use gRPC', 'accepted', 'blockquote', '2022-10-05']);
      const b = read('where/0004-bold-label.md');
      assert.deepEqual([b.title, b.number, b.status, b.date], ['Use Terraform', 4, 'deprecated', '2020-02-06']);
      const l = read('where/0005-status-line.md');
      assert.deepEqual([l.title, l.status, l.date], ['Use Vault', 'accepted', null]);
      assert.ok(l.problems.some((p) => p.code === 'date-unreadable'));
      assert.equal(normaliseDate('[2022-10-05]'), '2022-10-05');
      assert.equal(normaliseDate('2025-11- 05'), null);
    });

    it('adr-log headings: the status label leads the title and is the status', () => {
      const text = fixture('where/0006-adr-log-heading.md');
      const r = read('where/0006-adr-log-heading.md');
      assert.deepEqual([r.title, r.status, r.statusText], ['Publish events on a message bus', 'superseded', 'Superseded by [ADR-0031]']);
      assert.equal(at(text, r.titleField?.span), 'Publish events on a message bus');
      assert.equal(at(text, r.statusField?.span), 'Superseded by [ADR-0031]');
      assert.deepEqual(rels(r), ['superseded-by ADR-0031']);
    });

    it('front matter title wins over the heading; Doxygen and ADR-NNNN titles', () => {
      assert.equal(read('where/0007-front-matter-title.md').title, 'Use OpenTelemetry for tracing');
      const d = read('where/0031-doxygen-title.md');
      assert.deepEqual([d.title, d.number, d.status], ['CRUD and Search: Allow transport details', 31, 'accepted']);
      assert.equal(at(fixture('where/0031-doxygen-title.md'), d.titleField?.span), 'CRUD and Search: Allow transport details');
      assert.equal(read('where/ADR-0008-adr-number-title.md').title, 'Replace Akka with Pekko');
    });

    const titles: [string, string, number | null][] = [
      ['# TITLE: Use X', 'Use X', null], ['# ADR: Use X', 'Use X', null], ['# ADR-012: Use X', 'Use X', 12],
      ['# Architecture Decision Record: Use X', 'Use X', null], ['# 12.Use X', 'Use X', 12], ['# #46.Use X', 'Use X', 46],
      ['# 31) Use X {#adr_0031}', 'Use X', 31], ['# ADR-0001 Use X', 'Use X', 1], ['# 7. Use X', 'Use X', 7],
      ['# [Deprecated] Use X', 'Use X', null], ['# 12.5% faster builds', '12.5% faster builds', null],
    ];
    for (const [h, title, n] of titles) {
      it(`"${h}" is titled "${title}"`, () => {
        const text = `${h}\n\nDate: 2020-01-01\n`;
        const r = inline(text, 'x.md');
        assert.equal(r.title, title);
        assert.equal(at(text, r.titleField?.span), title);
        assert.equal(r.number, n);
      });
    }

    it('the title is the first H1 before the body: never a later # Abstract / # Security, never a YAML comment', () => {
      const t = '# Use X\n\n## Context\n\nText.\n\n# Security\n\nNone.\n';
      assert.equal(inline(t).title, 'Use X');
      const noTitle = 'Date: 2020-01-01\n\n## Status\n\nAccepted\n\n# Consequences\n\nMany.\n';
      assert.equal(inline(noTitle, '0007-container-de-relacionamento.md').titleField, undefined);
      assert.equal(inline(noTitle, '0007-container-de-relacionamento.md').title, 'Container de relacionamento');
      const yaml = '---\n# Ce sont des éléments optionnels.\nstatut: accepté\n---\n\n# Vrai titre\n';
      assert.equal(inline(yaml).title, 'Vrai titre');
      assert.equal(inline(yaml).status, 'accepted');
      // A front matter that does not parse still hides its comment lines from the heading scan.
      const broken = '---\n# Commentaire\nstatut: {proposé | rejeté\n---\n\n# Vrai titre\n';
      assert.equal(inline(broken).title, 'Vrai titre');
    });

    it('Jekyll navigation front matter (`parent:`, `nav_order:`) keeps the heading as the title', () => {
      const t = '---\nparent: Decisions\nnav_order: 3\ntitle: Short\n---\n\n# The full title\n';
      assert.equal(inline(t).title, 'The full title');
    });
  });

  describe('relations written by one side only', () => {
    it('a "* Supersedes: [ADR 1](…)" bullet under the title', () => {
      assert.deepEqual(rels(read('relations/0012-use-y.md')), ['supersedes 0001-use-x.md']);
    });
    it('"Supersedes: ADR-0012" inside a Status section', () => {
      assert.deepEqual(rels(read('relations/0013-use-z.md')), ['supersedes ADR-0012']);
    });
    it('reference-style links: `[ADR 9]` defined as `@ref rest_adr_0009`, or as a file', () => {
      assert.deepEqual(rels(read('relations/0004-use-lookup.md')), ['superseded-by ADR 9']);
      const f = read('relations/0005-use-files.md');
      assert.equal(f.status, 'superseded');
      assert.deepEqual(rels(f), ['superseded-by 0009-read-models.md']);
    });
    it('adrs "ng" front matter `links: [{rel, target}]` with number targets', () => {
      assert.deepEqual(read('relations/0014-implement-z.md').relations.map((x) => `${x.type} ${x.verb} ${x.target}`), ['custom implements 13', 'supersedes supersedes 5']);
    });
  });
});

describe('issue 15: both readers agree on every fixture', () => {
  it(`on every field of the ${fixtureFiles().length} fixtures`, () => {
    const files = fixtureFiles();
    assert.ok(files.length >= 30);
    for (const f of files) {
      const text = fixture(f);
      assert.deepEqual(parseRecord(text, { path: path(f), mode: 'scan' }), parseRecord(text, { path: path(f), mode: 'full' }), f);
    }
  });
});

describe('issue 15: relations resolve from the side that writes them', () => {
  it('targets `ADR 12`, `ADR-0012`, a number, `[ADR 9]` / `@ref rest_adr_0009` resolve to records', async () => {
    const fs = new MemoryFileSystem().copyFromDisk(join(FIXTURES, 'relations'), '/r/doc/adr');
    const index = await AdrIndex.build(fs, '/r');
    const other = (file: string, type: string) => index.relationsOf(`/r/doc/adr/${file}`).filter((x) => x.type === type).map((x) => x.other?.slice('/r/doc/adr/'.length));
    assert.deepEqual(other('0013-use-z.md', 'supersedes'), ['0012-use-y.md']);
    assert.deepEqual(other('0012-use-y.md', 'superseded-by'), ['0013-use-z.md']); // the inverse, written by 0013 only
    assert.deepEqual(other('0004-use-lookup.md', 'superseded-by'), ['0009-read-models.md']);
    assert.deepEqual(other('0014-implement-z.md', 'supersedes'), ['0005-use-files.md']);
    assert.deepEqual(other('0001-use-x.md', 'superseded-by'), ['0012-use-y.md']);
    assert.deepEqual(index.brokenRelations().map((b) => `${b.path.slice('/r/doc/adr/'.length)} ${b.relation.target}`), []);
  });
});

describe('issue 15: status edits where the status is', () => {
  const edit = (text: string, value: string, name = '0007-x.md') => {
    const r = parseRecord(text, { path: `/r/${name}`, collection: '/r' });
    const out = applyEdits(text, setStatusEdits(r, text, value));
    return { out, after: parseRecord(out, { path: `/r/${name}`, collection: '/r' }) };
  };

  it('a table cell is edited in that cell', () => {
    const text = fixture('where/0001-table.md');
    const { out, after } = edit(text, 'Deprecated', '0001-table.md');
    assert.equal(out, text.replace('| Status | Accepted |', '| Status | Deprecated |'));
    assert.equal(after.status, 'deprecated');
  });

  it('a header-row table, a blockquote and a bold label in place', () => {
    const h = fixture('where/0002-table-header.md');
    assert.equal(edit(h, 'Accepted').out, h.replace('| 2  | Proposed_Draft |', '| 2  | Accepted |'));
    const q = fixture('where/0003-blockquote.md');
    assert.equal(edit(q, 'Rejected').out, q.replace('> Status: Accepted', '> Status: Rejected'));
    const b = fixture('where/0004-bold-label.md');
    assert.equal(edit(b, 'Accepted').out, b.replace('**Status:** Deprecated', '**Status:** Accepted'));
  });

  it('never adds a second status: no new front matter or section where one is stated', () => {
    for (const f of fixtureFiles()) {
      const text = fixture(f);
      const r = parseRecord(text, { path: path(f) });
      if (!r.statusField || r.statusField.value === '') continue;
      const edits = setStatusEdits(r, text, 'Deprecated');
      const out = applyEdits(text, edits);
      assert.equal((out.match(/^---$/gm) ?? []).length, (text.match(/^---$/gm) ?? []).length, f);
      assert.equal((out.match(/^#+\s*Status\b/gim) ?? []).length, (text.match(/^#+\s*Status\b/gim) ?? []).length, f);
      assert.equal(parseRecord(out, { path: path(f) }).status, 'deprecated', f);
      for (const e of edits) assert.ok(!e.newText.includes('\n'), `${f}: an edit adds lines`);
    }
  });

  it('a record that says "Accepted" and "Superceded by …" says one thing after a status change', () => {
    const text = fixture('several-lines/0010-use-lazy-consensus.md');
    const { out, after } = edit(text, 'Accepted', '0010-use-lazy-consensus.md');
    assert.equal(after.status, 'accepted');
    assert.ok(!out.includes('Superceded by'));
    assert.ok(out.includes('Accepted (lazy consensus)'), 'the line already accepted is kept');
    const superseded = edit(text, 'Superseded by [17. Z](0017-z.md)', '0010-use-lazy-consensus.md');
    assert.equal(superseded.after.status, 'superseded');
    assert.equal(superseded.out, text.replace('Superceded by [16. Use explicit votes](0016-use-explicit-votes.md)', 'Superseded by [17. Z](0017-z.md)'));
  });
});

describe('issue 15: lint', () => {
  it('reports a status that says accepted while another line says superseded, and not when they agree', () => {
    for (const f of ['several-lines/0010-use-lazy-consensus.md', 'several-lines/0011-log-to-stdout.md', 'several-lines/0014-front-matter-and-section.md']) {
      const text = fixture(f);
      const findings = lintRecord(parseRecord(text, { path: path(f) }), text).filter((x) => x.rule === 'status-contradiction');
      assert.equal(findings.length, 1, f);
      assert.match(text.slice(findings[0]!.span.start, findings[0]!.span.end), /^accepted/i, f);
    }
    for (const f of ['several-lines/0012-store-sessions-in-redis.md', 'several-lines/0013-expire-sessions.md', 'several-lines/0015-say-it-twice.md', 'several-lines/0016-use-explicit-votes.md']) {
      const text = fixture(f);
      assert.deepEqual(lintRecord(parseRecord(text, { path: path(f) }), text).filter((x) => x.rule === 'status-contradiction'), [], f);
    }
  });

  it('never flags a status word two records of the collection use, nor a declared one; flags a one-off', async () => {
    const fs = new MemoryFileSystem().copyFromDisk(join(FIXTURES, 'vocabulary'), '/r/doc/adr');
    const unknown = async (f: MemoryFileSystem) => {
      const index = await AdrIndex.build(f, '/r');
      return (await lintIndex(index, f)).filter((x) => x.rule === 'unknown-status').map((x) => x.path.slice('/r/doc/adr/'.length));
    };
    assert.deepEqual(await unknown(fs), ['0006-parked.md']);
    await fs.writeFile('/r/.adr-workbench.yml', new TextEncoder().encode('statuses:\n  Parked: deprecated\n'));
    assert.deepEqual(await unknown(fs), []);
    const index = await AdrIndex.build(fs, '/r');
    assert.equal(index.get('/r/doc/adr/0006-parked.md')?.status, 'deprecated');
  });
});

describe('issue 15: declaring a vocabulary in configuration', () => {
  it('reads `statuses` from .adr-workbench.yml, adr.config.json, .log4brains.yml and adrs.toml', () => {
    assert.deepEqual(readWorkbenchConfig('statuses:\n  Living: accepted\n  rejected: [Vetoed, Dropped]\n').statuses, { living: 'accepted', vetoed: 'rejected', dropped: 'rejected' });
    assert.deepEqual(readAdrConfigJson('{"path": "docs/adr", "statuses": {"Ratified": "accepted"}}'), [{ folder: 'docs/adr', statuses: { ratified: 'accepted' } }]);
    assert.deepEqual(readLog4brains('project:\n  adrFolder: ./docs/adr\n  statuses:\n    Parked: deprecated\n'), [{ folder: './docs/adr', statuses: { parked: 'deprecated' } }]);
    assert.deepEqual(readAdrsToml('adr_dir = "docs/adr"\n\n[statuses]\nLiving = "accepted"\n"Last Call" = "proposed"\n'), [{ folder: 'docs/adr', statuses: { living: 'accepted', 'last call': 'proposed' } }]);
  });

  it('a bad entry is a one-line problem and the rest still counts; malformed YAML is a ConfigError', async () => {
    assert.deepEqual(readWorkbenchConfig('statuses:\n  Parked: sleeping\n  Living: accepted\n').warnings.length, 1);
    assert.throws(() => readWorkbenchConfig('statuses: [\n'), ConfigError);
    const fs = MemoryFileSystem.from({
      '/r/adr.config.json': '{"path": "docs/adr", "statuses": {"Parked": "sleeping", "Living": "accepted"}}',
      '/r/docs/adr/0001-x.md': '# 1. X\n\n## Status\n\nLiving\n',
    });
    const { collections, problems } = await discover(fs, '/r');
    assert.deepEqual(collections.map((c) => c.statusVocabulary), [{ living: 'accepted' }]);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /sleeping/);
    const index = await AdrIndex.build(fs, '/r');
    assert.equal(index.get('/r/docs/adr/0001-x.md')?.status, 'accepted');
  });
});

describe('issue 15: section collection is linear', () => {
  // Ten-character heading lines `## H00042⏎`, depths 2, 3, 4, 2, 3, 4, …
  const doc = (n: number) => Array.from({ length: n }, (_, i) => `## H${String(i).padStart(5, '0')}\n`).join('');
  const headings = (n: number): Heading[] => Array.from({ length: n }, (_, i) => ({ depth: 2 + (i % 3), text: `H${i}`, contentSpan: { start: i * 10 + 3, end: i * 10 + 9 }, start: i * 10 }));
  const time = (f: () => void) => {
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const s = process.hrtime.bigint();
      f();
      best = Math.min(best, Number(process.hrtime.bigint() - s) / 1e6);
    }
    return best;
  };

  it('ends each section at the next heading of the same or lower depth', () => {
    const text = '# T\n## A\n### A1\n## B\n#### B1\n### B2\n';
    const hs: Heading[] = [];
    let at = 0;
    for (const line of text.split('\n').slice(0, -1)) {
      const depth = line.indexOf(' ');
      hs.push({ depth, text: line.slice(depth + 1), contentSpan: { start: at + depth + 1, end: at + line.length }, start: at });
      at += line.length + 1;
    }
    const ends = collectSections(hs, text).map((s) => text.slice(s.bodySpan.start, s.bodySpan.end).split('\n')[0]);
    assert.deepEqual(collectSections(hs, text).map((s) => s.bodySpan.end), [text.length, text.indexOf('## B'), text.indexOf('## B'), text.length, text.indexOf('### B2'), text.length]);
    assert.equal(ends.length, 6);
  });

  it('80,000 headings: 8× the headings cost 8× the reads of the heading list (quadratic would be 64×), and a parse stays fast', () => {
    // Counting, not timing: every read of the heading list goes through a proxy.
    const reads = (n: number) => {
      let count = 0;
      const list = new Proxy(headings(n), { get(target, key, receiver) { if (typeof key === 'string' && /^\d+$/.test(key)) count++; return Reflect.get(target, key, receiver) as unknown; } });
      collectSections(list, doc(n));
      return count;
    };
    const small = reads(10_000);
    const big = reads(80_000);
    assert.ok(big / small < 10, `10k headings: ${small} reads, 80k: ${big}`);
    const bigText = doc(80_000);
    const big80 = headings(80_000);
    // Each section ends where the next heading of its depth or above starts.
    const sections = collectSections(big80, bigText);
    assert.equal(sections[0]!.bodySpan.end, 30);
    assert.equal(sections[1]!.bodySpan.end, 30);
    assert.equal(sections[3]!.bodySpan.end, 60);
    assert.equal(sections[79_999]!.bodySpan.end, bigText.length);
    let record = '# 1. Big\n\n## Status\n\nAccepted\n\n';
    for (let i = 0; i < 80_000; i++) record += `## H${i}\n\ntext\n\n`;
    const t = time(() => parseRecord(record, { path: '/r/0001-big.md' }));
    assert.ok(t < 10_000, `80,000-heading record parsed in ${t.toFixed(0)} ms`);
    assert.equal(parseRecord(record, { path: '/r/0001-big.md' }).sections.length, 80_002);
  });
});

describe('issue 15: front matter title and heading', () => {
  it('a retitle changes front matter `title:` and the H1 that says the same (adrs ng), keeping the number', async () => {
    const { retitle } = await import('../../src/core/edit');
    const text = '---\nnumber: 2\ntitle: Use Bun\nstatus: proposed\n---\n\n# 2. Use Bun\n\n## Context and Problem Statement\n\nX.\n';
    const record = parseRecord(text, { path: '/r/docs/adrs/0002-use-bun.md', collection: '/r/docs/adrs' });
    assert.equal(record.titleField?.source, 'front-matter');
    const r = retitle({ record, text }, 'Use Deno', []);
    assert.equal(applyEdits(text, r.plan.edits[0]!.edits), text.replace('title: Use Bun', 'title: Use Deno').replace('# 2. Use Bun', '# 2. Use Deno'));
    const different = '---\ntitle: Short\n---\n\n# A longer heading\n';
    assert.equal(parseRecord(different, { path: '/r/x.md' }).headingTitleField, undefined);
  });
});

describe('issue 15: dates', () => {
  it('a 14-digit creation timestamp name dates a record with no date of its own; a Date line wins', () => {
    const r = parseRecord('# Use X\n\n## Context\n', { path: '/r/20240516132303-use-x.md' });
    assert.deepEqual([r.number, r.date], [null, '2024-05-16']);
    assert.equal(parseRecord('# Use X\n\nDate: 2024-06-01\n', { path: '/r/20240516132303-use-x.md' }).date, '2024-06-01');
    assert.equal(parseRecord('# Use X\n', { path: '/r/20241399132303-use-x.md' }).date, null);
  });
});
