import { describe, expect, it } from 'vitest';
import { notitieHoortBij } from '../../src/aggregate/trends.js';
import { netwerkCijfers } from '../../src/aggregate/netwerk.js';
import { parsePeriode } from '../../src/aggregate/periode.js';
import type { GeclassificeerdSignaal, Trendnotitie } from '../../src/domain.js';
import { loadReference } from '../../src/reference/index.js';
import { duidingConcept, parseDuiding, renderDuiding } from '../../src/report/duiding.js';
import { buildReportModel } from '../../src/report/build-model.js';
import { FileError } from '../../src/util/errors.js';
import { reportInput, zaanstadScope } from '../fixtures/report/cijfers.js';

describe('the duiding as Markdown', () => {
  it('escapes raw HTML, shows links as text and starts the analyst’s headings at h2', () => {
    const html = renderDuiding('# Duiding\n\nZie <script>alert(1)</script> en [de NCTV](https://www.nctv.nl).\n\n## Advies\n\n![kaart](x.png)');
    expect(html).toContain('<h2>Duiding</h2>');
    expect(html).toContain('<h3>Advies</h3>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<a |<img/);
    expect(html).toContain('de NCTV (https://www.nctv.nl)');
    expect(html).toContain('[afbeelding: kaart]');
  });

  it('reads openbaar from the front matter, and refuses another value with the file name', () => {
    expect(parseDuiding('d.md', '---\nopenbaar: ja\n---\nTekst').openbaar).toBe(true);
    expect(parseDuiding('d.md', '---\nopenbaar: nee\n---\nTekst')).toMatchObject({ openbaar: false, markdown: 'Tekst' });
    expect(parseDuiding('d.md', 'Zonder kop').openbaar).toBe(false);
    expect(() => parseDuiding('d.md', '---\nopenbaar: misschien\n---\n')).toThrow(FileError);
    expect(() => parseDuiding('d.md', '---\nopenbaar: misschien\n---\n')).toThrow("d.md: 'openbaar'");
  });

  it('drafts the chapter with the kernpunten as prompts, not public by default', () => {
    const model = buildReportModel(reportInput(zaanstadScope()));
    const concept = duidingConcept(model);
    expect(concept).toMatch(/^---\ngebied: "Zaanstad"\nperiode: "2025-Q3"\n/);
    expect(parseDuiding('d.md', concept).openbaar).toBe(false);
    for (const kop of ['## Duiding', '## Advies aan de driehoek', '## Handelingsperspectieven']) expect(concept).toContain(kop);
    expect(concept).toContain(`> - ${model.kernpunten[0]}`);
  });

  it('is chapter 2 when present; left out of a public report unless openbaar: ja; one line when missing', () => {
    const bestand = (openbaar: boolean) =>
      new Map([['duiding_zaanstad_2025-Q3.md', { pad: 'x', openbaar, markdown: '## Duiding\n\nEigen tekst.' }]]);
    const intern = buildReportModel({ ...reportInput(zaanstadScope()), duidingen: bestand(false) });
    expect(intern.duiding).toMatchObject({ bestand: 'duiding_zaanstad_2025-Q3.md', melding: null });
    expect(intern.duiding!.html).toContain('Eigen tekst.');
    expect(buildReportModel({ ...reportInput(zaanstadScope(), { rubricering: 'Openbaar' }), duidingen: bestand(false) }).duiding).toBeNull();
    expect(buildReportModel({ ...reportInput(zaanstadScope(), { rubricering: 'Openbaar' }), duidingen: bestand(true) }).duiding!.html).toContain('Eigen tekst.');
    expect(buildReportModel(reportInput(zaanstadScope())).duiding!.melding).toMatch(/geen duiding en advies vastgelegd/);
    expect(buildReportModel(reportInput(zaanstadScope(), { duidingOntbreekt: 'weglaten' })).duiding).toBeNull();
  });
});

describe('where a trend note belongs', () => {
  const ref = loadReference();
  const plaatsing = { regios: ref.regios, standaardRegio: 'PE-NH' };
  const zaanstad = { code: 'GM0479', gemeenten: new Set(['GM0479']) };
  const zw = ref.regios.find((r) => r.code === 'VR11')!;
  const regio = { code: 'VR11', gemeenten: new Set(zw.gemeenten) };
  const note = (extra: Partial<Trendnotitie>): Trendnotitie => ({ datum: '2025-08-01', titel: 't', notitie: 'n', origin: { bestand: 'n.csv', regel: 2 }, ...extra });

  it('places notes by gemeente, by regio, everywhere when landelijk or online, else only in the configured region', () => {
    const eenheid = ref.regios.find((r) => r.gemeenten.length === 32)!;
    const pe = { code: eenheid.code, gemeenten: new Set(eenheid.gemeenten) };
    const p = { ...plaatsing, standaardRegio: eenheid.code };
    expect(notitieHoortBij(note({ gemeente: 'GM0479' }), zaanstad, p)).toBe(true);
    expect(notitieHoortBij(note({ gemeente: 'GM0392' }), zaanstad, p)).toBe(false);
    expect(notitieHoortBij(note({ regio: 'VR12', schaal: 'regionaal' }), zaanstad, p)).toBe(false);
    expect(notitieHoortBij(note({ regio: 'VR11', schaal: 'regionaal' }), zaanstad, p)).toBe(true);
    expect(notitieHoortBij(note({ regio: 'VR11', schaal: 'regionaal' }), pe, p)).toBe(true);
    expect(notitieHoortBij(note({ schaal: 'online' }), zaanstad, p)).toBe(true);
    expect(notitieHoortBij(note({ schaal: 'regionaal' }), zaanstad, p)).toBe(false);
    expect(notitieHoortBij(note({ schaal: 'regionaal' }), regio, p)).toBe(false);
    expect(notitieHoortBij(note({ schaal: 'regionaal' }), pe, p)).toBe(true);
  });
});

describe('the signaleringsnetwerk', () => {
  const signaal = (gemeente: string, datum: string, bron: string): GeclassificeerdSignaal =>
    ({ id: `${gemeente}-${datum}-${bron}`, gemeente, datum, bron, fenomeen: 'onbekend' }) as GeclassificeerdSignaal;

  it('counts per bron and names bronnen the region had in four quarters while the area had none, with the last quarter', () => {
    const cijfers = netwerkCijfers({
      signalen: [
        signaal('GM0479', '2025-08-01', 'politie'),
        signaal('GM0479', '2024-08-01', 'school'),
        signaal('GM0431', '2025-02-01', 'school'),
        signaal('GM0431', '2025-09-01', 'politie'),
        signaal('GM0431', '2025-10-01', 'wijkteam'),
      ],
      gebied: ['GM0479'],
      vergelijking: ['GM0479', 'GM0431'],
      periode: parsePeriode('2025-Q3'),
    });
    expect(cijfers.vensterStart).toBe('2024-10-01');
    expect(cijfers.bronnen).toEqual([{ bron: 'politie', gebied: 1, vergelijking: 2 }]);
    expect(cijfers.blindeVlekken).toEqual([{ bron: 'school', vergelijkingVenster: 1, laatsteKwartaal: '2024-Q3' }]);
  });
});
