// Assembles the fixture workspace for a run: the committed files of test/fixtures/workspace/ plus
// the adr-tools records from the shared corpora (GPL-3.0 text, so copied in, not committed),
// made a git repository with one commit so that git-based features have history to read. The UI
// tests and `npm start` also add the showcase records (showcase.mjs).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { corporaDir, fixtureWorkspaceDir } from './paths.mjs';
import { addShowcaseRecords } from './showcase.mjs';

/** Copies the fixture workspace into `<runDir>/workspace` and returns its absolute path.
 * With `showcase`, adds a few records of other statuses first (see showcase.mjs). */
export function assembleWorkspace(runDir, { showcase = false } = {}) {
  const ws = join(runDir, 'workspace');
  const records = join(corporaDir, 'adr-tools/doc/adr');
  if (!existsSync(records)) {
    throw new Error(`fixture records not found at ${records}: the shared corpora are expected beside the clone `
      + '(../shared/corpora), or set ADRW_CORPORA');
  }
  cpSync(fixtureWorkspaceDir, ws, { recursive: true });
  cpSync(records, join(ws, 'doc/adr'), { recursive: true });
  if (showcase) addShowcaseRecords(ws);
  const git = (...args) => spawnSync('git', args, { cwd: ws, stdio: 'ignore' }).status === 0;
  if (!(git('-c', 'init.defaultBranch=main', 'init', '-q') && git('add', '-A')
    && git('-c', 'user.name=ADR Workbench Tests', '-c', 'user.email=tests@adr-workbench.invalid',
      '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'Fixture workspace'))) {
    throw new Error(`could not make ${ws} a git repository`);
  }
  return ws;
}
