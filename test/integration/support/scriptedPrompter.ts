/**
 * A `Prompter` that answers the commands' questions from a script, for extension-host tests. Put it
 * in `Services.prompter`; each question takes the next answer of the script (a question with no
 * answer left fails the command). Every question and notification is recorded for assertions.
 */
import { BACK, type Answer, type InputOptions, type NotifySeverity, type PickItem, type PickOptions, type Prompter, type QuestionOptions, type Step } from '../../../src/host/prompter';

export interface Question {
  readonly kind: 'pick' | 'pickMany' | 'input' | 'confirm';
  readonly title: string;
  readonly step?: Step;
  readonly items: readonly PickItem<unknown>[];
  readonly options: PickOptions<unknown> | InputOptions | QuestionOptions | undefined;
}

/** Answers one question. */
export type Responder = (q: Question) => unknown;

function matches(label: string, want: string | RegExp): boolean {
  return typeof want === 'string' ? label === want : want.test(label);
}

function itemFor(items: readonly PickItem<unknown>[], want: string | RegExp, q: Question): PickItem<unknown> {
  const item = items.find((i) => !i.separator && matches(i.label, want));
  if (!item) throw new Error(`"${q.title}": no item ${String(want)} among ${items.map((i) => i.label).join(' | ')}`);
  return item;
}

/** Picks the item whose label is (or matches) `want`. */
export const pick = (want: string | RegExp): Responder => (q) => itemFor(q.items, want, q).value;
/** Picks every listed item (none: an empty answer). */
export const pickMany = (...wants: (string | RegExp)[]): Responder => (q) => wants.map((w) => itemFor(q.items, w, q).value);
/** Types `text` (which must pass the question's validation). */
export const type = (text: string): Responder => (q) => {
  const problem = (q.options as InputOptions | undefined)?.validate?.(text);
  if (problem) throw new Error(`"${q.title}": "${text}" refused: ${problem}`);
  return text;
};
/** Types `query` after the dynamic prefix, then picks among the results. */
export const search = (query: string, want: string | RegExp, seen?: (results: readonly PickItem<unknown>[]) => void): Responder => async (q) => {
  const dynamic = (q.options as PickOptions<unknown>).dynamic;
  if (!dynamic) throw new Error(`"${q.title}" does not search`);
  const results = await dynamic.items(query, () => false);
  seen?.(results);
  return itemFor(results, want, q).value;
};
export const back: Responder = () => BACK;
export const dismiss: Responder = () => undefined;
export const confirm = (yes: boolean): Responder => () => yes;

export class ScriptedPrompter implements Prompter {
  readonly asked: Question[] = [];
  readonly notes: { severity: NotifySeverity; message: string }[] = [];

  constructor(private readonly script: Responder[]) {}

  /** Answers left unused. */
  get remaining(): number {
    return this.script.length;
  }

  private async answer(q: Question): Promise<unknown> {
    this.asked.push(q);
    const next = this.script.shift();
    if (!next) throw new Error(`unexpected question: ${q.kind} "${q.title}"${q.step ? ` (${q.step.index}/${q.step.total})` : ''}`);
    return next(q);
  }

  async pick<T>(items: readonly PickItem<T>[], options: PickOptions<T>): Promise<Answer<T>> {
    return (await this.answer({ kind: 'pick', title: options.title, ...(options.step ? { step: options.step } : {}), items, options: options as PickOptions<unknown> })) as Answer<T>;
  }

  async pickMany<T>(items: readonly PickItem<T>[], options: QuestionOptions): Promise<Answer<T[]>> {
    return (await this.answer({ kind: 'pickMany', title: options.title, ...(options.step ? { step: options.step } : {}), items, options })) as Answer<T[]>;
  }

  async input(options: InputOptions): Promise<Answer<string>> {
    return (await this.answer({ kind: 'input', title: options.title, ...(options.step ? { step: options.step } : {}), items: [], options })) as Answer<string>;
  }

  async confirm(message: string, action: string): Promise<boolean> {
    return (await this.answer({ kind: 'confirm', title: `${message} [${action}]`, items: [], options: undefined })) === true;
  }

  async notify(severity: NotifySeverity, message: string): Promise<string | undefined> {
    this.notes.push({ severity, message });
    return undefined;
  }

  /** Warnings and errors shown. */
  get problems(): string[] {
    return this.notes.filter((n) => n.severity !== 'info').map((n) => `${n.severity}: ${n.message}`);
  }
}
