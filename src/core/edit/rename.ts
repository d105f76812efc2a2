/**
 * Retitling a record: its title, its file name (the number or date prefix kept, the slug redone), and
 * the links other records have to it — the link target, and the label when it was the old title as
 * that record's dialect writes it (`[3. Old title](0003-old-title.md)` in Nygard records).
 */
import type { EditPlan, FileEdit, TextEdit } from '../model';
import { renamedForTitle } from '../naming/pattern';
import { basename, dirname, join, normalize } from '../paths';
import { labelFor, linkPath, subjectOf, type LinkSubject, type RecordText } from './labels';
import { quoteStyleOf, yamlScalar } from './yaml';

/** The outcome of `retitle`. */
export interface RetitleResult {
  /** Where the record should live; equal to its path when the name does not change. */
  readonly newPath: string;
  /**
   * Edits to the record itself (under its current path) and to the records linking to it. Apply them,
   * then rename the file to `newPath` (`FileSystem.rename`, which never overwrites).
   */
  readonly plan: EditPlan;
}

/** The file name a record gets for `title`: `0007-` / `20201016-` prefix kept, new slug; unchanged when unnumbered. */
export function fileNameForTitle(currentName: string, title: string): string {
  return renamedForTitle(currentName, title);
}

/** Retitles `target` to `title`; `others` are the records that may link to it (with their texts). */
export function retitle(target: RecordText, title: string, others: readonly RecordText[]): RetitleResult {
  const { record, text } = target;
  const newTitle = title.trim();
  const newPath = join(dirname(record.path), fileNameForTitle(basename(record.path), newTitle));
  const own: TextEdit[] = [];
  const f = record.titleField;
  if (f && text.slice(f.span.start, f.span.end) !== newTitle) {
    const written = text.slice(f.span.start, f.span.end);
    own.push({ start: f.span.start, end: f.span.end, newText: f.source === 'front-matter' ? yamlScalar(newTitle, quoteStyleOf(written)) : newTitle });
    // Front matter `title:` and an H1 saying the same (adrs "ng"): both change.
    const h = record.headingTitleField;
    if (h && text.slice(h.span.start, h.span.end) === h.value) own.push({ start: h.span.start, end: h.span.end, newText: newTitle });
  }
  const before = subjectOf(target);
  const heading = before.heading !== null && f?.source === 'heading' ? before.heading.replace(f.value, newTitle) : null;
  const after: LinkSubject = { ...before, path: newPath, title: newTitle, heading };
  const edits: FileEdit[] = [];
  if (own.length > 0) edits.push({ path: record.path, edits: own });
  for (const other of others) {
    if (other.record.path === record.path) continue;
    const e = inboundEdits(other, before, after);
    if (e.length > 0) edits.push({ path: other.record.path, edits: e });
  }
  return { newPath, plan: { edits, creates: [] } };
}

/** Edits to `other`'s links to `before`: the target path, and a label that was `before`'s label. */
function inboundEdits(other: RecordText, before: LinkSubject, after: LinkSubject): TextEdit[] {
  const out: TextEdit[] = [];
  const oldLabel = labelFor(before, other.record.dialect);
  const newLabel = labelFor(after, other.record.dialect);
  const pathChanged = before.path !== after.path;
  for (const l of other.record.links) {
    const [file, fragment] = splitHref(l.href);
    if (resolveHref(other.record.path, file) !== before.path) continue;
    if (pathChanged) {
      out.push({ start: l.hrefSpan.start, end: l.hrefSpan.end, newText: linkPath(other.record.path, after.path) + fragment });
    }
    // `[label](` right before the href: rewrite the label when it is the old one.
    const open = other.text.lastIndexOf('](', l.hrefSpan.start);
    const labelStart = open === -1 ? -1 : other.text.lastIndexOf('[', open);
    if (labelStart !== -1 && oldLabel !== newLabel && other.text.slice(labelStart + 1, open) === oldLabel && /^\]\(\s*<?$/.test(other.text.slice(open, l.hrefSpan.start))) {
      out.push({ start: labelStart + 1, end: open, newText: newLabel });
    }
  }
  return out;
}

function splitHref(href: string): [string, string] {
  const hash = href.indexOf('#');
  return hash === -1 ? [href, ''] : [href.slice(0, hash), href.slice(hash)];
}

function resolveHref(fromPath: string, file: string): string {
  let decoded = file;
  try {
    decoded = decodeURI(file);
  } catch {
    // keep it as written
  }
  return normalize(join(dirname(fromPath), decoded));
}
