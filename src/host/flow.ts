/**
 * Multi-step questions ("New Decision (2/5)") with a back button. Each step reads the state so far
 * and returns the next state; BACK returns to the previous step asked. Answers are kept on the way
 * back, so a step asked again can offer its earlier answer as the default.
 * No vscode import: the steps ask through a `Prompter`.
 */
import { BACK, Cancelled, type Answer, type Step } from './prompter';

export interface FlowStep<S> {
  /** Asked only while this holds for the state so far (default: always). */
  readonly when?: (state: S) => boolean;
  /** Asks; resolves with the new state, BACK, or undefined (the user dismissed the question). */
  readonly ask: (state: S, step: Step) => Promise<Answer<S>>;
}

/** Runs the steps in order; rejects with `Cancelled` when a question is dismissed. */
export async function runFlow<S>(steps: readonly FlowStep<S>[], initial: S): Promise<S> {
  const history: number[] = [];
  let state = initial;
  let at = 0;
  while (at < steps.length) {
    const step = steps[at]!;
    if (step.when && !step.when(state)) {
      at++;
      continue;
    }
    const remaining = steps.slice(at).filter((s) => !s.when || s.when(state)).length;
    const answer = await step.ask(state, { index: history.length + 1, total: history.length + remaining });
    if (answer === undefined) throw new Cancelled();
    if (answer === BACK) {
      at = history.pop() ?? at;
      continue;
    }
    history.push(at);
    state = answer;
    at++;
  }
  return state;
}
