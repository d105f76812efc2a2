/**
 * Collecting the digest of a period from git, in one pass over the period:
 *
 * 1. the period: `--since` a number of days or a date (the period starts after the newest
 *    first-parent commit older than it) or a ref (the period is REF..UNTIL); `--until` a ref (HEAD);
 * 2. ONE `git log BASE..UNTIL` (the history's own log format, every path): the period's commits, their
 *    authors, files and pull requests (a squash's "(#123)", a merge's "Merge pull request #123" for the
 *    commits it brought in);
 * 3. the records' history (core/history: one log over the collection folders, cached by HEAD), whose
 *    events in the period are the decisions proposed, accepted, superseded, deprecated, rejected;
 * 4. the review engine over the range (`{ kind: 'range' }`: the tree of UNTIL against BASE, reading
 *    only the files a rule looks at, records and manifests read in one batch), each finding given the
 *    period's commit that made it (one `git log -p --no-walk` over the commits that touched the flagged
 *    files several commits touched, none when one did);
 * 5. the records now (sign-off read in each dialect) for proposals awaiting a decision and reviews due.
 *
 * 2, 3 and 4 run at once: git's processes work beside this one (two cores make the digest about as
 * long as its slowest part).
 */
import type { AdrIndex } from '../index';
import type { AdrRecord, Status } from '../model';
import { dirname, join, normalize, relative, toPosix } from '../paths';
import type { FileSystem } from '../ports';
import { decodeText } from '../text';
import { mapLimit } from '../index/limit';
import { UserError } from '../errors';
import { recordReference } from '../presentation';
import { readHistory, type HistoryEvent, type HistoryResult, type HistorySnapshot } from '../history';
import { spelledRoot } from '../history/history';
import { logArgs, parseLog, type LogCommit } from '../history/gitLog';
import { ReviewEngine } from '../review/engine';
import { EMPTY_TREE } from '../review/repository';
import type { GitInputPort } from '../review/git';
import type { WorkTreePort } from '../review/worktree';
import { governingFromRecords, type GoverningLookup, type GoverningMatch } from '../review/governs';
import type { ReviewFinding, VerdictEvidence } from '../review/types';
import { isRecordFile } from '../naming/fileName';
import { addPeriod } from '../signoff/dates';
import { readSignoff } from '../signoff/read';
import { recordAttention, statusDates } from '../signoff/attention';
import type { SignoffPolicy } from '../signoff/types';
import {
  DIGEST_VERSION, type ArchitecturalChange, type AwaitingProposal, type DecisionChange, type DecisionEvent, type Digest, type DigestCommit,
  type DigestConflict, type DigestRecord, type DueReview, type GovernedChange,
} from './types';

export type Since = { readonly kind: 'days'; readonly days: number } | { readonly kind: 'date'; readonly date: string } | { readonly kind: 'ref'; readonly ref: string };

/** `7d`, `2w`, `1m` (30 days), a `YYYY-MM-DD` date, else a ref. */
export function parseSince(raw: string): Since {
  const s = raw.trim();
  const d = /^(\d{1,4})\s*(d|w|m|days?|weeks?|months?)$/i.exec(s);
  if (d) {
    const n = +d[1]!;
    const unit = d[2]![0]!.toLowerCase();
    return { kind: 'days', days: unit === 'w' ? n * 7 : unit === 'm' ? n * 30 : n };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return { kind: 'date', date: s };
  return { kind: 'ref', ref: s };
}

export class DigestError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'DigestError';
  }
}

export interface DigestOptions {
  /** A folder inside the repository. */
  readonly folder: string;
  readonly since: Since;
  /** As the user wrote it (shown in the digest). */
  readonly sinceText: string;
  /** Default HEAD. */
  readonly until?: string;
  /** ISO date of today (the age of proposals, reviews due). */
  readonly today: string;
  /** The records now. */
  readonly index: AdrIndex;
  readonly policyOf: (collection: string) => SignoffPolicy;
  /** The history's state of an earlier read (cached by HEAD). */
  readonly snapshot?: HistorySnapshot;
}

export interface DigestResult {
  readonly digest: Digest;
  /** The history read (its snapshot for the next run). */
  readonly history: HistoryResult;
  /** Git processes started by the digest itself (the history and review count their own). */
  readonly stats: { readonly logCommits: number };
}

const REF_SAFE = /^[^-\s][^\s]*$/;
/** The most the period's log may print (about 2 KB per commit: a 500,000-commit period). */
const MAX_LOG_BYTES = 1 << 30;

const KIND: Partial<Record<Status, DecisionChange>> = {
  proposed: 'proposed', draft: 'proposed', accepted: 'accepted', superseded: 'superseded', deprecated: 'deprecated', rejected: 'rejected',
};

/** The pull request a commit message names. */
export function prOf(subject: string): number | null {
  const m = /\(#(\d+)\)\s*$/.exec(subject) ?? /^Merge pull request #(\d+)\b/.exec(subject) ?? /^Merged PR (\d+)\b/.exec(subject) ?? /\(!(\d+)\)\s*$/.exec(subject);
  return m ? Number(m[1]) : null;
}

export async function collectDigest(git: GitInputPort, fs: FileSystem, workTree: WorkTreePort, o: DigestOptions): Promise<DigestResult> {
  const top = await git.run(o.folder, ['rev-parse', '--show-toplevel']);
  if (top.exitCode !== 0) throw new DigestError(`not in a git repository: ${firstLine(top.stderr)}`);
  // The repository's folder as the caller spells it (a folder opened through a symlink: the index's paths are under that spelling).
  const root = await spelledRoot(fs, normalize(toPosix(o.folder)), normalize(toPosix(top.stdout.trim())));
  const untilRef = o.until ?? 'HEAD';
  const until = await commitOf(git, root, untilRef, '--until');
  let base: string | null = null;
  let from: string | null = null;
  if (o.since.kind === 'ref') {
    base = await commitOf(git, root, o.since.ref, '--since');
  } else {
    from = o.since.kind === 'date' ? o.since.date : addPeriod(o.today, { months: 0, days: o.since.days }, -1);
    const r = await git.run(root, ['rev-list', '-1', '--first-parent', `--before=${from}T00:00:00Z`, until]);
    if (r.exitCode !== 0) throw new DigestError(`git rev-list: ${firstLine(r.stderr)}`);
    base = r.stdout.trim() || null;
  }

  // Three independent reads at once (git runs beside this process): the period's log, the records'
  // history, the review over the range (run even for an empty period; its outcome is then unused).
  const historyRead = readHistory(git, fs, {
    folder: o.folder,
    collections: o.index.collections.map((c) => ({ path: c.path, dialect: c.dialect, ...(c.statusVocabulary ? { statusVocabulary: c.statusVocabulary } : {}) })),
    ...(o.snapshot ? { snapshot: o.snapshot } : {}),
  });
  const empty = until.length === 64 ? EMPTY_TREE.sha256 : EMPTY_TREE.sha1;
  // Which records govern a path, asked once per path (the review asks per file and per finding, the governed-code count per commit).
  const governing = memoGoverning(governingFromRecords(o.index.records()));
  const reviewRead = new ReviewEngine(git, fs, workTree).review({
    folders: [root], scope: { kind: 'range', from: base ?? empty, to: until }, trusted: true, indexFor: async () => o.index, governingFor: () => governing,
  });
  // The records' texts now (their sign-off), read meanwhile too.
  const textsRead = mapLimit(o.index.records(), 16, (r) => fs.readFile(r.path).then((b): string | undefined => decodeText(b, r.path).text).catch(() => undefined));
  // Settled now, awaited below: a rejection is not left unhandled meanwhile.
  historyRead.catch(() => undefined);
  reviewRead.catch(() => undefined);

  // The one log of the period, parents first (straight through the port's own spawn: one big output).
  const logRange = [base ? `${base}..${until}` : until];
  const log = await git.runInput(root, logArgs(logRange, []), '', MAX_LOG_BYTES).then((r) => ({ ...r, stdout: new TextDecoder().decode(r.stdout) }));
  if (log.exitCode !== 0) throw new DigestError(`git log: ${firstLine(log.stderr)}`);
  const commits = parseLog(log.stdout);
  const byId = new Map(commits.map((c) => [c.commit, c]));
  const prs = pullRequests(commits, byId, until);
  const ref = (c: LogCommit | HistoryEvent): DigestCommit => ({ commit: c.commit, date: c.date, author: c.author, subject: c.subject, pr: prs.get(c.commit) ?? null });
  if (base) from ??= (await git.run(root, ['log', '-1', '--format=%aI', base])).stdout.trim().slice(0, 10) || null;
  const untilDate = (byId.get(until)?.date ?? (await git.run(root, ['log', '-1', '--format=%aI', until])).stdout.trim()).slice(0, 10) || null;

  const rel = (p: string) => relative(root, p);
  const recordRef = (r: Pick<AdrRecord, 'id' | 'number' | 'numberText' | 'title' | 'path' | 'status'>): DigestRecord => ({
    id: r.id, number: r.number, label: recordReference(r), title: r.title, path: rel(r.path), status: r.status,
  });
  const notes: string[] = [];

  // ---- decisions of the period, from the records' history
  const history = await historyRead;
  if (history.gap) notes.push(`history: ${history.gap}${history.problem ? ` (${history.problem})` : ''}`);
  const decisions: (DecisionEvent & { order: number })[] = [];
  const eventsOf = new Map<string, readonly HistoryEvent[]>();
  for (const h of history.all()) {
    const now = o.index.get(h.path);
    const rec = now ? recordRef(now) : { id: basenameId(h.path), number: null, label: basenameId(h.path), title: basenameId(h.path), path: rel(h.path), status: h.events[h.events.length - 1]?.status ?? 'unknown' };
    for (const e of h.events) {
      const became = e.change === 'created' ? e.status : e.statusFrom !== undefined ? e.status : undefined;
      if (!became) continue;
      const kind = KIND[became];
      if (!kind || !byId.has(e.commit) || e.shallowBoundary) continue;
      decisions.push({ change: kind, record: rec, from: e.change === 'created' ? null : e.statusFrom ?? null, commit: ref(e), order: e.order });
    }
    eventsOf.set(h.path, h.events);
  }
  decisions.sort((a, b) => a.order - b.order || (a.record.path < b.record.path ? -1 : 1));

  // ---- the records now: proposals awaiting a decision, reviews due
  const awaiting: AwaitingProposal[] = [];
  const reviews: DueReview[] = [];
  const records = o.index.records();
  const texts = await textsRead;
  for (const [i, r] of records.entries()) {
    const text = texts[i];
    if (text === undefined) continue;
    const signoff = readSignoff(r, text);
    const policy = o.policyOf(r.collection);
    const dates = statusDates(eventsOf.get(r.path) ?? []);
    const { state, proposal } = recordAttention(r, signoff, policy, { today: o.today, proposedOn: dates.proposed?.date ?? null, acceptedOn: dates.accepted?.date ?? null });
    if (proposal) {
      awaiting.push({
        record: recordRef(r), since: proposal.since, ageDays: proposal.ageDays, proposedBy: dates.proposed?.author ?? null,
        needed: proposal.needed,
        approvals: signoff.approvals.map((a) => ({ by: a.by, date: a.date, verdict: a.verdict, comment: a.comment ?? null })),
        approvedBy: state.approvedBy, changesRequestedBy: state.changesRequestedBy, awaited: state.awaited,
      });
    }
    if (state.review && state.reviewBy) reviews.push({ record: recordRef(r), reviewBy: state.reviewBy, state: state.review, days: state.reviewInDays ?? 0 });
  }
  awaiting.sort((a, b) => (a.since ?? '9999') < (b.since ?? '9999') ? -1 : (a.since ?? '9999') > (b.since ?? '9999') ? 1 : a.record.path < b.record.path ? -1 : 1);
  reviews.sort((a, b) => a.days - b.days || (a.record.path < b.record.path ? -1 : 1));

  // ---- architectural changes of the range, each with the commit that made it
  const touching = new Map<string, LogCommit[]>();
  for (const c of commits) {
    if (c.parents.length > 1) continue;
    for (const ch of c.changes) for (const p of ch.oldPath ? [ch.path, ch.oldPath] : [ch.path]) {
      const l = touching.get(p);
      if (l) l.push(c);
      else touching.set(p, [c]);
    }
  }
  const changes = { undocumented: [] as ArchitecturalChange[], documented: [] as ArchitecturalChange[], acknowledged: [] as ArchitecturalChange[] };
  const conflicts: DigestConflict[] = [];
  const outcome = commits.length > 0 ? await reviewRead : undefined;
  if (outcome) {
    if (outcome.kind === 'reviewed') {
      for (const n of outcome.notRepositories) notes.push(`review: ${n.message}`);
      for (const r of outcome.repositories) for (const p of r.problems) notes.push(`review: ${p}`);
      const wanted = [...outcome.findings.map((f) => ({ path: f.path, subject: f.subject })), ...outcome.conflicts.map((c) => ({ path: c.path, subject: c.subject }))];
      const attribute = await attribution(git, root, touching, wanted);
      for (const f of outcome.findings) {
        const c = attribute(f.path, f.subject);
        const change: ArchitecturalChange = {
          verdict: f.verdict, rule: f.rule, ruleTitle: f.ruleTitle, severity: f.severity, path: f.path, subject: f.subject, message: f.message,
          commit: c ? ref(c) : null, documentedBy: documenting(f, rel, o.index), reason: f.evidence.find((e) => e.kind === 'acknowledged')?.reason ?? null,
        };
        changes[f.verdict].push(change);
      }
      for (const k of outcome.conflicts) {
        const c = attribute(k.path, k.subject);
        conflicts.push({ message: k.message, path: k.path, subject: k.subject, record: evidenceRecord(k.record, rel, o.index), commit: c ? ref(c) : null });
      }
    }
  }

  // ---- governed code that changed, per record in force
  const acc = new Map<string, { record: AdrRecord; paths: Set<string>; authors: Set<string>; commits: Set<string> }>();
  for (const c of commits) {
    if (c.parents.length > 1) continue;
    for (const ch of c.changes) {
      if (ch.status === 'D' || isRecordFile(ch.path.slice(ch.path.lastIndexOf('/') + 1)) && o.index.get(join(root, ch.path))) continue;
      for (const m of governing.governing(ch.path)) {
        let a = acc.get(m.record.path);
        if (!a) acc.set(m.record.path, (a = { record: m.record, paths: new Set(), authors: new Set(), commits: new Set() }));
        a.paths.add(ch.path);
        a.authors.add(c.author);
        a.commits.add(c.commit);
      }
    }
  }
  const governed: GovernedChange[] = [...acc.values()]
    .map((a) => ({ record: recordRef(a.record), files: a.paths.size, paths: [...a.paths].sort(), authors: [...a.authors].sort(), commits: a.commits.size }))
    .sort((a, b) => (a.record.path < b.record.path ? -1 : 1));

  const digest: Digest = {
    version: DIGEST_VERSION,
    period: { since: o.sinceText, from, to: untilDate, base, until, commits: commits.length },
    decisions: decisions.map(({ order: _order, ...d }) => d),
    awaiting, reviews, changes, conflicts, governed, notes,
  };
  return { digest, history, stats: { logCommits: commits.length } };
}

async function commitOf(git: GitInputPort, root: string, refName: string, option: string): Promise<string> {
  if (!REF_SAFE.test(refName)) throw new DigestError(`${option}: "${refName}" is not a revision`);
  const r = await git.run(root, ['rev-parse', '--verify', '-q', '--end-of-options', `${refName}^{commit}`]);
  const id = r.stdout.trim();
  if (r.exitCode !== 0 || !/^[0-9a-f]{40,64}$/.test(id)) throw new DigestError(`${option}: no commit "${refName}" in this repository`);
  return id;
}

/**
 * Each commit's pull request: its own message's, else that of the first-parent merge that brought it
 * in ("Merge pull request #123"), found walking the merge's other parents down to the main line.
 */
function pullRequests(commits: readonly LogCommit[], byId: ReadonlyMap<string, LogCommit>, until: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of commits) {
    const n = prOf(c.subject);
    if (n !== null) out.set(c.commit, n);
  }
  const mainline = new Set<string>();
  for (let c = byId.get(until); c && !mainline.has(c.commit); c = byId.get(c.parents[0] ?? '')) mainline.add(c.commit);
  const assigned = new Set<string>();
  for (const m of commits) {
    if (!mainline.has(m.commit) || m.parents.length < 2) continue;
    const pr = out.get(m.commit);
    const stack = m.parents.slice(1);
    while (stack.length) {
      const id = stack.pop()!;
      if (mainline.has(id) || assigned.has(id)) continue;
      const c = byId.get(id);
      if (!c) continue;
      assigned.add(id);
      if (pr !== undefined && !out.has(id)) out.set(id, pr);
      stack.push(...c.parents);
    }
  }
  return out;
}

/**
 * Tells which commit of the period made a change (`path`, `subject`): the only commit that touched
 * the file, else the oldest whose added lines name the subject (one `git log -p` for all such
 * files), else the newest that touched it.
 */
async function attribution(
  git: GitInputPort, root: string, touching: ReadonlyMap<string, readonly LogCommit[]>,
  wanted: readonly { path: string; subject: string }[],
): Promise<(path: string, subject: string) => LogCommit | undefined> {
  const several = [...new Set(wanted.map((w) => w.path))].filter((p) => (touching.get(p)?.length ?? 0) > 1);
  const added = new Map<string, Map<string, string>>(); // path → commit → added text
  if (several.length > 0) {
    // Only the commits that touched them (named on standard input, not walked), limited to their
    // folders: git matches every pathspec against every entry of every diff, so hundreds of file
    // names cost more than the diffs themselves; other files of those folders are skipped below.
    const asked = new Set(several);
    const ids = [...new Set(several.flatMap((p) => touching.get(p)!.map((c) => c.commit)))];
    const folders = [...new Set(several.map((p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : p)))].map((p) => `:(literal)${p}`);
    const args = [
      '-c', 'log.showSignature=false', 'log', '--no-show-signature', '--no-mailmap', '--no-color', '--no-ext-diff', '--no-textconv', '--no-renames',
      '--diff-merges=off', '--format=%x01%H', '-p', '-U0', '--no-relative', '--no-walk=unsorted', '--stdin', '--', ...folders,
    ];
    const r = await git.runInput(root, args, `${ids.join('\n')}\n`, MAX_LOG_BYTES).then((x) => ({ ...x, stdout: new TextDecoder().decode(x.stdout) }));
    if (r.exitCode === 0) {
      let commit = '';
      let path = '';
      for (const line of r.stdout.split('\n')) {
        if (line.startsWith('\x01')) {
          commit = line.slice(1).trim();
          path = '';
        } else if (line.startsWith('+++ ')) {
          path = line.startsWith('+++ b/') && asked.has(line.slice(6)) ? line.slice(6) : '';
        } else if (path && line.startsWith('+')) {
          let m = added.get(path);
          if (!m) added.set(path, (m = new Map()));
          m.set(commit, (m.get(commit) ?? '') + line.slice(1) + '\n');
        }
      }
    }
  }
  return (path, subject) => {
    const list = touching.get(path);
    if (!list || list.length === 0) return undefined;
    if (list.length === 1) return list[0];
    const texts = added.get(path);
    const hit = texts ? list.find((c) => texts.get(c.commit)?.includes(subject)) : undefined;
    return hit ?? list[list.length - 1];
  };
}

type EvidenceRecord = Pick<NonNullable<VerdictEvidence['record']>, 'path' | 'id' | 'number' | 'title' | 'status'>;

function evidenceRecord(r: EvidenceRecord, rel: (p: string) => string, index?: AdrIndex): DigestRecord {
  const now = index?.get(r.path);
  if (now) return { id: now.id, number: now.number, label: recordReference(now), title: now.title, path: rel(now.path), status: now.status };
  return { id: r.id, number: r.number, label: r.number !== null ? `ADR-${String(r.number).padStart(4, '0')}` : r.id, title: r.title, path: rel(r.path), status: r.status as Status };
}

function documenting(f: ReviewFinding, rel: (p: string) => string, index: AdrIndex): DigestRecord[] {
  if (f.verdict !== 'documented') return [];
  const seen = new Set<string>();
  const out: DigestRecord[] = [];
  for (const e of f.evidence) {
    if (!e.record || seen.has(e.record.path)) continue;
    seen.add(e.record.path);
    out.push(evidenceRecord(e.record, rel, index));
  }
  return out;
}

function basenameId(path: string): string {
  return path.slice(dirname(path).length + 1).replace(/\.md$/i, '');
}

function memoGoverning(lookup: GoverningLookup): GoverningLookup {
  const known = new Map<string, readonly GoverningMatch[]>();
  return {
    governing(path) {
      let m = known.get(path);
      if (!m) known.set(path, (m = lookup.governing(path)));
      return m;
    },
  };
}

function firstLine(s: string): string {
  return s.trim().split('\n')[0]?.replace(/^fatal:\s*/, '') ?? '';
}
