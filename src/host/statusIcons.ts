/** The one codicon and theme colour per status, for the tree, the file view and tooltips. */
import * as vscode from 'vscode';
import type { Status } from '../core/model';

const ICON: Record<Status, [string, string | undefined]> = {
  accepted: ['pass', 'testing.iconPassed'],
  proposed: ['circle-large-outline', 'charts.yellow'],
  draft: ['edit', 'charts.yellow'],
  rejected: ['circle-slash', 'testing.iconFailed'],
  deprecated: ['archive', 'disabledForeground'],
  superseded: ['history', 'disabledForeground'],
  unknown: ['question', undefined],
};

export function statusIcon(status: Status): vscode.ThemeIcon {
  const [id, color] = ICON[status] ?? ICON.unknown;
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

/** The codicon name of a status, for `$(name)` in labels. */
export function statusCodicon(status: Status): string {
  return (ICON[status] ?? ICON.unknown)[0];
}
