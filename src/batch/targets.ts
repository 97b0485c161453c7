// Which reports a batch makes: a region, the regions it is made of (the politie-eenheid's zorg- en
// veiligheidsregio's), and every gemeente in them, each once. Pure: reference data and configuration in, a list out.
import type { Scope } from '../aggregate/aggregate.js';
import type { CterConfig } from '../config/cter-config.js';
import type { Regio } from '../domain.js';
import { regioOfFout, type Reference } from '../reference/index.js';
import { deelregios } from '../scope/resolve.js';
import { UsageError } from '../util/errors.js';

/** One report of the batch. */
export interface BatchDoel {
  scope: Scope;
  soort: 'gemeente' | 'regio';
  /** CBS code of a gemeente, or the region's code. */
  code: string;
  naam: string;
}

export type BatchKeuze = { regio: string } | { alle: true };

/** The regions a choice names: --regio, or (--alle) the configuration's `regio` and `regios`. */
function gekozenRegios(ref: Reference, keuze: BatchKeuze, config: Pick<CterConfig, 'regio' | 'regios'>): Regio[] {
  if ('regio' in keuze) return [regioOfFout(ref, keuze.regio, '--regio')];
  const regios: Regio[] = [];
  if (config.regio) regios.push(regioOfFout(ref, config.regio, "configuratie 'regio'"));
  for (const eigen of config.regios) regios.push(regioOfFout(ref, eigen.naam, "configuratie 'regios'"));
  if (regios.length === 0) {
    throw new UsageError(
      "--alle: de configuratie noemt geen regio's. Zet 'regio' (en eventueel 'regios') in cter.config.json, " +
        'of kies één regio met --regio <naam>.',
    );
  }
  return regios;
}

/**
 * The reports of a batch, regions first (largest first: they take longest, so a parallel run ends evenly), then
 * every gemeente of those regions once, by name as the reference sorts them.
 */
export function batchDoelen(ref: Reference, keuze: BatchKeuze, config: Pick<CterConfig, 'regio' | 'regios'>): BatchDoel[] {
  return doelenVanRegios(ref, gekozenRegios(ref, keuze, config));
}

/** The areas of a scope as batch lists them: a region with the regions inside it and its gemeenten, or one gemeente. */
export function doelenVanScope(ref: Reference, scope: Scope): BatchDoel[] {
  if (scope.soort === 'regio') return doelenVanRegios(ref, [scope.regio]);
  const naam = ref.gemeente(scope.code)?.naam ?? scope.code;
  return [{ scope, soort: 'gemeente', code: scope.code, naam }];
}

function doelenVanRegios(ref: Reference, gekozen: readonly Regio[]): BatchDoel[] {
  const regios = new Map<string, Regio>();
  for (const regio of gekozen) {
    for (const r of [regio, ...deelregios(regio, ref)]) regios.set(r.code, r);
  }
  const gemeenteCodes = new Set([...regios.values()].flatMap((r) => r.gemeenten));
  const regioDoelen: BatchDoel[] = [...regios.values()]
    .sort((a, b) => b.gemeenten.length - a.gemeenten.length)
    .map((regio) => ({ scope: { soort: 'regio', regio }, soort: 'regio', code: regio.code, naam: regio.naam }));
  const gemeenteDoelen: BatchDoel[] = ref.gemeenten
    .filter((g) => gemeenteCodes.has(g.code))
    .map((g) => ({ scope: { soort: 'gemeente', code: g.code }, soort: 'gemeente', code: g.code, naam: g.naam }));
  return [...regioDoelen, ...gemeenteDoelen];
}
