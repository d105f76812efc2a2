#!/usr/bin/env node
// Builds the extension for production and packages it as out/adr-workbench-<version>.vsix with
// @vscode/vsce. --no-dependencies: esbuild already bundled them into dist/. The flags keep vsce
// from prompting (no repository field, no LICENSE file yet), so this runs unattended.
// Usage: node scripts/real-editor/package.mjs   (prints the .vsix path last)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, runNodeScript, secondsSince } from './paths.mjs';

/** Builds dist/ with --production and packages it; returns the .vsix path. */
export function packageVsix() {
  const t0 = performance.now();
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const vsix = join(repoRoot, 'out', `${name}-${version}.vsix`);
  mkdirSync(dirname(vsix), { recursive: true });
  runNodeScript('scripts/build.mjs', '--production');
  const vsce = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
  const r = spawnSync(process.execPath, [
    vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix,
  ], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vsce package failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  console.log(`[package] ${vsix} (${secondsSince(t0)} s)`);
  return vsix;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    packageVsix();
  } catch (err) {
    console.error(`[package] FAILED: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
