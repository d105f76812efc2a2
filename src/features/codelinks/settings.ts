/** The `CodeIndex` options a workspace folder's settings make (`adrWorkbench.links.*`, `files.exclude`). */
import type * as vscode from 'vscode';
import type { CodeIndexOptions } from '../../core/links';
import { readSettings } from '../../host/settings';

/** `CodeIndex` options for a workspace folder. */
export function codeIndexOptions(folder: vscode.WorkspaceFolder, root: string): CodeIndexOptions {
  const s = readSettings(folder).links;
  return {
    root,
    repoRoot: root,
    includeProposed: s.includeProposed,
    exclude: s.exclude,
    maxFileBytes: s.maxFileBytes,
    anchors: { patterns: s.patterns, prefixes: s.prefixes },
  };
}
