// The "Basis op orde: het signaleringsnetwerk" section: signals per bron per 10,000 inhabitants in the area against
// its region, and possible blind spots worded as questions for the network (never as findings about people).

import { netwerkCijfers } from '../aggregate/netwerk.js';
import { periodeVanDatum } from '../aggregate/periode.js';
import type { ScopeCijfers } from '../aggregate/result-types.js';
import type { CterConfig } from '../config/cter-config.js';
import type { GeclassificeerdSignaal, Regio } from '../domain.js';
import type { Reference } from '../reference/index.js';
import { cell, type Figures } from './figures.js';
import { capitalise, formatDecimal, formatInteger, aanduiding, kortePeriode } from '../present/format.js';
import { BRON_VAN } from '../present/labels.js';
import type { Aantal, Getal, NetwerkSectie } from './model-types.js';

/** The region a report's area is compared with: a gemeente's veiligheidsregio; a region's configured larger region. */
function vergelijkingsRegio(c: ScopeCijfers, ref: Reference, config: Pick<CterConfig, 'regio'>): Regio | null {
  if (c.gebied.soort === 'gemeente') {
    const vr = ref.gemeente(c.gebied.code)?.veiligheidsregio;
    return ref.regios.find((r) => r.code === vr) ?? null;
  }
  const match = config.regio === undefined ? undefined : ref.resolveRegio(config.regio);
  if (!match?.ok || match.regio.code === c.gebied.code) return null;
  const leden = new Set(match.regio.gemeenten);
  return c.gemeenten.every((g) => leden.has(g.code)) && leden.size > c.gemeenten.length ? match.regio : null;
}

function inwonersVan(ref: Reference, codes: readonly string[]): number {
  return codes.reduce((n, code) => n + (ref.gemeente(code)?.inwoners ?? 0), 0);
}

const bronNaam = (bron: string) => (bron === 'onbekend' ? 'Onbekend' : capitalise(bron));
const bronVan = (bron: string) => BRON_VAN[bron] ?? `bron '${bron}'`;

export function netwerkSectie(
  c: ScopeCijfers,
  signalen: readonly GeclassificeerdSignaal[],
  ref: Reference,
  config: Pick<CterConfig, 'regio'>,
  figures: Figures,
): NetwerkSectie {
  const gebied = c.gemeenten.length > 0 ? c.gemeenten.map((g) => g.code) : [c.gebied.code];
  const regio = vergelijkingsRegio(c, ref, config);
  const cijfers = netwerkCijfers({ signalen, gebied, vergelijking: regio?.gemeenten ?? null, periode: c.periode });
  const regioInwoners = regio ? inwonersVan(ref, regio.gemeenten) : 0;
  const rate = (n: number, inwoners: number) => formatDecimal((n / inwoners) * 10000);
  // The comparison region's counts are not cells of this report: hide a small one in a public report here.
  const klein = (n: number) => figures.openbaar && n > 0 && n < figures.drempel;
  const rijen = cijfers.bronnen.map((b) => {
    const key = cell.verdeling('bron', b.bron);
    const aantal: Aantal = b.gebied === 0 ? { waarde: 0, tekst: '0' } : figures.aantal(key);
    const per10000: Getal = b.gebied === 0 ? { waarde: 0, tekst: '0,0' } : figures.derived([key], (b.gebied / c.gebied.inwoners) * 10000, formatDecimal);
    let vergelijkingPer10000: Getal | null = null;
    if (b.vergelijking !== null && regioInwoners > 0) {
      vergelijkingPer10000 = klein(b.vergelijking)
        ? { waarde: null, tekst: 'x' }
        : { waarde: (b.vergelijking / regioInwoners) * 10000, tekst: rate(b.vergelijking, regioInwoners) };
    }
    return { bron: b.bron, naam: bronNaam(b.bron), aantal, per10000, vergelijkingPer10000 };
  });
  const regioTekst = regio ? `de ${aanduiding('regio', regio.naam)}` : '';
  const vragen = cijfers.blindeVlekken.map((v) => {
    const sinds = v.laatsteKwartaal ? `sinds ${kortePeriode(v.laatsteKwartaal)}` : 'in de hele invoer';
    const regioAantal = klein(v.vergelijkingVenster) ? 'wel signalen' : `${v.vergelijkingVenster} ${v.vergelijkingVenster === 1 ? 'signaal' : 'signalen'}`;
    return (
      `Mogelijke blinde vlek: geen signalen van ${bronVan(v.bron)} ${sinds}, terwijl ${regioTekst} er in de afgelopen vier ` +
      `kwartalen ${regioAantal} van ontving. Bereiken signalen van ${bronVan(v.bron)} het netwerk, en weten zij waar ze terechtkunnen?`
    );
  });
  return {
    vergelijking: regio ? { code: regio.code, naam: regio.naam, aanduiding: aanduiding('regio', regio.naam), inwoners: regioInwoners, inwonersTekst: formatInteger(regioInwoners) } : null,
    venster: `${kortePeriode(periodeVanDatum('kwartaal', cijfers.vensterStart).code)} tot en met ${kortePeriode(periodeVanDatum('kwartaal', c.periode.eind).code)}`,
    rijen,
    vragen,
  };
}
