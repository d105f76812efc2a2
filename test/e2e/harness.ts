// UI end-to-end harness: drives the real VS Code workbench (code-server) in headless Chromium.
// scripts/real-editor/run-e2e.mjs packages and installs the extension, starts the server and the
// browser, publishes them as the E2E context below, then runs every test/e2e/**/*.test.ts with
// mocha. Each describe block opens its own workbench page:
//
//   describe('new record', () => {
//     const wb = useWorkbench();
//     it('…', async () => { await wb().runCommand('ADR: New Record'); await wb().waitFor('…'); });
//   });
//
// Wait on selectors, never on fixed sleeps. A failing test leaves out/screenshots/FAILED-….png.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** What run-e2e.mjs provides (on globalThis.__adrwE2E). */
export interface E2EContext {
  browser: Browser;
  /** The server's origin, e.g. http://127.0.0.1:PORT. */
  origin: string;
  /** Absolute path of the assembled fixture workspace (a copy: tests may change it). */
  workspace: string;
  /** Where screenshots go (out/screenshots). */
  screenshotsDir: string;
}

export function e2eContext(): E2EContext {
  const ctx = (globalThis as { __adrwE2E?: E2EContext }).__adrwE2E;
  if (!ctx) throw new Error('no E2E context: run these tests with `npm run test:e2e` (scripts/real-editor/run-e2e.mjs)');
  return ctx;
}

const QUICK_INPUT = '.quick-input-widget';

/** Escapes a string for use inside a RegExp. */
function reEscape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class Workbench {
  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
    private readonly ctx: E2EContext,
  ) {}

  /** Opens the workbench on a folder (the fixture workspace by default) and waits until it is
   * restored and the Explorer shows the folder's files. */
  static async open(opts: { folder?: string } = {}): Promise<Workbench> {
    const ctx = e2eContext();
    const context = await ctx.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const folder = opts.folder ?? ctx.workspace;
    await page.goto(`${ctx.origin}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
    const wb = new Workbench(page, context, ctx);
    await wb.whenRestored();
    return wb;
  }

  /** Waits for the workbench's restored phase (through the smoke-test driver the server enables)
   * and for the Explorer's first rows. */
  async whenRestored(): Promise<void> {
    // These run in the page, where globalThis is the window.
    await this.page.waitForFunction(() => 'driver' in globalThis);
    await this.page.evaluate(() => (globalThis as unknown as { driver: { whenWorkbenchRestored(): Promise<void> } })
      .driver.whenWorkbenchRestored());
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor();
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
  }

  /** Runs a command by its palette label (e.g. 'View: Show Explorer'): F1, type, pick the row
   * with exactly that label, and wait for the palette to close. */
  async runCommand(label: string): Promise<void> {
    await this.openQuickInput('F1');
    await this.page.locator(`${QUICK_INPUT} input`).fill(`>${label}`);
    await this.pickRow(new RegExp(`^${reEscape(label)}(,|$)`));
  }

  /** Opens a file by name through Quick Open (Ctrl+P). */
  async quickOpen(fileName: string): Promise<void> {
    await this.openQuickInput('Control+P');
    await this.page.locator(`${QUICK_INPUT} input`).fill(fileName);
    await this.pickRow(new RegExp(`^${reEscape(fileName)}\\b`));
  }

  private async openQuickInput(key: string): Promise<void> {
    await this.page.keyboard.press(key);
    await this.page.locator(`${QUICK_INPUT} input`).waitFor();
  }

  /** Clicks the quick-input row whose accessible name matches, then waits for the widget to go.
   * Row names look like 'View: Show Explorer, Control+Shift+E' or 'name.md doc/adr, file results'. */
  private async pickRow(name: RegExp): Promise<void> {
    await this.page.locator(QUICK_INPUT).getByRole('option', { name }).first().click();
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
  }

  /** Waits until a selector is visible and returns its locator. */
  async waitFor(selector: string, opts: { hasText?: string | RegExp; timeout?: number } = {}): Promise<Locator> {
    const loc = this.page.locator(selector, opts.hasText ? { hasText: opts.hasText } : {}).first();
    await loc.waitFor({ state: 'visible', timeout: opts.timeout });
    return loc;
  }

  /** The names of the rows the Explorer shows (top level, plus whatever is expanded). */
  async explorerLabels(): Promise<string[]> {
    const rows = this.page.locator('.explorer-folders-view .monaco-list-row');
    await rows.first().waitFor();
    return (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? '')))
      .map((l) => l.split(/[,\s]/)[0]);
  }

  /** The tab of an open editor, by file name. */
  editorTab(fileName: string): Locator {
    return this.page.locator('.tabs-container .tab', { hasText: fileName });
  }

  /** The visible text of the active editor (what Monaco has rendered). */
  async activeEditorText(): Promise<string> {
    const lines = this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    await lines.waitFor();
    return (await lines.innerText()).replace(/\u00a0/g, ' ');
  }

  /** Saves a PNG of the whole page to out/screenshots/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(this.ctx.screenshotsDir, { recursive: true });
    const path = join(this.ctx.screenshotsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/**
 * Registers mocha hooks that open a workbench before the block's tests, screenshot it when a test
 * fails, and close it afterwards. Call it inside `describe`; the returned getter gives the page.
 */
export function useWorkbench(opts: { folder?: string } = {}): () => Workbench {
  let wb: Workbench | undefined;
  before(async () => {
    wb = await Workbench.open(opts);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`FAILED-${this.currentTest.fullTitle()}`);
  });
  after(async () => {
    await wb?.close();
  });
  return () => {
    if (!wb) throw new Error('the workbench is not open (did its before hook fail?)');
    return wb;
  };
}
