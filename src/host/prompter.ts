/**
 * Every question a command asks the user goes through a `Prompter`: quick picks, input boxes,
 * confirmations and notifications. The extension uses `QuickInputPrompter` (vscode.window's quick
 * input); integration tests put a scripted one in `Prompts.override` (the extension API's
 * `prompter`) and answer programmatically.
 *
 * Answers are the picked item's `value` (or the typed text), `undefined` when the user dismissed the
 * question, or `BACK` when they pressed the back button of a multi-step flow (only offered when the
 * question's `step.index` is above 1).
 */

/** The answer meaning "go to the previous step" (a registered symbol: the same in every bundle, tests included). */
export const BACK: unique symbol = Symbol.for('adrWorkbench.prompter.back');
export type Back = typeof BACK;

/** What a question may be answered with: a value, back, or nothing (dismissed). */
export type Answer<T> = T | Back | undefined;

/** Where a question stands in a multi-step flow: shown as "Title (index/total)". */
export interface Step {
  readonly index: number;
  readonly total: number;
}

/** A quick pick item carrying the value it stands for. */
export interface PickItem<T> {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly value: T;
  /** A heading line (not pickable) above the items that follow it. */
  readonly separator?: boolean;
  /** Keep the item visible whatever the filter text (search results). */
  readonly alwaysShow?: boolean;
  /** Pre-selected in a pick-many question. */
  readonly picked?: boolean;
}

/** Items computed from the filter text, for questions that search as the user types. */
export interface DynamicItems<T> {
  /** Filter texts starting with this (e.g. `?`) switch to the dynamic items. */
  readonly prefix: string;
  /** The items for `query` (the filter text without the prefix); `isCancelled` turns true once a newer query came. */
  readonly items: (query: string, isCancelled: () => boolean) => Promise<readonly PickItem<T>[]>;
}

export interface QuestionOptions {
  readonly title: string;
  readonly placeholder?: string;
  readonly step?: Step;
}

export interface PickOptions<T> extends QuestionOptions {
  /** The value of the item to put the cursor on. */
  readonly active?: T;
  readonly matchOnDescription?: boolean;
  readonly matchOnDetail?: boolean;
  readonly dynamic?: DynamicItems<T>;
  /** Initial filter text. */
  readonly value?: string;
}

export interface InputOptions extends QuestionOptions {
  readonly prompt?: string;
  readonly value?: string;
  /** An error message for `value`, or undefined when it is acceptable. */
  readonly validate?: (value: string) => string | undefined;
}

export type NotifySeverity = 'info' | 'warning' | 'error';

export interface Prompter {
  /** One item of `items`. */
  pick<T>(items: readonly PickItem<T>[], options: PickOptions<T>): Promise<Answer<T>>;
  /** Any number of `items` (none is a valid answer: an empty array). */
  pickMany<T>(items: readonly PickItem<T>[], options: QuestionOptions): Promise<Answer<T[]>>;
  /** A line of text, accepted only once `validate` finds nothing wrong. */
  input(options: InputOptions): Promise<Answer<string>>;
  /** A yes/no question; true only when `action` was chosen (`warning`: asked as a warning). */
  confirm(message: string, action: string, warning?: boolean): Promise<boolean>;
  /** A notification; resolves with the action clicked (it may never resolve: do not await it in commands). */
  notify(severity: NotifySeverity, message: string, ...actions: string[]): Promise<string | undefined>;
}

/** Thrown when the user dismissed a question: the command stops quietly. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** The value of an answer outside a multi-step flow: dismissing (or going back) cancels the command. */
export function answered<T>(answer: Answer<T>): T {
  if (answer === undefined || answer === BACK) throw new Cancelled();
  return answer;
}
