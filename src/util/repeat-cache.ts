// Answers per text, remembered while texts repeat. Some exports repeat their descriptions a lot ("Sticker
// aangetroffen"), others hold only distinct ones (a police export's free text); there a cache costs a lookup, a store
// and the memory of every text and saves nothing. So the cache judges a sample of texts first, and gives up when
// fewer than one in ten repeated.

/** Texts stored before the cache judges whether texts repeat: enough to see a rate of one in ten. */
const PROEF = 2_000;

export class RepeatCache<T> {
  private map: Map<string, T> | null = new Map();
  private treffers = 0;

  /** `limiet`: texts kept at most; at it the cache starts again empty (bounded memory for a million texts). */
  constructor(private readonly limiet: number) {}

  /** The answer remembered for `text`, or undefined. */
  get(text: string): T | undefined {
    const hit = this.map?.get(text);
    if (hit !== undefined) this.treffers++;
    return hit;
  }

  /** Remembers `value` for `text` (not found by get), unless the cache has given up. */
  set(text: string, value: T): void {
    const map = this.map;
    if (map === null) return;
    if (map.size === PROEF && this.treffers < PROEF / 10) {
      this.map = null;
      return;
    }
    if (map.size >= this.limiet) map.clear();
    map.set(text, value);
  }
}
