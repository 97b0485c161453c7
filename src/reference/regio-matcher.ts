// Regions: the veiligheidsregio's (some relabelled as zorg- en veiligheidsregio), regions built from them (the
// politie-eenheid) and the analyst's own regions. Resolved by code or by name, with or without a prefix such as
// "Veiligheidsregio" or "Zorg- en veiligheidsregio".
import { distance } from 'fastest-levenshtein';
import type { Regio } from '../model.js';
import { CterError } from '../util/errors.js';
import { normaliseName } from './normalise.js';

export type RegioMatch = { ok: true; regio: Regio } | { ok: false; reden: string; suggesties: string[] };

const PREFIXES = ['zorgenveiligheidsregio', 'veiligheidsregio', 'regio', 'vr'].map(normaliseName);

export class RegioMatcher {
  private readonly keys = new Map<string, Regio>();
  private readonly byGemeente = new Map<string, Regio[]>();

  constructor(readonly regios: Regio[]) {
    for (const regio of regios) {
      for (const key of new Set([normaliseName(regio.naam), normaliseName(regio.code)])) {
        const other = this.keys.get(key);
        if (other && other !== regio) {
          throw new CterError(`regio '${regio.naam}' heeft dezelfde naam of code als regio '${other.naam}'.`);
        }
        this.keys.set(key, regio);
      }
      for (const code of regio.gemeenten) {
        const list = this.byGemeente.get(code) ?? [];
        list.push(regio);
        this.byGemeente.set(code, list);
      }
    }
  }

  regiosVan(gemeenteCode: string): Regio[] {
    return this.byGemeente.get(gemeenteCode) ?? [];
  }

  resolve(text: string): RegioMatch {
    const key = normaliseName(text);
    if (!key) return { ok: false, reden: 'regio ontbreekt', suggesties: [] };
    const regio = this.lookup(key);
    if (regio) return { ok: true, regio };
    // Few regions: the three nearest names are always worth showing.
    const suggesties = this.regios
      .map((r) => ({ naam: r.naam, d: distance(normaliseName(r.naam), key) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, 3)
      .map((s) => s.naam);
    return { ok: false, reden: `onbekende regio '${text.trim()}'`, suggesties };
  }

  private lookup(key: string): Regio | undefined {
    const vrCode = /^vr(\d{1,2})$/.exec(key);
    if (vrCode) return this.keys.get(`vr${vrCode[1]!.padStart(2, '0')}`);
    const direct = this.keys.get(key);
    if (direct) return direct;
    for (const prefix of PREFIXES) {
      if (key.startsWith(prefix) && key.length > prefix.length) {
        const found = this.keys.get(key.slice(prefix.length));
        if (found) return found;
      }
    }
    return undefined;
  }
}
