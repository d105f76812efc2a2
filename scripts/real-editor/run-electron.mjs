#!/usr/bin/env node
// Runs the same extension-host suite (out/test/integration/index.js) in desktop VS Code through
// @vscode/test-electron, for machines that can download VS Code. This machine cannot (it reaches
// only the npm registry and Debian's packages): there the download fails and this script says so
// and exits 1; use `npm run test:integration` (code-server) instead.
//   VSCODE_EXECUTABLE=/path/to/code   use an installed VS Code, no download
//   VSCODE_VERSION=stable|insiders|1.x.y   which VS Code to download (default: stable)
// On Linux without a display, run it under `xvfb-run -a` (Debian package xvfb).
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { join } from 'node:path';
import { repoRoot, runNodeScript, secondsSince } from './paths.mjs';
import { makeRunDir } from './server.mjs';
import { assembleWorkspace } from './workspace.mjs';

const log = (msg) => console.log(`[electron] ${msg}`);

async function main() {
  const t0 = performance.now();
  runNodeScript('scripts/build.mjs');
  runNodeScript('scripts/build-tests.mjs', 'integration');
  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    const version = process.env.VSCODE_VERSION ?? 'stable';
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: join(repoRoot, '.vscode-test') });
    } catch (err) {
      console.error(`[electron] FAILED: could not download VS Code ${version} `
        + `(${err instanceof Error ? err.message : err}).\n`
        + '[electron] This machine reaches only the npm registry and Debian packages, so @vscode/test-electron '
        + 'cannot fetch VS Code here. Run `npm run test:integration` (the same suite in code-server), or set '
        + 'VSCODE_EXECUTABLE to an installed VS Code.');
      return 1;
    }
  }
  if (process.platform === 'linux' && !process.env.DISPLAY) {
    log('no DISPLAY: desktop VS Code needs one; if it fails to start, run this under `xvfb-run -a`');
  }
  const runDir = makeRunDir('electron');
  const workspace = assembleWorkspace(runDir);
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out/test/integration/index.js'),
      extensionTestsEnv: { ADRW_FIXTURE_WORKSPACE: workspace },
      launchArgs: [
        workspace,
        '--user-data-dir', join(runDir, 'user-data'),
        '--extensions-dir', join(runDir, 'extensions'),
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-telemetry',
      ],
    });
    log(`passed in ${secondsSince(t0)} s`);
    return 0;
  } catch (err) {
    console.error(`[electron] FAILED: ${err instanceof Error ? err.message : err} (run folder ${runDir})`);
    return 1;
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(`[electron] FAILED: ${err instanceof Error ? err.stack ?? err.message : err}`);
  process.exit(1);
});
