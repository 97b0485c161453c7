import type { Ernst, Fenomeen, Herkomst } from '../domain.js';

export type PeriodeSoort = 'kwartaal' | 'maand' | 'jaar';

export interface Periode {
  soort: PeriodeSoort;
  /** "2025-Q3", "2025-07" or "2025". */
  code: string;
  /** First day, ISO yyyy-mm-dd. */
  start: string;
  /** Last day (inclusive), ISO yyyy-mm-dd. */
  eind: string;
  /** Dutch label: "3e kwartaal 2025", "juli 2025", "2025". */
  label: string;
}

export type Richting = 'stijging' | 'daling' | 'geen significante verandering' | 'niet te toetsen';

/** A change between two periods, judged with an exact test (conditional binomial test on two Poisson counts). */
export interface Verandering {
  richting: Richting;
  /** Two-sided p-value; null when there is nothing to test (both counts zero). */
  p: number | null;
  huidig: number;
  vergelijking: number;
  verschil: number;
  /** Relative change in percent; null when the comparison count is zero. */
  procent: number | null;
  /** Why there is no test (richting "niet te toetsen"): both counts zero, or a period not (fully) in the inputs. */
  reden?: string;
}

/**
 * How far the inputs cover a period (inputs-wide, not per area): "geen" when it lies before the first or after the
 * last signal date, "onvolledig" when the last signal date falls inside it, else "volledig".
 */
export type Dekking = 'volledig' | 'onvolledig' | 'geen';

export interface ReeksPunt {
  periode: string;
  label: string;
  signalen: number;
  fenomenen: Record<Fenomeen, number>;
  /** Whether the inputs cover this period; a 0 in an uncovered period means "no data", not "no signals". */
  dekking?: Dekking;
}

/** The figures of one area (gemeente or region) for one period. Pure data: serialisable, deterministic order. */
export interface GebiedCijfers {
  soort: 'gemeente' | 'regio';
  code: string;
  naam: string;
  inwoners: number;
  signalen: number;
  signalenVorigePeriode: number;
  signalenVorigJaar: number;
  /** Distinct (pseudonymised) persons; null when the inputs carry no person keys for this area and period. */
  personen: number | null;
  /** Signals of this area and period that carry a person key (personen counts among these). */
  signalenMetPersoon?: number;
  /** Signals per 10,000 inhabitants. */
  per10000: number;
  /** Counts per category; every canonical fenomeen/ernst/herkomst key present (0 when none). */
  fenomenen: Record<Fenomeen, number>;
  ernst: Record<Ernst, number>;
  herkomst: Record<Herkomst, number>;
  /** Open categories, sorted by count (desc) then name; "onbekend" for missing values. */
  types: Record<string, number>;
  bronnen: Record<string, number>;
  /** Reliability class: source letter (A-F, X) or "onbekend". */
  betrouwbaarheid: Record<string, number>;
  /** Signals flagged for review (afwijking). */
  afwijkingen: number;
  /** Last eight periods, oldest first, ending with the current one. */
  reeks: ReeksPunt[];
  verandering: { vorigePeriode: Verandering; vorigJaar: Verandering };
  /** Per fenomeen change against the previous period and a year earlier. */
  fenomeenVerandering: Record<Fenomeen, { vorigePeriode: Verandering; vorigJaar: Verandering }>;
}

/** Figures for a scope: one gemeente, or a region with each of its gemeenten. */
export interface ScopeCijfers {
  periode: Periode;
  vorigePeriode: Periode;
  vorigJaar: Periode;
  gebied: GebiedCijfers;
  /** For a region: each member gemeente, sorted by name. Empty for a gemeente scope. */
  gemeenten: GebiedCijfers[];
  /** Name of the statistical test, for the verantwoording. */
  toets: string;
  /** Significance level used (0.05). */
  alpha: number;
  /** First and last signal date in the inputs (all areas); null without signals. */
  bereik?: { eerste: string; laatste: string } | null;
  /** Coverage of the current period by the inputs. */
  dekking?: Dekking;
}
