// `cter review --status`: how many signals wait, per gemeente and quarter; as data (JSON) and as a table for people.
import { periodeVanDatum } from '../aggregate/periode.js';
import type { GeclassificeerdSignaal } from '../domain.js';
import { compareGemeenteNamen } from '../reference/index.js';
import { geldigeBeoordeling, WACHTREDEN_TEKST, WACHTREDENEN, type Wachtreden, type WachtrijItem } from './queue.js';
import type { Beoordelingen } from '../classify/classify.js';

const perRedenLeeg = (): Record<Wachtreden, number> => ({ onbekend: 0, afwijking: 0, gewijzigd: 0 });

interface WachtrijGroep {
  /** CBS code and name of the gemeente. */
  gemeente: string;
  naam: string;
  /** Quarter code ("2025-Q3") and its Dutch label. */
  periode: string;
  label: string;
  aantal: number;
  perReden: Record<Wachtreden, number>;
}

export interface WachtrijStatus {
  /** Signals in the queue. */
  totaal: number;
  perReden: Record<Wachtreden, number>;
  /** Per gemeente and quarter, sorted by gemeente name, then quarter. */
  groepen: WachtrijGroep[];
  /** Signals in the inputs whose decision applies (herkomst handmatig). */
  beoordeeld: number;
  /** Stored decisions whose signal is not in these inputs (kept, not applied). */
  zonderSignaal: number;
}

/** Queue counts per gemeente and quarter, for `cter review --status`. */
export function queueStatus(
  queue: readonly WachtrijItem[],
  signalen: readonly GeclassificeerdSignaal[],
  beoordelingen: Beoordelingen,
  gemeenteNaam: (code: string) => string,
): WachtrijStatus {
  const groepen = new Map<string, WachtrijGroep>();
  const perReden = perRedenLeeg();
  for (const { signaal, wachtreden } of queue) {
    const periode = periodeVanDatum('kwartaal', signaal.datum);
    const key = `${signaal.gemeente}\u0000${periode.code}`;
    let groep = groepen.get(key);
    if (!groep) {
      groep = {
        gemeente: signaal.gemeente,
        naam: gemeenteNaam(signaal.gemeente),
        periode: periode.code,
        label: periode.label,
        aantal: 0,
        perReden: perRedenLeeg(),
      };
      groepen.set(key, groep);
    }
    groep.aantal++;
    groep.perReden[wachtreden]++;
    perReden[wachtreden]++;
  }
  const ids = new Set(signalen.map((s) => s.id));
  return {
    totaal: queue.length,
    perReden,
    groepen: [...groepen.values()].sort(
      (a, b) => compareGemeenteNamen(a.naam, b.naam) || (a.periode < b.periode ? -1 : a.periode > b.periode ? 1 : 0),
    ),
    beoordeeld: signalen.filter((s) => geldigeBeoordeling(s, beoordelingen)).length,
    zonderSignaal: [...beoordelingen.keys()].filter((id) => !ids.has(id)).length,
  };
}


/**
 * The status for people: a line per reason, then gemeenten x quarters (only quarters with waiting signals), with
 * totals. '-' is zero, so the numbers stand out.
 */
export function statusTekst(status: WachtrijStatus, beoordelingenBestand: string): string {
  const lines: string[] = [];
  const redenen = WACHTREDENEN.filter((r) => status.perReden[r] > 0).map((r) => `${status.perReden[r]} ${WACHTREDEN_TEKST[r]}`);
  lines.push(`In de wachtrij: ${status.totaal} signalen${redenen.length > 0 ? ` (${redenen.join(', ')})` : ''}.`);
  if (status.groepen.length > 0) {
    const kwartalen = [...new Set(status.groepen.map((g) => g.periode))].sort();
    const gemeenten = [...new Set(status.groepen.map((g) => g.naam))];
    const aantal = (naam: string | undefined, periode: string | undefined) =>
      status.groepen
        .filter((g) => (naam === undefined || g.naam === naam) && (periode === undefined || g.periode === periode))
        .reduce((sum, g) => sum + g.aantal, 0);
    const cells = (naam: string | undefined) => [...kwartalen, undefined].map((p) => String(aantal(naam, p) || '-'));
    const rows = [['gemeente', ...kwartalen, 'totaal'], ...gemeenten.map((n) => [n, ...cells(n)]), ['totaal', ...cells(undefined)]];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    // Names left-aligned, numbers right-aligned.
    const row = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    lines.push('', ...rows.map(row));
  }
  lines.push('', `Beoordeeld (herkomst handmatig): ${status.beoordeeld} signalen; beoordelingen in ${beoordelingenBestand}.`);
  if (status.zonderSignaal > 0) {
    lines.push(`${status.zonderSignaal} beoordelingen horen bij signalen die niet in deze invoer staan; ze blijven bewaard.`);
  }
  return `${lines.join('\n')}\n`;
}
