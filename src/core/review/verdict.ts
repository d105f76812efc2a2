/**
 * Deciding what is documented. A flagged change is documented when a record added or modified in the
 * same change covers it (its `governs` globs match the path, or its text names the dependency, folder
 * or path), or when an in-force record already governs the path; acknowledged when `.adr-review.yml`
 * has an entry for it; otherwise undocumented. Every verdict carries its evidence.
 *
 * A dependency is named the way people write it (see `names.ts`): the artifact, the group or the
 * project, token by token ("Apache Commons IO" for `commons-io:commons-io`, "Jackson" for every
 * `com.fasterxml.jackson.*` module). A modified record counts only by the lines the change added to
 * it, so a record that already mentioned a library does not document every later change to it; a
 * record the change retires (deprecated, superseded) documents the removal of what it names.
 */
import type { AdrRecord } from '../model';
import { basename } from '../paths';
import type { AckEntry } from './config';
import { governsGlob, type GoverningLookup } from './governs';
import { globMatcher } from './rules/glob';
import { wordPattern } from './rules/dependencies';
import { dependencyForms, distinctive, findForm, GENERIC, tokenRuns, tokens, type NameForm } from './names';
import type { RuleHit, Verdict, VerdictEvidence } from './types';

/** A record added or modified in the change, with its new text. */
export interface ChangedRecord {
  readonly record: AdrRecord;
  readonly text: string;
  /** For a modified record: the 1-based lines of `text` the change added. Undefined: the whole record is new. */
  readonly addedLines?: ReadonlySet<number>;
}

/** The 1-based lines of `after` that are not in `before` (each line of `before` pairs off one equal line). */
export function addedLineNumbers(before: string, after: string): Set<number> {
  const left = new Map<string, number>();
  for (const l of before.split('\n')) left.set(l.trimEnd(), (left.get(l.trimEnd()) ?? 0) + 1);
  const out = new Set<number>();
  after.split('\n').forEach((l, i) => {
    const k = l.trimEnd();
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else if (k.trim() !== '') out.add(i + 1);
  });
  return out;
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

/**
 * The terms a record may use to name the change: the hit's own, else the path and its file name. A
 * term that is only a common word ("core" for `github.com/x/core`) is left out unless it is the whole name.
 */
function termsOf(hit: RuleHit): string[] {
  const terms = hit.terms ? [...hit.terms] : [];
  if (!hit.subject || hit.rule.startsWith('custom/')) terms.push(hit.path, basename(hit.path));
  return [...new Set(terms.filter((t) => t.length >= 2 && (t === hit.subject || distinctive(tokens(t)) || (tokens(t).join('').length < 3 && !tokens(t).every((w) => GENERIC.has(w))))))];
}

/** How the hit's subject may be named, token by token (dependencies only: folders and paths are named as written). */
function formsOf(hit: RuleHit): NameForm[] {
  return hit.rule.startsWith('dependency-') && hit.subject ? dependencyForms(hit.subject) : [];
}

const KIND_WORDS: Record<NameForm['kind'], string> = { name: 'the dependency', artifact: 'the artifact', group: 'the group', project: 'the project' };

/** The first line of `text` naming one of `terms` (or spelling one of `forms`), 1-based, with its text. */
/**
 * A record's lines and each line's token runs, kept per text: a review of a long range checks every
 * finding against every record it adds, and would split and tokenise each record once per finding.
 */
interface TextLines {
  readonly lines: readonly string[];
  readonly runs: (string[][] | undefined)[];
  /** The text lower-cased, and lower-cased with everything but letters and digits removed (a quick no). */
  readonly lower: string;
  readonly squashed: string;
}
const LINES = new Map<string, TextLines>();
const PATTERNS = new Map<string, RegExp>();

function linesOf(text: string): TextLines {
  let e = LINES.get(text);
  if (!e) {
    if (LINES.size >= 2048) LINES.clear();
    const lower = text.toLowerCase();
    LINES.set(text, (e = { lines: text.split('\n'), runs: [], lower, squashed: lower.replace(/[^\p{L}\p{N}]+/gu, '') }));
  }
  return e;
}

function patternOf(term: string): RegExp {
  let p = PATTERNS.get(term);
  if (!p) {
    if (PATTERNS.size >= 4096) PATTERNS.clear();
    PATTERNS.set(term, (p = wordPattern(term)));
  }
  return p;
}

function mention(text: string, terms: readonly string[], forms: readonly NameForm[], only?: ReadonlySet<number>): { line: number; text: string; reason?: string } | undefined {
  const cached = linesOf(text);
  // Neither a term nor a name form anywhere in the text: no line can name it.
  if (!terms.some((t) => cached.lower.includes(t.toLowerCase())) && !forms.some((f) => cached.squashed.includes(f.joined))) return undefined;
  const patterns = terms.map(patternOf);
  const lines = cached.lines;
  let byForm: { line: number; text: string; reason?: string } | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (only && !only.has(i + 1)) continue;
    const line = lines[i]!;
    if (patterns.some((p) => p.test(line))) return { line: i + 1, text: line.trim().slice(0, 160) };
    if (!byForm && forms.length > 0) {
      const f = findForm((cached.runs[i] ??= tokenRuns(line)), forms);
      if (f) byForm = { line: i + 1, text: line.trim().slice(0, 160), reason: `names ${KIND_WORDS[f.kind]} (${f.label})` };
    }
  }
  return byForm;
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
  const terms = termsOf(hit);
  const forms = formsOf(hit);
  for (const { record, text, addedLines } of ctx.changedRecords) {
    if (RETIRED.has(record.status)) {
      // Retiring the record that chose a library documents dropping it.
      if (hit.rule !== 'dependency-removed') continue;
      const named = mention(text, terms, forms);
      if (named) evidence.push({ kind: 'mentions', record: recordRef(record, true), line: named.line, text: named.text, reason: `retires it${named.reason ? `; ${named.reason}` : ''}` });
      continue;
    }
    const glob = paths.map((p) => governsGlob(record, p)).find((g) => g !== undefined);
    if (glob !== undefined) {
      const at = globLine(text, glob);
      evidence.push({ kind: 'governs', record: recordRef(record, true), glob, ...(at ? { line: at.line, text: at.text } : {}) });
      continue;
    }
    const named = mention(text, terms, forms, addedLines);
    if (named) evidence.push({ kind: 'mentions', record: recordRef(record, true), line: named.line, text: named.text, ...(named.reason ? { reason: named.reason } : {}) });
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
