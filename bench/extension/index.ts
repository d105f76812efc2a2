/**
 * The extension's part of `npm run bench`, run inside a real VS Code extension host (code-server) on
 * a generated 10,000-record workspace. Prints `BENCH name value` lines that bench.ts collects.
 */
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { TreeNode } from '../../src/features/decisions/grouping';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<ExtensionApi>('adr-workbench.adr-workbench');
  if (!ext) throw new Error('extension not found');
  const api = await ext.activate();
  await api.services.workspace.ready;
  const tree = api.services.tree!;
  const records = api.services.workspace.records().length;
  console.log(`BENCH records ${records}`);
  console.log(`BENCH activate_ms ${api.timings.activate.toFixed(2)}`);
  console.log(`BENCH tree_ready_ms ${(api.timings.indexReady ?? NaN).toFixed(0)}`);

  // getChildren over the whole tree (roots, then every group's records), from a fresh model each time.
  const full: number[] = [];
  const rootsOnly: number[] = [];
  let items = 0;
  for (let i = 0; i < 7; i++) {
    tree.refresh();
    let t0 = performance.now();
    const roots = tree.getChildren();
    rootsOnly.push(performance.now() - t0);
    tree.refresh();
    t0 = performance.now();
    const all: TreeNode[] = [];
    for (const g of tree.getChildren()) all.push(...tree.getChildren(g));
    full.push(performance.now() - t0);
    items = all.length;
    if (roots.length === 0) throw new Error('empty tree');
  }
  console.log(`BENCH getchildren_roots_ms ${median(rootsOnly).toFixed(2)}`);
  console.log(`BENCH getchildren_all_ms ${median(full).toFixed(2)}`);
  console.log(`BENCH tree_items ${items}`);
  const t0 = performance.now();
  for (const g of tree.getChildren()) for (const n of tree.getChildren(g)) tree.getTreeItem(n);
  console.log(`BENCH gettreeitem_all_ms ${(performance.now() - t0).toFixed(2)}`);
}
