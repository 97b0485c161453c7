// Is a change between two counts real or noise? Counts of signals are small, so no normal approximations: the
// exact conditional test for two Poisson counts (as R's poisson.test for two samples). Given x1 + x2 = n, x1 is
// Binomial(n, t1 / (t1 + t2)) under "same rate"; its exact two-sided binomial test gives the p-value.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Richting, Verandering } from './result-types.js';

type Verdeling = (x: number, n: number, p: number) => number;
interface Binomiaal {
  pmf: Verdeling;
  cdf: Verdeling;
}

/** The packages the build's bundle holds. */
const PAKKETTEN = ['@stdlib/stats-base-dists-binomial-pmf', '@stdlib/stats-base-dists-binomial-cdf'];

/** The build's bundle of both (scripts/binomiaal-bundel.mjs): the same path from src/aggregate and dist/aggregate. */
const BUNDEL = fileURLToPath(new URL('../../dist/binomiaal.cjs', import.meta.url));

/**
 * The binomial distribution's pmf and cdf (stdlib), loaded when the first p-value is computed: they are what
 * @stdlib/stats-binomial-test computes its p-value with, without the confidence interval (a beta quantile) cter never
 * shows, which costs most of that package's loading time; a command that tests nothing loads neither. From the build's
 * bundle of the two when it was made from the installed versions (one file instead of some 370 modules), else from the
 * packages.
 */
let binomiaal: Binomiaal | undefined;

function verdeling(): Binomiaal {
  if (binomiaal === undefined) {
    const require = createRequire(import.meta.url);
    binomiaal = gebundeld(require) ?? {
      pmf: require('@stdlib/stats-base-dists-binomial-pmf') as Verdeling,
      cdf: require('@stdlib/stats-base-dists-binomial-cdf') as Verdeling,
    };
  }
  return binomiaal;
}

/**
 * Loads the distribution now rather than at the first p-value: for a caller with idle time before it aggregates (the
 * reading thread while the classification worker finishes), so that loading it is off the run's critical path.
 */
export function laadVerdelingVooraf(): void {
  verdeling();
}

function gebundeld(require: NodeJS.Require): Binomiaal | undefined {
  let bundel: Binomiaal & { versies?: Record<string, string> };
  try {
    bundel = require(BUNDEL) as typeof bundel;
  } catch {
    // No bundle (a build without rolldown) or a damaged one: the packages.
    return undefined;
  }
  const actueel = PAKKETTEN.every((p) => bundel.versies?.[p] === (require(`${p}/package.json`) as { version: string }).version);
  return actueel ? bundel : undefined;
}

/** Relative tolerance for "as or less likely than the observed count" (R's binom.test and stdlib use the same). */
const RELATIEVE_FOUT = 1 + 1e-7;

/**
 * Two-sided p-value of the exact binomial test of x successes in n with success probability p: the probability of all
 * outcomes no more likely than x, as R's binom.test and @stdlib/stats-binomial-test compute it (the other tail by
 * counting its outcomes with pmf <= pmf(x) * (1 + 1e-7), then one cdf per tail), step for step, so the value is the
 * library's to the bit. Not capped at 1.
 *
 * The library counts the other tail's outcomes one by one (a region's count of thousands: thousands of pmf calls per
 * test). The pmf rises up to its mode and falls after it, and the other tail lies wholly on one side of the mode
 * (from ceil(n*p) up, or up to floor(n*p)), so the outcomes it counts are the far end of that tail: a binary search for
 * where they start finds the same count in a few dozen calls.
 */
function binomiaalTweezijdig(x: number, n: number, p: number): number {
  const { pmf, cdf } = verdeling();
  const d = pmf(x, n, p);
  const m = n * p;
  if (x === m) return 1;
  const grens = d * RELATIEVE_FOUT;
  if (x < m) {
    // The first i from ceil(m) with pmf(i) <= grens (n + 1 when none): pmf falls from there on.
    let lo = Math.ceil(m);
    let hi = n + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (pmf(mid, n, p) <= grens) hi = mid;
      else lo = mid + 1;
    }
    const y = n + 1 - lo;
    return cdf(x, n, p) + (1 - cdf(n - y, n, p));
  }
  // The first i from 0 with pmf(i) > grens (floor(m) + 1 when none): pmf rises up to floor(m).
  let lo = 0;
  let hi = Math.floor(m) + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (pmf(mid, n, p) <= grens) lo = mid + 1;
    else hi = mid;
  }
  const y = lo;
  return cdf(y - 1, n, p) + (1 - cdf(x - 1, n, p));
}

/** Significance level: "stijging"/"daling" only below it. */
export const ALPHA = 0.05;

export const TOETS =
  'exacte conditionele toets voor twee Poisson-aantallen (binomiale toets, tweezijdig, gelijke blootstelling per periode)';

/** Results by counts and exposure share: a batch tests the same small count pairs over and over (36 areas x 8 fenomenen x 2 comparisons). */
const tested = new Map<string, number>();

/**
 * Two-sided p-value of "the two counts come from the same rate", with exposures t1 and t2 (default: equal, which is
 * how periods of the same kind are compared). Null when there is nothing to test (both counts zero).
 */
export function poissonToets(x1: number, x2: number, t1 = 1, t2 = 1): number | null {
  if (!Number.isInteger(x1) || !Number.isInteger(x2) || x1 < 0 || x2 < 0) {
    throw new RangeError(`counts must be non-negative integers, got ${x1} and ${x2}`);
  }
  if (!(t1 > 0) || !(t2 > 0)) throw new RangeError(`exposures must be positive, got ${t1} and ${t2}`);
  if (x1 + x2 === 0) return null;
  const key = `${x1}:${x2}:${t1 / (t1 + t2)}`;
  let p = tested.get(key);
  if (p === undefined) {
    // Both tails are summed without capping; R caps the two-sided p-value at 1.
    p = Math.min(1, binomiaalTweezijdig(x1, x1 + x2, t1 / (t1 + t2)));
    tested.set(key, p);
  }
  return p;
}

/** Four significant digits: enough to read, stable in JSON; the decision is taken on the unrounded value. */
const significant = (p: number): number => Number(p.toPrecision(4));

/**
 * The change from `vergelijking` (earlier period) to `huidig`, in words that are only strong when the test is.
 * `reden` replaces the test when the comparison period has no data at all (it lies before the inputs start).
 */
export function verandering(huidig: number, vergelijking: number, geenGegevens?: string): Verandering {
  const verschil = huidig - vergelijking;
  const procent = vergelijking === 0 ? null : Math.round((verschil / vergelijking) * 1000) / 10;
  if (geenGegevens) {
    return { richting: 'niet te toetsen', p: null, huidig, vergelijking, verschil, procent, reden: geenGegevens };
  }
  const p = poissonToets(huidig, vergelijking);
  if (p === null) {
    return { richting: 'niet te toetsen', p, huidig, vergelijking, verschil, procent, reden: 'beide aantallen zijn 0' };
  }
  const richting: Richting = p >= ALPHA ? 'geen significante verandering' : verschil > 0 ? 'stijging' : 'daling';
  return { richting, p: significant(p), huidig, vergelijking, verschil, procent };
}
