import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRecord } from '../../src/core/parse/record';
import {
  MADR_BARE_MINIMAL_TEMPLATE, MADR_BARE_TEMPLATE, MADR_FULL_TEMPLATE, MADR_MINIMAL_TEMPLATE, LOG4BRAINS_TEMPLATE,
  NYGARD_INIT_TEMPLATE, TEMPLATE_KINDS, renderTemplate, renderText, resolveTemplate, sniffTemplate, type TemplateKind,
} from '../../src/core/templates';
import type { Collection } from '../../src/core/model';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { CORPORA, corporaAvailable } from '../support/corpora';

const base = { title: 'Second Record', number: 2, date: '1992-01-12' };

describe('templates', () => {
  describe('adr-tools default (Nygard)', () => {
    it('renders exactly what `adr new` writes (tests/create-mutiple-records.expected)', () => {
      const out = renderTemplate('nygard', { ...base, status: 'Accepted' });
      assert.equal(
        out,
        '# 2. Second Record\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\n' +
          '## Context\n\nThe issue motivating this decision, and any context that influences or constrains the decision.\n\n' +
          "## Decision\n\nThe change that we're proposing or have agreed to implement.\n\n" +
          '## Consequences\n\nWhat becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.\n',
      );
    });

    it('defaults the status to Proposed', () => {
      assert.match(renderTemplate('nygard', base), /## Status\n\nProposed\n\n## Context/);
    });

    it('writes Supercedes and link lines as adr-tools does (tests/linking-new-records.expected)', () => {
      const out = renderTemplate('nygard', {
        title: 'Third Record', number: 3, date: '1992-01-12', status: 'Accepted',
        relations: [
          { verb: 'Amends', label: '1. First Record', target: '0001-first-record.md' },
          { verb: 'Clarifies', label: '2. Second Record', target: '0002-second-record.md' },
        ],
      });
      assert.equal(
        out.split('\n').slice(0, 14).join('\n') + '\n',
        '# 3. Third Record\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\n' +
          'Amends [1. First Record](0001-first-record.md)\n\nClarifies [2. Second Record](0002-second-record.md)\n\n## Context\n\n',
      );
    });

    it('substitutes in one pass: a title holding a token is not substituted again', () => {
      const out = renderTemplate('nygard', { ...base, title: 'Use DATE and STATUS fields' });
      assert.match(out, /^# 2\. Use DATE and STATUS fields\n/);
    });

    it('replaces only the first occurrence of a token per line, like sed without /g', () => {
      assert.equal(renderText('TITLE / TITLE\nNUMBER NUMBER\n', base), 'Second Record / TITLE\n2 NUMBER\n');
    });

    it('gives a custom template without a Status section its links in a Links list', () => {
      const out = renderText('# TITLE\n\nText.\n', { ...base, relations: [{ verb: 'Amends', label: '1. A', target: '0001-a.md' }] });
      assert.equal(out, '# Second Record\n\nText.\n\n## Links\n\n* Amends [1. A](0001-a.md)\n');
    });

    it('keeps the init record (adr init) with only the date filled', () => {
      assert.match(renderText(NYGARD_INIT_TEMPLATE, { title: 'x', number: 1, date: '2016-02-12' }), /^# 1\. Record architecture decisions\n\nDate: 2016-02-12\n/);
    });

    it('renders CRLF on request, every line', () => {
      const out = renderTemplate('nygard', { ...base, eol: '\r\n' });
      assert.equal(out.split('\r\n').length, out.split('\n').length);
      assert.ok(!/[^\r]\n/.test(out));
    });

    it('renders a project template from the adr-tools tests (tests/project-specific-template)', () => {
      const tpl = '# TITLE\n\nProject specific template!\n\n# Status\n\nSTATUS\n\n# Info\n\nADR Number: NUMBER\n\nDate: DATE\n';
      assert.equal(
        renderText(tpl, { title: 'Aaa Bbb', number: 2, date: '1992-01-12', status: 'Accepted' }),
        '# Aaa Bbb\n\nProject specific template!\n\n# Status\n\nAccepted\n\n# Info\n\nADR Number: 2\n\nDate: 1992-01-12\n',
      );
    });
  });

  describe('MADR 4', () => {
    it('fills front matter status/date/decision-makers and the title, leaving other placeholders', () => {
      const out = renderTemplate('madr-full', { title: 'Use PostgreSQL', number: 7, date: '2024-05-17', deciders: ['Ann', 'Bob'] });
      assert.ok(out.startsWith(
        '---\n# These are optional metadata elements. Feel free to remove any of them.\nstatus: proposed\ndate: 2024-05-17\n' +
          'decision-makers: Ann, Bob\nconsulted: {list everyone whose opinions',
      ));
      assert.match(out, /\n---\n\n# Use PostgreSQL\n\n## Context and Problem Statement\n/);
      // Every line but the filled ones is the template's.
      const changed = diffLines(MADR_FULL_TEMPLATE, out);
      assert.deepEqual(changed, [2, 3, 4, 9]);
    });

    it('fills the bare templates (empty values)', () => {
      const out = renderTemplate('madr-bare', { title: 'Use X', number: 0, date: '2024-05-17' });
      assert.ok(out.startsWith('---\nstatus: proposed\ndate: 2024-05-17\ndecision-makers: \nconsulted: \ninformed: \n---\n\n# Use X\n'));
      assert.deepEqual(diffLines(MADR_BARE_TEMPLATE, out), [1, 2, 8]);
      assert.equal(renderTemplate('madr-bare-minimal', { title: 'Use X', number: 0, date: '2024-05-17' }), MADR_BARE_MINIMAL_TEMPLATE.replace(/^# .*$/m, '# Use X'));
      assert.equal(renderTemplate('madr-minimal', { title: 'Use X', number: 0, date: '2024-05-17' }), MADR_MINIMAL_TEMPLATE.replace(/^# .*$/m, '# Use X'));
    });

    it('quotes a status that YAML would read differently', () => {
      const out = renderTemplate('madr-bare', { title: 'T', number: 1, date: '2024-05-17', status: 'on hold: waiting' });
      assert.match(out, /^status: "on hold: waiting"$/m);
    });

    it('parses back with the intended metadata', () => {
      for (const kind of ['madr-full', 'madr-minimal', 'madr-bare', 'madr-bare-minimal'] as const) {
        const out = renderTemplate(kind, { title: 'Use PostgreSQL', number: 7, date: '2024-05-17' });
        const r = parseRecord(out, { path: '/r/0007-use-postgresql.md', collectionDialect: 'madr' });
        assert.equal(r.title, 'Use PostgreSQL', kind);
        if (kind === 'madr-full' || kind === 'madr-bare') {
          assert.equal(r.status, 'proposed', kind);
          assert.equal(r.date, '2024-05-17', kind);
        }
      }
    });

    it('puts relation lines in a Links section', () => {
      const out = renderTemplate('madr-bare', {
        title: 'T', number: 5, date: '2024-05-17',
        relations: [{ verb: 'Supersedes', label: 'ADR-0003', target: '0003-x.md' }],
      });
      assert.ok(out.endsWith('## More Information\n\n## Links\n\n* Supersedes [ADR-0003](0003-x.md)\n'), out.slice(-80));
      const r = parseRecord(out, { path: '/r/0005-t.md' });
      assert.deepEqual(r.relations.map((x) => [x.type, x.target]), [['supersedes', '0003-x.md']]);
    });
  });

  describe('MADR 2 and log4brains', () => {
    it('fills the header bullets and drops their placeholders', () => {
      const out = renderTemplate('log4brains', { title: 'Use Lunr', number: null, date: '2020-11-03', deciders: ['Thomas'] });
      assert.ok(out.startsWith('# Use Lunr\n\n- Status: proposed\n- Deciders: Thomas\n- Date: 2020-11-03\n- Tags: [space'), out.slice(0, 200));
      assert.deepEqual(diffLines(LOG4BRAINS_TEMPLATE, out), [0, 2, 3, 4]);
      const m2 = renderTemplate('madr2', { title: 'Use X', number: 3, date: '2020-11-03' });
      assert.ok(m2.startsWith('# Use X\n\n* Status: proposed\n* Deciders: [list everyone involved in the decision] <!-- optional -->\n* Date: 2020-11-03\n'));
    });

    it('replaces the Links placeholders with the relation bullets', () => {
      const out = renderTemplate('log4brains', {
        title: 'Use the ADR slug', number: null, date: '2020-10-16',
        relations: [{ verb: 'Supersedes', label: '20200926-use-the-adr-number', target: '20200926-use-the-adr-number.md' }],
      });
      assert.ok(out.endsWith('## Links <!-- optional -->\n\n- Supersedes [20200926-use-the-adr-number](20200926-use-the-adr-number.md)\n'), out.slice(-120));
      const r = parseRecord(out, { path: '/r/20201016-use-the-adr-slug.md', collectionDialect: 'log4brains' });
      assert.equal(r.dialect, 'log4brains');
      assert.equal(r.status, 'proposed');
      assert.deepEqual(r.relations.map((x) => x.type), ['supersedes']);
    });
  });

  it('every built-in kind renders a record that parses with its title', () => {
    for (const kind of TEMPLATE_KINDS.filter((k): k is Exclude<TemplateKind, 'custom'> => k !== 'custom')) {
      const out = renderTemplate(kind, { title: 'Choose a queue', number: 12, date: '2024-05-17' });
      const r = parseRecord(out, { path: '/r/0012-choose-a-queue.md' });
      assert.equal(r.title, 'Choose a queue', kind);
      assert.ok(!out.includes('short title'), kind);
    }
  });

  it('sniffs the dialect of custom templates', () => {
    assert.equal(sniffTemplate(MADR_FULL_TEMPLATE).dialect, 'madr4');
    assert.equal(sniffTemplate(LOG4BRAINS_TEMPLATE).dialect, 'log4brains');
    assert.equal(sniffTemplate('# T\n\n* Status: [x]\n').dialect, 'madr2');
    assert.equal(sniffTemplate('# NUMBER. TITLE\n\n## Status\n\nSTATUS\n').dialect, 'nygard');
  });

  describe('resolveTemplate', () => {
    const collection = (dialect: Collection['dialect'], extra: Partial<Collection> = {}): Collection => ({
      path: '/repo/doc/adr', dialect, source: 'convention', name: 'doc/adr', padding: 4, naming: 'number', firstNumber: 1, ...extra,
    });

    it("prefers an explicit file, then a kind, then the collection's template, then templates/template.md", async () => {
      const fs = MemoryFileSystem.from({
        '/repo/doc/adr/templates/template.md': '# TITLE\n\nmine\n',
        '/repo/own.md': '# TITLE\n\nown\n',
        '/env.md': '# TITLE\n\nenv\n',
      });
      assert.equal((await resolveTemplate(fs, collection('adr-tools'))).text, '# TITLE\n\nmine\n');
      assert.equal((await resolveTemplate(fs, collection('adr-tools', { templatePath: '/repo/own.md' }))).text, '# TITLE\n\nown\n');
      assert.equal((await resolveTemplate(fs, collection('adr-tools'), { kind: 'madr-bare' })).kind, 'madr-bare');
      assert.equal((await resolveTemplate(fs, collection('adr-tools'), { path: '/env.md', kind: 'madr-bare' })).path, '/env.md');
    });

    it('falls back to the dialect default', async () => {
      const fs = MemoryFileSystem.from({ '/repo/doc/adr/0001-x.md': '# 1. X\n' });
      assert.equal((await resolveTemplate(fs, collection('adr-tools'))).kind, 'nygard');
      assert.equal((await resolveTemplate(fs, collection('madr'))).kind, 'madr-full');
      assert.equal((await resolveTemplate(fs, collection('log4brains'))).kind, 'log4brains');
    });

    (corporaAvailable() ? it : it.skip)("uses a corpus' own template (log4brains docs/adr/template.md, MADR adr-template.md)", async () => {
      const text = readFileSync(join(CORPORA, 'jabref/docs/decisions/adr-template.md'), 'utf8');
      const fs = MemoryFileSystem.from({ '/j/adr-template.md': text });
      const t = await resolveTemplate(fs, { ...collection('madr'), path: '/j' });
      assert.equal(t.kind, 'custom');
      assert.equal(t.dialect, 'madr4');
      const out = renderText(t.text, { title: 'Use X', number: 70, date: '2025-01-01' }, t);
      const r = parseRecord(out, { path: '/j/0070-use-x.md', collectionDialect: 'madr' });
      assert.equal(r.title, 'Use X');
      // JabRef's template comments its status out, so its new records have none (as in the corpus).
      assert.equal(r.statusText, null);
      assert.ok(out.includes('nav_order: 100\n'));
    });
  });
});

/** Zero-based indexes of the lines that differ (same line count expected). */
function diffLines(a: string, b: string): number[] {
  const la = a.split('\n');
  const lb = b.split('\n');
  assert.equal(la.length, lb.length, 'line count changed');
  return la.flatMap((l, i) => (l === lb[i] ? [] : [i]));
}
