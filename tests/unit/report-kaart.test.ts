import { describe, expect, it } from 'vitest';
import { loadReference } from '../../src/reference/index.js';
import { gemeenteGrenzen, kaartSvg } from '../../src/report/kaart-svg.js';
import { kaartKlassen, liggingKaart, niceStep } from '../../src/report/kaart.js';
import { buildReportModel } from '../../src/report/build-model.js';
import { regioScope, reportInput, zaanstadScope } from '../fixtures/report/cijfers.js';

describe('map classes', () => {
  it('uses nice equal steps from 0, at most five classes', () => {
    expect(niceStep(4.2, 5)).toBe(1);
    expect(niceStep(23, 5)).toBe(5);
    expect(kaartKlassen([0.9, 4.2, 2.7]).map((k) => k.tekst)).toEqual([
      '0,0 tot 1,0',
      '1,0 tot 2,0',
      '2,0 tot 3,0',
      '3,0 tot 4,0',
      '4,0 of meer',
    ]);
    expect(kaartKlassen([0, 0])).toHaveLength(1);
  });
});

describe('boundaries', () => {
  it('has every current gemeente, by CBS code', () => {
    const ref = loadReference();
    const alle = gemeenteGrenzen(ref.gemeenten.map((g) => g.code));
    expect(alle.features).toHaveLength(342);
    expect(alle.features.find((f) => f.id === 'GM0479')!.properties.naam).toBe('Zaanstad');
  });
});

describe('the region map', () => {
  const model = buildReportModel(reportInput(regioScope(), { rubricering: 'Intern' }));

  it('classes every gemeente of the region and names it with its value and count', () => {
    const kaart = model.kaart!;
    expect(kaart.soort).toBe('regio');
    expect(kaart.gemeenten).toHaveLength(7);
    expect(kaart.gemeenten.every((g) => g.klasse !== null)).toBe(true);
    expect(kaart.gemeenten.find((g) => g.naam === 'Zaanstad')!.label).toBe('Zaanstad: 3,0 per 10.000 inwoners (47 signalen)');
    expect(kaart.bron).toContain('Bron: CBS, PDOK');
  });

  it('draws an SVG path per gemeente with its accessible name, y pointing up (north)', () => {
    const { svg } = kaartSvg(model.kaart!, 400, 400);
    expect(svg.match(/<path /g)).toHaveLength(7);
    expect(svg).toContain('aria-label="Zaanstad: 3,0 per 10.000 inwoners (47 signalen)"');
    // Edam-Volendam lies north-east of Zaanstad: a smaller y on screen.
    const y = (naam: string) => Number(new RegExp(`<text x="[\\d.]+" y="([\\d.]+)"[^>]*>${naam}<`).exec(svg)?.[1] ?? NaN);
    expect(y('Zaanstad')).toBeGreaterThan(y('Purmerend'));
  });

  it('hatches gemeenten whose count is suppressed in a public report', () => {
    const openbaar = buildReportModel(reportInput(regioScope(), { rubricering: 'Openbaar' }));
    const verborgen = openbaar.kaart!.gemeenten.filter((g) => g.klasse === null);
    expect(verborgen.length).toBeGreaterThan(0);
    expect(openbaar.kaart!.afgeschermd).toBe(true);
    expect(verborgen.every((g) => g.label.endsWith('afgeschermd (klein aantal)'))).toBe(true);
    expect(kaartSvg(openbaar.kaart!, 400, 400).svg).toContain('fill="url(#kaart-arcering)"');
  });
});

describe('the locator map', () => {
  it('shows a gemeente within its veiligheidsregio', () => {
    const model = buildReportModel(reportInput(zaanstadScope()));
    expect(model.kaart).toMatchObject({ soort: 'ligging', titel: 'Ligging van Zaanstad in de regio Zaanstreek-Waterland' });
    expect(model.kaart!.gemeenten.filter((g) => g.focus).map((g) => g.naam)).toEqual(['Zaanstad']);
    expect(liggingKaart(loadReference(), 'GM9999')).toBeNull();
  });
});
