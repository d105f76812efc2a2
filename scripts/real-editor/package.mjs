#!/usr/bin/env node
// Builds the extension for production and packages it as out/adr-workbench-<version>.vsix with
// @vscode/vsce, then checks what went in (checkVsix): only the files the extension needs, a
// minified extension bundle of at most 1 MB (1,000,000 bytes), no source maps. `npm run package` and the UI tests
// (run-e2e.mjs) both go through here, so `npm test` fails when the package grows something wrong.
// vsce flags: --no-dependencies (esbuild already bundled them into dist/),
// --allow-missing-repository (package.json has no repository URL, and no fake one goes in),
// --no-rewrite-relative-links (without a repository vsce cannot turn the README's relative
// screenshot links into URLs and would refuse; they resolve inside the installed extension).
// Usage: node scripts/real-editor/package.mjs   (prints the sizes and the .vsix path)
import { spawnSync } from 'node:child_process';
import {
  copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { repoRoot, secondsSince } from './paths.mjs';

/** The most the extension's bundle (what the extension host loads) may weigh. */
/** The brief's 1 MB, in bytes (not MiB). */
export const BUNDLE_LIMIT_BYTES = 1_000_000;

/** Files the .vsix must hold (vsce renames LICENSE to LICENSE.txt and README.md to readme.md). */
const REQUIRED = [
  'extension.vsixmanifest', 'extension/package.json', 'extension/package.nls.json', 'extension/readme.md',
  'extension/LICENSE.txt', 'extension/dist/extension.js', 'extension/dist/cli.js', 'extension/dist/cli/query.js', 'extension/media/icon.png',
];
/** Everything the .vsix may hold. Anything else (source maps, node_modules, src/, test/, out/,
 * .cache/, stray files) fails the check: ship a new file by listing it in .vscodeignore and here. */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/(package\.json|package\.nls(\.[\w-]+)?\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/dist\/(extension|cli)\.js$/,
  // The CLI's command modules, loaded by dist/cli.js when one of their commands runs.
  /^extension\/dist\/cli\/[\w-]+\.js$/,
  /^extension\/dist\/webview\/[\w-]+\.(js|css)$/,
  /^extension\/schema\/[\w.-]+\.schema\.json$/,
  /^extension\/media\/[\w./-]+\.(svg|png|css)$/,
  /^extension\/snippets\/[\w.-]+\.code-snippets$/,
];

/**
 * The entries of a zip file from its central directory: name, uncompressed size, and a reader for
 * the content (stored or deflated entries, which is all vsce writes). No dependency needed.
 * @param {Buffer} zip
 * @returns {{ name: string, size: number, read: () => Buffer }[]}
 */
export function zipEntries(zip) {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory record)');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`corrupt zip central directory at ${p}`);
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const read = () => {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const raw = zip.subarray(start, start + compressed);
      if (method === 0) return raw;
      if (method === 8) return inflateRawSync(raw);
      throw new Error(`${name}: unsupported zip compression method ${method}`);
    };
    entries.push({ name, size, read });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * Checks a .vsix: required files present, nothing outside ALLOWED, the extension bundle minified,
 * without a source map reference and within BUNDLE_LIMIT_BYTES. Throws listing every problem;
 * returns a one-line summary of the sizes otherwise.
 */
export function checkVsix(vsix) {
  const zip = readFileSync(vsix);
  const entries = zipEntries(zip);
  const names = new Set(entries.map((e) => e.name));
  const problems = [];
  for (const r of REQUIRED) if (!names.has(r)) problems.push(`missing ${r}`);
  for (const e of entries) {
    if (!ALLOWED.some((re) => re.test(e.name))) problems.push(`unexpected file ${e.name} (${kib(e.size)})`);
  }
  const bundle = entries.find((e) => e.name === 'extension/dist/extension.js');
  const cli = entries.find((e) => e.name === 'extension/dist/cli.js');
  for (const js of [bundle, cli]) {
    if (!js) continue;
    const text = js.read().toString('utf8');
    if (/\/\/# sourceMappingURL=/.test(text)) problems.push(`${js.name} refers to a source map (not a --production build)`);
    // esbuild's minified output is a handful of very long lines; a readable build averages ~40 chars.
    const lines = text.split('\n').length;
    if (text.length / lines < 200) problems.push(`${js.name} is not minified (${lines} lines for ${kib(text.length)})`);
  }
  if (bundle && bundle.size > BUNDLE_LIMIT_BYTES) {
    problems.push(`extension/dist/extension.js is ${kib(bundle.size)}, over the ${kib(BUNDLE_LIMIT_BYTES)} limit`);
  }
  if (problems.length) throw new Error(`${vsix} fails the package check:\n  - ${problems.join('\n  - ')}`);
  return `extension bundle ${kib(bundle.size)} (limit ${kib(BUNDLE_LIMIT_BYTES)}), cli ${kib(cli.size)}, `
    + `.vsix ${kib(zip.length)} with ${entries.length} files`;
}

/**
 * Builds the extension with --production in a staging folder (out/package/), packages it there
 * and checks the package; returns the .vsix path. Staging keeps the package away from dist/, which
 * development builds (`npm run build`, the integration runner, other people's watch builds in the
 * same clone) rewrite at any moment: the build script writes to dist/ under its working folder, so
 * it runs in the staging folder, which links src/ and copies what ships. `outDir` (default out/)
 * receives the staging folder and the .vsix: the UI test runner passes its run folder, so that
 * test runs in the same clone at the same time do not package over each other.
 */
export function packageVsix({ outDir = join(repoRoot, 'out') } = {}) {
  const t0 = performance.now();
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const vsix = join(outDir, `${name}-${version}.vsix`);
  const stage = join(outDir, 'package');
  rmSync(stage, { recursive: true, force: true });
  rmSync(vsix, { force: true });
  mkdirSync(stage, { recursive: true });
  for (const f of ['package.json', 'package.nls.json', 'README.md', 'LICENSE', 'CHANGELOG.md', '.vscodeignore']) {
    if (existsSync(join(repoRoot, f))) copyFileSync(join(repoRoot, f), join(stage, f));
  }
  for (const d of ['media', 'snippets']) cpSync(join(repoRoot, d), join(stage, d), { recursive: true });
  symlinkSync(join(repoRoot, 'src'), join(stage, 'src'), 'dir');
  try {
    const build = spawnSync(process.execPath, [join(repoRoot, 'scripts/build.mjs'), '--production'], { cwd: stage, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the production build failed');
  } finally {
    rmSync(join(stage, 'src')); // the link only: nothing else should find the sources twice
  }
  const vsce = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
  const r = spawnSync(process.execPath, [
    vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix,
  ], { cwd: stage, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vsce package failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  const summary = checkVsix(vsix);
  console.log(`[package] ${vsix} (${secondsSince(t0)} s): ${summary}`);
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
