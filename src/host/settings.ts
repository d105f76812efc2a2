/**
 * The extension's settings (`adrWorkbench.*`, see package.json), read through one typed reader.
 * Settings declared `"scope": "resource"` are read for the folder or file at hand; the others are
 * window settings and are read without a resource (asking a window setting for a resource is what
 * VS Code warns about: "Accessing a window scoped configuration for a resource").
 */
import * as vscode from 'vscode';
import type { CustomPattern } from '../core/links';
import type { TemplateKindSetting } from './settingsTypes';

export const SECTION = 'adrWorkbench';

export type GroupBy = 'status' | 'collection' | 'tag' | 'month';

export interface LinkSettings {
  readonly includeProposed: boolean;
  readonly patterns: readonly (CustomPattern | string)[];
  readonly prefixes: Readonly<Record<string, string>>;
  readonly maxFileBytes: number;
  /** Globs (relative to the folder) of `files.exclude` that are on. */
  readonly exclude: readonly string[];
}

export interface Settings {
  /** Resource settings (per folder, or per file). */
  readonly defaultTemplate: TemplateKindSetting;
  readonly defaultStatus: string;
  readonly extraFolders: readonly string[];
  /** Master switch for every CodeLens of the extension. */
  readonly codeLensEnabled: boolean;
  /** The lens at the top of files governed by globs. */
  readonly governedFilesLens: boolean;
  /** The lens above each anchor line. */
  readonly anchorsLens: boolean;
  readonly links: LinkSettings;
  readonly reviewEnabled: boolean;
  /** Catalogue or export files shown read-only in the Decisions view (relative to the folder, or absolute). */
  readonly catalogs: readonly string[];
  /** Window settings. */
  readonly groupBy: GroupBy;
  readonly agents: AgentSettings;
  /** The status bar's "awaiting you" count (window). */
  readonly attentionStatusBar: boolean;
}

/** Decisions for coding agents (window settings). */
export interface AgentSettings {
  /** Offer the `adrw mcp` server to agent mode. */
  readonly mcpServer: boolean;
  /** Start it with `--allow-write` (draft_decision may write with `write: true`). */
  readonly allowWrite: boolean;
  /** Offer the language model tools. */
  readonly tools: boolean;
}

/** Keys whose change means the code indexes must be rebuilt. */
export const LINK_INDEX_KEYS = ['links.includeProposed', 'links.anchorPatterns', 'links.prefixes', 'links.maxFileSize'] as const;

/** Every setting, for `scope` (a folder or file URI; none: the workspace's values). */
export function readSettings(scope?: vscode.Uri | vscode.WorkspaceFolder): Settings {
  // Resource settings without a resource are read for `null` ("any resource"): without any scope
  // VS Code warns "Accessing a resource scoped configuration without providing a resource".
  const r = vscode.workspace.getConfiguration(SECTION, scope ?? null);
  const w = vscode.workspace.getConfiguration(SECTION);
  const excludes = vscode.workspace.getConfiguration('files', scope ?? null).get<Record<string, unknown>>('exclude', {});
  return {
    defaultTemplate: r.get<TemplateKindSetting>('newDecision.template', 'collection'),
    defaultStatus: r.get<string>('newDecision.status', 'Proposed'),
    extraFolders: stringList(r.get<unknown>('collections.extraFolders', [])),
    codeLensEnabled: r.get<boolean>('codeLens.enabled', true),
    governedFilesLens: r.get<boolean>('codeLens.governedFiles', true),
    anchorsLens: r.get<boolean>('codeLens.anchors', true),
    links: {
      includeProposed: r.get<boolean>('links.includeProposed', false),
      patterns: (r.get<unknown[]>('links.anchorPatterns', []) ?? []).filter(isPattern),
      prefixes: stringRecord(r.get<Record<string, unknown>>('links.prefixes', {})),
      maxFileBytes: r.get<number>('links.maxFileSize', 1024 * 1024),
      // `files.exclude` values may be `when` clauses (objects); only plain `true` excludes for sure.
      exclude: Object.entries(excludes ?? {}).filter(([, on]) => on === true).map(([glob]) => glob),
    },
    reviewEnabled: r.get<boolean>('review.enabled', true),
    catalogs: stringList(r.get<unknown>('catalogs', [])),
    groupBy: w.get<GroupBy>('tree.groupBy', 'status'),
    agents: {
      mcpServer: w.get<boolean>('agents.mcpServer.enabled', true),
      allowWrite: w.get<boolean>('agents.mcpServer.allowWrite', false),
      tools: w.get<boolean>('agents.tools.enabled', true),
    },
    attentionStatusBar: w.get<boolean>('signoff.statusBar.enabled', true),
  };
}

/** True when a configuration change touches one of our settings (optionally one key). */
export function affects(e: vscode.ConfigurationChangeEvent, key?: string): boolean {
  return e.affectsConfiguration(key ? `${SECTION}.${key}` : SECTION);
}

/** Writes a folder's value of a resource setting. */
export async function updateFolderSetting(folder: vscode.WorkspaceFolder, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION, folder.uri).update(key, value, vscode.ConfigurationTarget.WorkspaceFolder);
}

function stringList(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];
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
