// Entry point of the extension-host test suite: the `extensionTestsPath` module that VS Code
// loads inside the extension host (code-server via scripts/real-editor/run-integration.mjs, or
// desktop VS Code via @vscode/test-electron in run-electron.mjs). It runs every bundled
// `*.test.js` beside it with mocha (resolved from the repo's node_modules at run time).
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return testFiles(p);
    return e.name.endsWith('.test.js') ? [p] : [];
  });
}

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.ADRW_TEST_TIMEOUT ?? 20_000),
    grep: process.env.ADRW_TEST_GREP || undefined,
  });
  const files = testFiles(__dirname).sort();
  for (const f of files) mocha.addFile(f);
  const failures = await new Promise<number>((resolve, reject) => {
    try {
      const runner = mocha.run((n) => resolve(n));
      runner.on('end', () => {
        const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
        // A closing line that CI's log reader understands, whatever the reporter printed.
        console.log(`integration: ${passes} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
      });
    } catch (err) {
      reject(err);
    }
  });
  if (files.length === 0) throw new Error(`no *.test.js files found in ${__dirname}`);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
