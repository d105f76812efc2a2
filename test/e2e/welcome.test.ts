/** The Decisions view's welcome content on a folder without records: its Create ADR Collection link
 * runs Initialize Collection (the question is dismissed, so nothing is written). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useWorkbench } from './harness';
import { DECISIONS, WORKBENCH_CONTAINER } from './support';

describe('Welcome view (e2e)', () => {
  const folder = join(tmpdir(), `adrw-e2e-empty-${process.pid}`);
  mkdirSync(folder, { recursive: true });
  // The harness waits for the Explorer's first row.
  writeFileSync(join(folder, 'README.md'), '# A project without decision records\n');
  const wb = useWorkbench({ folder });

  it('offers Create ADR Collection, which asks how to initialize one', async () => {
    await wb().openViewContainer(WORKBENCH_CONTAINER);
    const link = wb().view(DECISIONS).getByRole('button', { name: 'Create ADR Collection' });
    await link.click();
    await wb().quickInput(/^Initialize Decision Collection/);
    await wb().dismissQuickInput();
    await wb().quickInputClosed();
  });
});
