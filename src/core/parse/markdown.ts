/** The one Markdown parser of the project: unified + remark-parse, positions kept. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent, PhrasingContent } from 'mdast';

const processor = unified().use(remarkParse);

/** Parses Markdown into an mdast tree whose nodes carry offsets into `text`. */
export function parseMarkdown(text: string): Root {
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
