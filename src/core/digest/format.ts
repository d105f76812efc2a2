/**
 * The digest as Markdown, GitHub Markdown (a job summary, an issue comment: links to commits, pull
 * requests and files on GitHub), HTML (a standalone page, every text escaped) and JSON (the `Digest`
 * as built: versioned, fields in a stable order). Markdown and HTML render one list of sections.
 */
import { visibleField } from '../terminal';
import { STATUS_LABEL } from '../presentation';
import type { ArchitecturalChange, Digest, DigestCommit, DigestRecord } from './types';

export type DigestFormat = 'markdown' | 'github' | 'html' | 'json';
export const DIGEST_FORMATS: readonly DigestFormat[] = ['markdown', 'github', 'html', 'json'];

export interface DigestLinks {
  /** A web page of a commit (GitHub: `…/commit/SHA`). */
  readonly commit?: (sha: string) => string;
  readonly pull?: (n: number) => string;
  /** A record's page; default its repository-relative path (relative link). */
  readonly file?: (path: string) => string;
}

/** Links to a GitHub repository (`https://github.com/o/r`) at `until`. */
export function githubLinks(repositoryUrl: string, until: string): DigestLinks {
  const base = repositoryUrl.replace(/\/+$/, '');
  return {
    commit: (sha) => `${base}/commit/${sha}`,
    pull: (n) => `${base}/pull/${n}`,
    file: (path) => `${base}/blob/${until}/${path.split('/').map(encodeURIComponent).join('/')}`,
  };
}

type Inline = string | { readonly code: string } | { readonly strong: string } | { readonly link: string; readonly href: string | undefined };
interface Section { readonly title: string; readonly items: readonly (readonly Inline[])[]; readonly empty: string }

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const short = (sha: string) => sha.slice(0, 7);
const day = (iso: string) => iso.slice(0, 10);

function sections(d: Digest, links: DigestLinks): Section[] {
  const rec = (r: DigestRecord): Inline => ({ link: `${r.label} ${r.title}`, href: links.file ? links.file(r.path) : r.path });
  const commit = (c: DigestCommit | null): Inline[] => {
    if (!c) return ['(commit not found)'];
    const out: Inline[] = [links.commit ? { link: short(c.commit), href: links.commit(c.commit) } : { code: short(c.commit) }, ` by ${c.author}, ${day(c.date)}`];
    if (c.pr !== null) out.push(' (', links.pull ? { link: `#${c.pr}`, href: links.pull(c.pr) } : `#${c.pr}`, ')');
    return out;
  };
  const change = (c: ArchitecturalChange, tail: Inline[]): Inline[] => [{ code: c.path }, `: ${c.message} — `, ...commit(c.commit), ...tail];
  const list = (names: readonly string[]) => (names.length ? names.join(', ') : 'nobody');
  return [
    {
      title: 'Decisions', empty: 'No decision changed status in the period.',
      items: d.decisions.map((e) => [{ strong: e.change[0]!.toUpperCase() + e.change.slice(1) }, ' ', rec(e.record), e.from ? ` (was ${STATUS_LABEL[e.from].toLowerCase()})` : ' (new)', ' — ', ...commit(e.commit)]),
    },
    {
      title: 'Awaiting a decision', empty: 'No proposal is waiting.',
      items: d.awaiting.map((p) => {
        const out: Inline[] = [rec(p.record), `: proposed ${p.since ?? 'on an unknown date'}${p.proposedBy ? ` by ${p.proposedBy}` : ''}${p.ageDays !== null ? ` (${plural(p.ageDays, 'day')} ago)` : ''}`];
        out.push(`; approved by ${list(p.approvedBy)}${p.needed > 0 ? ` (${p.approvedBy.length} of ${p.needed})` : ''}`);
        if (p.changesRequestedBy.length) out.push(`; changes requested by ${p.changesRequestedBy.join(', ')}`);
        if (p.awaited.length) out.push(`; awaiting ${p.awaited.join(', ')}`);
        return out;
      }),
    },
    {
      title: 'Reviews due', empty: 'No review is due.',
      items: d.reviews.map((r) => [{ strong: r.state === 'overdue' ? 'Overdue' : 'Due' }, ' ', rec(r.record), `: review by ${r.reviewBy} (${r.days < 0 ? `${plural(-r.days, 'day')} overdue` : r.days === 0 ? 'today' : `in ${plural(r.days, 'day')}`})`]),
    },
    { title: 'Merged without a record', empty: 'Every architectural change of the period is documented.', items: d.changes.undocumented.map((c) => change(c, [])) },
    {
      title: 'Documented', empty: 'None.',
      items: d.changes.documented.map((c) => change(c, c.documentedBy.length ? [' — documented by ', ...c.documentedBy.flatMap((r, i) => (i ? [', ', rec(r)] : [rec(r)]))] : [])),
    },
    { title: 'Acknowledged', empty: 'None.', items: d.changes.acknowledged.map((c) => change(c, [` — acknowledged${c.reason ? `: ${c.reason}` : ''}`])) },
    { title: 'Conflicts with decisions', empty: 'None.', items: d.conflicts.map((c) => [{ code: c.path }, `: ${c.message} (`, rec(c.record), ') — ', ...commit(c.commit)]) },
    {
      title: 'Governed code changed', empty: 'No governed file changed.',
      items: d.governed.map((g) => [rec(g.record), `: ${plural(g.files, 'file')} in ${plural(g.commits, 'commit')} by ${g.authors.join(', ')}`]),
    },
  ];
}

function heading(d: Digest): string {
  const p = d.period;
  return `Decision digest: ${p.from ?? 'start'} to ${p.to ?? 'now'}`;
}

function summary(d: Digest): string {
  const p = d.period;
  return `${plural(p.commits, 'commit')} since ${p.since} (${p.base ? short(p.base) : 'start'}..${short(p.until)}).`;
}

/** Markdown text: what is special is escaped, `@mentions` and `#123` references never fire. */
function md(text: string): string {
  return visibleField(text).replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/@/g, '@\u200b').replace(/#(?=\d)/g, '#\u200b');
}

function mdCode(text: string): string {
  const one = visibleField(text);
  const fence = '`'.repeat(Math.max(0, ...(one.match(/`+/g) ?? []).map((r) => r.length)) + 1);
  const pad = one.startsWith('`') || one.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${one}${pad}${fence}`;
}

function mdInline(parts: readonly Inline[]): string {
  return parts.map((p) => {
    if (typeof p === 'string') return md(p);
    if ('code' in p) return mdCode(p.code);
    if ('strong' in p) return `**${md(p.strong)}**`;
    return p.href ? `[${md(p.link)}](${encodeURI(p.href).replace(/[()]/g, (c) => encodeURIComponent(c))})` : md(p.link);
  }).join('');
}

/** Markdown: a heading, a summary line, one section per part (each always there). */
export function formatDigestMarkdown(d: Digest, links: DigestLinks = {}): string {
  const out = [`# ${md(heading(d))}`, '', md(summary(d)), ''];
  for (const s of sections(d, links)) {
    out.push(`## ${s.title}`, '');
    if (s.items.length === 0) out.push(md(s.empty));
    else for (const i of s.items) out.push(`- ${mdInline(i)}`);
    out.push('');
  }
  if (d.notes.length) out.push('## Notes', '', ...d.notes.map((n) => `- ${md(n)}`), '');
  return out.join('\n');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function h(text: string): string {
  return visibleField(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Only web links and relative paths become links (never `javascript:`). */
function safeHref(href: string): string | undefined {
  return /^(?:https?:\/\/|[^:/?#]+(?:[/?#]|$))/i.test(href) && !/^\s*(?:javascript|data|vbscript):/i.test(href) ? href : undefined;
}

function htmlInline(parts: readonly Inline[]): string {
  return parts.map((p) => {
    if (typeof p === 'string') return h(p);
    if ('code' in p) return `<code>${h(p.code)}</code>`;
    if ('strong' in p) return `<strong>${h(p.strong)}</strong>`;
    const href = p.href ? safeHref(p.href) : undefined;
    return href ? `<a href="${h(encodeURI(href))}">${h(p.link)}</a>` : h(p.link);
  }).join('');
}

/** A standalone HTML page (no script, no external resource); every text is escaped. */
export function formatDigestHtml(d: Digest, links: DigestLinks = {}): string {
  const out = [
    '<!doctype html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
    `<title>${h(heading(d))}</title>`,
    '<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}code{font-size:90%}h2{margin-top:1.5em}.empty{color:#666}</style>',
    '</head>', '<body>', `<h1>${h(heading(d))}</h1>`, `<p>${h(summary(d))}</p>`,
  ];
  for (const s of sections(d, links)) {
    out.push(`<h2>${h(s.title)}</h2>`);
    if (s.items.length === 0) out.push(`<p class="empty">${h(s.empty)}</p>`);
    else out.push('<ul>', ...s.items.map((i) => `<li>${htmlInline(i)}</li>`), '</ul>');
  }
  if (d.notes.length) out.push('<h2>Notes</h2>', '<ul>', ...d.notes.map((n) => `<li>${h(n)}</li>`), '</ul>');
  out.push('</body>', '</html>', '');
  return out.join('\n');
}

/** JSON: the digest as built (version first, fields in declared order), two-space indented. */
export function formatDigestJson(d: Digest): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}

export function formatDigest(d: Digest, format: DigestFormat, links: DigestLinks = {}): string {
  switch (format) {
    case 'json': return formatDigestJson(d);
    case 'html': return formatDigestHtml(d, links);
    case 'github': return formatDigestMarkdown(d, links);
    case 'markdown': return formatDigestMarkdown(d, { ...(links.file ? { file: links.file } : {}) });
  }
}

/** The parts of an entry and the sections every format renders (the editor's digest page renders them too: one wording). */
export type DigestInline = Inline;
export type DigestSection = Section;
export const digestSections: (d: Digest, links?: DigestLinks) => readonly DigestSection[] = (d, links = {}) => sections(d, links);
export const digestHeading = heading;
export const digestSummary = summary;
