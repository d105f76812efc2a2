/**
 * `lint [--json] [--fail-on SEVERITY] [--code]`: findings as `path:line:col: severity [rule] message`.
 * `--code` adds the code ↔ decision link findings: a scan of the source files from here down
 * (honouring .gitignore) for anchors naming unknown, ambiguous, superseded or rejected records, and
 * globs of records in force matching no file. Off by default: plain lint reads only the records.
 */
import type { Severity } from '../../core/model';
import { hasFindingsAtOrAbove, lintIndex, RULES, sortFindings } from '../../core/lint';
import { CodeIndex, codeFindings, LINK_RULES } from '../../core/links';
import { LineIndex, decodeText } from '../../core/text';
import { flag, parse, str, UsageError } from '../args';
import { EXIT_FINDINGS, EXIT_OK, type CliIO } from '../io';
import { loadIndex, rel } from '../workspace';
import { DEFAULT_POLICY, SIGNOFF_RULES } from '../../core/signoff';
import { collectionPolicies } from '../policies';
import { isoDate } from '../../core/naming';
import { codeOptions, LINK_OPTIONS, repositoryRoot } from './links';

export async function lintCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('lint', args, { ...LINK_OPTIONS, 'fail-on': { type: 'string' }, rules: { type: 'boolean' }, code: { type: 'boolean' } });
  if (flag(p, 'rules')) {
    for (const r of [...Object.values(RULES), ...Object.values(SIGNOFF_RULES), ...Object.values(LINK_RULES)]) io.stdout(`${r.id.padEnd(30)} ${r.severity.padEnd(8)} ${r.description}\n`);
    return EXIT_OK;
  }
  const failOn = (str(p, 'fail-on') ?? 'warning') as Severity;
  if (!['info', 'warning', 'error'].includes(failOn)) throw new UsageError(`lint: --fail-on takes info, warning or error, not "${failOn}"`);
  const index = await loadIndex(io);
  // Each collection's sign-off policy (.adr-workbench.yml `signoff`), read once.
  const policies = await collectionPolicies(io, index.collections.map((c) => c.path));
  const signoff = { policyOf: (c: string) => policies.get(c) ?? DEFAULT_POLICY, today: isoDate(io.clock.now()) };
  const findings = await lintIndex(index, io.fs, { ...(p.positionals.length ? { paths: p.positionals.map((x) => index.resolveRef(x)?.path ?? x) } : {}), signoff });
  if (flag(p, 'code')) {
    const code = new CodeIndex(io.fs, index, codeOptions(p, await repositoryRoot(io)));
    await code.scan();
    findings.push(...codeFindings(code));
    sortFindings(findings);
  }

  // Line and column (1-based) for each finding, reading each file once.
  const lines = new Map<string, LineIndex>();
  const located = await Promise.all(findings.map(async (f) => {
    let li = lines.get(f.path);
    if (!li) {
      try {
        li = new LineIndex(decodeText(await io.fs.readFile(f.path), f.path).text);
      } catch {
        li = new LineIndex('');
      }
      lines.set(f.path, li);
    }
    const pos = li.positionAt(f.span.start);
    return { ...f, path: rel(io, f.path), line: pos.line + 1, column: pos.character + 1 };
  }));
  if (flag(p, 'json')) {
    io.stdout(JSON.stringify(located.map(({ fix: _fix, ...f }) => f), null, 2) + '\n');
  } else {
    for (const f of located) io.stdout(`${f.path}:${f.line}:${f.column}: ${f.severity} [${f.rule}] ${f.message}\n`);
    const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
    io.stderr(`${index.size} records, ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes\n`);
  }
  return hasFindingsAtOrAbove(findings, failOn) ? EXIT_FINDINGS : EXIT_OK;
}
