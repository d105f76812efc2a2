/**
 * A multi-root workspace in the real editor: two git repositories (alpha, beta) opened from one
 * `.code-workspace`, each with a doc/adr collection numbered 1 and 2 under different titles, a
 * `src/app.ts` naming `ADR-0002`, beta's `.vscode/settings.json` turning CodeLens off, and an
 * uncommitted new dependency in alpha only (scripts/real-editor/workspace.mjs).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Features as Services } from '../../src/extension';
import type { TreeNode } from '../../src/features/decisions/grouping';
import { services, until } from '../integration/support/helpers';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const TITLES = { alpha: 'Store orders in PostgreSQL', beta: 'Keep sessions in SQLite' } as const;
type Repo = keyof typeof TITLES;
const REPOS: readonly Repo[] = ['alpha', 'beta'];

function folder(name: Repo): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.find((w) => w.name === name);
  if (!f) throw new Error(`no workspace folder ${name}`);
  return f;
}
const file = (name: Repo, ...parts: string[]) => vscode.Uri.joinPath(folder(name).uri, ...parts);
const posix = (p: string) => p.replace(/\\/g, '/');

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n').replace(/\\(.)/g, '$1');
}

async function lenses(uri: vscode.Uri, resolve?: number): Promise<vscode.CodeLens[]> {
  return vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, resolve);
}

describe('Multi-root workspace: two repositories, a collection in each', () => {
  let s: Services;

  before(async () => {
    s = await services();
    await until('both collections indexed', () => REPOS.every((r) => s.workspace.locate(file(r, 'doc/adr', `0002-${TITLES[r].toLowerCase().replace(/\W+/g, '-')}.md`))));
    await s.codeLinks.links.ready();
    await until('both anchors scanned', () => REPOS.every((r) => {
      const record = s.workspace.locate(file(r, 'doc/adr', `0002-${TITLES[r].toLowerCase().replace(/\W+/g, '-')}.md`))?.record;
      return record && s.codeLinks.links.refs(record)?.anchors.some((u) => posix(u.path).endsWith('src/app.ts'));
    }), 15_000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens both folders of the .code-workspace', () => {
    assert.ok(vscode.workspace.workspaceFile?.path.endsWith('multiroot.code-workspace'), String(vscode.workspace.workspaceFile));
    assert.deepEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['alpha', 'beta']);
  });

  it('groups the Decisions tree by folder, each with its own records', () => {
    const tree = s.tree;
    const roots = tree.getChildren();
    assert.deepEqual(roots.map((n) => (n.kind === 'group' ? `${n.groupKind} ${n.label}` : n.kind)), ['folder alpha', 'folder beta']);
    const recordsUnder = (node: TreeNode): string[] => tree.getChildren(node).flatMap((n) => {
      if (n.kind === 'record') return [`${n.record.number} ${n.record.title}`];
      return n.kind === 'group' ? recordsUnder(n) : [];
    });
    const [alpha, beta] = roots;
    assert.deepEqual(recordsUnder(alpha!).sort(), ['1 Record architecture decisions in alpha', `2 ${TITLES.alpha}`]);
    assert.deepEqual(recordsUnder(beta!).sort(), ['1 Record architecture decisions in beta', `2 ${TITLES.beta}`]);
    // The folder rows count their own records, not the workspace's four.
    assert.deepEqual(roots.map((n) => (n.kind === 'group' ? n.count : -1)), [2, 2]);
  });

  for (const repo of REPOS) {
    const other = REPOS.find((r) => r !== repo)!;

    it(`resolves ${repo}'s ADR-0002 anchor to ${repo}'s record 2 (hover and definition)`, async () => {
      const code = file(repo, 'src/app.ts');
      const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', code, new vscode.Position(0, 5)));
      assert.match(hover, new RegExp(`\\*\\*ADR-0002 ${TITLES[repo]}\\*\\*`));
      assert.ok(!hover.includes(TITLES[other]), hover);
      const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', code, new vscode.Position(0, 5));
      const targets = defs.map((d) => posix(('targetUri' in d ? d.targetUri : d.uri).fsPath));
      assert.deepEqual(targets, [posix(file(repo, 'doc/adr', `0002-${TITLES[repo].toLowerCase().replace(/\W+/g, '-')}.md`).fsPath)]);
    });
  }

  it('applies the folder setting: CodeLens in alpha, none in beta (codeLens.enabled off in beta/.vscode)', async () => {
    assert.equal(vscode.workspace.getConfiguration('adrWorkbench', folder('alpha').uri).get('codeLens.enabled'), true);
    assert.equal(vscode.workspace.getConfiguration('adrWorkbench', folder('beta').uri).get('codeLens.enabled'), false);
    // The provider stays registered: one folder still wants lenses.
    assert.equal(s.codeLinks.lenses.registered, true);
    // With no editor on them the lens command failed here with "Illegal argument": open both, as a user would.
    for (const r of REPOS) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file(r, 'src/app.ts')));
    const alpha = await until('alpha\'s lens', async () => {
      const l = await lenses(file('alpha', 'src/app.ts'), 20);
      return l.length > 0 ? l : undefined;
    });
    const titles = alpha.map((l) => l.command?.title ?? '<unresolved>');
    assert.equal(titles.length, 1, titles.join(', '));
    assert.match(titles[0]!, new RegExp(`ADR-0002 ${TITLES.alpha} · Accepted$`));
    assert.deepEqual(alpha[0]!.command?.arguments, [[posix(file('alpha', 'doc/adr', '0002-store-orders-in-postgresql.md').fsPath)]]);
    assert.deepEqual(await lenses(file('beta', 'src/app.ts'), 20), []);
  });

  it('reviews each repository on its own: the new dependency is listed for alpha only', async () => {
    const state = await s.review.controller.refresh();
    assert.equal(state.status, 'ready', state.message);
    // The review names a repository by its real path (the run folder may sit behind a symlink).
    const root = (r: Repo) => posix(realpathSync(folder(r).uri.fsPath));
    const of = (r: Repo) => state.findings.filter((f) => f.id.startsWith(`${root(r)}|`));
    const alpha = of('alpha');
    assert.ok(alpha.some((f) => f.file === 'package.json' && f.verdict === 'undocumented' && /pg/.test(f.message)), JSON.stringify(state));
    assert.deepEqual(of('beta'), []);
    assert.equal(of('alpha').length, state.findings.length, 'every finding belongs to one of the two repositories');
    assert.match(s.review.controller.statusItem.text, new RegExp(`^\\$\\(checklist\\) ${alpha.filter((f) => f.verdict === 'undocumented').length} undocumented$`));

    // The CLI gate run in each repository agrees.
    const cli = (r: Repo) => {
      let out: string;
      try {
        out = execFileSync(process.execPath, [CLI, 'check', '--format', 'json'], { cwd: folder(r).uri.fsPath, encoding: 'utf8' });
      } catch (e) {
        out = String((e as { stdout?: string }).stdout ?? '');
      }
      const json = JSON.parse(out) as { findings?: { rule: string; path: string }[]; repositories?: { findings: { rule: string; path: string }[] }[] };
      return (json.findings ?? (json.repositories ?? []).flatMap((x) => x.findings)).map((f) => `${f.rule} ${f.path}`).sort();
    };
    assert.deepEqual(cli('alpha'), alpha.map((f) => `${f.rule} ${f.file}`).sort());
    assert.deepEqual(cli('beta'), []);
  });
});
