/**
 * Conflicts with decisions already taken. Records say what was *not* chosen; a change that adds it
 * (a dependency, an infrastructure kind, a path) is reported as a conflict, with the record's line.
 * Each source, as read here (and in docs/architecture-review.md, "Conflicts with decisions already taken"):
 *
 * - `considered`: an accepted record's "Considered Options" entries that are not its "Chosen option".
 * - `will-not`: in an accepted record's decision (not its context or options), "we will not use X",
 *   "we won't adopt X", "we decided against X", "we rejected X", "… Y instead of / rather than X".
 * - `rejected-record`: a record whose status is rejected: what its title (or chosen option) proposed.
 * - `superseded`: what a superseded record chose, when the accepted record that supersedes it chose
 *   otherwise (the dependency is named by the old choice and not by the new one).
 * - `front-matter`: `rejects:` / `forbids:` lists of an accepted record: dependency names (as people
 *   write them, see `names.ts`), globs over dependency names (`mongo*`), globs over paths (`src/legacy/**`)
 *   and infrastructure kinds (`kubernetes`).
 *
 * A dependency conflicts with a rejected option only when the option names it and the chosen option
 * does not ("MongoDB with Prisma" rejected, "PostgreSQL with Prisma" chosen: Prisma is no conflict).
 */
import type { AdrRecord, Section } from '../model';
import type { FileSystem } from '../ports';
import { stringList } from '../parse/frontMatter';
import { inForce } from './governs';
import { dependencyForms, GENERIC, names, phraseForms, tokens, type NameForm } from './names';
import { globMatcher } from './rules/glob';
import { wordPattern } from './rules/dependencies';
import type { ChangedFile, ConflictSource, ReviewConflict, RuleHit, RuleInfo } from './types';
import { fingerprintOf } from './verdict';

/** The id conflicts are configured under: `rules: { decision-conflict: warning }` (or `off`). */
export const CONFLICT_RULE_ID = 'decision-conflict';

export const CONFLICT_RULE: RuleInfo = {
  id: CONFLICT_RULE_ID, family: 'governed', severity: 'error', title: 'Conflicts with a decision already taken',
  rationale: 'An in-force record considered this and rejected it, or replaced it: supersede the record, or do not add it.',
};

/** What one record says was not chosen. */
export interface Claim {
  readonly source: ConflictSource;
  /** The record that says it (for `superseded`: the superseded record). */
  readonly record: AdrRecord;
  /** For `superseded`: the in-force record that replaced it. */
  readonly by?: AdrRecord;
  /** What was rejected, as written. */
  readonly rejected: string;
  /** What was chosen instead, as written, when known. */
  readonly chosen?: string;
  /** For front matter: the key (`rejects`, `forbids`). */
  readonly key?: string;
  readonly line: number;
  readonly text: string;
}

/** A record with its text (BOM removed), and how to find another record by path. */
export interface ClaimSource {
  readonly record: AdrRecord;
  readonly text: string;
}

const OPTION_HEADINGS = /^(considered options|options considered|options|alternatives( considered)?)$/i;
/** Sections whose sentences state the decision (not the context, nor the options weighed). */
const NOT_DECISION = /context|problem|background|motivation|drivers|considered|options|pros|cons|alternatives|links|references|more information/i;

function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Markdown decoration off an option or a phrase: links, emphasis, code, a trailing description. */
export function plainOption(raw: string): string {
  let s = raw.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`~]+/g, '').trim();
  s = s.replace(/^option\s*\d+\s*[:.)-]\s*/i, '');
  s = s.split(/\s+[-–—]\s+|:\s|\s\(/)[0]!.trim();
  return s.replace(/^["“']|["”'.,;]$/g, '').trim();
}

/** `Chosen option: "PostgreSQL", because …` → `PostgreSQL`, with its line. */
function chosenOption(text: string): { value: string; line: number; text: string } | undefined {
  const m = /^[ \t>*-]*chosen option:?\s*(.+)$/im.exec(text);
  if (!m) return undefined;
  let v = m[1]!.trim();
  const quoted = /^["“`*]+([^"”`*]+)["”`*]+/.exec(v);
  v = quoted ? quoted[1]! : v.split(/,?\s+because\b|[,.;]\s/)[0]!;
  const value = plainOption(v);
  return value ? { value, line: lineAt(text, m.index), text: m[0].trim() } : undefined;
}

function sectionText(text: string, s: Section): string {
  return text.slice(s.bodySpan.start, s.bodySpan.end);
}

/** The list entries of a section (top-level bullets or numbered items), with their lines. */
function listEntries(text: string, s: Section): { value: string; line: number; text: string }[] {
  const out: { value: string; line: number; text: string }[] = [];
  const body = sectionText(text, s);
  const first = lineAt(text, s.bodySpan.start);
  body.split('\n').forEach((l, i) => {
    const m = /^ {0,1}(?:[-*+]|\d+[.)])\s+(.+)$/.exec(l);
    if (!m) return;
    const value = plainOption(m[1]!);
    if (value) out.push({ value, line: first + i, text: l.trim() });
  });
  return out;
}

/** A title as a choice: "Use MySQL for storage" → "MySQL for storage". */
export function subjectOfTitle(title: string): string {
  const replace = /^replace\s+.+?\s+with\s+(.+)$/i.exec(title);
  if (replace) return replace[1]!;
  return title.replace(/^(?:use|using|adopt|introduce|add|choose|select|switch to|migrate to|move to|go with|build on|run on|deploy (?:on|to)|prefer)\s+/i, '');
}

const NEGATED =
  /\b(?:will not|won['’]t|shall not|must not|should not|do not|don['’]t|does not|are not going to|aren['’]t going to|will no longer|no longer|decided not to|choose not to|chose not to|never)\s+(?:be\s+)?(?:use|using|adopt|adopting|introduce|add|depend on|rely on|build on|run on|deploy (?:on|to)|choose|pick|go with|migrate to|switch to|allow|accept|include|bring in|take on|need)\s+(.+)/i;
const AGAINST = /\b(?:decided against|(?:we |have |has |was |were )rejected|ruled out|opted against)\s+(?:using\s+|adopting\s+)?(.+)/i;
const INSTEAD = /^(.*?)\b(?:instead of|rather than|in place of)\s+(.+)/i;
const FAVOUR = /\bin fav(?:ou|o)r of\s+(.+)/i;

/**
 * Where the phrase a verb governs ends: a clause that explains, contrasts or goes on; at most
 * `words` words (what follows a negation is its object, not the rest of the paragraph).
 */
function clause(s: string, words = 8): string {
  const c = s.split(/[.;:!?()]|,\s|\s(?:because|since|as|but|so|unless|until|when|while|which|that|for now|and (?:will|we|use|instead|rather))\b|\s[-–—]\s/i)[0]!.trim();
  return c.split(/\s+/).slice(0, words).join(' ');
}

/** A choice worth naming in a message: a short phrase, not the tail of a list item or a sentence. */
function shortChoice(s: string | undefined): string | undefined {
  const c = s?.replace(/^[-*+>\s]+/, '').replace(/[*_`]+/g, '').trim();
  return c && c.split(/\s+/).length <= 5 && /[\p{L}\p{N}]/u.test(c) ? c : undefined;
}

/** Nygard-style sentences in the decision that rule something out. */
function negations(text: string, record: AdrRecord): { rejected: string; chosen?: string; line: number; text: string }[] {
  const lines = text.split('\n');
  const skip = new Set<number>();
  for (const s of record.sections) {
    if (!NOT_DECISION.test(s.heading)) continue;
    const a = lineAt(text, s.headingSpan.start);
    const b = lineAt(text, s.bodySpan.end);
    for (let i = a; i <= b; i++) skip.add(i);
  }
  const fmEnd = record.frontMatter ? lineAt(text, record.frontMatter.span.end) : 0;
  const out: { rejected: string; chosen?: string; line: number; text: string }[] = [];
  let fence = false;
  lines.forEach((l, i) => {
    const n = i + 1;
    if (/^\s*(```|~~~)/.test(l)) fence = !fence;
    if (fence || n <= fmEnd || skip.has(n) || /^\s*#/.test(l)) return;
    for (const sentence of l.split(/(?<=[.!?])\s+/)) {
      const favour = FAVOUR.exec(sentence);
      const chosen = shortChoice(favour ? clause(favour[1]!) : undefined);
      const neg = NEGATED.exec(sentence) ?? AGAINST.exec(sentence);
      if (neg) {
        const rejected = clause(neg[1]!.replace(FAVOUR, ''));
        if (rejected) out.push({ rejected, ...(chosen ? { chosen } : {}), line: n, text: l.trim() });
        continue;
      }
      const instead = INSTEAD.exec(sentence);
      if (instead) {
        const rejected = clause(instead[2]!);
        const before = instead[1]!.replace(/^.*\b(?:use|using|adopt|choose|chose|go with|pick|keep|stay with|rely on|build on|run on|deploy (?:on|to)|migrate to|switch to|move to|by|with|on)\s+/i, '').trim();
        const c = shortChoice(clause(before.split(/,\s/).pop() ?? ''));
        if (rejected) out.push({ rejected, ...(c ? { chosen: c } : {}), line: n, text: l.trim() });
      }
    }
  });
  return out;
}

/** The record's choice: its chosen option, else the subject of its title. */
function choiceOf(source: ClaimSource): { value: string; line: number; text: string } {
  const chosen = chosenOption(source.text);
  if (chosen) return chosen;
  const tf = source.record.titleField;
  return { value: subjectOfTitle(source.record.title), line: tf ? lineAt(source.text, tf.span.start) : 1, text: tf ? source.text.slice(tf.lineSpan.start, tf.lineSpan.end).trim() : source.record.title };
}

/** Where a front-matter list item is written. */
function frontMatterLine(source: ClaimSource, key: string, item: string): { line: number; text: string } {
  const fm = source.record.frontMatter!;
  const entry = fm.entries.find((e) => e.key === key);
  const lines = source.text.split('\n');
  const from = entry ? lineAt(source.text, entry.span.start) : 1;
  const to = entry ? lineAt(source.text, entry.span.end) : lines.length;
  for (let n = from; n <= to; n++) if (lines[n - 1]!.includes(item)) return { line: n, text: lines[n - 1]!.trim() };
  return { line: from, text: (lines[from - 1] ?? '').trim() };
}

/**
 * What the record says was not chosen. `superseding`: for a superseded record, the in-force records
 * that supersede it (with their text).
 */
export function claimsOf(source: ClaimSource, superseding: readonly ClaimSource[] = []): Claim[] {
  const { record, text } = source;
  const out: Claim[] = [];
  if (inForce(record.status)) {
    const data = record.frontMatter?.data;
    for (const key of ['rejects', 'forbids']) {
      if (!data || !(key in data)) continue;
      for (const item of stringList(data[key])) {
        const at = frontMatterLine(source, key, item);
        out.push({ source: 'front-matter', record, rejected: item, key, line: at.line, text: at.text });
      }
    }
    const options = record.sections.find((s) => OPTION_HEADINGS.test(s.heading.trim()));
    const chosen = chosenOption(text);
    if (options && chosen) {
      for (const o of listEntries(text, options)) {
        if (sameOption(o.value, chosen.value)) continue;
        out.push({ source: 'considered', record, rejected: o.value, chosen: chosen.value, line: o.line, text: o.text });
      }
    }
    for (const n of negations(text, record)) out.push({ source: 'will-not', record, rejected: n.rejected, ...(n.chosen ? { chosen: n.chosen } : {}), line: n.line, text: n.text });
  } else if (record.status === 'rejected') {
    const c = choiceOf(source);
    out.push({ source: 'rejected-record', record, rejected: c.value, line: c.line, text: c.text });
  } else if (record.status === 'superseded') {
    const old = choiceOf(source);
    for (const s of superseding) {
      if (!inForce(s.record.status)) continue;
      out.push({ source: 'superseded', record, by: s.record, rejected: old.value, chosen: choiceOf(s).value, line: old.line, text: old.text });
    }
  }
  return out;
}

function sameOption(a: string, b: string): boolean {
  const n = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return n(a) === n(b) || (n(b).length >= 4 && n(a).startsWith(n(b))) || (n(a).length >= 4 && n(b).startsWith(n(a)));
}

const GLOB = /[*?[\]{}!]/;

/** What a change adds that a claim may reject. */
export type Addition =
  | { readonly what: 'dependency'; readonly name: string; readonly hit: RuleHit }
  | { readonly what: 'infrastructure'; readonly kind: string; readonly forms: readonly NameForm[]; readonly path: string; readonly hit: RuleHit }
  | { readonly what: 'path'; readonly path: string; readonly line?: number };

/** True when `text` names the dependency: as written (`pg`), or by one of its forms. */
function namesDependency(text: string, name: string, forms: readonly NameForm[]): boolean {
  // A name that is only a common word (`core`) never matches as written: only through its forms.
  if (!tokens(name).every((t) => GENERIC.has(t)) && wordPattern(name).test(text)) return true;
  const colon = name.lastIndexOf(':');
  if (colon > 0 && name.slice(colon + 1).length >= 2 && wordPattern(name.slice(colon + 1)).test(text) && names(name.slice(colon + 1), forms)) return true;
  return names(text, forms) !== undefined;
}

/** Whether the claim rejects the addition; the thing named, as the record wrote it, when it does. */
export function rejects(claim: Claim, add: Addition): boolean {
  if (claim.source === 'front-matter') {
    const item = claim.rejected;
    if (add.what === 'path') return (item.includes('/') || item.startsWith('.')) && globMatcher([item.replace(/^\//, '')])(add.path);
    if (add.what === 'dependency') {
      if (GLOB.test(item)) return globMatcher([item.toLowerCase()])(add.name.toLowerCase());
      if (item.toLowerCase() === add.name.toLowerCase()) return true;
      return namesDependency(item, add.name, dependencyForms(add.name));
    }
    return !GLOB.test(item) && !item.includes('/') && names(item, add.forms) !== undefined;
  }
  if (add.what === 'path') return false;
  const named = (text: string) => add.what === 'dependency' ? namesDependency(text, add.name, dependencyForms(add.name)) : names(text, add.forms) !== undefined;
  if (!named(claim.rejected)) return false;
  // What the record chose instead may name it too ("… with Prisma" on both sides): then it is no conflict.
  return claim.chosen === undefined || !named(claim.chosen);
}

/** An infrastructure addition's kind, named as people name it, from the hit of a new file. */
export function infrastructureKind(hit: RuleHit): { kind: string; forms: NameForm[] } | undefined {
  const p = hit.path.toLowerCase();
  const base = p.slice(p.lastIndexOf('/') + 1);
  const kinds = (label: string, ...words: string[]) => ({ kind: label, forms: [label, ...words].flatMap((w) => phraseForms(w)) });
  switch (hit.rule) {
    case 'infra-container': return kinds('Docker', 'containers', 'container', 'container image', 'container images');
    case 'infra-orchestration':
      if (/compose/.test(base)) return kinds('Docker Compose', 'docker-compose');
      if (/chart\.ya?ml$|helmfile|(^|\/)(charts|helm)\//.test(p)) return kinds('Helm', 'helm chart', 'helm charts');
      if (/kustomization/.test(base)) return kinds('Kubernetes', 'k8s', 'kustomize');
      if (/skaffold/.test(base)) return kinds('Kubernetes', 'k8s', 'skaffold');
      return kinds('Kubernetes', 'k8s');
    case 'infra-iac':
      if (/\.tofu(\.json)?$/.test(base)) return kinds('OpenTofu', 'terraform');
      if (/\.(tf|tfvars)(\.json)?$|terragrunt\.hcl$/.test(base)) return kinds('Terraform', 'terragrunt', 'opentofu');
      if (/^pulumi\./.test(base)) return kinds('Pulumi');
      if (base === 'cdk.json') return kinds('AWS CDK', 'cdk');
      if (/\.bicep$/.test(base)) return kinds('Bicep', 'azure bicep');
      return kinds('CloudFormation', 'aws cloudformation');
    case 'infra-serverless':
      if (/^serverless\./.test(base)) return kinds('Serverless Framework', 'serverless');
      if (base === 'samconfig.toml') return kinds('AWS SAM', 'serverless');
      if (base === 'netlify.toml') return kinds('Netlify');
      if (base === 'vercel.json') return kinds('Vercel');
      if (base === 'fly.toml') return kinds('Fly.io', 'fly io');
      if (/^wrangler\./.test(base)) return kinds('Cloudflare Workers', 'wrangler');
      if (base === 'procfile') return kinds('Heroku');
      if (base === 'render.yaml') return kinds('Render');
      if (base === 'firebase.json') return kinds('Firebase');
      return kinds('AWS SAM', 'serverless');
    default: return undefined;
  }
}

function label(r: Pick<AdrRecord, 'number' | 'id'>): string {
  return r.number !== null ? `ADR-${String(r.number).padStart(4, '0')}` : r.id;
}

function recordRef(r: AdrRecord): ReviewConflict['record'] {
  return { path: r.path, id: r.id, number: r.number, title: r.title, status: r.status };
}

/** The message: "Adds `mongodb`, which ADR-0004 considered and rejected in favour of PostgreSQL". */
export function conflictMessage(claim: Claim, subject: string): string {
  const who = label(claim.record);
  const favour = claim.chosen ? ` in favour of ${claim.chosen}` : '';
  switch (claim.source) {
    case 'considered': return `Adds ${subject}, which ${who} considered and rejected${favour}`;
    case 'will-not': return `Adds ${subject}, which ${who} decided against${favour} ("${claim.text.slice(0, 120)}")`;
    case 'rejected-record': return `Adds ${subject}, which ${who} (${claim.record.title}) proposed and was rejected`;
    case 'superseded': return `Adds ${subject}, which ${who} chose before ${label(claim.by!)} replaced it${claim.chosen ? ` with ${claim.chosen}` : ''}`;
    case 'front-matter': return `Adds ${subject}, which ${who} ${claim.key === 'forbids' ? 'forbids' : 'rejects'} (${claim.rejected})`;
  }
}

/** The conflicts of the additions with the claims; one per addition and record (the first claim that applies). */
export function findConflicts(additions: readonly Addition[], claims: readonly Claim[], repository: string, severity: ReviewConflict['severity']): ReviewConflict[] {
  const out: ReviewConflict[] = [];
  for (const add of additions) {
    const seen = new Set<string>();
    for (const claim of claims) {
      const key = `${claim.record.path}\0${claim.by?.path ?? ''}`;
      if (seen.has(key) || !rejects(claim, add)) continue;
      seen.add(key);
      const subject = add.what === 'dependency' ? add.name : add.what === 'infrastructure' ? add.kind : add.path;
      const shown = add.what === 'dependency' ? `\`${add.name}\`` : add.what === 'infrastructure' ? `${add.kind} (${add.path})` : `\`${add.path}\``;
      const hit = add.what === 'path' ? undefined : add.hit;
      const path = add.what === 'dependency' ? add.hit.path : add.path;
      const line = hit ? (hit.oldSide ? undefined : hit.line) : add.what === 'path' ? add.line : undefined;
      out.push({
        fingerprint: `${CONFLICT_RULE_ID}:${path}:${subject}:${claim.record.id}`, rule: CONFLICT_RULE_ID, severity,
        message: conflictMessage(claim, shown), repository, path, ...(line !== undefined ? { line } : {}), subject, what: add.what,
        ...(hit ? { finding: fingerprintOf(hit) } : {}), source: claim.source, rejected: claim.rejected,
        ...(claim.chosen !== undefined ? { chosen: claim.chosen } : {}), record: recordRef(claim.record),
        ...(claim.by ? { by: recordRef(claim.by) } : {}), recordLine: claim.line, recordText: claim.text,
      });
    }
  }
  return out;
}

/** What `reviewConflicts` reads. */
export interface ConflictInput {
  readonly repository: string;
  readonly hits: readonly RuleHit[];
  /** Files of the change: a new one (added, untracked, copied, renamed) is a path addition. */
  readonly files: readonly Pick<ChangedFile, 'path' | 'status'>[];
  /** Paths no rule looks at (`ignore:`), and paths to leave out (records, the settings file). */
  readonly skip: (path: string) => boolean;
  readonly records: readonly AdrRecord[];
  /** The records that supersede a record (paths), from the index's relations. */
  readonly supersededBy: (path: string) => readonly string[];
  readonly record: (path: string) => AdrRecord | undefined;
  readonly fs: FileSystem;
  readonly severity: ReviewConflict['severity'];
}

const NEW: ReadonlySet<string> = new Set(['added', 'untracked', 'copied', 'renamed']);
const texts = new WeakMap<AdrRecord, string>();

async function textOf(fs: FileSystem, record: AdrRecord): Promise<string | undefined> {
  const known = texts.get(record);
  if (known !== undefined) return known;
  try {
    const text = new TextDecoder().decode(await fs.readFile(record.path, { maxBytes: 1024 * 1024 })).replace(/^\uFEFF/, '');
    // The record changed since it was indexed: its offsets would not fit this text.
    if (text.length !== record.length) return undefined;
    texts.set(record, text);
    return text;
  } catch {
    return undefined;
  }
}

/** The conflicts of a change: its additions against what the repository's records rejected or replaced. */
export async function reviewConflicts(input: ConflictInput): Promise<ReviewConflict[]> {
  const additions: Addition[] = [];
  for (const hit of input.hits) {
    if (hit.rule === 'dependency-added' && hit.subject) additions.push({ what: 'dependency', name: hit.subject, hit });
  }
  const status = new Map(input.files.map((f) => [f.path, f.status]));
  for (const hit of input.hits) {
    if (!hit.rule.startsWith('infra-') || !NEW.has(status.get(hit.path) ?? '')) continue;
    const k = infrastructureKind(hit);
    if (k && !additions.some((a) => a.what === 'infrastructure' && a.kind === k.kind && a.path === hit.path)) additions.push({ what: 'infrastructure', ...k, path: hit.path, hit });
  }
  const relevant = input.records.filter((r) => inForce(r.status) || r.status === 'rejected' || r.status === 'superseded');
  const pathRules = relevant.some((r) => inForce(r.status) && ['rejects', 'forbids'].some((k) => stringList(r.frontMatter?.data?.[k]).some((i) => i.includes('/') || i.startsWith('.'))));
  if (pathRules) {
    for (const f of input.files) if (NEW.has(f.status) && !input.skip(f.path)) additions.push({ what: 'path', path: f.path });
  }
  if (additions.length === 0) return [];
  const claims: Claim[] = [];
  for (const record of relevant) {
    const text = await textOf(input.fs, record);
    if (text === undefined) continue;
    const superseding: ClaimSource[] = [];
    if (record.status === 'superseded') {
      for (const p of input.supersededBy(record.path)) {
        const by = input.record(p);
        const t = by ? await textOf(input.fs, by) : undefined;
        if (by && t !== undefined) superseding.push({ record: by, text: t });
      }
    }
    claims.push(...claimsOf({ record, text }, superseding));
  }
  return findConflicts(additions, claims, input.repository, input.severity);
}
