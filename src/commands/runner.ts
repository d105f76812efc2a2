/**
 * The one way a command runs: every handler is wrapped here, so none has its own try/catch. A
 * dismissed question ends the command quietly; a `UserError` (something the user can fix) becomes a
 * warning with its message; anything else is a bug: an error message, and the stack in the log.
 * Both messages offer "Show Log".
 */
import * as vscode from 'vscode';
import { isUserError } from '../core/errors';
import type { Logger } from '../core/ports';
import type { ExtensionLog } from '../platform/log';
import type { Services } from '../services';
import { Cancelled, type Prompter } from './prompter';
import { QuickInputPrompter } from './quickInputPrompter';

const SHOW_LOG = 'Show Log';

export type CommandHandler = (...args: unknown[]) => unknown;

export class CommandRunner {
  readonly log: Logger;
  private readonly fallback = new QuickInputPrompter();

  constructor(private readonly services: Services, private readonly extensionLog: ExtensionLog = services.log) {
    this.log = extensionLog.for('commands');
  }

  /** The prompter of the moment: the one in `Services` (tests put a scripted one there), else quick input. */
  get prompter(): Prompter {
    return this.services.prompter ?? this.fallback;
  }

  /** Registers `handler` under `id` (`title` names it in messages), run through `run`. */
  register(id: string, title: string, handler: CommandHandler): vscode.Disposable {
    return vscode.commands.registerCommand(id, (...args: unknown[]) => this.run(id, title, () => handler(...args)));
  }

  /** Runs a command body; resolves with its result, or undefined when it was cancelled or failed. */
  async run<T>(id: string, title: string, body: () => T | Promise<T>): Promise<T | undefined> {
    const started = Date.now();
    try {
      const result = await body();
      this.log.trace(`${id} done in ${Date.now() - started} ms`);
      return result;
    } catch (e) {
      if (e instanceof Cancelled) {
        this.log.trace(`${id} cancelled`);
      } else if (isUserError(e)) {
        this.log.warn(`${id}: ${e.message}`);
        this.tell('warning', e.message);
      } else {
        this.log.error(`${id} failed`, e);
        this.tell('error', `${title} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      return undefined;
    }
  }

  /** Shows a message without waiting for it to be dismissed. */
  private tell(severity: 'warning' | 'error', message: string): void {
    void this.prompter.notify(severity, message, SHOW_LOG).then((choice) => {
      if (choice === SHOW_LOG) this.extensionLog.channel.show(true);
    }, () => undefined);
  }
}
