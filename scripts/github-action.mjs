// The GitHub Action's script (action.yml runs it; it runs locally the same way, see
// test/unit/github-action.test.ts). It finds the pull request's base, fetches it when the checkout
// lacks it (a shallow clone), and runs the gate once: annotations on standard output, SARIF to a
// file, the Markdown summary appended to $GITHUB_STEP_SUMMARY. Exit status: the gate's.
//
// Inputs (environment): ADRW_BASE (a commit or branch; default: the event's base), ADRW_FAIL_ON,
// ADRW_WORKING_DIRECTORY (default $GITHUB_WORKSPACE, else the current folder), ADRW_SARIF_FILE
// (default $RUNNER_TEMP/adr-review.sarif), ADRW_CLI (default dist/cli.js beside this script).
// Outputs ($GITHUB_OUTPUT): sarif-file, base, exit-code.
//
// The checkout is the pull request's, so its content is hostile (docs/security.md): git runs here
// with hooks, fsmonitor, credential helpers, ssh and proxy commands switched off, and may speak only
// the transport of the server URL (https on GitHub); the review itself runs git its own hardened way.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const env = process.env;
const here = dirname(fileURLToPath(import.meta.url));
const cwd = resolve(env.ADRW_WORKING_DIRECTORY || env.GITHUB_WORKSPACE || process.cwd());
const cli = env.ADRW_CLI || join(here, '..', 'dist', 'cli.js');
const failOn = env.ADRW_FAIL_ON || 'warning';
const sarifFile = env.ADRW_SARIF_FILE || join(env.RUNNER_TEMP || cwd, 'adr-review.sarif');
const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
const remote = env.GITHUB_REPOSITORY ? `${serverUrl}/${env.GITHUB_REPOSITORY}` : undefined;

/** `-c` settings: nothing the repository's config names may run, and nothing is written besides objects and refs. */
const SAFE_CONFIG = [
  'core.hooksPath=/dev/null', 'core.fsmonitor=false', 'core.sshCommand=false', 'core.askPass=', 'credential.helper=',
  'core.alternateRefsCommand=', 'protocol.allow=never', 'gc.auto=0', 'maintenance.auto=false', 'fetch.writeCommitGraph=false',
  'submodule.recurse=false', 'fetch.recurseSubmodules=false', 'http.proxy=',
];
const scheme = /^(https?|file):/.exec(serverUrl)?.[1] ?? 'https';
const gitEnv = Object.fromEntries(Object.entries(env).filter(([k]) => !/^(GIT_|SSH_ASKPASS$)/i.test(k)));
Object.assign(gitEnv, {
  GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_ALLOW_PROTOCOL: scheme, GIT_PROTOCOL_FROM_USER: '0',
  GIT_SSH_COMMAND: 'false', GIT_SSH: 'false', GIT_PROXY_COMMAND: 'false', GIT_ASKPASS: '', SSH_ASKPASS: '', GIT_NO_LAZY_FETCH: '1',
  LC_ALL: 'C',
});

function git(...args) {
  const r = spawnSync('git', [...SAFE_CONFIG.flatMap((c) => ['-c', c]), ...args], { cwd, env: gitEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
  return { ok: r.status === 0, out: (r.stdout || '').trim(), err: (r.stderr || r.error?.message || '').trim().split('\n')[0] };
}

function fail(message) {
  process.stderr.write(`::error::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
  output({ 'exit-code': '2' });
  process.exit(2);
}

function output(values) {
  if (!env.GITHUB_OUTPUT) return;
  appendFileSync(env.GITHUB_OUTPUT, Object.entries(values).map(([k, v]) => `${k}=${v}\n`).join(''));
}

/** The base the event names: a pull request's (or a merge queue's) base commit, or the commit before a push. */
function eventBase() {
  if (!env.GITHUB_EVENT_PATH || !existsSync(env.GITHUB_EVENT_PATH)) return undefined;
  let event;
  try {
    event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  } catch {
    return undefined;
  }
  const sha = event?.pull_request?.base?.sha ?? event?.merge_group?.base_sha ?? event?.before;
  return typeof sha === 'string' && /^[0-9a-f]{40,64}$/.test(sha) && !/^0+$/.test(sha) ? sha : undefined;
}

const named = env.ADRW_BASE || undefined;
let base = named ?? eventBase() ?? (env.GITHUB_BASE_REF ? env.GITHUB_BASE_REF : undefined);
if (!base) fail('ADR review: no base to compare with: run on pull_request (or push), or set the action\'s `base` input');
if (base.startsWith('-') || /[\s:^~?*[\\]|\.\./.test(base)) fail(`ADR review: "${base}" is not a commit or branch name`);
if (!existsSync(cli)) fail(`ADR review: ${cli} is missing (build ADR Workbench first: npm ci)`);
if (!git('rev-parse', '--git-dir').ok) fail(`ADR review: ${cwd} is not a git checkout (use actions/checkout first)`);

const isCommit = (ref) => git('cat-file', '-e', `${ref}^{commit}`).ok;

// The base commit: present in a full clone; fetched (one commit deep) from the server otherwise.
if (!isCommit(base)) {
  const local = !/^[0-9a-f]{40,64}$/.test(base) && isCommit(`refs/remotes/origin/${base}`) ? `refs/remotes/origin/${base}` : undefined;
  if (local) base = local;
  else {
    if (!remote) fail(`ADR review: ${base} is not in the checkout and GITHUB_REPOSITORY does not say where to fetch it`);
    const spec = /^[0-9a-f]{40,64}$/.test(base) ? base : `refs/heads/${base}`;
    const f = git('fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', remote, spec);
    if (!f.ok) fail(`ADR review: cannot fetch ${base}: ${f.err}`);
    base = git('rev-parse', '--verify', 'FETCH_HEAD^{commit}').out || base;
  }
}
// The merge base: a shallow clone may not reach it; then the history is fetched in full (once).
if (!git('merge-base', base, 'HEAD').ok && git('rev-parse', '--is-shallow-repository').out === 'true') {
  if (!remote) fail('ADR review: the checkout is shallow and GITHUB_REPOSITORY does not say where to fetch history (use fetch-depth: 0)');
  // Both ends: the history of HEAD (a pull request's merge commit, say) is as shallow as that of the base.
  const ends = [git('rev-parse', '--verify', `${base}^{commit}`).out, git('rev-parse', '--verify', 'HEAD').out].filter(Boolean);
  const f = git('fetch', '--no-tags', '--no-recurse-submodules', '--unshallow', remote, ...ends);
  if (!f.ok) fail(`ADR review: cannot fetch the history down to the merge base: ${f.err}`);
}
if (!git('merge-base', base, 'HEAD').ok) fail(`ADR review: ${base} and HEAD have no common history`);

const args = [cli, 'check', '--base', base, '--format', 'github', '--fail-on', failOn, '--sarif-file', sarifFile];
if (env.GITHUB_STEP_SUMMARY) args.push('--step-summary');
const r = spawnSync(process.execPath, args, { cwd, env, stdio: 'inherit' });
const code = r.status ?? 2;
output({ 'sarif-file': existsSync(sarifFile) ? sarifFile : '', base, 'exit-code': String(code) });
process.exit(code);
