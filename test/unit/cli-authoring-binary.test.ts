/**
 * The bundled CLI (dist/cli.js) on a real temporary folder: the editor from VISUAL / EDITOR runs on
 * the new record before its path is printed (adr-tools' tests/edit-adr-on-creation with its fake
 * editors), and exit codes reach the shell.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const CLI = join(process.cwd(), 'dist', 'cli.js');

(process.platform === 'win32' ? describe.skip : describe)('CLI authoring: the bundled binary', () => {
  let dir: string;
  let bin: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'adrw-authoring-'));
    bin = join(dir, '.bin');
    mkdirSync(bin);
    // adr-tools' tests/fake-editor and tests/fake-visual.
    for (const [name, label] of [['fake-editor', 'EDITOR'], ['fake-visual', 'VISUAL']]) {
      writeFileSync(join(bin, name!), `#!/bin/sh\necho ${label} "$@"\n`);
      chmodSync(join(bin, name!), 0o755);
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function run(args: string[], env: Record<string, string>) {
    const r = spawnSync(process.execPath, [CLI, ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`, ADR_DATE: '1992-01-12', ...env },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('runs VISUAL, else EDITOR, on the record before printing its path (tests/edit-adr-on-creation.expected)', () => {
    const a = run(['new', 'created', 'with', 'EDITOR', 'environment', 'variable', 'set'], { EDITOR: 'fake-editor', VISUAL: '' });
    assert.equal(a.stdout, 'EDITOR doc/adr/0001-created-with-editor-environment-variable-set.md\ndoc/adr/0001-created-with-editor-environment-variable-set.md\n', a.stderr);
    const b = run(['new', 'created', 'with', 'VISUAL', 'environment', 'variable', 'set'], { EDITOR: '', VISUAL: 'fake-visual' });
    assert.equal(b.stdout, 'VISUAL doc/adr/0002-created-with-visual-environment-variable-set.md\ndoc/adr/0002-created-with-visual-environment-variable-set.md\n');
    const c = run(['new', 'uses', 'setting', 'of', 'VISUAL', 'if', 'both', 'VISUAL', 'and', 'EDITOR', 'are', 'set'], { EDITOR: 'fake-editor', VISUAL: 'fake-visual' });
    assert.equal(c.stdout, 'VISUAL doc/adr/0003-uses-setting-of-visual-if-both-visual-and-editor-are-set.md\ndoc/adr/0003-uses-setting-of-visual-if-both-visual-and-editor-are-set.md\n');
    const none = run(['new', 'No', 'editor'], {});
    assert.equal(none.stdout, 'doc/adr/0004-no-editor.md\n');
  });

  it('the editor sees the finished record (links written) and may change it; an editor command may carry arguments', () => {
    run(['new', 'First'], {});
    const r = run(['new', '-s', '1', 'Second'], { VISUAL: 'sed -i.bak -e "s/^Accepted$/Proposed/"' });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'doc/adr/0002-second.md\n');
    const text = readFileSync(join(dir, 'doc/adr/0002-second.md'), 'utf8');
    assert.match(text, /## Status\n\nProposed\n\nSupercedes \[1\. First\]\(0001-first\.md\)\n/);
  });

  it('init, index and index --check through the shell: exit codes 0, 1, 2', () => {
    assert.equal(run(['init'], {}).stdout, 'doc/adr/0001-record-architecture-decisions.md\n');
    assert.equal(run(['index', '--check'], {}).code, 1);
    assert.equal(run(['index'], {}).stdout, 'doc/adr/README.md\n');
    assert.equal(run(['index', '--check'], {}).code, 0);
    run(['new', 'Second'], {});
    const stale = run(['index', '--check'], {});
    assert.equal(stale.code, 1);
    assert.equal(stale.stderr, 'adr-workbench: doc/adr/README.md: out of date; run "adr-workbench index" to update it\n');
    const bad = run(['status', '42', 'accepted'], {});
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'adr-workbench: no decision record matches "42"\n');
  });
});
