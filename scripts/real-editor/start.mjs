#!/usr/bin/env node
// `npm start`: builds the extension (dist/) and opens it, loaded from this clone
// (--extensionDevelopmentPath), on a sample workspace: the fixture workspace with the showcase
// records (twelve adr-tools records of four statuses; see workspace.mjs and showcase.mjs), or on
// --folder. With a local VS Code (`code` on PATH) it opens a new VS Code window and exits; without
// one (or with --server) it starts code-server on 127.0.0.1, prints the URL to open, and keeps
// running until Ctrl-C. --screenshot (code-server only) instead opens the URL in headless Chromium,
// shows the ADR Workbench view, saves out/screenshots/start.png and exits: a check that it works.
//   node scripts/real-editor/start.mjs [--folder /abs/path] [--server] [--screenshot]
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { repoRoot, runNodeScript, screenshotsDir } from './paths.mjs';
import { makeRunDir, startServer } from './server.mjs';
import { setup } from './setup.mjs';
import { assembleWorkspace } from './workspace.mjs';

const argv = process.argv.slice(2);
const folderArg = argv.includes('--folder') ? resolve(argv[argv.indexOf('--folder') + 1] ?? '.') : undefined;
const screenshot = argv.includes('--screenshot');
const log = (msg) => console.log(`[start] ${msg}`);

/** The local VS Code command line, when there is one (`code --version` answers). */
function localCode() {
  if (argv.includes('--server') || screenshot) return undefined;
  const r = spawnSync('code', ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

runNodeScript('scripts/build.mjs');
const code = localCode();
const runDir = makeRunDir('start');
const folder = folderArg ?? assembleWorkspace(runDir, { showcase: true });
const what = folderArg ? folder : `the sample workspace ${folder}`;

if (code) {
  const r = spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, folder], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[start] FAILED: \`code\` exited with ${r.status}`);
    process.exit(1);
  }
  log(`opened ${what} in your VS Code (${code}), with the extension from ${repoRoot}/dist`);
  log('(rebuild with `npm run build` and run "Developer: Reload Window" to pick up changes)');
} else {
  setup();
  const server = await startServer({ runDir });
  const url = server.workbenchUrl(folder, [['extensionDevelopmentPath', server.remoteUri(repoRoot)]]);
  if (screenshot) {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      page.setDefaultTimeout(60_000);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => 'driver' in globalThis);
      await page.evaluate(() => globalThis.driver.whenWorkbenchRestored());
      // The extension is running once its view lists records.
      await page.locator('.part.activitybar').getByRole('tab', { name: /^ADR Workbench\b/ }).click();
      await page.locator('.part.sidebar [role="treeitem"][aria-level="2"]').first().waitFor();
      await page.mouse.move(24, 600); // off the activity bar's tooltips
      mkdirSync(screenshotsDir, { recursive: true });
      const file = join(screenshotsDir, 'start.png');
      await page.screenshot({ path: file });
      log(`code-server ${server.origin} showed the ADR Workbench view on ${what}; screenshot: ${file}`);
    } finally {
      await browser.close();
      await server.stop();
      rmSync(runDir, { recursive: true, force: true });
    }
  } else {
    const why = argv.includes('--server') ? '--server' : 'no local VS Code (`code`) on PATH';
    log(`${why}: code-server (VS Code in the browser) on 127.0.0.1, with the extension from ${repoRoot}/dist, on ${what}`);
    log(`open this URL in a browser on this machine (or through an SSH tunnel to port ${server.port}):\n${url}`);
    log('(rebuild with `npm run build` and reload the page to pick up changes; Ctrl-C stops)');
    await new Promise(() => {}); // until a signal: the server's exit hook stops it
  }
}
