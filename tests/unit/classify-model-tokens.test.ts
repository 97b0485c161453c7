// ModelTokens keeps of a waiting text only the tokens the text model reads; the model must propose exactly what it
// proposes from the whole text (same features, same order, same words in its reason).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ModelTokens } from '../../src/classify/model-tokens.js';
import { buildModel, loadModelFile, type ModelFile, type TrainingExample } from '../../src/classify/tekstmodel.js';
import { leegTokens, tokenize } from '../../src/classify/text.js';

// Words of every kind the model treats apart: fenomeen words, stop words, words for persons, numbers, capitals,
// accents, and what ends a sentence.
const WOORDEN = [
  'moskee', 'kalifaat', 'aanslag', 'jihad', 'sticker', 'hakenkruis', 'Wit', 'ras', 'remigratie', 'antifa', 'kraakpand',
  'soevereine', 'burger', 'belastingen', 'klimaat', 'blokkade', 'A12', 'de', 'het', 'een', 'niet', 'geen', 'jongeman',
  'leerling', 'vader', '1488', '12', 'Oekraïne', 'één', 'IS', 'vlag', 'geweld', 'dreiging', 'online', 'Telegram',
];
const SCHEIDING = [' ', ' ', ' ', ', ', '. ', '; ', '! ', '\n', ' - '];

const tekst = fc
  .array(fc.tuple(fc.constantFrom(...WOORDEN), fc.constantFrom(...SCHEIDING)), { minLength: 0, maxLength: 30 })
  .map((delen) => delen.map(([w, s]) => w + s).join(''));

const VOORBEELDEN: TrainingExample[] = [
  { tekst: 'Sticker met hakenkruis en wit ras bij de school.', fenomeen: 'rechts-extremisme' },
  { tekst: 'Oproep tot jihad en steun aan het kalifaat online.', fenomeen: 'jihadisme' },
  { tekst: 'Blokkade van de A12 door klimaat activisten.', fenomeen: 'klimaat-dierenrechtenactivisme' },
  { tekst: 'Soevereine burger weigert belastingen te betalen.', fenomeen: 'anti-institutioneel-extremisme' },
];

let basis: ModelFile;
beforeAll(async () => {
  basis = await loadModelFile();
});

describe('ModelTokens', () => {
  it('gives the model what it proposes from the whole text', () => {
    // Two models alike: each remembers its proposals per text, so one answers from the kept tokens, one from the text.
    const metTokens = buildModel(basis, VOORBEELDEN, undefined);
    const zonder = buildModel(basis, VOORBEELDEN, undefined);
    fc.assert(
      fc.property(fc.array(tekst, { minLength: 1, maxLength: 8 }), (teksten) => {
        const bewaard = new ModelTokens();
        for (const t of teksten) bewaard.bewaar(tokenize(t, leegTokens()));
        const into = leegTokens();
        teksten.forEach((t, j) => {
          const tokens = bewaard.lees(j, into);
          expect(tokens).toBeDefined();
          expect(metTokens.voorstel(t, tokens)).toStrictEqual(zonder.voorstel(t));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps nothing for a text the rules did not tokenise, nor beyond its limit', () => {
    const bewaard = new ModelTokens(5);
    bewaard.bewaar(tokenize('aanslag op de moskee'));
    bewaard.bewaar(undefined);
    bewaard.bewaar(tokenize('sticker hakenkruis wit ras'));
    const into = leegTokens();
    // Stop words are left out: 'op' and 'de'.
    expect(bewaard.lees(0, into)?.lower.slice(0, into.aantal)).toEqual(['aanslag', 'moskee']);
    expect(bewaard.lees(1, into)).toBeUndefined();
    // Two kept and four more tokens would pass the limit of five.
    expect(bewaard.lees(2, into)).toBeUndefined();
    bewaard.clear();
    bewaard.bewaar(tokenize('sticker hakenkruis wit ras'));
    expect(bewaard.lees(0, into)?.aantal).toBe(4);
  });
});
