#!/usr/bin/env node
// Starts a real VS Code (code-server) on the fixture workspace with the extension loaded from
// source (extensionDevelopmentPath), prints the URL and keeps running until Ctrl-C. For trying
// the extension by hand, or for a look at it: with --screenshot, it instead opens the URL in
// headless Chromium, saves out/screenshots/start.png once the workbench is restored, and exits.
//   node scripts/real-editor/start.mjs [--folder /abs/path] [--screenshot]
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { repoRoot, runNodeScript, screenshotsDir } from './paths.mjs';
import { makeRunDir, startServer } from './server.mjs';
import { setup } from './setup.mjs';
import { assembleWorkspace } from './workspace.mjs';

const argv = process.argv.slice(2);
const folderArg = argv.includes('--folder') ? argv[argv.indexOf('--folder') + 1] : undefined;

setup();
runNodeScript('scripts/build.mjs');
const runDir = makeRunDir('start');
const folder = folderArg ?? assembleWorkspace(runDir);
const server = await startServer({ runDir });
const url = server.workbenchUrl(folder, [['extensionDevelopmentPath', server.remoteUri(repoRoot)]]);

if (argv.includes('--screenshot')) {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => 'driver' in globalThis, undefined, { timeout: 60_000 });
    await page.evaluate(() => globalThis.driver.whenWorkbenchRestored());
    // The Explorer fills in a moment after the restored phase (an empty folder shows no rows).
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 15_000 }).catch(() => {});
    mkdirSync(screenshotsDir, { recursive: true });
    const file = join(screenshotsDir, 'start.png');
    await page.screenshot({ path: file });
    console.log(`[start] screenshot: ${file}`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
} else {
  console.log(`[start] VS Code ${folderArg ? `on ${folder}` : 'on the fixture workspace'}, extension from source:\n${url}`);
  console.log('[start] (rebuild with `npm run build` and reload the page to pick up changes; Ctrl-C stops)');
  await new Promise(() => {}); // until a signal: the server's exit hook stops it
}
