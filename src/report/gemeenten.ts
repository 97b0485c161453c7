// For a region: its gemeenten side by side (signals, change, rate per 10,000) and the gemeente x fenomeen table.

import type { ScopeCijfers } from '../aggregate/result-types.js';
import { FENOMENEN } from '../domain.js';
import { cell, type Figures } from './figures.js';
import { formatDecimal, formatInteger } from '../present/format.js';
import type { FenomeenNames } from '../present/labels.js';
import type { GemeentenSectie } from './model-types.js';

export function gemeentenSectie(
  c: ScopeCijfers,
  figures: Figures,
  namen: FenomeenNames,
): GemeentenSectie | null {
  if (c.gebied.soort !== 'regio' || c.gemeenten.length === 0) return null;
  const [nu, vorige] = [c.periode.code, c.vorigePeriode.code];
  const rate = (keys: string[], value: number) => figures.derived(keys, value, formatDecimal);
  const rijen = c.gemeenten.map((g) => ({
    code: g.code,
    naam: g.naam,
    inwoners: g.inwoners,
    inwonersTekst: formatInteger(g.inwoners),
    huidig: figures.aantal(cell.gemeente(g.code, nu)),
    vorigePeriode: figures.aantal(cell.gemeente(g.code, vorige)),
    verandering: figures.verandering(g.verandering.vorigePeriode, cell.gemeente(g.code, nu), cell.gemeente(g.code, vorige)),
    per10000: rate([cell.gemeente(g.code, nu)], g.per10000),
    fenomenen: FENOMENEN.map((f) => figures.aantal(cell.gemeenteFenomeen(g.code, f, nu))),
  }));
  return {
    rijen,
    fenomeenKolommen: FENOMENEN.map((f) => ({ code: f, naam: namen.naam[f], kort: namen.kort[f] })),
    totaal: {
      huidig: figures.aantal(cell.totaal(nu)),
      vorigePeriode: figures.aantal(cell.totaal(vorige)),
      verandering: figures.verandering(c.gebied.verandering.vorigePeriode, cell.totaal(nu), cell.totaal(vorige)),
      per10000: rate([cell.totaal(nu)], c.gebied.per10000),
      fenomenen: FENOMENEN.map((f) => figures.aantal(cell.fenomeen(f, nu))),
    },
  };
}
