// The trend notes of a report: those of the period about the scope, grouped by scale, the analyst's text unchanged.

import type { GemeenteOpzoeker } from '../aggregate/aggregate.js';
import { notitiesVoorScope, type NotitiePlaatsing, type TrendNotitie } from '../aggregate/trends.js';
import type { ScopeCijfers } from '../aggregate/result-types.js';
import type { Fenomeen, Schaal, Trendnotitie } from '../domain.js';
import { formatDate } from '../present/format.js';
import { SCHAAL_TITEL } from '../present/labels.js';
import type { NotitieGroep } from './model-types.js';

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

/**
 * The notes of the period about the scope, grouped by scale. A public report (Openbaar or TLP:CLEAR) keeps only the
 * notes marked `openbaar`; `weggelaten` counts the ones it left out. `plaatsing` decides which notes belong to the area.
 */
export function notitieSectie(
  notities: readonly Trendnotitie[],
  cijfers: ScopeCijfers,
  openbaar: boolean,
  plaatsing: NotitiePlaatsing | undefined,
  fenomeenNaam: (f: Fenomeen) => string,
): { aantal: number; weggelaten: number; groepen: NotitieGroep[] } {
  const namen = naamOpzoeker(cijfers);
  const alle = notitiesVoorScope(notities, cijfers, namen, plaatsing);
  const getoond = openbaar
    ? notitiesVoorScope(notities.filter((n) => n.openbaar === true), cijfers, namen, plaatsing)
    : alle;
  return {
    aantal: getoond.length,
    weggelaten: alle.length - getoond.length,
    groepen: notitieGroepen(getoond, fenomeenNaam),
  };
}

function notitieGroepen(relevant: readonly TrendNotitie[], fenomeenNaam: (f: Fenomeen) => string): NotitieGroep[] {
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
