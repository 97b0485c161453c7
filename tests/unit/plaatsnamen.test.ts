// Places as analysts write them: woonplaatsen, misspellings and old names, each with the gemeente it resolves to or
// the first suggestion cter makes. No suggestion may look like a current gemeente when it is not one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileError } from '../../src/util/errors.js';
import { loadReference, withSuggestions } from '../../src/reference/index.js';
import { alleenZelfdeEinde } from '../../src/reference/suggest.js';
import type { GemeenteMatch } from '../../src/reference/gemeente-matcher.js';

const ref = loadReference();
const huidig = new Set(ref.gemeenten.map((g) => g.naam));

type Verwacht =
  | { gemeente: string; via?: string }
  | { eerste: string }
  | { dubbelzinnig: string[] }
  | { geen: true };

const GEVALLEN: [string, Verwacht][] = [
  // Woonplaatsen counted in their gemeente, however written.
  ['IJmuiden', { gemeente: 'Velsen', via: 'woonplaats' }],
  ['Ijmuiden', { gemeente: 'Velsen', via: 'woonplaats' }],
  ['ijmuiden', { gemeente: 'Velsen', via: 'woonplaats' }],
  ['Ymuiden', { gemeente: 'Velsen', via: 'woonplaats' }],
  ['Volendam', { gemeente: 'Edam-Volendam', via: 'woonplaats' }],
  ['Krommenie', { gemeente: 'Zaanstad', via: 'woonplaats' }],
  ['Zaandam', { gemeente: 'Zaanstad', via: 'woonplaats' }],
  ['ZAANDAM', { gemeente: 'Zaanstad', via: 'woonplaats' }],
  ['Zaandam (NH)', { gemeente: 'Zaanstad', via: 'woonplaats' }],
  ['Hoofddorp', { gemeente: 'Haarlemmermeer', via: 'woonplaats' }],
  ['Nieuw Vennep', { gemeente: 'Haarlemmermeer', via: 'woonplaats' }],
  ['Den Burg', { gemeente: 'Texel', via: 'woonplaats' }],
  ['Julianadorp', { gemeente: 'Den Helder', via: 'woonplaats' }],
  ['Koog a/d Zaan', { eerste: 'Koog aan de Zaan (woonplaats in Zaanstad)' }],
  ["'t Zand", { gemeente: 'Schagen', via: 'woonplaats' }],
  ['Egmond aan Zee', { gemeente: 'Bergen (NH.)', via: 'woonplaats' }],
  ['Koedijk (Alkmaar)', { gemeente: 'Alkmaar', via: 'woonplaats' }],
  // Gemeenten by official name, other name, without "'s-", with prefixes and suffixes, with or without diacritics.
  ['Den Helder', { gemeente: 'Den Helder', via: 'naam' }],
  ['Helder', { eerste: 'Den Helder' }],
  ["'s-Hertogenbosch", { gemeente: "'s-Hertogenbosch", via: 'naam' }],
  ['s Hertogenbosch', { gemeente: "'s-Hertogenbosch" }],
  ['Hertogenbosch', { gemeente: "'s-Hertogenbosch" }],
  ['Den Bosch', { gemeente: "'s-Hertogenbosch", via: 'andere-naam' }],
  ['Den Haag', { gemeente: "'s-Gravenhage", via: 'andere-naam' }],
  ['Súdwest-Fryslân', { gemeente: 'Súdwest-Fryslân', via: 'naam' }],
  ['Sudwest Fryslan', { gemeente: 'Súdwest-Fryslân' }],
  ['Bergen (NH.)', { gemeente: 'Bergen (NH.)' }],
  ['Bergen (NH)', { gemeente: 'Bergen (NH.)' }],
  ['Bergen NH', { gemeente: 'Bergen (NH.)' }],
  ['Bergen (L.)', { gemeente: 'Bergen (L.)' }],
  ['Gem. Zaanstad', { gemeente: 'Zaanstad', via: 'naam' }],
  ['Gemeente Zaanstad', { gemeente: 'Zaanstad', via: 'naam' }],
  ['Hoorn', { gemeente: 'Hoorn', via: 'naam' }],
  ['GM0479', { gemeente: 'Zaanstad', via: 'code' }],
  // Abolished gemeenten: counted at their successor.
  ['Muiden', { gemeente: 'Gooise Meren', via: 'opgeheven' }],
  ['Beemster', { gemeente: 'Purmerend', via: 'opgeheven' }],
  ['Heerhugowaard', { gemeente: 'Dijk en Waard', via: 'opgeheven' }],
  ['Weesp', { gemeente: 'Amsterdam', via: 'opgeheven' }],
  // Misspellings: the first suggestion is what the user meant, and says what it is.
  ['Zaanstadt', { eerste: 'Zaanstad' }],
  ['Zaandm', { eerste: 'Zaandam (woonplaats in Zaanstad)' }],
  ['Volendm', { eerste: 'Volendam (woonplaats in Edam-Volendam)' }],
  ['Krommeni', { eerste: 'Krommenie (woonplaats in Zaanstad)' }],
  ['Ijmuden', { eerste: 'IJmuiden (woonplaats in Velsen)' }],
  ['Muide', { eerste: 'Muiden (opgeheven, nu Gooise Meren)' }],
  ['Harlem', { eerste: 'Haarlem' }],
  ['Haarlemermeer', { eerste: 'Haarlemmermeer' }],
  ['Alkmar', { eerste: 'Alkmaar' }],
  ['Purmerent', { eerste: 'Purmerend' }],
  ['Velzen', { eerste: 'Velsen' }],
  ['Amsterdm', { eerste: 'Amsterdam' }],
  ['Leeuwaarden', { eerste: 'Leeuwarden' }],
  ['Hoofdorp', { eerste: 'Hoofddorp (woonplaats in Haarlemmermeer)' }],
  ['Egmond', { eerste: 'Egmond aan den Hoef (woonplaats in Bergen (NH.))' }],
  ['Koog', { eerste: 'De Koog (woonplaats in Texel)' }],
  // Ambiguous: refused, naming every candidate.
  ['Bergen', { dubbelzinnig: ['Bergen (NH.)', 'Bergen (L.)'] }],
  ['Koedijk', { dubbelzinnig: ['Alkmaar', 'Dijk en Waard'] }],
  ['Spaarndam', { dubbelzinnig: ['Haarlem', 'Haarlemmermeer'] }],
  ['Rozenburg', { dubbelzinnig: ['Haarlemmermeer', 'Rotterdam'] }],
  ['Stroe', { dubbelzinnig: ['Barneveld', 'Hollands Kroon'] }],
  // Nothing close enough: no suggestion rather than a misleading one.
  ['Qwxyzzz', { geen: true }],
  ['Noord', { geen: true }],
];

/** A suggestion is a current gemeente, or says what it is and names a current gemeente. */
function eerlijk(label: string): boolean {
  if (huidig.has(label)) return true;
  const m = /\((?:opgeheven, nu |woonplaats in )?(.+)\)$/.exec(label);
  return m !== null && m[1]!.split(' en in ').every((naam) => huidig.has(naam));
}

describe('places as analysts write them', () => {
  it('has at least 40 cases', () => {
    expect(GEVALLEN.length).toBeGreaterThanOrEqual(40);
  });

  it.each(GEVALLEN)('%s', (text, verwacht) => {
    const m: GemeenteMatch = ref.resolveGemeente(text);
    if ('gemeente' in verwacht) {
      expect(m.ok && m.gemeente.naam, withSuggestions(m.ok ? '' : m.reden, m.ok ? [] : m.suggesties)).toBe(verwacht.gemeente);
      if (verwacht.via) expect(m.ok && m.via).toBe(verwacht.via);
      return;
    }
    expect(m.ok).toBe(false);
    if (m.ok) return;
    for (const s of m.suggesties) expect(eerlijk(s), s).toBe(true);
    if ('eerste' in verwacht) expect(m.suggesties[0]).toBe(verwacht.eerste);
    if ('dubbelzinnig' in verwacht) {
      expect(m.reden).toMatch(/dubbelzinnig/);
      for (const naam of verwacht.dubbelzinnig) expect(m.reden).toContain(naam);
    }
    if ('geen' in verwacht) expect(m.suggesties).toEqual([]);
  });

  it('never suggests a name that only shares the ending', () => {
    const suggesties = (text: string) => {
      const m = ref.resolveGemeente(text);
      return m.ok ? [] : m.suggesties;
    };
    // The suggestions that misled before: Muiden for IJmuiden, Veendam for Volendam and Zaandam, Brummen/Ommen.
    for (const [text, nooit] of [
      ['IJmuidenn', 'Muiden'],
      ['Volendamm', 'Veendam'],
      ['Zaandamm', 'Veendam'],
      ['Krommeniee', 'Brummen'],
      ['Krommeniee', 'Ommen'],
    ] as const) {
      expect(suggesties(text).some((s) => s.startsWith(nooit)), `${text}: ${suggesties(text).join(', ')}`).toBe(false);
    }
    expect(alleenZelfdeEinde('volendam', 'veendam')).toBe(false);
    expect(alleenZelfdeEinde('zaandam', 'veendam')).toBe(true);
    expect(alleenZelfdeEinde('ymuiden', 'muiden')).toBe(true);
    expect(alleenZelfdeEinde('xaanstad', 'zaanstad')).toBe(false);
  });

  it('puts gemeenten of the workspace region first among equally close ones', () => {
    const zonder = loadReference().resolveGemeente('Haren');
    expect(zonder).toMatchObject({ ok: true, via: 'opgeheven' });
    const m = loadReference({ regio: 'Zaanstreek-Waterland' }).resolveGemeente('Broek');
    expect(!m.ok && m.suggesties[0]).toBe('Broek in Waterland (woonplaats in Waterland)');
    const elders = loadReference({ regio: 'Noord-Holland Noord' }).resolveGemeente('Broek');
    expect(!elders.ok && elders.suggesties[0]).toBe('Broek op Langedijk (woonplaats in Dijk en Waard)');
  });
});

describe('regions as analysts write them', () => {
  it.each([
    ['Politie-eenheid Amsterdam', 'Politie-eenheid Amsterdam'],
    ['politie eenheid amsterdam', 'Politie-eenheid Amsterdam'],
    ['Politie Den Haag', 'Politie-eenheid Den Haag'],
    ['Eenheid Oost-Brabant', 'Politie-eenheid Oost-Brabant'],
    ['Zorg- en veiligheidsregio Kennemerland', 'Kennemerland'],
    ['Ysselland', 'IJsselland'],
  ])('%s resolves to %s', (text, naam) => {
    const m = ref.resolveRegio(text);
    expect(m.ok && m.regio.naam).toBe(naam);
  });

  it.each([
    ['Zaanstreek', 'Zaanstreek-Waterland'],
    ['Amstelland', 'Amsterdam-Amstelland'],
    ['Kenemerland', 'Kennemerland'],
    ['Twent', 'Twente'],
    ['Amsterdam', 'Amsterdam-Amstelland'],
  ])('%s suggests %s first', (text, eerste) => {
    const m = ref.resolveRegio(text);
    expect(!m.ok && m.suggesties[0]).toBe(eerste);
  });

  it('suggests nothing for a name far from every region', () => {
    const m = ref.resolveRegio('Atlantis');
    expect(!m.ok && m.suggesties).toEqual([]);
  });

  it('has the ten politie-eenheden, together covering every gemeente once', () => {
    const eenheden = ref.regios.filter((r) => r.soort === 'politie-eenheid');
    expect(eenheden).toHaveLength(10);
    const codes = eenheden.flatMap((r) => r.gemeenten);
    expect(codes).toHaveLength(342);
    expect(new Set(codes).size).toBe(342);
    expect(Object.fromEntries(eenheden.map((r) => [r.naam, r.gemeenten.length]))).toMatchObject({
      'Politie-eenheid Amsterdam': 6,
      'Politie-eenheid Noord-Holland': 32,
    });
  });
});

describe("the configuration's own woonplaatsen", () => {
  const bestand = (inhoud: string) => {
    const pad = join(mkdtempSync(join(tmpdir(), 'cter-wp-')), 'woonplaatsen.csv');
    writeFileSync(pad, inhoud);
    return pad;
  };

  it('adds woonplaatsen elsewhere in the country; a second gemeente makes a name ambiguous', () => {
    const pad = bestand('woonplaats,cbs_code,bron\n# Overijssel\nNijverdal,GM0163,BAG\nDen Ham,GM1700,\nDen Ham,GM0147,\n');
    const eigen = loadReference({ woonplaatsen: pad });
    expect(eigen.resolveGemeente('Nijverdal')).toMatchObject({ ok: true, via: 'woonplaats', gemeente: { naam: 'Hellendoorn' } });
    expect(eigen.resolveGemeente('Den Ham')).toMatchObject({ ok: false, reden: "'Den Ham' is dubbelzinnig: Borne of Twenterand" });
    expect(eigen.resolveGemeente('Zaandam')).toMatchObject({ ok: true, gemeente: { naam: 'Zaanstad' } });
    expect(eigen.woonplaatsenVan('GM0163')).toEqual(['Nijverdal']);
    expect(ref.resolveGemeente('Nijverdal').ok).toBe(false);
  });

  it('stops with the file and line on a code that is not a current gemeente', () => {
    const pad = bestand('woonplaats,cbs_code\n# Overijssel\nNijverdal,GM0163\nGiethoorn,GM9999\n');
    expect(() => loadReference({ woonplaatsen: pad })).toThrow(FileError);
    expect(() => loadReference({ woonplaatsen: pad })).toThrow(/woonplaatsen\.csv: regel 4: 'GM9999' is geen CBS-code/);
    const zonderKolom = bestand('plaats,gemeente\nNijverdal,GM0163\n');
    expect(() => loadReference({ woonplaatsen: zonderKolom })).toThrow(/regel 2 mist kolom 'woonplaats'/);
  });

  it('refuses inhabitants given for a woonplaats', () => {
    expect(() => loadReference({ inwoners: { Zaandam: 80_000 } })).toThrow(/woonplaats in Zaanstad/);
  });
});
