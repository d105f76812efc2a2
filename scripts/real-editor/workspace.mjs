// Assembles the fixture workspace for a run: the committed files of test/fixtures/workspace/ plus
// the adr-tools records from the shared corpora (GPL-3.0 text, so copied in, not committed),
// made a git repository with one commit so that git-based features have history to read. The UI
// tests also add the showcase records (showcase.mjs); `npm start` opens the sample, which adds
// governed code, decision anchors and an uncommitted change for the review on top.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
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
