// Bundles test suites (and the benchmark) into out/ so that plain Node runs them:
// one output file per test file; ESM-only dependencies (unified, remark) are bundled in.
// Type checking is `npm run typecheck`; this step only transpiles.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { siteClientPlugin } from './esbuild-site-client.mjs';

const which = process.argv[2] ?? 'unit';
const roots = { unit: ['test/unit'], integration: ['test/integration'], 'integration-multiroot': ['test/integration-multiroot'], e2e: ['test/e2e'], site: ['test/site'], bench: ['bench'] }[which];
if (!roots) throw new Error(`unknown test kind: ${which}`);

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const entryPoints = roots.flatMap((r) => walk(r));
const outdir = which === 'bench' ? 'out/bench' : `out/${roots[0]}`;
rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir,
  outbase: roots[0],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
  // proper-lockfile stays one shared copy: bundled into every suite, each copy would add its own exit handlers.
  external: ['vscode', 'mocha', 'playwright-core', 'proper-lockfile'],
  plugins: [siteClientPlugin],
});
