// Where the real-editor harness keeps things, and the versions it provisions.
// Everything it installs lives under .cache/real-editor/ (gitignored); see setup.mjs.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// code-server 4.139.1 is VS Code 1.139.1 and needs Node 24 (the machine's Node is 20).
export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

export const cacheDir = join(repoRoot, '.cache/real-editor');
export const nodeDir = join(cacheDir, `node-${NODE_VERSION}`);
export const node24 = join(nodeDir, 'bin/node');
export const codeServerDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerEntry = join(codeServerDir, 'node_modules/code-server/out/node/entry.js');
export const runsDir = join(cacheDir, 'runs');
export const chromiumPath = process.env.ADRW_CHROMIUM ?? '/usr/bin/chromium';

// The shared corpora sit beside the clone (../shared/corpora), locally and in CI.
export const corporaDir = process.env.ADRW_CORPORA ?? resolve(repoRoot, '../shared/corpora');
export const fixtureWorkspaceDir = join(repoRoot, 'test/fixtures/workspace');
export const screenshotsDir = join(repoRoot, 'out/screenshots');

/** The environment without npm's per-run variables: a child npm or node must not inherit the
 * outer npm's user agent (code-server's postinstall reads the Node major from it) or config. */
export function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) || k === 'NODE' || k === 'INIT_CWD') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

/** Seconds since `t0` (a performance.now() value), for progress lines. */
export function secondsSince(t0) {
  return ((performance.now() - t0) / 1000).toFixed(1);
}

/** Runs one of the repo's Node scripts (e.g. 'scripts/build.mjs', '--production') with this
 * Node, output inherited; throws when it fails. */
export function runNodeScript(...args) {
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed`);
}
