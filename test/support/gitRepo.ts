/**
 * Real throw-away git repositories for the review's tests: created with the real `git` in the system
 * temp folder, with a local user name and e-mail, isolated from the machine's and user's git config.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Environment for the test's own git commands (the code under test runs git its own way). */
export const TEST_GIT_ENV: NodeJS.ProcessEnv = (() => {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^GIT_/i.test(k)) env[k] = v;
  return {
    ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
    GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C',
  };
})();

export class TempRepo {
  readonly root: string;

  /** A new repository (branch `main`), or just an empty folder with `{ git: false }`. */
  constructor(options: { git?: boolean; at?: string } = {}) {
    this.root = options.at ?? realpathSync(mkdtempSync(join(tmpdir(), 'adrw-review-'))).replace(/\\/g, '/');
    if (options.at) mkdirSync(options.at, { recursive: true });
    if (options.git !== false) {
      this.git('init', '-q', '-b', 'main');
      this.git('config', 'user.name', 'Test User');
      this.git('config', 'user.email', 'test@example.com');
      this.git('config', 'commit.gpgsign', 'false');
      this.git('config', 'core.autocrlf', 'false');
      this.git('config', 'protocol.file.allow', 'always');
    }
  }

  /** Runs git in the repository (or `cwd` below it); returns standard output. */
  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.root, env: TEST_GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Runs git and returns its exit code instead of throwing. */
  gitStatus(...args: string[]): number {
    try {
      this.git(...args);
      return 0;
    } catch (e) {
      return (e as { status?: number }).status ?? 1;
    }
  }

  /** Writes files (relative paths), creating folders. */
  write(files: Record<string, string | Uint8Array>): this {
    for (const [rel, content] of Object.entries(files)) {
      const abs = join(this.root, rel);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    }
    return this;
  }

  remove(...rels: string[]): this {
    for (const rel of rels) {
      const abs = join(this.root, rel);
      try {
        unlinkSync(abs);
      } catch {
        rmSync(abs, { recursive: true, force: true });
      }
    }
    return this;
  }

  /** Stages everything and commits. */
  commit(message = 'commit', files?: Record<string, string | Uint8Array>): this {
    if (files) this.write(files);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this;
  }

  path(rel: string): string {
    return `${this.root}/${rel}`;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A Nygard record with optional `governs` front matter. */
export function record(n: number, title: string, status = 'Accepted', body = 'We decided.', governs?: readonly string[]): string {
  const fm = governs ? `---\ngoverns:\n${governs.map((g) => `  - "${g}"`).join('\n')}\n---\n` : '';
  return `${fm}# ${n}. ${title}\n\nDate: 2026-01-01\n\n## Status\n\n${status}\n\n## Context\n\n${body}\n\n## Decision\n\n${body}\n`;
}
