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
import { COMMANDS, type CommandKey } from './ids';
import { Cancelled, type Prompter } from './prompter';
import { QuickInputPrompter } from './quickInputPrompter';

const SHOW_LOG = vscode.l10n.t('Show Log');

export type CommandHandler = (...args: unknown[]) => unknown;

/** Who asks the user: quick input, unless a test put a scripted prompter in `override`. */
export class Prompts {
  override: Prompter | undefined;
  private readonly quickInput = new QuickInputPrompter();

  get current(): Prompter {
    return this.override ?? this.quickInput;
  }
}

export class CommandRunner {
  readonly log: Logger;

  constructor(private readonly extensionLog: ExtensionLog, private readonly prompts: Prompts) {
    this.log = extensionLog.for('commands');
  }

  /** The prompter of the moment. */
  get prompter(): Prompter {
    return this.prompts.current;
  }

  /** Registers `handler` under the command `key` names (its title names it in messages), run through `run`. */
  register(key: CommandKey, handler: CommandHandler): vscode.Disposable {
    const [id, title] = COMMANDS[key];
    return vscode.commands.registerCommand(id, (...args: unknown[]) => this.run(id, title, () => handler(...args)));
  }

  /** Runs the body of the command `key` names, as its registered handler would (panels call this directly). */
  runCommand<T>(key: CommandKey, body: () => T | Promise<T>): Promise<T | undefined> {
    const [id, title] = COMMANDS[key];
    return this.run(id, title, body);
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
