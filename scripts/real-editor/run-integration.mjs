#!/usr/bin/env node
// Runs the extension-host test suite (test/integration, bundled to out/test/integration) inside a
// real VS Code: code-server's extension host, opened by headless Chromium with a test payload.
// Exits with the suite's exit code. Needs `node scripts/real-editor/setup.mjs` first.
//   ADRW_TEST_GREP=pattern   run only matching tests
//   ADRW_TIMEOUT_S=300       hard limit for the whole suite
//   ADRW_KEEP_RUN=1          keep the run folder (logs, workspace) even when the suite passes
//   ADRW_VERBOSE=1           also print the browser's console
//   ADRW_SUITE=path          another extensionTestsPath (relative to the repo), e.g. the benchmark's
//   ADRW_WORKSPACE=dir       open this folder instead of assembling the fixture workspace
//   ADRW_EXTENSION_PATH=dir  load the extension from this folder (built there) instead of the repo,
//                            e.g. the benchmark's baseline build of an older commit
// With `--multiroot`: the multi-root suite (test/integration-multiroot) over a `.code-workspace` of
// two git repositories made at run time (assembleMultiRootWorkspace in workspace.mjs).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { repoRoot, runNodeScript, secondsSince } from './paths.mjs';
import { makeRunDir, startServer } from './server.mjs';
import { assertReady } from './setup.mjs';
import { assembleMultiRootWorkspace, assembleWorkspace } from './workspace.mjs';

const TIMEOUT_S = Number(process.env.ADRW_TIMEOUT_S ?? 300);
const VERBOSE = Boolean(process.env.ADRW_VERBOSE);
const MULTI_ROOT = process.argv.includes('--multiroot');
const KIND = MULTI_ROOT ? 'integration-multiroot' : 'integration';
const log = (msg) => console.log(`[${KIND}] ${msg}`);

// The workbench's own info lines arrive through the same channel as the suite's output; these
// are the routine ones, shown only with ADRW_VERBOSE.
const routine = [
  /^Resolv(ing|ed) connection token/, /^Creating a socket/, /^\[reconnection-grace-time\]/,
  /additional builtin extensions/, /^\[Service Worker\]/, /^\[AgentHost:remote\]/, /^\[AccountPolicyGate\]/,
  /^No search provider registered for scheme/, /^Canceled: Canceled/,
];

async function main() {
  const t0 = performance.now();
  assertReady();
  runNodeScript('scripts/build.mjs');
  if (!process.env.ADRW_SUITE) runNodeScript('scripts/build-tests.mjs', KIND);
  const tBuild = secondsSince(t0);

  const runDir = makeRunDir(KIND);
  const workspace = process.env.ADRW_WORKSPACE ?? (MULTI_ROOT ? assembleMultiRootWorkspace(runDir) : assembleWorkspace(runDir));
  const server = await startServer({ runDir, env: { ADRW_FIXTURE_WORKSPACE: workspace } });
  log(`code-server up on ${server.origin} in ${server.startSeconds.toFixed(1)} s (run folder ${runDir})`);
  let browser;
  let code = 1;
  const tSuite = performance.now();
  let suiteSeconds = '-';
  let tTeardown = tSuite;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage();
    let finish;
    const exited = new Promise((resolve) => { finish = resolve; });
    // The workbench reports the extension host's output and the suite's exit code through these.
    let finished = false;
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      if (finished) return; // shutdown noise after the exit code arrived
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (VERBOSE) process.stdout.write(`${secondsSince(tSuite)} s <${type}> `);
      else if (routine.some((re) => re.test(line))) return;
      if (type === 'error') process.stderr.write(`${line}\n`);
      else process.stdout.write(`${line}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (exitCode) => {
      finished = true;
      finish({ code: Number(exitCode) });
    });
    page.on('crash', () => finish({ code: 1, reason: 'the page crashed' }));
    page.on('pageerror', (err) => { if (VERBOSE) log(`page error: ${err.message}`); });
    if (VERBOSE) page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') log(`browser ${m.type()}: ${m.text()}`); });

    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(process.env.ADRW_EXTENSION_PATH ?? repoRoot)],
      ['extensionTestsPath', server.remoteUri(join(repoRoot, process.env.ADRW_SUITE ?? `out/test/${KIND}/index.js`))],
    ];
    await page.goto(server.workbenchUrl(workspace, payload), { waitUntil: 'domcontentloaded' });
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve({
        code: 1,
        reason: `the suite did not finish within ${TIMEOUT_S} s (ADRW_TIMEOUT_S): it hung, or the workbench never `
          + 'started it (is the server started with --vscode-option enable-smoke-test-driver?)',
      }), TIMEOUT_S * 1000);
    });
    const result = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    suiteSeconds = secondsSince(tSuite);
    tTeardown = performance.now();
    code = result.code;
    if (result.reason) console.error(`[${KIND}] FAILED: ${result.reason}`);
  } finally {
    const tb = performance.now();
    await browser?.close().catch(() => {});
    const closeBrowser = secondsSince(tb);
    await server.stop();
    if (VERBOSE) log(`browser close ${closeBrowser} s, server stop ${secondsSince(tb)} s`);
  }
  if (code !== 0) {
    log(`server log tail (${server.logFile}):\n${server.logTail(30)}`);
    log(`run folder kept: ${runDir}`);
  } else if (!process.env.ADRW_KEEP_RUN) {
    rmSync(runDir, { recursive: true, force: true });
  }
  log(`timings: build ${tBuild} s, server start ${server.startSeconds.toFixed(1)} s, `
    + `browser + workbench + suite ${suiteSeconds} s, teardown ${secondsSince(tTeardown)} s, `
    + `total ${secondsSince(t0)} s; exit code ${code}`);
  return code;
}

main().then((code) => process.exit(code), (err) => {
  console.error(`[${KIND}] FAILED: ${err instanceof Error ? err.stack ?? err.message : err}`);
  process.exit(1);
});
