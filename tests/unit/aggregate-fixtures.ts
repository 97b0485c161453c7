// Hand-made classified signals for the aggregation tests: counts are chosen so every figure is known exactly.
import type { GemeenteOpzoeker } from '../../src/aggregate/aggregate.js';
import { parsePeriode } from '../../src/aggregate/periode.js';
import type { Fenomeen, GeclassificeerdSignaal, Gemeente, Regio, Trendnotitie } from '../../src/domain.js';

const GEMEENTEN: Gemeente[] = [
  { code: 'GM0479', naam: 'Zaanstad', andereNamen: [], veiligheidsregio: 'VR11', inwoners: 160_000 },
  { code: 'GM0415', naam: 'Landsmeer', andereNamen: [], veiligheidsregio: 'VR11', inwoners: 11_500 },
  { code: 'GM0880', naam: 'Wormerland', andereNamen: [], veiligheidsregio: 'VR11', inwoners: 16_500 },
  { code: 'GM0363', naam: 'Amsterdam', andereNamen: [], veiligheidsregio: 'VR13', inwoners: 930_000 },
];
export const ref: GemeenteOpzoeker = { gemeente: (code) => GEMEENTEN.find((g) => g.code === code) };
export const REGIO: Regio = {
  code: 'VR11',
  naam: 'Zaanstreek-Waterland',
  soort: 'veiligheidsregio',
  gemeenten: ['GM0479', 'GM0880', 'GM0415'],
};

let counter = 0;
export function sig(
  datum: string,
  gemeente: string,
  fenomeen: Fenomeen,
  extra: Partial<GeclassificeerdSignaal> = {},
): GeclassificeerdSignaal {
  counter++;
  return {
    id: `S${counter}`,
    datum,
    gemeente,
    origin: { bestand: 'test.csv', regel: counter + 1 },
    fenomeen,
    herkomst: 'analist',
    reden: 'label in de export',
    ernst: 'laag',
    ernstReden: 'geen kenmerken van hoge ernst',
    afwijking: false,
    ...extra,
  };
}

/** n copies of a signal. */
export const times = (n: number, make: () => GeclassificeerdSignaal) => Array.from({ length: n }, make);

export const Q3 = parsePeriode('2025-Q3');

// Inputs run from 2023-10-02 to 2025-10-14, so 2025-Q3, 2025-Q2 and 2024-Q3 are all fully covered.
export const SIGNALEN: GeclassificeerdSignaal[] = [
  sig('2023-10-02', 'GM0479', 'overig'),
  // Zaanstad 2025-Q3: 14 signals, 3 jihadisme + 5 rechts-extremisme + 6 polarisatie
  ...times(3, () => sig('2025-07-15', 'GM0479', 'jihadisme', { persoon: 'p1', ernst: 'hoog', type: 'online uiting' })),
  ...times(5, () => sig('2025-08-01', 'GM0479', 'rechts-extremisme', { persoon: 'p2', bron: 'politie' })),
  ...times(6, () =>
    sig('2025-09-30', 'GM0479', 'polarisatie', {
      bron: 'school',
      type: 'incident',
      herkomst: 'regel',
      afwijking: true,
      betrouwbaarheid: { schema: 'admiralty', bron: 'B', informatie: '2', code: 'B2' },
    }),
  ),
  // Zaanstad 2025-Q2: 9; 2024-Q3: 7
  ...times(9, () => sig('2025-04-01', 'GM0479', 'polarisatie')),
  ...times(7, () => sig('2024-09-30', 'GM0479', 'jihadisme')),
  // Wormerland 2025-Q3: 2 signals, one shared person with Zaanstad
  sig('2025-07-02', 'GM0880', 'jihadisme', { persoon: 'p1' }),
  sig('2025-07-03', 'GM0880', 'activisme', { persoon: 'p3' }),
  // Landsmeer: none in 2025-Q3, one in Q2
  sig('2025-06-30', 'GM0415', 'overig'),
  // Outside the region: never counted
  ...times(4, () => sig('2025-08-08', 'GM0363', 'jihadisme', { persoon: 'p9' })),
  // Last date in the inputs
  sig('2025-10-14', 'GM0479', 'onbekend', { herkomst: 'geen' }),
];


function note(datum: string, titel: string, extra: Partial<Trendnotitie> = {}): Trendnotitie {
  counter++;
  return { datum, titel, notitie: `Tekst bij ${titel}.`, origin: { bestand: 'notities.csv', regel: counter }, ...extra };
}

export const NOTITIES: Trendnotitie[] = [
  note('2025-07-02', 'Spanningen rond de opvanglocatie', { fenomeen: 'polarisatie', schaal: 'lokaal', gemeente: 'GM0479', auteur: 'A. Analist' }),
  note('2025-08-20', 'Online oproepen', { fenomeen: 'rechts-extremisme', schaal: 'online' }),
  note('2025-09-15', 'Demonstratie elders', { gemeente: 'GM0363', schaal: 'lokaal' }),
  note('2025-06-30', 'Vorig kwartaal', { gemeente: 'GM0479' }),
  note('2025-07-02', 'Aanslagdreiging', { fenomeen: 'jihadisme', gemeente: 'GM0880' }),
];
