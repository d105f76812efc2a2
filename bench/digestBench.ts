/**
 * Digest benchmark (a section of `npm run bench`, alone with `BENCH_ONLY=digest`): a generated year of
 * a repository (10,000 commits over 2024, 500 Nygard records in doc/adr, written with git fast-import):
 * records proposed, approved, accepted, superseded; code edited in 40 modules, some governed by
 * records; a dependency added to package.json every 40th commit; a side branch merged every 50th as
 * "Merge pull request #N", squashes named "(#N)".
 *
 *   git log   the bare `git log` the digest needs: the period's commits with their files, as a process
 *   digest    `collectDigest` for the whole year, cold (the period's log, the records' history, the
 *             review over the range with each finding's commit, sign-off of every record)
 *
 * Rounds are interleaved (baseline, digest, …); each figure is a median.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { AdrIndex } from '../src/core/index';
import { collectDigest, parseSince, type Digest } from '../src/core/digest';
import { logArgs } from '../src/core/history/gitLog';
import { readSignoffPolicy } from '../src/core/signoff';
import { NodeGit } from '../src/platform/git';
import { NodeFileSystem } from '../src/platform/nodeFileSystem';
import { NodeWorkTree } from '../src/platform/workTree';
import { AUTHORS, benchRepo, data, fastImportStream, GIT_ENV, importRepo } from './fastImport';

type Report = (name: string, value: string, target?: string, ok?: boolean) => void;

const RECORDS = Number(process.env.BENCH_DIGEST_RECORDS ?? 500);
const COMMITS = Number(process.env.BENCH_DIGEST_COMMITS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_DIGEST_ROUNDS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const run = promisify(execFile);
const POLICY = 'signoff:\n  required: 1\n  review-every: 6 months\n';

/** CPU milliseconds of this process and its finished children (Linux: /proc/self/stat), 0 elsewhere. */
function cpu(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[13]) + Number(fields[14]); // cutime + cstime
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000 + ticks * 10;
  } catch {
    return 0;
  }
}

interface Rec { n: number; status: string; module: number | null; approvals: string[] }
const pad = (n: number) => String(n).padStart(4, '0');
const fileOf = (r: Rec) => `doc/adr/${pad(r.n)}-decision-${r.n}.md`;

function text(r: Rec): string {
  const governs = r.module !== null ? `Governs: \`src/mod${r.module}/**\`\n\n` : '';
  const approvals = r.approvals.length ? `\n## Approvals\n\n${r.approvals.map((a) => `* ${a}\n`).join('')}` : '';
  return `# ${r.n}. Decision ${r.n}\n\nDate: 2024-01-01\n\nDeciders: ${AUTHORS[r.n % 10]}, ${AUTHORS[(r.n + 3) % 10]}\n\n${governs}## Status\n\n${r.status}\n\n## Context\n\nWhy decision ${r.n} is needed.\n\n## Decision\n\nWe will do ${r.n}.\n${approvals}`;
}

function stream(): string {
  const start = Date.UTC(2024, 0, 1) / 1000;
  const step = Math.floor((366 * 86400) / COMMITS);
  const { out, commit } = fastImportStream((mark) => start + mark * step);
  const put = (r: Rec) => `M 100644 inline ${fileOf(r)}\n${data(text(r))}`;
  const deps: string[] = ['express'];
  const pkg = () => `M 100644 inline package.json\n${data(`${JSON.stringify({ name: 'bench', dependencies: Object.fromEntries(deps.map((d) => [d, '^1.0.0'])) }, null, 2)}\n`)}`;
  const code = (k: number) => `M 100644 inline src/mod${k % 40}/file${k % 7}.ts\n${data(`export const value = ${k};\n`)}`;
  let head = commit([`M 100644 inline .adr-dir\n${data('doc/adr\n')}`, `M 100644 inline .adr-workbench.yml\n${data(POLICY)}`, pkg()], 'Start', undefined);
  const recs: Rec[] = [];
  let rng = 4242;
  const rand = (n: number) => ((rng = (rng * 1103515245 + 12345) % 2147483648) % n);
  let pr = 0;
  let made = 1;
  const every = Math.max(1, Math.floor(COMMITS / RECORDS) - 1);
  while (made < COMMITS) {
    const k = made;
    if (recs.length < RECORDS && made >= recs.length * every) {
      const r: Rec = { n: recs.length + 1, status: 'Proposed', module: recs.length % 3 === 0 ? recs.length % 40 : null, approvals: [] };
      recs.push(r);
      head = commit([put(r)], `Propose decision ${r.n}`, head);
      made++;
      continue;
    }
    if (k % 50 === 25 && made + 2 <= COMMITS) {
      // A pull request: a side branch adding a dependency, merged.
      deps.push(`dep-${k}`);
      const side = commit([pkg(), code(k)], `Add dep-${k}`, head, undefined, 'refs/heads/side');
      head = commit([pkg(), code(k)], `Merge pull request #${++pr} from bench/side`, head, side);
      made += 2;
      continue;
    }
    const r = recs.length ? recs[rand(recs.length)]! : undefined;
    const op = k % 10;
    if (r && op === 1 && r.status === 'Proposed') {
      r.approvals.push(`Approved by ${AUTHORS[r.n % 10]} on 2024-06-01`);
      head = commit([put(r)], `Approve ${r.n}`, head);
    } else if (r && op === 2 && r.status === 'Proposed' && r.approvals.length) {
      r.status = 'Accepted';
      head = commit([put(r)], `Accept ${r.n}`, head);
    } else if (r && op === 3 && k % 30 === 3 && r.status === 'Accepted') {
      r.status = 'Deprecated';
      head = commit([put(r)], `Deprecate ${r.n}`, head);
    } else if (k % 40 === 7) {
      deps.push(`lib-${k}`);
      head = commit([pkg()], `Add lib-${k} (#${++pr})`, head);
    } else {
      head = commit([code(k)], `Work on module ${k % 40}`, head);
    }
    made++;
  }
  return out.join('');
}

export async function digestBench(report: Report): Promise<void> {
  process.stdout.write(`\nDecision digest (a year: ${COMMITS} commits, ${RECORDS} records)\n`);
  // BENCH_DIGEST_REPO=DIR keeps the generated repository there (and reuses it on the next run).
  const repo = benchRepo(process.env.BENCH_DIGEST_REPO, 'digest');
  const { root, reuse } = repo;
  try {
    const t0 = performance.now();
    if (!reuse) importRepo(root, stream());
    const count = Number(execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: root, env: GIT_ENV, encoding: 'utf8' }).trim());
    process.stdout.write(`  ${reuse ? 'reused' : 'generated'} ${count} commits with git fast-import in ${ms(performance.now() - t0)}\n`);
    const fs = new NodeFileSystem();
    const index = await AdrIndex.build(fs, root);
    if (index.size !== RECORDS) throw new Error(`the index holds ${index.size} records, expected ${RECORDS}`);
    const policy = readSignoffPolicy(POLICY).policy;
    const git = new NodeGit();
    const base: number[] = [];
    const ours: number[] = [];
    const baseCpu: number[] = [];
    const oursCpu: number[] = [];
    let digest: Digest | undefined;
    for (let i = 0; i < ROUNDS; i++) {
      let s = performance.now();
      let c = cpu();
      await run('git', logArgs(['HEAD'], []), { cwd: root, env: GIT_ENV, maxBuffer: 1 << 30 });
      base.push(performance.now() - s);
      baseCpu.push(cpu() - c);
      s = performance.now();
      c = cpu();
      ({ digest } = await collectDigest(git, fs, new NodeWorkTree(), {
        folder: root, since: parseSince('2023-12-31'), sinceText: '2023-12-31', today: '2025-01-01', index, policyOf: () => policy,
      }));
      ours.push(performance.now() - s);
      oursCpu.push(cpu() - c);
    }
    const d = digest!;
    if (d.period.commits !== count) throw new Error(`digest read ${d.period.commits} commits, expected ${count}`);
    const prs = d.changes.undocumented.filter((c) => c.commit?.pr !== null).length;
    process.stdout.write(`  ${d.decisions.length} decision events, ${d.awaiting.length} awaiting, ${d.reviews.length} reviews due, ${d.changes.undocumented.length} undocumented changes (${prs} with a PR), ${d.changes.documented.length} documented, ${d.governed.length} records' governed code changed\n`);
    const b = median(base);
    const o = median(ours);
    report('git log of the year, every path (baseline)', ms(b));
    report('digest of the year (cold)', ms(o), '≤ 10 s', o <= 10_000);
    report('digest / git log', `${(o / b).toFixed(2)}×`, '≤ 5×', o <= 5 * b);
    if (baseCpu.every((x) => x > 0)) {
      const bc = median(baseCpu);
      const oc = median(oursCpu);
      report('CPU: git log (baseline)', ms(bc));
      report('CPU: digest (ours and its git processes)', ms(oc));
      report('CPU: digest / git log', `${(oc / bc).toFixed(2)}×`, '(the machine\'s load does not change it)');
    }
  } finally {
    repo.done();
  }
}
