// The one test command (`npm test`): build, typecheck, lint, then every suite in order, and a closing
// line "N passed, N failed" summing the suites. A suite that fails or runs no test fails the run.
import { spawn } from 'node:child_process';

const only = process.argv.slice(2);
const steps = [
  { name: 'build', cmd: 'node scripts/build.mjs' },
  { name: 'typecheck', cmd: 'npx tsc -p . && npx tsc -p tsconfig.webview.json' },
  { name: 'lint', cmd: 'npx eslint src test bench scripts' },
  { name: 'unit', cmd: 'node scripts/build-tests.mjs unit && npx mocha --config .mocharc.json', suite: true },
  // The real editor: code-server (VS Code from npm) + Chromium, provisioned on first run.
  { name: 'setup', cmd: 'node scripts/real-editor/setup.mjs' },
  { name: 'integration', cmd: 'node scripts/real-editor/run-integration.mjs', suite: true },
  // The same runner over a multi-root .code-workspace: two repositories, a collection in each.
  { name: 'integration-multiroot', cmd: 'node scripts/real-editor/run-integration.mjs --multiroot', suite: true },
  { name: 'e2e', cmd: 'node scripts/real-editor/run-e2e.mjs', suite: true },
  // The static site (`adrw site`) in headless Chromium, from file:// and from a sub-path of a server.
  { name: 'site', cmd: 'node scripts/build-tests.mjs site && npx mocha --no-config --enable-source-maps --timeout 120000 "out/test/site/**/*.test.js"', suite: true },
];

function run(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

const counts = (out, word) => [...out.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);

let passed = 0;
let failed = 0;
let broken = false;
const started = Date.now();
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  const t0 = Date.now();
  process.stdout.write(`\n=== ${step.name}\n`);
  const { code, out } = await run(step.cmd);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (step.suite) {
    const p = counts(out, 'passing');
    const f = counts(out, 'failing');
    const pending = counts(out, 'pending');
    passed += p;
    failed += f;
    process.stdout.write(`=== ${step.name}: ${p} passing, ${f} failing, ${pending} pending (${secs}s)\n`);
    if (code !== 0 || p === 0 || pending > 0) {
      broken = true;
      if (f === 0) failed += 1; // a suite that crashed or ran nothing counts as a failure
    }
  } else {
    process.stdout.write(`=== ${step.name}: ${code === 0 ? 'ok' : `failed (exit ${code})`} (${secs}s)\n`);
    if (code !== 0) {
      broken = true;
      failed += 1;
    }
  }
  if (broken && step.name !== 'lint') break;
}
process.stdout.write(`\nall suites (${((Date.now() - started) / 1000).toFixed(0)}s):\n${passed} passed, ${failed} failed\n`);
process.exit(broken || failed > 0 ? 1 : 0);
