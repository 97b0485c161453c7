import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateScope, indexSignals } from '../../src/aggregate/aggregate.js';
import { parsePeriode } from '../../src/aggregate/periode.js';
import { ERNST_NIVEAUS, FENOMENEN } from '../../src/domain.js';
import { Q3, REGIO, ref, sig, SIGNALEN } from './aggregate-fixtures.js';

describe('aggregateScope for a gemeente', () => {
  const cijfers = aggregateScope({ signalen: SIGNALEN, ref, scope: { soort: 'gemeente', code: 'GM0479' }, periode: Q3 });
  const z = cijfers.gebied;

  it('gives the periods, the test used and the input range', () => {
    expect(cijfers.periode.code).toBe('2025-Q3');
    expect(cijfers.vorigePeriode.code).toBe('2025-Q2');
    expect(cijfers.vorigJaar.code).toBe('2024-Q3');
    expect(cijfers.alpha).toBe(0.05);
    expect(cijfers.toets).toMatch(/Poisson/);
    expect(cijfers.bereik).toEqual({ eerste: '2023-10-02', laatste: '2025-10-14' });
    expect(cijfers.dekking).toBe('volledig');
    expect(cijfers.gemeenten).toEqual([]);
  });

  it('counts exactly, per category', () => {
    expect(z).toMatchObject({ soort: 'gemeente', code: 'GM0479', naam: 'Zaanstad', inwoners: 160_000 });
    expect(z.signalen).toBe(14);
    expect(z.signalenVorigePeriode).toBe(9);
    expect(z.signalenVorigJaar).toBe(7);
    expect(z.fenomenen).toEqual({
      jihadisme: 3,
      'rechts-extremisme': 5,
      'links-extremisme': 0,
      'anti-institutioneel-extremisme': 0,
      polarisatie: 6,
      activisme: 0,
      overig: 0,
      onbekend: 0,
    });
    expect(z.ernst).toEqual({ laag: 11, midden: 0, hoog: 3 });
    expect(z.herkomst).toEqual({ analist: 8, regel: 6, model: 0, handmatig: 0, geen: 0 });
    expect(z.afwijkingen).toBe(6);
  });

  it('sorts open categories by count, then name, with onbekend for missing values', () => {
    expect(Object.entries(z.types)).toEqual([
      ['incident', 6],
      ['onbekend', 5],
      ['online uiting', 3],
    ]);
    expect(Object.entries(z.bronnen)).toEqual([
      ['school', 6],
      ['politie', 5],
      ['onbekend', 3],
    ]);
    expect(Object.entries(z.betrouwbaarheid)).toEqual([
      ['onbekend', 8],
      ['B', 6],
    ]);
  });

  it('counts distinct persons and the signals that carry a person key', () => {
    expect(z.personen).toBe(2);
    expect(z.signalenMetPersoon).toBe(8);
  });

  it('computes the rate per 10,000 inhabitants', () => {
    expect(z.per10000).toBe(0.88); // 14 / 160,000 * 10,000 = 0.875 -> 0.88
  });

  it('gives a series of the last eight quarters with coverage', () => {
    expect(z.reeks.map((p) => [p.periode, p.signalen, p.dekking])).toEqual([
      ['2023-Q4', 1, 'volledig'],
      ['2024-Q1', 0, 'volledig'],
      ['2024-Q2', 0, 'volledig'],
      ['2024-Q3', 7, 'volledig'],
      ['2024-Q4', 0, 'volledig'],
      ['2025-Q1', 0, 'volledig'],
      ['2025-Q2', 9, 'volledig'],
      ['2025-Q3', 14, 'volledig'],
    ]);
    expect(z.reeks[7]?.label).toBe('3e kwartaal 2025');
    expect(z.reeks[3]?.fenomenen.jihadisme).toBe(7);
  });

  it('tests the changes overall and per fenomeen', () => {
    expect(z.verandering.vorigePeriode).toMatchObject({
      richting: 'geen significante verandering',
      huidig: 14,
      vergelijking: 9,
      p: 0.4049,
    });
    expect(z.verandering.vorigJaar).toMatchObject({ huidig: 14, vergelijking: 7, verschil: 7, procent: 100 });
    expect(z.fenomeenVerandering.polarisatie.vorigePeriode).toMatchObject({ huidig: 6, vergelijking: 9 });
    // jihadisme: 3 now against 7 a year earlier
    expect(z.fenomeenVerandering.jihadisme.vorigJaar).toMatchObject({ huidig: 3, vergelijking: 7 });
    expect(z.fenomeenVerandering['rechts-extremisme'].vorigePeriode).toMatchObject({
      richting: 'geen significante verandering',
      p: 0.0625,
    });
    expect(z.fenomeenVerandering.activisme.vorigePeriode).toMatchObject({ richting: 'niet te toetsen', p: null });
  });
});

describe('aggregateScope for a region', () => {
  const cijfers = aggregateScope({ signalen: SIGNALEN, ref, scope: { soort: 'regio', regio: REGIO }, periode: Q3 });

  it('breaks the region down into its gemeenten, sorted by name', () => {
    expect(cijfers.gemeenten.map((g) => [g.naam, g.signalen, g.signalenVorigePeriode])).toEqual([
      ['Landsmeer', 0, 1],
      ['Wormerland', 2, 0],
      ['Zaanstad', 14, 9],
    ]);
  });

  it('sums the region, counting a person in two gemeenten once', () => {
    const r = cijfers.gebied;
    expect(r).toMatchObject({ soort: 'regio', code: 'VR11', naam: 'Zaanstreek-Waterland', inwoners: 188_000 });
    expect(r.signalen).toBe(16);
    expect(r.signalenVorigePeriode).toBe(10);
    expect(r.fenomenen.jihadisme).toBe(4);
    expect(r.fenomenen.activisme).toBe(1);
    expect(r.personen).toBe(3); // p1 (Zaanstad and Wormerland), p2, p3
    expect(r.per10000).toBe(0.85); // 16 / 188,000 * 10,000
  });

  it('reports 0 persons where there are no signals but the inputs do carry person keys', () => {
    expect(cijfers.gemeenten[0]?.personen).toBe(0);
  });
});

describe('coverage', () => {
  it('does not test against periods the inputs do not cover, and says so', () => {
    const alleenRecent = SIGNALEN.filter((s) => s.datum >= '2025-04-01');
    const c = aggregateScope({ signalen: alleenRecent, ref, scope: { soort: 'gemeente', code: 'GM0479' }, periode: Q3 });
    expect(c.gebied.verandering.vorigJaar).toMatchObject({
      richting: 'niet te toetsen',
      p: null,
      huidig: 14,
      vergelijking: 0,
      reden: 'de invoer bevat geen gegevens over 3e kwartaal 2024 (signalen van 2025-04-01 t/m 2025-10-14)',
    });
    expect(c.gebied.verandering.vorigePeriode.richting).toBe('geen significante verandering');
    expect(c.gebied.reeks[0]?.dekking).toBe('geen');
  });

  it('does not compare an unfinished period', () => {
    const c = aggregateScope({
      signalen: SIGNALEN,
      ref,
      scope: { soort: 'gemeente', code: 'GM0479' },
      periode: parsePeriode('2025-Q4'),
    });
    expect(c.dekking).toBe('onvolledig');
    expect(c.gebied.verandering.vorigePeriode).toMatchObject({
      richting: 'niet te toetsen',
      reden: '4e kwartaal 2025 is nog niet compleet in de invoer (signalen van 2023-10-02 t/m 2025-10-14)',
    });
  });

  it('gives null persons when signals carry no person keys, and handles no signals at all', () => {
    const zonder = SIGNALEN.map(({ persoon: _p, ...rest }) => rest);
    const c = aggregateScope({ signalen: zonder, ref, scope: { soort: 'gemeente', code: 'GM0479' }, periode: Q3 });
    expect(c.gebied.personen).toBeNull();
    const leeg = aggregateScope({ signalen: [], ref, scope: { soort: 'regio', regio: REGIO }, periode: Q3 });
    expect(leeg.bereik).toBeNull();
    expect(leeg.dekking).toBe('geen');
    expect(leeg.gebied.signalen).toBe(0);
    expect(leeg.gebied.personen).toBeNull();
    expect(leeg.gebied.verandering.vorigePeriode.richting).toBe('niet te toetsen');
  });
});

describe('months, years and index reuse', () => {
  it('aggregates by month', () => {
    const c = aggregateScope({
      signalen: SIGNALEN,
      ref,
      scope: { soort: 'gemeente', code: 'GM0479' },
      periode: parsePeriode('2025-09'),
    });
    expect(c.gebied.signalen).toBe(6);
    expect(c.gebied.signalenVorigePeriode).toBe(5);
    expect(c.gebied.signalenVorigJaar).toBe(7);
    expect(c.gebied.reeks.map((p) => p.periode)).toEqual([
      '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09',
    ]);
  });

  it('aggregates by year', () => {
    const c = aggregateScope({
      signalen: SIGNALEN,
      ref,
      scope: { soort: 'gemeente', code: 'GM0479' },
      periode: parsePeriode('2024'),
    });
    expect(c.gebied.signalen).toBe(7);
    expect(c.gebied.signalenVorigePeriode).toBe(1);
  });

  it('gives the same figures from a prebuilt index, also one of another period kind', () => {
    const scope = { soort: 'regio', regio: REGIO } as const;
    const direct = JSON.stringify(aggregateScope({ signalen: SIGNALEN, ref, scope, periode: Q3 }));
    expect(JSON.stringify(aggregateScope({ signalen: indexSignals(SIGNALEN, 'kwartaal'), ref, scope, periode: Q3 }))).toBe(
      direct,
    );
    expect(JSON.stringify(aggregateScope({ signalen: indexSignals(SIGNALEN, 'maand'), ref, scope, periode: Q3 }))).toBe(
      direct,
    );
  });

  it('rejects an unknown gemeente code', () => {
    expect(() =>
      aggregateScope({ signalen: SIGNALEN, ref, scope: { soort: 'gemeente', code: 'GM9999' }, periode: Q3 }),
    ).toThrow("onbekende gemeentecode 'GM9999'");
  });
});

describe('determinism', () => {
  it('gives byte-identical JSON for the same input, in any order', () => {
    const scope = { soort: 'regio', regio: REGIO } as const;
    const expected = JSON.stringify(aggregateScope({ signalen: SIGNALEN, ref, scope, periode: Q3 }));
    expect(JSON.stringify(aggregateScope({ signalen: SIGNALEN, ref, scope, periode: Q3 }))).toBe(expected);
    fc.assert(
      fc.property(fc.shuffledSubarray(SIGNALEN, { minLength: SIGNALEN.length }), (shuffled) => {
        expect(JSON.stringify(aggregateScope({ signalen: shuffled, ref, scope, periode: Q3 }))).toBe(expected);
      }),
      { numRuns: 50 },
    );
  });

  it('does not depend on the order of the region member list', () => {
    const a = aggregateScope({ signalen: SIGNALEN, ref, scope: { soort: 'regio', regio: REGIO }, periode: Q3 });
    const reversed = { ...REGIO, gemeenten: [...REGIO.gemeenten].reverse() };
    const b = aggregateScope({ signalen: SIGNALEN, ref, scope: { soort: 'regio', regio: reversed }, periode: Q3 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

describe('invariants on arbitrary signals', () => {
  const CODES = ['GM0479', 'GM0415', 'GM0880', 'GM0363'] as const;
  const signaal = fc
    .record({
      datum: fc
        .date({ min: new Date(Date.UTC(2023, 0, 1)), max: new Date(Date.UTC(2025, 11, 31)), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      gemeente: fc.constantFrom(...CODES),
      fenomeen: fc.constantFrom(...FENOMENEN),
      ernst: fc.constantFrom(...ERNST_NIVEAUS),
      persoon: fc.option(fc.constantFrom('p1', 'p2', 'p3', 'p4'), { nil: undefined }),
      type: fc.option(fc.constantFrom('incident', 'online uiting'), { nil: undefined }),
    })
    .map(({ datum, gemeente, fenomeen, ernst, persoon, type }) => sig(datum, gemeente, fenomeen, { ernst, persoon, type }));

  it('adds up: categories to the total, gemeenten to the region, series to the period counts', () => {
    fc.assert(
      fc.property(fc.array(signaal, { maxLength: 120 }), fc.constantFrom('2024-Q4', '2025-03', '2025'), (signalen, code) => {
        const periode = parsePeriode(code);
        const c = aggregateScope({ signalen, ref, scope: { soort: 'regio', regio: REGIO }, periode });
        const inRegio = signalen.filter((s) => REGIO.gemeenten.includes(s.gemeente));
        const inPeriode = (s: { datum: string }, p = periode) => s.datum >= p.start && s.datum <= p.eind;
        const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
        for (const g of [...c.gemeenten, c.gebied]) {
          expect(sum(g.fenomenen)).toBe(g.signalen);
          expect(sum(g.ernst)).toBe(g.signalen);
          expect(sum(g.herkomst)).toBe(g.signalen);
          expect(sum(g.types)).toBe(g.signalen);
          expect(sum(g.bronnen)).toBe(g.signalen);
          expect(sum(g.betrouwbaarheid)).toBe(g.signalen);
          expect(g.reeks.at(-1)?.signalen).toBe(g.signalen);
          expect(g.reeks.at(-2)?.signalen).toBe(g.signalenVorigePeriode);
          if (g.personen !== null) expect(g.personen).toBeLessThanOrEqual(g.signalen);
        }
        expect(c.gebied.signalen).toBe(inRegio.filter((s) => inPeriode(s)).length);
        expect(c.gebied.signalenVorigJaar).toBe(inRegio.filter((s) => inPeriode(s, c.vorigJaar)).length);
        expect(c.gemeenten.reduce((n, g) => n + g.signalen, 0)).toBe(c.gebied.signalen);
        const personen = new Set(inRegio.filter((s) => inPeriode(s) && s.persoon).map((s) => s.persoon));
        if (personen.size > 0) expect(c.gebied.personen).toBe(personen.size);
      }),
      { numRuns: 60 },
    );
  });
});
