// Which area a command is about, from its options or else the configuration: pure lookups in the reference data,
// with Dutch errors that name the option or configuration key that was wrong. Asking (on a TTY) is the CLI's part.
import type { Scope } from '../aggregate/aggregate.js';
import type { CterConfig } from '../config/cter-config.js';
import type { Regio } from '../domain.js';
import { gemeenteOfFout, regioOfFout, type Reference } from '../reference/index.js';
import { UsageError } from '../util/errors.js';

export interface ScopeOpties {
  gemeente?: string;
  regio?: string;
}

/** A resolved scope with where it came from, so the command can say what it used. */
export interface GekozenScope {
  scope: Scope;
  naam: string;
  bron: 'optie' | 'configuratie' | 'gevraagd';
  /** For stderr, when the name was a woonplaats or an abolished gemeente: "--gemeente: Zaandam geteld als Zaanstad." */
  melding?: string;
}

/** A woonplaats or abolished gemeente is taken as its gemeente, with a `melding` that says so. */
function gemeenteScope(ref: Reference, text: string, waar: string): { scope: Scope; naam: string; melding?: string } {
  let melding: string | undefined;
  const gemeente = gemeenteOfFout(ref, text, waar, (tekst) => (melding = tekst));
  const scope: Scope = { soort: 'gemeente', code: gemeente.code };
  return melding === undefined ? { scope, naam: gemeente.naam } : { scope, naam: gemeente.naam, melding };
}

export function regioScope(ref: Reference, text: string, waar: string): { scope: Scope; naam: string } {
  const regio = regioOfFout(ref, text, waar);
  return { scope: { soort: 'regio', regio }, naam: regio.naam };
}

/** The scope from --gemeente/--regio, else from the configuration's `regio`, then `gemeente`; undefined if none. */
export function scopeUitOptiesOfConfig(
  ref: Reference,
  opties: ScopeOpties,
  config: Pick<CterConfig, 'regio' | 'gemeente'>,
): GekozenScope | undefined {
  if (opties.gemeente !== undefined && opties.regio !== undefined) {
    throw new UsageError('geef --gemeente of --regio, niet allebei.');
  }
  if (opties.gemeente !== undefined) return { ...gemeenteScope(ref, opties.gemeente, '--gemeente'), bron: 'optie' };
  if (opties.regio !== undefined) return { ...regioScope(ref, opties.regio, '--regio'), bron: 'optie' };
  if (config.regio) return { ...regioScope(ref, config.regio, "configuratie 'regio'"), bron: 'configuratie' };
  if (config.gemeente) {
    return { ...gemeenteScope(ref, config.gemeente, "configuratie 'gemeente'"), bron: 'configuratie' };
  }
  return undefined;
}

/** Regions whose gemeenten lie within `regio` (fewer of them): the parts a politie-eenheid is made of. */
export function deelregios(regio: Regio, ref: Pick<Reference, 'regios'>): Regio[] {
  const leden = new Set(regio.gemeenten);
  return ref.regios.filter(
    (r) =>
      r !== regio &&
      (r.soort === 'veiligheidsregio' || r.soort === 'zorg- en veiligheidsregio') &&
      r.gemeenten.length > 0 &&
      r.gemeenten.length < leden.size &&
      r.gemeenten.every((code) => leden.has(code)),
  );
}
