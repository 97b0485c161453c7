// "Basis op orde": does the signaleringsnetwerk reach the area? Signals per bron in the period for the area and a
// comparison region, and, over the last four quarters, the bronnen the region received signals from while the area got
// none (possible blind spots: a question for the network, never a finding about people).

import type { GeclassificeerdSignaal } from '../domain.js';
import { periodeVanDatum } from './periode.js';
import type { Periode } from './result-types.js';

const ONBEKEND = 'onbekend';

interface NetwerkBron {
  bron: string;
  /** Signals from this bron in the period: the area, and the comparison region (null without one). */
  gebied: number;
  vergelijking: number | null;
}

interface BlindeVlek {
  bron: string;
  /** The comparison region's signals from this bron in the last four quarters (the area: none). */
  vergelijkingVenster: number;
  /** The quarter of the area's last signal from this bron before the window ("2024-Q3"), or null: none in the inputs. */
  laatsteKwartaal: string | null;
}

export interface NetwerkCijfers {
  /** First day of the four-quarter window (ISO), ending with the period's last day. */
  vensterStart: string;
  bronnen: NetwerkBron[];
  blindeVlekken: BlindeVlek[];
}

export interface NetwerkOpties {
  signalen: readonly GeclassificeerdSignaal[];
  /** CBS codes of the area's gemeenten. */
  gebied: readonly string[];
  /** CBS codes of the comparison region's gemeenten (containing the area), or null. */
  vergelijking: readonly string[] | null;
  periode: Periode;
}

/** The day a year before `eind`, plus one: the first day of the twelve months (four quarters) ending on `eind`. */
function vensterStart(eind: string): string {
  const d = new Date(`${eind}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

export function netwerkCijfers({ signalen, gebied, vergelijking, periode }: NetwerkOpties): NetwerkCijfers {
  const inGebied = new Set(gebied);
  const inVergelijking = vergelijking ? new Set(vergelijking) : null;
  const start = vensterStart(periode.eind);
  const nuGebied = new Map<string, number>();
  const nuVergelijking = new Map<string, number>();
  const vensterGebied = new Map<string, number>();
  const vensterVergelijking = new Map<string, number>();
  const laatste = new Map<string, string>();
  for (const s of signalen) {
    if (s.datum > periode.eind) continue;
    const bron = s.bron || ONBEKEND;
    const nu = s.datum >= periode.start;
    const venster = s.datum >= start;
    if (inGebied.has(s.gemeente)) {
      if (nu) bump(nuGebied, bron);
      if (venster) bump(vensterGebied, bron);
      if ((laatste.get(bron) ?? '') < s.datum) laatste.set(bron, s.datum);
    }
    if (inVergelijking?.has(s.gemeente)) {
      if (nu) bump(nuVergelijking, bron);
      if (venster) bump(vensterVergelijking, bron);
    }
  }
  const namen = [...new Set([...nuGebied.keys(), ...nuVergelijking.keys()])].sort(
    (a, b) =>
      (nuGebied.get(b) ?? 0) - (nuGebied.get(a) ?? 0) ||
      (nuVergelijking.get(b) ?? 0) - (nuVergelijking.get(a) ?? 0) ||
      (a < b ? -1 : 1),
  );
  const bronnen = namen.map((bron) => ({
    bron,
    gebied: nuGebied.get(bron) ?? 0,
    vergelijking: inVergelijking ? (nuVergelijking.get(bron) ?? 0) : null,
  }));
  const blindeVlekken = [...vensterVergelijking.entries()]
    .filter(([bron, n]) => bron !== ONBEKEND && n > 0 && !vensterGebied.has(bron))
    .sort(([a, n], [b, m]) => m - n || (a < b ? -1 : 1))
    .map(([bron, n]) => {
      const datum = laatste.get(bron);
      return { bron, vergelijkingVenster: n, laatsteKwartaal: datum ? periodeVanDatum('kwartaal', datum).code : null };
    });
  return { vensterStart: start, bronnen, blindeVlekken };
}
