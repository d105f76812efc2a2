/**
 * Decisions for coding agents: the questions the MCP server (`adrw mcp`) and the editor's language
 * model tools answer, one table for both front ends, plus the two safety pieces they share: paths
 * confined to the workspace, and the overlay file system a draft is planned on (nothing written).
 * Pure: the file system is the port.
 */
import { FileExistsError, FileNotFoundError, UserError } from '../errors';
import { basename, dirname, isInside, join, normalize, resolve } from '../paths';
import type { DirectoryEntry, FileHead, FileStat, FileSystem, ReadOptions, ReleaseLock, StagedWrite } from '../ports';

export interface AgentTool {
  /** The tool's name (MCP tool name; the language model tool is `adrWorkbench_<name>`). */
  readonly name: string;
  readonly title: string;
  /** One line an agent can act on: what it answers and when to ask it. */
  readonly description: string;
  /** Runs git (offered only in trusted workspaces). */
  readonly git: boolean;
  /** May write files (only with `write: true` and a server started with `--allow-write`). */
  readonly writes: boolean;
}

export const AGENT_TOOLS: readonly AgentTool[] = [
  {
    name: 'search_decisions', title: 'Search decisions', git: false, writes: false,
    description: 'Lists the architecture decision records (ADRs) of the workspace, filtered by status, tag and text in the title, id, path or tags; use it to find the decisions on a topic before you change that area.',
  },
  {
    name: 'show_decision', title: 'Show a decision', git: false, writes: false,
    description: 'Shows one decision record by REF (number like 7 or ADR-7, path, or part of its file name): status, date, tags, relations, governed globs and the full Markdown text.',
  },
  {
    name: 'explain_file', title: 'Decisions governing a file', git: false, writes: false,
    description: 'Which decisions govern a workspace file (records whose governs/applies-to globs match it and ADR anchors in its comments); ask it before you edit a file, and follow the decisions in force.',
  },
  {
    name: 'decision_refs', title: 'References of a decision', git: false, writes: false,
    description: 'Where a decision is referenced in the code: every anchor naming it (file, line, column) and every file its globs govern; use it to see what code a decision covers.',
  },
  {
    name: 'review_change', title: 'Review the working change', git: true, writes: false,
    description: 'Architecture review of the uncommitted change (or the staged one, or since a base branch): decision-shaped changes with their verdict (documented or not, and by which record) and conflicts with decisions in force; run it before you propose a commit.',
  },
  {
    name: 'lint_decisions', title: 'Lint decisions', git: false, writes: false,
    description: 'Checks the decision records for numbering, broken links and relations and unfilled templates (with code: true also anchors to unknown or superseded records); run it after you edit a record.',
  },
  {
    name: 'decision_history', title: 'History of a decision', git: true, writes: false,
    description: 'The git history of one decision record (or of all, without ref), newest first: created, status changes, relations added, renames and edits with commit, date and author.',
  },
  {
    name: 'decision_digest', title: 'Decision digest', git: true, writes: false,
    description: 'What happened to the decisions in a period (default the last 7 days): decisions proposed, accepted, superseded, deprecated or rejected with authors, proposals awaiting sign-off and who is awaited, reviews due, architectural changes merged without a record; use it to catch up before a review.',
  },
  {
    name: 'draft_decision', title: 'Draft a decision', git: false, writes: true,
    description: 'Plans a new decision record in the collection\'s own format and numbering: returns the file it would create and the edits to superseded or linked records without writing; write: true writes it (only when the server was started with --allow-write).',
  },
];

export function agentTool(name: string): AgentTool | undefined {
  return AGENT_TOOLS.find((t) => t.name === name);
}

/** The language model tool name of an agent tool in the editor (`adrWorkbench_explain_file`). */
export function languageModelToolName(name: string): string {
  return `adrWorkbench_${name}`;
}

/**
 * `input` (relative to `root`, or absolute) as an absolute path inside `root`: refuses `..`
 * segments, absolute paths elsewhere, and paths whose symlinks resolve outside the workspace.
 */
export async function confine(fs: FileSystem, root: string, input: string, what = 'path'): Promise<string> {
  const p = input.replace(/\\/g, '/');
  if (p.trim() === '' || p.includes('\0')) throw new UserError(`${what}: give a path inside the workspace`);
  if (p.split('/').includes('..')) throw new UserError(`${what} "${input}": ".." is not allowed; give a path inside the workspace (${root})`);
  const abs = normalize(resolve(root, p));
  if (!isInside(root, abs)) throw new UserError(`${what} "${input}" is outside the workspace (${root})`);
  const [real, realRoot] = await Promise.all([fs.realPath(abs), fs.realPath(root)]);
  if (!isInside(realRoot, real)) throw new UserError(`${what} "${input}" resolves outside the workspace (a symlink to ${real})`);
  return abs;
}

/** A record of `search_decisions` (the CLI's `list --json` row) matched by free text. */
export function matchesText(record: { readonly title?: unknown; readonly id?: unknown; readonly path?: unknown; readonly tags?: unknown }, text: string): boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = [record.title, record.id, record.path, ...(Array.isArray(record.tags) ? record.tags : [])]
    .filter((x): x is string => typeof x === 'string').join(' ').toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** What a plan on an `OverlayFileSystem` would have done to the disk. */
export interface OverlayChange {
  readonly path: string;
  /** The text before (undefined: a new file). */
  readonly before: string | undefined;
  readonly after: string;
}

/**
 * A file system that reads through to `base` and keeps every write in memory: a command run on it
 * does exactly what it would do (numbering, templates, exclusive create, the edits of linked
 * records) and `changes()` says what it would have written. Locks are not taken (nothing is written).
 */
export class OverlayFileSystem implements FileSystem {
  private readonly files = new Map<string, Uint8Array>();
  private readonly dirs = new Set<string>();
  private readonly removed = new Set<string>();
  private readonly originals = new Map<string, Uint8Array | undefined>();

  constructor(private readonly base: FileSystem) {}

  private async remember(path: string): Promise<void> {
    if (this.originals.has(path)) return;
    this.originals.set(path, (await this.exists(path)) ? await this.readFile(path) : undefined);
  }

  private async exists(path: string): Promise<boolean> {
    return (await this.stat(path)) !== undefined;
  }

  async readFile(path: string, options?: ReadOptions): Promise<Uint8Array> {
    const own = this.files.get(path);
    if (own) return own;
    if (this.removed.has(path)) throw new FileNotFoundError(path);
    return this.base.readFile(path, options);
  }

  async readHead(path: string, maxBytes: number): Promise<FileHead> {
    const own = this.files.get(path);
    if (own || this.removed.has(path) || !this.base.readHead) {
      const bytes = await this.readFile(path);
      return { bytes: bytes.subarray(0, maxBytes), complete: bytes.length <= maxBytes, size: bytes.length };
    }
    return this.base.readHead(path, maxBytes);
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    await this.remember(path);
    this.files.set(path, data);
    this.removed.delete(path);
  }

  async stageWrite(path: string, data: Uint8Array): Promise<StagedWrite> {
    const s = await this.stat(path);
    if (s && s.kind !== 'file') throw new UserError(`${path}: not a regular file`, path);
    return { path, commit: () => this.writeFile(path, data), discard: async () => {} };
  }

  async realPath(path: string): Promise<string> {
    if (this.files.has(path) || this.dirs.has(path)) return join(await this.realPath(dirname(path)), basename(path));
    return this.base.realPath(path);
  }

  async lock(_folder: string): Promise<ReleaseLock> {
    return async () => {};
  }

  async createFile(path: string, data: Uint8Array): Promise<void> {
    if (await this.exists(path)) throw new FileExistsError(path);
    await this.writeFile(path, data);
  }

  async readDirectory(path: string): Promise<readonly DirectoryEntry[]> {
    let entries: DirectoryEntry[];
    try {
      entries = [...(await this.base.readDirectory(path))];
    } catch (e) {
      if (!(e instanceof FileNotFoundError) || !this.dirs.has(path)) throw e;
      entries = [];
    }
    entries = entries.filter(([name]) => !this.removed.has(join(path, name)));
    const names = new Set(entries.map(([n]) => n));
    for (const f of this.files.keys()) if (dirname(f) === path && !names.has(basename(f))) entries.push([basename(f), 'file'] as DirectoryEntry);
    for (const d of this.dirs) if (dirname(d) === path && !names.has(basename(d))) entries.push([basename(d), 'directory'] as DirectoryEntry);
    return entries;
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const own = this.files.get(path);
    if (own) return { kind: 'file', size: own.length, mtime: 0 };
    if (this.dirs.has(path)) return { kind: 'directory', size: 0, mtime: 0 };
    if (this.removed.has(path)) return undefined;
    return this.base.stat(path);
  }

  async mkdir(path: string): Promise<void> {
    for (let p = path; p !== dirname(p); p = dirname(p)) {
      if (this.dirs.has(p) || (await this.base.stat(p))) break;
      this.dirs.add(p);
    }
  }

  async rename(from: string, to: string): Promise<void> {
    if (await this.exists(to)) throw new FileExistsError(to);
    const data = await this.readFile(from);
    await this.remember(from);
    await this.writeFile(to, data);
    this.files.delete(from);
    // A file of the disk is hidden; one the plan made (a temporary name) is just gone.
    if (this.originals.get(from) !== undefined) this.removed.add(from);
    else this.originals.delete(from);
  }

  /** Every file the plan would create or change, in the order first touched. */
  changes(): OverlayChange[] {
    const decoder = new TextDecoder();
    const out: OverlayChange[] = [];
    for (const [path, before] of this.originals) {
      const after = this.files.get(path);
      if (after === undefined) continue;
      out.push({ path, before: before === undefined ? undefined : decoder.decode(before), after: decoder.decode(after) });
    }
    return out;
  }

  /** Files the plan would remove (the old name of a renamed record). */
  removals(): string[] {
    return [...this.removed];
  }
}
