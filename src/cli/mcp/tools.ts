/**
 * The agent tools' input schemas (zod) and handlers. Every handler runs the CLI's own command
 * (`list --json`, `explain --json`, `check --format json`, `new`, ...) in process over the same
 * ports, with its output captured: an agent gets exactly what `adrw` prints, the same git
 * protections and the same edit rules (locks, atomic writes, exclusive create of the number).
 * No MCP SDK here: the editor's language model tools run these handlers through `adrw mcp --call`.
 */
import { z } from 'zod';
import { createTwoFilesPatch } from 'diff';
import { AGENT_TOOLS, agentTool, confine, matchesText, OverlayFileSystem } from '../../core/agents';
import { isUserError, UserError } from '../../core/errors';
import { STATUSES } from '../../core/model';
import { relative, resolve } from '../../core/paths';
import type { Clock, FileSystem } from '../../core/ports';
import { TEMPLATE_KINDS } from '../../core/templates';
import type { CliIO } from '../io';
import { runCli } from '../run';

/** Where and how the tools run. */
export interface ToolContext {
  /** The workspace root (absolute, `/`-separated): every path is confined to it. */
  readonly root: string;
  readonly fs: FileSystem;
  readonly clock: Clock;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--allow-write`: draft_decision may write when asked with `write: true`. */
  readonly allowWrite: boolean;
}

/** A tool's answer: text (JSON as the CLI prints it) or a one-line error. */
export interface ToolAnswer {
  readonly text: string;
  readonly isError: boolean;
}

const ref = z.string().min(1).max(500).describe('A record: its number (7, 0007, ADR-7), its path, or part of its file name');
const template = z.enum(TEMPLATE_KINDS.filter((k) => k !== 'custom') as [string, ...string[]]);

/** The input schema of each tool (a zod object; the JSON Schema the client sees is derived from it). */
export const SCHEMAS = {
  search_decisions: z.object({
    status: z.array(z.enum(STATUSES as [string, ...string[]])).optional().describe('Keep records with one of these statuses'),
    tag: z.array(z.string().min(1)).optional().describe('Keep records with one of these tags'),
    text: z.string().max(500).optional().describe('Words that must all appear in the title, id, path or tags (case-insensitive)'),
    limit: z.number().int().min(1).max(10000).optional().describe('At most this many records (default: all)'),
  }).strict(),
  show_decision: z.object({ ref }).strict(),
  explain_file: z.object({
    path: z.string().min(1).max(4096).describe('A file of the workspace, relative to its root'),
    includeProposed: z.boolean().optional().describe('Count proposed records as governing too'),
  }).strict(),
  decision_refs: z.object({ ref }).strict(),
  review_change: z.object({
    scope: z.enum(['working', 'staged', 'base']).optional().describe('working (default): staged, unstaged and untracked changes against HEAD; staged: what the next commit holds; base: since the merge base with `base`'),
    base: z.string().min(1).max(255).regex(/^[^-\s][^\s]*$/, 'a branch, tag or commit').optional().describe('The branch, tag or commit to compare with (scope base)'),
  }).strict(),
  lint_decisions: z.object({
    refs: z.array(ref).optional().describe('Only these records (default: all)'),
    code: z.boolean().optional().describe('Also scan the source files for anchors to unknown, superseded or rejected records'),
  }).strict(),
  decision_history: z.object({
    ref: ref.optional().describe('The record (default: every record of the workspace)'),
    limit: z.number().int().min(1).max(10000).optional().describe('At most this many events, newest first'),
  }).strict(),
  decision_digest: z.object({
    since: z.string().min(1).max(255).regex(/^[^-\s][^\s]*$/, 'a period (7d, 4w, 3m, 1y), a date (2024-03-01) or a branch, tag or commit').optional()
      .describe('Start of the period: 7d, 4w, 3m, 1y, a date (2024-03-01) or a tag/commit (default 7d)'),
    until: z.string().min(1).max(255).regex(/^[^-\s][^\s]*$/, 'a branch, tag or commit').optional().describe('End of the period: a branch, tag or commit (default HEAD)'),
  }).strict(),
  draft_decision: z.object({
    title: z.string().trim().min(1).max(200).regex(/^[^\r\n]*$/, 'one line').describe('The decision\'s title, e.g. "Use PostgreSQL for orders"'),
    template: template.optional().describe('The format of a collection that has no record yet (default: the collection\'s own)'),
    status: z.string().min(1).max(40).regex(/^[^\r\n:]*$/, 'one word or two').optional().describe('The status to write (default: the collection\'s, e.g. Proposed)'),
    collection: z.string().min(1).max(4096).optional().describe('The collection folder, relative to the workspace root (default: the only one, or the adr-tools folder)'),
    supersedes: z.array(ref).optional().describe('Records the new one supersedes (their status and links are updated)'),
    links: z.array(z.object({
      target: ref,
      verb: z.string().min(1).max(60).regex(/^[^:\r\n]+$/, 'no ":"').describe('e.g. Amends'),
      reverseVerb: z.string().min(1).max(60).regex(/^[^:\r\n]+$/, 'no ":"').describe('e.g. Amended by'),
    }).strict()).optional().describe('Links to other records, written in both records'),
    write: z.boolean().optional().describe('true: write the record (needs a server started with --allow-write); default: only return the plan'),
  }).strict(),
} as const;

export type ToolName = keyof typeof SCHEMAS;

/** Runs one CLI command line in process, in the workspace root, capturing what it prints. */
async function run(ctx: ToolContext, argv: readonly string[], fs: FileSystem = ctx.fs): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    cwd: ctx.root,
    // No editor runs for an agent's record.
    env: { ...ctx.env, VISUAL: '', EDITOR: '' },
    fs,
    clock: ctx.clock,
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    runEditor: async () => {},
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

function fail(message: string): ToolAnswer {
  return { text: message, isError: true };
}

/** A command's output as the tool's answer: usage and git errors (exit 2) are errors, in their one line. */
function answer(r: { code: number; stdout: string; stderr: string }): ToolAnswer {
  if (r.code >= 2) return fail((r.stderr.trim().split('\n')[0] ?? 'failed').replace(/^adr-workbench: /, ''));
  return { text: r.stdout, isError: false };
}

function json(value: unknown): ToolAnswer {
  return { text: `${JSON.stringify(value, null, 2)}\n`, isError: false };
}

/** Validates `input` against the tool's schema and runs it; every failure is a one-line error. */
export async function callTool(ctx: ToolContext, name: string, input: unknown): Promise<ToolAnswer> {
  if (!agentTool(name) || !(name in SCHEMAS)) return fail(`unknown tool "${name}" (one of ${AGENT_TOOLS.map((t) => t.name).join(', ')})`);
  const parsed = SCHEMAS[name as ToolName].safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(`${name}: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
  }
  try {
    return await handle(ctx, name as ToolName, parsed.data as never);
  } catch (e) {
    if (isUserError(e)) return fail(e.message);
    return fail(`internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

type Input<N extends ToolName> = z.infer<(typeof SCHEMAS)[N]>;

async function handle<N extends ToolName>(ctx: ToolContext, name: N, input: Input<N>): Promise<ToolAnswer> {
  switch (name) {
    case 'search_decisions': {
      const i = input as Input<'search_decisions'>;
      const r = await run(ctx, ['list', '--json', ...(i.status ?? []).flatMap((s) => ['--status', s]), ...(i.tag ?? []).flatMap((t) => ['--tag', t])]);
      if (r.code !== 0) return answer(r);
      let records = JSON.parse(r.stdout) as Record<string, unknown>[];
      if (i.text) records = records.filter((x) => matchesText(x, i.text!));
      return json(i.limit ? records.slice(0, i.limit) : records);
    }
    case 'show_decision': {
      const i = input as Input<'show_decision'>;
      const r = await run(ctx, ['show', '--json', '--', i.ref]);
      if (r.code !== 0) return answer(r);
      const record = JSON.parse(r.stdout) as { path: string };
      const path = await confine(ctx.fs, ctx.root, record.path, 'record');
      return json({ ...record, content: new TextDecoder().decode(await ctx.fs.readFile(path)) });
    }
    case 'explain_file': {
      const i = input as Input<'explain_file'>;
      const path = await confine(ctx.fs, ctx.root, i.path);
      return answer(await run(ctx, ['explain', '--json', ...(i.includeProposed ? ['--include-proposed'] : []), '--', path]));
    }
    case 'decision_refs': {
      const i = input as Input<'decision_refs'>;
      return answer(await run(ctx, ['refs', '--json', '--', i.ref]));
    }
    case 'review_change': {
      const i = input as Input<'review_change'>;
      const scope = i.scope ?? (i.base !== undefined ? 'base' : 'working');
      if (scope === 'base' && i.base === undefined) return fail('review_change: scope "base" needs base (a branch, tag or commit)');
      if (scope !== 'base' && i.base !== undefined) return fail(`review_change: base goes with scope "base", not "${scope}"`);
      const r = await run(ctx, ['check', '--format', 'json', '--fail-on', 'never', ...(scope === 'staged' ? ['--staged'] : []), ...(scope === 'base' ? ['--base', i.base!] : [])]);
      if (r.code !== 0) return answer(r);
      return json(forAgents(JSON.parse(r.stdout) as ReviewJson));
    }
    case 'lint_decisions': {
      const i = input as Input<'lint_decisions'>;
      return answer(await run(ctx, ['lint', '--json', '--fail-on', 'error', ...(i.code ? ['--code'] : []), ...(i.refs?.length ? ['--', ...i.refs] : [])]));
    }
    case 'decision_history': {
      const i = input as Input<'decision_history'>;
      return answer(await run(ctx, ['log', '--json', ...(i.limit ? ['-n', String(i.limit)] : []), ...(i.ref ? ['--', i.ref] : [])]));
    }
    case 'decision_digest': {
      const i = input as Input<'decision_digest'>;
      return answer(await run(ctx, ['digest', '--format', 'json', ...(i.since ? ['--since', i.since] : []), ...(i.until ? ['--until', i.until] : [])]));
    }
    case 'draft_decision':
      return draft(ctx, input as Input<'draft_decision'>);
  }
  return fail(`unknown tool "${name}"`);
}

interface ReviewJson {
  kind: string;
  repositories?: Record<string, unknown>[];
  findings?: { verdict?: string }[];
  conflicts?: unknown[];
}

/**
 * `check --format json` for an agent: the findings and conflicts once (the repositories keep their
 * facts, not a second copy of them nor the rule table), and the count of each verdict first.
 */
function forAgents(outcome: ReviewJson): unknown {
  if (outcome.kind !== 'reviewed') return outcome;
  const verdicts: Record<string, number> = {};
  for (const f of outcome.findings ?? []) verdicts[f.verdict ?? 'unknown'] = (verdicts[f.verdict ?? 'unknown'] ?? 0) + 1;
  const { kind, ...rest } = outcome;
  return {
    kind,
    summary: { findings: outcome.findings?.length ?? 0, ...verdicts, conflicts: outcome.conflicts?.length ?? 0 },
    ...rest,
    repositories: outcome.repositories?.map(({ findings: _f, conflicts: _c, rules: _r, ...repository }) => repository),
  };
}

/** `new` exactly as the CLI runs it: on an overlay (the plan), or on the disk with `write: true`. */
async function draft(ctx: ToolContext, i: Input<'draft_decision'>): Promise<ToolAnswer> {
  if (i.write && !ctx.allowWrite) {
    return fail('draft_decision: writing is off (the server was started without --allow-write); call it without write to get the plan, or ask the user to write it');
  }
  const collection = i.collection !== undefined ? await confine(ctx.fs, ctx.root, i.collection, 'collection') : undefined;
  const argv = [
    'new',
    ...(i.template ? ['--template', i.template] : []),
    ...(i.status ? ['--status', i.status] : []),
    ...(collection ? ['--collection', collection] : []),
    ...(i.supersedes ?? []).flatMap((s) => ['-s', s]),
    ...(i.links ?? []).flatMap((l) => ['-l', `${l.target}:${l.verb}:${l.reverseVerb}`]),
    '--', i.title,
  ];
  const rel = (p: string) => relative(ctx.root, p) || '.';
  if (i.write) {
    const r = await run(ctx, argv);
    if (r.code !== 0) return answer(r);
    const path = resolve(ctx.root, r.stdout.trim());
    return json({ written: true, path: rel(path), content: new TextDecoder().decode(await ctx.fs.readFile(path)) });
  }
  const overlay = new OverlayFileSystem(ctx.fs);
  const r = await run(ctx, argv, overlay);
  if (r.code !== 0) return answer(r);
  const path = resolve(ctx.root, r.stdout.trim());
  const changes = overlay.changes();
  if (!changes.some((c) => c.path === path)) throw new UserError('draft_decision: the plan creates no record');
  return json({
    written: false,
    path: rel(path),
    creates: changes.filter((c) => c.before === undefined).map((c) => ({ path: rel(c.path), content: c.after })),
    edits: changes.filter((c) => c.before !== undefined).map((c) => ({ path: rel(c.path), diff: createTwoFilesPatch(rel(c.path), rel(c.path), c.before!, c.after) })),
    removes: overlay.removals().map(rel),
    next: ctx.allowWrite ? 'call again with write: true to write it' : 'the server is read-only: show the plan to the user, who can write it with `adrw new` or start the server with --allow-write',
  });
}
