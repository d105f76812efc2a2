/**
 * Anchors: text in a code comment (or Markdown prose) that names a decision record —
 * `ADR-0007`, `ADR 7`, `adr: 0042`, `@adr 12`, `dl:adr 0042`, e-adr's `@ADR(7)`, a Markdown link
 * or a path to a record file, `payments/ADR-7` with a collection hint — plus patterns the user
 * configures. `AnchorMatcher.find` runs the patterns over the whole text, then keeps the matches
 * that lie in a comment (`scanRegions`); annotations also count in code, never in strings.
 */
import { compileSafe, type SafePattern } from '../safeRegex';
import type { Span } from '../model';
import { UserError } from '../errors';
import type { CommentSyntax } from './languages';
import { COMMENT, scanRegions, STRING, type Regions } from './comments';

/** What an anchor names; resolved against the index by `AnchorResolver`. */
export interface AnchorRef {
  /** A record number (`7` for `ADR-0007`). */
  readonly number?: number;
  /** A record id: the file name without `.md` (`0007-use-x`, a log4brains slug). */
  readonly id?: string;
  /** A collection hint: a collection name or path (`payments`, `docs/decisions`), from a prefix or path. */
  readonly collection?: string;
  /** A link or path to a record file, as written (relative to the source file, or the root). */
  readonly link?: string;
  /**
   * A path that merely looks like a reference (`docs/decisions/0007`, `docs/adr/0007-x.md`): it
   * is an anchor only when it leads into a collection, and never reported as unknown otherwise.
   */
  readonly weak?: boolean;
}

/** One anchor found in a text. */
export interface Anchor {
  /** The whole anchor text (`ADR-0007`, `[ADR 7](../adr/0007-x.md)`). */
  readonly span: Span;
  readonly text: string;
  readonly ref: AnchorRef;
  /** The pattern that found it: a built-in name, or the custom pattern's name. */
  readonly pattern: string;
}

/** The built-in patterns, each of which can be turned off. */
export type BuiltinPattern = 'adr-number' | 'adr-tag' | 'annotation' | 'markdown-link' | 'record-path' | 'collection-path';

export const BUILTIN_PATTERNS: readonly BuiltinPattern[] = ['adr-number', 'adr-tag', 'annotation', 'markdown-link', 'record-path', 'collection-path'];

/** A user pattern: a regular expression (RE2 syntax, linear-time matching) with named groups. */
export interface CustomPattern {
  /** Shown as the anchor's `pattern` (default `custom`). */
  readonly name?: string;
  /** Named groups `number`, `id`, `collection` and `link` say what the match names (at least one). */
  readonly regex: string;
  /** RegExp flags besides `g` (default `i`). */
  readonly flags?: string;
  /** Also matched in code outside comments, like annotations (never inside strings). */
  readonly inCode?: boolean;
}

export interface AnchorOptions {
  /** Built-in patterns to use (default: all). */
  readonly builtins?: readonly BuiltinPattern[];
  /** Extra patterns: objects, or bare regex sources. */
  readonly patterns?: readonly (CustomPattern | string)[];
  /**
   * Id prefixes that name a collection, e.g. `{ PAY: 'services/payments/docs/adr' }` makes
   * `PAY-7` an anchor to record 7 of that collection. Matched case-sensitively.
   */
  readonly prefixes?: Readonly<Record<string, string>>;
}

type Group = 'number' | 'id' | 'collection' | 'link' | 'prefix';

interface Alternative {
  readonly name: string;
  readonly source: string;
  /** What each capture group inside the alternative holds, in order. */
  readonly groups: readonly Group[];
  readonly inCode?: boolean;
  readonly weak?: boolean;
}

// Not right after a word, `@`, `$` or `.` (emails, domains, variables, `MADR-4`), a `#` or `/` inside a word or URL
// (`page#adr-7`, `x.com/ADR-7`, `scheme://`), or a lone `-` (`foo-ADR-7`); `//ADR-7`, `#ADR-7`,
// `--ADR-7` and `/*ADR-7` are comments and do count.
const B = String.raw`(?<![\w@.\\$])(?<![^\s#]#)(?<![^/*]\/)(?<!:\/\/)(?<![^-]-)`;
/** A number, not followed by what makes it part of something else (`7.1`, `7-foo`, `7@x`, `7/8`). */
const NUM = String.raw`0*(\d{1,6})(?![\w@]|\.\d|-\w|\/\w)`;
/** A record id with a name: `0007-use-x`, `20201016-use-slug`. */
const ID = String.raw`(\d+[-_](?=[\w.-]*[a-z])[\w.-]*[a-z0-9])`;
const SEP = String.raw`(?:[-_#]|:?[ \t]?)`;

function alternatives(builtins: ReadonlySet<BuiltinPattern>, prefixes: readonly string[]): Alternative[] {
  const alts: Alternative[] = [];
  if (builtins.has('annotation')) {
    alts.push({ name: 'annotation', inCode: true, groups: ['number'],
      source: String.raw`(?<![\w@])@ADR\([ \t]*(?:(?:value|id|number)[ \t]*=[ \t]*)?["']?(?:ADR[-_ ]?)?${NUM}` });
  }
  if (builtins.has('adr-tag')) {
    alts.push({ name: 'adr-tag', groups: ['id', 'number'],
      source: String.raw`${B}(?:dl:adr|@adr)(?:[ \t]*[:=]?[ \t]*|[-_])(?:ADR[-_ ]?)?(?:${ID}|${NUM})` });
  }
  if (builtins.has('markdown-link')) {
    alts.push({ name: 'markdown-link', groups: ['link'],
      source: String.raw`(?<!!)\[[^\]\n]*\]\([ \t]*<?([^\s()<>]+?\.(?:md|markdown)(?:#[^\s()<>]*)?)>?(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?[ \t]*\)` });
  }
  if (prefixes.length > 0) {
    alts.push({ name: 'prefix', groups: ['prefix', 'number'], source: String.raw`${B}(${prefixes.map(escapeRegex).join('|')})[-_]${NUM}` });
  }
  if (builtins.has('adr-number')) {
    alts.push({ name: 'adr-number', groups: ['collection', 'number'], source: String.raw`${B}((?:[\w.-]+\/)+)?ADR${SEP}${NUM}` });
  }
  if (builtins.has('record-path')) {
    alts.push({ name: 'record-path', weak: true, groups: ['link'],
      source: String.raw`${B}((?:\.{1,2}\/|\/)?(?:[\w.-]+\/)*(?:ADR[-_]?)?\d+[-_][\w.-]*\.(?:md|markdown))(?![\w\/])` });
  }
  if (builtins.has('collection-path')) {
    alts.push({ name: 'collection-path', weak: true, groups: ['collection', 'number'], source: String.raw`${B}((?:[\w.-]+\/)+)${NUM}` });
  }
  return alts;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly ref: AnchorRef;
  readonly pattern: string;
}

function lineEnd(text: string, from: number): number {
  const e = text.indexOf('\n', from);
  return e < 0 ? text.length : e;
}

/**
 * Without a trigger (custom patterns), where to search: the start of every comment, and of every
 * stretch of code (or prose) between regions.
 */
function* searchStarts(regions: Regions, length: number, prose: boolean): Generator<number> {
  let at = 0;
  for (let r = 0; r < regions.length; r += 3) {
    if (regions[r]! > at) yield at;
    if (regions[r + 2] === COMMENT && !prose) yield regions[r]!;
    at = regions[r + 1]!;
  }
  if (at < length) yield at;
}

interface Custom {
  readonly name: string;
  /** RE2 (linear time): the pattern may come from a repository's `.vscode/settings.json`. */
  readonly re: SafePattern;
  readonly inCode: boolean;
}

/** Finds anchors in texts; compile once per configuration and reuse. */
export class AnchorMatcher {
  private readonly combined: RegExp | undefined;
  /** For each alternative: its wrapper group index and the alternative. */
  private readonly slots: { readonly group: number; readonly alt: Alternative }[] = [];
  private readonly customs: Custom[];
  /** A cheap pattern every built-in match contains; none in a text: no anchors. Undefined with custom patterns. */
  private readonly trigger: RegExp | undefined;
  /** Some pattern also counts in code (annotations). */
  private readonly inCode: boolean;
  private readonly prefixes: Readonly<Record<string, string>>;

  constructor(options: AnchorOptions = {}) {
    this.prefixes = options.prefixes ?? {};
    const names = Object.keys(this.prefixes).filter(Boolean);
    const alts = alternatives(new Set(options.builtins ?? BUILTIN_PATTERNS), names);
    let group = 1;
    const sources: string[] = [];
    for (const alt of alts) {
      this.slots.push({ group, alt });
      sources.push(`(${alt.source})`);
      group += 1 + alt.groups.length;
    }
    this.combined = sources.length > 0 ? new RegExp(sources.join('|'), 'gi') : undefined;
    this.customs = (options.patterns ?? []).map((p, i) => compileCustom(typeof p === 'string' ? { regex: p } : p, i));
    const triggers = [String.raw`adr[\d \t:=#(_-]`, String.raw`\.m(?:d|arkdown)\b`, String.raw`\/0*\d`, ...names.map((n) => `${escapeRegex(n)}[-_]\\d`)];
    this.trigger = this.customs.length === 0 && this.combined ? new RegExp(triggers.join('|'), 'gi') : undefined;
    this.inCode = alts.some((a) => a.inCode) || this.customs.some((c) => c.inCode);
  }

  /**
   * Anchors of `text` written in `syntax`, in text order. A cheap trigger scan finds where an anchor
   * may be; the lexer splits the text only up to the last trigger; the full patterns then run only
   * over the comment regions (or, for annotations, the code lines) that hold a trigger.
   */
  find(text: string, syntax: CommentSyntax): Anchor[] {
    let hits: number[] | undefined;
    if (this.trigger) {
      hits = [];
      const t = this.trigger;
      t.lastIndex = 0;
      for (let m = t.exec(text); m; m = t.exec(text)) hits.push(m.index);
      if (hits.length === 0) return [];
    }
    const regions = scanRegions(text, syntax, hits ? hits[hits.length - 1]! + 1 : text.length);
    const out: Candidate[] = [];
    let scannedTo = 0;
    const scan = (from: number, to: number, codeOnly: boolean) => {
      if (from < scannedTo) from = scannedTo;
      if (to <= from) return;
      this.matchIn(text, from, to, codeOnly, out);
      scannedTo = to;
    };
    const positions: Iterable<number> = hits ?? searchStarts(regions, text.length, syntax.prose === true);
    let r = 0;
    for (const h of positions) {
      if (h < scannedTo) continue;
      while (r < regions.length && regions[r + 1]! <= h) r += 3;
      const inside = r < regions.length && regions[r]! <= h;
      const prevEnd = r >= 3 ? regions[r - 2]! : 0;
      const nextStart = r < regions.length ? regions[r]! : text.length;
      if (inside && regions[r + 2] === STRING) continue;
      if (inside) scan(regions[r]!, regions[r + 1]!, false);
      else if (syntax.prose) scan(prevEnd, nextStart, false);
      else if (this.inCode && !hits) scan(prevEnd, nextStart, true);
      else if (this.inCode) scan(Math.max(prevEnd, text.lastIndexOf('\n', h) + 1), Math.min(nextStart, lineEnd(text, h)), true);
    }
    return out.map((c) => ({ span: { start: c.start, end: c.end }, text: text.slice(c.start, c.end), ref: c.ref, pattern: c.pattern }));
  }

  /** Matches of every pattern within `[from, to)`, appended to `out` without overlaps. */
  private matchIn(text: string, from: number, to: number, codeOnly: boolean, out: Candidate[]): void {
    // A slice bounds the search (a global regex on the whole text would run on past `to`); one char
    // before it keeps the look-behind context.
    const lead = from > 0 ? 1 : 0;
    const sub = text.slice(from - lead, to);
    const found: Candidate[] = [];
    if (this.combined) {
      const re = this.combined;
      re.lastIndex = lead;
      for (let m = re.exec(sub); m; m = re.exec(sub)) {
        const slot = this.slots.find((x) => m![x.group] !== undefined);
        if (!slot || (codeOnly && !slot.alt.inCode)) continue;
        const ref = this.refOf(slot.alt, m, slot.group);
        if (ref) found.push({ start: from - lead + m.index, end: from - lead + m.index + m[0].length, ref, pattern: slot.alt.name });
      }
    }
    for (const c of this.customs) {
      if (codeOnly && !c.inCode) continue;
      for (const m of c.re.matchAll(sub, lead)) {
        const ref = customRef(m.groups);
        if (ref) found.push({ start: from - lead + m.index, end: from - lead + m.index + m.text.length, ref, pattern: c.name });
      }
    }
    if (this.customs.length > 0) found.sort((a, b) => a.start - b.start || b.end - a.end);
    for (const c of found) if (out.length === 0 || c.start >= out[out.length - 1]!.end) out.push(c);
  }

  private refOf(alt: Alternative, m: RegExpExecArray, group: number): AnchorRef | undefined {
    const ref: { number?: number; id?: string; collection?: string; link?: string; weak?: boolean } = {};
    alt.groups.forEach((g, i) => {
      const v = m[group + 1 + i];
      if (v === undefined) return;
      if (g === 'number') ref.number = Number(v);
      else if (g === 'id') ref.id = v.replace(/\.(?:md|markdown)$/i, '');
      else if (g === 'collection') ref.collection = v.replace(/\/+$/, '');
      else if (g === 'link') ref.link = v;
      else if (g === 'prefix') ref.collection = this.prefixes[v];
    });
    if (alt.name === 'prefix' && ref.collection === undefined) return undefined; // `pay-7` for prefix `PAY`
    if (ref.link !== undefined && /^[a-z][a-z0-9+.-]*:/i.test(ref.link)) return undefined; // a web address
    if (alt.weak) ref.weak = true;
    return ref;
  }
}

function compileCustom(p: CustomPattern, i: number): Custom {
  let re: SafePattern;
  try {
    re = compileSafe(p.regex, p.flags ?? 'i');
  } catch (e) {
    throw new UserError(`anchor pattern ${p.name ?? i + 1} is not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!/\(\?<(?:number|id|link|collection)>/.test(p.regex)) {
    throw new UserError(`anchor pattern ${p.name ?? i + 1} needs a named group: (?<number>…), (?<id>…) or (?<link>…)`);
  }
  return { name: p.name ?? 'custom', re, inCode: p.inCode === true };
}

function customRef(g: Record<string, string | undefined>): AnchorRef | undefined {
  const ref: { number?: number; id?: string; collection?: string; link?: string } = {};
  if (g.number !== undefined && /^\d+$/.test(g.number)) ref.number = Number(g.number);
  if (g.id) ref.id = g.id;
  if (g.link) ref.link = g.link;
  if (g.collection) ref.collection = g.collection;
  return ref.number !== undefined || ref.id !== undefined || ref.link !== undefined ? ref : undefined;
}
