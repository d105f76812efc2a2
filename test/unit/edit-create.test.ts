import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  createRecord, datedFileName, formatNumber, isDateName, isoDate, leadingNumber, nextNumber, numberedFileName, slugify,
} from '../../src/core/edit';
import type { RecordText } from '../../src/core/edit';
import type { Collection, EditPlan } from '../../src/core/model';
import type { FileSystem } from '../../src/core/ports';
import { parseRecord } from '../../src/core/parse/record';
import { applyEdits, decodeText, encodeText } from '../../src/core/text';
import { FixedClock } from '../fakes/fixedClock';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { CORPORA, corporaAvailable } from '../support/corpora';

const DIR = '/repo/doc/adr';
const adrTools: Collection = { path: DIR, dialect: 'adr-tools', source: 'convention', name: 'doc/adr', padding: 4, naming: 'number', firstNumber: 1 };
const madr: Collection = { ...adrTools, path: '/repo/docs/decisions', dialect: 'madr', firstNumber: 0 };
const log4brains: Collection = { ...adrTools, path: '/repo/docs/adr', dialect: 'log4brains', naming: 'date', padding: 0 };
// Noon local time, so the local date is 1992-01-12 in every time zone.
const clock = new FixedClock(new Date(1992, 0, 12, 12, 0, 0));

async function read(fs: FileSystem, path: string, collection = adrTools): Promise<RecordText> {
  const { text, bom } = decodeText(await fs.readFile(path), path);
  return { record: parseRecord(text, { path, collection: collection.path, collectionDialect: collection.dialect, bom }), text };
}

async function applyPlan(fs: FileSystem, plan: EditPlan): Promise<void> {
  for (const f of plan.edits) {
    const { text, bom } = decodeText(await fs.readFile(f.path), f.path);
    await fs.writeFile(f.path, encodeText(applyEdits(text, f.edits), bom));
  }
}

function head(text: string, lines: number): string {
  return text.split('\n').slice(0, lines).join('\n') + '\n';
}

describe('numbering and file names', () => {
  it('reads numbers as decimal: 0008 and 0009 give 0010, never octal', () => {
    assert.equal(leadingNumber('0008-x.md'), 8);
    assert.equal(leadingNumber('0009-x.md'), 9);
    assert.equal(nextNumber(['0008-eighth.md', '0009-ninth.md'], 1), 10);
    assert.equal(formatNumber(nextNumber(['0008-eighth.md', '0009-ninth.md'], 1), 4), '0010');
    assert.equal(nextNumber(['010-x.md', '007-y.md'], 1), 11);
  });

  it('counts every entry with a leading number, as adr-tools does, but not dates or hidden claims', () => {
    assert.equal(nextNumber(['0003-a.md', '0012-diagram.png', 'README.md', 'templates'], 1), 13);
    assert.equal(nextNumber(['20201016-use-slugs.md'], 1), 1);
    assert.ok(isDateName('20201016-use-slugs.md'));
    assert.ok(!isDateName('0007-x.md'));
  });

  it('starts at the collection first number: adr-tools 0001, MADR 0000', () => {
    assert.equal(nextNumber([], 1), 1);
    assert.equal(nextNumber(['README.md', 'adr-template.md'], 0), 0);
    assert.equal(numberedFileName(0, 4, 'Use Markdown Architectural Decision Records'), '0000-use-markdown-architectural-decision-records.md');
  });

  it('slugs titles like adr-tools (tests/funny-characters)', () => {
    assert.equal(slugify('Something About Node.JS'), 'something-about-node-js');
    assert.equal(slugify('Slash/Slash/Slash/'), 'slash-slash-slash');
    assert.equal(slugify('-Bar-'), 'bar');
    assert.equal(slugify('Use PostgreSQL'), 'use-postgresql');
    assert.equal(slugify('Café  à la carte'), 'cafe-a-la-carte');
    assert.equal(slugify('!!!'), 'untitled');
  });

  it('names log4brains records by date, with -2 on collision', () => {
    assert.equal(datedFileName('2020-10-16', 'Use the ADR slug as its unique ID'), '20201016-use-the-adr-slug-as-its-unique-id.md');
    assert.equal(datedFileName('2020-10-16', 'Use Lunr', 2), '20201016-use-lunr-2.md');
  });

  it('formats local dates as ISO', () => {
    assert.equal(isoDate(new Date(2024, 4, 7, 23, 59)), '2024-05-07');
  });

  (corporaAvailable() ? it : it.skip)('pads as the collection pads: cloud-platform 049- gives 050-', () => {
    const names = readdirSync(join(CORPORA, 'cloud-platform/architecture-decision-record'));
    const n = nextNumber(names, 1);
    assert.equal(n, 50);
    assert.equal(numberedFileName(n, 3, 'Use Cluster Autoscaler'), '050-use-cluster-autoscaler.md');
  });
});

describe('createRecord', () => {
  it('writes the first adr-tools record as `adr new` does, creating the folder', async () => {
    const fs = new MemoryFileSystem().seedFolder('/repo');
    const r = await createRecord(fs, clock, adrTools, { title: 'First Record', status: 'Accepted' });
    assert.equal(r.path, `${DIR}/0001-first-record.md`);
    assert.equal(r.number, 1);
    // tests/create-first-record.expected
    assert.equal(
      fs.text(r.path),
      '# 1. First Record\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\n' +
        '## Context\n\nThe issue motivating this decision, and any context that influences or constrains the decision.\n\n' +
        "## Decision\n\nThe change that we're proposing or have agreed to implement.\n\n" +
        '## Consequences\n\nWhat becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.\n',
    );
    assert.deepEqual(r.plan, { edits: [], creates: [] });
  });

  it('numbers after the highest, pads, and honours a date override (ADR_DATE)', async () => {
    const fs = MemoryFileSystem.from({ [`${DIR}/0008-eighth.md`]: '# 8. Eighth\n', [`${DIR}/0009-ninth.md`]: '# 9. Ninth\n' });
    const r = await createRecord(fs, clock, adrTools, { title: 'Tenth Decision', date: '2001-02-03' });
    assert.equal(r.path, `${DIR}/0010-tenth-decision.md`);
    assert.match(r.content, /^# 10\. Tenth Decision\n\nDate: 2001-02-03\n\n## Status\n\nProposed\n/);
  });

  it('starts MADR collections at 0000 with the MADR template', async () => {
    const fs = new MemoryFileSystem().seedFolder(madr.path);
    const r = await createRecord(fs, clock, madr, { title: 'Use Markdown Architectural Decision Records' });
    assert.equal(r.path, `${madr.path}/0000-use-markdown-architectural-decision-records.md`);
    const rec = parseRecord(r.content, { path: r.path, collectionDialect: 'madr' });
    assert.equal(rec.dialect, 'madr4');
    assert.equal(rec.status, 'proposed');
    assert.equal(rec.date, '1992-01-12');
  });

  it('uses the collection template (templates/template.md)', async () => {
    const fs = MemoryFileSystem.from({ [`${DIR}/templates/template.md`]: '# TITLE\n\nADR Number: NUMBER\n\nDate: DATE\n', [`${DIR}/0001-a.md`]: '# 1. A\n' });
    const r = await createRecord(fs, clock, adrTools, { title: 'Aaa Bbb' });
    assert.equal(fs.text(r.path), '# Aaa Bbb\n\nADR Number: 2\n\nDate: 1992-01-12\n');
  });

  it('writes CRLF when asked', async () => {
    const fs = new MemoryFileSystem().seedFolder(DIR);
    const r = await createRecord(fs, clock, adrTools, { title: 'X', eol: '\r\n' });
    assert.ok(fs.text(r.path)!.startsWith('# 1. X\r\n\r\nDate: 1992-01-12\r\n'));
  });

  it('names log4brains records by date and never overwrites one with the same title', async () => {
    const fs = new MemoryFileSystem().seedFolder(log4brains.path);
    const a = await createRecord(fs, clock, log4brains, { title: 'Use Lunr for search' });
    const b = await createRecord(fs, clock, log4brains, { title: 'Use Lunr for search' });
    assert.equal(a.path, `${log4brains.path}/19920112-use-lunr-for-search.md`);
    assert.equal(b.path, `${log4brains.path}/19920112-use-lunr-for-search-2.md`);
    assert.match(fs.text(a.path)!, /^# Use Lunr for search\n\n- Status: proposed\n/);
  });

  it('supersedes like `adr new -s 1` (tests/supercede-existing-adr.expected)', async () => {
    const fs = new MemoryFileSystem().seedFolder('/repo');
    const first = await createRecord(fs, clock, adrTools, { title: 'First Record', status: 'Accepted' });
    const r = await createRecord(fs, clock, adrTools, { title: 'Second Record', status: 'Accepted', supersedes: [await read(fs, first.path)] });
    await applyPlan(fs, r.plan);
    assert.equal(head(fs.text(first.path)!, 10), '# 1. First Record\n\nDate: 1992-01-12\n\n## Status\n\nSuperceded by [2. Second Record](0002-second-record.md)\n\n## Context\n\n');
    assert.equal(head(fs.text(r.path)!, 12), '# 2. Second Record\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\nSupercedes [1. First Record](0001-first-record.md)\n\n## Context\n\n');
    const old = await read(fs, first.path);
    assert.equal(old.record.status, 'superseded');
    assert.deepEqual(old.record.relations.map((x) => [x.type, x.target]), [['superseded-by', '0002-second-record.md']]);
  });

  it('links like `adr new -l "1:Amends:Amended by" -l "2:Clarifies:Clarified by"` (tests/linking-new-records.expected)', async () => {
    const fs = new MemoryFileSystem().seedFolder('/repo');
    const one = await createRecord(fs, clock, adrTools, { title: 'First Record', status: 'Accepted' });
    const two = await createRecord(fs, clock, adrTools, { title: 'Second Record', status: 'Accepted' });
    const r = await createRecord(fs, clock, adrTools, {
      title: 'Third Record', status: 'Accepted',
      links: [
        { target: await read(fs, one.path), verb: 'Amends', reverseVerb: 'Amended by' },
        { target: await read(fs, two.path), verb: 'Clarifies', reverseVerb: 'Clarified by' },
      ],
    });
    await applyPlan(fs, r.plan);
    assert.equal(head(fs.text(one.path)!, 12), '# 1. First Record\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\nAmended by [3. Third Record](0003-third-record.md)\n\n## Context\n\n');
    assert.equal(head(fs.text(two.path)!, 12), '# 2. Second Record\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\nClarified by [3. Third Record](0003-third-record.md)\n\n## Context\n\n');
    assert.equal(head(fs.text(r.path)!, 14), '# 3. Third Record\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\nAmends [1. First Record](0001-first-record.md)\n\nClarifies [2. Second Record](0002-second-record.md)\n\n## Context\n\n');
  });

  it('merges a supersede and a link to the same record into one edit', async () => {
    const fs = new MemoryFileSystem().seedFolder('/repo');
    const one = await createRecord(fs, clock, adrTools, { title: 'First Record', status: 'Accepted' });
    const target = await read(fs, one.path);
    const r = await createRecord(fs, clock, adrTools, {
      title: 'Second', supersedes: [target], links: [{ target, verb: 'Clarifies', reverseVerb: 'Clarified by' }],
    });
    assert.equal(r.plan.edits.length, 1);
    await applyPlan(fs, r.plan);
    const after = await read(fs, one.path);
    assert.equal(after.record.status, 'superseded');
    assert.deepEqual(after.record.relations.map((x) => x.type).sort(), ['clarified-by', 'superseded-by']);
  });

  it('supersedes in log4brains style across dialects', async () => {
    const old = '# Use the ADR number as its unique ID\n\n- Status: accepted\n- Date: 2020-09-26\n\n## Context\n\nText.\n';
    const oldPath = `${log4brains.path}/20200926-use-the-adr-number-as-its-unique-id.md`;
    const fs = MemoryFileSystem.from({ [oldPath]: old });
    const r = await createRecord(fs, clock, log4brains, { title: 'Use the ADR slug as its unique ID', supersedes: [await read(fs, oldPath, log4brains)] });
    await applyPlan(fs, r.plan);
    assert.equal(
      fs.text(oldPath),
      '# Use the ADR number as its unique ID\n\n- Status: superseded by [19920112-use-the-adr-slug-as-its-unique-id](19920112-use-the-adr-slug-as-its-unique-id.md)\n- Date: 2020-09-26\n\n## Context\n\nText.\n',
    );
    // Shaped like its sibling (no template file): its header bullets, its sections, a Links list for the relation.
    assert.match(fs.text(r.path)!, /^# Use the ADR slug as its unique ID\n\n- Status: proposed\n- Date: 1992-01-12\n\n## Context\n\n## Links\n/);
    assert.ok(fs.text(r.path)!.endsWith('## Links\n\n- Supersedes [20200926-use-the-adr-number-as-its-unique-id](20200926-use-the-adr-number-as-its-unique-id.md)\n'));
  });

  describe('concurrency', () => {
    it('two parallel creators get different numbers', async () => {
      const fs = MemoryFileSystem.from({ [`${DIR}/0007-x.md`]: '# 7. X\n' });
      const [a, b] = await Promise.all([
        createRecord(fs, clock, adrTools, { title: 'Use PostgreSQL' }),
        createRecord(fs, clock, adrTools, { title: 'Use MySQL' }),
      ]);
      assert.deepEqual([a.number, b.number].sort(), [8, 9]);
      assertCleanFolder(fs, DIR, [7, 8, 9]);
    });

    it('many creators with random delays: unique, gap-free numbers, no claim left behind', async () => {
      for (let seed = 1; seed <= 40; seed++) {
        const fs = new SlowFileSystem(MemoryFileSystem.from({ [`${DIR}/0001-a.md`]: '# 1. A\n' }), seed);
        const titles = ['B', 'C', 'D', 'E', 'F', 'G', 'B'];
        const results = await Promise.all(titles.map((title) => createRecord(fs, clock, adrTools, { title })));
        assert.deepEqual(results.map((r) => r.number).sort((x, y) => x! - y!), [2, 3, 4, 5, 6, 7, 8], `seed ${seed}`);
        for (const r of results) assert.match(fs.inner.text(r.path)!, new RegExp(`^# ${r.number}\\. `), `seed ${seed}`);
        assertCleanFolder(fs.inner, DIR, [1, 2, 3, 4, 5, 6, 7, 8]);
      }
    });

    it('a tool that takes no lock writing the number between the listing and the claim: the folder is listed again', async () => {
      // A lists the folder under its lock (sees 8 as next); before A claims 8, adr-tools writes 0008.
      const inner = MemoryFileSystem.from({ [`${DIR}/0007-x.md`]: '# 7. X\n' });
      let listings = 0;
      let written = false;
      const fs = new SlowFileSystem(inner, 0, async (op) => {
        if (op === 'readDirectory') listings++;
        // The stat after the numbering listing (the shape's listing is the first): the check before the claim.
        if (op === 'stat' && listings === 2 && !written) {
          written = true;
          await inner.createFile(`${DIR}/0008-theirs.md`, encodeText('# 8. Theirs\n', false));
        }
      });
      const a = await createRecord(fs, clock, adrTools, { title: 'Use PostgreSQL' });
      assert.ok(written, 'the other tool wrote between the listing and the claim');
      assert.equal(a.number, 9);
      assert.match(inner.text(a.path)!, /^# 9\. Use PostgreSQL\n/);
      assertCleanFolder(inner, DIR, [7, 8, 9]);
    });

    it('a record of the same name written between the check and the create: the next number, nothing is overwritten', async () => {
      const inner = MemoryFileSystem.from({ [`${DIR}/0007-x.md`]: '# 7. X\n' });
      let written = false;
      const fs = new SlowFileSystem(inner, 0, async (op) => {
        if (op === 'createFile' && !written) {
          written = true;
          await inner.createFile(`${DIR}/0008-same.md`, encodeText('# 8. Theirs\n', false));
        }
      });
      const a = await createRecord(fs, clock, adrTools, { title: 'Same' });
      assert.equal(a.path, `${DIR}/0009-same.md`);
      assert.match(inner.text(a.path)!, /^# 9\. Same\n/);
      assert.equal(inner.text(`${DIR}/0008-same.md`), '# 8. Theirs\n');
      assertCleanFolder(inner, DIR, [7, 8, 9]);
    });

    it('numbers under the folder lock: a creator waits for the one holding it', async () => {
      const fs = MemoryFileSystem.from({ [`${DIR}/0007-x.md`]: '# 7. X\n' });
      const release = await fs.lock(DIR);
      let done = false;
      const pending = createRecord(fs, clock, adrTools, { title: 'Waits' }).then((r) => ((done = true), r));
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
      assert.equal(done, false, 'created while another held the lock');
      await fs.createFile(`${DIR}/0008-holder.md`, encodeText('# 8. Holder\n', false));
      await release();
      assert.equal((await pending).number, 9);
      assert.deepEqual(fs.lockLog, [`+${DIR}`, `-${DIR}`, `+${DIR}`, `-${DIR}`]);
    });

    it('parallel creators of the same title never overwrite each other', async () => {
      const fs = new SlowFileSystem(new MemoryFileSystem().seedFolder(DIR), 3);
      const results = await Promise.all([1, 2, 3].map(() => createRecord(fs, clock, adrTools, { title: 'Same' })));
      assert.equal(new Set(results.map((r) => r.path)).size, 3);
    });
  });
});

function assertCleanFolder(fs: MemoryFileSystem, dir: string, numbers: number[]): void {
  const names = fs.allFiles().filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1));
  assert.deepEqual(names.filter((n) => n.startsWith('.')), [], 'claims left behind');
  assert.deepEqual(names.map((n) => leadingNumber(n)).sort((a, b) => a! - b!), numbers);
}

/** Delays every operation by a pseudo-random number of ticks, so parallel creators interleave. */
class SlowFileSystem implements FileSystem {
  private state: number;
  constructor(
    readonly inner: MemoryFileSystem,
    seed: number,
    private readonly before: (op: string) => Promise<void> = async () => {},
  ) {
    this.state = seed;
  }
  private async pause(op: string): Promise<void> {
    await this.before(op);
    this.state = (this.state * 1103515245 + 12345) % 2147483648;
    const ticks = (this.state >> 8) % 8;
    for (let i = 0; i < ticks; i++) await new Promise((r) => setImmediate(r));
  }
  async readFile(p: string) { await this.pause('readFile'); return this.inner.readFile(p); }
  async writeFile(p: string, d: Uint8Array) { await this.pause('writeFile'); return this.inner.writeFile(p, d); }
  async createFile(p: string, d: Uint8Array) { await this.pause('createFile'); return this.inner.createFile(p, d); }
  async readDirectory(p: string) { await this.pause('readDirectory'); return this.inner.readDirectory(p); }
  async stat(p: string) { await this.pause('stat'); return this.inner.stat(p); }
  async mkdir(p: string) { await this.pause('mkdir'); return this.inner.mkdir(p); }
  async rename(a: string, b: string) { await this.pause('rename'); return this.inner.rename(a, b); }
  async stageWrite(p: string, d: Uint8Array) { await this.pause('stageWrite'); return this.inner.stageWrite(p, d); }
  async realPath(p: string) { return this.inner.realPath(p); }
  async lock(p: string) { return this.inner.lock(p); }
}

describe('createRecord: numbering under the folder lock, from as few listings as it can', () => {
  /** Counts `readDirectory` calls by folder. */
  function counting(fs: MemoryFileSystem): Map<string, number> {
    const calls = new Map<string, number>();
    const inner = fs.readDirectory.bind(fs);
    fs.readDirectory = async (path: string) => {
      calls.set(path, (calls.get(path) ?? 0) + 1);
      return inner(path);
    };
    return calls;
  }
  const seeded = (): MemoryFileSystem =>
    new MemoryFileSystem().seed({ [`${DIR}/0001-a.md`]: '# 1. A\n', [`${DIR}/0002-b.md`]: '# 2. B\n', [`${DIR}/0003-c.md`]: '# 3. C\n' });

  it('a listing read under the lock the caller holds: numbered from it, the folder not listed again', async () => {
    const fs = seeded();
    const calls = counting(fs);
    const release = await fs.lock(DIR);
    const listedAt = (await fs.stat(DIR))!.mtime;
    const listing = await fs.readDirectory(DIR);
    calls.clear();
    const r = await createRecord(fs, clock, adrTools, { title: 'Fourth', listing, locked: true, listedAt });
    await release();
    assert.equal(r.path, `${DIR}/0004-fourth.md`);
    assert.deepEqual([...calls], []);
    assert.deepEqual(fs.lockLog, [`+${DIR}`, `-${DIR}`], 'no lock of its own');
  });

  it('a listing read under the lock, the folder changed since by a tool that takes no lock: listed again', async () => {
    const fs = seeded();
    const release = await fs.lock(DIR);
    const listedAt = (await fs.stat(DIR))!.mtime;
    const listing = await fs.readDirectory(DIR);
    await fs.createFile(`${DIR}/0004-theirs.md`, encodeText('# 4. Theirs\n', false));
    const calls = counting(fs);
    const r = await createRecord(fs, clock, adrTools, { title: 'Ours', listing, locked: true, listedAt });
    await release();
    assert.equal(r.path, `${DIR}/0005-ours.md`);
    assert.deepEqual([...calls], [[DIR, 1]]);
  });

  it('a listing handed in without the lock: the shape is read from it, the number from a listing under the lock', async () => {
    const fs = seeded();
    const calls = counting(fs);
    const listing = await fs.readDirectory(DIR);
    calls.clear();
    const r = await createRecord(fs, clock, adrTools, { title: 'Fourth', listing });
    assert.equal(r.path, `${DIR}/0004-fourth.md`);
    assert.deepEqual([...calls], [[DIR, 1]]);
    assert.deepEqual(fs.lockLog, [`+${DIR}`, `-${DIR}`]);
  });

  it('without a listing it lists for the template shape and, under the lock, for the number', async () => {
    const fs = seeded();
    const calls = counting(fs);
    await createRecord(fs, clock, adrTools, { title: 'Fourth' });
    assert.deepEqual([...calls], [[DIR, 2]]);
  });

  it('a stale listing never gives a duplicate number: the listing under the lock sees the newer record', async () => {
    const fs = seeded();
    const stale = await fs.readDirectory(DIR);
    // Another tool (no claim) writes 0004 after our listing.
    await fs.writeFile(`${DIR}/0004-theirs.md`, encodeText('# 4. Theirs\n', false));
    const r = await createRecord(fs, clock, adrTools, { title: 'Ours', listing: stale });
    assert.equal(r.number, 5);
    assert.equal(r.path, `${DIR}/0005-ours.md`);
    const numbers = (await fs.readDirectory(DIR)).map(([n]) => n).filter((n) => !n.startsWith('.')).sort();
    assert.deepEqual(numbers, ['0001-a.md', '0002-b.md', '0003-c.md', '0004-theirs.md', '0005-ours.md']);
  });

  it('a stale listing whose number is claimed by another creator moves on to the next', async () => {
    const fs = seeded();
    const stale = await fs.readDirectory(DIR);
    await fs.createFile(`${DIR}/.0004.adr-new`, encodeText('claimed', false));
    const r = await createRecord(fs, clock, adrTools, { title: 'Ours', listing: stale });
    assert.equal(r.number, 5);
  });
});
