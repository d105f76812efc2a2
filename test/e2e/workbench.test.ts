import * as assert from 'node:assert/strict';
import { useWorkbench } from './harness';

describe('workbench (e2e)', () => {
  const wb = useWorkbench();

  it('shows the fixture workspace in the Explorer after running View: Show Explorer', async () => {
    await wb().runCommand('View: Show Explorer');
    const labels = await wb().explorerLabels();
    for (const name of ['doc', 'src', '.adr-dir', 'README.md']) {
      assert.ok(labels.includes(name), `Explorer shows ${JSON.stringify(labels)}, expected ${name}`);
    }
    await wb().screenshot('explorer');
  });

  it('opens a decision record through Quick Open', async () => {
    await wb().quickOpen('0001-record-architecture-decisions.md');
    await wb().editorTab('0001-record-architecture-decisions.md').waitFor();
    assert.match(await wb().activeEditorText(), /Record architecture decisions/);
    await wb().screenshot('record-0001');
  });

  it('lists ADR Workbench among the installed extensions', async () => {
    await wb().runCommand('Extensions: Show Installed Extensions');
    await wb().waitFor('.extensions-viewlet .extension-list-item', { hasText: 'ADR Workbench' });
    await wb().screenshot('installed-extensions');
  });
});
