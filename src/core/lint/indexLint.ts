/** Lint across a collection: numbering, links, and whether both sides of a relation say so. */
import type { AdrRecord, Finding, Severity } from '../model';
import type { FileSystem } from '../ports';
import type { AdrIndex } from '../index';
import { dirname, resolve } from '../paths';
import { decodeText } from '../text';
import { lintRecord } from './recordLint';
import { RULES, SEVERITY_ORDER } from './rules';

export interface LintOptions {
  /** Only these records (absolute paths); default all. Collection rules still look at everything. */
  readonly paths?: readonly string[];
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

  await Promise.all(records.map(async (record) => {
    let text: string;
    try {
      text = decodeText(await fs.readFile(record.path), record.path).text;
    } catch {
      return; // gone or unreadable since indexing: the index reports it
    }
    out.push(...lintRecord(record, text));
    out.push(...(await brokenLinks(index, record, fileExists)));
  }));

  for (const dup of index.duplicateNumbers()) {
    for (const path of dup.paths) {
      const record = index.get(path);
      if (!record || (wanted && !wanted.has(path))) continue;
      const others = dup.paths.filter((p) => p !== path).map((p) => p.slice(dirname(p).length + 1));
      out.push(at(record, RULES.duplicateNumber.id, RULES.duplicateNumber.severity, `Number ${dup.number} is also used by ${others.join(', ')}`, record.titleField?.lineSpan));
    }
  }

  for (const broken of index.brokenRelations()) {
    const record = index.get(broken.path);
    if (!record || (wanted && !wanted.has(record.path))) continue;
    if (broken.reason === 'no-such-file') continue; // reported as broken-link with the link's own span
    out.push(at(record, RULES.unknownTarget.id, RULES.unknownTarget.severity, `"${broken.relation.target}" names no record`, broken.relation.span));
  }

  for (const record of records) {
    const relations = index.relationsOf(record.path);
    for (const rel of relations) {
      if (rel.origin !== 'inverse' || !rel.other || rel.type === 'custom' || rel.type === 'relates') continue;
      const other = index.get(rel.other);
      if (!other) continue;
      out.push(at(record, RULES.asymmetricRelation.id, RULES.asymmetricRelation.severity,
        `${other.id} says "${rel.counterpart?.verb ?? ''} ${record.id}", but this record does not say "${rel.verb} ${other.id}"`,
        record.statusField?.lineSpan ?? record.titleField?.lineSpan));
    }
    if (record.status === 'superseded' && !relations.some((r) => r.type === 'superseded-by' && r.other)) {
      out.push(at(record, RULES.supersededWithoutSuccessor.id, RULES.supersededWithoutSuccessor.severity,
        'Superseded, but no record that supersedes it is named or found', record.statusField?.span));
    }
  }
  return sortFindings(out);
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
