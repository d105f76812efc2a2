/** Where a section's own text starts: after blank lines and the template's HTML comments. No vscode import. */
export function firstContentOffset(text: string, from: number): number {
  let at = from;
  for (;;) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl === -1 ? text.length : nl);
    if (nl === -1 || !(line.trim() === '' || /^\s*<!--.*-->\s*$/.test(line))) return at;
    at = nl + 1;
  }
}
