/** Runs the review on a real repository and summarises findings as short strings for assertions. */
import { ReviewEngine, type GitOutput, type GitPort, type ReviewOutcome, type ReviewScope } from '../../src/core/review';
import { NodeGit } from '../../src/platform/git';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { NodeWorkTree } from '../../src/platform/workTree';
import { TempRepo } from './gitRepo';

/** A `GitPort` that counts (and records) the commands it runs. */
export class CountingGit implements GitPort {
  readonly calls: string[][] = [];
  private readonly inner = new NodeGit();

  run(cwd: string, args: readonly string[]): Promise<GitOutput> {
    this.calls.push([...args]);
    return this.inner.run(cwd, args);
  }
}

/** Reviews the repository's folder (a fresh engine unless one is given). */
export async function review(repo: TempRepo | string, scope?: ReviewScope, engine?: ReviewEngine): Promise<Extract<ReviewOutcome, { kind: 'reviewed' }>> {
  const e = engine ?? new ReviewEngine(new NodeGit(), new NodeFileSystem(), new NodeWorkTree());
  const outcome = await e.review({ folders: [typeof repo === 'string' ? repo : repo.root], trusted: true, ...(scope ? { scope } : {}) });
  if (outcome.kind !== 'reviewed') throw new Error(`review ${outcome.kind}`);
  return outcome;
}

/** `rule anchor[ subject] verdict` per finding, sorted: easy to compare whole. */
export function summary(outcome: Extract<ReviewOutcome, { kind: 'reviewed' }>): string[] {
  return outcome.findings.map((f) => `${f.rule} ${f.anchor}${f.subject && f.subject !== f.anchor ? ` ${f.subject}` : ''} ${f.verdict}`).sort();
}

/** Commits `before`, writes `after` (deleting files whose content is null), reviews the working change. */
export async function scenario(
  before: Record<string, string>,
  after: Record<string, string | null>,
  scope?: ReviewScope,
): Promise<string[]> {
  const repo = new TempRepo();
  try {
    repo.commit('base', before);
    for (const [path, content] of Object.entries(after)) {
      if (content === null) repo.remove(path);
      else repo.write({ [path]: content });
    }
    return summary(await review(repo, scope));
  } finally {
    repo.dispose();
  }
}
