/** Discovery: the real corpora, each config file kind, adr-tools' upward search, naming rules. */
import { strict as assert } from 'node:assert';
import { join as nativeJoin } from 'node:path';
import { discover, discoverCollections, findAdrDirUpwards, listRecordFiles } from '../../src/core/discovery';
import { compareRecordNames, isNumberedRecordName, isRecordFile, parseFileName } from '../../src/core/naming/fileName';
import { readAdrsToml, readPyadrIni } from '../../src/core/discovery/configFiles';
import { classify } from '../../src/core/discovery/layout';
import type { Collection } from '../../src/core/model';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { CORPORA, corporaAvailable } from '../support/corpora';

const nygard = (n: number, title: string) => `# ${n}. ${title}\n\nDate: 2024-01-0${(n % 9) + 1}\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n`;
const madr = (title: string) => `---\nstatus: accepted\ndate: 2024-01-01\n---\n# ${title}\n\n## Context and Problem Statement\n\nWhy?\n`;
const names = (cs: readonly Collection[]) => cs.map((c) => c.path);

/** A memory copy of one corpus under /repo. */
function corpus(name: string): MemoryFileSystem {
  return new MemoryFileSystem().copyFromDisk(nativeJoin(CORPORA, name), '/repo');
}

describe('discovery', () => {
  describe('real corpora', function () {
    before(function () {
      if (!corporaAvailable()) this.skip();
    });

    it('adr-tools: doc/adr by convention (the corpus has no .adr-dir), Nygard records, 4 digits from 1', async () => {
      const fs = corpus('adr-tools');
      assert.equal(fs.exists('/repo/.adr-dir'), false);
      const { collections, problems } = await discover(fs, '/repo');
      assert.deepEqual(problems, []);
      assert.equal(collections.length, 1);
      const [c] = collections;
      assert.deepEqual(
        { path: c!.path, source: c!.source, dialect: c!.dialect, padding: c!.padding, naming: c!.naming, firstNumber: c!.firstNumber, name: c!.name },
        { path: '/repo/doc/adr', source: 'convention', dialect: 'adr-tools', padding: 4, naming: 'number', firstNumber: 1, name: 'doc/adr' },
      );
      const files = await listRecordFiles(fs, c!);
      assert.equal(files.length, 9);
      assert.equal(files[0], '/repo/doc/adr/0001-record-architecture-decisions.md');
    });

    it('cloud-platform: an unconventional folder found by the numbered-records heuristic, 3 digits from 0', async () => {
      const fs = corpus('cloud-platform');
      const [c, ...rest] = await discoverCollections(fs, '/repo');
      assert.equal(rest.length, 0);
      assert.equal(c!.path, '/repo/architecture-decision-record');
      assert.equal(c!.source, 'heuristic');
      assert.equal(c!.dialect, 'adr-tools');
      assert.equal(c!.padding, 3);
      assert.equal(c!.firstNumber, 0);
      assert.equal(c!.indexPath, '/repo/architecture-decision-record/README.md');
      const files = await listRecordFiles(fs, c!);
      assert.equal(files.length, 49);
      assert.ok(!files.some((f) => f.endsWith('README.md')));
    });

    it('jabref: docs/decisions, MADR, template and index found, assets/ not a collection', async () => {
      const fs = corpus('jabref');
      const cs = await discoverCollections(fs, '/repo');
      assert.deepEqual(names(cs), ['/repo/docs/decisions']);
      const c = cs[0]!;
      assert.equal(c.dialect, 'madr');
      assert.equal(c.firstNumber, 0);
      assert.equal(c.templatePath, '/repo/docs/decisions/adr-template.md');
      assert.equal(c.indexPath, '/repo/docs/decisions/index.md');
      const files = await listRecordFiles(fs, c);
      assert.equal(files.length, 70);
      assert.ok(!files.some((f) => /adr-template|index\.md/.test(f)));
    });

    it('log4brains: three collections from .log4brains.yml (9 + 3 + 5), packages named, date naming', async () => {
      const fs = corpus('log4brains');
      const { collections, problems } = await discover(fs, '/repo');
      assert.deepEqual(problems, []);
      assert.deepEqual(names(collections), ['/repo/docs/adr', '/repo/packages/core/docs/adr', '/repo/packages/web/docs/adr']);
      assert.deepEqual(collections.map((c) => c.name), ['docs/adr', 'core', 'web']);
      for (const c of collections) {
        assert.equal(c.source, '.log4brains.yml');
        assert.equal(c.dialect, 'log4brains');
        assert.equal(c.naming, 'date');
        assert.equal(c.padding, 0);
      }
      assert.equal(collections[0]!.templatePath, '/repo/docs/adr/template.md');
      const counts = await Promise.all(collections.map(async (c) => (await listRecordFiles(fs, c)).length));
      assert.deepEqual(counts, [9, 3, 5]);
    });

    it('madr: docs/decisions with 19 records; the template/ folder is skipped', async () => {
      const fs = corpus('madr');
      const cs = await discoverCollections(fs, '/repo');
      assert.deepEqual(names(cs), ['/repo/docs/decisions']);
      assert.equal(cs[0]!.dialect, 'madr');
      assert.equal(cs[0]!.padding, 4);
      const files = await listRecordFiles(fs, cs[0]!);
      assert.equal(files.length, 19);
      assert.ok(files.every((f) => /\/\d{4}-[^/]+\.md$/.test(f)));
    });

    it('all corpora under one root: each collection once (first source wins)', async () => {
      const fs = new MemoryFileSystem().copyFromDisk(CORPORA, '/all');
      const cs = await discoverCollections(fs, '/all');
      assert.equal(cs.length, 7);
      assert.equal(new Set(names(cs)).size, 7);
      assert.deepEqual(cs.slice(0, 3).map((c) => c.source), ['.log4brains.yml', '.log4brains.yml', '.log4brains.yml']);
    });
  });

  describe('config files', () => {
    it('.adr-dir names the folder relative to itself; its records decide the dialect, the declaration is the hint', async () => {
      const fs = MemoryFileSystem.from({ '.adr-dir': 'architecture/records\n', 'architecture/records/0001-a.md': madr('A') }, '/r');
      const [c] = await discoverCollections(fs, '/r');
      assert.equal(c!.path, '/r/architecture/records');
      assert.equal(c!.source, '.adr-dir');
      assert.equal(c!.dialect, 'madr');
      const plain = MemoryFileSystem.from({ '.adr-dir': 'architecture/records\n', 'architecture/records/0001-a.md': '# A\n\nSome text.\n' }, '/r');
      assert.equal((await discoverCollections(plain, '/r'))[0]!.dialect, 'adr-tools');
    });

    it('.adr-dir may point at a folder that does not exist yet', async () => {
      const fs = MemoryFileSystem.from({ '.adr-dir': 'decisions' }, '/r');
      const [c] = await discoverCollections(fs, '/r');
      assert.equal(c!.path, '/r/decisions');
      assert.deepEqual(await listRecordFiles(fs, c!), []);
    });

    it('.log4brains.yml without packages', async () => {
      const fs = MemoryFileSystem.from({ '.log4brains.yml': 'project:\n  name: X\n  adrFolder: ./adr\n', 'adr/20240101-a.md': '# A\n' }, '/r');
      const cs = await discoverCollections(fs, '/r');
      assert.deepEqual(cs.map((c) => [c.path, c.source, c.dialect]), [['/r/adr', '.log4brains.yml', 'log4brains']]);
    });

    it('adr.config.json (path / directory / adrDir) and phodal/adr .adr.json', async () => {
      for (const [file, json] of [
        ['adr.config.json', '{"path": "design/adr"}'],
        ['adr.config.json', '{"directory": "design/adr"}'],
        ['adr.config.json', '{"adrDir": "design/adr"}'],
        ['.adr.json', '{"language":"en","path":"design/adr/","prefix":"","digits":4}'],
      ] as const) {
        const fs = MemoryFileSystem.from({ [file]: json }, '/r').seedFolder('/r/design/adr');
        const cs = await discoverCollections(fs, '/r');
        assert.deepEqual(cs.map((c) => [c.path, c.source]), [['/r/design/adr', 'adr.config.json']], `${file} ${json}`);
      }
    });

    it('adrs.toml: adr_dir, path or directory; default doc/adr', async () => {
      const fs = MemoryFileSystem.from({ 'adrs.toml': '# adrs\nmode = "compatible"\nadr_dir = "records" # where\n\n[templates]\npath = "elsewhere"\n' }, '/r');
      assert.deepEqual(names(await discoverCollections(fs, '/r')), ['/r/records']);
      assert.deepEqual(readAdrsToml('directory = \'d/e\''), [{ folder: 'd/e' }]);
      assert.deepEqual(readAdrsToml('[adr]\npath = "x"'), [{ folder: 'x' }]);
      assert.deepEqual(readAdrsToml('mode = "nextgen"'), [{ folder: 'doc/adr' }]);
    });

    it("pyadr's .adr: records-dir in [adr]; default docs/adr; a .adr folder is not a config file", async () => {
      const fs = MemoryFileSystem.from({ '.adr': '[adr]\nrecords-dir = architecture/decisions\n' }, '/r');
      assert.deepEqual((await discoverCollections(fs, '/r')).map((c) => [c.path, c.source]), [['/r/architecture/decisions', '.adr']]);
      assert.deepEqual(readPyadrIni('[adr]\n'), [{ folder: 'docs/adr' }]);
      assert.deepEqual(readPyadrIni('[other]\nrecords-dir = no\n[adr]\nrecords_dir: yes ; comment\n'), [{ folder: 'yes' }]);
      const dirFs = MemoryFileSystem.from({ '.adr/1-x.md': '# x\n' }, '/r');
      const { collections, problems } = await discover(dirFs, '/r');
      assert.deepEqual([collections, problems], [[], []]);
    });

    it('reports malformed or unreadable config files and keeps the rest', async () => {
      const fs = MemoryFileSystem.from({
        '.adr-dir': '\n',
        '.log4brains.yml': 'project: [unclosed',
        'adr.config.json': '{"path": ',
        'adrs.toml': 'adr_dir = unquoted',
        'docs/adr/0001-a.md': nygard(1, 'A'),
        'pkg/.log4brains.yml': 'project:\n  packages:\n    - name: p\n',
        'other/.adr-dir': 'x',
      }, '/r').failOn('/r/other/.adr-dir');
      const { collections, problems } = await discover(fs, '/r');
      assert.deepEqual(names(collections), ['/r/docs/adr']);
      assert.deepEqual(problems.map((p) => p.path).sort(), [
        '/r/.adr-dir', '/r/.log4brains.yml', '/r/adr.config.json', '/r/adrs.toml', '/r/other/.adr-dir', '/r/pkg/.log4brains.yml',
      ]);
      assert.match(problems.find((p) => p.path === '/r/adr.config.json')!.message, /malformed JSON/);
      assert.match(problems.find((p) => p.path === '/r/pkg/.log4brains.yml')!.message, /adrFolder/);
    });
  });

  describe('conventions and heuristic', () => {
    it('finds every conventional folder at the root, even empty, in the documented order', async () => {
      const fs = new MemoryFileSystem();
      for (const d of ['doc/architecture/decisions', 'docs/architecture/decisions', 'docs/decisions', 'docs/adr', 'doc/adr']) fs.seedFolder(`/r/${d}`);
      const cs = await discoverCollections(fs, '/r');
      assert.deepEqual(names(cs), ['/r/doc/adr', '/r/docs/adr', '/r/docs/decisions', '/r/docs/architecture/decisions', '/r/doc/architecture/decisions']);
      assert.ok(cs.every((c) => c.source === 'convention' && c.padding === 4 && c.dialect === 'generic'));
    });

    it('heuristic: >= 2 numbered records (NNN-, adr-NNN-, ADR-NNNN-, dates); one is not enough', async () => {
      const fs = MemoryFileSystem.from({
        'a/001-x.md': '# x', 'a/002-y.md': '# y',
        'b/adr-1-x.md': '# x', 'b/adr-2-y.md': '# y',
        'c/ADR-0001-x.md': '# x', 'c/ADR-0002-y.md': '# y',
        'd/20240101-x.md': '# x', 'd/20240202-y.md': '# y',
        'e/0001-only.md': '# x', 'e/notes.md': '# n',
        'f/1-x.md': '# x', 'f/2-y.md': '# y',
        'node_modules/pkg/docs/adr/0001-x.md': '# x', 'node_modules/pkg/docs/adr/0002-y.md': '# y',
        '.hidden/0001-x.md': '# x', '.hidden/0002-x.md': '# y',
        'dist/0001-x.md': '# x', 'dist/0002-x.md': '# y',
      }, '/r');
      const cs = await discoverCollections(fs, '/r');
      assert.deepEqual(names(cs), ['/r/a', '/r/b', '/r/c', '/r/d']);
      assert.deepEqual(cs.map((c) => [c.padding, c.naming]), [[3, 'number'], [1, 'number'], [4, 'number'], [0, 'date']]);
      assert.equal(cs[3]!.dialect, 'log4brains');
    });

    it('nested conventional folders in packages count when they hold records', async () => {
      const fs = MemoryFileSystem.from({ 'packages/a/docs/adr/0001-x.md': nygard(1, 'X'), 'packages/b/docs/adr/README.md': '# nothing' }, '/r');
      const cs = await discoverCollections(fs, '/r');
      assert.deepEqual(cs.map((c) => [c.path, c.source]), [['/r/packages/a/docs/adr', 'convention']]);
    });

    it('MADR category folders with their own numbering are their own collections', async () => {
      const fs = MemoryFileSystem.from({
        'docs/decisions/0000-use-madr.md': madr('Use MADR'),
        'docs/decisions/0001-b.md': madr('B'),
        'docs/decisions/backend/0001-use-postgres.md': madr('Use Postgres'),
        'docs/decisions/frontend/0001-use-react.md': madr('Use React'),
        'docs/decisions/frontend/0002-use-vite.md': madr('Use Vite'),
        'docs/decisions/assets/0001-diagram.md': '# not a record',
      }, '/r');
      const cs = await discoverCollections(fs, '/r');
      assert.deepEqual(names(cs), ['/r/docs/decisions', '/r/docs/decisions/backend', '/r/docs/decisions/frontend']);
      assert.equal(cs[1]!.name, 'docs/decisions/backend');
      assert.deepEqual(await listRecordFiles(fs, cs[0]!), ['/r/docs/decisions/0000-use-madr.md', '/r/docs/decisions/0001-b.md']);
      assert.ok(cs.every((c) => c.dialect === 'madr'));
    });

    it('extraFolders are collections too, relative to the root or absolute', async () => {
      const fs = MemoryFileSystem.from({ 'notes/decisions/a.md': '# A', 'docs/adr/0001-a.md': nygard(1, 'A') }, '/r');
      const cs = await discover(fs, '/r', { extraFolders: ['notes/decisions', '/r/docs/adr'] });
      assert.deepEqual(cs.collections.map((c) => [c.path, c.source]), [['/r/notes/decisions', 'configured'], ['/r/docs/adr', 'configured']]);
    });

    it('skips README, index and template files when listing records, in numeric order', async () => {
      const fs = MemoryFileSystem.from({
        'doc/adr/README.md': '', 'doc/adr/index.md': '', 'doc/adr/template.md': '', 'doc/adr/template-short.md': '',
        'doc/adr/adr-template.md': '', 'doc/adr/adr-template-bare.md': '', 'doc/adr/templates/template.md': '',
        'doc/adr/.draft.md': '', 'doc/adr/picture.png': '', 'doc/adr/10-ten.md': nygard(10, 'Ten'), 'doc/adr/9-nine.md': nygard(9, 'Nine'),
      }, '/r');
      const [c] = await discoverCollections(fs, '/r');
      assert.deepEqual(await listRecordFiles(fs, c!), ['/r/doc/adr/9-nine.md', '/r/doc/adr/10-ten.md']);
      assert.equal(c!.templatePath, '/r/doc/adr/templates/template.md');
      assert.equal(c!.indexPath, '/r/doc/adr/README.md');
      assert.equal(c!.padding, 1);
      assert.equal(c!.firstNumber, 1);
    });

    it('a missing root is a problem, not an exception', async () => {
      const { collections, problems } = await discover(new MemoryFileSystem(), '/nowhere');
      assert.deepEqual(collections, []);
      assert.equal(problems.length, 1);
    });
  });

  describe('findAdrDirUpwards (adr-tools _adr_dir)', () => {
    const fs = MemoryFileSystem.from({
      'repo/.adr-dir': 'architecture/adr',
      'repo/src/deep/file.ts': '',
      'repo/sub/doc/adr/0001-x.md': '',
      'plain/src/x.ts': '',
      'plain/doc/adr/0001-x.md': '',
      'bare/src/x.ts': '',
    }, '/w');

    it('finds .adr-dir in a parent and resolves it against that folder', async () => {
      assert.deepEqual(await findAdrDirUpwards(fs, '/w/repo/src/deep'), { path: '/w/repo/architecture/adr', found: '.adr-dir', configFile: '/w/repo/.adr-dir' });
    });

    it('a doc/adr folder on the way up wins over a .adr-dir further up', async () => {
      assert.deepEqual(await findAdrDirUpwards(fs, '/w/repo/sub'), { path: '/w/repo/sub/doc/adr', found: 'doc/adr' });
      assert.deepEqual(await findAdrDirUpwards(fs, '/w/plain/src'), { path: '/w/plain/doc/adr', found: 'doc/adr' });
    });

    it('defaults to doc/adr under the start folder, and stops at stopAt', async () => {
      assert.deepEqual(await findAdrDirUpwards(fs, '/w/bare/src'), { path: '/w/bare/src/doc/adr', found: 'default' });
      assert.deepEqual(await findAdrDirUpwards(fs, '/w/repo/src/deep', '/w/repo/src'), { path: '/w/repo/src/deep/doc/adr', found: 'default' });
    });
  });

  describe('naming rules', () => {
    it('recognises record names and numbers', () => {
      const read = (n: string) => { const r = parseFileName(n); return { kind: r.kind, number: r.number, digits: r.numberText, prefix: r.prefix }; };
      assert.deepEqual(read('0007-use-x.md'), { kind: 'number', number: 7, digits: '0007', prefix: '' });
      assert.deepEqual(read('ADR-012-x.md'), { kind: 'number', number: 12, digits: '012', prefix: 'ADR-' });
      assert.equal(parseFileName('20201016-slug.md').kind, 'date');
      assert.equal(parseFileName('2020-10-16-slug.md').kind, 'date');
      assert.equal(parseFileName('12345678-not-a-date.md').kind, 'number');
      assert.equal(parseFileName('use-x.md').kind, 'none');
      assert.equal(isRecordFile('README.md'), false);
      assert.equal(isRecordFile('adr-template-minimal.md'), false);
      assert.equal(isRecordFile('Template.md'), false);
      assert.equal(isRecordFile('use-x.md'), true);
      assert.equal(isNumberedRecordName('1-x.md'), false);
      assert.equal(isNumberedRecordName('adr-1-x.md'), true);
      assert.deepEqual(['10-a.md', 'adr-2-b.md', 'x.md', '9-c.md'].sort(compareRecordNames), ['adr-2-b.md', '9-c.md', '10-a.md', 'x.md']);
    });

    it('classifies openings', () => {
      assert.equal(classify('# 3. Use X\n\nDate: 2020-01-01\n'), 'adr-tools');
      assert.equal(classify('---\nstatus: accepted\n---\n# X\n'), 'madr');
      assert.equal(classify('# Use X\n\n## Considered Options\n'), 'madr');
      assert.equal(classify('# Use X\n\nSome text.\n'), undefined);
    });
  });
});
