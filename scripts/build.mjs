// Bundles the extension and the CLI with esbuild (CommonJS, Node target).
// `vscode` stays external: the extension host provides it.
//
// The CLI is a small binary (dist/cli.js: the command table, help, --version) plus one minified
// bundle per command module (dist/cli/<module>.js), loaded only when one of its commands runs: `adrw
// list` never reads the code of `check` or `lint`.
import * as esbuild from 'esbuild';
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import { siteClientPlugin } from './esbuild-site-client.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

// Node reads the extension and the CLI as UTF-8: non-ASCII text (HTML entity tables, typography)
// is written as itself, not as \uXXXX escapes. proper-lockfile's graceful-fs is Node's fs: it only
// makes lock files, and graceful-fs's retry queue is ~11 KB of the 1 MB extension budget.
const nodeBundle = { charset: 'utf8', alias: { 'graceful-fs': 'fs' } };

// The CLI is minified always: start-up time is parse time.
const cli = { ...common, ...nodeBundle, minify: true, plugins: [siteClientPlugin] };

/** The command modules (src/cli/commands/*.ts but the table). */
const modules = readdirSync('src/cli/commands').filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3));

const configs = [
  { ...common, ...nodeBundle, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...cli, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  ...modules.map((m) => ({
    ...cli,
    stdin: {
      contents: `import * as m from './src/cli/commands/${m}';\nimport { runNode } from './src/cli/node';\nrunNode(m);\n`,
      resolveDir: process.cwd(),
      sourcefile: `cli-${m}.ts`,
      loader: 'ts',
    },
    outfile: `dist/cli/${m}.js`,
  })),
  // Webview pages run in the browser: an IIFE each, no Node.
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['src/webviews/review/main.ts'], outfile: 'dist/webview/review.js' },
  // The graph page lays its graph out itself (dagre through src/core/graph/layout): minified always, as it ships.
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', minify: true, entryPoints: ['src/webviews/graph/main.ts'], outfile: 'dist/webview/graph.js' },
  // The digest page renders the sections the extension posts (no core code in it): minified as it ships.
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', minify: true, entryPoints: ['src/webviews/digest/main.ts'], outfile: 'dist/webview/digest.js' },
];

if (watch) {
  for (const c of configs) {
    const ctx = await esbuild.context(c);
    await ctx.watch();
  }
} else {
  rmSync('dist/cli', { recursive: true, force: true });
  await Promise.all(configs.map((c) => esbuild.build(c)));
  chmodSync('dist/cli.js', 0o755);
}
