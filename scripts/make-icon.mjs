#!/usr/bin/env node
// Renders media/icon.svg to media/icon.png (128×128, transparent corners), the extension icon that
// package.json's "icon" names (the Marketplace and the Extensions view take PNG only). Uses the
// Chromium the real-editor harness uses (Debian's, through playwright-core): no image library.
// Run it after editing the SVG and commit both files:   node scripts/make-icon.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './real-editor/browser.mjs';
import { repoRoot } from './real-editor/paths.mjs';

const SIZE = 128;
const svg = readFileSync(join(repoRoot, 'media/icon.svg'), 'utf8');
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  const out = join(repoRoot, 'media/icon.png');
  writeFileSync(out, png);
  console.log(`[make-icon] ${out}: ${png.length} bytes`);
} finally {
  await browser.close();
}
