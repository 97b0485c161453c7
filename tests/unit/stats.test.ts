import { createRequire } from 'node:module';
import binomialTest from '@stdlib/stats-binomial-test';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { poissonToets, verandering } from '../../src/aggregate/stats.js';

/**
 * Independent oracle for equal exposure: under H0 x1 | n ~ Binomial(n, 1/2), which is symmetric, so R's two-sided
 * p-value is 2 * P(X <= min(x1, x2)), capped at 1. Computed exactly with BigInt binomial coefficients.
 */
function exactEqualExposure(x1: number, x2: number): number {
  const n = x1 + x2;
  const k = Math.min(x1, x2);
  if (x1 === x2) return 1;
  let c = 1n;
  let tail = 0n;
  for (let i = 0; i <= k; i++) {
    tail += c;
    c = (c * BigInt(n - i)) / BigInt(i + 1);
  }
  // tail / 2^n, to double precision: scale before dividing.
  const scale = 10n ** 30n;
  const ratio = Number((2n * tail * scale) / 2n ** BigInt(n)) / Number(scale);
  return Math.min(1, ratio);
}

describe('poissonToets (known p-values)', () => {
  it("matches R's poisson.test for two samples with unequal exposure", () => {
    // R: poisson.test(c(11, 6 + 8 + 7), c(800, 1083 + 1050 + 878)) -> p-value = 0.07967
    expect(poissonToets(11, 21, 800, 3011)).toBeCloseTo(0.07967, 5);
  });

  it("matches R's binom.test values", () => {
    // R: binom.test(682, 925, p = 0.75) -> p-value = 0.3825; with exposures 3:1 the null proportion is 3/4.
    expect(poissonToets(682, 243, 3, 1)).toBeCloseTo(0.3825, 4);
    // binom.test(7, 10) -> 0.3438 (exactly 2 * 176/1024)
    expect(poissonToets(7, 3)).toBeCloseTo(0.34375, 12);
    // binom.test(10, 10) -> 0.001953 (2/1024)
    expect(poissonToets(10, 0)).toBeCloseTo(0.001953125, 12);
    // binom.test(c(14, 9)) -> 0.4049
    expect(poissonToets(14, 9)).toBeCloseTo(0.4049, 4);
    // binom.test(0, 5) -> 0.0625; binom.test(0, 6) -> 0.03125
    expect(poissonToets(0, 5)).toBeCloseTo(0.0625, 12);
    expect(poissonToets(0, 6)).toBeCloseTo(0.03125, 12);
  });

  it('is 1 for equal counts and null when both are zero', () => {
    expect(poissonToets(5, 5)).toBe(1);
    expect(poissonToets(0, 0)).toBeNull();
  });

  it('agrees with an exact rational computation for equal exposure', () => {
    fc.assert(
      fc.property(fc.nat(150), fc.nat(150), (x1, x2) => {
        fc.pre(x1 + x2 > 0);
        const p = poissonToets(x1, x2) as number;
        expect(Math.abs(p - exactEqualExposure(x1, x2))).toBeLessThan(1e-9);
        // Symmetric in the two counts.
        expect(poissonToets(x2, x1)).toBeCloseTo(p, 12);
      }),
    );
  });

  it('rejects impossible input', () => {
    expect(() => poissonToets(-1, 3)).toThrow(RangeError);
    expect(() => poissonToets(1.5, 3)).toThrow(RangeError);
    expect(() => poissonToets(1, 3, 0, 1)).toThrow(RangeError);
  });
});

describe('poissonToets computes what @stdlib/stats-binomial-test computed, to the bit', () => {
  // cter computed its p-values with the whole test package; it now computes the same two-sided rule from the package's
  // own pmf and cdf. Every published p-value (4 significant digits) and every decision (unrounded, against 0.05) must
  // stay the same, so the values must be identical, not merely close.
  const library = (x1: number, x2: number, t1 = 1, t2 = 1) => Math.min(1, binomialTest(x1, x1 + x2, { p: t1 / (t1 + t2) }).pValue);
  const same = (x1: number, x2: number, t1?: number, t2?: number) => {
    expect(Object.is(poissonToets(x1, x2, t1, t2), library(x1, x2, t1, t2)), `${x1}, ${x2}, ${t1}, ${t2}`).toBe(true);
  };

  it('for every pair of counts up to 30 with equal exposure', () => {
    for (let x1 = 0; x1 <= 30; x1++) for (let x2 = x1 === 0 ? 1 : 0; x2 <= 30; x2++) same(x1, x2);
  });

  it('for counts and exposures drawn at random, small and large', () => {
    const blootstelling = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.double({ min: 0.01, max: 100, noNaN: true }));
    fc.assert(
      fc.property(fc.nat(400), fc.nat(400), blootstelling, blootstelling, (x1, x2, t1, t2) => {
        fc.pre(x1 + x2 > 0);
        same(x1, x2, t1, t2);
      }),
      { numRuns: 800 },
    );
    fc.assert(
      fc.property(fc.nat(20_000), fc.nat(20_000), blootstelling, (x1, x2, t1) => {
        fc.pre(x1 + x2 > 0);
        same(x1, x2, t1, 1);
      }),
      { numRuns: 30 },
    );
  });

  it('for large counts close to each other (the other tail found by binary search, not counted one by one)', () => {
    // Close counts put the boundary of the other tail near the mode, where neighbouring pmf values differ least.
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 60_000 }), fc.integer({ min: -300, max: 300 }), fc.constantFrom(1, 2, 3.5), (x1, d, t1) => {
        same(x1, x1 + d, t1, 1);
      }),
      { numRuns: 40 },
    );
  });
});

describe("the build's bundle of the binomial distribution (dist/binomiaal.cjs)", () => {
  it('holds the installed versions of pmf and cdf, and computes what they compute, to the bit', () => {
    const require = createRequire(import.meta.url);
    type Verdeling = (x: number, n: number, p: number) => number;
    const bundel = require('../../dist/binomiaal.cjs') as { pmf: Verdeling; cdf: Verdeling; versies: Record<string, string> };
    const pakketten = ['@stdlib/stats-base-dists-binomial-pmf', '@stdlib/stats-base-dists-binomial-cdf'];
    expect(bundel.versies).toEqual(Object.fromEntries(pakketten.map((p) => [p, (require(`${p}/package.json`) as { version: string }).version])));
    const [pmf, cdf] = pakketten.map((p) => require(p) as Verdeling) as [Verdeling, Verdeling];
    fc.assert(
      fc.property(fc.nat(2_000), fc.nat(2_000), fc.double({ min: 0, max: 1, noNaN: true }), (x, n, p) => {
        expect(Object.is(bundel.pmf(x, n, p), pmf(x, n, p))).toBe(true);
        expect(Object.is(bundel.cdf(x, n, p), cdf(x, n, p))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('verandering', () => {
  it('says stijging/daling only when p < 0.05', () => {
    expect(verandering(6, 0)).toEqual({
      richting: 'stijging',
      p: 0.03125,
      huidig: 6,
      vergelijking: 0,
      verschil: 6,
      procent: null,
    });
    expect(verandering(0, 6)).toMatchObject({ richting: 'daling', p: 0.03125, verschil: -6, procent: -100 });
    expect(verandering(5, 0)).toMatchObject({ richting: 'geen significante verandering', p: 0.0625 });
    expect(verandering(14, 9)).toMatchObject({
      richting: 'geen significante verandering',
      p: 0.4049,
      verschil: 5,
      procent: 55.6,
    });
    expect(verandering(20, 8)).toMatchObject({ richting: 'stijging', procent: 150 });
  });

  it('cannot test two zeros, and says why', () => {
    expect(verandering(0, 0)).toEqual({
      richting: 'niet te toetsen',
      p: null,
      huidig: 0,
      vergelijking: 0,
      verschil: 0,
      procent: null,
      reden: 'beide aantallen zijn 0',
    });
  });

  it('does not test against a period without data', () => {
    expect(verandering(12, 0, 'de invoer bevat geen gegevens over 2e kwartaal 2024')).toMatchObject({
      richting: 'niet te toetsen',
      p: null,
      reden: 'de invoer bevat geen gegevens over 2e kwartaal 2024',
    });
  });

  it('never calls a change significant when p >= 0.05', () => {
    fc.assert(
      fc.property(fc.nat(80), fc.nat(80), (a, b) => {
        const v = verandering(a, b);
        if (v.p === null) {
          expect(v.richting).toBe('niet te toetsen');
          expect(a + b).toBe(0);
          return;
        }
        if (v.p >= 0.05) expect(v.richting).toBe('geen significante verandering');
        if (v.richting === 'stijging') expect(a).toBeGreaterThan(b);
        if (v.richting === 'daling') expect(a).toBeLessThan(b);
      }),
    );
  });
});
