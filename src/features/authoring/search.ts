/**
 * Full-text search over records for Open Decision's `?` mode. Texts are read lazily, a few at a
 * time, and kept for the rest of the question; a newer query cancels an older one between reads.
 * No vscode import.
 */
import type { AdrRecord } from '../../core/model';

export interface TextMatch {
  readonly record: AdrRecord;
  /** Zero-based line of the first match. */
  readonly line: number;
  /** The matching line, trimmed and shortened around the match. */
  readonly snippet: string;
}

export interface SearchOptions {
  /** At most this many matches (default 100). */
  readonly limit?: number;
  /** Texts read at once (default 16). */
  readonly concurrency?: number;
  readonly isCancelled?: () => boolean;
}

const SNIPPET = 90;

/** Records whose text contains `query` (case-insensitive), in the order given. */
export async function searchTexts(
  records: readonly AdrRecord[], query: string, read: (r: AdrRecord) => Promise<string | undefined>, options: SearchOptions = {},
): Promise<TextMatch[]> {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const limit = options.limit ?? 100;
  const batch = options.concurrency ?? 16;
  const out: TextMatch[] = [];
  for (let i = 0; i < records.length && out.length < limit; i += batch) {
    if (options.isCancelled?.()) return out;
    const slice = records.slice(i, i + batch);
    const texts = await Promise.all(slice.map((r) => read(r).catch(() => undefined)));
    slice.forEach((record, j) => {
      const text = texts[j];
      const m = text === undefined || out.length >= limit ? undefined : matchIn(text, q);
      if (m) out.push({ record, ...m });
    });
  }
  return out;
}

/** The first line of `text` containing `q` (lower-case), with a snippet around it. */
export function matchIn(text: string, q: string): { line: number; snippet: string } | undefined {
  const at = text.toLowerCase().indexOf(q);
  if (at === -1) return undefined;
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  const lineText = text.slice(start, nl === -1 ? text.length : nl).replace(/\r$/, '');
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < start; i = text.indexOf('\n', i + 1)) line++;
  const col = at - start;
  const from = Math.max(0, col - Math.floor((SNIPPET - q.length) / 2));
  const cut = lineText.slice(from, from + SNIPPET).trim();
  return { line, snippet: `${from > 0 ? '…' : ''}${cut}${from + SNIPPET < lineText.length ? '…' : ''}` };
}
