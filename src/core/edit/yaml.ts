/** Writing single YAML scalars in place, in the quoting style the author used. */

/** How a YAML scalar is quoted. */
export type QuoteStyle = 'plain' | 'double' | 'single';

/** The quoting style of a scalar as written (`"x"`, `'x'`, `x`). */
export function quoteStyleOf(written: string): QuoteStyle {
  const t = written.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return 'double';
  if (t.length >= 2 && t.startsWith("'") && t.endsWith("'")) return 'single';
  return 'plain';
}

/**
 * True when `value` reads back as the same string when written without quotes in a block mapping:
 * no indicator at the start, no `: ` or ` #`, no surrounding spaces, and not a YAML 1.1/1.2 keyword
 * or number (which would read back as a boolean, null or number).
 */
export function isSafePlain(value: string): boolean {
  if (value === '' || value !== value.trim()) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value)) return false;
  if (/: |:$| #|[\r\n\t]/.test(value)) return false;
  if (/^(?:~|null|true|false|yes|no|on|off|y|n)$/i.test(value)) return false;
  if (/^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(value) || /^0[xob]/i.test(value)) return false;
  if (/^\.(?:inf|nan)$/i.test(value)) return false;
  // A date-like value would become a Date for some readers: keep it a string only when asked for.
  return true;
}

/** `value` as a YAML scalar in `style`, falling back to double quotes when plain would change it. */
export function yamlScalar(value: string, style: QuoteStyle = 'plain'): string {
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  if (style === 'plain' && isSafePlain(value)) return value;
  // JSON string escapes are valid YAML double-quoted escapes.
  return JSON.stringify(value);
}
