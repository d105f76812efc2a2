/**
 * adr-tools' shape told from the text (templates/adrToolsShape.ts) must give exactly what parsing the
 * records and inferring their shape gives (templates/shape.ts), wherever it gives anything: on every
 * run of up to five records of every folder of the corpora and fixtures, and on records written
 * as `adr new` writes them, in several status words. Near misses are left to the parser.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { adrToolsShape, type SiblingText } from '../../src/core/templates/adrToolsShape';
import { inferTemplate } from '../../src/core/templates/shape';
import { parseSiblings } from '../../src/core/templates/siblings';
import { CORPUS_ROOTS, foldersUnder } from '../support/corpusFolders';

const collection = (path: string) => ({ path, dialect: 'adr-tools' as const });
const parsedShape = (texts: readonly SiblingText[], dir: string) => inferTemplate(parseSiblings(texts.map((t) => ({ ...t, bom: false })), collection(dir)));

/** `# N. Title`, Date, the four sections, as adr-tools' template writes them. */
function adrNew(n: number, status: string, body = 'The issue motivating this decision, and any context that influences or constrains the decision.'): string {
  return `# ${n}. Decision ${n}\n\nDate: 2020-01-0${(n % 9) + 1}\n\n## Status\n\n${status}\n\n## Context\n\n${body}\n\n## Decision\n\nThe change that we're proposing or have agreed to implement.\n\n## Consequences\n\nWhat becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.\n`;
}

const texts = (records: readonly string[]): SiblingText[] => records.map((text, i) => ({ path: `/r/doc/adr/${String(100 - i).padStart(4, '0')}-x.md`, text }));

describe('adr-tools shape from the text, as parsing gives it', () => {
  it('on every run of up to five records of every corpus and fixture folder: the same template wherever it gives one', () => {
    let runs = 0;
    let told = 0;
    for (const root of CORPUS_ROOTS) {
      for (const dir of foldersUnder(root)) {
        const files = readdirSync(dir).filter((f) => f.endsWith('.md') && statSync(join(dir, f)).isFile()).sort().reverse();
        const all = files.map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8').replace(/^\uFEFF/, '') }));
        for (let i = 0; i < all.length; i++) {
          const run = all.slice(i, i + 5);
          runs++;
          const quick = adrToolsShape(run);
          if (!quick) continue;
          told++;
          assert.deepEqual(quick, parsedShape(run, dir), `${dir}: ${run.map((r) => r.path).join(', ')}`);
        }
      }
    }
    assert.ok(runs > 300, `${runs} runs`);
    assert.ok(told > 0, 'no corpus run was told from the text');
    process.stdout.write(`      (${told} of ${runs} runs told from the text)\n`);
  });

  for (const [name, statuses] of [
    ['accepted records', ['Accepted', 'Accepted', 'Accepted', 'Accepted', 'Accepted']],
    ['lower-case words', ['accepted', 'proposed', 'accepted', 'rejected']],
    ['a proposal among them (its word is the default)', ['Accepted', 'Proposed', 'Superseded', 'Deprecated', 'Draft']],
    ['another language', ['Aceito', 'Proposto', 'Aceito']],
    ['a collection\'s own words', ['Living', 'Final', 'Withdrawn', 'Stagnant', 'Review']],
    ['one record', ['Accepted']],
    ['a word the vocabulary does not know', ['Ratified', 'Accepted']],
  ] as const) {
    it(`records as adr new writes them, ${name}: the same template`, () => {
      const run = texts(statuses.map((s, i) => adrNew(100 - i, s)));
      const quick = adrToolsShape(run);
      assert.ok(quick, 'told from the text');
      assert.equal(quick.kind, 'nygard');
      assert.deepEqual(quick, parsedShape(run, '/r/doc/adr'));
    });
  }

  it('bodies of lists, numbered lists, links and emphasis are still adr-tools\' shape', () => {
    const body = '* one\n* two [link](0001-x.md)\n\n1. first\n2. *second*, with a comma, and a colon later: here\n\nA paragraph.';
    const run = texts([adrNew(3, 'Accepted', body), adrNew(2, 'Accepted')]);
    const quick = adrToolsShape(run);
    assert.ok(quick);
    assert.deepEqual(quick, parsedShape(run, '/r/doc/adr'));
  });

  for (const [name, text] of [
    ['a fifth section', adrNew(1, 'Accepted').replace('## Consequences', '## Links\n\n* x\n\n## Consequences')],
    ['a Status: label in a body', adrNew(1, 'Accepted', 'Status: Superseded')],
    ['a bullet label in a body', adrNew(1, 'Accepted', '* Supersedes: [ADR 3](0003-x.md)')],
    ['a setext heading in a body', adrNew(1, 'Accepted', 'Title\n=====')],
    ['a thematic break or setext line', adrNew(1, 'Accepted', 'Text\n---')],
    ['a fenced block', adrNew(1, 'Accepted', '```\n# not a heading\n```')],
    ['indented code', adrNew(1, 'Accepted', '    # code')],
    ['a status of two lines', adrNew(1, 'Accepted\n\nSuperseded by [2. X](0002-x.md)')],
    ['a status of several words', adrNew(1, 'Superseded by [2. X](0002-x.md)')],
    ['CRLF line ends', adrNew(1, 'Accepted').replace(/\n/g, '\r\n')],
    ['no newline at the end', adrNew(1, 'Accepted').trimEnd()],
    ['a date adr-tools does not write', adrNew(1, 'Accepted').replace(/Date: [^\n]+/, 'Date: 12/01/2020')],
    ['front matter', `---\nstatus: accepted\n---\n\n${adrNew(1, 'Accepted')}`],
    ['a title without its number', adrNew(1, 'Accepted').replace('# 1. ', '# ')],
    ['a quoted line', adrNew(1, 'Accepted', '> # Quoted heading')],
  ] as const) {
    it(`leaves ${name} to the parser`, () => {
      assert.equal(adrToolsShape(texts([text])), undefined);
      assert.equal(adrToolsShape(texts([adrNew(2, 'Accepted'), text])), undefined, 'one sibling of another shape is enough');
    });
  }

  it('a near miss of a large record is refused quickly (no backtracking blow-up)', () => {
    const body = `${'A line of text.\n\n'.repeat(20_000)}# heading`;
    const started = Date.now();
    assert.equal(adrToolsShape(texts([adrNew(1, 'Accepted', body)])), undefined);
    assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`);
  });
});
