// Kernpunten: Dutch sentences generated from the model's (already suppressed) figures. Only a significant change is
// called a rise or fall; a hidden count is never named, a small one only as "minder dan 5".

import { capitalise, enumerate, formatP, formatShare } from '../present/format.js';
import type { Aantal, ReportModel, VeranderingWeergave } from './model-types.js';

/** A rate per 10,000 on fewer signals than this is shown, with its count, but never singled out as a kernpunt. */
export const KLEIN_AANTAL = 10;

type ModelZonderKernpunten = Omit<ReportModel, 'kernpunten' | 'kerncijfers'>;

/** "3e kwartaal 2025" -> "het 3e kwartaal 2025"; months and years go without article. */
export function metLidwoord(label: string): string {
  return label.includes('kwartaal') ? `het ${label}` : label;
}

class Prose {
  constructor(private readonly drempel: number) {}

  /** A count for a sentence; null when it is hidden to protect another count (it must not be named at all). */
  aantal(a: Aantal): string | null {
    if (a.onderdrukt === 'secundair') return null;
    if (a.onderdrukt === 'primair') return `minder dan ${this.drempel}`;
    return a.tekst;
  }

  signalen(a: Aantal): string | null {
    const n = this.aantal(a);
    if (n === null) return null;
    return `${n} ${a.waarde === 1 ? 'signaal' : 'signalen'}`;
  }

  /** "zijn" or "is", agreeing with the count. */
  werkwoord(a: Aantal, enkelvoud: string, meervoud: string): string {
    return a.waarde === 1 ? enkelvoud : meervoud;
  }
}

function plaats(m: ModelZonderKernpunten): string {
  return m.gebied.soort === 'regio' ? `de ${m.gebied.aanduiding}` : m.gebied.naam;
}

function totaalZin(m: ModelZonderKernpunten, p: Prose): string {
  const { huidig, per10000 } = m.totaal;
  const wanneer = capitalise(`in ${metLidwoord(m.periode.label)}`);
  if (huidig.waarde === 0) return `${wanneer} zijn in ${plaats(m)} geen signalen geregistreerd.`;
  const rate = per10000.waarde !== null ? ` (${per10000.tekst} per 10.000 inwoners)` : '';
  const verb = p.werkwoord(huidig, 'is', 'zijn');
  return `${wanneer} ${verb} in ${plaats(m)} ${p.signalen(huidig) ?? 'signalen'} geregistreerd${rate}.`;
}

function vergelijkingZin(label: string, eerder: Aantal, v: VeranderingWeergave, p: Prose): string | null {
  const ref = metLidwoord(label);
  if (v.richting === 'afgeschermd') return null;
  const aantal = p.signalen(eerder);
  const haakje = aantal ? ` (${aantal})` : '';
  if (v.significant) return `Ten opzichte van ${ref}${haakje} is er een ${v.tekst}.`;
  if (v.richting === 'geen significante verandering') return `Ten opzichte van ${ref}${haakje} is er ${v.tekst}.`;
  return `Een vergelijking met ${ref} is niet te toetsen${v.reden ? `: ${v.reden}` : ''}.`;
}

const VERLEDEN = { stijging: 'gestegen', daling: 'gedaald' } as const;

function wijziging(naam: string, van: Aantal, naar: Aantal, v: VeranderingWeergave): string {
  const richting = VERLEDEN[v.richting as keyof typeof VERLEDEN];
  return `${naam} ${richting} van ${van.tekst} naar ${naar.tekst} (${formatP(v.p ?? 0)})`;
}

/** The comparisons a report makes: the previous period and the same period a year earlier (one for a year report). */
function vergelijkingen(m: ModelZonderKernpunten) {
  const all = [
    { label: m.periode.vorige.label, eerder: 'vorigePeriode', v: 'veranderingVorigePeriode' },
    { label: m.periode.vorigJaar.label, eerder: 'vorigJaar', v: 'veranderingVorigJaar' },
  ] as const;
  return m.periode.vorige.code === m.periode.vorigJaar.code ? all.slice(0, 1) : all;
}

function fenomeenVeranderingen(m: ModelZonderKernpunten): string[] {
  const zinnen: string[] = [];
  const comparisons = vergelijkingen(m);
  for (const { label, eerder, v } of comparisons) {
    const items = m.fenomenen.rijen
      .filter((r) => r[v].significant)
      .map((r) => wijziging(r.naam.toLowerCase(), r[eerder], r.huidig, r[v]));
    if (items.length > 0) zinnen.push(`Per fenomeen significant ten opzichte van ${metLidwoord(label)}: ${enumerate(items)}.`);
  }
  // "No significant change" only where something was tested: a comparison with a period outside the inputs is not.
  const getoetst = comparisons.filter(({ v }) => m.fenomenen.rijen.some((r) => r[v].p !== null));
  if (zinnen.length === 0 && getoetst.length > 0 && (m.totaal.huidig.waarde ?? 1) > 0) {
    const refs = getoetst.map(({ label }) => metLidwoord(label));
    zinnen.push(`Per fenomeen is er geen significante verandering ten opzichte van ${refs.join(' of ')}.`);
  }
  return zinnen;
}

function grootsteFenomenen(m: ModelZonderKernpunten, p: Prose): string[] {
  const zichtbaar = m.fenomenen.rijen
    .filter((r) => r.code !== 'onbekend' && (r.huidig.waarde ?? 0) > 0)
    .sort((a, b) => (b.huidig.waarde ?? 0) - (a.huidig.waarde ?? 0) || a.naam.localeCompare(b.naam, 'nl'))
    .slice(0, 3);
  const zinnen: string[] = [];
  if (zichtbaar.length > 0) {
    const items = zichtbaar.map((r) => {
      const deel = r.aandeel.waarde !== null ? `; ${r.aandeel.tekst}` : '';
      return `${r.naam.toLowerCase()} (${r.huidig.tekst}${deel})`;
    });
    const onderwerp = zichtbaar.length === 1 ? 'Het grootste fenomeen is' : 'De grootste fenomenen zijn';
    zinnen.push(`${onderwerp} ${enumerate(items)}.`);
  }
  const onbekend = m.fenomenen.rijen.find((r) => r.code === 'onbekend');
  const n = onbekend && p.signalen(onbekend.huidig);
  if (onbekend && n && onbekend.huidig.waarde !== 0) {
    const deel = onbekend.aandeel.waarde !== null ? ` (${onbekend.aandeel.tekst})` : '';
    zinnen.push(`Bij ${n}${deel} kon geen fenomeen worden bepaald.`);
  }
  return zinnen;
}

function ernstZin(m: ModelZonderKernpunten, p: Prose): string | null {
  const hoog = m.verdelingen.ernst.rijen.find((r) => r.code === 'hoog');
  if (!hoog || m.totaal.huidig.waarde === 0) return null;
  if (hoog.aantal.waarde === 0) return 'Geen van de signalen heeft ernst hoog.';
  const n = p.signalen(hoog.aantal);
  if (n === null) return null;
  const deel = hoog.aandeel.waarde !== null ? ` (${hoog.aandeel.tekst})` : '';
  return `${capitalise(n)}${deel} ${p.werkwoord(hoog.aantal, 'heeft', 'hebben')} ernst hoog.`;
}

function personenZin(m: ModelZonderKernpunten, p: Prose): string | null {
  const personen = m.totaal.personen;
  if (!personen || personen.waarde === 0) return null;
  const n = p.aantal(personen);
  if (n === null) return null;
  if (personen.waarde === 1) return 'Bij deze signalen is 1 persoon betrokken.';
  return `Bij deze signalen zijn ${n} verschillende personen betrokken.`;
}

function gemeentenZinnen(m: ModelZonderKernpunten): string[] {
  const sectie = m.gemeenten;
  if (!sectie || sectie.rijen.length < 2) return [];
  const zinnen: string[] = [];
  const ref = metLidwoord(m.periode.vorige.label);
  const veranderd = sectie.rijen
    .filter((r) => r.verandering.significant)
    .map((r) => wijziging(r.naam, r.vorigePeriode, r.huidig, r.verandering));
  zinnen.push(
    veranderd.length > 0
      ? `Significante veranderingen per gemeente ten opzichte van ${ref}: ${enumerate(veranderd)}.`
      : `Geen enkele gemeente laat een significante verandering zien ten opzichte van ${ref}.`,
  );
  const zichtbaar = sectie.rijen.filter((r) => r.huidig.waarde !== null && r.per10000.waarde !== null);
  const meeste = [...zichtbaar].sort((a, b) => (b.huidig.waarde ?? 0) - (a.huidig.waarde ?? 0))[0];
  const totaal = sectie.totaal.huidig.waarde;
  if (meeste && (meeste.huidig.waarde ?? 0) > 0 && totaal) {
    const deel = formatShare((meeste.huidig.waarde ?? 0) / totaal);
    zinnen.push(`De meeste signalen komen uit ${meeste.naam} (${meeste.huidig.tekst}; ${deel} van de regio).`);
  }
  // A rate on a handful of signals swings wildly: only gemeenten with enough signals are singled out.
  const genoeg = zichtbaar.filter((r) => (r.huidig.waarde ?? 0) >= KLEIN_AANTAL);
  const hoogste = [...genoeg].sort((a, b) => (b.per10000.waarde ?? 0) - (a.per10000.waarde ?? 0))[0];
  if (hoogste && (hoogste.per10000.waarde ?? 0) > 0) {
    const regio = sectie.totaal.per10000.waarde !== null ? `; de regio als geheel ${sectie.totaal.per10000.tekst}` : '';
    const klein = zichtbaar.some((r) => (r.huidig.waarde ?? 0) < KLEIN_AANTAL && (r.per10000.waarde ?? 0) > (hoogste.per10000.waarde ?? 0))
      ? ` Gemeenten met minder dan ${KLEIN_AANTAL} signalen blijven hierbij buiten beschouwing: hun aantal per 10.000 inwoners schommelt sterk.`
      : '';
    zinnen.push(
      `Van de gemeenten met ten minste ${KLEIN_AANTAL} signalen heeft ${hoogste.naam} het hoogste aantal per 10.000 inwoners (${hoogste.per10000.tekst}, ${hoogste.huidig.tekst} signalen${regio}).${klein}`,
    );
  }
  return zinnen;
}

/** The kernpunten, in reading order. */
export function kernpunten(m: ModelZonderKernpunten): string[] {
  const p = new Prose(m.verantwoording.privacy.drempel);
  const totaalVergelijkingen = vergelijkingen(m).map(({ label, eerder, v }) => vergelijkingZin(label, m.totaal[eerder], m.totaal[v], p));
  const afgeschermd =
    m.totaal.veranderingVorigePeriode.richting === 'afgeschermd' || m.totaal.veranderingVorigJaar.richting === 'afgeschermd'
      ? 'Vergelijkingen die op kleine aantallen berusten, zijn in dit openbare rapport afgeschermd.'
      : null;
  const zinnen = (...z: (string | null)[]) => z.filter((s): s is string => s !== null).join(' ');
  return [
    zinnen(totaalZin(m, p), personenZin(m, p)),
    zinnen(...totaalVergelijkingen, afgeschermd),
    ...fenomeenVeranderingen(m),
    ...grootsteFenomenen(m, p),
    zinnen(ernstZin(m, p)),
    ...gemeentenZinnen(m),
  ].filter((punt) => punt.length > 0);
}
