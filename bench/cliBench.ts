/**
 * CLI benchmark (a section of `npm run bench`; `BENCH_ONLY=cli` runs it alone): the bundled binary
 * against the tools it replaces, as processes, in the same run on the same files.
 *
 *   start-up   `adrw --version` against bare `node -e 0`
 *   new, list  adr-tools collections of 300, 1,000 and 10,000 records: `adrw new` / `adrw list` against
 *              Debian's adr-tools (`adr new` / `adr list`). Node's bare start-up (~60 ms here) is
 *              longer than adr-tools' whole `list` at 300 records, so the target is on the work beyond
 *              it: (adrw − node -e 0) ≤ adr-tools; and adrw at 10,000 ≤ 1.3× adrw at 300
 *   index      MADR collections of the same sizes: `adrw index` against madr-tools' `madr index` (npm
 *              madr-tools 1.2.7, a Node tool), each run on a stale index; adrw ≤ madr-tools
 *
 * Each figure is the median of BENCH_CLI_ROUNDS (default 15) runs, taken round-robin (every command
 * once per round) so that a noisy shared machine slows all sides alike; one warm-up round first.
 * Beside each wall-time ratio, the same ratio on CPU time (user + system of the process and its
 * children, mean per run, from /proc): steadier than wall time when other work shares the cores.
 * The baselines are bench-only tools: adr-tools from Debian (apt-get, when run as root) and
 * madr-tools from npm into ~/.cache/adr-workbench-bench-tools (BENCH_TOOLS). The baselines used are named at
 * the start; a missing one is reported as MISSING and its rows say "not compared", with no ratio.
 * BENCH_CLI=path/to/cli.js measures another build (e.g. an older checkout's dist/cli.js).
 * BENCH_CLI_BEFORE=path/to/cli.js measures an older build beside it, in the same rounds, and prints
 * this build's CPU time over the older one's (beyond bare node) for each command and size.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

type Report = (name: string, value: string, target?: string, ok?: boolean) => void;

const ROUNDS = Number(process.env.BENCH_CLI_ROUNDS ?? 15);
const SIZES = (process.env.BENCH_CLI_SIZES ?? '300,1000,10000').split(',').map(Number);
const MADR_TOOLS_VERSION = '1.2.7';
/**
 * BENCH_INDEX_STYLE=adr-log: adrw keeps an adr-log index (`<!-- adrlog -->`) instead of madr-tools'
 * (builds from before madr-tools' format was known); the same reads and one write.
 */
const ADR_LOG = process.env.BENCH_INDEX_STYLE === 'adr-log';
const ADR_LOG_INDEX = '# Log\n\n<!-- adrlog -->\n\n<!-- adrlogstop -->\n';
/**
 * Where the bench-only tools are installed: the per-user cache (never the repository, and kept
 * across `npm ci`, which empties node_modules), or BENCH_TOOLS.
 */
const TOOLS = resolve(process.env.BENCH_TOOLS ?? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'adr-workbench-bench-tools'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const ratio = (x: number) => `${x.toFixed(2)}×`;

/** Debian's adr-tools: `adr` on the PATH, else installed with apt-get when root. */
function adrTools(): string | undefined {
  const which = () => {
    const r = spawnSync('sh', ['-c', 'command -v adr'], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : undefined;
  };
  let adr = which();
  if (!adr && process.getuid?.() === 0) {
    process.stdout.write('  adr-tools not installed: installing Debian\'s package (apt-get install -y adr-tools)\n');
    if (spawnSync('apt-get', ['install', '-y', 'adr-tools'], { stdio: 'ignore' }).status !== 0) {
      spawnSync('apt-get', ['update'], { stdio: 'ignore' });
      spawnSync('apt-get', ['install', '-y', 'adr-tools'], { stdio: 'ignore' });
    }
    adr = which();
  }
  if (adr) process.stdout.write(`  baseline adr-tools: ${adr}\n`);
  else process.stdout.write('  MISSING baseline: adr-tools (install Debian\'s package: sudo apt-get install adr-tools); new and list are not compared\n');
  return adr;
}

/** The version of the madr-tools installed in TOOLS, or undefined when there is none that runs. */
function madrToolsVersion(cli: string): string | undefined {
  if (!existsSync(cli)) return undefined;
  try {
    const version = (JSON.parse(readFileSync(join(TOOLS, 'node_modules', 'madr-tools', 'package.json'), 'utf8')) as { version?: string }).version;
    // It must start: a half-finished install is no baseline.
    return spawnSync(process.execPath, [cli, '--help'], { stdio: 'ignore', timeout: 30_000 }).status === 0 ? version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * npm madr-tools in TOOLS (installed there on first use). Says which one is used, or that it is
 * MISSING: then the index rows say "not compared" and no ratio is printed.
 */
function madrTools(): string | undefined {
  const cli = join(TOOLS, 'node_modules', 'madr-tools', 'dist', 'cli.js');
  let version = madrToolsVersion(cli);
  if (version !== MADR_TOOLS_VERSION) {
    process.stdout.write(`  madr-tools ${MADR_TOOLS_VERSION} not installed${version ? ` (found ${version})` : ''}: installing it (npm install --prefix ${TOOLS} madr-tools@${MADR_TOOLS_VERSION})\n`);
    mkdirSync(TOOLS, { recursive: true });
    spawnSync('npm', ['install', '--prefix', TOOLS, '--no-audit', '--no-fund', '--no-save', `madr-tools@${MADR_TOOLS_VERSION}`], { stdio: 'ignore' });
    version = madrToolsVersion(cli);
  }
  if (version !== MADR_TOOLS_VERSION) {
    process.stdout.write(`  MISSING baseline: madr-tools ${MADR_TOOLS_VERSION} (npm install --prefix ${TOOLS} madr-tools@${MADR_TOOLS_VERSION} did not give one that runs); index is not compared\n`);
    return undefined;
  }
  process.stdout.write(`  baseline madr-tools ${version}: ${cli}\n`);
  return cli;
}

const FILLER = 'The issue motivating this decision, and any context that influences or constrains it. '.repeat(12);

/** An adr-tools collection of `n` Nygard records under `root/doc/adr`. */
function adrCollection(root: string, n: number): void {
  rmSync(root, { recursive: true, force: true });
  const dir = join(root, 'doc', 'adr');
  mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= n; i++) {
    writeFileSync(join(dir, `${String(i).padStart(4, '0')}-decision-number-${i}.md`),
      `# ${i}. Decision number ${i}\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\n${FILLER}\n\n## Decision\n\nWe will.\n\n## Consequences\n\n${FILLER}\n`);
  }
}

/** A madr-tools collection of `n` MADR 4 records under `root/docs/decisions`, its index stale. */
function madrCollection(root: string, n: number): string {
  rmSync(root, { recursive: true, force: true });
  const dir = join(root, 'docs', 'decisions');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(root, '.madrrc.json'), JSON.stringify({ madrDirectory: 'docs/decisions', indexFileName: 'index.md' }, null, 2));
  writeFileSync(join(dir, 'template.md'), '---\nstatus: "{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}"\n---\n\n# {short title}\n');
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = `${String(i).padStart(4, '0')}-decision-number-${i}.md`;
    writeFileSync(join(dir, name), `---\nstatus: accepted\ndate: 2020-01-01\n---\n\n# Decision number ${i}\n\n## Context and Problem Statement\n\n${FILLER}\n\n## Considered Options\n\n* A\n* B\n\n## Decision Outcome\n\nChosen option: "A", because ${FILLER}\n`);
    if (i < n - 1) lines.push(`* [ADR-${name.slice(0, 4)}](./${name}) - Decision number ${i}`);
  }
  // What madr-tools writes, one record short: both tools have a line to add.
  const stale = '# Architectural Decision Log\n\nThis log lists all architectural decisions of this project.\n\n<!-- Autogenerated content below -->\n' +
    `${lines.join('\n')}\n\nTo create new MADRs, use the \`madr\`-Tool. Checkout the possible options by running \`npx madr --help\` in your console.`;
  writeFileSync(join(dir, 'index.md'), stale);
  return stale;
}

interface Job {
  readonly name: string;
  readonly run: () => void;
}

/**
 * CPU time (user + system, ms) of the children this process has waited for, from /proc/self/stat
 * (`cutime` + `cstime`, in clock ticks of 10 ms); undefined where there is no /proc.
 */
function childCpu(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** A job's median wall time and mean CPU time (children's user + system; NaN without /proc). */
interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

/** Runs every job once per round, round-robin, after a warm-up round; timings by name. */
function measure(jobs: readonly Job[]): Map<string, Timing> {
  const times = new Map<string, number[]>(jobs.map((j) => [j.name, []]));
  const cpu = new Map<string, number>(jobs.map((j) => [j.name, 0]));
  for (let round = -1; round < ROUNDS; round++) {
    for (const job of jobs) {
      const c0 = childCpu();
      const t0 = performance.now();
      job.run();
      const dt = performance.now() - t0;
      const c1 = childCpu();
      if (round >= 0) {
        times.get(job.name)!.push(dt);
        cpu.set(job.name, cpu.get(job.name)! + (c0 !== undefined && c1 !== undefined ? c1 - c0 : NaN));
      }
    }
  }
  // BENCH_CLI_TRACE=1: every run's wall time, in the order run (to tell a slow phase from noise).
  if (process.env.BENCH_CLI_TRACE) for (const [k, v] of times) process.stdout.write(`    ${k}: ${v.map((x) => x.toFixed(0)).join(' ')}\n`);
  return new Map([...times].map(([k, v]) => [k, { wall: median(v), cpu: cpu.get(k)! / ROUNDS }]));
}

function run(command: string, args: readonly string[], options: SpawnSyncOptions): string {
  const r = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${String(options.cwd)}): exit ${r.status}: ${String(r.stderr).split('\n')[0]}`);
  return String(r.stdout ?? '');
}

export async function cliBench(report: Report): Promise<void> {
  process.stdout.write(`\nCLI, as processes (median of ${ROUNDS} round-robin runs)\n`);
  const cli = resolve(process.env.BENCH_CLI ?? join('dist', 'cli.js'));
  const before = process.env.BENCH_CLI_BEFORE ? resolve(process.env.BENCH_CLI_BEFORE) : undefined;
  if (before) process.stdout.write(`  an older build beside it: ${before}\n`);
  const node = process.execPath;
  const adr = adrTools();
  const madr = madrTools();
  const env: NodeJS.ProcessEnv = { ...process.env, ADR_DATE: '2020-01-01' };
  delete env.VISUAL;
  delete env.EDITOR;
  const quiet: SpawnSyncOptions = { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 };
  const base = join(tmpdir(), `adrw-bench-cli-${process.pid}`);

  // `new` creates a record; it is removed after each run so that the collection keeps its size.
  const newJob = (name: string, cwd: string, command: string, args: string[]): Job => ({
    name,
    run: () => unlinkSync(resolve(cwd, run(command, args, { ...quiet, cwd }).trim().split('\n').at(-1)!)),
  });

  const startup = measure([
    { name: 'node', run: () => run(node, ['-e', '0'], quiet) },
    { name: 'version', run: () => run(node, [cli, '--version'], quiet) },
  ]);
  const bare = startup.get('node')!.wall;
  const version = startup.get('version')!;
  report(`bare node start-up (node -e 0), cpu ${ms(startup.get('node')!.cpu)}`, ms(bare));
  report(`adrw --version / bare node (cpu ${ratio(version.cpu / startup.get('node')!.cpu)})`, ratio(version.wall / bare), '≤ 1.25×', version.wall / bare <= 1.25);

  const ours = { new: new Map<number, number>(), list: new Map<number, number>() };
  for (const n of SIZES) {
    const adrRoot = join(base, `adr-${n}`);
    const madrRoot = join(base, `madr-${n}`);
    adrCollection(adrRoot, n);
    const stale = madrCollection(madrRoot, n);
    // The files just written are flushed before anything is timed: the kernel's writeback of
    // 20,000 new files would otherwise land in the middle of some size's rounds.
    spawnSync('sync', { stdio: 'ignore' });
    const index = join(madrRoot, 'docs', 'decisions', 'index.md');
    const jobs: Job[] = [
      { name: 'node', run: () => run(node, ['-e', '0'], quiet) },
      newJob('ours new', adrRoot, node, [cli, 'new', 'Bench', 'decision']),
      { name: 'ours list', run: () => run(node, [cli, 'list'], { ...quiet, cwd: adrRoot }) },
      { name: 'ours index', run: () => { writeFileSync(index, ADR_LOG ? ADR_LOG_INDEX : stale); run(node, [cli, 'index'], { ...quiet, cwd: madrRoot }); } },
    ];
    if (before) {
      jobs.push(newJob('before new', adrRoot, node, [before, 'new', 'Bench', 'decision']));
      jobs.push({ name: 'before list', run: () => run(node, [before, 'list'], { ...quiet, cwd: adrRoot }) });
      jobs.push({ name: 'before index', run: () => { writeFileSync(index, ADR_LOG ? ADR_LOG_INDEX : stale); run(node, [before, 'index'], { ...quiet, cwd: madrRoot }); } });
    }
    if (adr) {
      jobs.push(newJob('adr new', adrRoot, adr, ['new', 'Bench', 'decision']));
      jobs.push({ name: 'adr list', run: () => run(adr, ['list'], { ...quiet, cwd: adrRoot }) });
    }
    if (madr) jobs.push({ name: 'madr index', run: () => { writeFileSync(index, stale); run(node, [madr, 'index'], { ...quiet, cwd: madrRoot }); } });
    const m = measure(jobs);
    if (madr && !ADR_LOG) {
      // Both write the same index (madr-tools' own format), byte for byte.
      writeFileSync(index, stale);
      run(node, [madr, 'index'], { ...quiet, cwd: madrRoot });
      const theirs = readFileSync(index, 'utf8');
      writeFileSync(index, stale);
      run(node, [cli, 'index'], { ...quiet, cwd: madrRoot });
      if (readFileSync(index, 'utf8') !== theirs) throw new Error(`adrw index and madr index wrote different files for ${n} records`);
    }
    const node0 = m.get('node')!;
    const label = n.toLocaleString('en-US');
    ours.new.set(n, m.get('ours new')!.wall);
    ours.list.set(n, m.get('ours list')!.wall);
    for (const cmd of ['new', 'list'] as const) {
      const o = m.get(`ours ${cmd}`)!;
      if (!adr) {
        report(`${cmd}, ${label} records: adrw (adr-tools MISSING)`, ms(o.wall), 'not compared', false);
        continue;
      }
      const a = m.get(`adr ${cmd}`)!;
      report(`${cmd}, ${label}: adrw ${ms(o.wall)}, adr-tools ${ms(a.wall)}, node ${ms(node0.wall)} (cpu ${ratio((o.cpu - node0.cpu) / a.cpu)})`,
        ratio((o.wall - node0.wall) / a.wall), '(adrw − node) / adr ≤ 1×', o.wall - node0.wall <= a.wall);
    }
    if (before) {
      for (const cmd of ['new', 'list', 'index'] as const) {
        const o = m.get(`ours ${cmd}`)!;
        const b = m.get(`before ${cmd}`)!;
        const beyond = cmd === 'index' ? 0 : node0.cpu;
        report(`${cmd}, ${label}: this build / the older one, cpu${cmd === 'index' ? '' : ' beyond node'} (wall ${ms(o.wall)} / ${ms(b.wall)})`, ratio((o.cpu - beyond) / (b.cpu - beyond)));
      }
    }
    const oi = m.get('ours index')!.wall;
    if (madr) {
      const mi = m.get('madr index')!;
      report(`index (MADR), ${label}: adrw ${ms(oi)}, madr-tools ${ms(mi.wall)} (cpu ${ratio(m.get('ours index')!.cpu / mi.cpu)})`, ratio(oi / mi.wall), 'adrw / madr ≤ 1×', oi <= mi.wall);
    } else {
      report(`index (MADR), ${label} records: adrw (madr-tools MISSING)`, ms(oi), 'not compared', false);
    }
    rmSync(adrRoot, { recursive: true, force: true });
    rmSync(madrRoot, { recursive: true, force: true });
  }
  const first = SIZES[0]!;
  const last = SIZES[SIZES.length - 1]!;
  if (first !== last) {
    for (const cmd of ['new', 'list'] as const) {
      const g = ours[cmd].get(last)! / ours[cmd].get(first)!;
      report(`adrw ${cmd}: ${last.toLocaleString('en-US')} / ${first.toLocaleString('en-US')} records`, ratio(g), '≤ 1.3×', g <= 1.3);
    }
  }
  rmSync(base, { recursive: true, force: true });
}
