/**
 * Four real CLI processes (`node dist/cli.js`) on one collection, round after round: each creates a
 * record linked to record 1, either in one command (`new -l 1:Amends:Amended by`) or as `new` then
 * `link N Amends 1 "Amended by"` (two files each way), and changes record 1's status
 * (`status 1 …`), all contending for record 1. Afterwards: every command succeeded,
 * no two records share a number, every link is there at both ends (no lost update, no half-written
 * link), and no lock, claim or temporary file is left behind.
 *
 * Rounds: ADRW_CONCURRENCY_ROUNDS (default 50: 500 processes, about a minute on a busy 2-core
 * machine now that the CLI starts like bare Node; each round is 10 node start-ups).
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// ADRW_CLI: another build to run it against (e.g. one without the lock, to see the test fail).
const CLI = process.env.ADRW_CLI ?? join(process.cwd(), 'dist', 'cli.js');
const WORKERS = 4;
const ROUNDS = Number(process.env.ADRW_CONCURRENCY_ROUNDS ?? 50);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function adrw(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, VISUAL: '', EDITOR: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe(`concurrency: ${WORKERS} CLI processes × ${ROUNDS} rounds on one collection`, function () {
  this.timeout(Math.max(60_000, ROUNDS * 15_000));
  let repo: string;
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'adrw-concurrency-'));
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'doc', 'adr'), { recursive: true });
    writeFileSync(join(repo, '.adr-dir'), 'doc/adr\n');
    writeFileSync(join(repo, 'doc', 'adr', '0001-record-architecture-decisions.md'),
      '# 1. Record architecture decisions\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWe record decisions.\n');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('no lost update, no duplicate number, no partial multi-file edit, nothing left behind', async () => {
    const failures: string[] = [];
    const created: string[] = [];
    const statuses = ['Accepted', 'Deprecated'];
    const worker = async (w: number): Promise<void> => {
      for (let r = 0; r < ROUNDS; r++) {
        // Odd rounds: one command that creates a record and edits record 1 (`new -l`); even rounds:
        // `new`, then `link` (two files) as a second command.
        const together = r % 2 === 1;
        const made = await adrw(repo, 'new', ...(together ? ['-l', '1:Amends:Amended by'] : []), `Worker ${w} round ${r}`);
        if (made.code !== 0) {
          failures.push(`new w${w} r${r}: ${made.code} ${made.stderr}`);
          continue;
        }
        const path = made.stdout.trim();
        created.push(path);
        const n = String(Number(/(\d+)-[^/]*$/.exec(path)![1]));
        if (!together) {
          const linked = await adrw(repo, 'link', n, 'Amends', '1', 'Amended by');
          if (linked.code !== 0) failures.push(`link ${n} w${w} r${r}: ${linked.code} ${linked.stderr}`);
        }
        const status = await adrw(repo, 'status', '1', statuses[(w + r) % 2]!);
        if (status.code !== 0) failures.push(`status w${w} r${r}: ${status.code} ${status.stderr}`);
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    assert.deepEqual(failures, [], 'every command succeeds (waiting for the lock, never refused)');

    const dir = join(repo, 'doc', 'adr');
    const names = readdirSync(dir).sort();
    assert.deepEqual(names.filter((n) => n.startsWith('.')), [], 'no lock folder, claim or temporary file left');
    const numbers = names.map((n) => Number(/^(\d+)-/.exec(n)![1]));
    assert.equal(new Set(numbers).size, numbers.length, `duplicate numbers: ${names.join(' ')}`);
    assert.deepEqual(numbers, Array.from({ length: WORKERS * ROUNDS + 1 }, (_, i) => i + 1), 'numbers 1..N without a gap');

    const one = readFileSync(join(dir, names[0]!), 'utf8');
    assert.match(one, /## Status\n\n(Accepted|Deprecated)\n/);
    for (const name of names.slice(1)) {
      const n = Number(/^(\d+)-/.exec(name)![1]);
      const text = readFileSync(join(dir, name), 'utf8');
      assert.match(text, /Amends \[1\. Record architecture decisions\]\(0001-record-architecture-decisions\.md\)/, `${name}: its link`);
      assert.ok(one.includes(`Amended by [${n}. `) && one.includes(`](${name})`), `record 1 lost the reverse link of ${name}`);
    }
    const reverse = one.match(/^Amended by \[/gm) ?? [];
    assert.equal(reverse.length, WORKERS * ROUNDS, 'one reverse link per link command, none twice');
  });
});
