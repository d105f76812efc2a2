/**
 * Reading many blobs at once: `cat-file --batch-check` for their sizes (and which are missing, in a
 * partial clone: the port refuses the lazy fetch), then one `cat-file --batch` for the ones a record
 * can be (at most `MAX_RECORD_BYTES`). `cat-file` applies no filter and runs no driver.
 */
import { MAX_RECORD_BYTES } from '../text';
import { canFeed, catFileBlobs, GitUnavailableError, gitOk, sizeBatches, type GitPort } from '../review/git';
import type { GitProcess, GitStreamPort } from './stream';

export type BlobRead = { readonly bytes: Uint8Array } | { readonly unread: string };

const decoder = new TextDecoder();
/** Names written to a streamed `cat-file` at once (see `BlobStream.flush`). */
const WRITE_NAMES = 128;
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

/**
 * Blobs read while their names still come in (the history's log is still printing): one
 * `cat-file --batch-check --buffer` for their sizes, one `cat-file --batch --buffer` for the ones a
 * record can be, both started on the first name and fed as names come; `onBlob` gets each as it is
 * read (in no particular order). The same answers as `readBlobs`, in the same two processes.
 */
export class BlobStream {
  private check: GitProcess | undefined;
  private batch: GitProcess | undefined;
  private readonly asked = new Set<string>();
  private checkInput: string[] = [];
  private batchInput: string[] = [];
  private checkText = '';
  private checkBytes = 0;
  private checkBudget = 4096;
  private batchBudget = 4096;
  private batchBytes = 0;
  /** Output of `--batch` not handed over yet (an object cut between two pieces). */
  private pending: Uint8Array | undefined;
  private failed: Error | undefined;

  constructor(
    private readonly git: GitStreamPort,
    private readonly root: string,
    private readonly onBlob: (sha: string, read: BlobRead) => void,
    private readonly counter?: { processes: number },
  ) {}

  /** Asks for `sha` (once; written to git at the next `flush`). */
  want(sha: string): void {
    if (this.asked.has(sha) || !/^[0-9a-f]{40,64}$/.test(sha)) return;
    this.asked.add(sha);
    this.checkInput.push(sha);
  }

  /**
   * Hands git the names asked for since the last flush, once there are enough of them to be worth a
   * write (`all`: however few). git prints the log commit by commit: one write per commit costs more
   * than git's answer.
   */
  flush(all = false): void {
    if (this.checkInput.length === 0 || (!all && this.checkInput.length < WRITE_NAMES)) return;
    if (!this.check) {
      if (this.counter) this.counter.processes++;
      this.check = this.git.spawn(this.root, ['cat-file', '--batch-check', '--buffer'], (b) => this.onCheck(b), 1 << 30);
    }
    this.checkBudget += this.checkInput.length * 100;
    this.check.write(`${this.checkInput.join('\n')}\n`);
    this.checkInput = [];
  }

  /** Waits for every blob asked for (none can be asked after). */
  async finish(): Promise<void> {
    this.flush(true);
    if (!this.check) return;
    this.check.end();
    try {
      const c = await this.check.done;
      if (c.exitCode !== 0) throw new GitUnavailableError(`git cat-file --batch-check failed: ${c.stderr.split('\n')[0] ?? ''}`);
      if (this.failed) throw this.failed;
      this.onCheckLine(this.checkText);
      this.checkText = '';
      this.flushBatch(true);
      if (!this.batch) return;
      this.batch.end();
      const b = await this.batch.done;
      if (b.exitCode !== 0) throw new GitUnavailableError(`git cat-file --batch failed: ${b.stderr.split('\n')[0] ?? ''}`);
      if (this.failed) throw this.failed;
    } finally {
      this.kill('stopped');
    }
  }

  /** Stops both processes (after a failure elsewhere). */
  kill(reason: string): void {
    for (const p of [this.check, this.batch]) if (p) {
      p.kill(reason);
      p.done.catch(() => undefined);
    }
  }

  private fail(e: Error): void {
    this.failed ??= e;
    throw e;
  }

  private onCheck(b: Uint8Array): void {
    this.checkBytes += b.length;
    if (this.checkBytes > this.checkBudget) this.fail(new GitUnavailableError('git cat-file --batch-check printed more than asked'));
    const text = this.checkText + decoder.decode(b);
    const last = text.lastIndexOf('\n');
    this.checkText = text.slice(last + 1);
    if (last < 0) return;
    for (const line of text.slice(0, last).split('\n')) this.onCheckLine(line);
    this.flushBatch();
  }

  private onCheckLine(line: string): void {
    const [sha = '', type = '', size = ''] = line.split(' ');
    if (!sha) return;
    if (type === 'missing') this.onBlob(sha, { unread: 'not available in this partial clone (history never fetches)' });
    else if (type !== 'blob') this.onBlob(sha, { unread: `a ${type}, not a file` });
    else if (Number(size) > MAX_RECORD_BYTES) this.onBlob(sha, { unread: `too large to be a record (${size} bytes)` });
    else {
      this.batchBudget += Number(size) + 100;
      this.batchInput.push(sha);
    }
  }

  private flushBatch(all = false): void {
    if (this.batchInput.length === 0 || (!all && this.batchInput.length < WRITE_NAMES)) return;
    if (!this.batch) {
      if (this.counter) this.counter.processes++;
      this.batch = this.git.spawn(this.root, ['cat-file', '--batch', '--buffer'], (b) => this.onBatch(b), 1 << 30);
    }
    this.batch.write(`${this.batchInput.join('\n')}\n`);
    this.batchInput = [];
  }

  private onBatch(chunk: Uint8Array): void {
    this.batchBytes += chunk.length;
    if (this.batchBytes > this.batchBudget) this.fail(new GitUnavailableError('git cat-file --batch printed more than asked'));
    let bytes = chunk;
    if (this.pending) {
      bytes = new Uint8Array(this.pending.length + chunk.length);
      bytes.set(this.pending);
      bytes.set(chunk, this.pending.length);
      this.pending = undefined;
    }
    let pos = 0;
    while (pos < bytes.length) {
      const nl = bytes.indexOf(10, pos);
      if (nl < 0) break;
      const [sha = '', type = '', size = ''] = decoder.decode(bytes.subarray(pos, nl)).split(' ');
      if (type !== 'blob') {
        // `<name> missing` (gone between the two questions): no content follows.
        if (sha) this.onBlob(sha, { unread: 'not available in this repository' });
        pos = nl + 1;
        continue;
      }
      const n = Number(size);
      if (nl + 1 + n + 1 > bytes.length) break;
      this.onBlob(sha, { bytes: bytes.subarray(nl + 1, nl + 1 + n) });
      pos = nl + 1 + n + 1;
    }
    if (pos < bytes.length) this.pending = bytes.slice(pos);
  }
}
