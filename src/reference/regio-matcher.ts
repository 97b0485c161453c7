// Regions: the veiligheidsregio's (some relabelled as zorg- en veiligheidsregio), regions built from them (the ten
// politie-eenheden) and the analyst's own regions. Resolved by code or by name, with or without a prefix such as
// "Veiligheidsregio" or "Zorg- en veiligheidsregio"; "Politie Amsterdam" and "Eenheid Amsterdam" name the
// politie-eenheid.
import type { Regio } from '../domain.js';
import { CterError } from '../util/errors.js';
import { plaatsKey, woordKeys } from './normalise.js';
import { suggereer, type Kandidaat } from './suggest.js';

export type RegioMatch = { ok: true; regio: Regio } | { ok: false; reden: string; suggesties: string[] };

const PREFIXES = ['zorg- en veiligheidsregio', 'veiligheidsregio', 'regio', 'vr'].map(plaatsKey);
const POLITIE = ['politie-eenheid', 'politie eenheid', 'politie', 'eenheid'].map(plaatsKey);

export class RegioMatcher {
  private readonly keys = new Map<string, Regio>();
  private readonly byGemeente = new Map<string, Regio[]>();
  private readonly kandidaten: Kandidaat[];

  constructor(readonly regios: Regio[]) {
    for (const regio of regios) {
      for (const key of new Set([plaatsKey(regio.naam), plaatsKey(regio.code)])) {
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
    const rang = (r: Regio) => (r.soort === 'eigen regio' ? 0 : r.soort === 'politie-eenheid' ? 2 : 1);
    this.kandidaten = regios.map((r) => ({
      key: plaatsKey(r.naam),
      woorden: woordKeys(r.naam),
      label: r.naam,
      rang: rang(r),
      voorkeur: false,
    }));
  }

  regiosVan(gemeenteCode: string): Regio[] {
    return this.byGemeente.get(gemeenteCode) ?? [];
  }

  resolve(text: string): RegioMatch {
    const key = plaatsKey(text);
    if (!key) return { ok: false, reden: 'regio ontbreekt', suggesties: [] };
    const regio = this.lookup(key);
    if (regio) return { ok: true, regio };
    return { ok: false, reden: `onbekende regio '${text.trim()}'`, suggesties: suggereer(this.zonderVoorvoegsel(key), this.kandidaten) };
  }

  private zonderVoorvoegsel(key: string): string {
    for (const prefix of PREFIXES) {
      if (key.startsWith(prefix) && key.length > prefix.length) return key.slice(prefix.length);
    }
    return key;
  }

  private lookup(key: string): Regio | undefined {
    const vrCode = /^vr(\d{1,2})$/.exec(key);
    if (vrCode) return this.keys.get(`vr${vrCode[1]!.padStart(2, '0')}`);
    const direct = this.keys.get(key) ?? this.keys.get(this.zonderVoorvoegsel(key));
    if (direct) return direct;
    // "Politie Amsterdam", "Eenheid Amsterdam" -> "Politie-eenheid Amsterdam".
    for (const prefix of POLITIE) {
      if (key.startsWith(prefix) && key.length > prefix.length) {
        const found = this.keys.get(POLITIE[0] + key.slice(prefix.length));
        if (found) return found;
      }
    }
    return undefined;
  }
}
