// RepeatCache: remembers answers while texts repeat, gives up after a sample of distinct texts, starts again empty at
// its limit.
import { describe, expect, it } from 'vitest';
import { RepeatCache } from '../../src/util/repeat-cache.js';

/** Looks each text up and stores a miss, as the classification does; the number of hits. */
function run(cache: RepeatCache<number>, texts: readonly string[]): number {
  let hits = 0;
  for (const text of texts) {
    if (cache.get(text) !== undefined) hits++;
    else cache.set(text, text.length);
  }
  return hits;
}

const distinct = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `omschrijving ${from + i}`);

describe('RepeatCache', () => {
  it('remembers a text it was given', () => {
    const cache = new RepeatCache<number>(100);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 1);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('b')).toBeUndefined();
  });

  it('gives up after 2,000 distinct texts: a text repeated later is no longer found', () => {
    const cache = new RepeatCache<number>(100_000);
    run(cache, distinct(1_999));
    expect(cache.get('omschrijving 0')).toBeDefined();
    run(cache, distinct(5, 1_999));
    expect(cache.get('omschrijving 0')).toBeUndefined();
    expect(run(cache, distinct(100))).toBe(0);
  });

  it('keeps going when one text in ten repeats', () => {
    const cache = new RepeatCache<number>(100_000);
    // Every tenth text is one seen before.
    const texts = distinct(5_000).map((t, i) => (i % 10 === 9 ? `omschrijving ${i - 5}` : t));
    const hits = run(cache, texts);
    expect(hits).toBe(500);
    expect(cache.get('omschrijving 4990')).toBeDefined();
  });

  it('starts again empty at its limit', () => {
    const cache = new RepeatCache<number>(3);
    // Hits first, so the sample does not end it.
    for (let i = 0; i < 300; i++) run(cache, ['x']);
    run(cache, ['p', 'q']);
    expect(cache.get('x')).toBeDefined();
    cache.set('r', 1);
    expect(cache.get('x')).toBeUndefined();
    expect(cache.get('r')).toBeDefined();
  });
});
