/** The pure helpers behind the editor commands (no vscode): positions, flows, arguments, search, conventions. */
import { strict as assert } from 'node:assert';
import type { AdrRecord, Collection } from '../../src/core/model';
import { parseRecord } from '../../src/core/parse/record';
import { renderTemplate } from '../../src/core/templates';
import { lineEdits, planPositions, positionsOf } from '../../src/host/planPositions';
import { runFlow } from '../../src/host/flow';
import { answered, BACK, Cancelled, type Answer, type Step } from '../../src/host/prompter';
import { argsOf, isGroupNode, isRecordNode, refText } from '../../src/host/targets';
import { firstBodySpan, STATUS_CHOICES, statusForTemplate } from '../../src/features/authoring/authoring';
import { matchIn, searchTexts } from '../../src/features/authoring/search';
import { checkFolder, initPlan } from '../../src/features/authoring/conventions';

const rec = (path: string, text: string): AdrRecord => parseRecord(text, { path, mode: 'full' });

describe('command helpers', () => {
  describe('plan positions', () => {
    it('maps offsets to lines and UTF-16 columns, CRLF included', () => {
      const text = 'a\r\nbé😀c\nlast';
      const at = positionsOf(text);
      assert.deepEqual(at(0), { line: 0, character: 0 });
      assert.deepEqual(at(3), { line: 1, character: 0 });
      assert.deepEqual(at(text.indexOf('c')), { line: 1, character: 4 });
      assert.deepEqual(at(text.length), { line: 2, character: 4 });
    });

    it('sorts edits, refuses ones outside the text and files not read', () => {
      const edits = lineEdits(10, [{ start: 5, end: 6, newText: 'x' }, { start: 0, end: 0, newText: 'y' }], (o) => ({ line: 0, character: o }));
      assert.deepEqual(edits.map((e) => e.newText), ['y', 'x']);
      assert.throws(() => lineEdits(3, [{ start: 2, end: 4, newText: '' }], (o) => ({ line: 0, character: o })));
      const plan = { edits: [{ path: '/a.md', edits: [{ start: 0, end: 1, newText: 'Z' }] }, { path: '/b.md', edits: [] }], creates: [] };
      assert.deepEqual([...planPositions(plan, (p) => (p === '/a.md' ? { text: 'abc' } : undefined))], [
        ['/a.md', [{ start: { line: 0, character: 0 }, end: { line: 0, character: 1 }, newText: 'Z' }]],
      ]);
      assert.throws(() => planPositions({ edits: [{ path: '/c.md', edits: [{ start: 0, end: 0, newText: '' }] }], creates: [] }, () => undefined), /not read/);
    });
  });

  describe('multi-step flow', () => {
    type S = { a?: string; b?: string; c?: string };

    it('numbers the steps asked, goes back keeping the answers, and skips steps that do not apply', async () => {
      const answers: Answer<string>[] = ['A', BACK, 'A2', 'B2', 'C'];
      const seen: string[] = [];
      const ask = (key: keyof S) => async (s: S, step: Step): Promise<Answer<S>> => {
        // What the step sees as its default: its earlier answer, when the user came back to it.
        seen.push(`${key} ${step.index}/${step.total} ${s[key] ?? '-'}`);
        const a = answers.shift();
        return a === undefined || a === BACK ? a : { ...s, [key]: a };
      };
      const result = await runFlow<S>([
        { ask: ask('a') },
        { ask: ask('b') },
        { when: () => false, ask: ask('c') },
        { when: (s) => s.b === 'B2', ask: ask('c') },
      ], {});
      assert.deepEqual(result, { a: 'A2', b: 'B2', c: 'C' });
      assert.deepEqual(seen, ['a 1/2 -', 'b 2/2 -', 'a 1/2 A', 'b 2/2 -', 'c 3/3 -']);
    });

    it('rejects with Cancelled when a question is dismissed', async () => {
      await assert.rejects(runFlow<S>([{ ask: async () => undefined }], {}), Cancelled);
      assert.throws(() => answered(undefined), Cancelled);
      assert.throws(() => answered(BACK), Cancelled);
      assert.equal(answered('x'), 'x');
    });
  });

  describe('arguments', () => {
    const record = rec('/w/doc/adr/0002-x.md', '# 2. X\n');
    const collection = { path: '/w/doc/adr' } as Collection;

    it('reads tree nodes, URIs, paths and argument objects', () => {
      const uri = { scheme: 'file', fsPath: '/w/doc/adr/0003-y.md' };
      assert.deepEqual(argsOf<{ record: unknown }>(uri, 'record'), { record: uri });
      assert.deepEqual(argsOf<{ record: unknown }>('7', 'record'), { record: '7' });
      const node = { kind: 'record', record };
      assert.ok(isRecordNode(node));
      assert.deepEqual(argsOf<{ record: unknown }>(node, 'record'), { record: node });
      assert.deepEqual(argsOf<{ collection: unknown }>({ kind: 'group', key: 'accepted' }, 'collection'), {}, 'a status group names nothing');
      assert.ok(isGroupNode({ kind: 'group', collection }));
      assert.deepEqual(argsOf<{ title: string }>({ title: 'T' }, 'title'), { title: 'T' });
      assert.deepEqual(argsOf(undefined, 'x' as never), {});
      assert.equal(refText(uri), '/w/doc/adr/0003-y.md');
      assert.equal(refText(node), record.path);
      assert.equal(refText(record), record.path);
    });
  });

  describe('authoring choices', () => {
    it('writes known statuses in the template\'s case and others as typed', () => {
      assert.deepEqual(STATUS_CHOICES, ['Proposed', 'Accepted', 'Rejected', 'Deprecated', 'Superseded', 'Draft']);
      assert.equal(statusForTemplate('Accepted', 'proposed'), 'accepted');
      assert.equal(statusForTemplate('accepted', 'Proposed'), 'Accepted');
      assert.equal(statusForTemplate(' Accepted with reservations ', 'proposed'), 'Accepted with reservations');
    });

    it('puts the cursor on the first line of the first prose section', () => {
      const nygard = renderTemplate('nygard', { title: 'T', number: 3, date: '2026-01-01' });
      const span = firstBodySpan(rec('/d/0003-t.md', nygard), nygard);
      assert.match(nygard.slice(span.start, span.end), /^The issue motivating this decision.*decision\.$/);
      const madr = renderTemplate('madr-full', { title: 'T', number: 3, date: '2026-01-01' });
      const m = firstBodySpan(rec('/d/0003-t.md', madr), madr);
      assert.match(madr.slice(m.start, m.end), /^\{Describe the context and problem statement/);
      const bare = '# Only a title\n';
      assert.deepEqual(firstBodySpan(rec('/d/x.md', bare), bare), { start: 14, end: 14 });
    });
  });

  describe('text search', () => {
    it('finds the first matching line, ignoring case, with a snippet', () => {
      assert.deepEqual(matchIn('one\ntwo Words here\nthree', 'words'), { line: 1, snippet: 'two Words here' });
      assert.equal(matchIn('abc', 'x'), undefined);
      const long = `${'x'.repeat(200)} needle ${'y'.repeat(200)}`;
      const m = matchIn(long, 'needle')!;
      assert.ok(m.snippet.startsWith('…') && m.snippet.endsWith('…') && m.snippet.includes('needle') && m.snippet.length <= 92, m.snippet);
    });

    it('reads lazily, stops at the limit and when cancelled', async () => {
      const records = [1, 2, 3, 4, 5].map((n) => rec(`/d/000${n}-r.md`, `# ${n}. R\n`));
      const reads: string[] = [];
      const read = async (r: AdrRecord) => {
        reads.push(r.path);
        return r.path.includes('0004') ? undefined : `text of ${r.path} with needle`;
      };
      const found = await searchTexts(records, 'NEEDLE', read, { limit: 2, concurrency: 2 });
      assert.deepEqual(found.map((f) => f.record.number), [1, 2]);
      assert.equal(reads.length, 2);
      assert.deepEqual(await searchTexts(records, 'needle', read, { isCancelled: () => true }), []);
      assert.deepEqual((await searchTexts(records, 'needle', read)).map((f) => f.record.number), [1, 2, 3, 5]);
      assert.deepEqual(await searchTexts(records, '  ', read), []);
    });
  });

  describe('collection conventions', () => {
    it('checks the folder typed', () => {
      assert.equal(checkFolder('doc/adr'), undefined);
      assert.equal(checkFolder(' '), 'Required');
      assert.match(checkFolder('/abs')!, /relative/);
      assert.match(checkFolder('../out')!, /inside/);
    });

    it('plans adr-tools, MADR and log4brains collections', () => {
      const adrTools = initPlan('adr-tools', '/w', './doc/adr/', 'w');
      assert.equal(adrTools.collection.path, '/w/doc/adr');
      assert.equal(adrTools.collection.dialect, 'adr-tools');
      assert.deepEqual([adrTools.config?.path, adrTools.config?.content], ['/w/.adr-dir', 'doc/adr\n']);
      assert.ok(adrTools.config?.matches('doc/adr\n') && adrTools.config.matches('./doc/adr') && !adrTools.config.matches('docs/adr\n'));
      const madr = initPlan('madr', '/w', 'docs/decisions', 'w');
      assert.deepEqual([madr.collection.firstNumber, madr.collection.padding, madr.config], [0, 4, undefined]);
      const l4b = initPlan('log4brains', '/w', 'docs/adr', 'My project');
      assert.equal(l4b.collection.naming, 'date');
      assert.match(l4b.config!.content, /^---\nproject:\n {2}name: My project\n {2}tz: .+\n {2}adrFolder: \.\/docs\/adr\n$/);
      assert.ok(l4b.config!.matches('project:\n  adrFolder: ./docs/adr\n') && !l4b.config!.matches('project:\n  adrFolder: ./docs/adr2\n'));
      assert.throws(() => initPlan('madr', '/w', '../x', 'w'), /inside/);
      assert.throws(() => initPlan('madr', '/w', '.', 'w'), /inside/);
    });
  });
});

describe('noIcons: repository text where VS Code renders $(icon) syntax', () => {
  it('keeps $(…) literal with a zero-width space and leaves other text alone', async () => {
    const { noIcons } = await import('../../src/platform/markdownText');
    assert.equal(noIcons('Use $(bug) and $(sync~spin) icons'), 'Use $\u200b(bug) and $\u200b(sync~spin) icons');
    assert.equal(noIcons('Costs $5 (per seat)'), 'Costs $5 (per seat)');
    assert.equal(noIcons('plain'), 'plain');
    assert.doesNotMatch(noIcons('$($(x))'), /\$\(/);
  });
});
