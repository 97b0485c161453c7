// Period arithmetic for the aggregation pass: quarters ("2025-Q3"), months ("2025-07") and years ("2025").
// Internally a period is its kind plus an ordinal (year*4+quarter, year*12+month, year), so "previous period",
// "a year earlier" and "the last N periods" are integer steps and bucketing a date is a few string slices.
import { format } from 'date-fns/format';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { nl } from 'date-fns/locale/nl';
import { UsageError } from '../util/errors.js';
import type { Periode, PeriodeSoort } from './result-types.js';

/** Periods per year for each kind: the step for "the same period a year earlier". */
const PER_JAAR: Record<PeriodeSoort, number> = { kwartaal: 4, maand: 12, jaar: 1 };

const VOORBEELD = 'gebruik een kwartaal (2025-Q3), een maand (2025-07) of een jaar (2025)';

/** Ordinal of a period of the given kind: quarters and months count from year 0, years are themselves. */
function periodeIndex(soort: PeriodeSoort, jaar: number, deel: number): number {
  return soort === 'jaar' ? jaar : jaar * PER_JAAR[soort] + (deel - 1);
}

/** The ordinal of the period that contains an ISO date (yyyy-mm-dd); cheap enough for a million signals. */
export function indexVanDatum(soort: PeriodeSoort, datum: string): number {
  const jaar = Number(datum.slice(0, 4));
  if (soort === 'jaar') return jaar;
  const maand = Number(datum.slice(5, 7));
  return soort === 'maand' ? jaar * 12 + (maand - 1) : jaar * 4 + Math.floor((maand - 1) / 3);
}

const iso = (date: Date): string => format(date, 'yyyy-MM-dd');

/** The period of a kind with the given ordinal, with its dates and Dutch label. */
function periodeUitIndex(soort: PeriodeSoort, index: number): Periode {
  if (soort === 'jaar') {
    return { soort, code: String(index), start: `${index}-01-01`, eind: `${index}-12-31`, label: String(index) };
  }
  const jaar = Math.floor(index / PER_JAAR[soort]);
  const deel = index - jaar * PER_JAAR[soort] + 1;
  const eersteMaand = soort === 'maand' ? deel : (deel - 1) * 3 + 1;
  const laatsteMaand = soort === 'maand' ? deel : deel * 3;
  const start = new Date(jaar, eersteMaand - 1, 1);
  const eind = lastDayOfMonth(new Date(jaar, laatsteMaand - 1, 1));
  const code = soort === 'maand' ? `${jaar}-${String(deel).padStart(2, '0')}` : `${jaar}-Q${deel}`;
  const label = soort === 'maand' ? format(start, 'LLLL yyyy', { locale: nl }) : `${deel}e kwartaal ${jaar}`;
  return { soort, code, start: iso(start), eind: iso(eind), label };
}

/** The ordinal of a period (inverse of periodeUitIndex). */
export function indexVanPeriode(periode: Periode): number {
  return indexVanDatum(periode.soort, periode.start);
}

/**
 * Parses "2025-Q3", "2025-07" or "2025" (case and surrounding spaces do not matter).
 * Anything else is a usage error in Dutch that says what is wrong and what is accepted.
 */
export function parsePeriode(text: string): Periode {
  const invoer = text.trim();
  const jaar = Number(invoer.slice(0, 4));
  if (/^\d{4}/.test(invoer) && (jaar < 1900 || jaar > 2999)) {
    throw new UsageError(`ongeldige periode '${text}': het jaar ligt buiten 1900-2999.`);
  }
  const kwartaal = /^(\d{4})-?[Qq](\d+)$/.exec(invoer);
  if (kwartaal) {
    const q = Number(kwartaal[2]);
    if (q < 1 || q > 4) throw new UsageError(`ongeldige periode '${text}': een kwartaal is Q1 t/m Q4; ${VOORBEELD}.`);
    return periodeUitIndex('kwartaal', periodeIndex('kwartaal', Number(kwartaal[1]), q));
  }
  const maand = /^(\d{4})-(\d{1,2})$/.exec(invoer);
  if (maand) {
    const m = Number(maand[2]);
    if (m < 1 || m > 12) throw new UsageError(`ongeldige periode '${text}': een maand is 01 t/m 12; ${VOORBEELD}.`);
    return periodeUitIndex('maand', periodeIndex('maand', Number(maand[1]), m));
  }
  if (/^\d{4}$/.test(invoer)) return periodeUitIndex('jaar', Number(invoer));
  throw new UsageError(`ongeldige periode '${text}': ${VOORBEELD}.`);
}

/** The period `stappen` periods before (negative: after) the given one. */
function verschuif(periode: Periode, stappen: number): Periode {
  return periodeUitIndex(periode.soort, indexVanPeriode(periode) - stappen);
}

export function vorigePeriode(periode: Periode): Periode {
  return verschuif(periode, 1);
}

/** The same period a year earlier: 2025-Q3 -> 2024-Q3, 2025-07 -> 2024-07, 2025 -> 2024. */
export function vorigJaar(periode: Periode): Periode {
  return verschuif(periode, PER_JAAR[periode.soort]);
}

/** The last `aantal` periods, oldest first, ending with the given one. */
export function laatstePerioden(periode: Periode, aantal: number): Periode[] {
  return Array.from({ length: aantal }, (_, i) => verschuif(periode, aantal - 1 - i));
}

/** The period of a kind that contains a date. */
export function periodeVanDatum(soort: PeriodeSoort, datum: string): Periode {
  return periodeUitIndex(soort, indexVanDatum(soort, datum));
}

/**
 * The default period: the latest quarter that is complete in the data, i.e. whose last day is on or before the
 * latest signal date. Data up to 2025-10-14 gives 2025-Q3; data up to 2025-09-30 also gives 2025-Q3 (its last day
 * is covered). When the data holds no complete quarter (all dates fall in one unfinished quarter), the quarter of
 * the latest date, flagged `volledig: false` so the command can say so.
 */
export function latestCompleteQuarter(bereik: { eerste: string; laatste: string }): {
  periode: Periode;
  volledig: boolean;
} {
  const huidig = periodeVanDatum('kwartaal', bereik.laatste);
  if (huidig.eind === bereik.laatste) return { periode: huidig, volledig: true };
  const vorige = vorigePeriode(huidig);
  if (vorige.eind < bereik.eerste) return { periode: huidig, volledig: false };
  return { periode: vorige, volledig: true };
}
