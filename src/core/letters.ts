/**
 * Regexes over letters and digits with an ASCII twin. `\p{L}`, `\p{N}`, `\p{Lu}` and `\p{Ll}` make V8
 * build (and, on the next run, compile to machine code) tables of every Unicode letter: about half a
 * millisecond to a millisecond per regex, paid again by every process, where a command such as
 * `adrw new` reads a handful of records. On ASCII text, which nearly all records are, they mean no
 * more than `[A-Za-z]` and `[0-9]`: `letters(re)` gives a function returning the twin with those
 * classes for ASCII text and `re` itself for any other, so the Unicode tables are built only for text
 * that needs them. Same flags, same groups, same matches (letters.test.ts checks it).
 */

const ASCII = /^[\x00-\x7f]*$/;

/** True when `text` is ASCII only. */
export function isAscii(text: string): boolean {
  return ASCII.test(text);
}

const CLASSES: Readonly<Record<string, string>> = { L: 'A-Za-z', N: '0-9', Lu: 'A-Z', Ll: 'a-z' };

/**
 * The ASCII twin of a regex source: each `\p{L}`, `\p{N}`, `\p{Lu}`, `\p{Ll}` as its ASCII range
 * (inside a character class) or a class of it (outside one). Throws on any other property: its ASCII
 * meaning is not written here.
 */
export function asciiTwinSource(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const m = /^\\[pP]\{([A-Za-z_=]+)\}/.exec(source.slice(i));
      if (m) {
        const range = CLASSES[m[1]!];
        if (range === undefined || source[i + 1] === 'P') throw new Error(`letters: no ASCII twin for ${m[0]}`);
        out += inClass ? range : `[${range}]`;
        i += m[0].length - 1;
        continue;
      }
      out += c + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

/**
 * `re` for text that is not ASCII, its ASCII twin for text that is (both made once). A global or
 * sticky regex keeps its `lastIndex` per twin: set it on the one returned. The twin is made on
 * first use, and a source with no ASCII twin throws then.
 */
export function letters(re: RegExp): (text: string) => RegExp {
  // Made on first use: a module's regexes cost nothing until its code runs.
  let twin: RegExp | undefined;
  return (text) => (ASCII.test(text) ? (twin ??= new RegExp(asciiTwinSource(re.source), re.flags)) : re);
}

const LEADING_NON_LETTERS = letters(/^[^\p{L}]+/u);

/** `text` without what precedes its first letter ("✅ Accepted" → "Accepted"); '' for none. */
export function withoutLeadingNonLetters(text: string | null | undefined): string {
  return text ? text.replace(LEADING_NON_LETTERS(text), '') : '';
}
