/** CodeLens of code ↔ decision links in the real workbench: a source file governed by a record's
 * glob and naming decisions in comments shows the lenses, and Decisions for This File lists them. */
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { e2eContext, useWorkbench } from './harness';
import { DECISIONS, WORKBENCH_CONTAINER } from './support';

const RECORD = 'doc/adr/0013-keep-configuration-in-one-module.md';
const CODE = 'src/config.ts';
const FILE_VIEW = 'Decisions for This File';

const files: Record<string, string> = {
  [RECORD]: `---
governs:
  - src/config.ts
---
# 13. Keep configuration in one module

Date: 2024-05-06

## Status

Accepted

## Context

Configuration was read in several scripts.

## Decision

Every setting is read in \`src/config.ts\`.
`,
  [CODE]: `// Configuration of the adr command.
export interface Config {
  readonly dir: string;
  readonly template?: string;
}

// ADR-0012: configuration comes from ADR_* environment variables.
export function configFromEnvironment(env: Record<string, string | undefined>): Config {
  return { dir: env.ADR_DIR ?? 'doc/adr', template: env.ADR_TEMPLATE };
}

// Kept for old installs (ADR-0007).
export function configFromExecutable(output: string): Config {
  const [dir = 'doc/adr'] = output.split('\\n');
  return { dir };
}
`,
};

describe('CodeLens (e2e)', () => {
  const path = (p: string) => join(e2eContext().workspace, p);
  // Registered before useWorkbench's hooks, so it runs while the page is still open: later suites
  // see the showcase workspace (twelve records) again.
  after(async () => {
    for (const p of Object.keys(files)) rmSync(path(p), { force: true });
    // The container is still open (clicking its tab again would close it).
    await wb().view(DECISIONS).locator('.pane-header[aria-label^="Decisions - 12"]').waitFor({ state: 'attached' });
  });
  const wb = useWorkbench();

  it('shows which decisions govern a file and which its comments name', async () => {
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(dirname(path(p)), { recursive: true });
      writeFileSync(path(p), text);
    }
    await wb().openViewContainer(WORKBENCH_CONTAINER);
    await wb().view(DECISIONS).locator('.pane-header[aria-label^="Decisions - 13"]').waitFor({ state: 'attached' });
    await wb().quickOpen('config.ts');
    await wb().editorLine('// Configuration of the adr command.').waitFor();
    await wb().editorHighlighted();

    const lens = (text: RegExp) => wb().page.locator('.editor-group-container.active .monaco-editor .codelens-decoration', { hasText: text }).first();
    await lens(/Governed by ADR-0013 Keep configuration in one module/).waitFor();
    await lens(/ADR-0012 Read configuration from environment variables · Accepted/).waitFor();
    await lens(/ADR-0007 Invoke adr-config executable to get configuration · Superseded by ADR-0012/).waitFor();

    // The view below Decisions follows the editor.
    await wb().widenSideBar(520);
    // Collapsed by default (it is empty for most files): opened as a user opens it.
    await wb().expandView(FILE_VIEW);
    await wb().treeRow(FILE_VIEW, /^ADR-0013 Keep configuration in one module/).waitFor();
    await wb().treeRow(FILE_VIEW, /^ADR-0012 Read configuration/).waitFor();
    const labels = await wb().treeLabels(FILE_VIEW);
    assert.deepEqual(labels.map((l) => l.slice(0, 8)), ['ADR-0012', 'ADR-0013', 'ADR-0007']);
    await wb().settle();
    await wb().screenshot('codelens');
  });
});
