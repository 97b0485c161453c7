import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { aggregateScope } from '../../src/aggregate/aggregate.js';
import { parsePeriode } from '../../src/aggregate/periode.js';
import { trendsCsv, TRENDS_CSV_KOLOMMEN } from '../../src/aggregate/trends-csv.js';
import { trendsMarkdown } from '../../src/aggregate/trends-md.js';
import { trendSummary } from '../../src/aggregate/trends.js';
import { formatP } from '../../src/present/format.js';
import type { BestandVerantwoording } from '../../src/domain.js';
import { NOTITIES, Q3, REGIO, ref, SIGNALEN, sig, times } from './aggregate-fixtures.js';

const BESTANDEN: BestandVerantwoording[] = [
  { bestand: 'a.csv', sha256: 'aa', codering: 'utf-8', scheidingsteken: ';', regels: 30, geaccepteerd: 28, afgewezen: 1, dubbel: 1 },
  { bestand: 'b.csv', sha256: 'bb', codering: 'utf-8', scheidingsteken: ',', regels: 10, geaccepteerd: 10, afgewezen: 0, dubbel: 0 },
];

function regioSummary(signalen = SIGNALEN, periode = Q3) {
  const cijfers = aggregateScope({ signalen, ref, scope: { soort: 'regio', regio: REGIO }, periode });
  return trendSummary({
    cijfers,
    notities: NOTITIES,
    ref,
    invoer: { signalen: BESTANDEN },
    rubricering: 'Departementaal Vertrouwelijk',
    tlp: 'AMBER',
    versie: '0.1.0',
  });
}

describe('trendSummary', () => {
  const s = regioSummary();

  it('has the issue shape: periods, one entry per gemeente, then the region', () => {
    expect(s).toMatchObject({
      schema: 'cter-trends/1',
      periode: '2025-Q3',
      vorigePeriode: '2025-Q2',
      vorigJaar: '2024-Q3',
      periodeLabel: '3e kwartaal 2025',
      van: '2025-07-01',
      tot: '2025-09-30',
      scope: { soort: 'regio', code: 'VR11', naam: 'Zaanstreek-Waterland' },
    });
    expect(s.gebieden.map((g) => [g.soort, g.code, g.naam, g.signalen])).toEqual([
      ['gemeente', 'GM0415', 'Landsmeer', 0],
      ['gemeente', 'GM0880', 'Wormerland', 2],
      ['gemeente', 'GM0479', 'Zaanstad', 14],
      ['regio', 'VR11', 'Zaanstreek-Waterland', 16],
    ]);
    const z = s.gebieden[2]!;
    expect(z).toMatchObject({ signalenVorigePeriode: 9, signalenVorigJaar: 7, personen: 2 });
    expect(z.fenomenen).toMatchObject({ jihadisme: 3, 'rechts-extremisme': 5, polarisatie: 6 });
    expect(z.verandering.vorigePeriode).toMatchObject({ richting: 'geen significante verandering', p: 0.4049 });
    expect(z.reeks).toHaveLength(8);
  });

  it('selects the notes of the period and scope, sorted, without author', () => {
    expect(s.notities).toEqual([
      {
        datum: '2025-07-02',
        titel: 'Aanslagdreiging',
        notitie: 'Tekst bij Aanslagdreiging.',
        fenomeen: 'jihadisme',
        schaal: null,
        gemeente: 'GM0880',
        gemeenteNaam: 'Wormerland',
      },
      {
        datum: '2025-07-02',
        titel: 'Spanningen rond de opvanglocatie',
        notitie: 'Tekst bij Spanningen rond de opvanglocatie.',
        fenomeen: 'polarisatie',
        schaal: 'lokaal',
        gemeente: 'GM0479',
        gemeenteNaam: 'Zaanstad',
      },
      {
        datum: '2025-08-20',
        titel: 'Online oproepen',
        notitie: 'Tekst bij Online oproepen.',
        fenomeen: 'rechts-extremisme',
        schaal: 'online',
        gemeente: null,
        gemeenteNaam: null,
      },
    ]);
    expect(JSON.stringify(s)).not.toContain('A. Analist');
  });

  it('for a gemeente, keeps its own notes and the region-wide ones', () => {
    const cijfers = aggregateScope({ signalen: SIGNALEN, ref, scope: { soort: 'gemeente', code: 'GM0880' }, periode: Q3 });
    const g = trendSummary({ cijfers, notities: NOTITIES, ref });
    expect(g.gebieden.map((x) => x.naam)).toEqual(['Wormerland']);
    expect(g.notities.map((n) => n.titel)).toEqual(['Aanslagdreiging', 'Online oproepen']);
    expect(g.invoer).toEqual({ bereik: { eerste: '2023-10-02', laatste: '2025-10-14' }, signalen: null, notities: null });
    expect(g.rubricering).toBeNull();
  });

  it('totals the input accounting', () => {
    expect(s.invoer.signalen?.totaal).toEqual({ regels: 40, geaccepteerd: 38, afgewezen: 1, dubbel: 1 });
    expect(s.invoer.signalen?.bestanden[0]).toEqual({
      bestand: 'a.csv',
      sha256: 'aa',
      regels: 30,
      geaccepteerd: 28,
      afgewezen: 1,
      dubbel: 1,
    });
  });

  it('is byte-identical for the same input in another order', () => {
    const reversed = [...SIGNALEN].reverse();
    const a = JSON.stringify(regioSummary());
    const cijfers = aggregateScope({ signalen: reversed, ref, scope: { soort: 'regio', regio: REGIO }, periode: Q3 });
    const b = trendSummary({
      cijfers,
      notities: [...NOTITIES].reverse(),
      ref,
      invoer: { signalen: BESTANDEN },
      rubricering: 'Departementaal Vertrouwelijk',
      tlp: 'AMBER',
      versie: '0.1.0',
    });
    expect(JSON.stringify(b)).toBe(a);
  });
});

describe('trendsMarkdown', () => {
  it('writes a Dutch memo with headline figures, tables and notes', () => {
    const md = trendsMarkdown(regioSummary());
    expect(md).toContain('**Rubricering: Departementaal Vertrouwelijk · TLP:AMBER**');
    expect(md).toContain('# Trends CTER Zaanstreek-Waterland, 3e kwartaal 2025');
    expect(md).toContain(
      '- In het 3e kwartaal 2025 zijn in Zaanstreek-Waterland **16 signalen** geregistreerd, over 3 personen (0,9 per 10.000 inwoners).',
    );
    expect(md).toContain('- Ten opzichte van het 2e kwartaal 2025 (10): geen significante verandering (+60%, p = 0,');
    expect(md).toContain('| Zaanstad | 14 | 9 | 7 | 0,9 | 2 | geen sign. verandering |');
    expect(md).toContain('| **Zaanstreek-Waterland (totaal)** | 16 | 10 |');
    expect(md).toContain('### 2 juli 2025: Spanningen rond de opvanglocatie');
    expect(md).toContain('*Polarisatie · lokaal · Zaanstad*');
    expect(md).toContain('*Rechts-extremisme · online · hele regio*');
    expect(md).toContain('Invoer: 38 signalen uit 2 bestanden (1 afgewezen, 1 dubbel).');
    expect(md).not.toMatch(/\d{2}:\d{2}/); // no clock times: cron jobs diff this
  });

  it('names only significant changes as stijging or daling', () => {
    // Zaanstad: 20 rechts-extremisme signals in Q3 against none in Q2 and none a year earlier.
    const extra = times(20, () => sig('2025-08-15', 'GM0479', 'rechts-extremisme'));
    const md = trendsMarkdown(regioSummary([...SIGNALEN, ...extra]));
    expect(md).toContain('- Zaanstad, rechts-extremisme: **stijging** ten opzichte van het 2e kwartaal 2025: 25 tegen 0 (p < 0,001).');
    expect(md).toContain('- Zaanstreek-Waterland, alle signalen: **stijging** ten opzichte van het 2e kwartaal 2025: 36 tegen 10');
    // The region comes before its gemeenten.
    expect(md.indexOf('- Zaanstreek-Waterland, alle')).toBeLessThan(md.indexOf('- Zaanstad, rechts'));
    // Without the extra signals only polarisatie against a year earlier (6 against 0, p = 0.03125) is significant.
    const quiet = trendsMarkdown(regioSummary());
    expect(quiet.split('\n').filter((l) => /\*\*(stijging|daling)\*\*/.test(l))).toEqual([
      `- Zaanstreek-Waterland, polarisatie: **stijging** ten opzichte van het 3e kwartaal 2024: 6 tegen 0 (${formatP(0.03125)}).`,
      `- Zaanstad, polarisatie: **stijging** ten opzichte van het 3e kwartaal 2024: 6 tegen 0 (${formatP(0.03125)}).`,
    ]);
    // 14 against 9 is not significant (p = 0,40): no strong words for it.
    expect(quiet).toContain('| Zaanstad | 14 | 9 | 7 | 0,9 | 2 | geen sign. verandering | geen sign. verandering |');
  });

  it('says when a comparison cannot be tested and when the period is unfinished', () => {
    const md = trendsMarkdown(regioSummary(SIGNALEN, parsePeriode('2025-Q4')));
    expect(md).toContain('niet te toetsen (4e kwartaal 2025 is nog niet compleet in de invoer');
    expect(md).toContain('**Let op:** 4e kwartaal 2025 is nog niet compleet in de invoer.');
    expect(md).toContain('Geen trendnotities in het 4e kwartaal 2025.');
  });
});

describe('trendsCsv', () => {
  it('writes one row per area and fenomeen with Dutch spreadsheet conventions', () => {
    const text = trendsCsv(regioSummary());
    const rows = parse(text, { delimiter: ';', columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...TRENDS_CSV_KOLOMMEN]);
    expect(rows).toHaveLength(4 * 8);
    const zaanstadRechts = rows.find((r) => r.naam === 'Zaanstad' && r.fenomeen === 'rechts-extremisme');
    expect(zaanstadRechts).toEqual({
      periode: '2025-Q3',
      soort: 'gemeente',
      code: 'GM0479',
      naam: 'Zaanstad',
      fenomeen: 'rechts-extremisme',
      signalen: '5',
      signalenVorigePeriode: '0',
      signalenVorigJaar: '0',
      richtingVorigePeriode: 'geen significante verandering',
      pVorigePeriode: '0,0625',
      richtingVorigJaar: 'geen significante verandering',
      pVorigJaar: '0,0625',
    });
    const sum = rows.filter((r) => r.soort === 'gemeente').reduce((n, r) => n + Number(r.signalen), 0);
    expect(sum).toBe(16);
    // One against none: p = 1; none against none: nothing to test, so no p-value.
    expect(rows.find((r) => r.soort === 'regio' && r.fenomeen === 'activisme')?.pVorigePeriode).toBe('1');
    expect(rows.find((r) => r.soort === 'regio' && r.fenomeen === 'overig')).toMatchObject({
      signalen: '0',
      signalenVorigePeriode: '1',
      pVorigePeriode: '1',
      richtingVorigJaar: 'niet te toetsen',
      pVorigJaar: '',
    });
  });
});

describe('trendSummary with the regions inside the scope (trends --alle, kwartaal)', () => {
  const deel = { ...REGIO, code: 'DEEL', naam: 'Zaanstreek', gemeenten: ['GM0479', 'GM0880'] };
  const deelCijfers = aggregateScope({ signalen: SIGNALEN, ref, scope: { soort: 'regio', regio: deel }, periode: Q3 }).gebied;
  const cijfers = aggregateScope({ signalen: SIGNALEN, ref, scope: { soort: 'regio', regio: REGIO }, periode: Q3 });
  const s = trendSummary({ cijfers, deelregios: [deelCijfers], notities: NOTITIES, ref });

  it('lists the gemeenten, then the regions inside, then the region; a region inside counts its own gemeenten', () => {
    expect(s.gebieden.map((g) => [g.soort, g.code, g.signalen])).toEqual([
      ['gemeente', 'GM0415', 0],
      ['gemeente', 'GM0880', 2],
      ['gemeente', 'GM0479', 14],
      ['regio', 'DEEL', 16],
      ['regio', 'VR11', 16],
    ]);
    expect(s.scope.code).toBe('VR11');
  });

  it('keeps the region as the memo headline and names the table after both kinds of area', () => {
    const md = trendsMarkdown(s);
    expect(md).toContain('# Trends CTER Zaanstreek-Waterland, 3e kwartaal 2025');
    expect(md).toContain('## Per regio en gemeente');
    expect(md).toContain('| **Zaanstreek (totaal)** | 16 |');
    expect(trendsMarkdown(regioSummary())).toContain('## Per gemeente');
  });
});
