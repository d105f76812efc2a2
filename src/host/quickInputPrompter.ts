/** The `Prompter` of the extension: vscode.window's quick picks, input boxes and notifications. */
import * as vscode from 'vscode';
import { BACK, type Answer, type InputOptions, type NotifySeverity, type PickItem, type PickOptions, type Prompter, type QuestionOptions } from './prompter';

type Item<T> = vscode.QuickPickItem & { readonly value?: T };

const SEARCH_DELAY_MS = 120;

function toItems<T>(items: readonly PickItem<T>[]): Item<T>[] {
  return items.map((i) => i.separator
    ? { label: i.label, kind: vscode.QuickPickItemKind.Separator }
    : { label: i.label, description: i.description, detail: i.detail, alwaysShow: i.alwaysShow, picked: i.picked, value: i.value });
}

/** Title, step counter and back button shared by both kinds of question. */
function decorate(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, o: QuestionOptions): void {
  input.title = o.title;
  if (o.step) {
    // A flow should not vanish half-way when the user clicks elsewhere to look something up.
    input.ignoreFocusOut = true;
    input.step = o.step.index;
    input.totalSteps = o.step.total;
    if (o.step.index > 1) input.buttons = [vscode.QuickInputButtons.Back];
  }
}

export class QuickInputPrompter implements Prompter {
  pick<T>(items: readonly PickItem<T>[], options: PickOptions<T>): Promise<Answer<T>> {
    return this.show(items, options, false).then((a) => (a === undefined || a === BACK ? a : a[0]));
  }

  pickMany<T>(items: readonly PickItem<T>[], options: QuestionOptions): Promise<Answer<T[]>> {
    return this.show(items, options, true);
  }

  /** Both kinds of pick; a single pick answers with a one-item array. */
  private show<T>(items: readonly PickItem<T>[], options: PickOptions<T>, many: boolean): Promise<Answer<T[]>> {
    const qp = vscode.window.createQuickPick<Item<T>>();
    decorate(qp, options);
    qp.placeholder = options.placeholder;
    qp.canSelectMany = many;
    qp.matchOnDescription = options.matchOnDescription ?? false;
    qp.matchOnDetail = options.matchOnDetail ?? false;
    const base = toItems(items);
    qp.items = base;
    if (many) qp.selectedItems = base.filter((i) => i.picked);
    const active = options.active !== undefined ? base.find((i) => i.value === options.active) : undefined;
    if (active) qp.activeItems = [active];
    if (options.value) qp.value = options.value;
    const disposables: vscode.Disposable[] = [];
    return new Promise<Answer<T[]>>((resolve) => {
      let done = false;
      const finish = (answer: Answer<T[]>) => {
        if (done) return;
        done = true;
        resolve(answer);
        qp.hide();
      };
      disposables.push(
        qp.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && finish(BACK)),
        qp.onDidAccept(() => {
          if (many) finish(qp.selectedItems.flatMap((i) => (i.value === undefined ? [] : [i.value])));
          else if (qp.activeItems[0]?.value !== undefined) finish([qp.activeItems[0].value]);
        }),
        qp.onDidHide(() => finish(undefined)),
      );
      if (options.dynamic) disposables.push(this.searchAsYouType(qp, base, options.dynamic));
      qp.show();
    }).finally(() => {
      for (const d of disposables) d.dispose();
      qp.dispose();
    });
  }

  /** Filter texts with the dynamic prefix replace the items with search results (debounced, stale ones dropped). */
  private searchAsYouType<T>(qp: vscode.QuickPick<Item<T>>, base: Item<T>[], dynamic: NonNullable<PickOptions<T>['dynamic']>): vscode.Disposable {
    let generation = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onValue = (value: string) => {
      const mine = ++generation;
      if (timer) clearTimeout(timer);
      if (!value.startsWith(dynamic.prefix)) {
        qp.busy = false;
        if (qp.items !== base) qp.items = base;
        return;
      }
      const query = value.slice(dynamic.prefix.length).trim();
      qp.busy = true;
      timer = setTimeout(() => {
        dynamic.items(query, () => mine !== generation).then((found) => {
          if (mine !== generation) return;
          qp.items = toItems(found).map((i) => ({ ...i, alwaysShow: true }));
          qp.busy = false;
        }, () => {
          if (mine === generation) qp.busy = false;
        });
      }, SEARCH_DELAY_MS);
    };
    const listener = qp.onDidChangeValue(onValue);
    // An initial filter text (a command argument) searches at once.
    if (qp.value) onValue(qp.value);
    return { dispose: () => { listener.dispose(); if (timer) clearTimeout(timer); } };
  }

  input(options: InputOptions): Promise<Answer<string>> {
    const box = vscode.window.createInputBox();
    decorate(box, options);
    box.prompt = options.prompt;
    box.placeholder = options.placeholder;
    box.value = options.value ?? '';
    const disposables: vscode.Disposable[] = [];
    return new Promise<Answer<string>>((resolve) => {
      let done = false;
      const finish = (answer: Answer<string>) => {
        if (done) return;
        done = true;
        resolve(answer);
        box.hide();
      };
      const check = (v: string) => (box.validationMessage = options.validate?.(v));
      // A message only once there is something to judge: an empty box says nothing until the user
      // types, or presses Enter on it.
      if (box.value !== '') check(box.value);
      disposables.push(
        box.onDidChangeValue(check),
        box.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && finish(BACK)),
        box.onDidAccept(() => {
          if (!check(box.value)) finish(box.value);
        }),
        box.onDidHide(() => finish(undefined)),
      );
      box.show();
    }).finally(() => {
      for (const d of disposables) d.dispose();
      box.dispose();
    });
  }

  async confirm(message: string, action: string, warning = false): Promise<boolean> {
    const show = warning ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return (await show(message, { modal: true }, action)) === action;
  }

  notify(severity: NotifySeverity, message: string, ...actions: string[]): Promise<string | undefined> {
    const show = severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return Promise.resolve(show(message, ...actions));
  }
}
