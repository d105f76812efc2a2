/**
 * New records look like their siblings (templates/shape.ts): without a template file, `new` copies
 * the shape of the collection's newest records — front matter keys, heading style, metadata lines,
 * sections in the collection's language, its status words — and honours adrs.toml's templates.
 */
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Collection } from '../../src/core/model';
import { parseRecord } from '../../src/core/parse/record';
import { inferTemplate, inTemplateWords, statusWordFor } from '../../src/core/templates/shape';
import { newestSiblings } from '../../src/core/templates/siblings';
import { renderText, resolveTemplate } from '../../src/core/templates';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { cli } from '../support/cliHarness';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'writing');
const WILD = join(process.cwd(), '..', 'shared', 'corpora-wild');
const CORPORA = join(process.cwd(), '..', 'shared', 'corpora');
const ENV = { ADR_DATE: '2026-11-24' };

async function newIn(fixture: string, args: string[]): Promise<{ path: string; text: string }> {
  const fs = new MemoryFileSystem().copyFromDisk(join(FIXTURES, fixture), '/p');
  const r = await cli(fs, '/p', ['new', ...args], ENV);
  assert.equal(r.code, 0, r.stderr);
  const path = `/p/${r.stdout.trim()}`;
  return { path, text: fs.text(path)! };
}

function collectionAt(path: string, dialect: Collection['dialect'] = 'generic'): Collection {
  return { path, dialect, source: 'convention', name: path, padding: 4, naming: 'number', firstNumber: 1 };
}

async function shapeOf(root: string, folder: string, dialect: Collection['dialect'] = 'generic'): Promise<string> {
  const fs = new MemoryFileSystem().copyFromDisk(root, '/c');
  const t = await resolveTemplate(fs, collectionAt(`/c/${folder}`, dialect));
  return renderText(t.text, { title: 'Use a new thing', number: 42, date: '2026-11-24', status: t.defaultStatus }, t);
}

describe('new records look like their siblings', () => {
  describe('fixtures, through the CLI', () => {
    it('Portuguese Nygard: `# N. Título`, `Data:`, the Status section and the sections in Portuguese', async () => {
      const { text } = await newIn('pt-nygard', ['Usar Kafka']);
      assert.equal(text, '# 3. Usar Kafka\n\nData: 2026-11-24\n\n## Status\n\nAccepted\n\n## Contexto\n\n## Decisão\n\n## Consequências\n');
    });

    it('MADR 2 bullets: the header bullets in order, values replaced, the shared sections', async () => {
      const { text } = await newIn('madr2-bullets', ['Use Redis']);
      assert.equal(
        text,
        '# Use Redis\n\n* Status: proposed\n* Deciders:\n* Date: 2026-11-24\n\nTechnical Story:\n\n' +
          '## Context and Problem Statement\n\n## Considered Options\n\n## Decision Outcome\n\n## Links\n',
      );
    });

    it('a metadata table: header row kept, status and date cells filled, other cells empty', async () => {
      const { text } = await newIn('table-status', ['--collection', 'decisions', 'Use Tokio']);
      assert.equal(
        text,
        '# Use Tokio\n\n| Field | Value |\n|---|---|\n| Status | Proposed |\n| Date | 2026-11-24 |\n| Owner |  |\n\n## Context\n\n## Decision\n',
      );
    });

    it('bold labels', async () => {
      const { text } = await newIn('bold-labels', ['--collection', 'adr', 'Use Protobuf']);
      assert.equal(text, '# Use Protobuf\n\n**Status:** Proposed\n**Date:** 2026-11-24\n\n## Context\n\n## Decision\n\n## Consequences\n');
      assert.equal(parseRecord(text, { path: '/x/0003-use-protobuf.md' }).status, 'proposed');
    });

    it('`# ADR-NNNN Title` headings keep their prefix and padding', async () => {
      const { text, path } = await newIn('adr-id-heading', ['Use Pekko']);
      const n = parseRecord(text, { path }).number!;
      assert.match(text, new RegExp(`^# ADR-${String(n).padStart(4, '0')} Use Pekko\\n\\nDate: 2026-11-24\\n\\n## Status\\n\\nAccepted\\n\\n## Context\\n`));
    });

    it('adrs "ng" front matter: number, title, status, date, tags, links (title quoted when YAML needs it)', async () => {
      const { text, path } = await newIn('adrs-ng', ['Use: Nix']);
      assert.equal(
        text,
        '---\nnumber: 3\ntitle: "Use: Nix"\nstatus: proposed\ndate: 2026-11-24\ntags: []\nlinks: []\n---\n\n' +
          '# Use: Nix\n\n## Context and Problem Statement\n\n## Decision Outcome\n',
      );
      const r = parseRecord(text, { path });
      assert.deepEqual([r.title, r.status, r.date], ['Use: Nix', 'proposed', '2026-11-24']);
    });

    it("adrs.toml's [templates] format/variant wins over the siblings (nygard bare)", async () => {
      const { text } = await newIn('adrs-bare', ['Keep it small']);
      assert.equal(text, '# 2. Keep it small\n\nDate: 2026-11-24\n\n## Status\n\nAccepted\n\n## Context\n\n\n\n## Decision\n\n\n\n## Consequences\n\n');
    });

    it("the collection's status words: `--status accepted` writes its \"Approved\"; adr-tools' shape keeps adr-tools' template", async () => {
      const { text } = await newIn('vocabulary', ['--status', 'accepted', 'Use Nix']);
      assert.match(text, /^# 4\. Use Nix\n\nDate: 2026-11-24\n\n## Status\n\nApproved\n\n## Context\n\nThe issue motivating this decision/);
    });

    it('a template file still wins over the shape', async () => {
      const fs = new MemoryFileSystem().copyFromDisk(join(FIXTURES, 'pt-nygard'), '/p');
      fs.seed({ '/p/docs/adr/templates/template.md': '# NUMBER. TITLE\n\nModelo próprio: STATUS\n' });
      const r = await cli(fs, '/p', ['new', 'Usar Redis'], ENV);
      assert.equal(fs.text(`/p/${r.stdout.trim()}`), '# 3. Usar Redis\n\nModelo próprio: Accepted\n');
    });
  });

  describe('the real collections', () => {
    it('adr-tools and cloud-platform (adr-tools shape): the built-in adr-tools template, unchanged', async () => {
      for (const [root, folder] of [['adr-tools', 'doc/adr'], ['cloud-platform', 'architecture-decision-record']] as const) {
        const fs = new MemoryFileSystem().copyFromDisk(join(CORPORA, root), '/c');
        const t = await resolveTemplate(fs, collectionAt(`/c/${folder}`, 'adr-tools'));
        assert.equal(t.kind, 'nygard', root);
      }
    });

    it('scielo-kernel (Portuguese): `Data:` and `## Contexto`, never the built-in MADR 4 or English sections', async () => {
      const out = await shapeOf(join(WILD, 'scielo-kernel'), 'docs/adr');
      assert.equal(out, '# 42. Use a new thing\n\nData: 2026-11-24\n\n## Status\n\nProposed\n\n## Contexto\n\n## Decisão\n\n## Consequências\n');
    });

    it('dsp-api: `# ADR-NNNN Title` as most of its records write it, a Status section', async () => {
      const out = await shapeOf(join(WILD, 'dsp-api'), 'docs/05-internals/design/adr', 'adr-tools');
      assert.equal(out, '# ADR-0042 Use a new thing\n\nDate: 2026-11-24\n\n## Status\n\nProposed\n\n## Context\n\n## Decision\n\n## Consequences\n');
    });

    it('zero-logement-vacant (French MADR): `statut:` / `date:` / `décideurs:` front matter and French sections', async () => {
      const out = await shapeOf(join(WILD, 'zero-logement-vacant'), 'docs/decisions', 'madr');
      assert.match(out, /^---\nstatut: \S+\ndate: 2026-11-24\ndécideurs:( \[\])?\n---\n\n# Use a new thing\n\n## Contexte et problématique\n/);
      assert.match(out, /\n## Options envisagées\n/);
      assert.doesNotMatch(out, /Context and Problem Statement|Ce sont des éléments/);
    });

    it('looms (adrs ng): its front matter keys in order and its MADR-style body', async () => {
      const out = await shapeOf(join(WILD, 'looms'), 'docs/src/adrs', 'madr');
      assert.match(out, /^---\nnumber: 42\ntitle: Use a new thing\nstatus: proposed\ndate: 2026-11-24\ntags: \[\]\n(?:deciders: \[\]\n)?(?:links: \[\]\n)?---\n\n# Use a new thing\n\n## Context and Problem Statement\n/);
    });

    it('agentv: adrs.toml names nygard/bare', async () => {
      const out = await shapeOf(join(WILD, 'agentv'), 'docs/adr', 'adr-tools');
      assert.equal(out, '# 42. Use a new thing\n\nDate: 2026-11-24\n\n## Status\n\nProposed\n\n## Context\n\n\n\n## Decision\n\n\n\n## Consequences\n\n');
    });

    it('reads one directory listing and at most five records, whatever the size', async () => {
      const fs = new MemoryFileSystem();
      for (let i = 1; i <= 300; i++) fs.seed({ [`/big/${String(i).padStart(4, '0')}-r.md`]: `# ${i}. R\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n` });
      let reads = 0;
      const original = fs.readFile.bind(fs);
      fs.readFile = async (p: string) => {
        reads++;
        return original(p);
      };
      const siblings = await newestSiblings(fs, collectionAt('/big'));
      assert.deepEqual(siblings.map((s) => s.record.number), [300, 299, 298, 297, 296]);
      assert.equal(reads, 5);
    });
  });

  describe('inferTemplate', () => {
    const rt = (path: string, text: string) => ({ record: parseRecord(text, { path }), text });

    it('nothing to copy: no siblings, or siblings with only a title', () => {
      assert.equal(inferTemplate([]), undefined);
      assert.equal(inferTemplate([rt('/d/0001-a.md', '# 1. A\n')]), undefined);
    });

    it('keeps the sections most siblings share; one-off sections and sub-sections go', () => {
      const a = rt('/d/0003-c.md', '# 3. C\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Background\n\nx\n\n## Decision\n\ny\n\n### Option A\n\nz\n');
      const b = rt('/d/0002-b.md', '# 2. B\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Background\n\nx\n\n## Decision\n\ny\n');
      const c = rt('/d/0001-a.md', '# 1. A\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Background\n\nx\n\n## Decision\n\ny\n\n## Notes\n\nn\n');
      const t = inferTemplate([a, b, c])!;
      assert.equal(t.text, '# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n\n## Background\n\n## Decision\n');
      assert.equal(t.relations, 'status-section');
      assert.deepEqual(t.inferredFrom, ['/d/0003-c.md', '/d/0002-b.md', '/d/0001-a.md']);
    });

    it('the status words of the siblings', () => {
      const s = [rt('/d/0001-a.md', '# 1. A\n\n## Status\n\nApproved\n'), rt('/d/0002-b.md', '# 2. B\n\n## Status\n\nApproved\n'), rt('/d/0003-c.md', '# 3. C\n\n## Status\n\nAccepted (lazy consensus)\n')];
      assert.equal(statusWordFor(s, 'accepted'), 'Approved');
      assert.equal(statusWordFor(s, 'rejected'), undefined);
      const t = inferTemplate(s)!;
      assert.equal(inTemplateWords(t, 'Accepted'), 'Approved');
      assert.equal(inTemplateWords(t, 'on hold'), 'on hold');
    });
  });
});

// The corpora are part of the checkout's environment (../shared); fail loudly when they are missing.
assert.ok(existsSync(WILD) && existsSync(CORPORA), `corpora missing: ${WILD}, ${CORPORA}`);
