/** Text helpers shared by parsers, edits and front ends: decoding, line breaks, offset ↔ line. */

import { UserError } from './errors';

export interface DecodedText {
  readonly text: string;
  readonly bom: boolean;
  /**
   * True when the bytes are not valid UTF-8 (a Latin-1 or Windows-1252 file): `text` has U+FFFD for
   * each bad sequence, so writing it back would lose bytes. Such files are listed, never edited.
   */
  readonly lossy?: true;
}

/** Records larger than this are not parsed (a clear message instead). */
export const MAX_RECORD_BYTES = 2 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const utf8Exact = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/**
 * Decodes a Markdown file. Rejects binary content (a NUL byte in the first 8 KiB) and oversized files
 * with a `UserError` naming the file, so callers can report and skip it without losing anything.
 */
export function decodeText(bytes: Uint8Array, path: string): DecodedText {
  if (bytes.length > MAX_RECORD_BYTES) {
    throw new UserError(`${path}: file is too large to be a decision record (${bytes.length} bytes)`, path);
  }
  // A NUL in the first 8 KiB (indexOf: native, where a loop runs cold over every byte of every record).
  if (bytes.subarray(0, 8192).indexOf(0) >= 0) throw new UserError(`${path}: binary file, not a Markdown record`, path);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    // The fatal decoder costs the same as the lenient one on valid input (nearly every file).
    return { text: utf8Exact.decode(body), bom };
  } catch {
    return { text: utf8.decode(body), bom, lossy: true };
  }
}

/** Where the first byte sequence that is not UTF-8 starts (-1 when all of it is UTF-8). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * `decodeText` for a file about to be edited: refuses (with a `UserError` saying why) a file that
 * does not decode exactly as UTF-8, since writing its text back would turn every non-UTF-8 byte
 * into U+FFFD. A BOM is handled as `decodeText` does.
 */
export function decodeForEdit(bytes: Uint8Array, path: string): DecodedText {
  const decoded = decodeText(bytes, path);
  if (decoded.lossy) {
    const at = firstInvalidUtf8(bytes);
    const byte = at >= 0 ? ` (byte 0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')} at offset ${at})` : '';
    throw new UserError(`${path}: not UTF-8${byte}, probably Latin-1; not edited, so no byte is lost (convert it to UTF-8 first)`, path);
  }
  return decoded;
}

/** Encodes text back to bytes, restoring the BOM when the file had one. */
export function encodeText(text: string, bom: boolean): Uint8Array {
  const body = encoder.encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf], 0);
  out.set(body, 3);
  return out;
}

/** The file's dominant line break: CRLF when the first line break is CRLF. */
export function detectEol(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** Maps offsets to zero-based lines and UTF-16 columns, and back. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }

  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[line]! + character, this.lineEnd(line));
  }

  /** Offset of the start of `line`. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  /** Offset of the end of `line`'s content (before `\r\n` or `\n`). */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1]! - 1; // the '\n'
    if (end > this.starts[line]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** Applies non-overlapping edits (any order) to a text. Throws on overlap: a bug in the planner. */
export function applyEdits(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at || e.end < e.start || e.end > text.length) {
      throw new Error(`overlapping or out-of-range edit [${e.start}, ${e.end}) at ${at}`);
    }
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}
