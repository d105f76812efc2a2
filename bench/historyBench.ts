/**
 * History benchmark (a section of `npm run bench`, alone with `BENCH_ONLY=history`): a repository of
 * 1,000 records in two collection folders over 5,000 commits (generated with `git fast-import`):
 * each record created, then status changes, supersedes with their links, body edits, renames, moves
 * between the folders, merges of side branches, and commits outside the folders.
 *
 *   git log     one `git log --name-status` over the collection folders (the baseline), as a process
 *   history     readHistory cold: every record's created / status changes / relations / last edit
 *               (rev-parse, git log -M --raw, cat-file --batch-check, cat-file --batch, the last two
 *               fed while the log prints; every version parsed but those that only edit prose no
 *               fact is read from: see core/history/facts.ts)
 *   update      the same after one more commit, from the state at the previous HEAD (incremental)
 *   cached      the same HEAD again (nothing read)
 *
 * Rounds are interleaved (baseline, history, baseline, …); each figure is a median.
 */
import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { AdrIndex } from '../src/core/index';
import { readHistory, type HistoryResult } from '../src/core/history';
import { NodeGit } from '../src/platform/git';
import { NodeFileSystem } from '../src/platform/nodeFileSystem';
import { benchRepo, data, fastImportStream, GIT_ENV, importRepo } from './fastImport';

type Report = (name: string, value: string, target?: string, ok?: boolean) => void;

const RECORDS = Number(process.env.BENCH_HISTORY_RECORDS ?? 1000);
const COMMITS = Number(process.env.BENCH_HISTORY_COMMITS ?? 5000);
const ROUNDS = Number(process.env.BENCH_HISTORY_ROUNDS ?? 5);
const FOLDERS = ['doc/adr', 'docs/decisions'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const run = promisify(execFile);

/** CPU milliseconds of this process and its finished children (Linux: /proc/self/stat), 0 elsewhere. */
function cpu(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[13]) + Number(fields[14]); // cutime + cstime (fields 16 and 17)
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000 + ticks * 10;
  } catch {
    return 0;
  }
}

interface Rec { n: number; folder: string; slug: string; title: string; status: string; links: string[]; edits: number }

const pad = (n: number) => String(n).padStart(4, '0');
const fileOf = (r: Rec) => `${r.folder}/${pad(r.n)}-${r.slug}.md`;
const PARAGRAPH = 'The system needs a decision here, weighed against the options the team considered, their costs and what they make easier or harder later. ';

function text(r: Rec): string {
  const body = `${PARAGRAPH.repeat(3)}Revision ${r.edits}.`;
  return `# ${r.n}. ${r.title}\n\nDate: 2024-01-01\n\n## Status\n\n${r.status}\n${r.links.map((l) => `\n${l}\n`).join('')}\n## Context\n\n${body}\n\n## Decision\n\n${PARAGRAPH.repeat(2)}\n\n## Consequences\n\n${PARAGRAPH.repeat(2)}\n`;
}

/** The fast-import stream of the whole history; returns it and the number of commits. */
function stream(): { data: string; commits: number } {
  const start = Date.UTC(2020, 0, 1) / 1000;
  // One commit an hour.
  const { out, commit } = fastImportStream((mark) => start + mark * 3600);
  const recs: Rec[] = [];
  const put = (r: Rec) => `M 100644 inline ${fileOf(r)}\n${data(text(r))}`;
  let head: number | undefined;
  let rng = 12345;
  const rand = (n: number) => ((rng = (rng * 1103515245 + 12345) % 2147483648) % n);
  for (let i = 1; i <= RECORDS; i++) {
    const r: Rec = { n: i, folder: FOLDERS[i % 5 === 0 ? 1 : 0]!, slug: `decision-${i}`, title: `Decision ${i}`, status: 'Proposed', links: [], edits: 0 };
    recs.push(r);
    head = commit([put(r), ...(i % 7 === 0 ? [`M 100644 inline src/file${i % 50}.ts\n${data(`export const x = ${i};\n`)}`] : [])], `Propose decision ${i}`, head);
  }
  let made = RECORDS;
  while (made < COMMITS) {
    const k = made;
    const r = recs[rand(recs.length)]!;
    const op = k % 20;
    if (op === 19 && made + 2 <= COMMITS) {
      // A side branch from a few commits back that edits a record, then a merge taking its version.
      r.edits++;
      const side = commit([put(r)], `Edit ${r.n} on a branch`, head! - 3, undefined, 'refs/heads/side');
      head = commit([put(r)], `Merge branch side`, head, side);
      made += 2;
      continue;
    }
    const ops: string[] = [];
    let message: string;
    if (op < 6) {
      r.status = r.status === 'Proposed' ? 'Accepted' : r.status === 'Accepted' ? 'Deprecated' : 'Accepted';
      ops.push(put(r));
      message = `${r.status} ${r.n}`;
    } else if (op < 8) {
      const by = recs[rand(recs.length)]!;
      if (by !== r) {
        r.status = `Superseded by [${by.n}. ${by.title}](${by.slug === r.slug ? '' : ''}${pad(by.n)}-${by.slug}.md)`;
        by.links.push(`Supercedes [${r.n}. ${r.title}](${pad(r.n)}-${r.slug}.md)`);
        ops.push(put(r), put(by));
      } else ops.push(put(r));
      message = `Supersede ${r.n}`;
    } else if (op === 8) {
      const old = fileOf(r);
      r.slug = `${r.slug}-renamed`;
      r.title = `${r.title} renamed`;
      ops.push(`R ${old} ${fileOf(r)}\n`, put(r));
      message = `Rename ${r.n}`;
    } else if (op === 9 && k % 40 === 9) {
      const old = fileOf(r);
      r.folder = r.folder === FOLDERS[0] ? FOLDERS[1]! : FOLDERS[0]!;
      ops.push(`R ${old} ${fileOf(r)}\n`);
      message = `Move ${r.n}`;
    } else {
      r.edits++;
      ops.push(put(r));
      if (op > 15) ops.push(`M 100644 inline src/file${k % 50}.ts\n${data(`export const x = ${k};\n`)}`);
      message = `Edit ${r.n}`;
    }
    head = commit(ops, message, head);
    made++;
  }
  return { data: out.join(''), commits: made };
}

export async function historyBench(report: Report): Promise<void> {
  process.stdout.write(`\nHistory from git (${RECORDS} records, ${COMMITS} commits)\n`);
  // BENCH_HISTORY_REPO=DIR keeps the generated repository there (and reuses it on the next run).
  const repo = benchRepo(process.env.BENCH_HISTORY_REPO, 'history');
  const { root, reuse } = repo;
  try {
    const t0 = performance.now();
    if (!reuse) {
      importRepo(root, stream().data);
      execFileSync('git', ['tag', 'bench-base'], { cwd: root, env: GIT_ENV });
    } else execFileSync('git', ['reset', '-q', '--hard', 'bench-base'], { cwd: root, env: GIT_ENV });
    const count = Number(execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: root, env: GIT_ENV, encoding: 'utf8' }).trim());
    process.stdout.write(`  ${reuse ? 'reused' : 'generated'} ${count} commits with git fast-import in ${ms(performance.now() - t0)}\n`);

    const fs = new NodeFileSystem();
    const index = await AdrIndex.build(fs, root);
    const collections = index.collections.map((c) => ({ path: c.path, dialect: c.dialect }));
    if (index.size !== RECORDS) throw new Error(`the index holds ${index.size} records, expected ${RECORDS}`);
    const git = new NodeGit();
    const read = (snapshot?: HistoryResult['snapshot']) => readHistory(git, fs, { folder: root, collections, ...(snapshot ? { snapshot } : {}) });

    const base: number[] = [];
    const ours: number[] = [];
    const baseCpu: number[] = [];
    const oursCpu: number[] = [];
    let result: HistoryResult | undefined;
    let baseLines = 0;
    for (let i = 0; i < ROUNDS; i++) {
      let s = performance.now();
      let c = cpu();
      const out = await run('git', ['log', '--name-status', '--', ...FOLDERS], { cwd: root, env: GIT_ENV, maxBuffer: 1 << 30 });
      base.push(performance.now() - s);
      baseCpu.push(cpu() - c);
      baseLines = out.stdout.split('\n').length;
      s = performance.now();
      c = cpu();
      result = await read();
      ours.push(performance.now() - s);
      oursCpu.push(cpu() - c);
    }
    const all = result!.all();
    const atHead = all.filter((h) => !h.deleted);
    const changes = all.reduce((n, h) => n + h.statusChanges.length, 0);
    const relations = all.reduce((n, h) => n + h.relationsAdded.length, 0);
    if (atHead.length !== RECORDS || atHead.some((h) => !h.created || !h.lastEdited)) throw new Error('history: a record without its creation or last edit');
    process.stdout.write(`  ${atHead.length} records: ${changes} status changes, ${relations} relations added, ${result!.stats.blobs} versions read, ${result!.stats.parsed} parsed (the others only edit prose); git log printed ${baseLines} lines\n`);
    const b = median(base);
    const o = median(ours);
    report('git log --name-status, the folders (baseline)', ms(b));
    report('history, every record (cold)', ms(o), '≤ 2× git log', o <= 2 * b);
    report('history / git log', `${(o / b).toFixed(2)}×`, '≤ 2×', o <= 2 * b);
    if (baseCpu.every((x) => x > 0)) {
      report('CPU: git log (baseline)', ms(median(baseCpu)));
      report('CPU: history (ours and its git processes)', ms(median(oursCpu)), '(the machine\'s load does not change it)');
    }
    report('git processes (cold)', `${result!.stats.processes}`, '≤ 4', result!.stats.processes <= 4);

    // One more commit: only it is read.
    const updates: number[] = [];
    let snapshot = result!.snapshot;
    for (let i = 0; i < ROUNDS; i++) {
      appendFileSync(index.records()[0]!.path, `\nEdited in round ${i}.\n`);
      execFileSync('git', ['commit', '-q', '-a', '-m', `Round ${i}`], {
        cwd: root, env: { ...GIT_ENV, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'b@x', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'b@x' },
      });
      const s = performance.now();
      const next = await read(snapshot);
      updates.push(performance.now() - s);
      if (next.stats.mode !== 'incremental') throw new Error(`update read ${next.stats.mode}`);
      snapshot = next.snapshot;
    }
    report('history after one more commit (incremental)', ms(median(updates)), '≤ 0.25× cold', median(updates) <= o / 4);
    const cached: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const s = performance.now();
      await read(snapshot);
      cached.push(performance.now() - s);
    }
    report('history, same HEAD (cached)', ms(median(cached)));
  } finally {
    repo.done();
  }
}
