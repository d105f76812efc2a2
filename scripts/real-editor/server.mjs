// Starts and stops a throw-away code-server (VS Code server + web workbench) for one test run.
// Everything it writes goes under a run folder in .cache/real-editor/runs/: user data, extensions,
// XDG folders and TMPDIR, so nothing lands in $HOME or /tmp (but see socketBase below).
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cleanEnv, codeServerEntry, node24, runsDir } from './paths.mjs';
import { assertReady } from './setup.mjs';

const HOST = '127.0.0.1';

/** User settings for a quiet, deterministic workbench. */
export const defaultSettings = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

let signalsHooked = false;
/** Makes SIGINT/SIGTERM/SIGHUP exit through process.exit, so that 'exit' handlers run. */
function exitOnSignals() {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => process.exit(128 + os.constants.signals[sig]));
  }
}

/** A fresh folder under .cache/real-editor/runs/ named `<kind>-XXXXXX`. Runs that passed remove
 * theirs; of the ones left behind (failures, ADRW_KEEP_RUN), the newest few of a kind are kept. */
export function makeRunDir(kind) {
  mkdirSync(runsDir, { recursive: true });
  const stale = readdirSync(runsDir)
    .filter((n) => n.startsWith(`${kind}-`))
    .map((n) => ({ path: join(runsDir, n), mtime: statSync(join(runsDir, n)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime)
    .slice(4);
  for (const { path } of stale) rmSync(path, { recursive: true, force: true });
  return mkdtempSync(join(runsDir, `${kind}-`));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function healthy(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: HOST, port, path: '/healthz', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** The folders and environment one code-server run uses; shared by the server and its CLI. */
function layout(runDir) {
  // VS Code and code-server put Unix sockets in the user-data folder, TMPDIR, XDG_RUNTIME_DIR and
  // XDG_DATA_HOME, and a socket path may not exceed 107 bytes: when the run folder is deep (a long
  // clone path), those go to a short folder in /tmp instead, removed again by stop().
  const socketBase = runDir.length <= 56 ? runDir : mkdtempSync('/tmp/adrw-');
  const dirs = {
    userData: join(socketBase, 'user-data'),
    extensions: join(runDir, 'extensions'),
    xdgConfig: join(runDir, 'xdg/config'),
    xdgCache: join(runDir, 'xdg/cache'),
    xdgData: join(socketBase, 'xdg/data'),
    xdgRuntime: join(socketBase, 'xdg/run'),
    tmp: join(socketBase, 'tmp'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true, mode: 0o700 });
  const env = cleanEnv({
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    XDG_RUNTIME_DIR: dirs.xdgRuntime,
    TMPDIR: dirs.tmp,
    // No extension gallery (code-server's default, open-vsx, is unreachable here): no lookups,
    // no failed-request noise, and nothing that could update an extension under test.
    EXTENSIONS_GALLERY: '{}',
    // The extension host's output ends up as text (a CI log), never on a terminal. NO_COLOR, not
    // FORCE_COLOR=0: mocha's picocolors turns colours on for any FORCE_COLOR, and for CI=true.
    NO_COLOR: '1',
  });
  const baseArgs = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  return { socketBase: socketBase === runDir ? undefined : socketBase, dirs, env, baseArgs };
}

/** Installs a .vsix with code-server's CLI into the run's extensions folder (about 1 s). */
function installVsix(lay, vsix) {
  const r = spawnSync(node24, [codeServerEntry, ...lay.baseArgs, '--install-extension', vsix], {
    env: lay.env, encoding: 'utf8',
  });
  if (r.status !== 0 || !/was successfully installed/.test(r.stdout)) {
    throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  }
}

/**
 * Starts code-server on 127.0.0.1 with a free port (or `port`) and waits until /healthz answers.
 * @param {object} opts
 * @param {string} opts.runDir a fresh folder for this run (see makeRunDir)
 * @param {Record<string, unknown>} [opts.settings] extra user settings
 * @param {Record<string, string>} [opts.env] extra environment (inherited by extension hosts)
 * @param {string[]} [opts.vsixes] extensions to install before starting
 * @param {number} [opts.port] the port to listen on (default: a free one)
 */
export async function startServer({ runDir, settings = {}, env = {}, vsixes = [], port: requestedPort }) {
  assertReady({ browser: false }); // the server needs no Chromium (npm start opens none)
  const t0 = performance.now();
  const lay = layout(runDir);
  for (const vsix of vsixes) installVsix(lay, vsix);
  const port = requestedPort ?? await freePort();
  const origin = `http://${HOST}:${port}`;
  mkdirSync(join(lay.dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(lay.dirs.userData, 'User/settings.json'),
    `${JSON.stringify({ ...defaultSettings, ...settings }, null, 2)}\n`);
  const configFile = join(runDir, 'code-server.yaml');
  writeFileSync(configFile, `bind-addr: ${HOST}:${port}\nauth: none\ncert: false\n`);
  const args = [
    codeServerEntry,
    '--config', configFile,
    '--bind-addr', `${HOST}:${port}`,
    '--auth', 'none',
    ...lay.baseArgs,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    // Without it, extension hosts outlive a closed page for hours.
    '--reconnection-grace-time', '5',
    // A release build ignores the test payload (extensionTestsPath) without this.
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const logFile = join(runDir, 'server.log');
  const fd = openSync(logFile, 'a');
  // Node 24 explicitly: the bin script's `#!/usr/bin/env node` would find Node 20 (HTTP 500s).
  // detached: the child calls setsid(), so it leads a process group that stop() kills whole
  // (killing the main PID alone leaves file watchers and extension hosts running).
  const child = spawn(node24, args, {
    cwd: runDir, env: { ...lay.env, ...env }, stdio: ['ignore', fd, fd], detached: true,
  });
  closeSync(fd);
  let exited = null;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => {
    exited = { code, signal };
    resolve(exited);
  }));
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
      return true;
    } catch {
      return false; // ESRCH: the group is gone
    }
  };
  // A runner that dies (or is interrupted) must not leave a server behind.
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);
  exitOnSignals();

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // The server and its state are throw-away: a short grace for a clean exit, then SIGKILL to
    // whatever is left of the group (extension hosts, watchers, pty host).
    killGroup('SIGTERM');
    await Promise.race([exitPromise, sleep(300)]);
    killGroup('SIGKILL');
    process.off('exit', onExit);
    if (lay.socketBase) rmSync(lay.socketBase, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  while (!(await healthy(port))) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited early (${JSON.stringify(exited)}); ${logFile}:\n${tail(logFile)}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz within 60 s; ${logFile}:\n${tail(logFile)}`);
    }
    await sleep(100);
  }

  return {
    port,
    origin,
    /** Host and port as the browser uses them: the authority of vscode-remote:// URIs. */
    authority: `${HOST}:${port}`,
    runDir,
    userDataDir: lay.dirs.userData,
    extensionsDir: lay.dirs.extensions,
    logFile,
    startSeconds: (performance.now() - t0) / 1000,
    /** A vscode-remote:// URI for an absolute path on this machine. */
    remoteUri(absPath) {
      return `vscode-remote://${HOST}:${port}${absPath}`;
    },
    /** The workbench URL for a folder, with an optional payload (list of [key, value] pairs). */
    workbenchUrl(folder, payload) {
      // A `.code-workspace` file opens as a (multi-root) workspace, anything else as a folder.
      const kind = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
      let url = `${origin}/?${kind}=${encodeURIComponent(folder)}`;
      if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return url;
    },
    logTail: (lines) => tail(logFile, lines),
    stop,
  };
}
