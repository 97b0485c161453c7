// Resolves the many ways exports name a gemeente (official name, other name, bare name without province suffix,
// CBS code, abolished gemeente) to one current gemeente. Runs once per CSV row, so every key is precomputed and
// answers are cached by the raw text.
import { distance } from 'fastest-levenshtein';
import type { Gemeente } from '../model.js';
import { normaliseName, withoutSuffix } from './normalise.js';
import type { OpgehevenRow } from './tables.js';

export type GemeenteMatch =
  | {
      ok: true;
      gemeente: Gemeente;
      via: 'naam' | 'andere-naam' | 'code' | 'opgeheven';
      opgeheven?: { naam: string; code: string };
    }
  | { ok: false; reden: string; suggesties: string[] };

type Via = 'naam' | 'andere-naam' | 'opgeheven';

interface KeyEntry {
  /** Lower rank wins when two kinds of names share a key: an official name beats an other name, and so on. */
  rank: number;
  via: Via;
  /** The name as written in the reference data, for suggestions and messages. */
  label: string;
  /** Current gemeente codes; more than one means the key is ambiguous. */
  codes: string[];
  opgeheven?: { naam: string; code: string };
}

const CACHE_LIMIT = 100_000;

export class GemeenteMatcher {
  private readonly byCode = new Map<string, Gemeente>();
  private readonly opgehevenByCode = new Map<string, OpgehevenRow>();
  private readonly keys = new Map<string, KeyEntry>();
  private readonly cache = new Map<string, GemeenteMatch>();

  constructor(gemeenten: Gemeente[], opgeheven: OpgehevenRow[]) {
    for (const g of gemeenten) this.byCode.set(g.code, g);
    for (const g of gemeenten) {
      this.add(g.naam, { rank: 0, via: 'naam', label: g.naam, codes: [g.code] });
      for (const naam of g.andereNamen) this.add(naam, { rank: 1, via: 'andere-naam', label: naam, codes: [g.code] });
    }
    // Bare names ("Hengelo" for "Hengelo (O.)") after all full names, so they never shadow one.
    for (const g of gemeenten) {
      const bare = withoutSuffix(g.naam);
      if (bare !== g.naam) this.add(bare, { rank: 2, via: 'naam', label: bare, codes: [g.code] });
    }
    for (const o of opgeheven) {
      this.opgehevenByCode.set(o.code, o);
      const opgeheven = { naam: o.naam, code: o.code };
      this.add(o.naam, { rank: 3, via: 'opgeheven', label: o.naam, codes: [o.opvolger], opgeheven });
    }
  }

  private add(name: string, entry: KeyEntry): void {
    const key = normaliseName(name);
    const existing = this.keys.get(key);
    if (!existing || entry.rank < existing.rank) {
      this.keys.set(key, entry);
    } else if (entry.rank === existing.rank && !existing.codes.includes(entry.codes[0]!)) {
      existing.codes.push(...entry.codes);
    }
  }

  gemeente(code: string): Gemeente | undefined {
    return this.byCode.get(code);
  }

  resolve(text: string): GemeenteMatch {
    let match = this.cache.get(text);
    if (!match) {
      match = this.resolveUncached(text);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(text, match);
    }
    return match;
  }

  private resolveUncached(text: string): GemeenteMatch {
    const key = normaliseName(text);
    if (!key) return { ok: false, reden: 'gemeente ontbreekt', suggesties: [] };
    const code = /^(?:gm)?(\d{1,4})$/.exec(key);
    if (code) return this.resolveCode(`GM${code[1]!.padStart(4, '0')}`, text);

    const entry = this.keys.get(key);
    if (!entry) {
      return { ok: false, reden: `onbekende gemeente '${text.trim()}'`, suggesties: this.suggest(key) };
    }
    if (entry.codes.length > 1) {
      const namen = [...entry.codes].sort().map((c) => this.byCode.get(c)!.naam);
      return {
        ok: false,
        reden: `'${text.trim()}' is dubbelzinnig: ${namen.slice(0, -1).join(', ')} of ${namen.at(-1)}`,
        suggesties: namen,
      };
    }
    const gemeente = this.byCode.get(entry.codes[0]!)!;
    return entry.opgeheven
      ? { ok: true, gemeente, via: entry.via, opgeheven: entry.opgeheven }
      : { ok: true, gemeente, via: entry.via };
  }

  private resolveCode(code: string, text: string): GemeenteMatch {
    const gemeente = this.byCode.get(code);
    if (gemeente) return { ok: true, gemeente, via: 'code' };
    const old = this.opgehevenByCode.get(code);
    if (old) {
      return {
        ok: true,
        gemeente: this.byCode.get(old.opvolger)!,
        via: 'opgeheven',
        opgeheven: { naam: old.naam, code: old.code },
      };
    }
    return { ok: false, reden: `onbekende CBS-code '${text.trim()}'`, suggesties: [] };
  }

  /** The nearest known names (at most three), close enough to be a plausible typo. */
  private suggest(key: string): string[] {
    const limit = Math.max(2, Math.ceil(key.length * 0.4));
    const scored: { label: string; d: number }[] = [];
    for (const [candidate, entry] of this.keys) {
      const d = distance(key, candidate);
      if (d <= limit) scored.push({ label: entry.label, d });
    }
    scored.sort((a, b) => a.d - b.d || a.label.localeCompare(b.label, 'nl'));
    // Only names about as close as the best one: a near-perfect match should not come with far-fetched ones.
    const best = scored[0]?.d ?? 0;
    return [...new Set(scored.filter((s) => s.d <= best + 1).map((s) => s.label))].slice(0, 3);
  }
}
