/** Lint across a collection: numbering, links, and whether both sides of a relation say so. */
import type { AdrRecord, Finding, Severity } from '../model';
import type { FileSystem } from '../ports';
import type { AdrIndex, BrokenRelation } from '../index';
import { dirname, resolve } from '../paths';
import { decodeText } from '../text';
import { foldStatus } from '../parse/vocabulary';
import { lintRecord } from './recordLint';
import { RULES, SEVERITY_ORDER } from './rules';
import { readSignoff, signoffFindings, signoffState, type SignoffPolicy } from '../signoff';

/** Sign-off lint (approvals missing, reviews due): each collection's policy and today's date. */
export interface SignoffLint {
  readonly policyOf: (collection: string) => SignoffPolicy;
  /** ISO `YYYY-MM-DD`. */
  readonly today: string;
}

export interface LintOptions {
  /** Only these records (absolute paths); default all. Collection rules still look at everything. */
  readonly paths?: readonly string[];
  /** Adds the sign-off rules (missing-approvals, review-due, review-overdue). */
  readonly signoff?: SignoffLint;
}

/** Lints every record of the index. Reads each record's text once (for placeholder checks). */
export async function lintIndex(index: AdrIndex, fs: FileSystem, options: LintOptions = {}): Promise<Finding[]> {
  const wanted = options.paths ? new Set(options.paths) : undefined;
  const records = index.records().filter((r) => !wanted || wanted.has(r.path));
  const out: Finding[] = [];
  const exists = new Map<string, Promise<boolean>>();
  const fileExists = (p: string) => {
    let e = exists.get(p);
    if (!e) exists.set(p, (e = fs.stat(p).then((s) => s !== undefined, () => false)));
    return e;
  };

  const statusCounts = unknownStatusCounts(index.records());
  const brokenByPath = new Map<string, BrokenRelation[]>();
  for (const b of index.brokenRelations()) brokenByPath.set(b.path, [...(brokenByPath.get(b.path) ?? []), b]);
  await Promise.all(records.map(async (record) => {
    let text: string;
    try {
      text = decodeText(await fs.readFile(record.path), record.path).text;
    } catch {
      return; // gone or unreadable since indexing: the index reports it
    }
    out.push(...(await lintInIndex(index, record, text, fileExists, { duplicates: false, broken: brokenByPath.get(record.path) ?? [], statusCounts, ...(options.signoff ? { signoff: options.signoff } : {}) })));
  }));
  // Files the index could not read are findings, not silently left out.
  for (const u of index.unreadable) {
    const message = u.message.startsWith(`${u.path}: `) ? u.message.slice(u.path.length + 2) : u.message;
    if (!wanted || wanted.has(u.path)) out.push({ rule: RULES.unreadableRecord.id, severity: RULES.unreadableRecord.severity, message: `Not read: ${message}`, path: u.path, span: { start: 0, end: 0 } });
  }
  // Duplicates once for the whole index rather than once per record.
  for (const dup of index.duplicateNumbers()) {
    for (const path of dup.paths) {
      const record = index.get(path);
      if (record && (!wanted || wanted.has(path))) out.push(duplicateFinding(record, dup.paths, dup.number));
    }
  }
  return sortFindings(out);
}

/**
 * Every finding for one record: its own text (`lintRecord`) and what the index knows around it
 * (links, relations, numbering). `text` may be an unsaved editor's text; `record` must be parsed
 * from it.
 */
export async function lintInIndex(
  index: AdrIndex, record: AdrRecord, text: string, fileExists: (p: string) => Promise<boolean>,
  options: {
    duplicates?: boolean;
    /** This record's broken relations, when the caller has them. */
    broken?: readonly BrokenRelation[];
    /** How many records of each collection use each unrecognised status (`unknownStatusCounts`). */
    statusCounts?: ReadonlyMap<string, number>;
    signoff?: SignoffLint;
  } = {},
): Promise<Finding[]> {
  let own = lintRecord(record, text);
  if (options.signoff) {
    const s = readSignoff(record, text);
    own.push(...signoffFindings(record, s, signoffState(record, s, options.signoff.policyOf(record.collection), { today: options.signoff.today })));
  }
  if (record.status === 'unknown' && record.statusText) {
    // A status word the collection uses in several records is its vocabulary, not a mistake.
    const counts = options.statusCounts ?? unknownStatusCounts(index.records().filter((r) => r.collection === record.collection));
    if ((counts.get(statusKey(record)) ?? 0) >= 2) own = own.filter((f) => f.rule !== RULES.unknownStatus.id);
  }
  const out: Finding[] = [...own, ...(await brokenLinks(index, record, fileExists))];
  if (options.duplicates !== false && record.number !== null) {
    const same = index.byNumber(record.number, record.collection).map((r) => r.path);
    if (same.some((p) => p !== record.path)) out.push(duplicateFinding(record, [...new Set([record.path, ...same])], record.number));
  }
  const indexed = index.get(record.path);
  for (const broken of options.broken ?? index.brokenRelations().filter((b) => b.path === record.path)) {
    if (broken.reason === 'no-such-file') continue; // missing files: broken-link, with the link's span
    const span = record.relations.find((r) => r.target === broken.relation.target)?.span ?? broken.relation.span;
    out.push(at(record, RULES.unknownTarget.id, RULES.unknownTarget.severity, `"${broken.relation.target}" names no record`, span));
  }
  const relations = indexed ? index.relationsOf(record.path) : [];
  for (const rel of relations) {
    if (rel.origin !== 'inverse' || !rel.other || rel.type === 'custom' || rel.type === 'relates') continue;
    const other = index.get(rel.other);
    if (!other) continue;
    out.push({
      ...at(record, RULES.asymmetricRelation.id, RULES.asymmetricRelation.severity,
        `${other.id} says "${rel.counterpart?.verb ?? ''} ${record.id}", but this record does not say "${rel.verb} ${other.id}"`,
        record.statusField?.lineSpan ?? record.titleField?.lineSpan),
      data: { relation: rel.type, other: other.path },
    });
  }
  if (record.status === 'superseded' && !relations.some((r) => r.type === 'superseded-by' && r.other)) {
    out.push(at(record, RULES.supersededWithoutSuccessor.id, RULES.supersededWithoutSuccessor.severity,
      'Superseded, but no record that supersedes it is named or found', record.statusField?.span));
  }
  return out;
}

/** Records per (collection, unrecognised status text): the words a collection uses consistently. */
export function unknownStatusCounts(records: readonly AdrRecord[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of records) {
    if (r.status !== 'unknown' || !r.statusText) continue;
    const k = statusKey(r);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

function statusKey(r: AdrRecord): string {
  // The leading words ("on hold" of "On hold (waiting for budget)"): the status word itself.
  const words = foldStatus(r.statusText ?? '').split(/[^\p{L}\p{N} -]/u)[0]!.replace(/\s+/g, ' ').trim();
  return `${r.collection}\0${words}`;
}

function duplicateFinding(record: AdrRecord, paths: readonly string[], n: number): Finding {
  const others = paths.filter((p) => p !== record.path).map((p) => p.slice(dirname(p).length + 1));
  return { ...at(record, RULES.duplicateNumber.id, RULES.duplicateNumber.severity, `Number ${n} is also used by ${others.join(', ')}`, record.titleField?.lineSpan), data: { others } };
}

async function brokenLinks(index: AdrIndex, record: AdrRecord, fileExists: (p: string) => Promise<boolean>): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const link of record.links) {
    const file = safeDecode(link.href.replace(/#.*$/, ''));
    if (!file) continue;
    const target = resolve(dirname(record.path), file);
    if (index.get(target) || (await fileExists(target))) continue;
    out.push({ rule: RULES.brokenLink.id, severity: RULES.brokenLink.severity, message: `Link target not found: ${link.href}`, path: record.path, span: link.hrefSpan });
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function at(record: AdrRecord, rule: string, severity: Severity, message: string, span = record.titleField?.lineSpan): Finding {
  return { rule, severity, message, path: record.path, span: span ?? { start: 0, end: 0 } };
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.span.start - b.span.start || a.rule.localeCompare(b.rule)));
}

/** True when any finding is at or above `threshold`. */
export function hasFindingsAtOrAbove(findings: readonly Finding[], threshold: Severity): boolean {
  return findings.some((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[threshold]);
}
