import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareGemeenteNamen, loadReference, withSuggestions } from '../../src/reference/index.js';
import { readReferenceTables } from '../../src/reference/tables.js';
import { CterError } from '../../src/util/errors.js';
import { normaliseName } from '../../src/reference/normalise.js';
import type { GemeenteMatch } from '../../src/reference/gemeente-matcher.js';

const ref = loadReference();

function code(match: GemeenteMatch): string | undefined {
  return match.ok ? match.gemeente.code : undefined;
}

describe('reference tables', () => {
  const tables = readReferenceTables();

  it('holds the 342 current gemeenten with unique codes and names', () => {
    expect(ref.gemeenten).toHaveLength(342);
    expect(new Set(ref.gemeenten.map((g) => g.code)).size).toBe(342);
    expect(new Set(ref.gemeenten.map((g) => normaliseName(g.naam))).size).toBe(342);
    expect(ref.gemeenten.every((g) => /^GM\d{4}$/.test(g.code) && g.inwoners > 0)).toBe(true);
  });

  it('sorts gemeenten by name', () => {
    const names = ref.gemeenten.map((g) => g.naam);
    expect(names).toEqual([...names].sort(compareGemeenteNamen));
    expect(names[0]).toBe('Aa en Hunze');
    expect(names.indexOf("'s-Gravenhage")).toBe(names.indexOf('Gouda') + 1);
  });

  it('keeps the quoted name with a comma intact', () => {
    expect(ref.gemeente('GM0820')?.naam).toBe('Nuenen, Gerwen en Nederwetten');
  });

  it('has 25 veiligheidsregio codes, read from the columns the right way round', () => {
    expect(tables.veiligheidsregios).toHaveLength(25);
    expect(tables.veiligheidsregios.every((v) => /^VR\d{2}$/.test(v.code))).toBe(true);
    expect(tables.veiligheidsregios.find((v) => v.code === 'VR11')?.naam).toBe('Zaanstreek-Waterland');
  });

  it('puts every gemeente in an existing veiligheidsregio', () => {
    const codes = new Set(tables.veiligheidsregios.map((v) => v.code));
    expect(ref.gemeenten.filter((g) => !codes.has(g.veiligheidsregio))).toEqual([]);
  });

  it('lists abolished gemeenten that are no longer current, with a current successor', () => {
    for (const o of tables.opgeheven) {
      expect(ref.gemeente(o.code), o.naam).toBeUndefined();
      expect(ref.gemeente(o.opvolger), o.naam).toBeDefined();
      expect(o.opgehevenPer).toMatch(/^20(1[6-9]|2\d)-\d{2}-\d{2}$/);
    }
  });

  it('adds about 17.6 million inhabitants', () => {
    expect(ref.gemeenten.reduce((s, g) => s + g.inwoners, 0)).toBe(17_590_672);
  });
});

describe('regions', () => {
  const count = (text: string) => {
    const m = ref.resolveRegio(text);
    return m.ok ? m.regio.gemeenten.length : -1;
  };

  it('has 25 veiligheidsregio\'s and the politie-eenheid', () => {
    expect(ref.regios.filter((r) => /^VR\d\d$/.test(r.code))).toHaveLength(25);
    expect(ref.regios.find((r) => r.soort === 'politie-eenheid')?.code).toBe('politie-eenheid-noord-holland');
  });

  it('labels VR10, VR11 and VR12 as zorg- en veiligheidsregio with 16, 7 and 9 gemeenten', () => {
    const zvr = ref.regios.filter((r) => r.soort === 'zorg- en veiligheidsregio');
    expect(zvr.map((r) => [r.code, r.gemeenten.length])).toEqual([
      ['VR10', 16],
      ['VR11', 7],
      ['VR12', 9],
    ]);
  });

  it('makes the politie-eenheid the union of the three (32)', () => {
    expect(count('Politie-eenheid Noord-Holland')).toBe(32);
  });

  it('resolves by code, name and prefixed name', () => {
    for (const text of ['VR11', 'vr11', 'VR 11', 'Zaanstreek-Waterland', 'zaanstreek waterland',
      'Veiligheidsregio Zaanstreek-Waterland', 'Zorg- en veiligheidsregio Zaanstreek-Waterland']) {
      const m = ref.resolveRegio(text);
      expect(m.ok && m.regio.code, text).toBe('VR11');
    }
    expect(ref.resolveRegio('vr1').ok && ref.resolveRegio('vr1')).toMatchObject({ regio: { code: 'VR01' } });
    expect(ref.resolveRegio('politie-eenheid-noord-holland')).toMatchObject({ ok: true });
  });

  it('fails on an unknown region with the nearest names', () => {
    const m = ref.resolveRegio('Kenemerland');
    expect(m).toMatchObject({ ok: false, reden: "onbekende regio 'Kenemerland'" });
    expect(!m.ok && m.suggesties[0]).toBe('Kennemerland');
  });

  it('lists the regions of a gemeente', () => {
    expect(ref.regiosVan('GM0479').map((r) => r.code)).toEqual(['VR11', 'politie-eenheid-noord-holland']);
    expect(ref.regiosVan('GM0363').map((r) => r.code)).toEqual(['VR13', 'politie-eenheid-amsterdam']);
    expect(ref.regiosVan('GM9999')).toEqual([]);
  });
});

describe('resolveGemeente', () => {
  it.each([
    ['Zaanstad', 'GM0479', 'naam'],
    ['ZAANSTAD', 'GM0479', 'naam'],
    ['GM0479', 'GM0479', 'code'],
    ['gm0479', 'GM0479', 'code'],
    ['0479', 'GM0479', 'code'],
    ['479', 'GM0479', 'code'],
    ['Bergen NH', 'GM0373', 'naam'],
    ['Bergen (NH.)', 'GM0373', 'naam'],
    ['bergen (l)', 'GM0893', 'naam'],
    ['Edam Volendam', 'GM0385', 'naam'],
    ["'s-Gravenhage", 'GM0518', 'naam'],
    ['s Gravenhage', 'GM0518', 'naam'],
    ['Den Haag', 'GM0518', 'andere-naam'],
    ['den bosch', 'GM0796', 'andere-naam'],
    ['Sudwest Fryslan', 'GM1900', 'naam'],
    ['Hengelo', 'GM0164', 'naam'],
    ['Laren', 'GM0417', 'naam'],
    ['Nuenen Gerwen en Nederwetten', 'GM0820', 'naam'],
  ])('%s -> %s via %s', (text, expected, via) => {
    const m = ref.resolveGemeente(text);
    expect(m).toMatchObject({ ok: true, via });
    expect(code(m)).toBe(expected);
  });

  it.each([
    ['Beemster', 'GM0439', 'GM0370'],
    ['Weesp', 'GM0363', 'GM0457'],
    ['Heerhugowaard', 'GM1980', 'GM0398'],
    ['GM0370', 'GM0439', 'GM0370'],
    ['Haren', 'GM0014', 'GM0017'],
  ])('abolished %s maps to its successor %s', (text, successor, old) => {
    const m = ref.resolveGemeente(text);
    expect(m).toMatchObject({ ok: true, via: 'opgeheven', opgeheven: { code: old } });
    expect(code(m)).toBe(successor);
  });

  it('resolves every other name and every abolished name without collisions', () => {
    for (const g of ref.gemeenten) {
      for (const naam of g.andereNamen) expect(code(ref.resolveGemeente(naam)), naam).toBe(g.code);
    }
    for (const o of readReferenceTables().opgeheven) {
      expect(ref.resolveGemeente(o.naam), o.naam).toMatchObject({ ok: true, via: 'opgeheven', gemeente: { code: o.opvolger } });
    }
  });

  it('refuses the ambiguous "Bergen" and names both', () => {
    expect(ref.resolveGemeente('Bergen')).toEqual({
      ok: false,
      reden: "'Bergen' is dubbelzinnig: Bergen (NH.) of Bergen (L.)",
      suggesties: ['Bergen (NH.)', 'Bergen (L.)'],
    });
  });

  it('refuses an unknown name with the nearest names', () => {
    const m = ref.resolveGemeente('Zaanstadt');
    expect(m).toMatchObject({ ok: false, reden: "onbekende gemeente 'Zaanstadt'" });
    expect(!m.ok && m.suggesties[0]).toBe('Zaanstad');
    expect(ref.resolveGemeente('Qwxyzzz')).toEqual({ ok: false, reden: "onbekende gemeente 'Qwxyzzz'", suggesties: [] });
  });

  it('refuses an empty value and an unknown code', () => {
    expect(ref.resolveGemeente('  ')).toMatchObject({ ok: false, reden: 'gemeente ontbreekt' });
    expect(ref.resolveGemeente('GM9999')).toMatchObject({ ok: false, reden: "onbekende CBS-code 'GM9999'" });
  });

  it('answers repeated look-ups from the cache with the same result', () => {
    expect(ref.resolveGemeente('Zaanstad')).toBe(ref.resolveGemeente('Zaanstad'));
  });

  const diacritics: Record<string, string[]> = { a: ['á', 'à', 'â', 'ä'], e: ['é', 'è', 'ê', 'ë'], i: ['í', 'ï'], o: ['ó', 'ö', 'ô'], u: ['ú', 'ü', 'û'] };
  const noise = fc.constantFrom(' ', '-', '.', "'", '(', ')', '  ', '’');
  /** Any casing, diacritics and punctuation variant of a name. */
  const variant = (name: string) =>
    fc
      .tuple(
        fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }),
        fc.array(fc.nat(), { minLength: name.length, maxLength: name.length }),
        fc.array(fc.option(noise, { freq: 3 }), { minLength: name.length + 1, maxLength: name.length + 1 }),
      )
      .map(([upper, accent, punct]) =>
        [...name]
          .map((ch, i) => {
            const plain = ch.toLowerCase();
            const options = diacritics[plain];
            let out = options && accent[i]! % 3 === 0 ? options[accent[i]! % options.length]! : ch;
            out = upper[i] ? out.toUpperCase() : out.toLowerCase();
            return (punct[i] ?? '') + out;
          })
          .join('') + (punct[name.length] ?? ''),
      );

  it('resolves any casing, diacritics or punctuation variant of every official name to it', () => {
    for (const g of ref.gemeenten) {
      fc.assert(
        fc.property(variant(g.naam), (text) => code(ref.resolveGemeente(text)) === g.code),
        { numRuns: 20 },
      );
    }
  });
});

describe('withSuggestions', () => {
  it('adds suggestions the reason does not already name', () => {
    expect(withSuggestions("onbekende gemeente 'X'", ['Zaanstad'])).toBe("onbekende gemeente 'X'. Bedoelt u: Zaanstad?");
    expect(withSuggestions("onbekende gemeente 'X'", [])).toBe("onbekende gemeente 'X'.");
    const ambiguous = ref.resolveGemeente('Bergen');
    expect(!ambiguous.ok && withSuggestions(ambiguous.reden, ambiguous.suggesties)).toBe(
      "'Bergen' is dubbelzinnig: Bergen (NH.) of Bergen (L.).",
    );
  });
});

describe('configuration', () => {
  it('overrides inhabitants by name or code, without touching other loads', () => {
    const own = loadReference({ inwoners: { Zaanstad: 160_000, GM0439: 95_000 } });
    expect(own.gemeente('GM0479')?.inwoners).toBe(160_000);
    expect(own.gemeente('GM0439')?.inwoners).toBe(95_000);
    expect(loadReference().gemeente('GM0479')?.inwoners).toBe(157_166);
  });

  it('rejects inhabitants for an unknown or abolished gemeente', () => {
    expect(() => loadReference({ inwoners: { Zaanstadt: 1 } })).toThrow(/onbekende gemeente 'Zaanstadt'\. Bedoelt u: Zaanstad/);
    expect(() => loadReference({ inwoners: { Beemster: 1 } })).toThrow(/opgeheven.*Purmerend/);
  });

  it('adds own regions with a slug code, resolvable and listed per gemeente', () => {
    const own = loadReference({ regios: [{ naam: 'Zaanstreek Zuid', gemeenten: ['Zaanstad', 'GM0431', 'Beemster'] }] });
    const m = own.resolveRegio('zaanstreek zuid');
    expect(m).toMatchObject({ ok: true, regio: { code: 'zaanstreek-zuid', soort: 'eigen regio', gemeenten: ['GM0479', 'GM0431', 'GM0439'] } });
    expect(own.regiosVan('GM0431').map((r) => r.code)).toContain('zaanstreek-zuid');
  });

  it('names the region and the member when a member is unknown', () => {
    const load = () => loadReference({ regios: [{ naam: 'Mijn regio', gemeenten: ['Zaanstad', 'Wormerveerstad'] }] });
    expect(load).toThrow(CterError);
    expect(load).toThrow("regio 'Mijn regio' in de configuratie: onbekende gemeente 'Wormerveerstad'");
  });

  it('rejects an own region that repeats a built-in name', () => {
    expect(() => loadReference({ regios: [{ naam: 'Kennemerland', gemeenten: ['Haarlem'] }] })).toThrow(CterError);
  });
});
