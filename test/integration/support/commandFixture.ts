/**
 * Shared set-up of the command tests: a scripted prompter per test (an unexpected question fails at
 * once instead of waiting for a person), editors closed without saving, fixture records restored
 * byte for byte, and a wait until the index is back to the fixture's nine accepted records.
 */
import * as vscode from 'vscode';
import type { Features as Services } from '../../../src/extension';
import { fixture, services, until } from './helpers';
import { ScriptedPrompter, type Responder } from './scriptedPrompter';

/** The fixture's records (adr-tools' own decisions). */
export const ADR = {
  1: '0001-record-architecture-decisions.md',
  2: '0002-implement-as-shell-scripts.md',
  3: '0003-single-command-with-subcommands.md',
  4: '0004-markdown-format.md',
  5: '0005-help-comments.md',
  6: '0006-packaging-and-distribution-in-other-version-control-repositories.md',
  7: '0007-invoke-adr-config-executable-to-get-configuration.md',
  8: '0008-use-iso-8601-format-for-dates.md',
  9: '0009-help-scripts.md',
} as const;

export function adr(n: keyof typeof ADR | string): vscode.Uri {
  return fixture('doc/adr', typeof n === 'number' ? ADR[n] : n);
}

/** A short tag for unique titles. */
export function tag(): string {
  return Math.random().toString(36).slice(2, 8);
}

export class CommandFixture {
  s!: Services;
  private lengths = new Map<string, number>();
  private restores: (() => Promise<void>)[] = [];
  private created: vscode.Uri[] = [];

  /** Call in `before`. */
  async setUp(): Promise<Services> {
    this.s = await services();
    this.lengths = new Map(this.s.workspace.records().map((r) => [r.path, r.length]));
    return this.s;
  }

  /** A scripted prompter for this test. */
  script(...answers: Responder[]): ScriptedPrompter {
    const p = new ScriptedPrompter(answers);
    this.s.prompter = p;
    return p;
  }

  /** Restores these files to their current bytes after the test. */
  async keep(...uris: vscode.Uri[]): Promise<void> {
    const saved = await Promise.all(uris.map((u) => vscode.workspace.fs.readFile(u)));
    this.restores.push(async () => {
      for (const [i, u] of uris.entries()) await vscode.workspace.fs.writeFile(u, saved[i]!);
      // A document still open in the extension host (a model outlives its editor) reloads from the
      // disk a moment later; until it does, an edit planned against it is refused by the editor as
      // made against an old version. Wait for each to show the restored bytes.
      for (const [i, u] of uris.entries()) {
        const text = new TextDecoder().decode(saved[i]!);
        await until(`${u.path} reloaded as it was`, () => {
          const d = vscode.workspace.textDocuments.find((x) => !x.isClosed && x.uri.toString() === u.toString());
          return !d || (!d.isDirty && d.getText() === text);
        });
      }
    });
  }

  /** Deletes this file (or folder) after the test. */
  remove(uri: vscode.Uri | undefined): void {
    if (uri) this.created.push(uri);
  }

  /** Call in `afterEach`. */
  async tearDown(): Promise<void> {
    this.s.prompter = undefined;
    await closeAll();
    for (const r of this.restores.splice(0)) await r();
    let removed = false;
    for (const u of this.created.splice(0)) {
      await vscode.workspace.fs.delete(u, { recursive: true, useTrash: false }).then(() => (removed = true), () => undefined);
    }
    if (removed) await this.s.workspace.refresh();
    await until('the fixture as it was', () => {
      const records = this.s.workspace.records();
      return records.length === this.lengths.size && this.s.workspace.collections().length === 1
        && records.every((r) => this.lengths.get(r.path) === r.length && r.status === 'accepted');
    });
  }

  /** Waits for the index to hold the record at `uri`, optionally in a given state. */
  indexed(uri: vscode.Uri, ok: (text: { statusText: string | null; length: number }) => boolean = () => true) {
    return until(`${uri.path} indexed`, () => {
      const r = this.s.workspace.locate(uri)?.record;
      return r && ok(r) ? r : undefined;
    });
  }
}

/** Closes every editor, reverting unsaved changes (a dirty editor would otherwise ask). */
export async function closeAll(): Promise<void> {
  for (const d of vscode.workspace.textDocuments.filter((x) => x.isDirty && x.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(d);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The file name of a URI. */
export function nameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
