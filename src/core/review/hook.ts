/**
 * The pre-commit hook `adr-workbench hook install` writes. An existing hook is never overwritten: it is
 * renamed to `pre-commit.pre-adr-workbench` and ours runs it first (stopping when it fails). Installing
 * twice changes nothing. Our own hook, edited since (or written by another version), is kept as a
 * backup (`pre-commit.adr-workbench-backup`, numbered when taken) before the new one is written.
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

/** The name our own hook is kept under when it differs from the one being installed (`.1`, `.2`… when taken). */
export const BACKUP_HOOK = 'pre-commit.adr-workbench-backup';

/** What installing does, given what is there now. */
export type HookPlan =
  | { readonly action: 'unchanged' }
  | { readonly action: 'create'; readonly script: string }
  | { readonly action: 'chain'; readonly script: string; readonly keepAs: string }
  /** Our hook, but not this script (edited by hand, or another `--command`): kept as `backupAs`, then replaced. */
  | { readonly action: 'replace'; readonly script: string; readonly backupAs: string };

/**
 * Decides how to install, from the current hook's text (undefined: none), whether a chained one
 * exists, and which names are taken in the hooks folder (for the backup's name).
 */
export function planHook(existing: string | undefined, chainedExists: boolean, command?: string, taken: (name: string) => boolean = () => false): HookPlan {
  const script = hookScript(command);
  if (existing === undefined) return { action: 'create', script };
  if (existing.includes(HOOK_MARKER)) {
    if (existing === script) return { action: 'unchanged' };
    let backupAs = BACKUP_HOOK;
    for (let n = 1; taken(backupAs); n++) backupAs = `${BACKUP_HOOK}.${n}`;
    return { action: 'replace', script, backupAs };
  }
  if (chainedExists) throw new Error(`both a pre-commit hook and ${CHAINED_HOOK} exist; move one away first`);
  return { action: 'chain', script, keepAs: CHAINED_HOOK };
}
