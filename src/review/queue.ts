// The review queue: classified signals that need an analyst's eye. Pure: classified signals and stored decisions in,
// queue and counts out.
//
// A signal is queued when it has no valid decision (one made on this exact content) and
// - its fenomeen is 'onbekend' (nothing conclusive), or
// - it is flagged 'afwijking' (the rules point elsewhere than the analyst's label), or
// - it had a decision whose content has changed since ("gewijzigd sinds beoordeling"): the old decision no longer
//   applies, so the analyst looks again even when the rules are now sure.
import type { Ernst, Fenomeen, GeclassificeerdSignaal } from '../domain.js';
import type { OpgeslagenBeoordeling } from '../classify/beoordelingen.js';
import { fenomeenLabel, type Taxonomy } from '../classify/taxonomy.js';
import { signalContentHash, type Beoordeling, type Beoordelingen } from '../classify/classify.js';

export const WACHTREDENEN = ['onbekend', 'afwijking', 'gewijzigd'] as const;
export type Wachtreden = (typeof WACHTREDENEN)[number];

export const WACHTREDEN_TEKST: Record<Wachtreden, string> = {
  onbekend: 'fenomeen onbekend',
  afwijking: 'afwijking tussen label en regels',
  gewijzigd: 'gewijzigd sinds beoordeling',
};

export interface WachtrijItem {
  signaal: GeclassificeerdSignaal;
  wachtreden: Wachtreden;
  /** What the rules say, with their reason: the starting point for the analyst. */
  suggestie: { fenomeen: Fenomeen; reden: string };
  /** For 'gewijzigd': the decision that no longer applies. */
  vervallen?: Beoordeling;
}

/** Why a signal waits, in Dutch, with the earlier decision or the export's label where that explains it. */
export function wachtredenTekst(item: WachtrijItem, taxonomy: Taxonomy): string {
  const { signaal, vervallen } = item;
  if (item.wachtreden === 'gewijzigd' && vervallen) {
    return `${WACHTREDEN_TEKST.gewijzigd} (was ${fenomeenLabel(taxonomy, vervallen.fenomeen)}, door ${vervallen.wie} op ${vervallen.wanneer.slice(0, 10)})`;
  }
  if (item.wachtreden === 'afwijking') {
    return `${WACHTREDEN_TEKST.afwijking}: label in de export is ${fenomeenLabel(taxonomy, signaal.fenomeen)}`;
  }
  return WACHTREDEN_TEKST[item.wachtreden];
}

/** Whether a stored decision applies to this signal as it is now. */
export function geldigeBeoordeling(signaal: GeclassificeerdSignaal, beoordelingen: Beoordelingen): boolean {
  const beoordeling = beoordelingen.get(signaal.id);
  return beoordeling !== undefined && beoordeling.hash === signalContentHash(signaal);
}

/** The rules' view: kept apart when the analyst's label or a decision won, else it is the classification itself. */
function regelSuggestie(signaal: GeclassificeerdSignaal): { fenomeen: Fenomeen; reden: string } {
  return signaal.regelSuggestie ?? { fenomeen: signaal.fenomeen, reden: signaal.reden };
}

function wachtreden(signaal: GeclassificeerdSignaal, vervallen: Beoordeling | undefined): Wachtreden | undefined {
  if (vervallen) return 'gewijzigd';
  if (signaal.afwijking) return 'afwijking';
  if (signaal.fenomeen === 'onbekend') return 'onbekend';
  return undefined;
}

/** The queue, in input order (the order of the exports); `wachtrijSelectie` narrows and orders it for review. */
export function reviewQueue(signalen: readonly GeclassificeerdSignaal[], beoordelingen: Beoordelingen): WachtrijItem[] {
  const queue: WachtrijItem[] = [];
  for (const signaal of signalen) {
    if (geldigeBeoordeling(signaal, beoordelingen)) continue;
    const beoordeling = beoordelingen.get(signaal.id);
    const reden = wachtreden(signaal, beoordeling);
    if (!reden) continue;
    queue.push({
      signaal,
      wachtreden: reden,
      suggestie: regelSuggestie(signaal),
      ...(beoordeling ? { vervallen: beoordeling } : {}),
    });
  }
  return queue;
}

/** A decision as stored: made on the signal's current content, remembering what cter said before. */
export function maakBeoordeling(
  signaal: GeclassificeerdSignaal,
  keuze: { fenomeen: Fenomeen; ernst?: Ernst },
  wie: string,
  wanneer: Date,
): OpgeslagenBeoordeling {
  return {
    id: signaal.id,
    hash: signalContentHash(signaal),
    fenomeen: keuze.fenomeen,
    ...(keuze.ernst ? { ernst: keuze.ernst } : {}),
    wie,
    wanneer: wanneer.toISOString(),
    suggestie: { fenomeen: signaal.fenomeen, herkomst: signaal.herkomst, reden: signaal.reden, ernst: signaal.ernst },
  };
}

/** Which part of the queue to review: the gemeenten of an area (CBS codes) and a period (ISO days, inclusive). */
export interface WachtrijFilter {
  gemeenten?: ReadonlySet<string>;
  periode?: { start: string; eind: string };
}

/** The queue for an area and period, newest first (date, time, then id), so the latest signals are seen first. */
export function wachtrijSelectie(queue: readonly WachtrijItem[], filter: WachtrijFilter): WachtrijItem[] {
  const { gemeenten, periode } = filter;
  const binnen = (s: GeclassificeerdSignaal) =>
    (!gemeenten || gemeenten.has(s.gemeente)) && (!periode || (s.datum >= periode.start && s.datum <= periode.eind));
  const moment = (s: GeclassificeerdSignaal) => `${s.datum}T${s.tijd ?? ''}`;
  return queue
    .filter((item) => binnen(item.signaal))
    .sort((a, b) => moment(b.signaal).localeCompare(moment(a.signaal)) || a.signaal.id.localeCompare(b.signaal.id, 'nl'));
}
