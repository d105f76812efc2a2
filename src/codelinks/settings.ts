/**
 * Settings of the code ↔ decision links (`adrWorkbench.codeLens.*`, `adrWorkbench.links.*`, see
 * package.json), read per workspace folder, and the `CodeIndex` options they make. `files.exclude`
 * is honoured besides `.gitignore`.
 */
import * as vscode from 'vscode';
import type { CodeIndexOptions, CustomPattern } from '../core/links';
import { SECTION } from '../platform/settings';

export interface LinkSettings {
  /** Master switch for every CodeLens of the extension. */
  readonly codeLens: boolean;
  /** The lens at the top of files governed by globs. */
  readonly governedFilesLens: boolean;
  /** The lens above each anchor line. */
  readonly anchorsLens: boolean;
  readonly includeProposed: boolean;
  readonly patterns: readonly (CustomPattern | string)[];
  readonly prefixes: Readonly<Record<string, string>>;
  readonly maxFileBytes: number;
  /** Globs (relative to the folder) of `files.exclude` that are on. */
  readonly exclude: readonly string[];
}

/** Keys whose change means the code indexes must be rebuilt. */
export const INDEX_KEYS = ['links.includeProposed', 'links.anchorPatterns', 'links.prefixes', 'links.maxFileSize'] as const;

export function readLinkSettings(scope?: vscode.ConfigurationScope): LinkSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const excludes = vscode.workspace.getConfiguration('files', scope).get<Record<string, unknown>>('exclude', {});
  return {
    codeLens: c.get<boolean>('codeLens.enabled', true),
    governedFilesLens: c.get<boolean>('codeLens.governedFiles', true),
    anchorsLens: c.get<boolean>('codeLens.anchors', true),
    includeProposed: c.get<boolean>('links.includeProposed', false),
    patterns: (c.get<unknown[]>('links.anchorPatterns', []) ?? []).filter(isPattern),
    prefixes: stringRecord(c.get<Record<string, unknown>>('links.prefixes', {})),
    maxFileBytes: c.get<number>('links.maxFileSize', 1024 * 1024),
    // `files.exclude` values may be `when` clauses (objects); only plain `true` excludes for sure.
    exclude: Object.entries(excludes ?? {}).filter(([, on]) => on === true).map(([glob]) => glob),
  };
}

/** `CodeIndex` options for a workspace folder. */
export function codeIndexOptions(folder: vscode.WorkspaceFolder, root: string): CodeIndexOptions {
  const s = readLinkSettings(folder.uri);
  return {
    root,
    repoRoot: root,
    includeProposed: s.includeProposed,
    exclude: s.exclude,
    maxFileBytes: s.maxFileBytes,
    anchors: { patterns: s.patterns, prefixes: s.prefixes },
  };
}

function isPattern(x: unknown): x is CustomPattern | string {
  if (typeof x === 'string') return x.length > 0;
  return typeof x === 'object' && x !== null && typeof (x as { regex?: unknown }).regex === 'string';
}

function stringRecord(x: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(x ?? {})) if (typeof v === 'string' && k) out[k] = v;
  return out;
}
