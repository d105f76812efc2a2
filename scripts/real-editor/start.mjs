#!/usr/bin/env node
// `npm start`: builds the extension (dist/) and opens it, loaded from this clone
// (--extensionDevelopmentPath), on the sample workspace, or on --folder. The sample (see
// workspace.mjs and showcase.mjs) is a fresh git repository of twelve adr-tools records of four
// statuses, two with `Governs:` lines, code naming decisions (one superseded), and an uncommitted
// change (a new dependency, a Dockerfile) for the Architecture Review. With a local VS Code (`code`
// on PATH) it opens a new VS Code window and exits; without one (or with --server) it provisions
// code-server if needed (setup.mjs: a few minutes the first time, with progress), starts it on
// 127.0.0.1, checks that the workbench page is served, prints the URL to open, and keeps running
// until Ctrl-C. --port N picks the port (default: a free one). --screenshot (code-server only)
// instead opens the URL in headless Chromium, shows the ADR Workbench view, saves
// out/screenshots/start.png and exits: a check that it works.
//   node scripts/real-editor/start.mjs [--folder /abs/path] [--server] [--port N] [--screenshot]
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { join, resolve } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { repoRoot, runNodeScript, screenshotsDir } from './paths.mjs';
import { makeRunDir, startServer } from './server.mjs';
import { setup } from './setup.mjs';
import { assembleWorkspace } from './workspace.mjs';

const argv = process.argv.slice(2);
const folderArg = argv.includes('--folder') ? resolve(argv[argv.indexOf('--folder') + 1] ?? '.') : undefined;
const screenshot = argv.includes('--screenshot');
const portArg = argv.includes('--port') ? Number(argv[argv.indexOf('--port') + 1]) : undefined;
const log = (msg) => console.log(`[start] ${msg}`);

function fail(msg) {
  console.error(`[start] FAILED: ${msg}`);
  process.exit(1);
}

/** GETs `url` and resolves with its status code and body (the workbench page, a few KiB). */
function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, { timeout: 30_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    }).on('error', reject).on('timeout', function onTimeout() { this.destroy(new Error('no answer within 30 s')); });
  });
}

/** The local VS Code command line, when there is one (`code --version` answers). */
function localCode() {
  if (argv.includes('--server') || screenshot) return undefined;
  const r = spawnSync('code', ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

if (portArg !== undefined && !(Number.isInteger(portArg) && portArg > 0 && portArg < 65536)) fail('--port needs a port number');
try {
  runNodeScript('scripts/build.mjs');
} catch {
  fail('the build failed (see above)');
}
const code = localCode();
const runDir = makeRunDir('start');
let folder = folderArg;
try {
  folder ??= assembleWorkspace(runDir, { sample: true });
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
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
  let server;
  try {
    await setup({ browser: screenshot });
    server = await startServer({ runDir, port: portArg });
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  const url = server.workbenchUrl(folder, [['extensionDevelopmentPath', server.remoteUri(repoRoot)]]);
  // What a browser gets first: the workbench page (the extension itself loads once a browser opens it).
  const page = await get(url).catch((err) => ({ status: 0, body: String(err.message) }));
  if (page.status !== 200 || !/<html/i.test(page.body)) {
    await server.stop();
    fail(`code-server answered ${page.status || page.body} for ${url}; log: ${server.logFile}`);
  }
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
    if (!folderArg) {
      log('the sample: Decisions view (activity bar), src/config.ts (CodeLens, a superseded anchor), '
        + 'the Architecture Review (status bar: 2 undocumented: a new dependency and a Dockerfile)');
    }
    log(`served (HTTP 200). Open this URL in a browser on this machine (from another one: ssh -L ${server.port}:127.0.0.1:${server.port} this-host):`);
    console.log(`\n    ${url}\n`);
    log('rebuild with `npm run build` and reload the page to pick up changes; Ctrl-C stops the server');
    await new Promise(() => {}); // until a signal: the server's exit hook stops it
  }
}
