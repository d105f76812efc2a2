/**
 * Where an export comes from: the repository's web address, HEAD's commit and the exported folder's
 * place in the repository. Read through the review's git port (no hooks, filters or transports);
 * CI's own variables win over the remote (they name the repository the job runs for).
 */
import type { FileSystem } from '../ports';
import type { GitPort } from '../review/git';
import { locateRepository } from '../review/repository';
import { relative } from '../paths';
import { webAddress, type ExportProvenance } from './export';

export interface ProvenanceResult {
  readonly provenance: ExportProvenance;
  /** Absolute repository root, or the folder itself outside git: what export paths are relative to. */
  readonly base: string;
  /** Why git could not be asked (a repository git refuses), for a one-line warning. */
  readonly problem?: string;
}

export async function readProvenance(
  git: GitPort,
  fs: FileSystem,
  folder: string,
  env: Readonly<Record<string, string | undefined>>,
  override?: string,
): Promise<ProvenanceResult> {
  const fromEnv = override ?? ciRepository(env);
  const located = await locateRepository(git, fs, folder).catch((e: Error) => ({ problem: e.message, repository: undefined }));
  const repo = located.repository;
  if (!repo) {
    return {
      provenance: { repository: webAddress(fromEnv), commit: null, path: '' },
      base: folder,
      ...(located.problem ? { problem: located.problem } : {}),
    };
  }
  const remote = fromEnv ?? (await remoteUrl(git, repo.root));
  return {
    provenance: { repository: webAddress(remote), commit: repo.head ?? null, path: relative(repo.root, folder) },
    base: repo.root,
  };
}

/** GitHub Actions' and GitLab CI's name for the repository the job runs for. */
function ciRepository(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) return `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`;
  if (env.CI_PROJECT_URL) return env.CI_PROJECT_URL;
  return undefined;
}

/** `origin`'s URL, else the first remote's; undefined without remotes. */
async function remoteUrl(git: GitPort, root: string): Promise<string | undefined> {
  const origin = await git.run(root, ['config', '--get', 'remote.origin.url']);
  if (origin.exitCode === 0 && origin.stdout.trim()) return origin.stdout.trim();
  const remotes = await git.run(root, ['remote']);
  const first = remotes.exitCode === 0 ? remotes.stdout.split('\n').map((l) => l.trim()).find(Boolean) : undefined;
  if (!first) return undefined;
  const url = await git.run(root, ['config', '--get', `remote.${first}.url`]);
  return url.exitCode === 0 && url.stdout.trim() ? url.stdout.trim() : undefined;
}
