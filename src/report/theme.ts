// The look of the report's charts and map as data (data/thema.json): colours and font. A colour is a name from the
// palette or a hex code; names are resolved here, once, so the charts see only hex codes.
import { readFileSync } from 'node:fs';
import { FENOMENEN, type Fenomeen } from '../domain.js';
import { PACKAGE_THEME } from '../util/package.js';

export interface Theme {
  /** CSS font-family list. */
  lettertype: string;
  lettergrootte: number;
  /** The numbers printed at the bars. */
  waardeLettergrootte: number;
  tekst: string;
  raster: string;
  fenomeen: Record<Fenomeen, string>;
  /** The three bars of the area chart: a year ago, the previous period, this period. */
  vergelijking: { vorigJaar: string; vorigePeriode: string; huidig: string };
  /** Bars of one series. */
  staaf: string;
  /** The bar that stands out (the area itself among others). */
  nadruk: string;
  staafRand: string;
}

type ThemaBestand = Omit<Theme, 'fenomeen'> & { palet: Record<string, string>; fenomeen: Record<string, string> };

function kleur(palet: Record<string, string>, waarde: string | undefined, waar: string): string {
  const hex = waarde === undefined ? undefined : (palet[waarde] ?? waarde);
  if (hex === undefined || !/^#[0-9A-Fa-f]{6}$/.test(hex)) {
    throw new Error(`${PACKAGE_THEME}: ${waar}: geen kleur uit het palet of hexcode (${String(waarde)})`);
  }
  return hex;
}

let thema: Theme | undefined;

/** The theme, read once. */
export function reportTheme(): Theme {
  if (thema) return thema;
  const t = JSON.parse(readFileSync(PACKAGE_THEME, 'utf8')) as ThemaBestand;
  const k = (waarde: string | undefined, waar: string) => kleur(t.palet, waarde, waar);
  thema = {
    lettertype: t.lettertype,
    lettergrootte: t.lettergrootte,
    waardeLettergrootte: t.waardeLettergrootte,
    tekst: k(t.tekst, 'tekst'),
    raster: k(t.raster, 'raster'),
    fenomeen: Object.fromEntries(FENOMENEN.map((f) => [f, k(t.fenomeen[f], `fenomeen.${f}`)])) as Record<Fenomeen, string>,
    vergelijking: {
      vorigJaar: k(t.vergelijking.vorigJaar, 'vergelijking.vorigJaar'),
      vorigePeriode: k(t.vergelijking.vorigePeriode, 'vergelijking.vorigePeriode'),
      huidig: k(t.vergelijking.huidig, 'vergelijking.huidig'),
    },
    staaf: k(t.staaf, 'staaf'),
    nadruk: k(t.nadruk, 'nadruk'),
    staafRand: k(t.staafRand, 'staafRand'),
  };
  return thema;
}
