/**
 * GitHub-flavoured Markdown summary, for a pull-request comment or `$GITHUB_STEP_SUMMARY`: the counts,
 * whether the gate passes, a table of findings with their verdicts and evidence, and the records a
 * reviewer would write.
 *
 * Everything the repository controls (file names, messages, dependency names, record titles,
 * reasons) is escaped so that a hostile repository cannot make the comment say more than the text:
 * no link, image, HTML tag, entity, emphasis, table cell or heading comes of it, and no `@mention`,
 * `#123` reference or bare URL is linked. Names go in code spans (where GitHub renders nothing and
 * links no mention); prose has every ASCII punctuation character backslash-escaped and a zero-width
 * space after `@`, after `#`, inside `://` and after `www`.
 */
import type { Severity } from '../../model';
import { visibleField } from '../../terminal';
import type { ReviewOutcome } from '../engine';
import type { ReviewFinding, VerdictEvidence } from '../types';
import { atOrAbove, countVerdicts, displayPath, recordLabel } from './common';

export interface MarkdownOptions {
  /** Paths are shown relative to this folder (the checkout root). */
  readonly cwd: string;
  /** The gate's threshold (`--fail-on`): the summary says whether the change passes. Default `warning`. */
  readonly failOn?: Severity | 'never';
  /** At most this many rows in the findings table (default 100); the rest are counted. */
  readonly maxRows?: number;
}

const ZWSP = '\u200b';
/** Verdict order in the table: what needs action first. */
const ORDER: Record<string, number> = { conflict: 0, undocumented: 1, acknowledged: 2, documented: 3 };
const ICON: Record<string, string> = { conflict: '⛔', undocumented: '❌', acknowledged: '☑️', documented: '✅' };
/** Verdicts that fail the gate at or above the threshold. */
const BLOCKING = new Set(['undocumented', 'conflict']);
const MAX_CELL = 300;
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * Repository text as inert Markdown prose, on one line: controls shown as `\uXXXX`, every ASCII
 * punctuation character backslash-escaped, and mentions, references and autolinks broken by a
 * zero-width space.
 */
export function escapeMarkdown(text: string): string {
  const one = visibleField(text);
  return one
    .replace(/[!-/:-@\[-`{-~]/g, (c) => (c === '@' ? `@${ZWSP}` : c === '#' ? `\\#${ZWSP}` : `\\${c}`))
    .replace(/\\:\\\/\\\//g, `\\:${ZWSP}\\/\\/`)
    .replace(/\b(www)(?=\\\.)/gi, `$1${ZWSP}`);
}

/**
 * Repository text as a code span (GitHub renders nothing inside one and links no mention there):
 * the fence is one backtick longer than any run inside; in a table cell `|` is escaped, as GFM
 * requires even inside code spans.
 */
export function codeSpan(text: string, inTable = true): string {
  const one = visibleField(text);
  if (one === '') return '';
  // A backslash before a pipe: table parsers differ on whether `\\|` still escapes the pipe; prose
  // escaping (every backslash and pipe escaped) means the same to all of them.
  if (inTable && /\\\|/.test(one)) return escapeMarkdown(text);
  const longest = Math.max(0, ...(one.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = one.startsWith('`') || one.endsWith('`') || (one.startsWith(' ') && one.endsWith(' ')) ? ' ' : '';
  const span = `${fence}${pad}${one}${pad}${fence}`;
  return inTable ? span.replace(/\|/g, '\\|') : span;
}

function cut(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

/** Why a finding has its verdict, as one Markdown line. */
function evidenceMarkdown(e: VerdictEvidence, rel: (abs: string) => string): string {
  if (e.kind === 'acknowledged') {
    return `acknowledged in ${codeSpan(`${e.text ?? ''}${e.line ? `:${e.line}` : ''}`)}${e.by ? ` by ${escapeMarkdown(e.by)}` : ''}: ${escapeMarkdown(cut(e.reason ?? ''))}`;
  }
  const r = e.record;
  if (!r) return escapeMarkdown(e.kind);
  const where = `${escapeMarkdown(recordLabel(r))} (${codeSpan(`${rel(r.path)}${e.line ? `:${e.line}` : ''}`)})`;
  if (e.kind === 'governs') return `governed by ${where}${r.inChange ? ', in this change' : ''}: ${codeSpan(e.glob ?? '')}`;
  if (e.kind === 'mentions') return `named by ${where}, in this change: ${escapeMarkdown(cut(e.text ?? ''))}`;
  // A kind this format does not know yet (e.g. a record a change conflicts with): the record and line.
  return `${escapeMarkdown(e.kind)}: ${where}${e.text ? ` ${escapeMarkdown(cut(e.text))}` : ''}`;
}

/** The summary as Markdown. */
export function formatMarkdown(outcome: ReviewOutcome, options: MarkdownOptions): string {
  if (outcome.kind === 'disabled') return `### ADR review\n\n${escapeMarkdown(outcome.reason)}\n`;
  const failOn = options.failOn ?? 'warning';
  const maxRows = options.maxRows ?? 100;
  const rel = (abs: string) => {
    const r = abs.startsWith(`${options.cwd}/`) ? abs.slice(options.cwd.length + 1) : abs;
    return r || '.';
  };
  const refused = outcome.notRepositories.filter((n) => n.refused);
  const blocking = failOn === 'never' ? [] : outcome.findings.filter((f) => BLOCKING.has(f.verdict) && atOrAbove(f.severity, failOn));
  // Every verdict the review knows, and any a finding has that this format has no case for.
  const counts: Record<string, number> = Object.fromEntries(Object.keys(countVerdicts([])).map((v) => [v, 0]));
  for (const f of outcome.findings) counts[f.verdict] = (counts[f.verdict] ?? 0) + 1;

  const out: string[] = [];
  const state = refused.length > 0
    ? '⚠️ not reviewed'
    : blocking.length > 0
      ? `❌ ${blocking.length} change${blocking.length === 1 ? '' : 's'} to document`
      : '✅ passes';
  out.push(`### ADR review: ${state}`, '');

  const files = outcome.repositories.reduce((n, r) => n + r.fileCount, 0);
  const verdictWords = Object.keys(counts)
    .sort((a, b) => (ORDER[a] ?? 9) - (ORDER[b] ?? 9))
    .map((v) => `${counts[v]} ${escapeMarkdown(v)}`)
    .join(', ');
  const against = outcome.repositories[0] ? ` against ${escapeMarkdown(outcome.repositories[0].base.description)}` : '';
  out.push(`${files} changed file${files === 1 ? '' : 's'}${against}: ${verdictWords}.` +
    (failOn === 'never' ? ' The gate is off (`--fail-on never`).' : ` The gate fails on undocumented changes at ${failOn} or above.`));

  const notes: string[] = [];
  for (const n of outcome.notRepositories) notes.push(`${n.refused ? '**Not reviewed**: ' : ''}${codeSpan(rel(n.folder), false)}: ${escapeMarkdown(n.message)}`);
  for (const repo of outcome.repositories) {
    for (const p of repo.problems) notes.push(`${codeSpan(rel(repo.repository.root), false)}: ${escapeMarkdown(p)}`);
    for (const u of repo.unread) notes.push(`${codeSpan(rel(`${repo.repository.root}/${u.path}`), false)}: ${escapeMarkdown(u.reason)}`);
  }
  if (notes.length > 0) out.push('', ...notes.map((n) => `- ${n}`));

  const sorted = [...outcome.findings].sort((a, b) => (ORDER[a.verdict] ?? 9) - (ORDER[b.verdict] ?? 9) || RANK[b.severity] - RANK[a.severity]);
  if (sorted.length > 0) {
    out.push('', '| Verdict | Severity | File | Change | Evidence |', '| --- | --- | --- | --- | --- |');
    for (const f of sorted.slice(0, maxRows)) out.push(row(f, options.cwd, rel));
    if (sorted.length > maxRows) out.push('', `… and ${sorted.length - maxRows} more (\`adrw check\` lists them all).`);
  }

  const toWrite = sorted.filter((f) => f.verdict === 'undocumented');
  if (toWrite.length > 0) {
    out.push('', '#### Suggested records', '', 'Write a decision record that governs the change, or acknowledge it as not architectural:', '');
    out.push('| Record to write | Governs | Finding | Or acknowledge |', '| --- | --- | --- | --- |');
    for (const f of toWrite.slice(0, maxRows)) {
      out.push(`| ${escapeMarkdown(cut(f.suggestion.title))} | ${f.suggestion.governs.map((g) => codeSpan(g)).join(', ')} | ${codeSpan(displayPath(f, options.cwd))} | ${codeSpan(`adrw ack ${shellQuote(f.fingerprint)} --reason "…"`)} |`);
    }
  }
  return `${out.join('\n')}\n`;
}

function row(f: ReviewFinding, cwd: string, rel: (abs: string) => string): string {
  const where = `${displayPath(f, cwd)}${f.line ? `:${f.line}` : ''}`;
  const evidence = f.evidence.length > 0
    ? f.evidence.map((e) => evidenceMarkdown(e, rel)).join('<br>')
    : f.verdict === 'undocumented' ? 'no record governs or names it' : '';
  const change = `${escapeMarkdown(cut(f.message))} ${codeSpan(f.rule)}`;
  return `| ${ICON[f.verdict] ?? ''} ${escapeMarkdown(f.verdict)} | ${escapeMarkdown(f.severity)} | ${codeSpan(where)} | ${change} | ${evidence} |`;
}

/** A fingerprint as one shell word (it holds repository paths). */
function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
