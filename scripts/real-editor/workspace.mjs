// Assembles the fixture workspace for a run: the committed files of test/fixtures/workspace/ plus
// the adr-tools records from the shared corpora (GPL-3.0 text, so copied in, not committed),
// made a git repository with one commit so that git-based features have history to read. The UI
// tests also add the showcase records (showcase.mjs); `npm start` opens the sample, which adds
// governed code, decision anchors and an uncommitted change for the review on top.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { corporaDir, fixtureWorkspaceDir } from './paths.mjs';
import { addSampleFiles, addSampleWorkingChange, addShowcaseRecords } from './showcase.mjs';

/** Copies the fixture workspace into `<runDir>/workspace` and returns its absolute path.
 * With `showcase`, adds a few records of other statuses first (see showcase.mjs). With `sample`
 * (implies `showcase`), also `Governs:` lines and code naming decisions, committed, and then an
 * uncommitted architectural change (a new dependency, a Dockerfile). */
export function assembleWorkspace(runDir, { showcase = false, sample = false } = {}) {
  const ws = join(runDir, 'workspace');
  const records = join(corporaDir, 'adr-tools/doc/adr');
  if (!existsSync(records)) {
    throw new Error(`fixture records not found at ${records}: the shared corpora are expected beside the clone `
      + '(../shared/corpora), or set ADRW_CORPORA');
  }
  cpSync(fixtureWorkspaceDir, ws, { recursive: true });
  cpSync(records, join(ws, 'doc/adr'), { recursive: true });
  if (showcase || sample) addShowcaseRecords(ws);
  if (sample) addSampleFiles(ws);
  const git = (...args) => spawnSync('git', args, { cwd: ws, stdio: 'ignore' }).status === 0;
  if (!(git('-c', 'init.defaultBranch=main', 'init', '-q') && git('add', '-A')
    && git('-c', 'user.name=ADR Workbench Tests', '-c', 'user.email=tests@adr-workbench.invalid',
      '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'Fixture workspace'))) {
    throw new Error(`could not make ${ws} a git repository`);
  }
  if (sample) addSampleWorkingChange(ws);
  return ws;
}

/** The two repositories of the multi-root workspace: the same record numbers, other titles. */
const MULTI_ROOT = {
  alpha: { storage: 'Store orders in PostgreSQL', first: 'Record architecture decisions in alpha', codeLens: true, change: true },
  beta: { storage: 'Keep sessions in SQLite', first: 'Record architecture decisions in beta', codeLens: false, change: false },
};

function adrToolsRecord(number, title, decision) {
  return `# ${number}. ${title}\n\nDate: 2024-03-0${number}\n\n## Status\n\nAccepted\n\n## Context\n\nThe context of ${title.toLowerCase()}.\n\n`
    + `## Decision\n\n${decision}\n\n## Consequences\n\nNone worth noting.\n`;
}

/** Assembles a multi-root workspace in `<runDir>/multiroot`: two git repositories made now (alpha,
 * beta), each with a doc/adr collection numbered 1 and 2 under different titles, `src/app.ts` with
 * an `ADR-0002` anchor and a committed package.json; beta's `.vscode/settings.json` turns
 * CodeLens off; alpha gets an uncommitted new dependency. Returns the `.code-workspace` file. */
export function assembleMultiRootWorkspace(runDir) {
  const base = join(runDir, 'multiroot');
  for (const [name, r] of Object.entries(MULTI_ROOT)) {
    const dir = join(base, name);
    const write = (rel, text) => {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    };
    write('.adr-dir', 'doc/adr\n');
    write('doc/adr/0001-record-architecture-decisions.md', adrToolsRecord(1, r.first, `We record decisions of ${name} here.`));
    write(`doc/adr/0002-${r.storage.toLowerCase().replace(/\W+/g, '-')}.md`, adrToolsRecord(2, r.storage, `${r.storage} (${name}).`));
    write('src/app.ts', `// ADR-0002: how ${name} stores its data\nexport const store = '${name}';\n`);
    write('package.json', `{\n  "name": "${name}",\n  "version": "1.0.0",\n  "dependencies": {}\n}\n`);
    write('.vscode/settings.json', `${JSON.stringify({ 'adrWorkbench.codeLens.enabled': r.codeLens }, null, 2)}\n`);
    const git = (...args) => spawnSync('git', args, { cwd: dir, stdio: 'ignore' }).status === 0;
    if (!(git('-c', 'init.defaultBranch=main', 'init', '-q') && git('add', '-A')
      && git('-c', 'user.name=ADR Workbench Tests', '-c', 'user.email=tests@adr-workbench.invalid',
        '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', `The ${name} repository`))) {
      throw new Error(`could not make ${dir} a git repository`);
    }
    if (r.change) write('package.json', `{\n  "name": "${name}",\n  "version": "1.0.0",\n  "dependencies": {\n    "pg": "^8.11.0"\n  }\n}\n`);
  }
  const file = join(base, 'multiroot.code-workspace');
  writeFileSync(file, `${JSON.stringify({ folders: Object.keys(MULTI_ROOT).map((path) => ({ path })), settings: {} }, null, 2)}\n`);
  return file;
}
