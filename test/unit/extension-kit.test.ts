/** The pure parts of the extension kit: one record label and status wording (core/presentation), the review panel's mapping onto them, a new record written once (createRecord's finish hook), which file events are followed. */
import { strict as assert } from 'node:assert';
import { parseRecord } from '../../src/core/parse/record';
import { recordLabel, recordReference, referenceLabel, STATUS_CHOICES, statusAndDate, statusDisplay, statusWord } from '../../src/core/presentation';
import { createRecord } from '../../src/core/edit';
import type { Collection } from '../../src/core/model';
import type { ChangedFile, ReviewConflict, ReviewFinding } from '../../src/core/review';
import { excerptOf } from '../../src/core/review/suggest';
import { conflictFinding, conflictId, conflictView, evidenceText, excerptView, findingId, findingView, statusSummary, type ViewContext } from '../../src/features/review/viewModel';
import { firstContentOffset } from '../../src/features/review/firstContent';
import { classify } from '../../src/host/fileFilter';
import { FixedClock } from '../fakes/fixedClock';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

const rec = (name: string, text = '# 7. Use PostgreSQL\n\n## Status\n\nAccepted\n') => parseRecord(text, { path: `/r/doc/adr/${name}` });

describe('record labels and status wording', () => {
  it('writes the number as the file name pads it, for every collection', () => {
    assert.equal(recordLabel(rec('0007-use-postgresql.md')), '0007. Use PostgreSQL');
    assert.equal(recordLabel(rec('007-use-postgresql.md')), '007. Use PostgreSQL');
    assert.equal(recordLabel(rec('7-use-postgresql.md')), '7. Use PostgreSQL');
    assert.equal(recordReference(rec('007-use-postgresql.md')), 'ADR-007');
    assert.equal(referenceLabel(rec('0007-use-postgresql.md')), 'ADR-0007 Use PostgreSQL');
  });

  it('names a record without a number by its title, and references it by its id', () => {
    const r = rec('2024-01-31-use-postgresql.md', '# Use PostgreSQL\n');
    assert.equal(r.number, null);
    assert.equal(recordLabel(r), 'Use PostgreSQL');
    assert.equal(referenceLabel(r), 'Use PostgreSQL');
    assert.equal(recordReference(r), r.id);
  });

  it('words a status as one word, as the record writes it, and with its date', () => {
    const r = parseRecord('# 3. X\n\nDate: 2024-01-31\n\n## Status\n\nSuperseded by [12. Use **Y**](0012-use-y.md)\n', { path: '/r/0003-x.md' });
    assert.equal(statusWord(r), 'Superseded');
    assert.equal(statusDisplay(r), 'Superseded by 12. Use Y');
    assert.equal(statusAndDate(r), 'Superseded by 12. Use Y · 2024-01-31');
    assert.equal(statusWord(parseRecord('# X\n', { path: '/r/0004-x.md' })), 'No status');
    assert.deepEqual([...STATUS_CHOICES].sort(), ['Accepted', 'Deprecated', 'Draft', 'Proposed', 'Rejected', 'Superseded']);
  });
});

const finding = (over: Partial<ReviewFinding> = {}): ReviewFinding => ({
  fingerprint: 'infra-container:Dockerfile:Dockerfile', rule: 'infra-container', family: 'infrastructure', ruleTitle: 'Container image definition',
  severity: 'warning', message: 'Container image definition added: Dockerfile', repository: '/w/repo', path: 'svc/Dockerfile', anchor: 'svc/Dockerfile',
  status: 'added', subject: 'Dockerfile', verdict: 'documented', suggestion: { title: 'Container image', governs: ['svc/Dockerfile'] },
  evidence: [{ kind: 'governs', glob: 'svc/**', record: { path: '/w/repo/doc/adr/007-containers.md', id: 'ADR-7', number: 7, title: 'Containers', status: 'accepted', inChange: false } }],
  ...over,
} as ReviewFinding);

describe('review view model', () => {
  const indexed = rec('007-containers.md', '# 7. Containers\n');
  const ctx: ViewContext = { folderRoot: () => '/w', record: (p) => (p === '/w/repo/doc/adr/007-containers.md' ? indexed : undefined) };

  it('names evidence records with the one label, in the padding of the file name (indexed or not yet)', () => {
    assert.equal(evidenceText(finding().evidence[0]!, ctx), 'ADR-007 Containers governs it (svc/**)');
    const notIndexed: ViewContext = { ...ctx, record: () => undefined };
    // A record only in this change is not indexed yet: its file name still says how it is numbered.
    assert.equal(evidenceText(finding().evidence[0]!, notIndexed), 'ADR-007 Containers governs it (svc/**)');
    assert.equal(evidenceText({ kind: 'mentions', line: 4, text: 'see Dockerfile', record: { ...finding().evidence[0]!.record!, inChange: true } }, ctx),
      'ADR-007 Containers (in this change) names it on line 4: see Dockerfile');
    assert.equal(evidenceText({ kind: 'acknowledged', by: 'ana', reason: 'test only' }, ctx), 'Acknowledged by ana: test only');
  });

  it('shows the file relative to its workspace folder, keeps the id stable', () => {
    const v = findingView(finding({ line: 3 }), ctx);
    assert.equal(v.id, findingId(finding()));
    assert.equal(v.id, '/w/repo|infra-container:Dockerfile:Dockerfile');
    assert.equal(v.file, 'repo/svc/Dockerfile');
    assert.equal(v.line, 3);
    assert.equal(findingView(finding(), { ...ctx, folderRoot: () => undefined }).file, 'svc/Dockerfile');
    assert.ok(!('line' in findingView(finding(), ctx)));
  });

  it('counts undocumented changes for the status item, hidden unless ready', () => {
    const views = [findingView(finding(), ctx), findingView(finding({ verdict: 'undocumented', fingerprint: 'b' }), ctx)];
    assert.deepEqual(statusSummary({ status: 'ready', findings: views }), {
      text: '$(checklist) 1 undocumented', tooltip: '1 architectural change without a decision record — open the Architecture Review', warn: true,
    });
    assert.equal(statusSummary({ status: 'ready', findings: [views[0]!] })?.warn, false);
    assert.equal(statusSummary({ status: 'off', findings: [] }), undefined);
  });

  it('shows the severity pill on undocumented cards only, in the severity\'s tone', () => {
    assert.ok(!('pill' in findingView(finding(), ctx)), 'a documented card shows no severity pill');
    assert.ok(!('pill' in findingView(finding({ verdict: 'acknowledged' }), ctx)), 'an acknowledged card shows no severity pill');
    assert.deepEqual(findingView(finding({ verdict: 'undocumented' }), ctx).pill, { label: 'warning', tone: 'warning' });
    assert.deepEqual(findingView(finding({ verdict: 'undocumented', severity: 'error' }), ctx).pill, { label: 'error', tone: 'error' });
  });

  it('starts a diff excerpt at the change\'s line, with an ellipsis where the hunk is cut', () => {
    const lines = ['{', '  "name": "x",', '  "dependencies": {', '    "pg": "^8",', '+    "mongodb": "^6",', '    "zod": "^3"', '  },', '  "private": true', '}'];
    const file = { path: 'package.json', status: 'modified', binary: false, fingerprint: 'f',
      hunks: [{ oldStart: 1, oldLines: 8, newStart: 1, newLines: 9, header: '@@ -1,8 +1,9 @@', lines }] } as ChangedFile;
    const core = excerptOf(file, { rule: 'dependency-added', path: 'package.json', subject: 'mongodb', message: 'm', line: 5 })!;
    assert.deepEqual(core.lines, lines.slice(1, 8));
    assert.deepEqual([core.at, core.cutBefore, core.cutAfter], [3, true, true]);
    const v = excerptView(core);
    assert.deepEqual(v, { header: '@@ -1,8 +1,9 @@', lines: ['+    "mongodb": "^6",', '    "zod": "^3"', '  },', '  "private": true'], cutBefore: true, cutAfter: true });
    assert.equal(findingView(finding({ excerpt: core }), ctx).excerpt?.lines[0], '+    "mongodb": "^6",');
    // A whole new file from its first line: nothing cut, no ellipsis.
    assert.deepEqual(excerptView({ header: '@@ -0,0 +1,2 @@', lines: ['+FROM node:20', '+RUN npm ci'], at: 0, cutBefore: false, cutAfter: false }),
      { header: '@@ -0,0 +1,2 @@', lines: ['+FROM node:20', '+RUN npm ci'], cutBefore: false, cutAfter: false });
    // An excerpt without its line (an older engine's): shown whole, cut after when the core says so.
    assert.deepEqual(excerptView({ header: 'h', lines: ['+a'], cutAfter: true }), { header: 'h', lines: ['+a'], cutBefore: false, cutAfter: true });
  });

  const conflict = (over: Partial<ReviewConflict> = {}): ReviewConflict => ({
    fingerprint: 'decision-conflict:svc/package.json:mongodb:ADR-7', rule: 'decision-conflict', severity: 'error',
    message: 'Adds `mongodb`, which ADR-007 considered and rejected in favour of PostgreSQL', repository: '/w/repo', path: 'svc/package.json', line: 3,
    subject: 'mongodb', what: 'dependency', source: 'considered', rejected: 'MongoDB', chosen: 'PostgreSQL',
    record: { path: '/w/repo/doc/adr/007-containers.md', id: 'ADR-7', number: 7, title: 'Containers', status: 'accepted' },
    recordLine: 12, recordText: '* MongoDB',
    ...over,
  });

  it('maps a conflict to its card: what it adds, which record rejected it on which line, where', () => {
    const v = conflictView(conflict(), ctx);
    assert.deepEqual(v, {
      id: '/w/repo|decision-conflict:svc/package.json:mongodb:ADR-7', severity: 'error',
      message: 'Adds `mongodb`, which ADR-007 considered and rejected in favour of PostgreSQL', subject: 'mongodb',
      file: 'repo/svc/package.json', line: 3, record: 'ADR-007 Containers', recordFile: 'repo/doc/adr/007-containers.md', recordLine: 12, recordText: '* MongoDB',
    });
    assert.equal(v.id, conflictId(conflict()));
    assert.notEqual(v.id, findingId(finding()));
    const bare = conflictView(conflict({ line: undefined as never, severity: 'warning' }), { folderRoot: () => undefined, record: () => undefined });
    assert.equal(bare.record, 'ADR-007 Containers', 'not indexed: in its file name\'s padding');
    assert.equal(bare.recordFile, '/w/repo/doc/adr/007-containers.md');
    assert.equal(bare.file, 'svc/package.json');
    assert.equal(bare.severity, 'warning');
  });

  it('puts a conflict\'s diagnostic on the manifest line that adds it, at the conflict\'s severity', () => {
    const text = '{\r\n  "dependencies": {\r\n    "mongodb": "^6"\r\n  }\r\n}\r\n';
    const f = conflictFinding(conflict(), text);
    assert.equal(text.slice(f.span.start, f.span.end), '"mongodb": "^6"');
    assert.equal(f.severity, 'error');
    assert.equal(f.rule, 'decision-conflict');
    assert.equal(f.path, '/w/repo/svc/package.json');
    assert.equal(f.message, 'Adds `mongodb`, which ADR-007 considered and rejected in favour of PostgreSQL (ADR-7, line 12)');
    assert.equal(conflictFinding(conflict({ severity: 'warning' }), text).severity, 'warning');
    // No line (or past the end): the first line, never outside the text.
    assert.deepEqual(conflictFinding(conflict({ line: undefined as never }), text).span, { start: 0, end: 1 });
    const past = conflictFinding(conflict({ line: 99 }), 'a\nb');
    assert.ok(past.span.end <= 3 && past.span.start <= past.span.end);
  });

  it('counts conflicts in the status item and warns on them', () => {
    const views = [findingView(finding(), ctx)];
    const s = statusSummary({ status: 'ready', findings: views, conflicts: [conflictView(conflict(), ctx)] })!;
    assert.equal(s.text, '$(checklist) 0 undocumented, 1 conflict');
    assert.equal(s.warn, true);
    assert.match(s.tooltip, /1 conflict with decisions already taken/);
  });

  it('puts a draft\'s note after the section\'s blank lines and template comments', () => {
    const text = '## Context\n\n<!-- what is the issue -->\nThe issue.\n';
    assert.equal(text.slice(firstContentOffset(text, 11)), 'The issue.\n');
  });
});

describe('a new record written once, finished', () => {
  it('createRecord writes what `finish` makes of the rendered text, and reports that text', async () => {
    const fs = new MemoryFileSystem();
    const c: Collection = { path: '/repo/doc/adr', dialect: 'adr-tools', source: 'convention', name: 'doc/adr', padding: 4, naming: 'number', firstNumber: 1 };
    const paths: string[] = [];
    const r = await createRecord(fs, new FixedClock(new Date(1992, 0, 12, 12)), c, {
      title: 'Container image',
      finish: (content, path) => {
        paths.push(path);
        return content.replace('## Context\n\n', '## Context\n\nFrom the review.\n\n');
      },
    });
    assert.deepEqual(paths, [r.path]);
    assert.match(r.content, /## Context\n\nFrom the review\.\n\n/);
    assert.equal(new TextDecoder().decode(await fs.readFile(r.path)), r.content);
  });
});

describe('file events the extension follows', () => {
  it('keeps work-tree files and git\'s state files, drops node_modules and git internals', () => {
    assert.equal(classify('/w/doc/adr/0001-x.md'), 'file');
    assert.equal(classify('/w/.adr-dir'), 'file');
    assert.equal(classify('/w/.gitignore'), 'file');
    assert.equal(classify('/w/.github/workflows/ci.yml'), 'file');
    assert.equal(classify('/w/.git/HEAD'), 'git');
    assert.equal(classify('/w/.git/index'), 'git');
    assert.equal(classify('/w/.git/MERGE_HEAD'), 'git');
    assert.equal(classify('/w/.git/objects/ab/cdef'), undefined);
    assert.equal(classify('/w/.git/refs/heads/main'), undefined);
    assert.equal(classify('/w/node_modules/pg/package.json'), undefined);
    assert.equal(classify('/w/node_modules'), undefined);
  });
});
