/**
 * "Not architectural": an acknowledgement appended to `.adr-review.yml` as minimal text edits (the rest
 * of the file is left as written; the file is created when absent), so the team sees it in review.
 */
import { isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import { UserError } from '../errors';
import type { EditPlan } from '../model';
import { join } from '../paths';
import type { FileSystem } from '../ports';
import { CONFIG_FILES } from './config';
import type { ReviewFinding } from './types';

/** Who acknowledges and when. */
export interface AckOptions {
  readonly by?: string;
  /** `YYYY-MM-DD`. */
  readonly date?: string;
}

/** What an acknowledgement names: a finding's rule, path (or `anchor`) and subject. */
export type AckTarget = Pick<ReviewFinding, 'rule' | 'path' | 'subject'> & { readonly anchor?: string };

/** A YAML scalar as it should be written (quoted only when needed). */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
}

/** The entry's lines, each prefixed with `indent` (the `- ` line first). */
function entryLines(finding: AckTarget, reason: string, options: AckOptions, indent: string): string[] {
  const fields: [string, string][] = [['rule', finding.rule], ['path', finding.anchor ?? finding.path]];
  if (finding.subject) fields.push(['subject', finding.subject]);
  fields.push(['reason', reason.trim()]);
  if (options.by) fields.push(['by', options.by]);
  if (options.date) fields.push(['date', options.date]);
  return fields.map(([k, v], i) => `${indent}${i === 0 ? '- ' : '  '}${k}: ${scalar(v)}`);
}

/**
 * Edits that add an acknowledgement of `finding` to the settings text (`undefined`: no file yet → the
 * whole new text as one insertion at 0). Returns the new text's edits against `text`.
 */
export function acknowledgementEdits(
  text: string | undefined,
  finding: AckTarget,
  reason: string,
  options: AckOptions = {},
): { start: number; end: number; newText: string }[] {
  if (!reason.trim()) throw new UserError('An acknowledgement needs a reason');
  const eol = text && /\r\n/.test(text) ? '\r\n' : '\n';
  if (text === undefined || text.trim() === '') {
    const header = '# ADR Workbench architecture review: settings and acknowledged changes (see `adr-workbench check --help`).';
    return [{ start: 0, end: text?.length ?? 0, newText: [header, 'acknowledged:', ...entryLines(finding, reason, options, '  '), ''].join(eol) }];
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new UserError(`${CONFIG_FILES[0]} is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) throw new UserError(`${CONFIG_FILES[0]} must be a mapping at the top`);
  const pair = isMap(contents) ? contents.items.find((p) => isScalar(p.key) && p.key.value === 'acknowledged') : undefined;
  const sep = text.endsWith('\n') ? '' : eol;
  if (!pair) {
    return [{ start: text.length, end: text.length, newText: `${sep}acknowledged:${eol}${entryLines(finding, reason, options, '  ').join(eol)}${eol}` }];
  }
  const value = pair.value;
  const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
  if (isSeq(value) && !value.flow && value.items.length > 0 && value.range) {
    // Block sequence: append after its last item, at the items' indentation.
    const first = value.items[0] as { range?: [number, number, number] };
    const firstStart = first.range ? first.range[0] : value.range[0];
    const lineStart = text.lastIndexOf('\n', firstStart - 1) + 1;
    const indent = ' '.repeat(Math.max(0, firstStart - 2 - lineStart));
    let last = value.range[1];
    while (last > 0 && /\s/.test(text[last - 1]!)) last--;
    const nl = text.indexOf('\n', last);
    const at = nl < 0 ? text.length : nl + 1;
    const pre = nl < 0 ? eol : '';
    return [{ start: at, end: at, newText: `${pre}${entryLines(finding, reason, options, indent).join(eol)}${eol}` }];
  }
  if (value === null || value === undefined || (isScalar(value) && (value.value === null || value.value === '')) || (isSeq(value) && value.items.length === 0)) {
    // `acknowledged:` or `acknowledged: []`: replace the value with a block sequence.
    const start = keyRange ? text.indexOf(':', keyRange[1]) + 1 : text.length;
    const lineEnd = text.indexOf('\n', start);
    const end = lineEnd < 0 ? text.length : lineEnd > 0 && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    const comment = /\s#.*$/.exec(text.slice(start, end));
    const entries = `${eol}${entryLines(finding, reason, options, '  ').join(eol)}`;
    // A comment after the value stays on the key's line.
    if (comment) return [{ start, end: start + comment.index, newText: '' }, { start: end, end, newText: entries }];
    return [{ start, end, newText: entries }];
  }
  throw new UserError(`${CONFIG_FILES[0]}: "acknowledged" must be a list`);
}

/** The plan that acknowledges `finding` in its repository's settings file (creating the file when absent). */
export async function acknowledge(fs: FileSystem, finding: ReviewFinding, reason: string, options: AckOptions = {}): Promise<EditPlan> {
  for (const name of CONFIG_FILES) {
    const path = join(finding.repository, name);
    let text: string;
    try {
      text = new TextDecoder().decode(await fs.readFile(path));
    } catch {
      continue;
    }
    return { edits: [{ path, edits: acknowledgementEdits(text, finding, reason, options) }], creates: [] };
  }
  const content = acknowledgementEdits(undefined, finding, reason, options)[0]!.newText;
  return { edits: [], creates: [{ path: join(finding.repository, CONFIG_FILES[0]), content }] };
}
