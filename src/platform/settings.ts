/** The extension's settings, typed, read where used (`adrWorkbench.*`, see package.json). */
import * as vscode from 'vscode';
import type { TemplateKindSetting } from './settingsTypes';

export const SECTION = 'adrWorkbench';

export type GroupBy = 'status' | 'collection' | 'tag' | 'month';

export interface Settings {
  readonly defaultTemplate: TemplateKindSetting;
  readonly defaultStatus: string;
  readonly extraFolders: readonly string[];
  readonly groupBy: GroupBy;
  readonly codeLensEnabled: boolean;
  readonly reviewEnabled: boolean;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    defaultTemplate: c.get<TemplateKindSetting>('newDecision.template', 'collection'),
    defaultStatus: c.get<string>('newDecision.status', 'Proposed'),
    extraFolders: c.get<string[]>('collections.extraFolders', []),
    groupBy: c.get<GroupBy>('tree.groupBy', 'status'),
    codeLensEnabled: c.get<boolean>('codeLens.enabled', true),
    reviewEnabled: c.get<boolean>('review.enabled', true),
  };
}

/** True when a configuration change touches one of our settings (optionally one key). */
export function affects(e: vscode.ConfigurationChangeEvent, key?: string): boolean {
  return e.affectsConfiguration(key ? `${SECTION}.${key}` : SECTION);
}
