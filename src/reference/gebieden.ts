// `cter gebieden`: the areas cter knows (regions by kind, or gemeenten) and the members of one region, as data for
// people and scripts. Pure: takes the loaded reference, returns text or JSON-ready objects.
import type { Regio, RegioSoort } from '../domain.js';
import { compareGemeenteNamen, type Reference } from './index.js';

export const GEBIED_SOORTEN = ['veiligheidsregio', 'zorg- en veiligheidsregio', 'politie-eenheid', 'eigen regio', 'gemeente'] as const;
export type GebiedSoort = (typeof GEBIED_SOORTEN)[number];

export interface GebiedRegel {
  naam: string;
  code: string;
  soort: RegioSoort | 'gemeente';
  /** Regions: the number of member gemeenten. */
  aantalGemeenten?: number;
  /** Gemeenten: the veiligheidsregio code, inhabitants and known woonplaatsen. */
  veiligheidsregio?: string;
  inwoners?: number;
  woonplaatsen?: string[];
}

const ORDE: Record<RegioSoort, number> = { 'politie-eenheid': 0, 'zorg- en veiligheidsregio': 1, veiligheidsregio: 2, 'eigen regio': 3 };

function regioRegel(r: Regio): GebiedRegel {
  return { naam: r.naam, code: r.code, soort: r.soort, aantalGemeenten: r.gemeenten.length };
}

function gemeenteRegels(ref: Reference, codes: readonly string[]): GebiedRegel[] {
  return codes
    .map((code) => ref.gemeente(code)!)
    .sort((a, b) => compareGemeenteNamen(a.naam, b.naam))
    .map((g) => ({
      naam: g.naam,
      code: g.code,
      soort: 'gemeente' as const,
      veiligheidsregio: g.veiligheidsregio,
      inwoners: g.inwoners,
      woonplaatsen: ref.woonplaatsenVan(g.code),
    }));
}

/** Every region (politie-eenheden first), or only those of one kind; `gemeente` lists the 342 gemeenten. */
export function gebieden(ref: Reference, soort?: GebiedSoort): GebiedRegel[] {
  if (soort === 'gemeente') return gemeenteRegels(ref, ref.gemeenten.map((g) => g.code));
  return ref.regios
    .filter((r) => soort === undefined || r.soort === soort)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => ORDE[a.r.soort] - ORDE[b.r.soort] || a.i - b.i)
    .map(({ r }) => regioRegel(r));
}

/** The member gemeenten of a region, by name. */
export function ledenVan(ref: Reference, regio: Regio): GebiedRegel[] {
  return gemeenteRegels(ref, regio.gemeenten);
}

/**
 * One area per line, fields separated by a tab: the name first, so `cut -f1` gives the names for a loop.
 * Regions: naam, soort, code, number of gemeenten. Gemeenten: naam, CBS code, veiligheidsregio, woonplaatsen.
 */
export function gebiedenTekst(regels: readonly GebiedRegel[]): string {
  return regels
    .map((r) =>
      r.soort === 'gemeente'
        ? [r.naam, r.code, r.veiligheidsregio ?? '', (r.woonplaatsen ?? []).join(', ')].join('\t')
        : [r.naam, r.soort, r.code, `${r.aantalGemeenten} gemeenten`].join('\t'),
    )
    .map((line) => `${line.replace(/\t+$/, '')}\n`)
    .join('');
}
