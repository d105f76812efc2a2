/**
 * `new`, `init`, `status`, `rename`, `link` beyond adr-tools: MADR and log4brains collections (copies
 * of the corpora in memory), choosing a collection, templates, statuses in each dialect, errors.
 */
import { strict as assert } from 'node:assert';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { CORPORA, corporaAvailable } from '../support/corpora';
import { cli } from '../support/cliHarness';
import { parseRecord } from '../../src/core/parse/record';

const ENV = { ADR_DATE: '1992-01-12' };

(corporaAvailable() ? describe : describe.skip)('CLI authoring on the corpora', () => {
  let fs: MemoryFileSystem;
  beforeEach(() => {
    fs = new MemoryFileSystem().copyFromDisk(CORPORA, '/c');
  });

  it('new in a MADR collection: next number after 0069, from the collection template (adr-template.md)', async () => {
    const r = await cli(fs, '/c/jabref', ['new', 'Use', 'Lucene', 'for', 'search'], ENV);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'docs/decisions/0070-use-lucene-for-search.md\n');
    const text = fs.text('/c/jabref/docs/decisions/0070-use-lucene-for-search.md')!;
    assert.ok(text.startsWith('---\n# Configuration for the Jekyll template "Just the Docs"\n'));
    assert.match(text, /^# Use Lucene for search$/m);
    const madr = await cli(fs, '/c/madr', ['new', 'Use', 'YAML', 'front', 'matter'], ENV);
    assert.equal(madr.stdout, 'docs/decisions/0019-use-yaml-front-matter.md\n', madr.stderr);
    assert.match(fs.text('/c/madr/docs/decisions/0019-use-yaml-front-matter.md')!, /^# Use YAML front matter$/m);
  });

  it('new in a fresh MADR folder starts at 0000; --status and --template override', async () => {
    fs.seedFolder('/p/docs/decisions');
    const r = await cli(fs, '/p', ['new', '--template', 'madr-minimal', '--collection', 'docs/decisions', 'Use', 'MADR'], ENV);
    assert.equal(r.stdout, 'docs/decisions/0000-use-madr.md\n', r.stderr);
    assert.ok(fs.text('/p/docs/decisions/0000-use-madr.md')!.startsWith('# Use MADR\n\n## Context and Problem Statement\n'));
    const s = await cli(fs, '/p', ['new', '--status', 'accepted', '--template', 'madr', 'Second'], ENV);
    assert.equal(s.stdout, 'docs/decisions/0001-second.md\n', s.stderr);
    const path = '/p/docs/decisions/0001-second.md';
    const rec = parseRecord(fs.text(path)!, { path, collectionDialect: 'madr' });
    assert.deepEqual([rec.dialect, rec.title, rec.status, rec.date], ['madr4', 'Second', 'accepted', '1992-01-12']);
  });

  it('several collections: a one-line usage error listing them; --collection or a folder below chooses', async () => {
    const amb = await cli(fs, '/c/log4brains', ['new', 'Use', 'Lunr'], ENV);
    assert.equal(amb.code, 2);
    assert.equal(amb.stderr, 'adr-workbench: new: several collections here (docs/adr, packages/core/docs/adr, packages/web/docs/adr); choose one with --collection PATH\n');
    const chosen = await cli(fs, '/c/log4brains', ['new', '--collection', 'packages/web/docs/adr', 'Use', 'Lunr'], ENV);
    assert.equal(chosen.stdout, 'packages/web/docs/adr/19920112-use-lunr.md\n', chosen.stderr);
    assert.match(fs.text('/c/log4brains/packages/web/docs/adr/19920112-use-lunr.md')!, /^# Use Lunr\n\n- Status: proposed\n/);
    const below = await cli(fs, '/c/log4brains/packages/core', ['new', 'Use', 'Lunr'], ENV);
    assert.equal(below.stdout, 'docs/adr/19920112-use-lunr.md\n', below.stderr);
  });

  it('supersedes by part of a file name, in log4brains style (date-named files)', async () => {
    const r = await cli(fs, '/c/log4brains', ['new', '--collection', 'docs/adr', '-s', 'prettier', 'Use Biome for the code style'], ENV);
    assert.equal(r.stdout, 'docs/adr/19920112-use-biome-for-the-code-style.md\n', r.stderr);
    const old = fs.text('/c/log4brains/docs/adr/20200925-use-prettier-eslint-airbnb-for-the-code-style.md')!;
    assert.match(old, /^- Status: superseded by \[19920112-use-biome-for-the-code-style\]\(19920112-use-biome-for-the-code-style\.md\)$/m);
    assert.match(fs.text('/c/log4brains/docs/adr/19920112-use-biome-for-the-code-style.md')!, /^- Supersedes \[20200925-use-prettier-eslint-airbnb-for-the-code-style\]\(20200925-use-prettier-eslint-airbnb-for-the-code-style\.md\)$/m);
  });

  it('new in an adr-tools-like folder found by its records (cloud-platform): its padding, status Accepted', async () => {
    const r = await cli(fs, '/c/cloud-platform', ['new', 'Use', 'Karpenter'], ENV);
    assert.equal(r.stdout, 'architecture-decision-record/050-use-karpenter.md\n', r.stderr);
    assert.match(fs.text('/c/cloud-platform/architecture-decision-record/050-use-karpenter.md')!, /^# 50\. Use Karpenter\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n/);
  });

  it('ADR_TEMPLATE names a template file (relative to the working folder)', async () => {
    fs.seed({ '/c/adr-tools/my-template.md': '# NUMBER. TITLE\n\nOn DATE: STATUS.\n' });
    const r = await cli(fs, '/c/adr-tools', ['new', 'Tenth'], { ...ENV, ADR_TEMPLATE: 'my-template.md' });
    assert.equal(r.stdout, 'doc/adr/0010-tenth.md\n', r.stderr);
    assert.equal(fs.text('/c/adr-tools/doc/adr/0010-tenth.md'), '# 10. Tenth\n\nOn 1992-01-12: Accepted.\n');
    const missing = await cli(fs, '/c/adr-tools', ['new', 'Eleventh'], { ...ENV, ADR_TEMPLATE: 'nope.md' });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'adr-workbench: /c/adr-tools/nope.md: no such file or folder\n');
  });

  it('status writes each dialect its own way and prints the path', async () => {
    const nygard = await cli(fs, '/c/adr-tools', ['status', '3', 'deprecated']);
    assert.equal(nygard.stdout, 'doc/adr/0003-single-command-with-subcommands.md\n', nygard.stderr);
    assert.match(fs.text('/c/adr-tools/doc/adr/0003-single-command-with-subcommands.md')!, /## Status\n\nDeprecated\n\n## Context/);
    const emoji = await cli(fs, '/c/cloud-platform', ['status', '49', 'Rejected']);
    assert.equal(emoji.code, 0, emoji.stderr);
    assert.match(fs.text('/c/cloud-platform/architecture-decision-record/049-use-cluster-accounts-for-resources.md')!, /## Status\n\nRejected\n\n## Context/);
    const madrNoStatus = await cli(fs, '/c/jabref', ['status', '69', 'Accepted']);
    assert.equal(madrNoStatus.stdout, 'docs/decisions/0069-preferences-search-registration-vs-scene-graph-scan.md\n');
    assert.ok(fs.text('/c/jabref/docs/decisions/0069-preferences-search-registration-vs-scene-graph-scan.md')!.startsWith('---\nnav_order: 69\nparent: Decision Records\nstatus: accepted\n---\n'));
    const bullet = await cli(fs, '/c/log4brains/docs/adr', ['status', 'monorepo', 'deprecated']);
    assert.equal(bullet.code, 0, bullet.stderr);
    assert.match(fs.text('/c/log4brains/docs/adr/20200925-multi-packages-architecture-in-a-monorepo-with-yarn-and-lerna.md')!, /^- Status: deprecated$/m);
    const custom = await cli(fs, '/c/adr-tools', ['status', '3', 'on', 'hold']);
    assert.equal(custom.code, 0);
    assert.match(fs.text('/c/adr-tools/doc/adr/0003-single-command-with-subcommands.md')!, /## Status\n\non hold\n\n## Context/);
  });

  it('rename retitles, renames the file and fixes the links to it', async () => {
    const r = await cli(fs, '/c/adr-tools', ['rename', '5', 'Help', 'texts']);
    assert.equal(r.stdout, 'doc/adr/0005-help-texts.md\n', r.stderr);
    assert.equal(fs.text('/c/adr-tools/doc/adr/0005-help-comments.md'), undefined);
    assert.match(fs.text('/c/adr-tools/doc/adr/0005-help-texts.md')!, /^# 5\. Help texts\n/);
    assert.match(fs.text('/c/adr-tools/doc/adr/0009-help-scripts.md')!, /^Amends \[5\. Help texts\]\(0005-help-texts\.md\)$/m);
    const clash = await cli(fs, '/c/adr-tools', ['rename', '4', 'Help', 'texts']);
    assert.equal(clash.stdout, 'doc/adr/0004-help-texts.md\n');
    fs.seed({ '/c/adr-tools/doc/adr/0008-taken.md': '# 8. Taken\n' });
    const taken = await cli(fs, '/c/adr-tools', ['rename', 'iso-8601', 'Taken']);
    assert.equal(taken.code, 2);
    assert.equal(taken.stderr, 'adr-workbench: /c/adr-tools/doc/adr/0008-taken.md: already exists\n');
    assert.match(fs.text('/c/adr-tools/doc/adr/0008-use-iso-8601-format-for-dates.md')!, /^# 8\. Use ISO 8601 Format for Dates\n/);
  });

  it('link writes both ends in the records own dialect and prints nothing', async () => {
    const r = await cli(fs, '/c/jabref', ['link', '70', 'Amends', '69', 'Amended by']);
    assert.equal(r.code, 2); // no record 70
    const ok = await cli(fs, '/c/jabref', ['link', '68', 'Relates to', '69', 'Relates to']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stdout, '');
    assert.match(fs.text('/c/jabref/docs/decisions/0068-use-a-preference-for-Zotero-compatibility-mode.md')!, /\* Relates to \[ADR-0069\]\(0069-preferences-search-registration-vs-scene-graph-scan\.md\)\n$/);
    assert.match(fs.text('/c/jabref/docs/decisions/0069-preferences-search-registration-vs-scene-graph-scan.md')!, /\* Relates to \[ADR-0068\]\(0068-use-a-preference-for-Zotero-compatibility-mode\.md\)\n$/);
  });
});

describe('CLI init beyond adr-tools', () => {
  it('init --template madr: docs/decisions, the template beside the records, record 0000 accepted', async () => {
    const fs = new MemoryFileSystem().seedFolder('/p');
    const r = await cli(fs, '/p', ['init', '--template', 'madr'], ENV);
    assert.equal(r.stdout, 'docs/decisions/0000-use-markdown-architectural-decision-records.md\n', r.stderr);
    assert.deepEqual(fs.allFiles(), ['/p/docs/decisions/0000-use-markdown-architectural-decision-records.md', '/p/docs/decisions/adr-template.md']);
    const text = fs.text('/p/docs/decisions/0000-use-markdown-architectural-decision-records.md')!;
    assert.ok(text.startsWith('---\nstatus: accepted\ndate: 1992-01-12\n---\n\n# Use Markdown Architectural Decision Records\n\n## Context and Problem Statement\n'));
    const lint = await cli(fs, '/p', ['lint']);
    assert.equal(lint.code, 0, lint.stdout);
    const next = await cli(fs, '/p', ['new', 'Use', 'PostgreSQL'], ENV);
    assert.equal(next.stdout, 'docs/decisions/0001-use-postgresql.md\n');
    assert.match(fs.text('/p/docs/decisions/0001-use-postgresql.md')!, /^status: proposed$/m);
  });

  it('init --template log4brains: .log4brains.yml, template.md and a date-named first record', async () => {
    const fs = new MemoryFileSystem().seedFolder('/p');
    const r = await cli(fs, '/p', ['init', '--template', 'log4brains'], ENV);
    assert.equal(r.stdout, 'docs/adr/19920112-use-markdown-architectural-decision-records.md\n', r.stderr);
    assert.match(fs.text('/p/.log4brains.yml')!, /^---\nproject:\n {2}name: p\n {2}tz: .+\n {2}adrFolder: \.\/docs\/adr\n$/);
    assert.ok(fs.exists('/p/docs/adr/template.md'));
    assert.match(fs.text('/p/docs/adr/19920112-use-markdown-architectural-decision-records.md')!, /^# Use Markdown Architectural Decision Records\n\n- Status: accepted\n- Date: 1992-01-12\n/);
    const cols = JSON.parse((await cli(fs, '/p', ['collections', '--json'])).stdout) as { path: string; dialect: string; source: string }[];
    assert.deepEqual(cols.map((c) => [c.path, c.dialect, c.source]), [['docs/adr', 'log4brains', '.log4brains.yml']]);
  });

  it('init DIR keeps an existing .adr-dir naming the same folder, and refuses one naming another', async () => {
    const fs = new MemoryFileSystem().seedFolder('/p');
    assert.equal((await cli(fs, '/p', ['init', 'decisions'], ENV)).stdout, 'decisions/0001-record-architecture-decisions.md\n');
    assert.equal(fs.text('/p/.adr-dir'), 'decisions\n');
    assert.equal((await cli(fs, '/p', ['init', 'decisions'], ENV)).stdout, 'decisions/0002-record-architecture-decisions.md\n');
    const other = await cli(fs, '/p', ['init', 'elsewhere'], ENV);
    assert.equal(other.code, 2);
    assert.equal(other.stderr, 'adr-workbench: .adr-dir: already names "decisions" as the ADR folder; remove it to use "elsewhere"\n');
  });

  it('an explicit --template nygard on an adr-tools collection still writes Accepted; another template its own status', async () => {
    const fs = new MemoryFileSystem().seedFolder('/p');
    await cli(fs, '/p', ['new', '--template', 'nygard', 'First'], ENV);
    assert.match(fs.text('/p/doc/adr/0001-first.md')!, /## Status\n\nAccepted\n/);
    await cli(fs, '/p', ['new', '--template', 'log4brains', 'Second'], ENV);
    assert.match(fs.text('/p/doc/adr/0002-second.md')!, /^- Status: proposed$/m);
  });

  it('init opens no editor (adr-tools runs it with VISUAL=true); new does', async () => {
    const fs = new MemoryFileSystem().seedFolder('/p');
    const init = await cli(fs, '/p', ['init'], { ...ENV, VISUAL: 'vi' });
    assert.deepEqual(init.editorCalls, []);
    const created = await cli(fs, '/p', ['new', 'Second'], { ...ENV, EDITOR: 'nano' });
    assert.deepEqual(created.editorCalls, ['nano doc/adr/0002-second.md']);
  });

  it('usage errors: unknown template, bad -l, unknown -s, stray option', async () => {
    const fs = new MemoryFileSystem().seedFolder('/p');
    await cli(fs, '/p', ['new', 'First'], ENV);
    for (const [argv, message] of [
      [['new', '--template', 'fancy', 'X'], 'adr-workbench: new: unknown template "fancy" (one of nygard, madr-full, madr-minimal, madr-bare, madr-bare-minimal, madr2, log4brains, or madr for madr-full)\n'],
      [['new', '-l', '1:Amends', 'X'], 'adr-workbench: new: -l takes TARGET:LINK:REVERSE-LINK, e.g. "5:Amends:Amended by", not "1:Amends"\n'],
      [['new', '-s', '42', 'X'], 'adr-workbench: no decision record matches "42"\n'],
      [['new', '-x', 'X'], "adr-workbench: new: Unknown option '-x'\n"],
      [['init', 'a', 'b'], 'adr-workbench: init: usage: init [--template KIND] [DIR]\n'],
      [['link', '1', 'Amends'], 'adr-workbench: link: usage: link SOURCE LINK TARGET REVERSE-LINK (e.g. link 12 Amends 10 "Amended by")\n'],
      [['status', '1'], 'adr-workbench: status: usage: status REF STATUS (e.g. status 7 accepted)\n'],
    ] as const) {
      const r = await cli(fs, '/p', [...argv], ENV);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.stderr, message);
    }
    assert.deepEqual(fs.allFiles(), ['/p/doc/adr/0001-first.md']);
  });

  it('title words after the first are never options, as with getopts (adr new Use -O2)', async () => {
    const fs = new MemoryFileSystem().seedFolder('/p');
    const r = await cli(fs, '/p', ['new', 'Build', 'with', '-O2', '--status', 'Proposed'], ENV);
    assert.equal(r.stdout, 'doc/adr/0001-build-with-o2.md\n', r.stderr);
    assert.match(fs.text('/p/doc/adr/0001-build-with-o2.md')!, /^# 1\. Build with -O2\n\nDate: 1992-01-12\n\n## Status\n\nProposed\n/);
  });
});
