/**
 * The site's full-text search: the generator writes each record's searchable text, compactly, and
 * the reader's browser indexes it with MiniSearch (src/webviews/site/main.ts) when the search box
 * is first used, so a site searches without a server or a build step. Building and serialising the
 * index here cost more than everything else in a build but the Markdown (0.2 s of ~1 s for 1,000
 * records); the browser indexes those records in about that time, and only for a reader who searches.
 *
 * The file is a script (pages opened from file:// cannot fetch, but they can load a script) setting
 * `window.ADRW_SEARCH_DOCS` to one array per record, the fields in `SEARCH_FIELDS` order (the page's
 * script keeps the same list). The text keeps each whitespace-separated word once: the page lists
 * hits in the index's own order (no ranking), so only which words a record holds matters, and the
 * tokens MiniSearch makes of the words are the tokens it would make of the whole text.
 */

export const SEARCH_FIELDS = ['key', 'title', 'reference', 'tags', 'status', 'text'] as const;

export interface SearchDocument {
  readonly key: string;
  readonly title: string;
  readonly reference: string;
  readonly tags: string;
  readonly status: string;
  readonly text: string;
}

/** Each distinct whitespace-separated word of `text` once, in first-seen order. */
export function distinctWords(text: string): string {
  return [...new Set(text.match(/\S+/g))].join(' ');
}

/** The documents as the script `assets/search-docs.js`. */
export function searchDocumentsScript(docs: readonly SearchDocument[]): string {
  const rows = docs.map((d) => [d.key, d.title, d.reference, d.tags, d.status, distinctWords(d.text)]);
  return `window.ADRW_SEARCH_DOCS=${jsonForScript(JSON.stringify(rows))};\n`;
}

/** JSON is a JavaScript expression, but `</script` and U+2028/9 are not welcome inside one. */
export function jsonForScript(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
