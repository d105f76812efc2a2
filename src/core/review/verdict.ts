/**
 * Deciding what is documented. A flagged change is documented when a record added or modified in the
 * same change covers it (its `governs` globs match the path, or its text names the dependency, folder
 * or path), or when an in-force record already governs the path; acknowledged when `.adr-review.yml`
 * has an entry for it; otherwise undocumented. Every verdict carries its evidence.
 */
import type { AdrRecord } from '../model';
import { basename } from '../paths';
import type { AckEntry } from './config';
import { governsGlob, type GoverningLookup } from './governs';
import { globMatcher } from './rules/glob';
import { wordPattern } from './rules/dependencies';
import type { RuleHit, Verdict, VerdictEvidence } from './types';

/** A record added or modified in the change, with its new text. */
export interface ChangedRecord {
  readonly record: AdrRecord;
  readonly text: string;
}

/** What verdicts are decided from. */
export interface VerdictContext {
  readonly changedRecords: readonly ChangedRecord[];
  readonly governing: GoverningLookup;
  readonly acknowledged: readonly AckEntry[];
  /** The acknowledgement file, repository-relative, for evidence. */
  readonly ackFile: string;
}

/** The fingerprint an acknowledgement names: `rule:path:subject`. */
export function fingerprintOf(hit: Pick<RuleHit, 'rule' | 'path' | 'subject' | 'anchor'>): string {
  return `${hit.rule}:${hit.anchor ?? hit.path}:${hit.subject}`;
}

function recordRef(r: AdrRecord, inChange: boolean): NonNullable<VerdictEvidence['record']> {
  return { path: r.path, id: r.id, number: r.number, title: r.title, status: r.status, inChange };
}

/** Records that no longer document anything. */
const RETIRED = new Set(['rejected', 'deprecated', 'superseded']);

/** The terms a record may use to name the change: the hit's own, else the path and its file name. */
function termsOf(hit: RuleHit): string[] {
  const terms = hit.terms ? [...hit.terms] : [];
  if (!hit.subject || hit.rule.startsWith('custom/')) terms.push(hit.path, basename(hit.path));
  return [...new Set(terms.filter((t) => t.length >= 2))];
}

/** The first line of `text` naming one of `terms`, 1-based, with its text. */
function mention(text: string, terms: readonly string[]): { line: number; text: string } | undefined {
  const patterns = terms.map(wordPattern);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (patterns.some((p) => p.test(lines[i]!))) return { line: i + 1, text: lines[i]!.trim().slice(0, 160) };
  }
  return undefined;
}

/** The line of the record's front matter (or body) that holds `glob`. */
function globLine(text: string, glob: string): { line: number; text: string } | undefined {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(glob));
  return i >= 0 ? { line: i + 1, text: lines[i]!.trim() } : undefined;
}

/** The verdict on one hit, with the evidence for it. */
export function decide(hit: RuleHit, ctx: VerdictContext): { verdict: Verdict; evidence: VerdictEvidence[] } {
  const evidence: VerdictEvidence[] = [];
  const paths = [hit.path];
  for (const { record, text } of ctx.changedRecords) {
    if (RETIRED.has(record.status)) continue;
    const glob = paths.map((p) => governsGlob(record, p)).find((g) => g !== undefined);
    if (glob !== undefined) {
      const at = globLine(text, glob);
      evidence.push({ kind: 'governs', record: recordRef(record, true), glob, ...(at ? { line: at.line, text: at.text } : {}) });
      continue;
    }
    const named = mention(text, termsOf(hit));
    if (named) evidence.push({ kind: 'mentions', record: recordRef(record, true), line: named.line, text: named.text });
  }
  const changedPaths = new Set(ctx.changedRecords.map((c) => c.record.path));
  for (const m of ctx.governing.governing(hit.path)) {
    if (changedPaths.has(m.record.path)) continue;
    evidence.push({ kind: 'governs', record: recordRef(m.record, false), glob: m.glob });
  }
  if (evidence.length > 0) return { verdict: 'documented', evidence };
  const ack = ctx.acknowledged.find((a) => acknowledges(a, hit));
  if (ack) {
    return {
      verdict: 'acknowledged',
      evidence: [{ kind: 'acknowledged', line: ack.line, text: ctx.ackFile, reason: ack.reason, ...(ack.by !== undefined ? { by: ack.by } : {}) }],
    };
  }
  return { verdict: 'undocumented', evidence: [] };
}

/** True when the entry names the hit: same rule, path (exact or glob) and subject (when given). */
export function acknowledges(entry: AckEntry, hit: Pick<RuleHit, 'rule' | 'path' | 'subject' | 'anchor'>): boolean {
  if (entry.rule !== hit.rule && entry.rule !== '*') return false;
  if (entry.subject !== undefined && entry.subject !== hit.subject) return false;
  const path = hit.anchor ?? hit.path;
  return entry.path === path || globMatcher([entry.path])(path);
}
