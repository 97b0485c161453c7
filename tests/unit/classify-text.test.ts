// Tokenising and pattern parsing for the rules engine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matcher } from '../../src/classify/matcher.js';
import { stem } from '../../src/classify/stem.js';
import { foldText, leegTokens, parsePattern, tokenize } from '../../src/classify/text.js';

describe('tokenize', () => {
  it('splits words on anything that is not a letter or digit, folding case and diacritics', () => {
    const t = tokenize("Hij deelt IS-propaganda over Oekraïne; 'n één-tweetje.");
    expect(t.lower).toEqual(['hij', 'deelt', 'is', 'propaganda', 'over', 'oekraine', 'n', 'een', 'tweetje']);
    expect(t.original).toEqual(['Hij', 'deelt', 'IS', 'propaganda', 'over', 'Oekraine', 'n', 'een', 'tweetje']);
  });

  it('numbers sentences, without splitting "2.0" or abbreviations inside a word', () => {
    const t = tokenize('Roept op tot Neurenberg 2.0! Daarna: niets.\nNieuwe regel');
    expect(t.lower).toEqual(['roept', 'op', 'tot', 'neurenberg', '2', '0', 'daarna', 'niets', 'nieuwe', 'regel']);
    expect(t.sentence).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 2, 2]);
    expect(t.sentenceStart).toEqual([0, 6, 8, 10]);
  });

  it('keeps Arabic script as words', () => {
    expect(tokenize('steun voor الدولة الإسلامية').lower).toEqual(['steun', 'voor', 'الدولة', 'الاسلامية']);
  });

  it('yields only non-empty words of letters and digits, with consistent sentence bounds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const t = tokenize(text);
        expect(t.original.length).toBe(t.lower.length);
        for (const w of t.lower) expect(w).toMatch(/^[\p{L}\p{N}]+$/u);
        expect(t.sentenceStart[0]).toBe(0);
        expect(t.sentenceStart.at(-1)).toBe(t.lower.length);
        t.sentence.forEach((s, i) => {
          expect(i).toBeGreaterThanOrEqual(t.sentenceStart[s]!);
          expect(i).toBeLessThan(t.sentenceStart[s + 1]!);
        });
      }),
    );
  });

  it('gives every text the same tokens fresh and written over one reused Tokens, also as words repeat in other case', () => {
    // A small alphabet, so words repeat (the word table answers them) in upper, lower and mixed case.
    const tekst = fc.array(fc.constantFrom('ik', 'IK', 'Ik', 'aanslagen', 'AANSLAG', '88', '1488', 'é', 'Oekraïne', ' ', '. ', ';', '-', 'IS', 'ς'), {
      maxLength: 25,
    });
    fc.assert(
      fc.property(fc.array(tekst.map((delen) => delen.join('')), { minLength: 1, maxLength: 6 }), (teksten) => {
        const hergebruikt = leegTokens();
        for (const text of teksten) {
          const vers = tokenize(text);
          const t = tokenize(text, hergebruikt);
          expect(t.aantal).toBe(vers.lower.length);
          expect(t.lower.slice(0, t.aantal)).toEqual(vers.lower);
          expect(t.original.slice(0, t.aantal)).toEqual(vers.original);
          expect(t.stem.slice(0, t.aantal)).toEqual(vers.stem);
          expect(t.sentence.slice(0, t.aantal)).toEqual(vers.sentence);
          expect(t.sentenceStart.slice(0, vers.sentenceStart.length)).toEqual(vers.sentenceStart);
          // ASCII words: the original as written, lower-cased as a whole, stemmed.
          if (!/[^\x00-\x7f]/.test(text)) {
            const woorden = text.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
            expect(vers.original).toEqual(woorden);
            expect(vers.lower).toEqual(woorden.map((w) => w.toLowerCase()));
            expect(vers.stem).toEqual(woorden.map((w) => stem(w.toLowerCase())));
          }
        }
      }),
    );
  });

  it('gives the same lower-case words for a text in any case', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        expect(tokenize(text.toUpperCase()).lower).toEqual(tokenize(text.toLowerCase()).lower);
      }),
    );
  });
});

describe('parsePattern', () => {
  it('reads words, prefixes and case', () => {
    expect(parsePattern('Soevereine burger*')).toEqual([
      { lower: 'soevereine', stem: 'soeverein', original: 'Soevereine', prefix: false, head: false },
      { lower: 'burger', stem: 'burger', original: 'burger', prefix: true, head: false },
    ]);
    expect(parsePattern('IS-vlag')).toEqual([
      { lower: 'is', stem: 'is', original: 'IS', prefix: false, head: false },
      { lower: 'vlag', stem: 'vlag', original: 'vlag', prefix: false, head: false },
    ]);
    expect(parsePattern('*strijd')).toEqual([
      { lower: 'strijd', stem: 'strijd', original: 'strijd', prefix: false, head: true },
    ]);
  });

  it('rejects unusable patterns with a reason', () => {
    expect(parsePattern('* bom')).toMatch(/'\*' mag alleen direct na een woord staan/);
    expect(parsePattern('*bom')).toBe("achterdeel '*bom' is te kort (minimaal 4 tekens)");
    expect(parsePattern('*rassen strijd')).toMatch(/achterdeel .* is een enkel woord/);
    expect(parsePattern('bom **')).toMatch(/'\*' mag alleen direct na een woord staan/);
    expect(parsePattern('ab*')).toBe("voorvoegsel 'ab*' is te kort (minimaal 3 tekens)");
    expect(parsePattern(' - ')).toBe('bevat geen letters of cijfers');
  });

  it('folds like the text it is matched against', () => {
    expect(foldText('Oekraïne ÉÉN')).toBe('oekraine een');
  });
});

describe('Matcher over a reused Tokens', () => {
  it('reads only the tokens of the text at hand (a longer earlier text leaves entries behind)', () => {
    const matcher = new Matcher<string>();
    matcher.add('IS', true, 'is');
    matcher.add('goed*', false, 'goed');
    const t = leegTokens();
    expect(matcher.find(tokenize('hij zegt is goed nu', t)).map((m) => m.pattern.payload)).toEqual(['goed']);
    // Capitals only: 'IS' says nothing; the 'goed' left behind at index 3 is no neighbour and no match.
    expect(matcher.find(tokenize('HIJ ZEGT IS', t))).toEqual([]);
    expect(matcher.find(tokenize('HIJ ZEGT IS'))).toEqual([]);
    expect(matcher.find(tokenize('hij zegt IS', t)).map((m) => m.pattern.payload)).toEqual(['is']);
  });
});

describe('Matcher and numbers', () => {
  const gevonden = (matcher: Matcher<string>, text: string) => matcher.find(tokenize(text)).map((m) => m.pattern.payload);

  it('finds a number by an exact pattern, and by a prefix or compound head of digits once there is one', () => {
    const matcher = new Matcher<string>();
    matcher.add('1488', false, 'code');
    matcher.add('88 sticker', false, 'zin');
    expect(gevonden(matcher, 'tekst 1488 en 88 sticker en 14889 en 1238888')).toEqual(['code', 'zin']);
    matcher.add('148*', false, 'prefix');
    matcher.add('*8888', false, 'kop');
    expect(gevonden(matcher, 'tekst 1488 en 88 sticker en 14889 en 1238888')).toEqual(['code', 'prefix', 'zin', 'prefix', 'kop']);
  });
});
