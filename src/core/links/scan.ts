/**
 * The background part of a workspace scan: a breadth-first walk of the folder tree honouring
 * `IgnoreRules`, a bounded pool for per-file work, and a time slicer that hands the event loop
 * back every few milliseconds, so that a scan of many thousand files never blocks the host.
 */
import type { FileSystem } from '../ports';
import { join } from '../paths';
import type { IgnoreRules } from './ignore';

/** Yields to the event loop (a macrotask, so timers and I/O callbacks run in between). */
export function yieldNow(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}

/** Yields when more than `budgetMs` passed since the last yield. */
export class TimeSlicer {
  private last = performance.now();
  /** How many times it yielded. */
  yields = 0;

  constructor(private readonly budgetMs = 8) {}

  /** Call often; resolves at once unless the budget is spent. */
  async tick(): Promise<void> {
    if (performance.now() - this.last < this.budgetMs) return;
    await yieldNow();
    this.yields++;
    this.last = performance.now();
  }
}

export interface WalkOptions {
  /** Folders read at once. */
  readonly concurrency: number;
  /** Stop after this many files. */
  readonly maxFiles: number;
  /** Stop descending below this depth (symlink loops). */
  readonly maxDepth: number;
  /** Returns false to stop early (a newer scan started). */
  readonly alive: () => boolean;
}

export interface WalkResult {
  /** Every file not skipped, absolute, in walk order. */
  readonly files: string[];
  readonly folders: number;
  readonly truncated: boolean;
  readonly problems: { path: string; message: string }[];
}

/** Lists the files below `root` that the rules do not skip. */
export async function walkFiles(fs: FileSystem, rules: IgnoreRules, root: string, options: WalkOptions, slicer: TimeSlicer): Promise<WalkResult> {
  const files: string[] = [];
  const problems: { path: string; message: string }[] = [];
  let folders = 0;
  let truncated = false;
  await rules.loadDown(root);
  let level = [root];
  for (let depth = 0; level.length > 0 && depth <= options.maxDepth && !truncated; depth++) {
    const next: string[] = [];
    await pool(level, options.concurrency, async (dir) => {
      if (truncated || !options.alive()) return;
      let entries: readonly (readonly [string, string])[];
      try {
        entries = await fs.readDirectory(dir);
      } catch (e) {
        problems.push({ path: dir, message: `cannot read folder: ${e instanceof Error ? e.message : String(e)}` });
        return;
      }
      folders++;
      await rules.load(dir, entries.map(([n]) => n));
      for (const [name, kind] of entries) {
        const path = join(dir, name);
        if (kind === 'directory') {
          if (!rules.ignored(path, true)) next.push(path);
        } else if (kind === 'file' && !rules.ignored(path, false)) {
          if (files.length >= options.maxFiles) {
            truncated = true;
            return;
          }
          files.push(path);
        }
      }
      await slicer.tick();
    });
    level = next.sort();
  }
  return { files, folders, truncated, problems };
}

/** Runs `fn` over `items` with at most `limit` calls in flight. */
export async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
