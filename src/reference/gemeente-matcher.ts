// Resolves the many ways exports name a gemeente (official name, other name, bare name without province suffix,
// CBS code, abolished gemeente, woonplaats) to one current gemeente. Runs once per CSV row, so every key is precomputed
// and answers are cached by the raw text.
//
// Precedence: a current gemeente's name (official, other, bare) always means that gemeente ("Hoorn" is the gemeente
// Hoorn, not the village on Terschelling). Abolished gemeenten and woonplaatsen come next, together: when such a name
// points to more than one current gemeente ("Koedijk": Alkmaar and Dijk en Waard), it is ambiguous and refused.
import type { Gemeente } from '../domain.js';
import { normaliseName, plaatsKey, splitSuffix, withoutSuffix, woordKeys, zonderGemeente, zonderLidwoord } from './normalise.js';
import { suggereer, type Kandidaat } from './suggest.js';
import type { OpgehevenRow, WoonplaatsRow } from './tables.js';

export type GemeenteMatch =
  | {
      ok: true;
      gemeente: Gemeente;
      via: 'naam' | 'andere-naam' | 'code' | 'opgeheven' | 'woonplaats';
      opgeheven?: { naam: string; code: string };
      /** The woonplaats as the reference data writes it, when the text named one. */
      woonplaats?: string;
    }
  | { ok: false; reden: string; suggesties: string[] };

type Via = 'naam' | 'andere-naam' | 'opgeheven' | 'woonplaats';

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

const RANK = { naam: 0, andereNaam: 1, kaal: 2, elders: 3 } as const;
/** Suffixes that only say "in Noord-Holland" and may be dropped: "Zaandam (NH)". */
const NH_SUFFIXEN = new Set(['nh', 'noordholland', 'nholl', 'nhol']);
const CACHE_LIMIT = 100_000;

export class GemeenteMatcher {
  private readonly byCode = new Map<string, Gemeente>();
  private readonly opgehevenByCode = new Map<string, OpgehevenRow>();
  private readonly keys = new Map<string, KeyEntry>();
  private readonly cache = new Map<string, GemeenteMatch>();
  private readonly woonplaatsenByCode = new Map<string, string[]>();
  private voorkeur: ReadonlySet<string> = new Set();
  private kandidaten: Kandidaat[] | undefined;

  constructor(gemeenten: Gemeente[], opgeheven: OpgehevenRow[], woonplaatsen: WoonplaatsRow[] = []) {
    for (const g of gemeenten) this.byCode.set(g.code, g);
    for (const g of gemeenten) {
      this.add(g.naam, { rank: RANK.naam, via: 'naam', label: g.naam, codes: [g.code] });
      for (const naam of g.andereNamen) {
        this.add(naam, { rank: RANK.andereNaam, via: 'andere-naam', label: naam, codes: [g.code] });
      }
    }
    // Bare names ("Hengelo" for "Hengelo (O.)") after all full names, so they never shadow one.
    for (const g of gemeenten) {
      const bare = withoutSuffix(g.naam);
      if (bare !== g.naam) this.add(bare, { rank: RANK.kaal, via: 'naam', label: bare, codes: [g.code] });
    }
    for (const o of opgeheven) {
      this.opgehevenByCode.set(o.code, o);
      const opgeheven = { naam: o.naam, code: o.code };
      this.add(o.naam, { rank: RANK.elders, via: 'opgeheven', label: o.naam, codes: [o.opvolger], opgeheven });
    }
    for (const w of woonplaatsen) {
      this.add(w.woonplaats, { rank: RANK.elders, via: 'woonplaats', label: w.woonplaats, codes: [w.code] });
      const list = this.woonplaatsenByCode.get(w.code) ?? [];
      if (!list.includes(w.woonplaats)) list.push(w.woonplaats);
      this.woonplaatsenByCode.set(w.code, list);
    }
  }

  private add(name: string, entry: KeyEntry): void {
    // "Hertogenbosch" and "Gravenhage" as well as "'s-Hertogenbosch" and "'s-Gravenhage".
    const kort = zonderLidwoord(name);
    if (kort) this.addKey(plaatsKey(kort), entry);
    this.addKey(plaatsKey(name), entry);
  }

  private addKey(key: string, entry: KeyEntry): void {
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

  /** The woonplaatsen of a gemeente as the reference data lists them (empty when none are known). */
  woonplaatsen(code: string): string[] {
    return this.woonplaatsenByCode.get(code) ?? [];
  }

  /** Gemeenten of the workspace's region: suggested first among equally close names. */
  setVoorkeur(codes: Iterable<string>): void {
    this.voorkeur = new Set(codes);
    this.kandidaten = undefined;
    this.cache.clear();
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
    const key = plaatsKey(text);
    if (!key) return { ok: false, reden: 'gemeente ontbreekt', suggesties: [] };
    const code = /^(?:gm)?(\d{1,4})$/.exec(normaliseName(text));
    if (code) return this.resolveCode(`GM${code[1]!.padStart(4, '0')}`, text);

    const kaal = zonderGemeente(text);
    const entry = this.keys.get(key) ?? (kaal === undefined ? undefined : this.keys.get(plaatsKey(kaal))) ?? this.metSuffix(kaal ?? text);
    if (!entry) {
      return { ok: false, reden: `onbekende gemeente '${text.trim()}'`, suggesties: suggereer(key, this.alleKandidaten()) };
    }
    return this.fromEntry(entry, text);
  }

  /**
   * A name with a suffix in parentheses that is not itself a known name: "Zaandam (NH)" drops a Noord-Holland
   * suffix; "Koedijk (Alkmaar)" picks the gemeente out of an ambiguous woonplaats.
   */
  private metSuffix(text: string): KeyEntry | undefined {
    const split = splitSuffix(text);
    if (!split) return undefined;
    const [naam, suffix] = split;
    const entry = this.keys.get(plaatsKey(naam));
    if (!entry) return undefined;
    if (NH_SUFFIXEN.has(plaatsKey(suffix))) return entry;
    const binnen = this.keys.get(plaatsKey(suffix));
    if (binnen && binnen.rank < RANK.elders && binnen.codes.length === 1 && entry.codes.includes(binnen.codes[0]!)) {
      return { ...entry, codes: [binnen.codes[0]!] };
    }
    return undefined;
  }

  private fromEntry(entry: KeyEntry, text: string): GemeenteMatch {
    if (entry.codes.length > 1) {
      const namen = this.sorteer(entry.codes).map((c) => this.byCode.get(c)!.naam);
      return {
        ok: false,
        reden: `'${text.trim()}' is dubbelzinnig: ${namen.slice(0, -1).join(', ')} of ${namen.at(-1)}`,
        suggesties: namen,
      };
    }
    const gemeente = this.byCode.get(entry.codes[0]!)!;
    if (entry.opgeheven) return { ok: true, gemeente, via: entry.via, opgeheven: entry.opgeheven };
    if (entry.via === 'woonplaats') return { ok: true, gemeente, via: entry.via, woonplaats: entry.label };
    return { ok: true, gemeente, via: entry.via };
  }

  /** Codes with the workspace's own gemeenten first, then by code. */
  private sorteer(codes: string[]): string[] {
    return [...codes].sort((a, b) => Number(this.voorkeur.has(b)) - Number(this.voorkeur.has(a)) || a.localeCompare(b));
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

  /** Every known name as a suggestion, labelled so that nothing but a current gemeente looks like one. */
  private alleKandidaten(): Kandidaat[] {
    if (this.kandidaten) return this.kandidaten;
    const kandidaten: Kandidaat[] = [];
    for (const [key, entry] of this.keys) {
      const voorkeur = entry.codes.some((c) => this.voorkeur.has(c));
      const woorden = woordKeys(entry.label);
      const namen = this.sorteer(entry.codes).map((c) => this.byCode.get(c)!.naam);
      const push = (label: string) => kandidaten.push({ key, woorden, label, rang: entry.rank, voorkeur });
      if (entry.via === 'opgeheven') push(`${entry.label} (opgeheven, nu ${namen[0]})`);
      else if (entry.via === 'woonplaats') push(`${entry.label} (woonplaats in ${namen.join(' en in ')})`);
      else if (entry.codes.length > 1) namen.forEach(push);
      else if (plaatsKey(withoutSuffix(entry.label)) === plaatsKey(withoutSuffix(namen[0]!))) push(namen[0]!);
      else push(`${entry.label} (${namen[0]})`);
    }
    this.kandidaten = kandidaten;
    return kandidaten;
  }
}
