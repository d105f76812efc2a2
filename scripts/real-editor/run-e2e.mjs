#!/usr/bin/env node
// UI end-to-end tests: packages the extension as a .vsix in the run folder (package.mjs checks what
// is inside and fails the run on anything unexpected), installs it into a fresh code-server, opens
// the workbench on the fixture workspace plus the showcase records in headless Chromium and runs
// the mocha suites in test/e2e (bundled to out/test/e2e) against it; see test/e2e/harness.ts.
// Screenshots land in out/screenshots/. Needs `node scripts/real-editor/setup.mjs` first.
//   ADRW_TEST_GREP=pattern   run only matching tests
//   ADRW_TIMEOUT_S=600       hard limit for the whole run
//   ADRW_KEEP_RUN=1          keep the run folder (logs, workspace) even when the tests pass
//   ADRW_README_SCREENSHOTS=1  after a passing run, copy the README's screenshots to media/screenshots/
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { packageVsix } from './package.mjs';
import { repoRoot, runNodeScript, screenshotsDir, secondsSince } from './paths.mjs';
import { makeRunDir, startServer } from './server.mjs';
import { assertReady } from './setup.mjs';
import { assembleWorkspace } from './workspace.mjs';

const TIMEOUT_S = Number(process.env.ADRW_TIMEOUT_S ?? 600);
/** The screenshots README.md shows ("What it looks like"), committed in media/screenshots/. */
const README_SCREENSHOTS = ['decisions-view', 'decisions-filter', 'new-decision', 'record-hover-status', 'codelens', 'review-panel', 'catalogue', 'needs-attention'];
const README_SCREENSHOT_LIMIT = 300 * 1024;
const log = (msg) => console.log(`[e2e] ${msg}`);

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return testFiles(p);
    return e.name.endsWith('.test.js') ? [p] : [];
  }).sort();
}

async function main() {
  const t0 = performance.now();
  // Plain output into a log (mocha's colours come on with CI=true): decided before mocha loads.
  if (!process.stdout.isTTY) process.env.NO_COLOR = '1';
  const { default: Mocha } = await import('mocha');
  assertReady();
  const runDir = makeRunDir('e2e');
  const vsix = packageVsix({ outDir: runDir });
  runNodeScript('scripts/build-tests.mjs', 'e2e');
  const tBuild = secondsSince(t0);
  rmSync(screenshotsDir, { recursive: true, force: true });

  const workspace = assembleWorkspace(runDir, { showcase: true });
  // Workbench hovers (a tree row's tooltip: status, history, first paragraph) wait a minute: a test
  // clicks where a user clicks, and a tooltip left open by the previous step must not take the click.
  // Editor hovers (editor.hover.delay) are unchanged; the tests that read them hover on purpose.
  const server = await startServer({ runDir, vsixes: [vsix], settings: { 'workbench.hover.delay': 60_000 } });
  log(`code-server up on ${server.origin} in ${server.startSeconds.toFixed(1)} s with ${vsix} installed`);
  let browser;
  let failures = 1;
  const tTests = performance.now();
  let testSeconds = '-';
  const timer = setTimeout(() => {
    console.error(`[e2e] FAILED: the tests did not finish within ${TIMEOUT_S} s (ADRW_TIMEOUT_S); run folder ${runDir}`);
    process.exit(1); // the server's exit hook kills its process group
  }, TIMEOUT_S * 1000);
  try {
    browser = await launchBrowser();
    /** @type {import('../../test/e2e/harness').E2EContext} */
    globalThis.__adrwE2E = { browser, origin: server.origin, workspace, screenshotsDir };
    const mocha = new Mocha({
      ui: 'bdd', reporter: 'spec', timeout: 60_000, slow: 15_000,
      grep: process.env.ADRW_TEST_GREP || undefined,
    });
    const files = testFiles(join(repoRoot, 'out/test/e2e'));
    if (files.length === 0) throw new Error('no *.test.js in out/test/e2e');
    for (const f of files) mocha.addFile(f);
    failures = await new Promise((resolve) => {
      const runner = mocha.run((n) => resolve(n));
      runner.on('end', () => {
        const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
        console.log(`e2e: ${passes} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
      });
    });
    testSeconds = secondsSince(tTests);
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => {});
    await server.stop();
  }
  const code = failures === 0 ? 0 : 1;
  if (code !== 0) {
    log(`server log tail (${server.logFile}):\n${server.logTail(30)}`);
    log(`run folder kept: ${runDir}; screenshots in ${screenshotsDir}`);
  } else {
    if (!process.env.ADRW_KEEP_RUN) rmSync(runDir, { recursive: true, force: true });
    if (process.env.ADRW_README_SCREENSHOTS) copyReadmeScreenshots();
  }
  log(`timings: package + build ${tBuild} s, server start (incl. vsix install) ${server.startSeconds.toFixed(1)} s, `
    + `browser + tests ${testSeconds} s, total ${secondsSince(t0)} s; screenshots in ${screenshotsDir}`);
  return code;
}

function copyReadmeScreenshots() {
  const media = join(repoRoot, 'media/screenshots');
  mkdirSync(media, { recursive: true });
  for (const name of README_SCREENSHOTS) {
    const from = join(screenshotsDir, `${name}.png`);
    if (!existsSync(from)) {
      log(`README screenshot ${name}.png was not taken (filtered out by ADRW_TEST_GREP?)`);
      continue;
    }
    const size = statSync(from).size;
    if (size > README_SCREENSHOT_LIMIT) log(`WARNING: ${name}.png is ${(size / 1024).toFixed(0)} KiB, over the 300 KiB budget`);
    copyFileSync(from, join(media, `${name}.png`));
    log(`README screenshot: media/screenshots/${name}.png (${(size / 1024).toFixed(0)} KiB)`);
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(`[e2e] FAILED: ${err instanceof Error ? err.stack ?? err.message : err}`);
  process.exit(1);
});
