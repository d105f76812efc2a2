/** Lint of one record from its own text: what can be judged without the rest of the collection. */
import type { AdrRecord, Finding, Span } from '../model';
import { RULES } from './rules';

// MADR: `{short title, representative of solved problem}`; log4brains / MADR 2: `[option 1]`,
// `[describe the context … e.g., …]`; adr-tools' own template words left unreplaced.
// Linear on hostile lines: no `[`/`{` inside (a run of them fails at once at every start) and the
// whitespace test a lookahead, not a second star to backtrack into.
const CURLY = /\{[A-Za-z](?=[^{}\n]*\s)[^{}\n]*\}/g;
const SQUARE = /\[(?:[^[\]\n]*(?:\be\.g\.|\s\|\s|short title|describe|option \d|driver \d|argument [a-z]|list everyone|YYYY-MM-DD|ticket\/issue)[^[\]\n]*)\](?![([:])/gi;

/** Findings for one record, given the text it was parsed from. */
export function lintRecord(record: AdrRecord, text: string): Finding[] {
  const out: Finding[] = [];
  const at = (span: Span) => span;
  if (!record.titleField) {
    out.push(finding(RULES.missingTitle, record, 'No title: add a "# Title" heading', at({ start: 0, end: 0 })));
  }
  if (!record.statusField || record.statusField.value.trim() === '') {
    const span = record.statusField?.lineSpan ?? record.titleField?.lineSpan ?? { start: 0, end: 0 };
    out.push(finding(RULES.missingStatus, record, 'No status: the record does not say whether it is proposed, accepted, …', span));
  } else if (record.status === 'unknown') {
    out.push(finding(RULES.unknownStatus, record, `Status "${record.statusText}" is not a known lifecycle status`, record.statusField.span));
  }
  out.push(...contradictions(record, text));
  for (const p of record.problems) {
    if (p.code === 'no-title' || p.code === 'unknown-dialect') continue;
    out.push({ rule: RULES.parseProblem.id, severity: p.severity === 'error' ? 'error' : 'warning', message: p.message, path: record.path, span: p.span });
  }
  for (const span of placeholders(record, text)) {
    out.push(finding(RULES.placeholder, record, `Unfilled template placeholder: ${text.slice(span.start, Math.min(span.end, span.start + 60))}`, span));
  }
  return out;
}

/**
 * Statements that contradict the one in force: "Accepted (lazy consensus)" above a later
 * "Superseded by [16. …](…)", or front matter `status: accepted` beside a Status section saying
 * "Superseded by …". Scoped supersessions ("superseded in part by") are not statements, so they
 * never count; two statements that agree never count.
 */
function contradictions(record: AdrRecord, text: string): Finding[] {
  const statements = record.statusStatements ?? [];
  const superseded = statements.find((s) => s.status === 'superseded');
  if (!superseded) return [];
  const out: Finding[] = [];
  for (const s of statements) {
    if (s.status === 'superseded' || s.status === 'unknown') continue;
    const line = lineNumber(text, superseded.span.start);
    out.push({
      ...finding(RULES.statusContradiction, record, `Status "${s.value}" contradicts "${clip(superseded.value)}" (line ${line}): the record reads as superseded; remove or update "${s.value}"`, s.span),
      data: { stale: s.span, inForce: superseded.span },
    });
  }
  return out;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function lineNumber(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Placeholder spans outside code blocks and HTML comments. */
function placeholders(record: AdrRecord, text: string): Span[] {
  const masked = maskCode(text);
  const out: Span[] = [];
  const fmEnd = record.frontMatter?.span.end ?? 0;
  for (const re of [CURLY, SQUARE]) {
    re.lastIndex = 0;
    for (let m = re.exec(masked); m; m = re.exec(masked)) {
      const start = m.index;
      // Front matter values of MADR's template (`status: "{proposed | …"`) count too.
      if (start < fmEnd && !/^\s*[\w-]+\s*:/.test(lineOf(text, start))) continue;
      out.push({ start, end: start + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function lineOf(text: string, offset: number): string {
  const s = text.lastIndexOf('\n', offset - 1) + 1;
  const e = text.indexOf('\n', offset);
  return text.slice(s, e === -1 ? text.length : e);
}

/** Replaces fenced code, inline code and HTML comments with spaces (offsets unchanged). */
function maskCode(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank);
}

function finding(rule: { id: string; severity: Finding['severity'] }, record: AdrRecord, message: string, span: Span): Finding {
  return { rule: rule.id, severity: rule.severity, message, path: record.path, span };
}
