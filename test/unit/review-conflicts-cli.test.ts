/** `adrw check` with a conflict: every format shows it, and an error-level conflict fails the gate even when the change is documented. */
import { strict as assert } from 'node:assert';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { cli } from '../support/cliHarness';
import { record, TempRepo } from '../support/gitRepo';

const pkg = (deps: Record<string, string>) => `${JSON.stringify({ name: 'app', dependencies: deps }, null, 2)}\n`;
const DATABASE = [
  '---', 'status: accepted', '---', '# Store application data in PostgreSQL', '',
  '## Considered Options', '', '* PostgreSQL', '* MongoDB', '',
  '## Decision Outcome', '', 'Chosen option: "PostgreSQL", because orders need transactions.', '',
].join('\n');
const BASE = { 'docs/decisions/0004-database.md': DATABASE, 'package.json': pkg({}) };
const check = (repo: TempRepo, ...args: string[]) => cli(new NodeFileSystem(), repo.root, ['check', ...args]);

interface SarifResult {
  ruleId: string; ruleIndex: number; level: string; message: { text: string }; suppressions?: unknown[];
  locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
  relatedLocations?: { message: { text: string }; physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  properties: Record<string, unknown>;
}

describe('CLI: check reports conflicts with decisions already taken', function () {
  this.timeout(30000);
  let repo: TempRepo;
  afterEach(() => repo?.dispose());

  it('text: the conflict with its record line; exit 1 even when a record in the change documents the dependency', async () => {
    repo = new TempRepo().commit('base', BASE);
    repo.write({
      'package.json': pkg({ mongodb: '^6.0.0' }),
      'docs/decisions/0005-audit-log.md': '---\nstatus: accepted\n---\n# Keep the audit log in MongoDB\n\nThe audit log is written with the mongodb driver.\n',
    });
    const r = await check(repo);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^package\.json:4: error \[decision-conflict\] Adds `mongodb`, which ADR-0004 considered and rejected in favour of PostgreSQL — CONFLICT\n {4}considered and not chosen in ADR-0004 "Store application data in PostgreSQL" \(docs\/decisions\/0004-database\.md:9\): \* MongoDB\n/m);
    assert.match(r.stdout, /\[dependency-added\] New dependency mongodb .* — DOCUMENTED/);
    assert.match(r.stdout, /0 undocumented, 1 documented, 0 acknowledged, 1 conflict with decisions already taken\n$/);
    assert.equal((await check(repo, '--fail-on', 'error')).code, 1, 'an error-level conflict fails at --fail-on error');
    assert.equal((await check(repo, '--fail-on', 'never')).code, 0);
    repo.write({ '.adr-review.yml': 'rules:\n  decision-conflict: info\n' });
    assert.equal((await check(repo)).code, 0, 'an info-level conflict is below --fail-on warning');
    assert.equal((await check(repo, '--fail-on', 'info')).code, 1);
  });

  it('json, sarif and github carry the conflict', async () => {
    repo = new TempRepo().commit('base', { ...BASE, 'docs/adr/0001-record.md': record(1, 'Record architecture decisions') });
    repo.write({ 'package.json': pkg({ mongodb: '^6.0.0' }) });
    const json = JSON.parse((await check(repo, '--format', 'json')).stdout) as { conflicts: { source: string; subject: string; recordLine: number; severity: string }[] };
    assert.deepEqual(json.conflicts.map((c) => [c.source, c.subject, c.recordLine, c.severity]), [['considered', 'mongodb', 9, 'error']]);

    const s = await check(repo, '--format', 'sarif');
    assert.equal(s.code, 1);
    const run = (JSON.parse(s.stdout) as { runs: { tool: { driver: { rules: { id: string; defaultConfiguration: { level: string } }[] } }; results: SarifResult[] }[] }).runs[0]!;
    const conflict = run.results.find((x) => x.ruleId === 'decision-conflict')!;
    assert.equal(run.tool.driver.rules[conflict.ruleIndex]!.id, 'decision-conflict');
    assert.equal(run.tool.driver.rules[conflict.ruleIndex]!.defaultConfiguration.level, 'error');
    assert.deepEqual([conflict.level, conflict.locations[0]!.physicalLocation.artifactLocation.uri, conflict.locations[0]!.physicalLocation.region!.startLine, !!conflict.suppressions],
      ['error', 'package.json', 4, false]);
    assert.deepEqual([conflict.relatedLocations![0]!.physicalLocation.artifactLocation.uri, conflict.relatedLocations![0]!.physicalLocation.region.startLine],
      ['docs/decisions/0004-database.md', 9]);
    assert.equal(conflict.properties.verdict, 'conflict');

    const g = await check(repo, '--format', 'github');
    const lines = g.stdout.trim().split('\n');
    assert.ok(lines.some((l) => /^::error file=package\.json,line=4,title=Conflicts with a decision already taken \[decision-conflict\]::Adds `mongodb`, which ADR-0004 considered and rejected in favour of PostgreSQL\. considered and not chosen in ADR-0004/.test(l)), g.stdout);
    assert.match(lines[lines.length - 1]!, /, 1 conflict$/);
  });
});
