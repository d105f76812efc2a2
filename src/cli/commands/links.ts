/**
 * `explain PATH` (the decisions governing a file, by glob and by anchor) and `refs REF` (every
 * anchor naming a record and every file its globs match), plus the shared set-up `lint --code`
 * uses. All work from the repository root (the nearest folder with `.git` above the working folder,
 * else the working folder): globs are relative to it and the scan covers it.
 */
import type { AdrRecord } from '../../core/model';
import { AdrIndex } from '../../core/index';
import { UserError } from '../../core/errors';
import { join, normalize, resolve } from '../../core/paths';
import {
  AnchorMatcher, CodeIndex, explainFile, findRepoRoot, refs, syntaxForLanguageId,
  type AnchorUse, type CodeIndexOptions, type LocatedAnchor, type Resolution,
} from '../../core/links';
import { flag, parse, str, strs, UsageError, type Parsed } from '../args';
import { EXIT_OK, type CliIO } from '../io';
import { rel } from '../workspace';

/** Options shared by `explain`, `refs` and `lint --code`. */
export const LINK_OPTIONS = {
  json: { type: 'boolean' },
  'include-proposed': { type: 'boolean' },
  strict: { type: 'boolean' },
  'no-gitignore': { type: 'boolean' },
  exclude: { type: 'string', multiple: true },
  pattern: { type: 'string', multiple: true },
  prefix: { type: 'string', multiple: true },
  'max-size': { type: 'string' },
} as const;

export { LINK_OPTIONS_HELP } from './index';

/** `CodeIndex` options from the command line. */
export function codeOptions(p: Parsed, repoRoot: string): CodeIndexOptions {
  const prefixes: Record<string, string> = {};
  for (const x of strs(p, 'prefix')) {
    const eq = x.indexOf('=');
    if (eq <= 0) throw new UsageError(`--prefix takes ID=COLLECTION (e.g. PAY=services/payments/docs/adr), not "${x}"`);
    prefixes[x.slice(0, eq)] = x.slice(eq + 1);
  }
  const maxSize = str(p, 'max-size');
  if (maxSize !== undefined && !/^\d+$/.test(maxSize)) throw new UsageError(`--max-size takes a number of bytes, not "${maxSize}"`);
  return {
    repoRoot,
    includeProposed: flag(p, 'include-proposed'),
    nearestCollection: !flag(p, 'strict'),
    gitignore: !flag(p, 'no-gitignore'),
    exclude: strs(p, 'exclude'),
    anchors: { patterns: strs(p, 'pattern'), prefixes },
    ...(maxSize !== undefined ? { maxFileBytes: Number(maxSize) } : {}),
  };
}

/** The repository root (nearest `.git` above the working folder), or the working folder. */
export async function repositoryRoot(io: CliIO): Promise<string> {
  return (await findRepoRoot(io.fs, io.cwd)) ?? io.cwd;
}

async function load(io: CliIO, p: Parsed): Promise<CodeIndex> {
  const root = await repositoryRoot(io);
  const extra = io.env.ADRW_EXTRA_FOLDERS ? io.env.ADRW_EXTRA_FOLDERS.split(':').filter(Boolean).map((f) => resolve(io.cwd, f)) : [];
  const index = await AdrIndex.build(io.fs, root, { extraFolders: extra });
  return new CodeIndex(io.fs, index, codeOptions(p, root));
}

export async function explainCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('explain', args, LINK_OPTIONS);
  if (p.positionals.length !== 1) throw new UsageError('explain: which file? usage: explain PATH');
  const path = normalize(resolve(io.cwd, p.positionals[0]!));
  const stat = await io.fs.stat(path);
  if (!stat) throw new UserError(`${p.positionals[0]}: no such file`);
  if (stat.kind !== 'file') throw new UserError(`${p.positionals[0]}: not a file`);
  const code = await load(io, p);
  const e = await explainFile(code, path);
  if (flag(p, 'json')) {
    io.stdout(JSON.stringify({
      path: rel(io, e.path),
      records: e.records.map((r) => ({
        ...recordSummary(io, r.record), inForce: r.inForce,
        via: [...(r.patterns.length ? ['glob'] : []), ...(r.anchors.length ? ['anchor'] : [])],
        patterns: r.patterns, anchors: r.anchors.map(position),
      })),
      anchors: e.anchors.map((u) => anchorJson(io, u)),
    }, null, 2) + '\n');
    return EXIT_OK;
  }
  const out = [rel(io, e.path), ''];
  if (e.records.length === 0) out.push('No decision governs this file or is named in it.');
  else out.push('Decisions:');
  for (const r of e.records) {
    out.push(`  ${recordLine(io, r.record)}${r.inForce ? '' : '   (not in force)'}`);
    const why = [...r.patterns.map((g) => `glob ${g}`), ...r.anchors.map((a) => `anchor ${a.line + 1}:${a.character + 1} ${short(a.text)}`)];
    out.push(`      ${why.join('; ')}`);
  }
  const problems = e.anchors.filter((u) => u.resolution.kind !== 'resolved');
  if (problems.length > 0) out.push('', 'Anchor problems:');
  for (const u of problems) out.push(`  ${u.anchor.line + 1}:${u.anchor.character + 1}  ${u.anchor.text}: ${message(u.resolution)}`);
  io.stdout(out.join('\n') + '\n');
  return EXIT_OK;
}

export async function refsCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('refs', args, LINK_OPTIONS);
  const ref = p.positionals.join(' ');
  if (!ref) throw new UsageError('refs: which record? usage: refs REF');
  const code = await load(io, p);
  const record = recordForRef(io, code, ref);
  const stats = await code.scan();
  const r = refs(code, record);
  if (flag(p, 'json')) {
    io.stdout(JSON.stringify({
      record: { ...recordSummary(io, record), inForce: r.inForce },
      patterns: record.governs,
      anchors: r.anchors.map((u) => ({ path: rel(io, u.path), ...anchorJson(io, u) })),
      governedFiles: r.governedFiles.map((f) => rel(io, f)),
    }, null, 2) + '\n');
  } else {
    const out = [`${recordLine(io, record)}${r.inForce ? '' : '   (not in force)'}`, ''];
    out.push(r.anchors.length ? `Anchors (${r.anchors.length}):` : 'No anchor names this record.');
    for (const u of r.anchors) {
      const note = u.resolution.kind === 'ambiguous' ? `   (ambiguous: ${u.resolution.message})` : '';
      out.push(`  ${rel(io, u.path)}:${u.anchor.line + 1}:${u.anchor.character + 1}  ${u.anchor.text}${note}`);
    }
    if (record.governs.length > 0) {
      out.push('', `Governed files (${r.governedFiles.length}) by ${record.governs.join(', ')}:`);
      for (const f of r.governedFiles) out.push(`  ${rel(io, f)}`);
    }
    io.stdout(out.join('\n') + '\n');
  }
  io.stderr(`scanned ${stats.files} files (${stats.read} read) in ${Math.round(stats.ms)} ms\n`);
  return EXIT_OK;
}

/**
 * A record from a REF: a path to a record, else an anchor (`7`, `ADR-7`, `payments/ADR-7`,
 * `0007-use-x`) resolved from the working folder, so an ambiguous number is an error rather than a
 * guess; else part of a file name, as adr-tools reads REFs.
 */
function recordForRef(io: CliIO, code: CodeIndex, ref: string): AdrRecord {
  const index = code.index;
  const direct = index.get(resolve(io.cwd, ref));
  if (direct) return direct;
  const from = join(io.cwd, '.');
  const text = /^\d+$/.test(ref.trim()) ? `ADR-${ref.trim()}` : /^\d+[-_]\D/.test(ref.trim()) ? `@adr ${ref.trim()}` : ref;
  const [anchor] = new AnchorMatcher({ prefixes: code.options.anchors?.prefixes ?? {} }).find(text, syntaxForLanguageId('markdown')!);
  if (anchor && anchor.span.start === 0 && anchor.span.end === text.length) {
    const r = code.resolver.resolve(anchor.ref, from);
    if (r.kind === 'resolved') return r.record;
    if (r.kind === 'ambiguous') throw new UserError(`"${ref}" is ambiguous: ${r.message}`);
  }
  const byName = index.resolveRef(ref);
  if (byName && !/^(?:adr[-_ ]?)?\d+$/i.test(ref.trim())) return byName;
  throw new UserError(`no decision record matches "${ref}"`);
}

function recordSummary(io: CliIO, r: AdrRecord) {
  return { path: rel(io, r.path), id: r.id, number: r.number, title: r.title, status: r.status };
}

function recordLine(io: CliIO, r: AdrRecord): string {
  const name = `${r.number !== null ? `${r.number}. ` : ''}${r.title}`;
  return `${name.padEnd(36)} ${r.status.padEnd(11)} ${rel(io, r.path)}`;
}

function position(a: LocatedAnchor) {
  return { line: a.line + 1, column: a.character + 1, text: a.text };
}

function anchorJson(io: CliIO, u: AnchorUse) {
  const r = u.resolution;
  return {
    ...position(u.anchor),
    pattern: u.anchor.pattern,
    resolution: r.kind,
    ...(r.kind === 'resolved' ? { record: rel(io, r.record.path), ...(r.via ? { via: r.via } : {}) } : {}),
    ...(r.kind === 'ambiguous' ? { candidates: r.candidates.map((c) => rel(io, c.path)) } : {}),
    ...(r.kind === 'ambiguous' || r.kind === 'unknown' ? { message: r.message } : {}),
  };
}

function message(r: Resolution): string {
  return r.kind === 'ambiguous' ? `ambiguous: ${r.message}` : r.kind === 'unknown' ? r.message : '';
}

function short(text: string): string {
  return text.length > 48 ? `${text.slice(0, 45)}…` : text;
}
