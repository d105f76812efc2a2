/** The Architecture Review in a real extension host: panel vs CLI, Draft ADR, Acknowledge. */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Features as Services } from '../../src/extension';
import type { PanelState } from '../../src/webviews/review/protocol';
import { pageHtml } from '../../src/host/webviewHost';
import { referenceLabel } from '../../src/core/presentation';
import { fixture, root, services, until, writeText } from './support/helpers';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

interface CliFinding { rule: string; path: string; verdict: string }

function cliFindings(): CliFinding[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [CLI, 'check', '--format', 'json'], { cwd: root().fsPath, encoding: 'utf8' });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? ''); // exit 1: undocumented changes; the JSON is still there
  }
  const json = JSON.parse(out) as { findings?: CliFinding[]; repositories?: { findings: CliFinding[] }[] };
  return json.findings ?? (json.repositories ?? []).flatMap((r) => r.findings);
}

const key = (f: { rule: string; file?: string; path?: string; verdict: string }) => `${f.rule} ${f.file ?? f.path} ${f.verdict}`;

describe('Architecture Review', () => {
  let s: Services;
  const created: vscode.Uri[] = [];
  before(async () => {
    s = await services();
  });
  after(async () => {
    for (const uri of created.reverse()) await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
    await s.review!.controller.refresh();
  });

  async function review(): Promise<PanelState> {
    const state = await s.review!.controller.refresh();
    assert.equal(state.status, 'ready', state.message);
    return state;
  }

  it('lists what the CLI gate lists for the same repository', async () => {
    const dockerfile = fixture('Dockerfile');
    const manifest = fixture('package.json');
    created.push(dockerfile, manifest);
    await writeText(dockerfile, 'FROM node:20-alpine\nRUN npm ci\n');
    await writeText(manifest, '{\n  "name": "fixture",\n  "dependencies": { "pg": "^8.11.0" }\n}\n');
    const state = await review();
    const panel = state.findings.map(key).sort();
    assert.ok(panel.some((k) => k.startsWith('infra-container Dockerfile undocumented')), panel.join('\n'));
    assert.deepEqual(panel, cliFindings().map(key).sort());
    assert.match(s.review!.controller.statusItem.text, /^\$\(checklist\) \d+ undocumented$/);
    const docker = state.findings.find((f) => f.file === 'Dockerfile')!;
    assert.deepEqual(docker.excerpt?.lines, ['+FROM node:20-alpine', '+RUN npm ci']);
    assert.deepEqual([docker.excerpt?.cutBefore, docker.excerpt?.cutAfter], [false, false]);
    for (const f of state.findings) assert.deepEqual(f.pill, f.verdict === 'undocumented' ? { label: f.severity, tone: f.severity } : undefined, f.id);
  });

  it('Draft ADR creates a record that turns the change into documented, written once: one save, one undo step', async () => {
    const before = await review();
    const docker = before.findings.find((f) => f.file === 'Dockerfile' && f.verdict === 'undocumented')!;
    // Every save and every edit of a document in the collection while Draft ADR runs.
    const saves: string[] = [];
    const edits: string[] = [];
    const listeners = [
      vscode.workspace.onDidSaveTextDocument((d) => saves.push(d.uri.path)),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length > 0) edits.push(e.document.uri.path); }),
    ];
    let uri: vscode.Uri | undefined;
    try {
      uri = await vscode.commands.executeCommand<vscode.Uri>('adrWorkbench.review.action', { action: 'draftAdr', id: docker.id });
      assert.ok(uri, 'no record was created');
      created.push(uri);
      await new Promise((r) => setTimeout(r, 500)); // events of a second write would have arrived by now
    } finally {
      for (const l of listeners) l.dispose();
    }
    // The record reached the disk finished, in its one write: it was never edited or saved after that.
    assert.deepEqual(saves.filter((p) => p === uri.path), [], 'the new record was saved after it was written');
    assert.deepEqual(edits.filter((p) => p === uri.path), [], 'the new record was edited after it was written');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString(), 'the new record is open');
    assert.equal(editor.document.isDirty, false);
    // One undo step: nothing is left for undo to take back piecemeal (its governs and context stay).
    const written = editor.document.getText();
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), written);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.equal(text, written);
    // An adr-tools record: governs on a line under Date (front matter before the H1 would break `adr generate toc`).
    assert.match(text, /^# 10\. .+\n\nDate: \d{4}-\d{2}-\d{2}\n\nGoverns: `Dockerfile`\n\n## Status\n/);
    assert.match(text, /\* `Dockerfile` \(line 1\): Container image definition added/);
    await until('the record indexed', () => s.workspace.locate(uri));
    // A draft is Proposed; documented needs the record in the change (it is, untracked) governing the path.
    const after = await review();
    const now = after.findings.find((f) => f.file === 'Dockerfile')!;
    assert.equal(now.verdict, 'documented', JSON.stringify(now));
    assert.ok(now.evidence.some((e) => /governs it \(Dockerfile\)/.test(e)), now.evidence.join('; '));
  });

  it('Acknowledge writes the reason to .adr-review.yml and the change is acknowledged', async () => {
    const state = await review();
    const dep = state.findings.find((f) => f.file === 'package.json' && f.verdict === 'undocumented');
    assert.ok(dep, state.findings.map(key).join('\n'));
    const ack = fixture('.adr-review.yml');
    created.push(ack);
    await vscode.commands.executeCommand('adrWorkbench.review.action', { action: 'acknowledge', id: dep.id, reason: 'test fixture only' });
    const yml = new TextDecoder().decode(await vscode.workspace.fs.readFile(ack));
    assert.match(yml, /acknowledged:/);
    assert.match(yml, /test fixture only/);
    const after = await review();
    assert.equal(after.findings.find((f) => f.id === dep.id)?.verdict, 'acknowledged');
  });

  it('a hostile nested repository: the panel review runs none of its filters and shows none of its symlinked secrets', async () => {
    // A repository of its own inside the workspace (untracked there): the panel reviews it too.
    const dir = fixture('hostile-nested').fsPath;
    const witness = mkdtempSync(join(tmpdir(), 'adrw-witness-'));
    const secret = `ADRW-SECRET-${Date.now()}-TOKEN`;
    writeFileSync(join(witness, 'secret.txt'), `password=${secret}\n`);
    const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
    for (const k of Object.keys(env)) if (/^GIT_(DIR|WORK_TREE|INDEX_FILE)$/.test(k)) delete env[k];
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, stdio: 'pipe' });
    try {
      mkdirSync(dir, { recursive: true });
      git('init', '-q', '-b', 'main');
      writeFileSync(join(dir, 'Dockerfile'), 'FROM node:20\n');
      writeFileSync(join(dir, 'package.json'), '{ "name": "h", "dependencies": {} }\n');
      writeFileSync(join(dir, 'requirements.txt'), 'flask==3\n');
      git('add', '-A');
      git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'base');
      const touch = (name: string) => `touch '${witness}/marker-${name}'`;
      appendFileSync(join(dir, '.git', 'config'), `[filter "evil"]\n\tclean = ${touch('clean')}; cat\n[filter "evilp"]\n\tprocess = ${touch('process')}\n`
        + `[core]\n\tfsmonitor = ${touch('fsmonitor')}\n\tsshCommand = ${touch('ssh')}\n[diff "evil"]\n\ttextconv = ${touch('textconv')}\n`);
      writeFileSync(join(dir, '.gitattributes'), 'Dockerfile filter=evil diff=evil\npackage.json filter=evilp\n');
      writeFileSync(join(dir, 'Dockerfile'), 'FROM node:22\n');
      writeFileSync(join(dir, 'package.json'), '{ "name": "h", "dependencies": { "pg": "^8.0.0" } }\n');
      rmSync(join(dir, 'requirements.txt'));
      symlinkSync(join(witness, 'secret.txt'), join(dir, 'requirements.txt'));
      // (No /dev/zero here: other features of the extension host read workspace files too.)
      const state = await review();
      assert.deepEqual(readdirSync(witness).filter((n) => n.startsWith('marker-')), [], 'a payload ran');
      assert.ok(!JSON.stringify(state).includes(secret), 'the panel shows the secret');
      // The nested repository was reviewed (so git did run there, with its hostile config), from content read safely.
      // (Paths are relative to the repository that holds the file.)
      const files = state.findings.map((f) => `${f.rule} ${f.file}`);
      assert.ok(files.some((f) => /^infra-container (hostile-nested\/)?Dockerfile$/.test(f)), files.join('\n'));
      assert.ok(files.some((f) => /^dependency-added (hostile-nested\/)?package\.json$/.test(f)), files.join('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(witness, { recursive: true, force: true });
      await s.review!.controller.refresh();
    }
  });

  it('a conflict with a decision already taken: its own group in the panel, Open Record at the line, an error on the manifest line', async () => {
    // An in-force record that rejects MongoDB, and a working-tree change that adds it; both undone after.
    const record = fixture('doc', 'adr', '0099-store-data-in-postgresql.md');
    const manifest = fixture('package.json');
    const before = await vscode.workspace.fs.readFile(manifest).then((b) => new TextDecoder().decode(b), () => undefined);
    const recordText = '# 99. Store data in PostgreSQL\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWe need a database.\n\n'
      + '## Decision\n\nWe will use PostgreSQL.\nWe will not use MongoDB.\n\n## Consequences\n\nOne database to run.\n';
    try {
      await writeText(record, recordText);
      await until('the record indexed', () => s.workspace.locate(record.fsPath));
      await writeText(manifest, '{\n  "name": "fixture",\n  "dependencies": {\n    "pg": "^8.11.0",\n    "mongodb": "^6.3.0"\n  }\n}\n');
      const state = await review();
      const conflicts = state.conflicts ?? [];
      const c = conflicts.find((x) => x.subject === 'mongodb');
      assert.ok(c, JSON.stringify(conflicts));
      assert.equal(c.severity, 'error');
      assert.equal(c.file, 'package.json');
      assert.equal(c.line, 5);
      // The one record label (core/presentation), as the evidence of findings names records.
      assert.equal(c.record, referenceLabel(s.workspace.locate(record.fsPath)!.record));
      assert.match(c.record, /^ADR-0*99 Store data in PostgreSQL$/);
      assert.equal(c.recordFile, 'doc/adr/0099-store-data-in-postgresql.md');
      assert.equal(c.recordLine, 16);
      assert.match(c.recordText, /We will not use MongoDB/);
      assert.match(c.message, /mongodb.*ADR-0099/);
      assert.ok(!conflicts.some((x) => x.subject === 'pg'), 'pg is what the record chose');
      assert.match(s.review!.controller.statusItem.text, /, 1 conflict$/);

      // Open Record: the record, at the line that rejects it.
      await vscode.commands.executeCommand('adrWorkbench.review.action', { action: 'openRecord', id: c.id });
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.fsPath, record.fsPath);
      assert.equal(editor.selection.active.line, 15);
      assert.equal(editor.document.lineAt(15).text, 'We will not use MongoDB.');

      // The diagnostic: an error on the manifest line that adds it, from the review's collection.
      // (Waits for the review the writes scheduled to settle: each review republishes.)
      const conflictDiagnostics = () => vscode.languages.getDiagnostics(manifest).filter((x) => x.code === 'decision-conflict');
      await until('the conflict diagnostic on the line that adds mongodb', () => conflictDiagnostics().some((x) => x.range.start.line === 4)).catch((e: Error) => {
        throw new Error(`${e.message}: ${JSON.stringify(conflictDiagnostics().map((x) => [x.range.start.line, x.range.start.character, x.message]))}`);
      });
      const diagnostics = conflictDiagnostics();
      const d = diagnostics[0]!;
      const shown = JSON.stringify(diagnostics.map((x) => [x.range.start.line, x.range.start.character, x.range.end.line, x.range.end.character, x.message]));
      assert.equal(diagnostics.length, 1, shown);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(d.source, 'ADR review');
      assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [4, 4, 4, '    "mongodb": "^6.3.0"'.length], shown);
      assert.match(d.message, /mongodb.*ADR-0099.*line 16/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(record).then(undefined, () => undefined);
      if (before === undefined) await vscode.workspace.fs.delete(manifest).then(undefined, () => undefined);
      else await writeText(manifest, before);
      await until('the record gone from the index', () => !s.workspace.locate(record.fsPath));
    }
    // Undone: no conflict left, in the panel or as a diagnostic.
    const after = await review();
    assert.deepEqual(after.conflicts ?? [], []);
    assert.deepEqual(vscode.languages.getDiagnostics(manifest).filter((d) => d.code === 'decision-conflict'), []);
  });

    it('the page is static: strict CSP with a nonce, no inline handlers', () => {
    const page = pageHtml({ cspSource: 'vscode-resource:', asWebviewUri: (u: vscode.Uri) => u }, 'Architecture Review', vscode.Uri.file('/x/review.js'), vscode.Uri.file('/x/review.css'));
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(page)![1]!;
    assert.match(csp, /^default-src 'none'; /);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1]!;
    assert.ok(nonce.length >= 16);
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp));
    assert.equal((page.match(/<script/g) ?? []).length, 1);
    assert.ok(page.includes(`<script nonce="${nonce}"`));
    assert.ok(!/\son[a-z]+=/i.test(page));
  });
});
