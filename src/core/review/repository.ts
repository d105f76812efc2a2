/** Finding the repository a folder belongs to, and the state it is in (no commits, detached, merging). */
import { dirname, join, normalize, toPosix } from '../paths';
import type { FileSystem } from '../ports';
import { GitCommandError, gitOk, type GitPort } from './git';
import type { RepositoryInfo } from './types';

/** The empty tree, the base of a repository without commits. */
export const EMPTY_TREE = {
  sha1: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
  sha256: '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321',
} as const;

/**
 * True when `folder` or a folder above it holds a `.git` entry (folder or file). Checked on the file
 * system first, so a folder outside any repository costs no git process and gives no git error.
 */
export async function insideRepository(fs: FileSystem, folder: string): Promise<boolean> {
  let dir = normalize(folder);
  for (;;) {
    if (await fs.stat(join(dir, '.git')).catch(() => undefined)) return true;
    const up = dirname(dir);
    if (up === dir) return false;
    dir = up;
  }
}

/**
 * The repository holding `folder`, or undefined when there is none (or git does not see one, e.g. a
 * `.git` git refuses as unsafe: then `problem` says why).
 */
export async function locateRepository(
  git: GitPort,
  fs: FileSystem,
  folder: string,
): Promise<{ repository?: RepositoryInfo; problem?: string }> {
  if (!(await insideRepository(fs, folder))) return {};
  // Two processes at once, from the folder itself; the first prints the top folder, the git folder and
  // the hash format even when HEAD has no commit yet (it then exits 1 without the fourth line).
  const [top, branch] = await Promise.all([
    git.run(folder, ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--show-object-format', '-q', '--verify', 'HEAD^{commit}']),
    git.run(folder, ['symbolic-ref', '-q', '--short', 'HEAD']),
  ]);
  const [rootLine = '', gitDirLine = '', formatLine = '', headLine = ''] = top.stdout.split('\n');
  if ((top.exitCode !== 0 && top.exitCode !== 1) || !gitDirLine) {
    const msg = top.stderr.trim().split('\n').find((l) => l.startsWith('fatal:')) ?? top.stderr.trim();
    const problem = msg.replace(/^fatal:\s*/, '') || 'not inside a work tree';
    // A CI container checks out as another user: say how to trust it, as git does in its hint.
    return { problem: /dubious ownership/.test(problem) ? `${problem} (git refuses it; if you trust it: git config --global --add safe.directory <path>)` : problem };
  }
  if (!rootLine) return { problem: 'not inside a work tree (a bare repository or the .git folder itself)' };
  const root = normalize(toPosix(rootLine));
  const gitDir = normalize(toPosix(gitDirLine));
  const exists = async (name: string) => (await fs.stat(join(gitDir, name)).catch(() => undefined)) !== undefined;
  const [merge, rebaseMerge, rebaseApply, pick, revert] = await Promise.all(
    ['MERGE_HEAD', 'rebase-merge', 'rebase-apply', 'CHERRY_PICK_HEAD', 'REVERT_HEAD'].map(exists),
  );
  const operation = rebaseMerge || rebaseApply ? 'rebase' : merge ? 'merge' : pick ? 'cherry-pick' : revert ? 'revert' : undefined;
  return {
    repository: {
      root,
      gitDir,
      head: top.exitCode === 0 && headLine.trim() ? headLine.trim() : undefined,
      branch: branch.exitCode === 0 && branch.stdout.trim() ? branch.stdout.trim() : undefined,
      operation,
      objectFormat: formatLine.trim() === 'sha256' ? 'sha256' : 'sha1',
    },
  };
}

/** The commit where `ref` and HEAD meet (what a pull request from HEAD into `ref` compares against). */
export async function mergeBase(git: GitPort, repo: RepositoryInfo, ref: string): Promise<string> {
  if (!repo.head) throw new GitCommandError(['merge-base', ref, 'HEAD'], 128, 'HEAD has no commits yet');
  const target = await git.run(repo.root, ['rev-parse', '-q', '--verify', '--end-of-options', `${ref}^{commit}`]);
  if (target.exitCode !== 0 || !target.stdout.trim()) {
    throw new GitCommandError(['rev-parse', ref], target.exitCode || 1, `unknown revision "${ref}"`);
  }
  return (await gitOk(git, repo.root, ['merge-base', target.stdout.trim(), repo.head])).trim();
}

/**
 * A cheap key that changes whenever HEAD, the ref it names, or the operation in progress does: the
 * text of `HEAD`, of the loose ref, the size and time of `packed-refs`, and which operation files exist.
 * Read from the file system only, so an unchanged repository is recognised without running git.
 */
export async function headKey(fs: FileSystem, gitDir: string): Promise<string> {
  const read = async (p: string) => {
    try {
      return new TextDecoder().decode(await fs.readFile(p)).trim();
    } catch {
      return '-';
    }
  };
  const head = await read(join(gitDir, 'HEAD'));
  const common = await read(join(gitDir, 'commondir'));
  const refsDir = common === '-' ? gitDir : normalize(common.startsWith('/') ? common : join(gitDir, common));
  const ref = head.startsWith('ref: ') ? await read(join(refsDir, head.slice(5))) : '';
  const stats = await Promise.all(['packed-refs', 'MERGE_HEAD', 'rebase-merge', 'rebase-apply', 'CHERRY_PICK_HEAD', 'REVERT_HEAD']
    .map((n) => fs.stat(join(n === 'packed-refs' ? refsDir : gitDir, n)).catch(() => undefined)));
  return [head, ref, ...stats.map((s) => (s ? `${s.mtime}:${s.size}` : '-'))].join('\0');
}
