/**
 * Headless Chromium for suites that run in plain Node (the static site's): Debian's Chromium, as
 * scripts/real-editor/browser.mjs launches it for the real-editor suites (that module reads
 * import.meta, which these CommonJS bundles lack, so the launch is repeated here).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.ADRW_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run \`node scripts/real-editor/setup.mjs\` (installs Debian's chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM, headless: true, timeout: 60_000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
