/**
 * Text bound for a terminal, made inert. File names, record titles, commit content and git's own
 * messages come from the repository: an escape sequence in them (`\x1b]0;…\x07` retitles the window,
 * `\x1b[2J` clears it, OSC 8 fakes a link, `\r` overwrites the line, a bidi override reorders it)
 * would be interpreted by the terminal. Each such character is shown as its `\uXXXX` escape instead.
 */

/** C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates, line/paragraph separators. */
const CONTROL_KEEP_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, tab and newline included (for one field, e.g. a file name, that must stay on its line). */
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves raw but a terminal may interpret (it escapes C0 itself). */
const JSON_RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A multi-line report made inert: lines and tabs kept, every other control shown as `\uXXXX`. */
export function visibleText(text: string): string {
  return text.replace(CONTROL_KEEP_LINES, escape);
}

/** One field (a file name, a title) made inert and kept on one line: newlines and tabs escaped too. */
export function visibleField(text: string): string {
  return text.replace(CONTROL_ALL, escape);
}

/** JSON text made inert for a terminal; still valid JSON meaning the same (`\uXXXX` is a JSON escape). */
export function visibleJson(json: string): string {
  return json.replace(JSON_RAW, escape);
}

/**
 * A command's whole output made inert, as the CLI writes it: like `visibleText`, but a CRLF line
 * break stays one (outputs that copy a CRLF record's lines, as adr-tools does, keep their bytes).
 */
export function visibleOutput(text: string): string {
  return text.replace(CONTROL_KEEP_LINES, (c, at: number) => (c === '\r' && text[at + 1] === '\n' ? c : escape(c)));
}
