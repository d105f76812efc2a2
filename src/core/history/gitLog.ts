/**
 * The one `git log` the history reads, and its parser. Every commit that touches the collection
 * folders, parents before children, each with its raw diff against its first parent (merges too),
 * renames detected (`-M`; `--follow` follows one file only, so renames are tracked here, for every
 * record at once), parents rewritten to the nearest commit shown (`--parents`), merges never
 * simplified away (`--full-history`).
 *
 * Nothing of the repository's configuration that runs a program or changes the output is used:
 * signatures are not shown or checked (`gpg.program`), no mailmap, no `log.follow`, no textconv or
 * external diff; the port adds the rest (see `src/platform/git.ts`).
 */
import type { CommitRef } from './types';

/** One file of a commit's raw diff. */
export interface RawChange {
  /** `A`, `M`, `D`, `R`, `T`, `C` (the letter of git's status, without the score). */
  readonly status: string;
  readonly oldMode: string;
  readonly newMode: string;
  readonly oldBlob: string | undefined;
  readonly newBlob: string | undefined;
  /** Repository-relative path after the change (the new name of a rename). */
  readonly path: string;
  readonly oldPath?: string;
}

export interface LogCommit extends CommitRef {
  readonly parents: readonly string[];
  readonly changes: readonly RawChange[];
}

/** `-c` settings for the log on top of the port's own. */
const LOG_CONFIG = ['log.showSignature=false', 'log.follow=false', 'log.mailmap=false', 'log.showRoot=true', 'diff.renames=true'];

/** The arguments of the history's `git log` (`range`: `HEAD`, or `OLD..HEAD` for an update). */
export function logArgs(range: readonly string[], pathspecs: readonly string[]): string[] {
  return [
    ...LOG_CONFIG.flatMap((c) => ['-c', c]),
    'log', '--no-show-signature', '--no-mailmap', '--no-color', '--no-ext-diff', '--no-textconv', '--full-history', '--parents',
    '--topo-order', '--reverse', '--root', '-M', '--raw', '-z', '--no-abbrev', '--diff-merges=first-parent', '--no-relative',
    '--format=%x01%H%x00%P%x00%an%x00%ae%x00%aI%x00%s%x00', ...range, '--', ...pathspecs,
  ];
}

const ZERO = /^0+$/;

/** Parses the output of `logArgs`; malformed parts are skipped, never thrown on. */
export function parseLog(out: string): LogCommit[] {
  const commits: LogCommit[] = [];
  let p = out.indexOf('\x01');
  const field = (): string => {
    const end = out.indexOf('\0', p);
    const s = end < 0 ? out.slice(p) : out.slice(p, end);
    p = end < 0 ? out.length : end + 1;
    return s;
  };
  while (p >= 0 && p < out.length) {
    p++; // the \x01
    const commit = field();
    const parents = field().split(' ').filter(Boolean);
    const author = field();
    const email = field();
    const date = field();
    const subject = field();
    const changes: RawChange[] = [];
    for (;;) {
      while (p < out.length && (out[p] === '\0' || out[p] === '\n')) p++;
      if (p >= out.length || out[p] !== ':') break;
      const meta = field().slice(1).split(' ');
      const [oldMode = '', newMode = '', oldBlob = '', newBlob = '', statusScore = ''] = meta;
      const status = statusScore.charAt(0);
      const first = field();
      const second = status === 'R' || status === 'C' ? field() : undefined;
      changes.push({
        status, oldMode, newMode,
        oldBlob: ZERO.test(oldBlob) ? undefined : oldBlob,
        newBlob: ZERO.test(newBlob) ? undefined : newBlob,
        path: second ?? first,
        ...(second !== undefined ? { oldPath: first } : {}),
      });
    }
    if (/^[0-9a-f]{40,64}$/.test(commit)) commits.push({ commit, parents, author, email, date, subject, changes });
    p = out.indexOf('\x01', p);
  }
  return commits;
}
