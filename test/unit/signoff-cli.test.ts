/** `approve`, `request-changes`, `mark-reviewed`, the acceptance check of `status` and the sign-off lint rules. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { cli } from '../support/cliHarness';
import { TempRepo } from '../support/gitRepo';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';

const NYGARD = '# 2. Use PostgreSQL\n\nDate: 2026-10-01\n\nDeciders: Alice, Bob\n\n## Status\n\nProposed\n\n## Context\n\nWhy.\n';
const MADR = '---\nstatus: proposed\ndate: 2026-10-01\ndecision-makers: [Alice, Bob]\n---\n# Use Kafka\n\n## Context and Problem Statement\n\nWhy.\n';
const POLICY = 'signoff:\n  required: 2\n  review-every: 12 months\n';

function workspace(policy = POLICY): MemoryFileSystem {
  return MemoryFileSystem.from({
    '.adr-dir': 'doc/adr\n',
    '.adr-workbench.yml': policy,
    'doc/adr/0001-record-architecture-decisions.md': '# 1. Record architecture decisions\n\nDate: 2025-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n',
    'doc/adr/0002-use-postgresql.md': NYGARD,
    'docs/decisions/0001-use-kafka.md': MADR,
  }, '/w');
}
const read = async (fs: MemoryFileSystem, p: string) => new TextDecoder().decode(await fs.readFile(`/w/${p}`));

describe('CLI sign-off', () => {
  it('approve and request-changes write into the record in its dialect and say who is awaited', async () => {
    const fs = workspace();
    let r = await cli(fs, '/w', ['approve', '2', '--by', 'Alice', '--comment', 'Fine by me']);
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, 'doc/adr/0002-use-postgresql.md\n', '1 of 2 approvals; awaiting Bob\n']);
    r = await cli(fs, '/w', ['request-changes', '2', '--by', 'Bob', '--comment', 'Numbers first']);
    assert.deepEqual([r.code, r.stderr], [0, '1 of 2 approvals; awaiting Bob; changes requested by Bob\n']);
    assert.equal(await read(fs, 'doc/adr/0002-use-postgresql.md'), `${NYGARD}\n## Approvals\n\n* Approved by Alice on 2026-11-24: Fine by me\n* Changes requested by Bob on 2026-11-24: Numbers first\n`);
    r = await cli(fs, '/w', ['approve', 'docs/decisions/0001-use-kafka.md', '--by', 'Bob']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(await read(fs, 'docs/decisions/0001-use-kafka.md'), MADR.replace('---\n# Use', 'approvals:\n  - {by: Bob, date: 2026-11-24}\n---\n# Use'));
  });

  it('status accepted is refused without the approvals, with who is awaited; --force sets it; then it passes once approved', async () => {
    const fs = workspace();
    let r = await cli(fs, '/w', ['status', '2', 'accepted']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'adr-workbench: doc/adr/0002-use-postgresql.md: not accepted: 0 of 2 approvals; awaiting Alice, Bob (the sign-off policy; --force to set it anyway)\n');
    assert.equal(await read(fs, 'doc/adr/0002-use-postgresql.md'), NYGARD, 'nothing written');
    await cli(fs, '/w', ['approve', '2', '--by', 'Alice']);
    await cli(fs, '/w', ['approve', '2', '--by', 'bob']);
    r = await cli(fs, '/w', ['status', '2', 'accepted']);
    assert.deepEqual([r.code, r.stdout], [0, 'doc/adr/0002-use-postgresql.md\n'], r.stderr);
    const madr = await cli(fs, '/w', ['status', '--force', 'docs/decisions/0001-use-kafka.md', 'accepted']);
    assert.equal(madr.code, 0, madr.stderr);
    // Lint: the forced one lacks approvals; no policy file: nothing required.
    const lint = await cli(fs, '/w', ['lint', '--fail-on', 'error']);
    assert.match(lint.stdout, /docs\/decisions\/0001-use-kafka\.md:2:1: warning \[missing-approvals\] Accepted without sign-off: 0 of 2 required approvals; awaiting Alice, Bob\n/);
    assert.doesNotMatch(lint.stdout, /0002-use-postgresql.md.*missing-approvals/);
    assert.equal((await cli(workspace(''), '/w', ['status', '2', 'accepted'])).code, 0);
  });

  it('an approver list: others are refused unless forced', async () => {
    const fs = workspace('signoff:\n  required: 1\n  approvers: [Carol]\n');
    assert.equal((await cli(fs, '/w', ['approve', '2', '--by', 'Mallory'])).stderr, 'adr-workbench: doc/adr/0002-use-postgresql.md: Mallory is not an approver under the sign-off policy (--force records it anyway; it does not count)\n');
    assert.equal((await cli(fs, '/w', ['approve', '2', '--by', 'Carol'])).stderr, '1 of 1 approvals\n');
  });

  it('mark-reviewed moves review-by on by the policy period; lint reports due (info) and overdue (warning)', async () => {
    const fs = workspace('signoff:\n  review-every: 6 months\n');
    fs.seed({ 'doc/adr/0003-use-redis.md': '# 3. Use Redis\n\nDate: 2025-01-01\n\nReview-by: 2026-12-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n' }, '/w');
    const lint = await cli(fs, '/w', ['lint', '--fail-on', 'error']);
    assert.match(lint.stdout, /doc\/adr\/0001-record-architecture-decisions\.md:7:1: warning \[review-overdue\] Review by 2025-07-01: 511 days overdue\n/);
    assert.match(lint.stdout, /doc\/adr\/0003-use-redis\.md:5:12: info \[review-due\] Review by 2026-12-01: due in 7 days\n/);
    const r = await cli(fs, '/w', ['mark-reviewed', '1', '--by', 'Alice']);
    assert.deepEqual([r.code, r.stderr], [0, 'reviewed by Alice on 2026-11-24; next review by 2027-05-24 (6 months)\n']);
    assert.equal(await read(fs, 'doc/adr/0001-record-architecture-decisions.md'), '# 1. Record architecture decisions\n\nDate: 2025-01-01\n\nReview-by: 2027-05-24\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n## Approvals\n\n* Reviewed by Alice on 2026-11-24\n');
    assert.doesNotMatch((await cli(fs, '/w', ['lint', '--fail-on', 'error'])).stdout, /0001.*review-/);
  });

  it('the name defaults to git user.name (through the safe runner); usage errors are one line', async () => {
    const repo = new TempRepo();
    try {
      repo.write({ '.adr-dir': 'doc/adr\n', 'doc/adr/0002-use-postgresql.md': NYGARD });
      const r = await cli(new NodeFileSystem(), repo.root, ['approve', '2']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(readFileSync(`${repo.root}/doc/adr/0002-use-postgresql.md`, 'utf8'), /\* Approved by Test User on 2026-11-24\n$/);
    } finally {
      repo.dispose();
    }
    const fs = workspace();
    assert.deepEqual(await cli(fs, '/w', ['request-changes', '2', '--by', 'Bob']).then((r) => [r.code, r.stderr]), [2, 'adr-workbench: request-changes: say what should change with --comment TEXT\n']);
    assert.deepEqual(await cli(fs, '/w', ['approve']).then((r) => r.code), 2);
    assert.deepEqual(await cli(fs, '/w', ['approve', '99', '--by', 'x']).then((r) => [r.code, r.stderr]), [2, 'adr-workbench: no decision record matches "99"\n']);
  });
});
