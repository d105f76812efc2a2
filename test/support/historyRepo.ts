/** Scripted git repositories for the history tests: every commit with its own author and date. */
import { execFileSync } from 'node:child_process';
import { TEST_GIT_ENV, TempRepo } from './gitRepo';
import { NodeGit } from '../../src/platform/git';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { AdrIndex } from '../../src/core/index';
import { readHistory, type HistoryResult, type HistorySnapshot } from '../../src/core/history';
import type { GitBytesOutput, GitInputPort, GitOutput } from '../../src/core/review/git';
import type { GitProcess, GitStreamPort } from '../../src/core/history/stream';

export class HistoryRepo extends TempRepo {
  /** Stages everything and commits as `author` on `date` (both author and committer). */
  commitAs(author: string, date: string, message: string, files?: Record<string, string>): this {
    if (files) this.write(files);
    this.git('add', '-A');
    this.gitAs(author, date, 'commit', '-q', '--allow-empty', '-m', message);
    return this;
  }

  /** Runs git as `author` on `date`. */
  gitAs(author: string, date: string, ...args: string[]): string {
    const email = `${author.toLowerCase().replace(/\s+/g, '.')}@example.com`;
    return execFileSync('git', args, {
      cwd: this.root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...TEST_GIT_ENV, GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: author, GIT_COMMITTER_EMAIL: email,
        GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date,
      },
    });
  }

  head(): string {
    return this.git('rev-parse', 'HEAD').trim();
  }
}

/** A git port counting the processes it starts (and what they were). */
export class CountingGit implements GitStreamPort {
  readonly calls: string[][] = [];
  private readonly inner = new NodeGit();

  run(cwd: string, args: readonly string[]): Promise<GitOutput> {
    this.calls.push([...args]);
    return this.inner.run(cwd, args);
  }

  runInput(cwd: string, args: readonly string[], input: string, maxBytes: number): Promise<GitBytesOutput> {
    this.calls.push([...args]);
    return this.inner.runInput(cwd, args, input, maxBytes);
  }

  spawn(cwd: string, args: readonly string[], onData: (chunk: Uint8Array) => void, maxBytes: number): GitProcess {
    this.calls.push([...args]);
    return this.inner.spawn(cwd, args, onData, maxBytes);
  }

  /** The git subcommands run, `-c` settings left out. */
  commands(): string[] {
    return this.calls.map((a) => {
      let i = 0;
      while (a[i] === '-c') i += 2;
      return a[i] ?? '';
    });
  }
}

/** The history of every collection found under `folder`, read the way the CLI reads it. */
export async function historyOf(folder: string, options: { git?: GitInputPort; snapshot?: HistorySnapshot; fullParse?: boolean } = {}): Promise<HistoryResult> {
  const fs = new NodeFileSystem();
  const index = await AdrIndex.build(fs, folder);
  return readHistory(options.git ?? new NodeGit(), fs, {
    folder,
    collections: index.collections.map((c) => ({ path: c.path, dialect: c.dialect, ...(c.statusVocabulary ? { statusVocabulary: c.statusVocabulary } : {}) })),
    ...(options.snapshot ? { snapshot: options.snapshot } : {}),
    ...(options.fullParse ? { fullParse: true } : {}),
  });
}

/** A Nygard record whose Status section says `status` and, after it, `links` (one per line). */
export function nygard(n: number, title: string, status: string, links: readonly string[] = [], body = 'We decided.'): string {
  return `# ${n}. ${title}\n\nDate: 2024-01-01\n\n## Status\n\n${status}\n${links.map((l) => `\n${l}\n`).join('')}\n## Context\n\n${body}\n\n## Decision\n\n${body}\n`;
}
