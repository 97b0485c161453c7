// Is a change between two counts real or noise? Counts of signals are small, so no normal approximations: the
// exact conditional test for two Poisson counts (as R's poisson.test for two samples). Given x1 + x2 = n, x1 is
// Binomial(n, t1 / (t1 + t2)) under "same rate"; its exact two-sided binomial test gives the p-value.
import binomialTest from '@stdlib/stats-binomial-test';
import type { Richting, Verandering } from './result-types.js';

/** Significance level: "stijging"/"daling" only below it. */
export const ALPHA = 0.05;

export const TOETS =
  'exacte conditionele toets voor twee Poisson-aantallen (binomiale toets, tweezijdig, gelijke blootstelling per periode)';

/**
 * Results by counts and exposure share. A batch tests the same small count pairs over and over (36 areas x 8
 * fenomenen x 2 comparisons), and the library also computes a confidence interval each time, which is slow.
 */
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
    // The library sums both tails without capping; R caps the two-sided p-value at 1 too.
    p = Math.min(1, binomialTest(x1, x1 + x2, { p: t1 / (t1 + t2) }).pValue);
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
