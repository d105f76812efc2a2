/**
 * The architecture review: reads each repository's change, runs the rules, decides verdicts. One
 * `ReviewEngine` per window (or per CLI run) keeps, per repository and scope, the change it read and
 * each file's rule results by fingerprint, so a review after a one-file edit diffs and checks only that
 * file. When the workspace is not trusted the engine runs no git at all and says why.
 */
import { AdrIndex } from '../index';
import type { AdrRecord } from '../model';
import { basename, dirname, join } from '../paths';
import type { FileSystem } from '../ports';
import { isRecordFile } from '../naming/fileName';
import { parseRecord } from '../parse/record';
import { mapLimit } from '../index/limit';
import { ChangeReader, type ChangeSet } from './changes';
import { CONFLICT_RULE, CONFLICT_RULE_ID, reviewConflicts } from './conflicts';
import { CONFIG_FILES, parseConfig, type ReviewConfig } from './config';
import type { GitPort } from './git';
import { MAX_CONTENT_BYTES, unreadReason, type WorkTreePort } from './worktree';
import { governingFromRecords, type GoverningLookup } from './governs';
import { headKey, locateRepository } from './repository';
import { BUILTIN_BY_ID, builtinSkip, fileHits, rulesOf } from './rules';
import { baseFolders, structureFacts } from './structureFacts';
import { manifestKind } from './rules/manifests';
import { globMatcher } from './rules/glob';
import { hasPathSpec } from './rules/pathRules';
import { structureHits } from './rules/structure';
import { reconcileDeliveries } from './rules/delivery';
import { excerptOf, suggestionFor } from './suggest';
import type { ChangeBase, ChangedFile, RepositoryInfo, ReviewConflict, ReviewFinding, ReviewScope, RuleHit, RuleInfo } from './types';
import { addedLineNumbers, decide, fingerprintOf, type ChangedRecord } from './verdict';

/** Why the review is off in an untrusted workspace. */
export const RESTRICTED_REASON =
  'The architecture review is off in Restricted Mode: it runs git, and a repository can configure git to run programs ' +
  '(hooks, fsmonitor, diff and filter drivers). Trust this folder to turn the review on.';

export interface ReviewRequest {
  /** Absolute `/` paths of the workspace folders; each one's repository is reviewed once. */
  readonly folders: readonly string[];
  /** Default: the working change. */
  readonly scope?: ReviewScope;
  /** False in VS Code's Restricted Mode: nothing runs, and the outcome says why. */
  readonly trusted: boolean;
  /** The decision records of a repository (for `governs` and to recognise records in the change). Default: built at its root. */
  readonly indexFor?: (repoRoot: string) => Promise<AdrIndex>;
  /** Which in-force records govern a path (default: `governingFromRecords` over the index). */
  readonly governingFor?: (repoRoot: string, index: AdrIndex) => GoverningLookup;
}

/** One repository's part of a review. */
export interface RepositoryReview {
  readonly repository: RepositoryInfo;
  readonly scope: ReviewScope;
  readonly base: ChangeBase;
  /** Files in the change. */
  readonly fileCount: number;
  /** The settings file read, repository-relative, if any. */
  readonly configFile: string | undefined;
  /** Settings that could not be read. */
  readonly problems: readonly string[];
  /**
   * Changed files a rule wanted to read but that were not read, with why: a symbolic link (never
   * followed), a FIFO or device, a file over the size cap, a blob missing from a partial clone.
   */
  readonly unread: readonly { readonly path: string; readonly reason: string }[];
  /** Reviewed because it sits, untracked, inside another repository. */
  readonly nested: boolean;
  readonly findings: readonly ReviewFinding[];
  /** Changes that add what an in-force record rejected or replaced (see `conflicts.ts`). */
  readonly conflicts: readonly ReviewConflict[];
  /** The rules in force there (built-ins and custom ones). */
  readonly rules: readonly RuleInfo[];
}

export type ReviewOutcome =
  | { readonly kind: 'disabled'; readonly reason: string }
  | {
      readonly kind: 'reviewed';
      readonly repositories: readonly RepositoryReview[];
      /**
       * Folders that are in no repository (or one git refuses), with why. `refused`: a repository is
       * there but git would not read it (dubious ownership, a broken `.git`): a gate must not pass.
       */
      readonly notRepositories: readonly { readonly folder: string; readonly message: string; readonly refused?: boolean }[];
      /** Every finding of every repository. */
      readonly findings: readonly ReviewFinding[];
      /** Every conflict of every repository. */
      readonly conflicts: readonly ReviewConflict[];
    };

interface FileResult { readonly fingerprint: string; readonly configKey: string; readonly hits: readonly RuleHit[] }

interface RepoState {
  readonly reader: ChangeReader;
  readonly results: Map<string, FileResult>;
  /** Paths the built-in rules skip, under the settings of `skipKey`. */
  skip: Map<string, boolean>;
  /** Paths some rule reads the hunks of (governed files aside), under the settings of `skipKey`. */
  wants: Map<string, boolean>;
  skipKey: string;
}

const MAX_NESTING = 3;

/** Reviews changes; keep one to make repeated reviews cheap. */
export class ReviewEngine {
  private readonly states = new Map<string, RepoState>();
  /** Repositories found per folder, with the key that says they are unchanged (see `headKey`). */
  private readonly located = new Map<string, { repository: RepositoryInfo; key: string }>();

  constructor(private readonly git: GitPort, private readonly fs: FileSystem, private readonly workTree: WorkTreePort) {}

  /** Reviews the repositories of the request's folders (and untracked repositories nested in them). */
  async review(request: ReviewRequest): Promise<ReviewOutcome> {
    if (!request.trusted) return { kind: 'disabled', reason: RESTRICTED_REASON };
    const scope = request.scope ?? { kind: 'working' };
    const repositories: RepositoryReview[] = [];
    const notRepositories: { folder: string; message: string; refused?: boolean }[] = [];
    const seen = new Set<string>();
    const visit = async (folder: string, depth: number): Promise<void> => {
      const found = await this.locate(folder);
      if (!found.repository) {
        if (depth === 0) {
          notRepositories.push(found.problem ? { folder, message: `not reviewed: ${found.problem}`, refused: true } : { folder, message: 'not a git repository: nothing to review' });
        }
        return;
      }
      if (seen.has(found.repository.root)) return;
      seen.add(found.repository.root);
      const { review, nested } = await this.reviewRepository(found.repository, depth > 0 && scope.kind === 'base' ? { kind: 'working' } : scope, request, depth > 0);
      repositories.push(review);
      if (depth < MAX_NESTING) for (const n of nested) await visit(n, depth + 1);
    };
    for (const folder of request.folders) await visit(folder, 0);
    return { kind: 'reviewed', repositories, notRepositories, findings: repositories.flatMap((r) => r.findings), conflicts: repositories.flatMap((r) => r.conflicts) };
  }

  /** The folder's repository: located again only when HEAD, its ref or the operation in progress changed. */
  private async locate(folder: string): Promise<{ repository?: RepositoryInfo; problem?: string }> {
    const known = this.located.get(folder);
    if (known && (await headKey(this.fs, known.repository.gitDir)) === known.key) return { repository: known.repository };
    const found = await locateRepository(this.git, this.fs, folder);
    if (found.repository) this.located.set(folder, { repository: found.repository, key: await headKey(this.fs, found.repository.gitDir) });
    else this.located.delete(folder);
    return found;
  }

  private state(repo: RepositoryInfo, scope: ReviewScope): RepoState {
    const key = `${repo.root}\0${scope.kind}\0${scope.kind === 'base' ? scope.ref : scope.kind === 'range' ? `${scope.from}..${scope.to}` : ''}`;
    let s = this.states.get(key);
    if (!s) this.states.set(key, (s = { reader: new ChangeReader(this.git, this.fs, this.workTree, repo, scope), results: new Map(), skip: new Map(), wants: new Map(), skipKey: '' }));
    s.reader.repository = repo;
    return s;
  }

  private async reviewRepository(repo: RepositoryInfo, scope: ReviewScope, request: ReviewRequest, nested: boolean): Promise<{ review: RepositoryReview; nested: readonly string[] }> {
    const state = this.state(repo, scope);
    const [base, config, index] = await Promise.all([
      state.reader.resolveBase(), this.readConfig(repo.root), (request.indexFor ?? ((root: string) => AdrIndex.build(this.fs, root)))(repo.root),
    ]);
    const governing = (request.governingFor ?? ((_root: string, idx: AdrIndex) => governingFromRecords(idx.records())))(repo.root, index);
    const folders = baseFolders(this.git, repo.root, base.treeish, config.containers);
    folders.catch(() => undefined);
    if (state.skipKey !== config.key) {
      state.skip = new Map();
      state.wants = new Map();
      state.skipKey = config.key;
    }
    const skipTest = builtinSkip(config);
    const skip = (p: string): boolean => {
      let v = state.skip.get(p);
      if (v === undefined) state.skip.set(p, (v = skipTest(p)));
      return v;
    };
    // Hunks are read only where a rule looks at them (or for the excerpt of a governed file).
    const custom = globMatcher(config.custom.flatMap((c) => c.paths));
    const ignored = globMatcher(config.ignore);
    const ruleWants = (p: string): boolean => {
      let v = state.wants.get(p);
      if (v === undefined) state.wants.set(p, (v = !ignored(p) && (custom(p) || (!skip(p) && (manifestKind(p) !== undefined || hasPathSpec(p))))));
      return v;
    };
    const wantsPatch = (p: string): boolean => ruleWants(p) || (!ignored(p) && governing.governing(p).length > 0);
    // Records in the change are read too (`changedRecords`): with the hunks' blobs, not one process each.
    const isRecordPath = (p: string) => isRecordFile(basename(p)) && index.collection(dirname(join(repo.root, p))) !== undefined;
    const changes = await state.reader.read(base, { wantsPatch, prefetch: (p) => manifestKind(p) !== undefined || isRecordPath(p) });
    const content = { before: (f: ChangedFile) => state.reader.beforeContent(f), after: (f: ChangedFile) => state.reader.afterContent(f) };
    const isConfig = (p: string) => (CONFIG_FILES as readonly string[]).includes(p);
    // Files no rule reads (most of a large change) cost nothing more.
    const checked = changes.files.filter((f) => !isConfig(f.path) && (ruleWants(f.path) || (f.oldPath !== undefined && ruleWants(f.oldPath))));
    const perFile = await mapLimit(checked, 16, async (file) => {
      const cached = state.results.get(file.path);
      if (cached && cached.fingerprint === file.fingerprint && cached.configKey === config.key) return cached.hits;
      const hits = await fileHits(file, config, content, skip);
      state.results.set(file.path, { fingerprint: file.fingerprint, configKey: config.key, hits });
      return hits;
    });
    const current = new Set(changes.files.map((f) => f.path));
    for (const p of state.results.keys()) if (!current.has(p)) state.results.delete(p);

    const facts = await structureFacts(this.git, this.fs, changes, folders, content);
    const hits = [...reconcileDeliveries(perFile.flat()), ...(await structureHits(changes.files, config, facts, skip))];

    const changedRecords = await this.changedRecords(changes, index, state.reader);
    const recordPaths = new Set(changedRecords.map((r) => r.record.path));
    const flagged = new Set(hits.map((h) => h.path));
    for (const file of changes.files) {
      if (file.status === 'deleted' || flagged.has(file.path) || isConfig(file.path) || recordPaths.has(join(repo.root, file.path))) continue;
      for (const m of governing.governing(file.path)) {
        hits.push({
          rule: 'governed-code', path: file.path, subject: m.record.id, line: firstChangedLine(file),
          message: `Review against ${label(m.record)}: ${file.path} is governed by it (${m.glob})`, reason: `governs: ${m.glob}`,
        });
      }
    }

    const rules = rulesOf(config);
    const ruleById = new Map(rules.map((r) => [r.id, r]));
    const byPath = new Map(changes.files.map((f) => [f.path, f]));
    const ctx = { changedRecords, governing, acknowledged: config.acknowledged, ackFile: config.file ?? CONFIG_FILES[0] };
    const unread = new Map(state.reader.unread);
    for (const f of changes.files) if (f.unread && (ruleWants(f.path) || wantsPatch(f.path))) unread.set(f.path, f.unread);
    for (const f of checked) if (f.note) unread.set(f.path, f.note);
    const findings: ReviewFinding[] = [];
    for (const hit of hits) {
      const info = ruleById.get(hit.rule);
      if (!info) continue; // turned off
      const file = byPath.get(hit.path) ?? changes.files.find((f) => f.oldPath === hit.path);
      const { verdict, evidence } = decide(hit, ctx);
      const excerpt = file ? excerptOf(file, hit) : undefined;
      const configured = config.rules.get(hit.rule);
      findings.push({
        fingerprint: fingerprintOf(hit), rule: hit.rule, family: info.family, ruleTitle: info.title,
        severity: configured && configured !== 'off' ? configured : hit.severity ?? info.severity,
        message: hit.message, ...(hit.reason !== undefined ? { reason: hit.reason } : {}),
        repository: repo.root, path: hit.path, anchor: hit.anchor ?? hit.path, ...(file?.oldPath !== undefined ? { oldPath: file.oldPath } : {}),
        status: file?.status ?? 'deleted', subject: hit.subject,
        ...(hit.line !== undefined ? { line: hit.line } : {}), ...(hit.oldSide ? { oldSide: true } : {}),
        verdict, evidence, ...(excerpt ? { excerpt } : {}), suggestion: suggestionFor(hit),
      });
    }
    findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
    // What the change adds against what in-force records rejected or replaced (`rules: { decision-conflict: off }` turns it off).
    const conflictLevel = config.rules.get(CONFLICT_RULE_ID);
    const conflicts = conflictLevel === 'off' ? [] : await reviewConflicts({
      repository: repo.root, hits, files: changes.files, fs: this.fs, severity: conflictLevel ?? CONFLICT_RULE.severity,
      skip: (p) => ignored(p) || isConfig(p) || recordPaths.has(join(repo.root, p)),
      records: index.records(), record: (p) => index.get(p),
      supersededBy: (p) => index.relationsOf(p).flatMap((r) => (r.type === 'superseded-by' && r.other !== undefined ? [r.other] : [])),
    });
    return {
      review: {
        repository: repo, scope, base: changes.base, fileCount: changes.files.length, configFile: config.file,
        problems: config.problems, unread: [...unread].map(([path, reason]) => ({ path, reason })).sort((a, b) => (a.path < b.path ? -1 : 1)),
        nested, findings, conflicts, rules,
      },
      nested: changes.nestedRepositories,
    };
  }

  /** `.adr-review.yml` at the repository root (defaults when absent); only a regular file is read, never through a symlink. */
  private async readConfig(root: string): Promise<ReviewConfig> {
    const view = this.workTree.view(root);
    for (const name of CONFIG_FILES) {
      const read = await view.read(name, MAX_CONTENT_BYTES);
      if (read.kind === 'file') return parseConfig(new TextDecoder().decode(read.bytes), name);
      const why = unreadReason(read);
      if (why) return { ...parseConfig(undefined), problems: [`${name}: ${why}`] };
    }
    return parseConfig(undefined);
  }

  /** Records added or modified in the change, parsed from their new text. */
  private async changedRecords(changes: ChangeSet, index: AdrIndex, reader: ChangeReader): Promise<ChangedRecord[]> {
    const out: ChangedRecord[] = [];
    for (const file of changes.files) {
      if (file.status === 'deleted' || !isRecordFile(basename(file.path))) continue;
      const abs = join(changes.repository.root, file.path);
      const collection = index.collection(dirname(abs));
      if (!collection) continue;
      const text = await reader.after(file);
      if (text === undefined) continue;
      const record: AdrRecord = parseRecord(text.replace(/^\uFEFF/, ''), { path: abs, collection: collection.path, collectionDialect: collection.dialect });
      // A modified record documents by what the change added to it.
      const before = file.oldBlob ? await reader.before(file) : undefined;
      out.push({ record, text, ...(before !== undefined ? { addedLines: addedLineNumbers(before, text) } : {}) });
    }
    return out;
  }
}

function label(r: AdrRecord): string {
  return r.number !== null ? `ADR-${String(r.number).padStart(4, '0')} (${r.title})` : `${r.id} (${r.title})`;
}

function firstChangedLine(file: ChangedFile): number | undefined {
  for (const h of file.hunks) {
    let n = h.newStart;
    for (const l of h.lines) {
      if (l.startsWith('+')) return n;
      if (!l.startsWith('-') && !l.startsWith('\\')) n++;
    }
  }
  return undefined;
}

export { BUILTIN_BY_ID };
