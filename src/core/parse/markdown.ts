/** The one Markdown parser of the project: unified + remark-parse, positions kept. */
import type { Processor } from 'unified';
import type { Root, RootContent, PhrasingContent } from 'mdast';

let processor: Pick<Processor<Root>, 'parse'> | undefined;

/**
 * Parses Markdown into an mdast tree whose nodes carry offsets into `text`. unified and remark
 * (micromark) are evaluated on the first parse: the index reads records with the line scanner, so
 * most commands never need them.
 */
export function parseMarkdown(text: string): Root {
  if (!processor) {
    // Requires, not imports: bundled all the same, but run when first called.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { unified } = require('unified') as typeof import('unified');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const remarkParse = (require('remark-parse') as { default: typeof import('remark-parse').default }).default;
    processor = unified().use(remarkParse);
  }
  return processor.parse(text);
}

type AnyNode = Root | RootContent | PhrasingContent;

/** Plain text of a node: text and inline code values, ignoring markup. */
export function plainText(node: AnyNode): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as AnyNode[]).map(plainText).join('');
  return '';
}

export function startOf(node: { position?: { start: { offset?: number } } }): number {
  return node.position?.start.offset ?? 0;
}

export function endOf(node: { position?: { end: { offset?: number } } }): number {
  return node.position?.end.offset ?? 0;
}

export type { Root, RootContent };
