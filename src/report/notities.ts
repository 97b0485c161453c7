// The trend notes of a report: those of the period about the scope, grouped by scale, the analyst's text unchanged.

import type { GemeenteOpzoeker } from '../aggregate/aggregate.js';
import { notitiesVoorScope, type NotitiePlaatsing } from '../aggregate/trends.js';
import type { ScopeCijfers } from '../aggregate/types.js';
import type { Fenomeen, Schaal, Trendnotitie } from '../model.js';
import { formatDate } from './format.js';
import { FENOMEEN_NAAM, SCHAAL_TITEL } from './labels.js';
import type { NotitieGroep } from './types.js';

const SCHAAL_VOLGORDE: (Schaal | 'zonder')[] = ['lokaal', 'regionaal', 'landelijk', 'internationaal', 'online', 'zonder'];

/** Looks up gemeente names among the areas of the figures (the notes of a scope only name gemeenten in it). */
function naamOpzoeker(c: ScopeCijfers): GemeenteOpzoeker {
  const gebieden = new Map([c.gebied, ...c.gemeenten].map((g) => [g.code, g]));
  return {
    gemeente: (code) => {
      const g = gebieden.get(code);
      return g && { code: g.code, naam: g.naam, andereNamen: [], veiligheidsregio: '', inwoners: g.inwoners };
    },
  };
}

export function notitieGroepen(
  notities: readonly Trendnotitie[],
  cijfers: ScopeCijfers,
  plaatsing?: NotitiePlaatsing,
  fenomeenNaam: (f: Fenomeen) => string = (f) => FENOMEEN_NAAM[f],
): NotitieGroep[] {
  const relevant = notitiesVoorScope(notities, cijfers, naamOpzoeker(cijfers), plaatsing);
  return SCHAAL_VOLGORDE.map((schaal) => ({
    schaal,
    titel: SCHAAL_TITEL[schaal],
    notities: relevant
      .filter((n) => (n.schaal ?? 'zonder') === schaal)
      .map((n) => ({
        datum: n.datum,
        datumTekst: formatDate(n.datum),
        titel: n.titel,
        notitie: n.notitie,
        alineas: n.notitie
          .split(/\r?\n\s*\r?\n/)
          .map((a) => a.trim())
          .filter((a) => a.length > 0),
        fenomeen: n.fenomeen ? fenomeenNaam(n.fenomeen) : null,
        gemeente: n.gemeenteNaam ?? n.gemeente,
      })),
  })).filter((g) => g.notities.length > 0);
}
