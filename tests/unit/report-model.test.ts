import { describe, expect, it } from 'vitest';
import { FENOMENEN } from '../../src/domain.js';
import { chartSpecs } from '../../src/report/charts.js';
import { formatP, aanduiding } from '../../src/present/format.js';
import { buildReportModel } from '../../src/report/build-model.js';
import type { Aantal, ReportModel } from '../../src/report/model-types.js';
import { gebied, PERIODEN, regioScope, reportInput, zaanstadScope } from '../fixtures/report/cijfers.js';

/** Derived numbers (shares, rates) look like counts but are not. */
const AFGELEID = new Set(['aandeel', 'per10000']);

/** Every count object anywhere in the model. */
function aantallen(value: unknown, out: Aantal[] = []): Aantal[] {
  if (Array.isArray(value)) value.forEach((v) => aantallen(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('tekst' in o && 'waarde' in o) out.push(o as unknown as Aantal);
    for (const [key, v] of Object.entries(o)) if (!AFGELEID.has(key)) aantallen(v, out);
  }
  return out;
}

const hidden = (a: Aantal) => a.waarde === null && a.onderdrukt !== undefined;

describe('buildReportModel for a gemeente (internal marking)', () => {
  const model = buildReportModel(reportInput(zaanstadScope()));

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('shows exact counts, in Dutch notation', () => {
    expect(model.totaal.huidig).toEqual({ waarde: 47, tekst: '47' });
    expect(model.gebied.inwonersTekst).toBe('157.166');
    expect(model.totaal.per10000.tekst).toBe('3,0');
    expect(model.periode).toMatchObject({ code: '2025-Q3', kort: 'K3 2025', bereik: '1 juli 2025 tot en met 30 september 2025' });
    expect(model.gegenereerd.tekst).toBe('6 oktober 2025, 14:03');
    expect(aantallen(model).some(hidden)).toBe(false);
    expect(model.verantwoording.privacy.onderdrukt).toEqual({ primair: 0, secundair: 0 });
  });

  it('calls only significant changes a rise, with the p-value', () => {
    const [totaal, vergelijking, perFenomeen, grootste, onbekend, ernst] = model.kernpunten;
    expect(totaal).toBe(
      'In het 3e kwartaal 2025 zijn in Zaanstad 47 signalen geregistreerd (3,0 per 10.000 inwoners). Bij deze signalen zijn 38 verschillende personen betrokken.',
    );
    expect(vergelijking).toMatch(
      /^Ten opzichte van het 2e kwartaal 2025 \(28 signalen\) is er een significante stijging \(\+68%, p = 0,0\d\d\)\. /,
    );
    expect(vergelijking).toMatch(
      /Ten opzichte van het 3e kwartaal 2024 \(40 signalen\) is er geen significante verandering \(\+18%, p = 0,\d\d\)\.$/,
    );
    expect(perFenomeen).toMatch(
      /^Per fenomeen significant ten opzichte van het 2e kwartaal 2025: rechts-extremisme gestegen van 4 naar 15 \(p = 0,0\d\d\)\.$/,
    );
    expect(grootste).toBe('De grootste fenomenen zijn rechts-extremisme (15; 32%), polarisatie (12; 26%) en jihadisme (7; 15%).');
    expect(onbekend).toBe('Bij 3 signalen (6,4%) kon geen fenomeen worden bepaald.');
    expect(ernst).toBe('10 signalen (21%) hebben ernst hoog.');
  });

  it('marks significant changes in the tables and leaves the others as n.s.', () => {
    const rechts = model.fenomenen.rijen.find((r) => r.code === 'rechts-extremisme')!;
    expect(rechts.veranderingVorigePeriode).toMatchObject({ richting: 'stijging', significant: true, verschil: 11 });
    expect(rechts.veranderingVorigePeriode.kort).toMatch(/^▲ \+11 · p = 0,0\d\d$/);
    const jihad = model.fenomenen.rijen.find((r) => r.code === 'jihadisme')!;
    expect(jihad.veranderingVorigePeriode).toMatchObject({ richting: 'geen significante verandering', kort: '+2 · n.s.' });
  });

  it('keeps only the trend notes of the period and the scope, with their text unchanged', () => {
    const notities = model.notities.groepen.flatMap((g) => g.notities.map((n) => [g.titel, n.titel]));
    expect(notities).toEqual([
      ['Lokaal', 'Stickers bij station <b>Zaandam</b>'],
      ['Online', 'Landelijke oproep tot demonstratie'],
    ]);
    expect(model.notities.groepen[0]!.notities[0]!.alineas).toEqual([
      'Nieuwe stickers met rechts-extremistische symbolen.',
      'Zie ook {{gemeente}} en <script>alert(1)</script>.',
    ]);
  });

  it('lists the configuration without the secret key', () => {
    const sleutel = model.verantwoording.configuratie.find((c) => c.sleutel === 'sleutel')!;
    expect(sleutel.waarde).not.toContain('geheim-van-de-analist');
    expect(JSON.stringify(model)).not.toContain('geheim-van-de-analist');
  });

  it('orders reliability classes by letter and capitalises open categories', () => {
    expect(model.verdelingen.betrouwbaarheid.rijen.map((r) => r.code)).toEqual(['A', 'B', 'C', 'onbekend']);
    expect(model.verdelingen.type.rijen[0]!.naam).toBe('Online uiting');
  });
});

describe('buildReportModel with nothing to report', () => {
  it('says so instead of inventing changes', () => {
    const leeg = gebied({ soort: 'gemeente', code: 'GM0415', naam: 'Landsmeer', inwoners: 11560, reeks: PERIODEN.map(() => []) });
    const input = reportInput({ ...zaanstadScope(), gebied: leeg });
    const model = buildReportModel(input);
    expect(model.kernpunten[0]).toBe('In het 3e kwartaal 2025 zijn in Landsmeer geen signalen geregistreerd.');
    expect(model.kernpunten.join(' ')).not.toMatch(/stijging|daling/);
    expect(model.totaal.veranderingVorigePeriode.tekst).toBe('niet te toetsen: beide aantallen zijn 0');
    expect(model.kernpunten[1]).toBe(
      'Een vergelijking met het 2e kwartaal 2025 is niet te toetsen: beide aantallen zijn 0. Een vergelijking met het 3e kwartaal 2024 is niet te toetsen: beide aantallen zijn 0.',
    );
  });
});

describe('buildReportModel for a public region report (rubricering Openbaar)', () => {
  const model = buildReportModel(reportInput(regioScope(), { rubricering: 'Openbaar' }));

  it('hides every count from 1 to 4, everywhere in the model', () => {
    const zichtbaar = aantallen(model).filter((a) => a.waarde !== null);
    expect(zichtbaar.filter((a) => a.waarde! > 0 && a.waarde! < 5)).toEqual([]);
    expect(aantallen(model).filter((a) => a.onderdrukt === 'primair').every((a) => a.tekst === '<5')).toBe(true);
    expect(model.verantwoording.privacy.onderdrukt.primair).toBeGreaterThan(0);
  });

  it('leaves no row of the gemeente x fenomeen table with a single hidden cell', () => {
    const g = model.gemeenten!;
    const rijen = [...g.rijen.map((r) => [...r.fenomenen, r.huidig]), [...g.totaal.fenomenen, g.totaal.huidig]];
    for (const rij of rijen) expect(rij.filter(hidden).length).not.toBe(1);
    const kolommen = FENOMENEN.map((_, i) => [...g.rijen.map((r) => r.fenomenen[i]!), g.totaal.fenomenen[i]!]);
    for (const kolom of kolommen) expect(kolom.filter(hidden).length).not.toBe(1);
  });

  it('hides rates and changes that rest on a hidden count', () => {
    for (const rij of model.gemeenten!.rijen) {
      if (hidden(rij.huidig)) {
        expect(rij.per10000).toEqual({ waarde: null, tekst: 'x' });
        expect(rij.verandering).toMatchObject({ richting: 'afgeschermd', p: null, verschil: null });
      }
    }
  });

  it('never names a hidden count in the kernpunten or the charts', () => {
    const tekst = model.kernpunten.join(' ').replaceAll(model.gebied.naam, '');
    for (const rij of model.gemeenten!.rijen.filter((r) => hidden(r.huidig))) expect(tekst).not.toContain(rij.naam);
    const specs = chartSpecs(model);
    const data = specs.fenomenen!.config.data.datasets.flatMap((d) => d.data as (number | null)[]);
    expect(data.filter((v) => v !== null && v > 0 && v < 5)).toEqual([]);
  });

  it('says which rule was applied', () => {
    expect(model.markering.openbaar).toBe(true);
    expect(model.verantwoording.privacy.regels.join(' ')).toContain("aantallen van 1 tot en met 4 zijn vervangen door '<5'");
  });

  it('gives the region table and the gemeenten that stand out', () => {
    expect(model.gemeenten!.rijen.map((r) => r.naam)).toEqual([
      'Edam-Volendam',
      'Landsmeer',
      'Oostzaan',
      'Purmerend',
      'Waterland',
      'Wormerland',
      'Zaanstad',
    ]);
    expect(model.kernpunten).toContain('De meeste signalen komen uit Zaanstad (47; 59% van de regio).');
    expect(model.kernpunten.some((k) => /^Significante veranderingen per gemeente .*Zaanstad gestegen van 28 naar 47/.test(k))).toBe(true);
  });
});

describe('buildReportModel for an internal region report', () => {
  it('shows small counts exactly', () => {
    const model: ReportModel = buildReportModel(reportInput(regioScope(), { rubricering: 'Intern' }));
    const landsmeer = model.gemeenten!.rijen.find((r) => r.naam === 'Landsmeer')!;
    expect(landsmeer.huidig).toEqual({ waarde: 2, tekst: '2' });
    // Oostzaan's 3,1 per 10.000 rests on 3 signals: shown in the table and map, never singled out.
    expect(model.kernpunten).toContain(
      'Van de gemeenten met ten minste 10 signalen heeft Zaanstad het hoogste aantal per 10.000 inwoners (3,0, 47 signalen; de regio als geheel 2,3). Gemeenten met minder dan 10 signalen blijven hierbij buiten beschouwing: hun aantal per 10.000 inwoners schommelt sterk.',
    );
    expect(model.kernpunten.join(' ')).not.toContain('Oostzaan');
    expect(model.kaart!.gemeenten.find((g) => g.naam === 'Oostzaan')).toMatchObject({ klein: true, per10000: { tekst: '3,1' } });
  });

  it('treats TLP:CLEAR as public, whatever the rubricering', () => {
    const model = buildReportModel(reportInput(regioScope(), { rubricering: 'Intern', tlp: 'CLEAR' }));
    expect(model.markering.openbaar).toBe(true);
    expect(aantallen(model).some(hidden)).toBe(true);
  });
});

describe('aanduiding', () => {
  it('names the area in running text', () => {
    expect(aanduiding('gemeente', 'Zaanstad')).toBe('gemeente Zaanstad');
    expect(aanduiding('regio', 'Zaanstreek-Waterland')).toBe('regio Zaanstreek-Waterland');
    expect(aanduiding('regio', 'Politie-eenheid Noord-Holland')).toBe('politie-eenheid Noord-Holland');
    expect(aanduiding('regio', 'Veiligheidsregio Kennemerland')).toBe('veiligheidsregio Kennemerland');
  });
});

describe('formatP', () => {
  it('never rounds a significant p-value up to the boundary', () => {
    expect(formatP(0.0496)).toBe('p < 0,05');
    expect(formatP(0.0004)).toBe('p < 0,001');
    expect(formatP(0.0123)).toBe('p = 0,012');
    expect(formatP(0.41)).toBe('p = 0,41');
  });
});

describe('trend notes in a public report (issue 9)', () => {
  const input = reportInput(zaanstadScope(), { rubricering: 'Intern', tlp: 'CLEAR' });
  input.notities[1]!.openbaar = true;

  it('a TLP:CLEAR or Openbaar report shows only notes marked openbaar and counts the others', () => {
    for (const config of [{ rubricering: 'Intern', tlp: 'CLEAR' as const }, { rubricering: 'Openbaar', tlp: 'AMBER' as const }]) {
      const model = buildReportModel({ ...input, config: reportInput(zaanstadScope(), config).config });
      const titels = model.notities.groepen.flatMap((g) => g.notities.map((n) => n.titel));
      expect(titels).toEqual(['Landelijke oproep tot demonstratie']);
      expect(model.notities).toMatchObject({ aantal: 1, weggelaten: 1 });
      expect(JSON.stringify(model)).not.toContain('Nieuwe stickers');
      expect(model.verantwoording.privacy.regels.join(' ')).toContain('is 1 notitie over deze periode en dit gebied weggelaten');
    }
  });

  it('an internal report shows every note of the period and leaves none out', () => {
    const model = buildReportModel({ ...input, config: reportInput(zaanstadScope()).config });
    expect(model.notities).toMatchObject({ aantal: 2, weggelaten: 0 });
  });
});

describe('the verantwoording lists woonplaatsen and abolished gemeenten counted elsewhere', () => {
  const omzettingen = [
    { soort: 'woonplaats' as const, van: 'Zaandam', naar: 'Zaanstad', naarCode: 'GM0479', aantal: 14 },
    { soort: 'woonplaats' as const, van: 'Krommenie', naar: 'Zaanstad', naarCode: 'GM0479', aantal: 2 },
    { soort: 'opgeheven' as const, van: 'Beemster', vanCode: 'GM0370', naar: 'Purmerend', naarCode: 'GM0439', aantal: 3 },
  ];
  const met = (config: Parameters<typeof reportInput>[1] = {}) => {
    const input = reportInput(zaanstadScope(), config);
    return buildReportModel({ ...input, invoer: { ...input.invoer, omzettingen } });
  };

  it('one line each, with the exact count in a report that is not public', () => {
    expect(met().verantwoording.omzettingen).toEqual([
      'Zaandam geteld als Zaanstad: 14×',
      'Krommenie geteld als Zaanstad: 2×',
      'Beemster (opgeheven) geteld als Purmerend: 3×',
    ]);
  });

  it('hides counts below the threshold in a public report', () => {
    expect(met({ rubricering: 'Openbaar' }).verantwoording.omzettingen).toEqual([
      'Zaandam geteld als Zaanstad: 14×',
      'Krommenie geteld als Zaanstad: <5×',
      'Beemster (opgeheven) geteld als Purmerend: <5×',
    ]);
  });

  it('is empty when the exports named only gemeenten', () => {
    expect(buildReportModel(reportInput(zaanstadScope())).verantwoording.omzettingen).toEqual([]);
  });
});

describe('unknown type and bron values in a public report (issue 9)', () => {
  const scope = () => {
    const c = zaanstadScope();
    c.gebied.types = { 'online uiting': 20, dreiging: 10, 'Jan de Vries belde =1+1': 3, 'buurman Piet': 2, onbekend: 12 };
    c.gebied.bronnen = { politie: 30, 'mevr. K. (huisarts)': 9, onbekend: 8 };
    return c;
  };

  it('Openbaar or TLP:CLEAR: unknown values merged as "overig", the verantwoording counts the merged values', () => {
    for (const config of [{ rubricering: 'Openbaar', tlp: 'AMBER' as const }, { rubricering: 'Intern', tlp: 'CLEAR' as const }]) {
      const model = buildReportModel(reportInput(scope(), config));
      const json = JSON.stringify(model);
      for (const vrij of ['Jan de Vries', 'buurman Piet', 'huisarts']) expect(json).not.toContain(vrij);
      expect(model.verdelingen.type.rijen.map((r) => r.code)).toEqual(['online uiting', 'dreiging', 'onbekend', 'overig']);
      expect(model.verdelingen.type.rijen.find((r) => r.code === 'overig')!.naam).toBe('Overig');
      // 5 is above the threshold: shown; the bron's 9 likewise. The rows still add up to the total.
      expect(model.verdelingen.type.rijen.find((r) => r.code === 'overig')!.aantal).toEqual({ waarde: 5, tekst: '5' });
      expect(model.verdelingen.bron.rijen.map((r) => [r.code, r.aantal.waarde])).toEqual([['politie', 30], ['onbekend', 8], ['overig', 9]]);
      expect(model.verantwoording.privacy.regels.join(' ')).toContain('samengevoegd 2 verschillende waarden van type en 1 waarde van bron');
    }
  });

  it('a merged "overig" of 1 to 4 is suppressed like any other count', () => {
    const c = scope();
    c.gebied.types = { 'online uiting': 20, dreiging: 10, 'buurman Piet': 2, onbekend: 15 };
    const model = buildReportModel(reportInput(c, { rubricering: 'Openbaar' }));
    const overig = model.verdelingen.type.rijen.find((r) => r.code === 'overig')!;
    expect(overig.aantal.waarde).toBeNull();
    expect(overig.aantal.tekst).toBe('<5');
  });

  it('an internal report keeps every value as written', () => {
    const model = buildReportModel(reportInput(scope(), { rubricering: 'Intern' }));
    expect(model.verdelingen.type.rijen.map((r) => r.code)).toContain('buurman Piet');
    expect(model.verdelingen.bron.rijen.map((r) => r.code)).toContain('mevr. K. (huisarts)');
    expect(model.verantwoording.privacy.regels.join(' ')).not.toContain('overig');
  });
});
