/**
 * `adrw check --format markdown` (the pull-request summary), `--step-summary`, `--sarif-file` and
 * `--format codequality`, on real repositories — including a hostile one whose file names,
 * dependency names and record titles try to put links, HTML, mentions and table cells into the comment.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { codeSpan, escapeMarkdown, formatMarkdown, type ReviewFinding, type ReviewOutcome } from '../../src/core/review';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { cli } from '../support/cliHarness';
import { record, TempRepo } from '../support/gitRepo';

const pkg = (deps: Record<string, string>) => `${JSON.stringify({ name: 'app', dependencies: deps }, null, 2)}\n`;
const BASE = { 'docs/adr/0001-record-architecture-decisions.md': record(1, 'Record architecture decisions'), 'package.json': pkg({}), 'src/a.ts': '1\n' };
const check = (repo: TempRepo, args: string[], env: Record<string, string> = {}) => cli(new NodeFileSystem(), repo.root, ['check', ...args], env);

interface Node { type: string; value?: string; children?: Node[] }
/** Every node of a CommonMark parse (remark), depth first. */
function nodes(markdown: string): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    out.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  walk(unified().use(remarkParse).parse(markdown) as Node);
  return out;
}

/** The cells of a GFM table row: split at pipes not escaped by an odd number of backslashes. */
function cells(line: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let slashes = 0;
  for (const c of line) {
    if (c === '|' && slashes % 2 === 0) {
      parts.push(cur);
      cur = '';
    } else cur += c;
    slashes = c === '\\' ? slashes + 1 : 0;
  }
  parts.push(cur);
  return parts.slice(1, -1);
}

describe('CLI: check --format markdown, --step-summary, --sarif-file, --format codequality', function () {
  this.timeout(30000);
  let repo: TempRepo;
  let tmp: string | undefined;
  afterEach(() => {
    repo?.dispose();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    tmp = undefined;
  });

  it('markdown: counts, the gate, a table of findings with verdicts and evidence, and the suggested records', async () => {
    repo = new TempRepo().commit('base', { ...BASE, 'docs/adr/0002-tf.md': record(2, 'Terraform', 'Accepted', 'x', ['infra/**']) });
    repo.write({ 'package.json': pkg({ redis: '^4.0.0' }), 'infra/a.tf': 'resource "a" "b" {}\n', '.github/workflows/ci.yml': 'on: push\n' });
    const r = await check(repo, ['--format', 'markdown']);
    assert.equal(r.code, 1, 'the exit status is the gate\'s, whatever the format');
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], '### ADR review: ❌ 1 change to document');
    assert.match(r.stdout, /^3 changed files against HEAD: 2 undocumented, 0 acknowledged, 1 documented\. The gate fails on undocumented changes at warning or above\.$/m);
    const table = lines.filter((l) => l.startsWith('| '));
    assert.equal(table[0], '| Verdict | Severity | File | Change | Evidence |');
    const rows = table.slice(1).filter((l) => /^\| (❌|✅|☑️)/.test(l));
    assert.deepEqual(rows.map((l) => cells(l).map((c) => c.trim()).slice(0, 3)), [
      ['❌ undocumented', 'warning', '`package.json:4`'],
      ['❌ undocumented', 'info', '`.github/workflows/ci.yml:1`'],
      ['✅ documented', 'warning', '`infra/a.tf:1`'],
    ]);
    assert.match(rows[0]!, /New dependency redis \\\^4\\\.0\\\.0 in package\\\.json \\\(npm\\\) `dependency-added`/);
    assert.match(rows[2]!, /governed by ADR\\-0002 \\"Terraform\\" \(`docs\/adr\/0002-tf\.md`\): `infra\/\*\*`/);
    assert.match(r.stdout, /#### Suggested records/);
    assert.match(r.stdout, /`adrw ack dependency-added:package\.json:redis --reason "…"`/);
    assert.ok(rows.every((l) => cells(l).length === 5));
    // Passing: a documented change only.
    repo.write({ 'package.json': pkg({}), '.github/workflows/ci.yml': '' });
    repo.remove('.github');
    const ok = await check(repo, ['--format', 'markdown']);
    assert.equal(ok.code, 0);
    assert.match(ok.stdout, /^### ADR review: ✅ passes$/m);
    assert.doesNotMatch(ok.stdout, /Suggested records/);
    const never = await check(repo, ['--format', 'markdown', '--fail-on', 'never']);
    assert.match(never.stdout, /The gate is off \(`--fail-on never`\)\./);
  });

  it('markdown: a hostile repository puts no link, image, HTML, mention, reference, autolink or extra cell into the summary', async () => {
    const evilTitle = 'Terraform <script>alert(1)</script> @octocat [x](javascript:alert(1)) ![i](https://evil.example/p.png) #12 **bold** | cell';
    repo = new TempRepo().commit('base', { ...BASE, 'docs/adr/0002-tf.md': record(2, evilTitle, 'Accepted', 'x', ['infra/**']) });
    const evilDir = 'x<img src=x onerror=alert(1)>|@octocat [a](https://evil.example) www.evil.example #1 `tick` \\| &amp;';
    const evilDeps = {
      '@octocat/pkg': '1.0.0',
      '[click](https://evil.example)': '1.0.0',
      '<img src=x onerror=alert(1)>': '1.0.0',
      'x`y|z': '1.0.0',
    };
    repo.write({
      'package.json': pkg(evilDeps),
      [`${evilDir}/Dockerfile`]: 'FROM a\n',
      'infra/<b>b</b>.tf': 'resource "a" "b" {}\n',
    });
    const r = await check(repo, ['--format', 'markdown']);
    assert.equal(r.code, 1, r.stderr);
    const md = r.stdout;
    // The hostile names were reviewed (so the test would see them if they leaked).
    for (const d of Object.keys(evilDeps)) assert.ok(md.includes(d.replace(/\|/g, '\\|')) || md.includes(escapeMarkdown(d)), `${d} is in the summary`);
    assert.ok(md.includes('Dockerfile'));

    const all = nodes(md);
    const kinds = new Set(all.map((n) => n.type));
    for (const k of ['link', 'image', 'linkReference', 'imageReference', 'definition', 'emphasis', 'strong']) {
      assert.ok(!kinds.has(k), `no ${k} node: ${JSON.stringify(all.filter((n) => n.type === k))}`);
    }
    assert.deepEqual(all.filter((n) => n.type === 'html').map((n) => n.value).filter((v) => v !== '<br>'), [], 'the only HTML is our own <br>');
    assert.equal(all.filter((n) => n.type === 'heading').length, 2, 'our two headings only');
    // Outside code spans (where GitHub links nothing), no mention, issue reference, URL or www. autolink.
    const text = all.filter((n) => n.type === 'text').map((n) => n.value!).join('\n');
    assert.ok(text.includes('New dependency <img src=x onerror=alert(1)> 1.0.0'), 'a hostile name is shown as text');
    assert.ok(text.includes('[click](https:\u200b//evil.example)'));
    assert.ok(text.includes('"Terraform alert(1) @\u200boctocat'), 'the record title as the index reads it (markup already dropped)');
    const code = all.filter((n) => n.type === 'inlineCode').map((n) => n.value!.replace(/\\\|/g, '|'));
    assert.ok(code.includes('infra/<b>b</b>.tf:1'), 'a file name in a code span, as it is');
    assert.ok(text.includes('@\u200boctocat'));
    for (const re of [/@[A-Za-z0-9]/, /#\d/, /[a-z]:\/\//i, /\bwww\./i]) assert.doesNotMatch(text, re);
    // Every row of each table has as many cells as its header.
    let width = 0;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) {
        width = 0;
        continue;
      }
      if (width === 0) width = cells(line).length;
      else assert.equal(cells(line).length, width, line);
    }
    assert.ok(md.includes('| --- | --- | --- | --- | --- |'));
  });

  it('markdown: a verdict it has no special case for (a conflict with a record) is listed first, fails the gate and shows its record', () => {
    const finding = (verdict: string, subject: string, evidence: unknown[]): ReviewFinding => ({
      fingerprint: `dependency-added:package.json:${subject}`, rule: 'dependency-added', family: 'dependencies', ruleTitle: 'Dependency added',
      severity: verdict === 'conflict' ? 'error' : 'warning', message: `New dependency ${subject} in package.json (npm)`, repository: '/r',
      path: 'package.json', anchor: 'package.json', status: 'modified', subject, line: 4, verdict: verdict as ReviewFinding['verdict'],
      evidence: evidence as ReviewFinding['evidence'], suggestion: { title: `Use ${subject}`, governs: ['package.json'] },
    });
    const record = { path: '/r/docs/adr/0004-db.md', id: '0004', number: 4, title: 'Use PostgreSQL', status: 'accepted', inChange: false };
    const outcome = {
      kind: 'reviewed', notRepositories: [],
      repositories: [{ repository: { root: '/r' }, base: { treeish: 'x', description: 'HEAD' }, fileCount: 1, problems: [], unread: [], findings: [] }],
      findings: [
        finding('documented', 'pg', [{ kind: 'governs', record, glob: 'package.json', line: 3 }]),
        finding('conflict', 'mongodb', [{ kind: 'conflict', record, line: 12, text: 'considered and rejected in favour of PostgreSQL' }]),
      ],
    } as unknown as ReviewOutcome;
    const md = formatMarkdown(outcome, { cwd: '/r' });
    const rows = md.split('\n').filter((l) => /^\| (⛔|✅)/.test(l));
    assert.match(rows[0]!, /^\| ⛔ conflict \| error \| `package\.json:4` \| New dependency mongodb/);
    assert.match(rows[0]!, /conflict: ADR\\-0004 \\"Use PostgreSQL\\" \(`docs\/adr\/0004-db\.md:12`\) considered and rejected in favour of PostgreSQL/);
    assert.match(rows[1]!, /^\| ✅ documented/);
    assert.match(md, /^### ADR review: ❌ 1 change to document$/m);
    assert.match(md, /^1 changed file against HEAD: 1 conflict, 0 undocumented, 0 acknowledged, 1 documented\./m);
    assert.doesNotMatch(md, /Suggested records/, 'a conflict is not solved by writing a new record for it');
  });

  it('markdown escaping: code spans outlast backtick runs, prose escapes every punctuation character', () => {
    assert.equal(codeSpan('a``b'), '```a``b```');
    assert.equal(codeSpan('`x'), '`` `x ``');
    assert.equal(codeSpan('a|b'), '`a\\|b`');
    assert.equal(codeSpan('a|b', false), '`a|b`');
    assert.equal(codeSpan('a\\|b'), 'a\\\\\\|b', 'a backslash before a pipe falls back to prose escaping');
    assert.equal(codeSpan('line\nbreak'), '`line\\u000abreak`');
    assert.equal(escapeMarkdown('[a](b) <i> & @me #1 https://x www.y'), '\\[a\\]\\(b\\) \\<i\\> \\& @\u200bme \\#\u200b1 https\\:\u200b\\/\\/x www\u200b\\.y');
    assert.equal(escapeMarkdown('\u001b]0;t\u0007'), '\\\\u001b\\]0\\;t\\\\u0007');
    for (const s of ['[a](b)', '<img src=x>', '*a* _b_ `c`', '&amp;', 'a\\b']) {
      const text = nodes(escapeMarkdown(s)).filter((n) => n.type === 'text').map((n) => n.value).join('');
      assert.equal(text, s, `${s} reads back as itself`);
    }
  });

  it('--step-summary appends the markdown summary to $GITHUB_STEP_SUMMARY, --sarif-file writes SARIF, the output stays the format asked for', async () => {
    repo = new TempRepo().commit('base', BASE);
    repo.write({ 'package.json': pkg({ redis: '^4.0.0' }) });
    tmp = mkdtempSync(join(tmpdir(), 'adrw-summary-'));
    const summary = join(tmp, 'summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const r = await check(repo, ['--format', 'github', '--step-summary', '--sarif-file', join(tmp, 'review.sarif')], { GITHUB_STEP_SUMMARY: summary });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^::warning file=package\.json,line=4,/m);
    const written = readFileSync(summary, 'utf8');
    assert.match(written, /^# Earlier step\n### ADR review: ❌ 1 change to document\n/);
    assert.match(written, /\| ❌ undocumented \| warning \| `package\.json:4` \|/);
    const sarif = JSON.parse(readFileSync(join(tmp, 'review.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    assert.deepEqual(sarif.runs[0]!.results.map((x) => x.ruleId), ['dependency-added']);
    // A relative --sarif-file is relative to the working folder.
    assert.equal((await check(repo, ['--sarif-file', 'out.sarif'])).code, 1);
    assert.ok(JSON.parse(readFileSync(join(repo.root, 'out.sarif'), 'utf8')));
  });

  it('--step-summary without $GITHUB_STEP_SUMMARY, and an unwritable --sarif-file, are one-line errors (exit 2)', async () => {
    repo = new TempRepo().commit('base', BASE);
    const r = await check(repo, ['--step-summary']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^adr-workbench: check: --step-summary needs \$GITHUB_STEP_SUMMARY/);
    const w = await check(repo, ['--sarif-file', join(repo.root, 'no/such/folder/x.sarif')]);
    assert.equal(w.code, 2);
    assert.match(w.stderr, /^adr-workbench: check: cannot write .*x\.sarif \(ENOENT\)\n$/);
    assert.equal((await check(repo, ['--sarif-file', '--format'])).code, 2);
  });

  it('codequality: GitLab\'s report, one issue per undocumented finding, with unique fingerprints and GitLab severities', async () => {
    repo = new TempRepo().commit('base', { ...BASE, 'docs/adr/0002-tf.md': record(2, 'Terraform', 'Accepted', 'x', ['infra/**']) });
    repo.write({ 'package.json': pkg({ redis: '^4.0.0', pg: '^8.0.0' }), 'infra/a.tf': 'resource "a" "b" {}\n', '.github/workflows/ci.yml': 'on: push\n' });
    const r = await check(repo, ['--format', 'codequality']);
    assert.equal(r.code, 1);
    const issues = JSON.parse(r.stdout) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
    assert.deepEqual(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin]).sort(), [
      ['ci-pipeline', 'info', '.github/workflows/ci.yml', 1],
      ['dependency-added', 'major', 'package.json', 4],
      ['dependency-added', 'major', 'package.json', 5],
    ].sort());
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
    for (const i of issues) assert.match(i.description, /\(undocumented\)\. Add a decision record that governs it \(suggested: /);
    assert.ok(!issues.some((i) => i.location.path.startsWith('infra/')), 'documented findings are not issues');
    repo.write({ 'package.json': pkg({}) });
    repo.remove('.github');
    const clean = await check(repo, ['--format', 'codequality']);
    assert.deepEqual([clean.code, JSON.parse(clean.stdout)], [0, []]);
  });
});
