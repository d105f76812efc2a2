/**
 * Reading many blobs at once: `cat-file --batch-check` for their sizes (and which are missing, in a
 * partial clone: the port refuses the lazy fetch), then one `cat-file --batch` for the ones a record
 * can be (at most `MAX_RECORD_BYTES`). `cat-file` applies no filter and runs no driver.
 */
import { MAX_RECORD_BYTES } from '../text';
import { canFeed, catFileBlobs, GitUnavailableError, gitOk, sizeBatches, type GitPort } from '../review/git';

export type BlobRead = { readonly bytes: Uint8Array } | { readonly unread: string };

const decoder = new TextDecoder();
/** Content read per `cat-file --batch` process; a larger history takes several. */
const BATCH_BYTES = 256 << 20;

/** Reads `shas` (deduplicated by the caller or not) from the repository at `root`. */
export async function readBlobs(git: GitPort, root: string, shas: readonly string[], counter?: { processes: number }): Promise<Map<string, BlobRead>> {
  const out = new Map<string, BlobRead>();
  const todo = [...new Set(shas)].filter((s) => /^[0-9a-f]{40,64}$/.test(s));
  if (todo.length === 0) return out;
  if (!canFeed(git)) {
    // A port that cannot feed standard input: one process per blob (tests' fakes only).
    for (const sha of todo) {
      if (counter) counter.processes++;
      const r = await git.run(root, ['cat-file', 'blob', sha]);
      out.set(sha, r.exitCode === 0 ? { bytes: new TextEncoder().encode(r.stdout) } : { unread: 'not available in this repository' });
    }
    return out;
  }
  if (counter) counter.processes++;
  const check = await git.runInput(root, ['cat-file', '--batch-check'], `${todo.join('\n')}\n`, todo.length * 100 + 4096);
  if (check.exitCode !== 0) throw new GitUnavailableError(`git cat-file --batch-check failed: ${check.stderr.split('\n')[0] ?? ''}`);
  const small: { sha: string; size: number }[] = [];
  for (const line of decoder.decode(check.stdout).split('\n')) {
    const [sha = '', type = '', size = ''] = line.split(' ');
    if (!sha) continue;
    if (type === 'missing') out.set(sha, { unread: 'not available in this partial clone (history never fetches)' });
    else if (type !== 'blob') out.set(sha, { unread: `a ${type}, not a file` });
    else if (Number(size) > MAX_RECORD_BYTES) out.set(sha, { unread: `too large to be a record (${size} bytes)` });
    else small.push({ sha, size: Number(size) });
  }
  for (const batch of sizeBatches(small, BATCH_BYTES)) {
    const total = batch.reduce((n, b) => n + b.size, 0);
    if (counter) counter.processes++;
    const r = await git.runInput(root, ['cat-file', '--batch'], `${batch.map((b) => b.sha).join('\n')}\n`, total + batch.length * 100 + 4096);
    if (r.exitCode !== 0) throw new GitUnavailableError(`git cat-file --batch failed: ${r.stderr.split('\n')[0] ?? ''}`);
    for (const blob of catFileBlobs(r.stdout)) out.set(blob.sha, { bytes: blob.bytes });
  }
  return out;
}

/** The one line `git rev-parse` prints for `args`, or undefined when it fails. */
export async function revParse(git: GitPort, root: string, rev: string): Promise<string | undefined> {
  const r = await git.run(root, ['rev-parse', '-q', '--verify', '--end-of-options', rev]);
  return r.exitCode === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

export { gitOk };
