/**
 * Dialect descriptors (src/core/dialects): one per convention, with the writing-side facts every
 * writer takes from them, and `init` planned once for the CLI and the extension.
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ADR_TOOLS, DIALECTS, GENERIC, INIT_DIALECTS, LOG4BRAINS, MADR2, MADR4, TEMPLATE_FILE_NAMES, dialectOfCollection, dialectOfRecord,
  dialectOfTemplate, spellingFor,
} from '../../src/core/dialects';
import { InitConfigConflict, planInit, runInit } from '../../src/core/dialects/init';
import { labelFor, verbFor } from '../../src/core/edit/labels';
import { parseRecord } from '../../src/core/parse/record';
import { TEMPLATE_KINDS, templateInfo } from '../../src/core/templates';
import { initPlan } from '../../src/features/authoring/conventions';
import { FixedClock } from '../fakes/fixedClock';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { cli } from '../support/cliHarness';

const clock = new FixedClock('2026-11-24T10:00:00Z');

describe('dialect descriptors', () => {
  it('one descriptor per dialect, each built-in template owned by exactly one', () => {
    assert.deepEqual(DIALECTS.map((d) => d.id), ['adr-tools', 'madr4', 'madr3', 'madr2', 'log4brains', 'generic']);
    for (const kind of TEMPLATE_KINDS.filter((k) => k !== 'custom')) {
      const owners = DIALECTS.filter((d) => d.templates.kinds.includes(kind as never) && d.id !== 'madr3');
      assert.equal(owners.length, 1, `${kind}: ${owners.map((d) => d.id).join(', ')}`);
      assert.equal(templateInfo(kind as never).dialect, dialectOfTemplate(kind as never).records[0]);
    }
    assert.deepEqual(INIT_DIALECTS.map((d) => d.id), ['adr-tools', 'madr4', 'log4brains']);
  });

  it('one file per dialect in src/core/dialects, each exporting one complete descriptor listed in DIALECTS', async () => {
    const dir = join(process.cwd(), 'src', 'core', 'dialects');
    const files = readdirSync(dir).filter((f) => !['index.ts', 'types.ts', 'init.ts'].includes(f));
    assert.equal(files.length, DIALECTS.length);
    for (const d of DIALECTS) {
      for (const key of ['detection', 'fields', 'wording', 'templates', 'layout', 'index'] as const) assert.ok(d[key] !== undefined, `${d.id}.${key}`);
      assert.equal(Object.keys(d.wording.verbs).length, 7, d.id);
      assert.ok(d.templates.fileNames.length > 0 && d.layout.defaultFolder !== '', d.id);
      assert.ok(['status-section', 'links-section'].includes(d.fields.relations), d.id);
    }
  });

  it('maps collection and record dialects to their descriptor; a Nygard record is adr-tools only in adr-tools collections', () => {
    assert.equal(dialectOfCollection('adr-tools'), ADR_TOOLS);
    assert.equal(dialectOfCollection('madr'), MADR4);
    assert.equal(dialectOfCollection('generic'), GENERIC);
    assert.equal(dialectOfRecord('nygard', 'adr-tools'), ADR_TOOLS);
    assert.equal(dialectOfRecord('nygard'), ADR_TOOLS);
    assert.equal(dialectOfRecord('nygard', 'generic'), GENERIC);
    assert.equal(dialectOfRecord('madr2'), MADR2);
    assert.equal(dialectOfRecord('log4brains'), LOG4BRAINS);
  });

  it('"Superceded" only where adr-tools writes it; "Superseded" elsewhere', () => {
    assert.equal(ADR_TOOLS.wording.verbs['superseded-by'], 'Superceded by');
    assert.equal(ADR_TOOLS.wording.verbs.supersedes, 'Supercedes');
    for (const d of DIALECTS.filter((x) => x !== ADR_TOOLS)) {
      assert.ok(!Object.values(d.wording.verbs).some((v) => /supercede/i.test(v)), d.id);
    }
    assert.equal(verbFor('superseded-by', 'nygard', 'adr-tools'), 'Superceded by');
    assert.equal(verbFor('superseded-by', 'nygard', 'standard'), 'Superseded by');
    assert.equal(verbFor('superseded-by', 'madr4'), 'superseded by');
    assert.equal(verbFor('supersedes', 'log4brains', 'adr-tools'), 'Supersedes');
    // adr-tools collections always get adr-tools' spelling; elsewhere what the records say, else the standard one.
    assert.equal(spellingFor(['Superseded by [2. X](0002-x.md)'], 'adr-tools'), 'adr-tools');
    assert.equal(spellingFor(['Superseded by [2. X](0002-x.md)'], undefined, 'nygard'), 'standard');
    assert.equal(spellingFor(['Superceded by [2. X](0002-x.md)'], 'generic'), 'adr-tools');
    assert.equal(spellingFor(['Accepted'], 'adr-tools'), 'adr-tools');
    assert.equal(spellingFor(['Accepted'], 'generic'), 'standard');
    assert.equal(spellingFor(['Accepted'], 'madr', 'madr4'), 'standard');
  });

  it('labels a linked record as each dialect does', () => {
    const subject = { path: '/d/0005-help.md', id: '0005-help', number: 5, numberText: '0005', title: 'Help', heading: '5. Help' };
    assert.equal(labelFor(subject, 'nygard'), '5. Help');
    assert.equal(labelFor(subject, 'madr2'), 'ADR-0005');
    assert.equal(labelFor(subject, 'log4brains'), '0005-help');
  });

  it('keeps the template file names in their lookup order', () => {
    assert.deepEqual(TEMPLATE_FILE_NAMES.slice(0, 3), ['templates/template.md', 'template.md', 'adr-template.md']);
  });
});

describe('init, planned once', () => {
  it('adr-tools: .adr-dir naming the folder as typed, no template file, Nygard record 1', () => {
    const plan = planInit('adr-tools', { root: '/p', folder: 'doc/architecture', declaredFolder: './doc/architecture/' });
    assert.equal(plan.folder, '/p/doc/architecture');
    assert.deepEqual([plan.config?.path, plan.config?.content], ['/p/.adr-dir', './doc/architecture/\n']);
    assert.ok(plan.config!.matches('doc/architecture\n') && !plan.config!.matches('doc/adr\n'));
    assert.equal(plan.template, undefined);
    assert.deepEqual([plan.collection.dialect, plan.collection.firstNumber, plan.collection.padding], ['adr-tools', 1, 4]);
    assert.equal(plan.firstRecord.title, 'record-architecture-decisions');
    assert.equal(planInit('adr-tools', { root: '/p', declare: false }).config, undefined);
  });

  it('MADR 4: docs/decisions from 0000, adr-template.md of the chosen template, no config', () => {
    const plan = planInit(undefined, { root: '/p', template: 'madr-minimal' });
    assert.equal(plan.dialect, MADR4);
    assert.deepEqual([plan.folder, plan.config, plan.collection.firstNumber], ['/p/docs/decisions', undefined, 0]);
    assert.deepEqual([plan.template?.path, plan.template?.content], ['/p/docs/decisions/adr-template.md', templateInfo('madr-minimal').text]);
  });

  it('log4brains: .log4brains.yml with the keys log4brains writes, template.md, date names', () => {
    const plan = planInit('log4brains', { root: '/w/My project', timeZone: 'Europe/Paris' });
    assert.equal(plan.config!.content, '---\nproject:\n  name: My project\n  tz: Europe/Paris\n  adrFolder: ./docs/adr\n');
    assert.equal(planInit('log4brains', { root: '/w/p', projectName: 'a: b' }).config!.content, '---\nproject:\n  name: "a: b"\n  tz: Etc/UTC\n  adrFolder: ./docs/adr\n');
    assert.ok(plan.config!.matches('project:\n  adrFolder: "./docs/adr/"\n') && !plan.config!.matches('project:\n  adrFolder: ./docs/adr2\n'));
    assert.equal(plan.template?.path, '/w/My project/docs/adr/template.md');
    assert.deepEqual([plan.collection.naming, plan.collection.source], ['date', '.log4brains.yml']);
  });

  it('the CLI and the extension write the same .log4brains.yml', async () => {
    const fs = new MemoryFileSystem().seedFolder('/p');
    const r = await cli(fs, '/p', ['init', '--template', 'log4brains'], { ADR_DATE: '1992-01-12' });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.text('/p/.log4brains.yml'), initPlan('log4brains', '/p', 'docs/adr', 'p').config!.content);
  });

  it('runs the plan: files, then the first record; an existing template is kept; a config naming another folder is refused', async () => {
    const fs = new MemoryFileSystem().seedFolder('/p');
    const created = await runInit(fs, clock, planInit('madr4', { root: '/p' }), { date: '2020-02-02' });
    assert.equal(created.path, '/p/docs/decisions/0000-use-markdown-architectural-decision-records.md');
    const record = parseRecord(fs.text(created.path)!, { path: created.path });
    assert.deepEqual([record.status, record.date, record.dialect], ['accepted', '2020-02-02', 'madr4']);

    const fs2 = new MemoryFileSystem().seed({ '/q/docs/adr/template.md': 'MINE\n', '/q/.log4brains.yml': 'project:\n  adrFolder: ./elsewhere\n' });
    await assert.rejects(runInit(fs2, clock, planInit('log4brains', { root: '/q' })), (e: unknown) => e instanceof InitConfigConflict && /already exists and names another folder/.test(e.message));
    assert.equal(fs2.text('/q/.log4brains.yml'), 'project:\n  adrFolder: ./elsewhere\n');
    assert.ok(!fs2.exists('/q/docs/adr/20200202-use-markdown-architectural-decision-records.md') && !fs2.allFiles().some((p) => p.endsWith('.md') && !p.endsWith('template.md')), 'nothing written');
    const fs3 = new MemoryFileSystem().seed({ '/r/.adr-dir': 'doc/other\n' });
    await assert.rejects(runInit(fs3, clock, planInit('adr-tools', { root: '/r' })), InitConfigConflict);
    assert.deepEqual(fs3.allFiles(), ['/r/.adr-dir']);
    assert.equal(await fs3.stat('/r/doc/adr'), undefined, 'no folder made');
    fs2.remove('/q/.log4brains.yml');
    await runInit(fs2, clock, planInit('log4brains', { root: '/q' }), { date: '2020-02-02' });
    assert.equal(fs2.text('/q/docs/adr/template.md'), 'MINE\n');
    assert.ok(fs2.exists('/q/docs/adr/20200202-use-markdown-architectural-decision-records.md'));
  });
});
