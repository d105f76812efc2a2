/**
 * The one `git log` the history reads, and its parser. Every commit that touches the collection
 * folders, parents first (or newest first as git walks them: see `topoOrder`), each with its raw diff
 * against its first parent (merges too), renames detected (`-M`; `--follow` follows one file only,
 * so renames are tracked here, for every record at once), parents rewritten to the nearest commit
 * shown (`--parents`), merges never simplified away (`--full-history`).
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

/**
 * The arguments of the history's `git log` (`range`: `HEAD`, or `OLD..HEAD` for an update): parents
 * first (`--topo-order --reverse`), or, `walk`, newest first as git walks them (printed as it goes;
 * `topoOrder` then gives the order git would have).
 */
export function logArgs(range: readonly string[], pathspecs: readonly string[], order: 'topo' | 'walk' = 'topo'): string[] {
  return [
    ...LOG_CONFIG.flatMap((c) => ['-c', c]),
    'log', '--no-show-signature', '--no-mailmap', '--no-color', '--no-ext-diff', '--no-textconv', '--full-history', '--parents',
    ...(order === 'topo' ? ['--topo-order', '--reverse'] : []), '--root', '-M', '--raw', '-z', '--no-abbrev', '--diff-merges=first-parent', '--no-relative',
    '--format=%x01%H%x00%P%x00%an%x00%ae%x00%aI%x00%s%x00', ...range, '--', ...pathspecs,
  ];
}

const ZERO = /^0+$/;
const COMMIT_ID = /^[0-9a-f]{40,64}$/;

/** Parses the output of `logArgs`; malformed parts are skipped, never thrown on. */
export function parseLog(out: string): LogCommit[] {
  return new LogParser().end(out);
}

/**
 * Parses the output of `logArgs` as it comes: `push` each piece, `end` with the last; each returns
 * the commits completed so far, in the order git printed them (the same as `parseLog` of the whole).
 */
export class LogParser {
  /** What is not parsed yet: empty, or a commit's start (`\x01`) and what came of it. */
  private rest = '';

  push(text: string): LogCommit[] {
    return this.parse(this.rest + text, false);
  }

  end(text = ''): LogCommit[] {
    return this.parse(this.rest + text, true);
  }

  private parse(out: string, final: boolean): LogCommit[] {
    const commits: LogCommit[] = [];
    let p = out.indexOf('\x01');
    while (p >= 0 && p < out.length) {
      const one = parseOne(out, p, final);
      if (!one) break;
      if (one.commit) commits.push(one.commit);
      p = out.indexOf('\x01', one.end);
    }
    this.rest = !final && p >= 0 && p < out.length ? out.slice(p) : '';
    return commits;
  }
}

/** The commit starting at `at` (its `\x01`) and where it ends; undefined when it may go on past `out` (not `final`). */
function parseOne(out: string, at: number, final: boolean): { commit?: LogCommit; end: number } | undefined {
  let p = at + 1;
  let short = false;
  const field = (): string => {
    const end = out.indexOf('\0', p);
    if (end < 0) {
      short = true;
      const s = out.slice(p);
      p = out.length;
      return s;
    }
    const s = out.slice(p, end);
    p = end + 1;
    return s;
  };
  const commit = field();
  const parents = field().split(' ').filter(Boolean);
  const author = field();
  const email = field();
  const date = field();
  const subject = field();
  if (short && !final) return undefined;
  const changes: RawChange[] = [];
  for (;;) {
    while (p < out.length && (out[p] === '\0' || out[p] === '\n')) p++;
    if (p >= out.length && !final) return undefined;
    if (p >= out.length || out[p] !== ':') break;
    const meta = field().slice(1).split(' ');
    const [oldMode = '', newMode = '', oldBlob = '', newBlob = '', statusScore = ''] = meta;
    const status = statusScore.charAt(0);
    const first = field();
    const second = status === 'R' || status === 'C' ? field() : undefined;
    if (short && !final) return undefined;
    changes.push({
      status, oldMode, newMode,
      oldBlob: ZERO.test(oldBlob) ? undefined : oldBlob,
      newBlob: ZERO.test(newBlob) ? undefined : newBlob,
      path: second ?? first,
      ...(second !== undefined ? { oldPath: first } : {}),
    });
  }
  return { ...(COMMIT_ID.test(commit) ? { commit: { commit, parents, author, email, date, subject, changes } } : {}), end: p };
}

/**
 * `commits` (as `git log` printed them, newest first) parents first: git's own topological order
 * (`--topo-order --reverse`, the "graph order" of `sort_in_topological_order`) over the commits
 * shown and their rewritten parents. Sorting here lets the log stream (git sorts only once it has
 * walked the whole history), so the versions are read and parsed while git is still walking.
 */
export function topoOrder(commits: readonly LogCommit[]): LogCommit[] {
  const byId = new Map<string, LogCommit>();
  for (const c of commits) if (!byId.has(c.commit)) byId.set(c.commit, c);
  const indegree = new Map<string, number>();
  for (const c of byId.values()) indegree.set(c.commit, 1);
  for (const c of byId.values()) for (const p of c.parents) {
    const d = indegree.get(p);
    if (d) indegree.set(p, d + 1);
  }
  // The tips, the first one git printed on top (popped first).
  const stack: LogCommit[] = [];
  for (const c of byId.values()) if (indegree.get(c.commit) === 1) stack.push(c);
  stack.reverse();
  const out: LogCommit[] = [];
  for (let c = stack.pop(); c; c = stack.pop()) {
    for (const p of c.parents) {
      const d = indegree.get(p);
      if (!d) continue;
      indegree.set(p, d - 1);
      if (d - 1 === 1) stack.push(byId.get(p)!);
    }
    indegree.set(c.commit, 0);
    out.push(c);
  }
  return out.reverse();
}
