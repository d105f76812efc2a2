import * as vscode from 'vscode';
import type { Logger } from '../core/ports';

/** The one log of the extension: a LogOutputChannel, each line tagged with its component. */
export class ExtensionLog implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;

  constructor() {
    this.channel = vscode.window.createOutputChannel('ADR Workbench', { log: true });
  }

  /** A core `Logger` whose lines carry `[component]`. */
  for(component: string): Logger {
    const c = this.channel;
    return {
      trace: (m) => c.trace(`[${component}] ${m}`),
      info: (m) => c.info(`[${component}] ${m}`),
      warn: (m) => c.warn(`[${component}] ${m}`),
      error: (m, e) => c.error(`[${component}] ${m}${e instanceof Error ? `: ${e.stack ?? e.message}` : e ? `: ${String(e)}` : ''}`),
    };
  }

  dispose(): void {
    this.channel.dispose();
  }
}
