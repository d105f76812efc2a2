/**
 * A `git fast-import` stream written in memory: the benches' generated histories (thousands of
 * commits in one process, each with its author and time).
 */
export const AUTHORS = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin', 'Frank', 'Grace', 'Heidi', 'Ivan', 'Judy'];

/** A `data` command holding `s`. */
export const data = (s: string): string => `data ${Buffer.byteLength(s)}\n${s}\n`;

export interface FastImportStream {
  /** The stream's commands so far. */
  readonly out: string[];
  /** Appends a commit of `ops` (its author by turn, its time from `timeOf(mark)`); returns its mark. */
  commit(ops: string[], message: string, from: number | undefined, merge?: number, ref?: string): number;
}

export function fastImportStream(timeOf: (mark: number) => number): FastImportStream {
  const out: string[] = [];
  let mark = 0;
  return {
    out,
    commit(ops, message, from, merge, ref = 'refs/heads/main') {
      mark++;
      const time = timeOf(mark);
      const who = AUTHORS[mark % AUTHORS.length]!;
      out.push(`commit ${ref}\nmark :${mark}\nauthor ${who} <${who.toLowerCase()}@example.com> ${time} +0000\ncommitter ${who} <${who.toLowerCase()}@example.com> ${time} +0000\n${data(message)}`);
      if (from !== undefined) out.push(`from :${from}\n`);
      if (merge !== undefined) out.push(`merge :${merge}\n`);
      out.push(...ops, '\n');
      return mark;
    },
  };
}
