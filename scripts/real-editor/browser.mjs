// Launches Debian's Chromium through playwright-core (never `npx playwright install`: it
// downloads a browser, which fails here). Playwright gives each launch a fresh profile folder.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { chromiumPath } from './paths.mjs';

// The background-networking flags keep Chromium from dialling hosts this machine cannot reach.
export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launches headless Chromium; close it with `await browser.close()`. */
export async function launchBrowser() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} not found: run \`node scripts/real-editor/setup.mjs\` (installs Debian's chromium)`);
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, timeout: 60_000 });
}
