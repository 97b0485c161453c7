// The report's map as data: for a region a choropleth of its gemeenten (signals per 10,000 inhabitants in a few classed
// steps, hidden rates hatched), for a gemeente a locator map (the gemeente within its veiligheidsregio). Pure; the SVG
// is drawn from this at render time (kaart-svg.ts), so the JSON model holds figures, not geometry.

import type { Reference } from '../reference/index.js';
import { formatDecimal } from '../present/format.js';
import { KLEIN_AANTAL } from './kernpunten.js';
import type { Aantal, GemeentenSectie, Getal, Kaart, KaartKlasse } from './model-types.js';

/** The credit the CC BY 4.0 licence of the boundaries asks for. */
const KAART_BRON = 'Bron: CBS, PDOK (gemeentegrenzen 2025, CC BY 4.0)';

/** Sequential blues, light to dark (ColorBrewer Blues, 5 classes), readable in greyscale too. */
const KLASSE_KLEUREN = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;

/** The smallest "nice" step (1, 2, 2.5 or 5 times a power of ten) that divides 0..max into at most `n` classes. */
export function niceStep(max: number, n: number): number {
  const raw = max / n;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw - 1e-9) return m * power;
  return 10 * power;
}

/** Classed steps for the rates shown (as rounded to one decimal): equal nice intervals from 0, at most five. */
export function kaartKlassen(rates: number[]): KaartKlasse[] {
  const max = Math.max(0, ...rates);
  if (max === 0) return [{ van: 0, tot: null, tekst: '0', kleur: KLASSE_KLEUREN[0] }];
  const step = niceStep(max, KLASSE_KLEUREN.length);
  const count = Math.min(KLASSE_KLEUREN.length, Math.floor(max / step + 1e-9) + 1);
  return Array.from({ length: count }, (_, i) => {
    const van = i * step;
    const last = i === count - 1;
    return {
      van,
      tot: last ? null : van + step,
      tekst: last ? `${formatDecimal(van)} of meer` : `${formatDecimal(van)} tot ${formatDecimal(van + step)}`,
      kleur: KLASSE_KLEUREN[count === 1 ? 0 : Math.round((i * (KLASSE_KLEUREN.length - 1)) / (count - 1))]!,
    };
  });
}

function klasseVan(klassen: KaartKlasse[], rate: number): number {
  const shown = Number(rate.toFixed(1));
  const i = klassen.findIndex((k) => k.tot === null || shown < k.tot - 1e-9);
  return i === -1 ? klassen.length - 1 : i;
}

/** "Zaanstad: 2,7 per 10.000 inwoners (42 signalen)", or why the rate is not shown. */
function kaartLabel(naam: string, aantal: Aantal, per10000: Getal): string {
  if (aantal.waarde === null) return `${naam}: afgeschermd (klein aantal)`;
  const signalen = `${aantal.tekst} ${aantal.waarde === 1 ? 'signaal' : 'signalen'}`;
  if (per10000.waarde === null) return `${naam}: ${signalen}`;
  const onzeker = aantal.waarde < KLEIN_AANTAL ? `; minder dan ${KLEIN_AANTAL} signalen, dus een onzeker cijfer` : '';
  return `${naam}: ${per10000.tekst} per 10.000 inwoners (${signalen}${onzeker})`;
}

/** The choropleth of a region's gemeenten, from the (already suppressed) gemeenten table. */
export function regioKaart(sectie: GemeentenSectie, periodeKort: string, regioNaam: string): Kaart {
  const zichtbaar = sectie.rijen.filter((r) => r.per10000.waarde !== null && r.huidig.waarde !== null);
  const klassen = kaartKlassen(zichtbaar.map((r) => Number(r.per10000.waarde!.toFixed(1))));
  const gemeenten = sectie.rijen.map((r) => {
    const shown = r.per10000.waarde !== null && r.huidig.waarde !== null;
    return {
      code: r.code,
      naam: r.naam,
      aantal: r.huidig,
      per10000: r.per10000,
      klasse: shown ? klasseVan(klassen, r.per10000.waarde!) : null,
      focus: false,
      klein: shown && r.huidig.waarde! < KLEIN_AANTAL,
      label: kaartLabel(r.naam, r.huidig, r.per10000),
    };
  });
  return {
    soort: 'regio',
    titel: `Signalen per 10.000 inwoners per gemeente, ${regioNaam}, ${periodeKort}`,
    gemeenten,
    klassen,
    afgeschermd: gemeenten.some((g) => g.klasse === null),
    bron: KAART_BRON,
  };
}

/** The locator map of a gemeente: its veiligheidsregio's gemeenten, the gemeente itself highlighted. */
export function liggingKaart(ref: Reference, code: string): Kaart | null {
  const gemeente = ref.gemeente(code);
  if (!gemeente) return null;
  const regio = ref.regios.find((r) => r.code === gemeente.veiligheidsregio);
  const leden = regio ? regio.gemeenten : [code];
  const gemeenten = leden
    .map((c) => ref.gemeente(c))
    .filter((g) => g !== undefined)
    .map((g) => ({
      code: g.code,
      naam: g.naam,
      aantal: null,
      per10000: null,
      klasse: null,
      focus: g.code === code,
      klein: false,
      label: g.code === code ? `${g.naam} (dit rapport)` : g.naam,
    }));
  return {
    soort: 'ligging',
    titel: regio ? `Ligging van ${gemeente.naam} in de regio ${regio.naam}` : `Ligging van ${gemeente.naam}`,
    gemeenten,
    klassen: [],
    afgeschermd: false,
    bron: KAART_BRON,
  };
}
