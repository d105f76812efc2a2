import { strict as assert } from 'node:assert';
import { asciiTwinSource, isAscii, letters, withoutLeadingNonLetters } from '../../src/core/letters';
import { findStatusWords, BUILT_IN_VOCABULARY } from '../../src/core/parse/vocabulary';

/** Every ASCII string up to length 3 over a mix of letters, digits, marks and spaces, plus longer samples. */
function asciiSamples(): string[] {
  const alphabet = ['a', 'Z', '7', ' ', '*', '_', '-', '[', ':', '.'];
  const out = [''];
  let level = [''];
  for (let n = 0; n < 3; n++) {
    level = level.flatMap((s) => alphabet.map((c) => s + c));
    out.push(...level);
  }
  return [...out, 'Accepted', '**Accepted**', '_Not_Implemented_', '*x* and *y*', 'Superseded by [ADR-7](0007-x.md)', '  - Status: Accepted', '> **Date:** 2020-01-01', 'in-review', 'not accepted'];
}

describe('letters: regexes over letters with an ASCII twin', () => {
  it('writes the ASCII meaning of each letter class, inside and outside brackets', () => {
    assert.equal(asciiTwinSource(String.raw`(?<![\p{L}\p{N}*])\*`), String.raw`(?<![A-Za-z0-9*])\*`);
    assert.equal(asciiTwinSource(String.raw`^\p{L}[\p{L} -]{0,30}$`), String.raw`^[A-Za-z][A-Za-z -]{0,30}$`);
    assert.equal(asciiTwinSource(String.raw`\p{Lu}|\p{Ll}|[^\p{L}[]`), String.raw`[A-Z]|[a-z]|[^A-Za-z[]`);
    // An escaped bracket or backslash neither opens nor closes a class.
    assert.equal(asciiTwinSource(String.raw`\[\p{L}\]\\\p{N}`), String.raw`\[[A-Za-z]\]\\[0-9]`);
  });

  it('refuses a property it has no ASCII meaning for (marks, negated properties)', () => {
    assert.throws(() => asciiTwinSource(String.raw`\p{M}+`), /no ASCII twin for \\p\{M\}/);
    assert.throws(() => asciiTwinSource(String.raw`\P{L}`), /no ASCII twin/);
  });

  const patterns: RegExp[] = [
    /(?<![\p{L}\p{N}*])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu,
    /(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu,
    /^[^\p{L}\p{N}[]+/u,
    /^(\s*(?:>[ \t]?)*\s*(?:[-*+]\s+)?)(\*\*|__)?(\p{L}[\p{L} -]{0,30}?)(?:\*\*|__)?\s*:(?:\*\*|__)?[ \t]*(.*)$/u,
    /(?:^|[^\p{L}])(?:not|no)[\s-]+$/u,
    /\p{Lu}/u,
    /[^\p{L}\p{N}]+/u,
  ];
  for (const re of patterns) {
    it(`gives the same matches as ${re.source.slice(0, 40)}… on ASCII text`, () => {
      const pick = letters(re);
      for (const s of asciiSamples()) {
        const twin = pick(s);
        assert.notEqual(twin, re, 'ASCII text gets the twin');
        assert.equal(s.replace(twin, '<$&>'), s.replace(new RegExp(re.source, re.flags), '<$&>'), JSON.stringify(s));
      }
    });
  }

  it('keeps the Unicode regex for other text, where the classes mean more', () => {
    const re = /^\p{L}+$/u;
    const pick = letters(re);
    assert.equal(pick('Décision'), re);
    assert.ok(pick('Décision').test('Décision'));
    assert.ok(!pick('Decision?').test('Decision?'));
    assert.ok(isAscii('plain') && !isAscii('é'));
  });

  it('strips what precedes the first letter', () => {
    assert.equal(withoutLeadingNonLetters('✅ Accepted'), 'Accepted');
    assert.equal(withoutLeadingNonLetters('** accepted'), 'accepted');
    assert.equal(withoutLeadingNonLetters(null), '');
  });
});

describe('findStatusWords: a whole plain phrase is looked up before the regex', () => {
  it('finds each built-in phrase alone as the regex does (same word, status, position; not negated)', () => {
    for (const words of Object.values(BUILT_IN_VOCABULARY).flat()) {
      const alone = findStatusWords(words);
      // With a full stop after it the text is no plain phrase: the regex reads it.
      const viaRegex = findStatusWords(`${words}.`);
      assert.equal(alone.length, 1, words);
      assert.deepEqual(alone[0], viaRegex[0], words);
      assert.deepEqual(findStatusWords(`  ${words} `)[0], { ...viaRegex[0]!, index: 2 }, words);
    }
  });

  it('leaves negations and several words to the regex', () => {
    assert.deepEqual(findStatusWords('not accepted').map((w) => [w.words, w.negated]), [['accepted', true]]);
    assert.deepEqual(findStatusWords('accepted superseded').map((w) => w.words), ['accepted', 'superseded']);
    assert.deepEqual(findStatusWords('living').map((w) => w.status), ['accepted']);
    assert.deepEqual(findStatusWords('unknownword'), []);
  });
});
