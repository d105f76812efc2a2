/**
 * `adrw mcp` driven by the MCP SDK's own client over stdio (`node dist/cli.js mcp` spawned in a
 * scripted git repository): every tool, the SDK's schema validation of bad inputs, writes refused
 * without --allow-write, paths outside the workspace refused, records listed and read as resources.
 * Needs `npm run build` (dist/cli.js), as the binary tests do.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { AGENT_TOOLS } from '../../src/core/agents';
import { record, TEST_GIT_ENV, TempRepo } from '../support/gitRepo';

const CLI = resolve(__dirname, '../../../dist/cli.js');

const pkg = (deps: Record<string, string>) => `${JSON.stringify({ name: 'app', dependencies: deps }, null, 2)}\n`;

/** A repository: three records (2 governs src/db/**, 3 supersedes nothing yet), code with an anchor, one commit. */
function scripted(): TempRepo {
  return new TempRepo().commit('base', {
    'doc/adr/0001-record-architecture-decisions.md': record(1, 'Record architecture decisions'),
    'doc/adr/0002-use-postgresql.md': record(2, 'Use PostgreSQL', 'Accepted', 'We store orders in PostgreSQL.', ['src/db/**']),
    'doc/adr/0003-use-redis-for-sessions.md': record(3, 'Use Redis for sessions', 'Proposed'),
    'src/db/orders.ts': '// See ADR-2 for the store.\nexport const orders = 1;\n',
    'src/other.ts': 'export const x = 1;\n',
    'package.json': pkg({}),
  });
}

interface Connected {
  client: Client;
  close(): Promise<void>;
}

async function connect(repo: TempRepo, ...args: string[]): Promise<Connected> {
  const transport = new StdioClientTransport({
    command: process.execPath, args: [CLI, 'mcp', ...args], cwd: repo.root,
    env: { ...(TEST_GIT_ENV as Record<string, string>), ADR_DATE: '2026-11-24' }, stderr: 'pipe',
  });
  const client = new Client({ name: 'adrw-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, close: () => client.close() };
}

interface Result { isError?: boolean; content: { type: string; text?: string }[] }

async function call(c: Connected, name: string, args: Record<string, unknown> = {}): Promise<Result> {
  return (await c.client.callTool({ name, arguments: args })) as Result;
}

/** The text of a resource read. */
function body(r: { contents: readonly ({ text: string } | { blob: string })[] }): string {
  const first = r.contents[0]!;
  return 'text' in first ? first.text : '';
}

function text(r: Result): string {
  return r.content.map((x) => x.text ?? '').join('');
}

function ok<T = unknown>(r: Result): T {
  assert.ok(!r.isError, `expected success, got: ${text(r)}`);
  return JSON.parse(text(r)) as T;
}

/** A tool call the server refuses: an error result, or (SDK input validation) a rejected request; its message. */
async function refused(c: Connected, name: string, args: Record<string, unknown>): Promise<string> {
  try {
    const r = await call(c, name, args);
    assert.equal(r.isError, true, `expected an error, got: ${text(r)}`);
    return text(r);
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    return (e as Error).message;
  }
}

describe('adrw mcp: the MCP server over stdio (SDK client)', function () {
  this.timeout(60000);
  let repo: TempRepo;
  let c: Connected | undefined;
  before(function () {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
  });
  afterEach(async () => {
    await c?.close();
    c = undefined;
    repo?.dispose();
  });

  it('lists every tool with a description and a JSON schema, read-only hints on all but the draft', async () => {
    repo = scripted();
    c = await connect(repo);
    const { tools } = await c.client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), AGENT_TOOLS.map((t) => t.name).sort());
    for (const t of tools) {
      assert.ok(t.description && t.description.length > 40, t.name);
      assert.equal(t.inputSchema.type, 'object', t.name);
      assert.equal(t.annotations?.readOnlyHint, t.name !== 'draft_decision', t.name);
    }
    const draft = tools.find((t) => t.name === 'draft_decision')!;
    assert.deepEqual(draft.inputSchema.required, ['title']);
    const instructions = c.client.getInstructions() ?? '';
    assert.match(instructions, /explain_file/);
    assert.match(instructions, /read-only/);
  });

  it('search_decisions: by status, tag and text; show_decision with the text; explain_file by glob and anchor; decision_refs', async () => {
    repo = scripted();
    c = await connect(repo);
    const all = ok<{ number: number }[]>(await call(c, 'search_decisions'));
    assert.deepEqual(all.map((r) => r.number), [1, 2, 3]);
    const proposed = ok<{ number: number }[]>(await call(c, 'search_decisions', { status: ['proposed'] }));
    assert.deepEqual(proposed.map((r) => r.number), [3]);
    const text = ok<{ number: number }[]>(await call(c, 'search_decisions', { text: 'postgre USE' }));
    assert.deepEqual(text.map((r) => r.number), [2]);
    assert.deepEqual(ok<unknown[]>(await call(c, 'search_decisions', { tag: ['nope'] })), []);
    assert.equal(ok<unknown[]>(await call(c, 'search_decisions', { limit: 2 })).length, 2);

    const shown = ok<{ title: string; status: string; governs: string[]; content: string }>(await call(c, 'show_decision', { ref: 'ADR-2' }));
    assert.equal(shown.title, 'Use PostgreSQL');
    assert.deepEqual(shown.governs, ['src/db/**']);
    assert.match(shown.content, /We store orders in PostgreSQL\./);
    assert.match(await refused(c, 'show_decision', { ref: '99' }), /no decision record matches "99"/);

    const explained = ok<{ path: string; records: { number: number; via: string[]; patterns: string[] }[] }>(await call(c, 'explain_file', { path: 'src/db/orders.ts' }));
    assert.equal(explained.path, 'src/db/orders.ts');
    assert.deepEqual(explained.records.map((r) => [r.number, r.via]), [[2, ['glob', 'anchor']]]);
    assert.deepEqual(ok<{ records: unknown[] }>(await call(c, 'explain_file', { path: 'src/other.ts' })).records, []);

    const refs = ok<{ record: { number: number }; anchors: { path: string; line: number }[]; governedFiles: string[] }>(await call(c, 'decision_refs', { ref: '2' }));
    assert.equal(refs.record.number, 2);
    assert.deepEqual(refs.anchors.map((a) => [a.path, a.line]), [['src/db/orders.ts', 1]]);
    assert.deepEqual(refs.governedFiles, ['src/db/orders.ts']);
  });

  it('review_change: the working change\'s findings with verdicts; staged and base scopes; lint_decisions; decision_history; decision_digest', async () => {
    repo = scripted();
    repo.write({ 'package.json': pkg({ redis: '^4.0.0' }), 'src/db/schema.sql': 'create table t (id int);\n' });
    c = await connect(repo);
    const review = ok<{ kind: string; summary: Record<string, number>; repositories: Record<string, unknown>[]; findings: { rule: string; path: string; verdict: string }[]; conflicts: unknown[] }>(await call(c, 'review_change'));
    assert.equal(review.kind, 'reviewed');
    assert.deepEqual(review.summary, { findings: review.findings.length, undocumented: 1, documented: review.findings.length - 1, conflicts: 0 });
    assert.deepEqual(review.conflicts, []);
    assert.equal(review.repositories.length, 1);
    assert.equal(review.repositories[0]!.rules, undefined, 'no rule table');
    assert.equal(review.repositories[0]!.findings, undefined, 'the findings once');
    assert.equal(review.repositories[0]!.root, undefined);
    assert.equal((review.repositories[0]!.repository as { root: string }).root, repo.root);
    const dep = review.findings.find((f) => f.rule === 'dependency-added');
    assert.ok(dep, JSON.stringify(review.findings.map((f) => f.rule)));
    assert.equal(dep.verdict, 'undocumented');
    const governed = review.findings.find((f) => f.path.endsWith('src/db/schema.sql'));
    assert.ok(governed, 'the governed file is a finding');
    assert.equal(governed.verdict, 'documented');
    const staged = ok<{ findings: unknown[] }>(await call(c, 'review_change', { scope: 'staged' }));
    assert.deepEqual(staged.findings, [], 'nothing staged');
    const base = ok<{ findings: unknown[] }>(await call(c, 'review_change', { scope: 'base', base: 'main' }));
    assert.ok(base.findings.length > 0);
    assert.match(await refused(c, 'review_change', { scope: 'base', base: 'no-such-branch' }), /no-such-branch/);
    assert.match(await refused(c, 'review_change', { scope: 'base' }), /needs base/);

    repo.write({ 'doc/adr/0004-broken.md': '# 4. Broken\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\nAmends [9. Nothing](0009-nothing.md)\n' });
    const lint = ok<{ rule: string; path: string }[]>(await call(c, 'lint_decisions'));
    assert.ok(lint.some((f) => f.path === 'doc/adr/0004-broken.md'), JSON.stringify(lint));

    repo.commit('supersede', { 'doc/adr/0003-use-redis-for-sessions.md': record(3, 'Use Redis for sessions', 'Accepted') });
    const history = ok<{ events: { change: string; subject: string; status: string; statusFrom?: string }[] }>(await call(c, 'decision_history', { ref: '3' }));
    assert.deepEqual(history.events.map((e) => [e.subject, e.change, e.statusFrom ?? null, e.status]), [['supersede', 'edited', 'proposed', 'accepted'], ['base', 'created', null, 'proposed']]);
    const limited = ok<{ events: unknown[] }>(await call(c, 'decision_history', { limit: 1 }));
    assert.equal(limited.events.length, 1);

    // The digest since the commit before: record 3 was accepted in it (adrw digest --format json).
    const digest = ok<{ version: number; decisions: { change: string; from: string | null; record: { number: number | null } }[] }>(await call(c, 'decision_digest', { since: 'HEAD~1' }));
    assert.equal(digest.version, 1);
    assert.ok(digest.decisions.some((d) => d.change === 'accepted' && d.record.number === 3), JSON.stringify(digest.decisions));
    assert.match(await refused(c, 'decision_digest', { since: '--output=/tmp/x' }), /since/);
  });

  it('review_change: a conflict with a decision already taken, with its record', async () => {
    repo = new TempRepo().commit('base', {
      'docs/decisions/0004-database.md': ['---', 'status: accepted', '---', '# Store application data in PostgreSQL', '',
        '## Considered Options', '', '* PostgreSQL', '* MongoDB', '',
        '## Decision Outcome', '', 'Chosen option: "PostgreSQL", because orders need transactions.', ''].join('\n'),
      'package.json': pkg({}),
    });
    repo.write({ 'package.json': pkg({ mongodb: '^6.0.0' }) });
    c = await connect(repo);
    const review = ok<{ summary: { conflicts: number }; conflicts: { message: string; record?: unknown }[] }>(await call(c, 'review_change'));
    assert.equal(review.summary.conflicts, 1);
    assert.match(JSON.stringify(review.conflicts[0]), /mongodb/);
    assert.match(JSON.stringify(review.conflicts[0]), /0004-database\.md/);
  });

  it('draft_decision: the plan without writing (file, content, edits of the superseded record); write refused without --allow-write', async () => {
    repo = scripted();
    c = await connect(repo);
    const before = readdirSync(join(repo.root, 'doc/adr')).sort();
    const plan = ok<{ written: boolean; path: string; creates: { path: string; content: string }[]; edits: { path: string; diff: string }[]; removes: string[] }>(
      await call(c, 'draft_decision', { title: 'Use Valkey for sessions', supersedes: ['3'] }));
    assert.equal(plan.written, false);
    assert.equal(plan.path, 'doc/adr/0004-use-valkey-for-sessions.md');
    assert.deepEqual(plan.creates.map((x) => x.path), ['doc/adr/0004-use-valkey-for-sessions.md']);
    assert.match(plan.creates[0]!.content, /^# 4\. Use Valkey for sessions\n\nDate: 2026-11-24\n/);
    assert.match(plan.creates[0]!.content, /Supercedes \[3\. Use Redis for sessions\]\(0003-use-redis-for-sessions\.md\)/);
    assert.deepEqual(plan.edits.map((x) => x.path), ['doc/adr/0003-use-redis-for-sessions.md']);
    assert.match(plan.edits[0]!.diff, /^-Proposed$/m);
    assert.match(plan.edits[0]!.diff, /^\+Superceded by \[4\. Use Valkey for sessions\]\(0004-use-valkey-for-sessions\.md\)$/m);
    assert.deepEqual(plan.removes, []);
    assert.deepEqual(readdirSync(join(repo.root, 'doc/adr')).sort(), before, 'nothing written, no temporary or lock file left');

    assert.match(await refused(c, 'draft_decision', { title: 'Use Valkey', write: true }), /writing is off.*--allow-write/);
    assert.deepEqual(readdirSync(join(repo.root, 'doc/adr')).sort(), before);
  });

  it('draft_decision with --allow-write and write: true writes through the CLI\'s new (next number, superseded record edited); twice gives two numbers', async () => {
    repo = scripted();
    c = await connect(repo, '--allow-write');
    assert.doesNotMatch(c.client.getInstructions() ?? '', /read-only/);
    const plan = ok<{ written: boolean }>(await call(c, 'draft_decision', { title: 'Use Valkey', supersedes: ['3'] }));
    assert.equal(plan.written, false, 'without write: true, only the plan');
    assert.ok(!existsSync(join(repo.root, 'doc/adr/0004-use-valkey.md')));
    const [a, b] = await Promise.all([
      call(c, 'draft_decision', { title: 'Use Valkey', supersedes: ['3'], write: true }),
      call(c, 'draft_decision', { title: 'Use Valkey', status: 'Proposed', write: true }),
    ]);
    const paths = [ok<{ path: string; written: boolean }>(a), ok<{ path: string }>(b)].map((x) => x.path).sort();
    assert.deepEqual(paths, ['doc/adr/0004-use-valkey.md', 'doc/adr/0005-use-valkey.md']);
    assert.match(readFileSync(join(repo.root, 'doc/adr/0003-use-redis-for-sessions.md'), 'utf8'), /Superceded by \[\d\. Use Valkey\]/);
  });

  it('validates inputs by schema: wrong types, unknown keys, bad enums, missing fields, unknown tools', async () => {
    repo = scripted();
    c = await connect(repo);
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['show_decision', { ref: 5 }, /ref/],
      ['show_decision', {}, /ref/],
      ['search_decisions', { status: ['great'] }, /status/],
      ['search_decisions', { limit: 0 }, /limit/],
      ['search_decisions', { colour: 'red' }, /colour|unrecognized/i],
      ['review_change', { scope: 'everything' }, /scope/],
      ['review_change', { scope: 'base', base: '--upload-pack=evil' }, /base/],
      ['draft_decision', { title: '' }, /title/],
      ['draft_decision', { title: 'Two\nlines' }, /title/],
      ['draft_decision', { title: 'X', links: [{ target: '2', verb: 'A:b', reverseVerb: 'c' }] }, /verb/],
      ['decision_history', { limit: 'all' }, /limit/],
    ];
    for (const [name, args, pattern] of cases) assert.match(await refused(c, name, args), pattern, `${name} ${JSON.stringify(args)}`);
    assert.match(await refused(c, 'no_such_tool', {}), /no_such_tool/);
    // The server is still there after every refusal.
    assert.equal(ok<unknown[]>(await call(c, 'search_decisions')).length, 3);
  });

  it('refuses paths outside the workspace: "..", absolute paths elsewhere, symlinks leading out, for files, collections and resources', async () => {
    repo = scripted();
    const outside = new TempRepo({ git: false }).write({ 'secret.ts': '// ADR-2\n', 'adr/0001-x.md': record(1, 'X') });
    try {
      symlinkSync(join(outside.root, 'secret.ts'), join(repo.root, 'src/link.ts'));
      symlinkSync(join(outside.root, 'adr'), join(repo.root, 'elsewhere'));
      c = await connect(repo, '--allow-write');
      assert.match(await refused(c, 'explain_file', { path: '../secret.ts' }), /"\.\." is not allowed/);
      assert.match(await refused(c, 'explain_file', { path: 'src/../../secret.ts' }), /"\.\." is not allowed/);
      assert.match(await refused(c, 'explain_file', { path: join(outside.root, 'secret.ts') }), /outside the workspace/);
      assert.match(await refused(c, 'explain_file', { path: 'src/link.ts' }), /resolves outside the workspace/);
      assert.match(await refused(c, 'draft_decision', { title: 'Escape', collection: 'elsewhere', write: true }), /resolves outside the workspace/);
      assert.match(await refused(c, 'draft_decision', { title: 'Escape', collection: outside.root }), /outside the workspace/);
      assert.deepEqual(readdirSync(join(outside.root, 'adr')), ['0001-x.md'], 'nothing written outside');
      await assert.rejects(c.client.readResource({ uri: 'adr://path/..%2Fsecret.ts' }), /"\.\." is not allowed/);
      // A URI's own ".." is resolved by URL parsing, inside the URI: it names secret.ts at the root, which is not there.
      await assert.rejects(c.client.readResource({ uri: 'adr://path/../secret.ts' }), /no such file/);
      await assert.rejects(c.client.readResource({ uri: 'adr://path/src/link.ts' }), /outside/);
      // Inside is fine.
      assert.equal(ok<{ records: unknown[] }>(await call(c, 'explain_file', { path: join(repo.root, 'src/db/orders.ts') })).records.length, 1);
    } finally {
      outside.dispose();
    }
  });

  it('lists the records as resources by id and reads them by id and by path', async () => {
    repo = scripted();
    mkdirSync(join(repo.root, 'docs/decisions'), { recursive: true });
    c = await connect(repo);
    const { resources } = await c.client.listResources();
    assert.deepEqual(resources.map((r) => r.uri), ['adr://doc%2Fadr/1', 'adr://doc%2Fadr/2', 'adr://doc%2Fadr/3']);
    assert.equal(resources[1]!.title, '2. Use PostgreSQL');
    assert.equal(resources[1]!.mimeType, 'text/markdown');
    const { resourceTemplates } = await c.client.listResourceTemplates();
    assert.deepEqual(resourceTemplates.map((t) => t.uriTemplate).sort(), ['adr://path/{+path}', 'adr://{collection}/{record}']);
    const byId = await c.client.readResource({ uri: 'adr://doc%2Fadr/2' });
    assert.match(body(byId), /^---\ngoverns:/);
    assert.match(body(byId), /# 2\. Use PostgreSQL/);
    const bySlug = await c.client.readResource({ uri: 'adr://doc%2Fadr/0003-use-redis-for-sessions' });
    assert.match(body(bySlug), /# 3\. Use Redis for sessions/);
    const byPath = await c.client.readResource({ uri: 'adr://path/doc/adr/0001-record-architecture-decisions.md' });
    assert.match(body(byPath), /# 1\. Record architecture decisions/);
    await assert.rejects(c.client.readResource({ uri: 'adr://doc%2Fadr/9' }), /no decision record 9/);
  });

  it('mcp --call answers one tool call (the editor\'s language model tools) and refuses bad input with one line, exit 2', async () => {
    repo = scripted();
    const { spawnSync } = await import('node:child_process');
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'mcp', ...args], { cwd: repo.root, encoding: 'utf8', env: TEST_GIT_ENV });
    const r = run('--call', 'explain_file', '--input', '{"path":"src/db/orders.ts"}');
    assert.equal(r.status, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { records: unknown[] }).records.length, 1);
    for (const [args, pattern] of [
      [['--call', 'explain_file', '--input', '{"path":"../x"}'], /^adr-workbench: path "\.\.\/x": "\.\." is not allowed/],
      [['--call', 'explain_file', '--input', 'not json'], /^adr-workbench: mcp: --input takes a JSON object\n$/],
      [['--call', 'show_decision', '--input', '{"ref":7}'], /^adr-workbench: show_decision: ref: /],
      [['--call', 'nope'], /^adr-workbench: unknown tool "nope"/],
      [['--call', 'draft_decision', '--input', '{"title":"X","write":true}'], /writing is off/],
      [['--root', 'missing'], /^adr-workbench: mcp: --root .*missing: not a folder\n$/],
    ] as [string[], RegExp][]) {
      const x = run(...args);
      assert.equal(x.status, 2, args.join(' '));
      assert.match(x.stderr, pattern);
      assert.equal(x.stderr.split('\n').filter(Boolean).length, 1, x.stderr);
    }
  });
});
