/** Hover and tooltip text (src/host/markdown.ts): code spans render as code, the rest is escaped. */
import { strict as assert } from 'node:assert';
import { inlineMarkdown } from '../../src/host/markdown';

describe('inlineMarkdown', () => {
  it('keeps code spans as Markdown code spans and escapes the text around them', () => {
    assert.equal(inlineMarkdown('Dispatch with one `case` in `adr`.'), 'Dispatch with one `case` in `adr`\\.');
    assert.equal(inlineMarkdown('Use `pg` (not *mysql*)'), 'Use `pg` \\(not \\*mysql\\*\\)');
  });

  it('matches a run of backticks with the next run of the same length (CommonMark)', () => {
    assert.equal(inlineMarkdown('a ``x ` y`` b'), 'a ``x ` y`` b');
    assert.equal(inlineMarkdown('``a` b'), '\\`\\`a\\` b');
  });

  it('escapes a backtick that has no partner, and breaks $( inside code spans', () => {
    assert.equal(inlineMarkdown("it's `open"), "it's \\`open");
    assert.equal(inlineMarkdown('`$(bug)` and $(bug)'), '`$\u200b(bug)` and $\\(bug\\)');
  });

  it('leaves text without specials alone', () => {
    assert.equal(inlineMarkdown('Accepted'), 'Accepted');
    assert.equal(inlineMarkdown(''), '');
  });
});
