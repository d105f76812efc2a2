/**
 * Parsers for the git output the review reads: `diff --raw -z` entries (optionally followed by the
 * patch, as `--raw -p -z` prints them), and unified patches. File names in patches are taken from the
 * `rename to` / `+++` / `---` lines (C-quoted by git when they hold special characters; a trailing tab
 * when they hold a space), so names with spaces, unicode, quotes or a leading `-` all round-trip.
 */

/** One `--raw` entry. `path` is the new name; `oldPath` is set for renames and copies. */
export interface RawEntry {
  readonly srcMode: string;
  readonly dstMode: string;
  readonly srcSha: string;
  /** All zeros when the new side is the work tree and git did not hash it. */
  readonly dstSha: string;
  /** `A`, `C`, `D`, `M`, `R`, `T`, `U` or `X`. */
  readonly status: string;
  /** Similarity for renames and copies (0–100). */
  readonly score?: number;
  readonly path: string;
  readonly oldPath?: string;
  /** The entry as git printed it (modes, hashes, status, paths): part of the cache key. */
  readonly meta: string;
}

/** One hunk. `lines` keep their one-character prefix: ` ` context, `+` added, `-` removed, `\` marker. */
export interface Hunk {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  /** The `@@ … @@` line. */
  readonly header: string;
  readonly lines: readonly string[];
}

/** A file's part of a patch. */
export interface PatchBlock {
  readonly path: string;
  readonly oldPath?: string;
  readonly binary: boolean;
  readonly unmerged: boolean;
  readonly hunks: Hunk[];
}

/** Parses `--raw -z` output; when the patch follows (`--raw -p -z`), returns it too. */
export function parseRaw(text: string): { entries: RawEntry[]; patch: string } {
  const entries: RawEntry[] = [];
  let pos = 0;
  const field = (): string => {
    const end = text.indexOf('\0', pos);
    const f = end < 0 ? text.slice(pos) : text.slice(pos, end);
    pos = end < 0 ? text.length : end + 1;
    return f;
  };
  while (pos < text.length && text.charCodeAt(pos) === 58 /* : */) {
    const head = field();
    const [srcMode = '', dstMode = '', srcSha = '', dstSha = '', statusText = ''] = head.slice(1).split(' ');
    const status = statusText.charAt(0);
    const score = statusText.length > 1 ? Number(statusText.slice(1)) : undefined;
    const first = field();
    const second = status === 'R' || status === 'C' ? field() : undefined;
    const path = second ?? first;
    entries.push({
      srcMode, dstMode, srcSha, dstSha, status, ...(score !== undefined ? { score } : {}), path,
      ...(second !== undefined ? { oldPath: first } : {}), meta: `${head}\0${first}${second !== undefined ? `\0${second}` : ''}`,
    });
  }
  if (text.charCodeAt(pos) === 0) pos++; // the separator before the patch
  return { entries, patch: pos < text.length ? text.slice(pos) : '' };
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parses a unified patch (as `git diff -p` prints it) into blocks, one per file section. */
export function parsePatch(patch: string): PatchBlock[] {
  const blocks: PatchBlock[] = [];
  const lines = patch.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.startsWith('* Unmerged path ')) {
      blocks.push({ path: unquote(line.slice(16)), binary: false, unmerged: true, hunks: [] });
      i++;
      continue;
    }
    if (!line.startsWith('diff --git ') && !line.startsWith('diff --cc ') && !line.startsWith('diff --combined ')) {
      i++;
      continue;
    }
    const header = line;
    let plus: string | undefined;
    let minus: string | undefined;
    let renameTo: string | undefined;
    let renameFrom: string | undefined;
    let binary = false;
    i++;
    for (; i < lines.length; i++) {
      const h = lines[i]!;
      if (h.startsWith('@@') || h.startsWith('diff --') || h.startsWith('* Unmerged path ')) break;
      if (h.startsWith('+++ ')) plus = stripPrefix(h.slice(4), 'b/');
      else if (h.startsWith('--- ')) minus = stripPrefix(h.slice(4), 'a/');
      else if (h.startsWith('rename to ') || h.startsWith('copy to ')) renameTo = unquote(h.slice(h.indexOf(' to ') + 4));
      else if (h.startsWith('rename from ') || h.startsWith('copy from ')) renameFrom = unquote(h.slice(h.indexOf(' from ') + 6));
      else if (h.startsWith('Binary files ') || h === 'GIT binary patch') binary = true;
    }
    const hunks: Hunk[] = [];
    while (i < lines.length && lines[i]!.startsWith('@@')) {
      const m = HUNK.exec(lines[i]!);
      if (!m) break;
      const hunk = { oldStart: +m[1]!, oldLines: m[2] === undefined ? 1 : +m[2], newStart: +m[3]!, newLines: m[4] === undefined ? 1 : +m[4], header: lines[i]! };
      i++;
      let oldLeft = hunk.oldLines;
      let newLeft = hunk.newLines;
      const start = i;
      while (i < lines.length && (oldLeft > 0 || newLeft > 0 || lines[i]!.startsWith('\\'))) {
        const c = lines[i]!.charAt(0);
        if (c === '+') newLeft--;
        else if (c === '-') oldLeft--;
        else if (c === ' ' || c === '') { oldLeft--; newLeft--; }
        else if (c !== '\\') break;
        i++;
      }
      hunks.push({ ...hunk, lines: lines.slice(start, i) });
    }
    const fromHeader = headerPaths(header);
    const path = renameTo ?? (plus !== undefined && plus !== '/dev/null' ? plus : undefined) ?? (minus !== undefined && minus !== '/dev/null' ? minus : undefined) ?? fromHeader?.[1] ?? '';
    const oldPath = renameFrom ?? (minus !== undefined && minus !== '/dev/null' ? minus : undefined) ?? fromHeader?.[0];
    blocks.push({ path, ...(oldPath !== undefined && oldPath !== path ? { oldPath } : {}), binary, unmerged: false, hunks });
  }
  return blocks;
}

/** `a/name` (maybe quoted, maybe followed by a tab) → `name`; `/dev/null` stays. */
function stripPrefix(raw: string, prefix: string): string {
  const name = raw.startsWith('"') ? unquote(raw) : raw.endsWith('\t') ? raw.slice(0, -1) : raw;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/** The two names of a `diff --git a/X b/Y` line, when it can be read unambiguously. */
function headerPaths(header: string): [string, string] | undefined {
  const rest = header.slice(header.indexOf(' ', 5) + 1);
  if (rest.startsWith('"')) {
    const end = quotedEnd(rest);
    const a = unquote(rest.slice(0, end));
    const bRaw = rest.slice(end + 1);
    const b = bRaw.startsWith('"') ? unquote(bRaw) : bRaw;
    return [a.replace(/^a\//, ''), b.replace(/^b\//, '')];
  }
  // Unquoted: "a/N b/N" with the same N on both sides (renames have their own lines).
  if ((rest.length - 5) % 2 !== 0) return undefined;
  const n = (rest.length - 5) / 2;
  const a = rest.slice(2, 2 + n);
  const b = rest.slice(n + 5);
  return a === b ? [a, b] : undefined;
}

function quotedEnd(s: string): number {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i + 1;
  }
  return s.length;
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
const utf8 = new TextDecoder();
const encoder = new TextEncoder();

/** Undoes git's C-style quoting (`"a\tb\303\244"`); unquoted names come back as they are. */
export function unquote(s: string): string {
  if (!s.startsWith('"')) return s;
  const bytes: number[] = [];
  const end = quotedEnd(s) - 1;
  for (let i = 1; i < end; i++) {
    const c = s[i]!;
    if (c !== '\\') {
      for (const b of encoder.encode(c)) bytes.push(b);
      continue;
    }
    const next = s[++i]!;
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(s.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
    }
  }
  return utf8.decode(new Uint8Array(bytes));
}

/** Lines a hunk adds, with their 1-based line numbers in the new file. */
export function addedLines(hunks: readonly Hunk[]): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  for (const h of hunks) {
    let n = h.newStart;
    for (const l of h.lines) {
      const c = l.charAt(0);
      if (c === '+') out.push({ line: n++, text: l.slice(1) });
      else if (c === ' ' || c === '') n++;
    }
  }
  return out;
}

/** Lines a hunk removes, with their 1-based line numbers in the old file. */
export function removedLines(hunks: readonly Hunk[]): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  for (const h of hunks) {
    let n = h.oldStart;
    for (const l of h.lines) {
      const c = l.charAt(0);
      if (c === '-') out.push({ line: n++, text: l.slice(1) });
      else if (c === ' ' || c === '') n++;
    }
  }
  return out;
}
