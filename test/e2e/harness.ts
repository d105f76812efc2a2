// UI end-to-end harness: drives the real VS Code workbench (code-server) in headless Chromium.
// scripts/real-editor/run-e2e.mjs packages and installs the extension, starts the server and the
// browser, publishes them as the E2E context below, then runs every test/e2e/**/*.test.ts with
// mocha. Each describe block opens its own workbench page:
//
//   describe('new record', () => {
//     const wb = useWorkbench();
//     it('…', async () => { await wb().runCommand('ADR: New Decision…'); await wb().waitFor('…'); });
//   });
//
// The workspace is the fixture plus the showcase records (scripts/real-editor/showcase.mjs): twelve
// records, one Proposed, nine Accepted, one Superseded, one Rejected. Tests that add files remove
// them again. Wait on selectors and accessible names, never on fixed sleeps; call settle() before a
// screenshot. A failing test leaves out/screenshots/FAILED-….png.
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
const SIDEBAR = '.part.sidebar';

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
    for (let attempt = 1; ; attempt++) {
      await this.openQuickInput('F1');
      try {
        await this.page.locator(`${QUICK_INPUT} input`).fill(`>${label}`, { timeout: 10_000 });
        break;
      } catch (e) {
        // The palette closes when a webview that is still loading takes the focus: open it again.
        if (attempt === 3) throw e;
        await this.page.keyboard.press('Escape');
      }
    }
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

  /** Clicks the quick-input row whose accessible name matches, then waits for the widget to go (or
   * to move on to a command's own question). Row names look like 'View: Show Explorer,
   * Control+Shift+E' or 'name.md doc/adr, file results'. */
  private async pickRow(name: RegExp): Promise<void> {
    const row = this.page.locator(QUICK_INPUT).getByRole('option', { name }).first();
    await row.click();
    await row.waitFor({ state: 'hidden' });
  }

  /** The quick input (palette, input box or pick) once it is visible with a title matching `title`.
   * A multi-step question's title ends in its step, e.g. 'New Decision (2/5)'. */
  async quickInput(title: RegExp): Promise<Locator> {
    const widget = this.page.locator(QUICK_INPUT);
    await widget.locator('.quick-input-title', { hasText: title }).waitFor();
    return widget;
  }

  /** Answers the quick input showing `title`: types `text` (when given) and presses Enter. */
  async answer(title: RegExp, text?: string): Promise<void> {
    const widget = await this.quickInput(title);
    if (text !== undefined) await widget.locator('input').fill(text);
    await this.page.keyboard.press('Enter');
  }

  /** Presses Enter on every remaining step of a multi-step question titled `title` (accepting its
   * defaults), from step `from` on, until `done` is visible (e.g. the tab of the file the command
   * creates); returns how many steps were answered. Each step is waited for by its title
   * ('New Decision (3/5)'), so no key press lands early, whatever the number of steps. */
  async acceptRemainingSteps(title: string, from: number, done: Locator): Promise<number> {
    for (let step = from; ; step++) {
      const next = this.page.locator(`${QUICK_INPUT} .quick-input-title`, {
        hasText: new RegExp(`^${reEscape(title)} \\(${step}/\\d+\\)`),
      });
      await next.or(done).first().waitFor();
      if (await done.isVisible()) return step - from;
      await this.page.keyboard.press('Enter');
    }
  }

  /** Closes the quick input if one is open (Escape), e.g. after a failed test. */
  async dismissQuickInput(): Promise<void> {
    const widget = this.page.locator(QUICK_INPUT);
    for (let i = 0; i < 5 && (await widget.isVisible()); i++) {
      await this.page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined);
    }
  }

  /** Waits until the quick input has closed. */
  async quickInputClosed(): Promise<void> {
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
  }

  /** Opens a view container from the activity bar by its title (e.g. 'ADR Workbench') and waits
   * for the side bar to show it. */
  async openViewContainer(title: string): Promise<void> {
    // Clicking the active container's tab would close the side bar: click only when it is not shown.
    if (await this.page.locator(`${SIDEBAR} .composite.title`, { hasText: title }).isVisible()) return;
    await this.page.locator('.part.activitybar').getByRole('tab', { name: new RegExp(`^${reEscape(title)}\\b`) }).click();
    await this.page.locator(`${SIDEBAR} .composite.title`, { hasText: title }).waitFor();
  }

  /** A view of the side bar by its name (the pane whose header is labelled 'Decisions - …'). */
  view(name: string): Locator {
    return this.page.locator(`${SIDEBAR} .pane`, {
      has: this.page.locator(`.pane-header[aria-label^="${name}"]`),
    });
  }

  /** A row of a view's tree by its accessible name: a RegExp, or a string the name starts with. */
  treeRow(viewName: string, name: string | RegExp): Locator {
    const re = typeof name === 'string' ? new RegExp(`^${reEscape(name)}`) : name;
    return this.view(viewName).getByRole('treeitem', { name: re });
  }

  /** The accessible names of the rows a view's tree shows now (expanded groups included), top to
   * bottom: by their list index, as the list recycles row elements out of order. */
  async treeLabels(viewName: string): Promise<string[]> {
    const rows = await this.view(viewName).getByRole('treeitem')
      .evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-index')), e.getAttribute('aria-label') ?? ''] as const));
    return [...rows].sort((a, b) => a[0] - b[0]).map(([, label]) => label);
  }

  /** The message line a view shows above its tree (TreeView.message). */
  viewMessage(viewName: string): Locator {
    return this.view(viewName).locator('.tree-explorer-viewlet-tree-view > .message');
  }

  /** A view action button of the side bar, by its accessible name: in the title bar when the
   * container shows one view, in the view's own header when it shows several. */
  sideBarAction(name: string): Locator {
    return this.page.locator(`${SIDEBAR} .title-actions, ${SIDEBAR} .pane-header .actions`).getByRole('button', { name, exact: true });
  }

  /** A view's header in the side bar. Its label is '<name> - <count or description> Section' or
   * '<name> Section' ('Decisions' must not match 'Decisions for This File'). */
  viewHeader(viewName: string): Locator {
    return this.page.locator(`${SIDEBAR} .pane-header`).and(this.page.getByRole('button', { name: new RegExp(`^${reEscape(viewName)}(?: - .*)? Section$`) }));
  }

  /** Expands a view of the side bar when it is collapsed (a click on its header, as a user does). */
  async expandView(viewName: string): Promise<void> {
    const header = this.viewHeader(viewName);
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    await header.and(this.page.locator('[aria-expanded="true"]')).waitFor();
  }

  /** A toolbar button of one view's header, as a user reaches it: the pointer over the header first
   * (a container with several views shows header actions on hover or focus only). */
  async viewAction(viewName: string, name: string): Promise<Locator> {
    const header = this.viewHeader(viewName);
    await header.hover();
    const button = header.locator('.actions').getByRole('button', { name, exact: true });
    await button.waitFor();
    return button;
  }

  /** Waits for a notification whose message matches `text`: shown as a toast, else listed in the
   * notification centre (a headless page may hold toasts back), which it then closes. */
  async notification(text: RegExp): Promise<void> {
    const toast = this.page.locator('.notifications-toasts .notification-list-item-message', { hasText: text });
    if (await toast.first().isVisible()) return;
    await this.page.locator('.part.statusbar').getByRole('button', { name: /Notifications/ }).first().click();
    await this.page.locator('.notifications-center .notification-list-item-message', { hasText: text }).first().waitFor();
    await this.page.keyboard.press('Escape');
  }

  /** Right-clicks `target` and clicks the context-menu entry `name`. */
  async contextMenu(target: Locator, name: string): Promise<void> {
    await this.dismissHover();
    await this.throughMenu(() => target.click({ button: 'right' }), name);
  }

  /**
   * Moves the mouse off the workbench's parts and waits for a hover to go: a row's tooltip (a
   * record's status, history and first paragraph) can cover the rows below it and take the click.
   */
  async dismissHover(): Promise<void> {
    await this.page.mouse.move(1, 1);
    await this.page.locator('.monaco-hover, .workbench-hover, .context-view:not(:has(.monaco-menu))').filter({ visible: true })
      .first().waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
  }

  /**
   * Opens a menu and clicks `name` in it. A menu that closes before the click lands (focus moved
   * by a late editor or notification on a loaded machine: the item is detached) is opened again,
   * as a user would; up to three tries.
   */
  private async throughMenu(open: () => Promise<void>, name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await open();
      try {
        await this.menuItem(name, attempt < 3 ? 10_000 : undefined);
        return;
      } catch (e) {
        if (attempt >= 3) throw e;
        await this.page.keyboard.press('Escape');
        await this.page.locator('.context-view .monaco-menu').filter({ visible: true }).waitFor({ state: 'hidden' }).catch(() => undefined);
      }
    }
  }

  /** Clicks an entry of the open (context or overflow) menu. */
  async menuItem(name: string, timeout?: number): Promise<void> {
    const t = timeout === undefined ? {} : { timeout };
    const menu = this.page.locator('.context-view .monaco-menu').filter({ visible: true });
    await menu.waitFor(t);
    const item = menu.getByRole('menuitem', { name: new RegExp(`^${reEscape(name)}`) });
    await item.first().hover(t);
    await item.first().click(t);
    await menu.waitFor({ state: 'hidden', ...t });
  }

  /** Opens a view header's "More Actions..." menu and clicks `name` in it. */
  async viewMenu(viewName: string, name: string): Promise<void> {
    await this.throughMenu(async () => (await this.viewAction(viewName, 'More Actions...')).click(), name);
  }

  /** Hovers a tree row and clicks one of its inline actions. */
  async rowAction(row: Locator, name: string): Promise<void> {
    await row.hover();
    await row.locator('.actions').getByRole('button', { name, exact: true }).click();
  }

  /** A status bar item by its id ('<publisher>.<extension>.<item id>' for extensions' items). */
  statusBarItem(id: string): Locator {
    return this.page.locator(`.part.statusbar [id="${id}"]`);
  }

  /** Drags the side bar's edge until it is `width` pixels wide (titles and dates fit). */
  async widenSideBar(width: number): Promise<void> {
    const bar = await this.page.locator(SIDEBAR).boundingBox();
    const sash = await this.page.locator('.monaco-sash.primary-sidebar-sash').boundingBox();
    if (!bar || !sash) throw new Error('no side bar to widen');
    const y = sash.y + sash.height / 2;
    await this.page.mouse.move(sash.x + sash.width / 2, y);
    await this.page.mouse.down();
    await this.page.mouse.move(bar.x + width, y, { steps: 4 });
    await this.page.mouse.up();
    await this.page.waitForFunction(`(document.querySelector('${SIDEBAR}')?.getBoundingClientRect().width ?? 0) >= ${width - 8}`);
  }

  /** Hovers a locator and returns the editor hover that opens (the visible `.monaco-hover`). */
  async hover(target: Locator): Promise<Locator> {
    await target.hover();
    const hover = this.page.locator('.monaco-hover:not(.hidden)').first();
    await hover.waitFor();
    return hover;
  }

  /** Text the active editor renders, as a locator (a rendered line containing `text`). */
  editorLine(text: string | RegExp): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: text }).first();
  }

  /** Waits until the active editor shows syntax colours (a token other than plain text), i.e. its
   * language's grammar has been applied: before a screenshot of a Markdown record. */
  async editorHighlighted(): Promise<void> {
    await this.page.locator('.editor-group-container.active .monaco-editor .view-line span[class^="mtk"]:not(.mtk1)')
      .first().waitFor();
  }

  /** Gets the page ready for a screenshot: the mouse rests on the empty part of the activity bar (so
   * no tooltip or hover shows), hovers have closed and no progress bar runs. */
  async settle(opts: { keepHover?: boolean } = {}): Promise<void> {
    if (!opts.keepHover) {
      const bar = await this.page.locator('.part.activitybar').boundingBox();
      if (bar) await this.page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height * 0.65);
      await this.page.locator('.monaco-hover:not(.hidden), .workbench-hover').first().waitFor({ state: 'hidden' });
    }
    await this.page.locator('.monaco-progress-container.active, .part.activitybar .badge.progress-badge').first()
      .waitFor({ state: 'hidden' });
    await this.page.locator('.part.statusbar', { hasText: 'Activating Extensions' }).waitFor({ state: 'hidden' });
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
    if (this.currentTest?.state !== 'failed' || !wb) return;
    await wb.screenshot(`FAILED-${this.currentTest.fullTitle()}`);
    // Leave no question open for the next test.
    await wb.dismissQuickInput();
  });
  after(async () => {
    await wb?.close();
  });
  return () => {
    if (!wb) throw new Error('the workbench is not open (did its before hook fail?)');
    return wb;
  };
}
