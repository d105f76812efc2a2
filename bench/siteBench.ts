/**
 * The record beyond the editor, as processes:
 *   site      `adrw site` on generated log4brains projects of 1,000 and 10,000 records: time and peak
 *             memory (the largest process's maximum resident set), and log4brains' own `build` on the
 *             same 1,000 records in the same run (npm log4brains, installed into ~/.cache/adr-workbench-
 *             bench-tools or BENCH_TOOLS on first use; MISSING when it cannot be installed). Goal: ≥ 50× faster, ≤ 1/4 of its memory.
 *             One warm-up run on 10 records first (the CLI's code cache, as on any run but the first after a build).
 *   rebuild   the same 1,000 again, nothing changed (incremental): every page left as it was.
 *   catalog   `adrw catalog build` merging 200 export files of 100 records each.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

type Report = (name: string, value: string, target?: string, ok?: boolean) => void;

const CLI = join(process.cwd(), 'dist', 'cli.js');
// The same per-user folder as the CLI bench's baselines (npm ci empties node_modules; log4brains takes minutes to install).
const TOOLS = resolve(process.env.BENCH_TOOLS ?? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'adr-workbench-bench-tools'));
const LOG4BRAINS_VERSION = '1.1.0';
const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
/** CPU with its split: the system part is mostly creating files, which some file systems make costly (see the site section). */
const cpuOf = (t: Timed) => `cpu ${ms(t.cpu)} (user ${ms(t.user)} + sys ${ms(t.sys)})`;

interface Timed { wall: number; cpu: number; user: number; sys: number; rssKb: number; ok: boolean; err: string }

/**
 * Runs a command under GNU time: wall time, CPU time (user + system, its processes included) and
 * the peak resident set of its largest process (%M, KiB). CPU is what the targets compare: on a
 * busy machine wall time measures the machine as much as the tool.
 */
function timed(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Timed {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'ADRW-TIME %M %U %S', cmd, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  const wall = performance.now() - t0;
  const lines = (r.stderr ?? '').trim().split('\n');
  const m = /^ADRW-TIME (\d+) ([\d.]+) ([\d.]+)$/.exec(lines[lines.length - 1] ?? '');
  return {
    wall, cpu: m ? (Number(m[2]) + Number(m[3])) * 1000 : NaN, user: m ? Number(m[2]) * 1000 : NaN, sys: m ? Number(m[3]) * 1000 : NaN,
    rssKb: m ? Number(m[1]) : 0, ok: r.status === 0, err: lines.slice(-6).join('\n'),
  };
}

const FILLER = 'The issue motivating this decision, and any context that influences or constrains it. '.repeat(8);

/** A log4brains project of `n` records (its own format: date-named files, MADR bullets), every 20th superseding the one before. */
function log4brainsProject(root: string, n: number): void {
  rmSync(root, { recursive: true, force: true });
  const folder = join(root, 'docs', 'adr');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(root, '.log4brains.yml'), '---\nproject:\n  name: bench\n  tz: Etc/UTC\n  adrFolder: ./docs/adr\n');
  const day = (i: number) => {
    const d = new Date(Date.UTC(2015, 0, 1) + i * 86_400_000 / 4);
    return d.toISOString().slice(0, 10);
  };
  const name = (i: number) => `${day(i).replace(/-/g, '')}-decision-${i}`;
  for (let i = 1; i <= n; i++) {
    const supersedes = i % 20 === 0 ? `\n- Supersedes: [Decision ${i - 1}](${name(i - 1)}.md)` : '';
    const status = (i + 1) % 20 === 0 ? `superseded by [Decision ${i + 1}](${name(i + 1)}.md)` : i % 7 === 0 ? 'proposed' : 'accepted';
    writeFileSync(join(folder, `${name(i)}.md`), `# Decision ${i}

- Status: ${status}
- Deciders: Alice, Bob
- Date: ${day(i)}
- Tags: area-${i % 12}${supersedes}

## Context and Problem Statement

${FILLER}Record ${i} is about subsystem ${i % 97}.

## Considered Options

- Option A for ${i}
- Option B for ${i}

## Decision Outcome

Chosen option: "Option A for ${i}", because it comes out best.

| Option | Cost | Risk |
|---|---|---|
| A | ${i % 5} | low |
| B | ${(i + 2) % 5} | high |
`);
  }
}

function log4brains(): string | undefined {
  const bin = join(TOOLS, 'node_modules', '.bin', 'log4brains');
  if (!existsSync(bin)) {
    process.stdout.write(`  log4brains not found: npm install --prefix ${TOOLS} log4brains@${LOG4BRAINS_VERSION} (a few minutes)\n`);
    mkdirSync(TOOLS, { recursive: true });
    spawnSync('npm', ['install', '--prefix', TOOLS, '--no-audit', '--no-fund', `log4brains@${LOG4BRAINS_VERSION}`], { stdio: 'ignore', timeout: 20 * 60_000 });
  }
  if (!existsSync(bin)) {
    process.stdout.write(`  MISSING baseline: log4brains (npm install --prefix ${TOOLS} log4brains@${LOG4BRAINS_VERSION} failed); site not compared\n`);
    return undefined;
  }
  return bin;
}

export async function siteBench(report: Report): Promise<void> {
  process.stdout.write('\nStatic site and catalogue (processes; peak memory of the largest process)\n');
  const base = join(tmpdir(), `adrw-bench-site-${process.pid}`);
  // Creating a file is most of the system time of both tools, and on an ext4 without a journal a folder
  // where many files were just deleted (a busy /tmp) makes each creation scan them: TMPDIR moves the projects.
  process.stdout.write(`  projects and sites in ${base} (TMPDIR moves them)\n`);
  const sizes = [1000, 10_000];
  // One warm-up run first, as the CLI bench does: the command's bundle is then compiled from V8's code
  // cache (dist/cli.js keeps one per user), as on every run but the first after an install or build.
  const warm = join(base, 'warm-up');
  log4brainsProject(warm, 10);
  const w = timed(process.execPath, [CLI, 'site', '--no-history', '--out', 'adr-site'], warm);
  if (!w.ok) throw new Error(`adrw site failed on the warm-up project:\n${w.err}`);
  const ours = new Map<number, Timed>();
  for (const n of sizes) {
    const root = join(base, `p${n}`);
    log4brainsProject(root, n);
    const r = timed(process.execPath, [CLI, 'site', '--no-history', '--out', 'adr-site'], root);
    if (!r.ok) throw new Error(`adrw site failed on ${n} records:\n${r.err}`);
    ours.set(n, r);
    report(`site, ${n} records: adrw site`, `${cpuOf(r)}, ${mb(r.rssKb)}`, `wall ${ms(r.wall)}`);
    if (n === 1000) {
      const again = timed(process.execPath, [CLI, 'site', '--no-history', '--out', 'adr-site'], root);
      const manifest = JSON.parse(readFileSync(join(root, 'adr-site', '.adrw-site.json'), 'utf8')) as { pages: Record<string, string> };
      report('site, 1000 records, nothing changed (incremental)', cpuOf(again), `${Object.keys(manifest.pages).length} pages kept`, again.cpu < r.cpu / 2);
    }
  }
  const a = ours.get(1000)!;
  const b = ours.get(10_000)!;
  report('site growth 1,000 → 10,000 records (cpu)', `${(b.cpu / a.cpu).toFixed(1)}×`, 'linear: ≤ 12×', b.cpu / a.cpu <= 12);

  const l4b = log4brains();
  if (l4b) {
    const root = join(base, 'p1000');
    const r = timed(l4b, ['build', '--out', join(root, 'l4b-out')], root, { NEXT_TELEMETRY_DISABLED: '1', CI: '1' });
    if (!r.ok) {
      report('site, 1000 records: log4brains build', 'FAILED', r.err.split('\n').pop() ?? '', false);
    } else {
      report('site, 1000 records: log4brains build', `${cpuOf(r)}, ${mb(r.rssKb)}`, `wall ${ms(r.wall)}`);
      report('site speed: log4brains / adrw (1,000 records, cpu)', `${(r.cpu / a.cpu).toFixed(0)}×`, `≥ 50× (wall ${(r.wall / a.wall).toFixed(0)}×)`, r.cpu / a.cpu >= 50);
      report('site memory: adrw / log4brains (1,000 records)', `${(a.rssKb / r.rssKb).toFixed(2)}`, '≤ 0.25', a.rssKb / r.rssKb <= 0.25);
    }
  } else {
    report('site, 1000 records: log4brains build', 'MISSING', 'not compared', false);
  }

  // Catalogue: 200 repositories' exports of 100 records each, referring to each other.
  const cat = join(base, 'catalog');
  rmSync(cat, { recursive: true, force: true });
  mkdirSync(join(cat, 'exports'), { recursive: true });
  const sources: string[] = [];
  for (let s = 0; s < 200; s++) {
    const name = `repo-${s}`;
    const records = Array.from({ length: 100 }, (_, i) => ({
      key: `doc/adr/${String(i + 1).padStart(4, '0')}-decision-${i + 1}`, id: `${String(i + 1).padStart(4, '0')}-decision-${i + 1}`,
      reference: `ADR-${String(i + 1).padStart(4, '0')}`, number: i + 1, numberText: String(i + 1).padStart(4, '0'), title: `Decision ${i + 1} of ${name}`,
      status: 'accepted', statusText: 'Accepted', date: '2024-01-01', dialect: 'nygard', collection: 'doc/adr',
      path: `doc/adr/${String(i + 1).padStart(4, '0')}-decision-${i + 1}.md`, deciders: [], consulted: [], informed: [], tags: [], governs: [],
      relations: [], crossReferences: i % 10 === 0 ? [{ repository: `repo-${(s + 1) % 200}`, number: i + 1, written: `repo-${(s + 1) % 200}:ADR-${i + 1}`, verb: 'relates to' }] : [],
      history: null, url: null, markdown: null,
    }));
    writeFileSync(join(cat, 'exports', `${name}.json`), JSON.stringify({
      format: 'adr-workbench/export', version: 1, generator: { name: 'adr-workbench', version: 'bench' },
      provenance: { repository: `https://github.com/acme/${name}`, commit: 'a'.repeat(40), path: '' }, collections: [], records,
    }));
    sources.push(`  - name: ${name}\n    export: exports/${name}.json`);
  }
  writeFileSync(join(cat, 'catalog.yml'), `title: Acme\nsources:\n${sources.join('\n')}\n`);
  const c = timed(process.execPath, [CLI, 'catalog', 'build', 'catalog.yml', '--out', 'catalog.json'], cat);
  if (!c.ok) throw new Error(`catalog build failed:\n${c.err}`);
  const merged = JSON.parse(readFileSync(join(cat, 'catalog.json'), 'utf8')) as { records: unknown[] };
  report('catalog: 200 exports × 100 records merged', `cpu ${ms(c.cpu)}, ${mb(c.rssKb)}`, `${merged.records.length} records, wall ${ms(c.wall)}`, merged.records.length === 20_000);
  rmSync(base, { recursive: true, force: true });
}
