/**
 * The site's full-text search: a MiniSearch index built here and loaded by the page as it is
 * (MiniSearch.loadJSON), so a reader's browser searches without a server or a build step. The
 * options are shared with the page's script (src/webviews/site/main.ts keeps the same literal).
 */
import MiniSearch from 'minisearch';

export const SEARCH_FIELDS = ['title', 'reference', 'tags', 'status', 'text'] as const;
export const SEARCH_OPTIONS = { idField: 'key', fields: [...SEARCH_FIELDS], storeFields: [] as string[] };

export interface SearchDocument {
  readonly key: string;
  readonly title: string;
  readonly reference: string;
  readonly tags: string;
  readonly status: string;
  readonly text: string;
}

/** The index as the JSON text MiniSearch.loadJSON reads. */
export function buildSearchIndex(docs: readonly SearchDocument[]): string {
  const ms = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  ms.addAll(docs as SearchDocument[]);
  return JSON.stringify(ms);
}
