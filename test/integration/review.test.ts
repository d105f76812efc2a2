/** The Architecture Review in a real extension host: panel vs CLI, Draft ADR, Acknowledge. */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../../src/services';
import type { PanelState } from '../../src/webviews/review/protocol';
import { html } from '../../src/review/reviewPanel';
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
  });

  it('Draft ADR creates a record that turns the change into documented', async () => {
    const before = await review();
    const docker = before.findings.find((f) => f.file === 'Dockerfile' && f.verdict === 'undocumented')!;
    const uri = await vscode.commands.executeCommand<vscode.Uri>('adrWorkbench.review.action', { action: 'draftAdr', id: docker.id });
    assert.ok(uri, 'no record was created');
    created.push(uri);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
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

  it('the page is static: strict CSP with a nonce, no inline handlers', () => {
    const page = html({ cspSource: 'vscode-resource:', asWebviewUri: (u: vscode.Uri) => u }, vscode.Uri.file('/x/review.js'), vscode.Uri.file('/x/review.css'));
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
