/**
 * The pre-commit hook `adr-workbench hook install` writes. An existing hook is never overwritten: it is
 * renamed to `pre-commit.pre-adr-workbench` and ours runs it first (stopping when it fails). Installing
 * twice changes nothing.
 */

/** The marker line that identifies our hook. */
export const HOOK_MARKER = '# adr-workbench pre-commit hook';
/** The name an existing hook is kept under, and run from ours. */
export const CHAINED_HOOK = 'pre-commit.pre-adr-workbench';

/** The hook script. `command` runs the check (default: `adr-workbench` on the PATH, else `npx`). */
export function hookScript(command?: string): string {
  const run = command
    ? `exec ${command} check --staged`
    : [
        'if command -v adr-workbench >/dev/null 2>&1; then',
        '  exec adr-workbench check --staged',
        'fi',
        'exec npx --no-install adr-workbench check --staged',
      ].join('\n');
  return [
    '#!/bin/sh',
    HOOK_MARKER,
    '# Flags undocumented architectural changes in what is about to be committed (see .adr-review.yml).',
    '# Skip once with: git commit --no-verify',
    `chained="$(dirname "$0")/${CHAINED_HOOK}"`,
    'if [ -x "$chained" ]; then',
    '  "$chained" "$@" || exit $?',
    'fi',
    run,
    '',
  ].join('\n');
}

/** What installing does, given what is there now. */
export type HookPlan =
  | { readonly action: 'unchanged' }
  | { readonly action: 'create'; readonly script: string }
  | { readonly action: 'chain'; readonly script: string; readonly keepAs: string };

/** Decides how to install, from the current hook's text (undefined: none) and whether a chained one exists. */
export function planHook(existing: string | undefined, chainedExists: boolean, command?: string): HookPlan {
  const script = hookScript(command);
  if (existing === undefined) return { action: 'create', script };
  if (existing.includes(HOOK_MARKER)) return existing === script ? { action: 'unchanged' } : { action: 'create', script };
  if (chainedExists) throw new Error(`both a pre-commit hook and ${CHAINED_HOOK} exist; move one away first`);
  return { action: 'chain', script, keepAs: CHAINED_HOOK };
}
