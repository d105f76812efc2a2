/**
 * Property test over every record of every corpus: each lifecycle edit (every status, supersede by
 * another record, amend, a custom link), applied to the record as is, converted to CRLF, and with a
 * BOM, must (a) parse back to the intended status / relation with everything else unchanged, and
 * (b) change only the lines it means to: every other line is identical byte for byte.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, normalize } from 'node:path';
import { amend, createRecord, link, retitle, setStatus, supersede, type RecordText } from '../../src/core/edit';
import { AdrIndex } from '../../src/core/index';
import type { AdrRecord, CollectionDialect, EditPlan, Status, TextEdit } from '../../src/core/model';
import { parseRecord } from '../../src/core/parse/record';
import { approvalEdits, markReviewedEdits, readSignoff, reviewByEdits } from '../../src/core/signoff';
import { applyEdits, decodeText, encodeText } from '../../src/core/text';
import { CORPORA as CORPORA_ROOT, CORPUS_FOLDERS, corpusRecordFiles } from '../support/corpora';
import { FixedClock } from '../fakes/fixedClock';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

const HINTS: Record<string, CollectionDialect> = {
  'adr-tools': 'adr-tools',
  jabref: 'madr',
  'cloud-platform': 'adr-tools',
  log4brains: 'log4brains',
  madr: 'madr',
};
const STATUSES: Exclude<Status, 'unknown'>[] = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded', 'draft'];
type Variant = 'as-is' | 'crlf' | 'bom';
const VARIANTS: Variant[] = ['as-is', 'crlf', 'bom'];

function load(path: string, variant: Variant, hint: CollectionDialect): RecordText {
  let bytes: Uint8Array = readFileSync(path);
  if (variant === 'crlf') bytes = encodeText(decodeText(bytes, path).text.replace(/\r?\n/g, '\r\n'), false);
  if (variant === 'bom') bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
  const { text, bom } = decodeText(bytes, path);
  return { record: parseRecord(text, { path, collection: dirname(path), collectionDialect: hint, bom }), text };
}

function reparse(rt: RecordText, edits: readonly TextEdit[], hint: CollectionDialect): RecordText {
  const text = applyEdits(rt.text, edits);
  // Round trip through bytes: the BOM must come back, and nothing else may change.
  const bytes = encodeText(text, rt.record.bom);
  assert.equal(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, rt.record.bom, 'BOM kept');
  const decoded = decodeText(bytes, rt.record.path);
  assert.equal(decoded.text, text);
  return { record: parseRecord(text, { path: rt.record.path, collection: rt.record.collection, collectionDialect: hint, bom: decoded.bom }), text };
}

interface LineDiff {
  readonly removed: string[];
  readonly added: string[];
}

/**
 * The lines removed and added between two texts, with their terminators: common prefix and suffix
 * trimmed, then a longest-common-subsequence diff of the middle (an edit may touch two places, such
 * as a front matter status and a front matter `links:` list).
 */
function lineDiff(a: string, b: string): LineDiff {
  const la = a.split(/(?<=\n)/);
  const lb = b.split(/(?<=\n)/);
  let p = 0;
  while (p < la.length && p < lb.length && la[p] === lb[p]) p++;
  let s = 0;
  while (s < la.length - p && s < lb.length - p && la[la.length - 1 - s] === lb[lb.length - 1 - s]) s++;
  const ma = la.slice(p, la.length - s);
  const mb = lb.slice(p, lb.length - s);
  const lcs: number[][] = Array.from({ length: ma.length + 1 }, () => new Array<number>(mb.length + 1).fill(0));
  for (let i = ma.length - 1; i >= 0; i--) for (let j = mb.length - 1; j >= 0; j--) lcs[i]![j] = ma[i] === mb[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < ma.length && j < mb.length) {
    if (ma[i] === mb[j]) {
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) removed.push(ma[i++]!);
    else added.push(mb[j++]!);
  }
  return { removed: [...removed, ...ma.slice(i)], added: [...added, ...mb.slice(j)] };
}

/** Checks that the only lines changed are the allowed ones, and that added lines use the record's line break. */
function assertOnlyIntended(before: RecordText, after: RecordText, removable: (line: string) => boolean, addable: (line: string) => boolean, what: string): void {
  const d = lineDiff(before.text, after.text);
  // A last line without a line break that gets one (something is appended after it) is not changed.
  const last = d.removed[d.removed.length - 1];
  if (last !== undefined && !last.endsWith('\n') && d.added.includes(last + before.record.eol)) {
    d.removed.pop();
    d.added.splice(d.added.indexOf(last + before.record.eol), 1);
  }
  for (const l of d.removed) assert.ok(removable(l), `${what}: removed an unrelated line ${JSON.stringify(l)}`);
  for (const l of d.added) {
    assert.ok(addable(l.replace(/\r?\n$/, '')), `${what}: added an unexpected line ${JSON.stringify(l)}`);
    if (l.endsWith('\n')) assert.ok(l.endsWith(before.record.eol) && !(before.record.eol === '\n' && l.endsWith('\r\n')), `${what}: wrong line break in ${JSON.stringify(l)}`);
  }
  assert.ok(d.added.length <= 6, `${what}: ${d.added.length} lines added`);
  if (before.record.eol === '\r\n') assert.ok(!/[^\r]\n/.test(after.text), `${what}: a bare LF in a CRLF file`);
}

/** Lines of `record` overlapping its status field (what a status edit may rewrite). */
function statusLines(rt: RecordText): (line: string) => boolean {
  const f = rt.record.statusField;
  if (!f) return () => false;
  const lines = new Set<string>();
  // The status field, and every other place the record states its status (a status edit makes them
  // say one thing).
  for (const field of [f, ...(rt.record.statusStatements ?? [])]) {
    const start = rt.text.lastIndexOf('\n', field.lineSpan.start - 1) + 1;
    for (const l of rt.text.slice(start, Math.max(field.lineSpan.end, field.span.end)).split(/\r?\n/)) lines.add(l);
  }
  return (l) => lines.has(l.replace(/\r?\n$/, ''));
}

const blank = (l: string): boolean => l.trim() === '';
const structural = (l: string): boolean => blank(l) || /^## (?:Status|Links)$/.test(l) || l === '---';

/** The fields a lifecycle edit must not disturb. */
function stable(r: AdrRecord): unknown {
  return { title: r.title, date: r.date, number: r.number, dialect: r.dialect, deciders: r.deciders, tags: r.tags, sections: r.sections.filter((s) => !/^(links|status)$/i.test(s.heading.trim())).map((s) => s.heading) };
}

function editsFor(plan: EditPlan, path: string): TextEdit[] {
  return plan.edits.filter((e) => e.path === path).flatMap((e) => [...e.edits]);
}

function relationTo(r: AdrRecord, type: string, target: string): boolean {
  return r.relations.some((x) => x.type === type && x.target === target);
}

/** Runs `check` for every case, then fails once listing every case that failed. */
function everyCase(cases: readonly (() => void)[]): void {
  const failures: string[] = [];
  for (const c of cases) {
    try {
      c();
    } catch (e) {
      failures.push(e instanceof Error ? e.message.split('\n')[0]! : String(e));
    }
  }
  assert.deepEqual(failures.slice(0, 25), [], `${failures.length} of ${cases.length} cases failed`);
}

describe('lifecycle edits on every corpus record (property)', () => {
  for (const corpus of Object.keys(CORPUS_FOLDERS)) {
    const hint = HINTS[corpus]!;
    const files = corpusRecordFiles(corpus);
    // Another record of the same folder, to supersede / link with.
    const partner = (path: string): string => {
      const same = files.filter((f) => dirname(f) === dirname(path) && f !== path);
      return same[(same.indexOf(path) + 1 + files.indexOf(path)) % same.length] ?? files.find((f) => f !== path)!;
    };

    describe(corpus, () => {
      it(`sets every status on ${files.length} records (as is, CRLF, BOM)`, () => {
        everyCase(files.flatMap((file) => VARIANTS.map((variant) => () => {
            const rt = load(file, variant, hint);
            for (const status of STATUSES) {
              const what = `${basename(file)} [${variant}] → ${status}`;
              const edits = setStatus(rt.record, rt.text, status);
              const after = reparse(rt, edits, hint);
              assert.equal(after.record.status, status, `${what}: status reads ${after.record.statusText}`);
              assert.deepEqual(stable(after.record), stable(rt.record), what);
              const value = after.record.statusText ?? '';
              assertOnlyIntended(rt, after, statusLines(rt), (l) => structural(l) || l.includes(value) || /^status:/.test(l), what);
              // Idempotent: setting it again changes nothing.
              assert.deepEqual(setStatus(after.record, after.text, status), [], `${what}: not idempotent`);
            }
        })));
      });

      it('supersedes each record by another (both files edited, as is, CRLF, BOM)', () => {
        everyCase(files.flatMap((file) => VARIANTS.map((variant) => () => {
            const old = load(file, variant, hint);
            const repl = load(partner(file), variant, hint);
            const what = `${basename(file)} [${variant}] superseded by ${basename(repl.record.path)}`;
            const plan = supersede(old, repl);
            const oldAfter = reparse(old, editsFor(plan, old.record.path), hint);
            const newAfter = reparse(repl, editsFor(plan, repl.record.path), hint);
            assert.equal(oldAfter.record.status, 'superseded', `${what}: status reads ${oldAfter.record.statusText}`);
            assert.ok(relationTo(oldAfter.record, 'superseded-by', basename(repl.record.path)), `${what}: no superseded-by relation`);
            assert.ok(relationTo(newAfter.record, 'supersedes', basename(old.record.path)), `${what}: no supersedes relation`);
            assert.equal(newAfter.record.statusText, repl.record.statusText, `${what}: replacement status changed`);
            assert.deepEqual(stable(oldAfter.record), stable(old.record), what);
            assert.deepEqual(stable(newAfter.record), stable(repl.record), what);
            const target = basename(repl.record.path);
            assertOnlyIntended(old, oldAfter, statusLines(old), (l) => structural(l) || l.includes(`](${target})`) || /^status:/.test(l), `${what} (old)`);
            const back = basename(old.record.path);
            assertOnlyIntended(repl, newAfter, () => false, (l) => structural(l) || l.includes(`](${back})`), `${what} (new)`);
            // Doing it again adds nothing.
            assert.deepEqual(supersede(oldAfter, newAfter).edits, [], `${what}: not idempotent`);
            // And it can be undone by setting a status: only the status line changes again.
            const undone = reparse(oldAfter, setStatus(oldAfter.record, oldAfter.text, 'accepted'), hint);
            assert.equal(undone.record.status, 'accepted', `${what}: re-accepting reads ${undone.record.statusText}`);
            assertOnlyIntended(oldAfter, undone, (l) => l.includes(`](${target})`) || statusLines(oldAfter)(l), (l) => /accepted/i.test(l), `${what} (re-accept)`);
        })));
      });

      it('retitles each record: H1, file name, and every inbound link in the corpus', () => {
        const all = files.map((f) => load(f, 'as-is', hint));
        const linksTo = (rt: RecordText, path: string): number =>
          rt.record.links.filter((l) => normalize(join(dirname(rt.record.path), decodeURI(l.href.replace(/#.*$/, '')))) === path).length;
        everyCase(all.map((target) => () => {
          const what = `${basename(target.record.path)} retitled`;
          const r = retitle(target, 'A renamed decision', all);
          if (target.record.titleField) {
            const own = reparse(target, editsFor(r.plan, target.record.path), hint);
            assert.equal(own.record.title, 'A renamed decision', what);
            assertOnlyIntended(target, own, () => true, (l) => l.includes('A renamed decision'), what);
            assert.equal(lineDiff(target.text, own.text).removed.length, 1, `${what}: more than the title line changed`);
          }
          for (const other of all) {
            if (other === target) continue;
            const before = linksTo(other, target.record.path);
            const changed = reparse(other, editsFor(r.plan, other.record.path), hint);
            if (r.newPath !== target.record.path) {
              assert.equal(linksTo(changed, target.record.path), 0, `${what}: ${basename(other.record.path)} still links to the old name`);
              assert.equal(linksTo(changed, r.newPath), before, `${what}: ${basename(other.record.path)} lost links`);
            }
            // Links are rewritten in place: same lines, and only lines holding a link to it differ.
            const la = other.text.split(/(?<=\n)/);
            const lb = changed.text.split(/(?<=\n)/);
            assert.equal(la.length, lb.length, `${what}: ${basename(other.record.path)} lines added or removed`);
            lb.forEach((l, i) => {
              if (l !== la[i]) assert.ok(l.includes(basename(r.newPath)) || l.includes('A renamed decision'), `${what}: unrelated change ${JSON.stringify(l)}`);
            });
          }
        }));
      });

      it('amends and links each record to another, statuses untouched (as is, CRLF, BOM)', () => {
        everyCase(files.flatMap((file) => VARIANTS.map((variant) => () => {
            const src = load(file, variant, hint);
            const tgt = load(partner(file), variant, hint);
            const ops: [string, EditPlan, string, string][] = [
              ['amends', amend(src, tgt), 'amends', 'amended-by'],
              ['depends on', link(src, 'Depends on', tgt, 'Is needed by'), 'custom', 'custom'],
            ];
            for (const [name, plan, type, reverse] of ops) {
              const what = `${basename(file)} [${variant}] ${name} ${basename(tgt.record.path)}`;
              const s = reparse(src, editsFor(plan, src.record.path), hint);
              const t = reparse(tgt, editsFor(plan, tgt.record.path), hint);
              assert.ok(relationTo(s.record, type, basename(tgt.record.path)), `${what}: no ${type} relation in the source`);
              assert.ok(relationTo(t.record, reverse, basename(src.record.path)), `${what}: no ${reverse} relation in the target`);
              if (type === 'custom') {
                assert.ok(s.record.relations.some((r) => r.verb === 'depends on'), what);
                assert.ok(t.record.relations.some((r) => r.verb === 'is needed by'), what);
              }
              assert.equal(s.record.statusText, src.record.statusText, `${what}: source status changed`);
              assert.equal(t.record.statusText, tgt.record.statusText, `${what}: target status changed`);
              assert.deepEqual(stable(s.record), stable(src.record), what);
              assertOnlyIntended(src, s, () => false, (l) => structural(l) || l.includes(`](${basename(tgt.record.path)})`), `${what} (source)`);
              assertOnlyIntended(tgt, t, () => false, (l) => structural(l) || l.includes(`](${basename(src.record.path)})`), `${what} (target)`);
            }
        })));
      });

      it('approves, requests changes and marks reviewed each record: only sign-off lines added, read back, nothing else moved (as is, CRLF, BOM)', () => {
        const kept = (r: AdrRecord) => ({
          title: r.title, number: r.number, status: r.status, statusText: r.statusText, date: r.date, dialect: r.dialect, deciders: r.deciders, tags: r.tags,
          relations: r.relations.map((x) => `${x.type} ${x.target}`), governs: r.governs, sections: r.sections.filter((x) => !/^approvals$/i.test(x.heading.trim())).map((x) => x.heading),
        });
        const signoffLine = (l: string) => structural(l) || /^## Approvals$/.test(l) || /^approvals:$/.test(l) || /^[*-] (?:Approved|Changes requested|Reviewed) by /.test(l)
          || /^ {2}- \{by: /.test(l) || /^(?:[*-] )?Review-by: \d{4}-\d{2}-\d{2}$/i.test(l) || /^review-by: \d{4}-\d{2}-\d{2}$/.test(l);
        everyCase(files.flatMap((file) => VARIANTS.map((variant) => () => {
            let rt = load(file, variant, hint);
            const original = rt;
            const steps: [string, (r: RecordText) => TextEdit[]][] = [
              ['approve', (r) => approvalEdits(r.record, r.text, { by: 'Alice Example', date: '2024-03-01', verdict: 'approved', comment: 'Looks good: ship it' })],
              ['request changes', (r) => approvalEdits(r.record, r.text, { by: 'Bob', date: '2024-03-02', verdict: 'changes-requested', comment: 'p99, please' })],
              ['mark reviewed', (r) => markReviewedEdits(r.record, r.text, 'Carol', '2025-03-01', '2026-03-01')],
            ];
            for (const [name, plan] of steps) {
              const what = `${basename(file)} [${variant}] ${name}`;
              const after = reparse(rt, plan(rt), hint);
              assert.deepEqual(kept(after.record), kept(original.record), what);
              assertOnlyIntended(rt, after, (l) => /^(?:[*-] )?review-by:/i.test(l), signoffLine, what);
              rt = after;
            }
            const s = readSignoff(rt.record, rt.text);
            assert.deepEqual(s.approvals.map((a) => `${a.verdict} ${a.by} ${a.date} ${a.comment ?? ''}`),
              ['approved Alice Example 2024-03-01 Looks good: ship it', 'changes-requested Bob 2024-03-02 p99, please', 'reviewed Carol 2025-03-01 '], basename(file));
            assert.equal(s.reviewBy, '2026-03-01', `${basename(file)} [${variant}]: review-by`);
            // Marking it reviewed again moves the date in place: one line changed.
            const again = reparse(rt, reviewByEdits(rt.record, rt.text, '2027-03-01'), hint);
            assert.equal(readSignoff(again.record, again.text).reviewBy, '2027-03-01');
            assert.equal(lineDiff(rt.text, again.text).removed.length, 1, `${basename(file)}: review-by not moved in place`);
        })));
      });
    });
  }
});

/**
 * `new`, `new -s`, `new -l`, `status` and `link` on every record of every corpus (the five shared
 * ones and the six wild ones) and of every writing fixture: none adds a second status to any record
 * (front matter key, header line or bullet, table row, Status section), and each changes only the
 * lines it means to (a line diff of before and after).
 */
const WILD_ROOT = join(CORPORA_ROOT, '..', 'corpora-wild');
const FIXTURE_ROOT = join(process.cwd(), 'test', 'fixtures', 'writing');


/** Every collection folder with records: [label, root on disk, folder below the root]. */
function allCollections(): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const [corpus, folders] of Object.entries(CORPUS_FOLDERS)) for (const f of folders) out.push([`${corpus}/${f}`, join(CORPORA_ROOT, corpus), f]);
  const wild: Record<string, string[]> = {
    agentv: ['docs/adr'], 'dsp-api': ['docs/05-internals/design/adr'], looms: ['docs/src/adrs'], 'scielo-kernel': ['docs/adr'],
    wikibase: ['docs/adr', 'repo/domains/crud/docs/adr', 'repo/domains/reuse/docs/adr'], 'zero-logement-vacant': ['docs/decisions'],
  };
  for (const [corpus, folders] of Object.entries(wild)) for (const f of folders) out.push([`${corpus}/${f}`, join(WILD_ROOT, corpus), f]);
  for (const fixture of readdirSync(FIXTURE_ROOT).filter((n) => !n.endsWith('.md')).sort()) {
    const root = join(FIXTURE_ROOT, fixture);
    const folder = findRecordsFolder(root);
    out.push([`fixtures/${fixture}`, root, folder]);
  }
  return out;
}

function findRecordsFolder(root: string, rel = ''): string {
  const here = join(root, rel);
  const names = readdirSync(here);
  if (names.some((n) => /^(?:adr-)?\d+[-_].*\.md$/i.test(n))) return rel;
  for (const n of names) {
    if (statSync(join(here, n)).isDirectory()) {
      const found = findRecordsFolder(root, rel ? `${rel}/${n}` : n);
      if (found !== '') return found;
    }
  }
  return '';
}

/** How many places state a status: front matter key, header line / bullet / table row, Status heading. */
function statusPlaces(text: string): number {
  const t = text.replace(/^\uFEFF/, '');
  const fm = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(t);
  let n = fm && /^(?:status|statut)[ \t]*:/im.test(fm[1]!) ? 1 : 0;
  const body = fm ? t.slice(fm[0].length) : t;
  const firstH2 = body.search(/^ {0,3}##[ \t]/m);
  const header = firstH2 === -1 ? body : body.slice(0, firstH2);
  n += (header.match(/^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?status(?:\*\*|__)?[ \t]*:/gim) ?? []).length;
  n += (header.match(/^[ \t]*\|[ \t]*(?:\*\*)?status(?:\*\*)?[ \t]*\|/gim) ?? []).length;
  n += (body.match(/^ {0,3}#{2,3}[ \t]+status\b/gim) ?? []).length;
  return n;
}

function assertNoSecondStatus(before: string, after: string, what: string): void {
  const b = statusPlaces(before);
  const a = statusPlaces(after);
  assert.ok(a <= Math.max(b, 1), `${what}: ${a} places state a status (was ${b})`);
}

/** Front matter `links:` items (adrs "ng"): `  - rel: Supersedes` / `    target: 3`, and the `links: []` they replace. */
const fmLinkItem = (l: string): boolean => /^[ \t]*(?:- )?(?:rel|kind|target):[ \t]*\S/.test(l) || /^links:[ \t]*$/.test(l);
const fmLinksLine = (l: string): boolean => /^links:[ \t]*\[\][ \t]*\r?\n?$/.test(l);

describe('new, new -s, new -l, status, link on every corpus and fixture record: one status, only the intended lines', () => {
  for (const [label, root, folder] of allCollections()) {
    describe(label, () => {
      it('status and link (as is, CRLF, BOM)', () => {
        const dir = join(root, folder);
        const files = readdirSync(dir).filter((n) => /\.md$/i.test(n) && !/^(readme|index|template.*|adr-template.*|.*-adr-template)\.md$/i.test(n)).sort().map((n) => join(dir, n));
        const hint: CollectionDialect = existsSync(join(root, '.adr-dir')) || label.startsWith('adr-tools') ? 'adr-tools' : label.startsWith('log4brains') ? 'log4brains' : 'generic';
        everyCase(files.flatMap((file) => VARIANTS.map((variant) => () => {
          const rt = load(file, variant, hint);
          for (const status of ['accepted', 'deprecated', 'rejected'] as const) {
            const what = `${basename(file)} [${variant}] status ${status}`;
            const after = reparse(rt, setStatus(rt.record, rt.text, status), hint);
            assertNoSecondStatus(rt.text, after.text, what);
            assert.equal(after.record.status, status, `${what}: reads ${after.record.statusText}`);
            const value = after.record.statusText ?? '';
            assertOnlyIntended(rt, after, statusLines(rt), (l) => structural(l) || l.includes(value) || /^status:/.test(l), what);
          }
          const other = files.find((f) => f !== file);
          if (!other) return;
          const tgt = load(other, variant, hint);
          const plan = link(rt, 'Depends on', tgt, 'Is needed by');
          for (const [before, mark] of [[rt, basename(other)], [tgt, basename(file)]] as const) {
            const after = reparse(before, editsFor(plan, before.record.path), hint);
            const what = `${basename(before.record.path)} [${variant}] link`;
            assertNoSecondStatus(before.text, after.text, what);
            assert.equal(after.record.statusText, before.record.statusText, `${what}: status changed`);
            assertOnlyIntended(before, after, fmLinksLine, (l) => structural(l) || l.includes(`](${mark})`) || fmLinkItem(l), what);
          }
        })));
      });

      it('new, new -s and new -l against each record: the new record has one status, the old one keeps one', async () => {
        const fs = new MemoryFileSystem().copyFromDisk(root, '/w');
        const index = await AdrIndex.build(fs, '/w');
        const collection = index.collection(`/w/${folder}`.replace(/\/$/, '')) ?? index.collections[0]!;
        const records = index.records(collection.path);
        const clock = new FixedClock('2026-11-24T10:00:00Z');
        const failures: string[] = [];
        for (const r of records) {
          const { text, bom } = decodeText(await fs.readFile(r.path), r.path);
          const target: RecordText = { record: parseRecord(text, { path: r.path, collection: r.collection, collectionDialect: collection.dialect, bom }), text };
          for (const mode of ['new', 'new -s', 'new -l'] as const) {
            const what = `${basename(r.path)} ${mode}`;
            try {
              const created = await createRecord(fs, clock, collection, {
                title: 'A property decision',
                ...(mode === 'new -s' ? { supersedes: [target] } : {}),
                ...(mode === 'new -l' ? { links: [{ target, verb: 'Amends', reverseVerb: 'Amended by' }] } : {}),
              });
              assert.ok(statusPlaces(created.content) <= 1, `${what}: the new record states ${statusPlaces(created.content)} statuses`);
              const edits = editsFor(created.plan, r.path);
              if (mode === 'new') assert.deepEqual(edits, [], `${what}: an existing record was edited`);
              const after = { record: parseRecord(applyEdits(text, edits), { path: r.path, collection: r.collection, collectionDialect: collection.dialect, bom }), text: applyEdits(text, edits) };
              assertNoSecondStatus(text, after.text, what);
              const mark = `](${basename(created.path)})`;
              if (mode === 'new -s') {
                assert.equal(after.record.status, 'superseded', `${what}: reads ${after.record.statusText}`);
                assertOnlyIntended(target, after, (l) => statusLines(target)(l) || fmLinksLine(l), (l) => structural(l) || l.includes(mark) || /^status:/.test(l) || fmLinkItem(l), what);
                if (collection.dialect !== 'adr-tools' && !/supercede/i.test(text)) assert.doesNotMatch(after.text, /supercede/i, `${what}: adr-tools spelling outside adr-tools`);
              } else if (mode === 'new -l') {
                assert.equal(after.record.statusText, target.record.statusText, `${what}: status changed`);
                assertOnlyIntended(target, after, fmLinksLine, (l) => structural(l) || l.includes(mark) || fmLinkItem(l), what);
              }
              fs.remove(created.path);
            } catch (e) {
              failures.push(e instanceof Error ? e.message.split('\n')[0]! : String(e));
            }
          }
        }
        assert.deepEqual(failures.slice(0, 25), [], `${failures.length} of ${records.length * 3} cases failed`);
      });
    });
  }
});
