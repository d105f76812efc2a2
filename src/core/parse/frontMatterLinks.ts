/**
 * Relations in a front matter `links:` list of maps, as joshrotenberg/adrs writes them in "ng" mode:
 *
 *     links:
 *       - rel: Implements        # or `kind: supersedes` / `supersededby`
 *         target: 12             # a record number (or a file)
 */
import type { FrontMatter, Relation } from '../model';
import { relationTypeOf } from './status';

const COMPACT: Record<string, string> = {
  supersededby: 'superseded by', amendedby: 'amended by', clarifiedby: 'clarified by', relatesto: 'relates to',
};

/** The relations of `frontMatter`'s `links` entry (items with a verb and a target; others are ignored). */
export function frontMatterLinks(frontMatter: FrontMatter | undefined): Relation[] {
  const entry = frontMatter?.entries.find((e) => e.key === 'links');
  const items = frontMatter?.data?.links;
  if (!entry || !Array.isArray(items)) return [];
  const out: Relation[] = [];
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    const o = item as Record<string, unknown>;
    const verbRaw = o.rel ?? o.kind ?? o.type;
    const target = o.target ?? o.id;
    if (typeof verbRaw !== 'string' || (typeof target !== 'string' && typeof target !== 'number')) continue;
    const lower = verbRaw.trim().toLowerCase();
    const verb = COMPACT[lower.replace(/[\s_-]+/g, '')] ?? lower.replace(/[_-]+/g, ' ');
    out.push({ type: relationTypeOf(verb), verb, target: String(target), source: 'front-matter', span: entry.span });
  }
  return out;
}
