// The decisions setup.mjs makes, as pure functions (no file system, no processes) so that unit
// tests cover them (test/unit/setup-plan.test.ts): which Debian packages the harness needs, what to
// do when some are missing (apt-get them as root, else stop with a message naming them), and the
// progress line printed while code-server builds (from npm's log and the build's processes).

/**
 * The Debian packages the real-editor harness needs.
 * @param {{ browser: boolean, codeServerBuild: boolean }} need
 *   browser: Chromium is needed and not already at ADRW_CHROMIUM; codeServerBuild: code-server is
 *   not installed yet (its native modules build against the Kerberos headers with python3, make, g++).
 * @returns {string[]}
 */
export function debianPackages({ browser, codeServerBuild }) {
  const debs = [];
  if (browser) debs.push('chromium', 'fonts-dejavu-core');
  if (codeServerBuild) debs.push('libkrb5-dev', 'python3', 'make', 'g++');
  return debs;
}

/**
 * What to do about the Debian packages that are missing.
 * @param {{ missing: string[], isRoot: boolean, hasDpkg: boolean, user?: string }} facts
 * @returns {{ action: 'none' } | { action: 'install', packages: string[] } | { action: 'refuse', message: string }
 *   | { action: 'warn', message: string }}
 */
export function debianPackagesPlan({ missing, isRoot, hasDpkg, user }) {
  if (missing.length === 0) return { action: 'none' };
  const list = missing.join(' ');
  const command = `sudo apt-get install --no-install-recommends ${list}`;
  if (!hasDpkg) {
    return {
      action: 'warn',
      message: `This is not a Debian-based system (no dpkg-query), so setup cannot check or install the packages `
        + `the real-editor tests need; make sure the equivalents of the Debian packages ${list} are installed `
        + '(set ADRW_CHROMIUM to the Chromium binary if it is not /usr/bin/chromium).',
    };
  }
  if (isRoot) return { action: 'install', packages: [...missing] };
  return {
    action: 'refuse',
    message: 'The real editor (code-server, for `npm start` and the tests, and Chromium, which drives it in the '
      + `tests) needs Debian packages that are not installed: ${missing.join(', ')}. Setup installs them with apt-get `
      + `only when it runs as root, and it runs as ${user ? `user ${user}` : 'another user'}. Install them once:`
      + `\n\n    ${command}\n\n`
      + 'then run `npm test` (or `npm start`) again. The unit tests alone need none of them: `npm run test:unit`.',
  };
}

/**
 * A one-line account of a running `npm install --loglevel=info` from its log so far: the lifecycle
 * script that is running (npm logs `npm info run <pkg>@<version> <event> <path> <command>` when one
 * starts and `npm info run <pkg>@<version> <event> { code: … }` when it ends), else how many packages
 * were fetched, or that the scripts are done.
 * @param {string} log
 * @returns {string}
 */
export function installProgress(log) {
  const running = new Map();
  let fetched = 0;
  let scripts = 0;
  for (const line of log.split('\n')) {
    if (/^npm http fetch GET 200 /.test(line)) fetched++;
    const m = /^npm info run (\S+) (\S+) (.*)$/.exec(line);
    if (!m) continue;
    const key = `${m[1]} ${m[2]}`;
    if (m[3].startsWith('{ code:')) running.delete(key);
    else {
      running.set(key, m[3]);
      scripts++;
    }
  }
  if (running.size > 0) {
    const [key] = [...running.keys()].slice(-1);
    return `running ${key}${running.size > 1 ? ` (and ${running.size - 1} more)` : ''}`;
  }
  if (scripts > 0) return `${scripts} install scripts done, finishing`;
  return fetched > 0 ? `fetching packages (${fetched} so far)` : 'resolving packages';
}

/**
 * The native modules being compiled under process `rootPid`, from `ps -eo pid=,ppid=,args=` output:
 * node-gyp's compiler command lines carry `-DNODE_GYP_MODULE_NAME=<module>`. Only descendants of
 * `rootPid` count (other builds on the machine are not ours).
 * @param {string} ps
 * @param {number} rootPid
 * @returns {string[]} module names, sorted, each once
 */
export function compilingModules(ps, rootPid) {
  const rows = ps.split('\n').map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line)).filter(Boolean)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
  const ours = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows) {
      if (!ours.has(r.pid) && ours.has(r.ppid)) {
        ours.add(r.pid);
        grew = true;
      }
    }
  }
  const names = new Set();
  for (const r of rows) {
    const m = ours.has(r.pid) && r.pid !== rootPid ? /-DNODE_GYP_MODULE_NAME=([\w.@-]+)/.exec(r.args) : null;
    if (m) names.add(m[1]);
  }
  return [...names].sort();
}
