// Exports repeat the same few values on every row (bron, type, codes, person keys, dates): remembering the answer
// per distinct text saves time, and sharing one string or object per value saves memory on large files. The caches
// are bounded, so a file full of distinct values costs a cleared cache, not unbounded memory.

const DEFAULT_LIMIT = 50_000;

/** Stands in the cache for an answer that is undefined: a miss then costs one lookup, not a get and a has. */
const UNDEFINED = Symbol('undefined');

export function memoise<T>(fn: (text: string) => T, limit = DEFAULT_LIMIT): (text: string) => T {
  const cache = new Map<string, T | typeof UNDEFINED>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return (hit === UNDEFINED ? undefined : hit) as T;
    const value = fn(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, value === undefined ? UNDEFINED : value);
    return value;
  };
}
