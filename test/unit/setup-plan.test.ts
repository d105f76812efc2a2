/** The real-editor setup's decisions (scripts/real-editor/setup-plan.mjs): the Debian packages it
 * needs, apt-get as root and a message naming them otherwise, and the code-server build's progress. */
import * as assert from 'node:assert/strict';
import { compilingModules, debianPackages, debianPackagesPlan, installProgress } from '../../scripts/real-editor/setup-plan.mjs';

describe('real-editor setup plan', () => {
  describe('debianPackages', () => {
    it('needs Chromium and a font for the tests, the build tools only while code-server is not built', () => {
      assert.deepEqual(debianPackages({ browser: true, codeServerBuild: true }),
        ['chromium', 'fonts-dejavu-core', 'libkrb5-dev', 'python3', 'make', 'g++']);
      assert.deepEqual(debianPackages({ browser: true, codeServerBuild: false }), ['chromium', 'fonts-dejavu-core']);
      assert.deepEqual(debianPackages({ browser: false, codeServerBuild: true }), ['libkrb5-dev', 'python3', 'make', 'g++']);
      assert.deepEqual(debianPackages({ browser: false, codeServerBuild: false }), []);
    });
  });

  describe('debianPackagesPlan', () => {
    const missing = ['chromium', 'libkrb5-dev'];

    it('does nothing when nothing is missing, whoever runs it', () => {
      assert.deepEqual(debianPackagesPlan({ missing: [], isRoot: false, hasDpkg: true, user: 'ann' }), { action: 'none' });
      assert.deepEqual(debianPackagesPlan({ missing: [], isRoot: true, hasDpkg: false }), { action: 'none' });
    });

    it('installs the missing packages as root', () => {
      assert.deepEqual(debianPackagesPlan({ missing, isRoot: true, hasDpkg: true }), { action: 'install', packages: missing });
    });

    it('as another user, refuses with one paragraph naming the packages and the apt-get command to run', () => {
      const plan = debianPackagesPlan({ missing, isRoot: false, hasDpkg: true, user: 'ann' });
      assert.equal(plan.action, 'refuse');
      const { message } = plan as { message: string };
      assert.match(message, /needs Debian packages that are not installed: chromium, libkrb5-dev\./);
      assert.match(message, /runs as user ann\./);
      assert.match(message, /^ {4}sudo apt-get install --no-install-recommends chromium libkrb5-dev$/m);
      assert.match(message, /then run `npm test` \(or `npm start`\) again/);
      assert.ok(!/\bat \S+:\d+:\d+/.test(message), 'no stack trace');
      assert.match(debianPackagesPlan({ missing, isRoot: false, hasDpkg: true }).action, /^refuse$/);
    });

    it('names every package setup would apt-get as root', () => {
      const all = debianPackages({ browser: true, codeServerBuild: true });
      const root = debianPackagesPlan({ missing: all, isRoot: true, hasDpkg: true });
      const user = debianPackagesPlan({ missing: all, isRoot: false, hasDpkg: true, user: 'ann' }) as { message: string };
      assert.deepEqual(root, { action: 'install', packages: all });
      assert.ok(user.message.includes(`--no-install-recommends ${all.join(' ')}\n`), user.message);
    });

    it('on a system without dpkg, warns (naming the Debian packages) and goes on', () => {
      const plan = debianPackagesPlan({ missing, isRoot: false, hasDpkg: false });
      assert.equal(plan.action, 'warn');
      assert.match((plan as { message: string }).message, /not a Debian-based system .*chromium libkrb5-dev.*ADRW_CHROMIUM/s);
    });
  });

  describe('installProgress', () => {
    it('names the lifecycle script that is running, else counts the fetched packages', () => {
      assert.equal(installProgress(''), 'resolving packages');
      const fetching = 'npm info using npm@11.19.1\nnpm http fetch GET 200 https://r/a 79ms (cache miss)\nnpm http fetch GET 200 https://r/b 9ms\n';
      assert.equal(installProgress(fetching), 'fetching packages (2 so far)');
      const building = `${fetching}npm info run argon2@0.41.1 install node_modules/argon2 node-gyp-build\n`
        + 'npm info run code-server@4.139.1 postinstall node_modules/code-server sh ./postinstall.sh\n';
      assert.equal(installProgress(building), 'running code-server@4.139.1 postinstall (and 1 more)');
      const oneDone = `${building}npm info run argon2@0.41.1 install { code: 0, signal: null }\n`;
      assert.equal(installProgress(oneDone), 'running code-server@4.139.1 postinstall');
      const allDone = `${oneDone}npm info run code-server@4.139.1 postinstall { code: 0, signal: null }\n`;
      assert.equal(installProgress(allDone), '2 install scripts done, finishing');
    });
  });

  describe('compilingModules', () => {
    it('names the native modules node-gyp compiles under the install, not other builds on the machine', () => {
      const ps = [
        '  100     1 npm install --omit=dev',
        '  101   100 sh -c sh ./postinstall.sh',
        '  102   101 npm install',
        '  103   102 make -C build',
        '  104   103 cc -o Release/obj.target/sqlite3/sqlite3.o sqlite3.c -DNODE_GYP_MODULE_NAME=sqlite3 -DUSING_UV_SHARED=1',
        '  105   103 g++ -o Release/obj.target/pty/pty.o -DNODE_GYP_MODULE_NAME=pty -c pty.cc',
        '  106   103 g++ -o Release/obj.target/pty/x.o -DNODE_GYP_MODULE_NAME=pty -c x.cc',
        '  200     1 cc -DNODE_GYP_MODULE_NAME=someone_elses -c a.c',
        'garbage line',
      ].join('\n');
      assert.deepEqual(compilingModules(ps, 100), ['pty', 'sqlite3']);
      assert.deepEqual(compilingModules(ps, 105), []);
      assert.deepEqual(compilingModules(ps, 999), []);
    });
  });
});
