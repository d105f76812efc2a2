/** Text shown inside a `MarkdownString`, with every Markdown special character escaped. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/**
 * Text from a repository shown where VS Code renders `$(icon)` syntax (quick-pick labels, CodeLens
 * and status bar titles, notifications): a zero-width space after each `$` keeps `$(x)` literal.
 */
export function noIcons(s: string): string {
  return s.includes('$(') ? s.replace(/\$\(/g, '$\u200b(') : s;
}
