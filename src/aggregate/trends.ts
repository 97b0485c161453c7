// The `cter trends` summary: a stable, documented JSON shape (docs/trends-json.md) built from a scope's figures and
// the period's trend notes. Pure: no clock, no paths resolved here, fixed key order, so cron jobs can diff quarters.
import type { BestandVerantwoording, Fenomeen, Regio, Schaal, Telling, Trendnotitie } from '../domain.js';
import type { Reference } from '../reference/index.js';
import type { GemeenteOpzoeker } from './aggregate.js';
import type { Dekking, GebiedCijfers, PeriodeSoort, ScopeCijfers } from './result-types.js';

/** Bump when a field changes meaning or disappears (adding fields does not). */
const TRENDS_SCHEMA = 'cter-trends/1';

/** The fields of an area's figures that the summary carries (see docs/trends-json.md), with a compact series. */
const GEBIED_VELDEN = [
  'soort',
  'code',
  'naam',
  'inwoners',
  'signalen',
  'signalenVorigePeriode',
  'signalenVorigJaar',
  'personen',
  'per10000',
  'fenomenen',
  'ernst',
  'afwijkingen',
  'verandering',
  'fenomeenVerandering',
] as const satisfies readonly (keyof GebiedCijfers)[];

export type TrendGebied = Pick<GebiedCijfers, (typeof GEBIED_VELDEN)[number]> & {
  reeks: { periode: string; signalen: number; dekking: Dekking | null }[];
};

export interface TrendNotitie {
  datum: string;
  titel: string;
  notitie: string;
  fenomeen: Fenomeen | null;
  schaal: Schaal | null;
  /** CBS code; null for a note about the whole region. */
  gemeente: string | null;
  gemeenteNaam: string | null;
}

interface InvoerBestand {
  bestand: string;
  sha256: string;
  regels: number;
  geaccepteerd: number;
  afgewezen: number;
  dubbel: number;
}

interface InvoerSoort {
  bestanden: InvoerBestand[];
  totaal: Telling;
}

export interface TrendSamenvatting {
  schema: string;
  periode: string;
  periodeSoort: PeriodeSoort;
  periodeLabel: string;
  van: string;
  tot: string;
  vorigePeriode: string;
  vorigJaar: string;
  dekking: Dekking | null;
  scope: { soort: 'gemeente' | 'regio'; code: string; naam: string };
  toets: string;
  alpha: number;
  /** Each gemeente in scope (sorted by name), then the regions inside it (--alle), then the region asked for. */
  gebieden: TrendGebied[];
  notities: TrendNotitie[];
  invoer: {
    bereik: { eerste: string; laatste: string } | null;
    signalen: InvoerSoort | null;
    notities: InvoerSoort | null;
  };
  rubricering: string | null;
  tlp: string | null;
  versie: string | null;
}

export interface TrendSummaryOptions {
  cijfers: ScopeCijfers;
  /** With --alle: the regions inside the scope's region, listed between its gemeenten and the region itself. */
  deelregios?: readonly GebiedCijfers[];
  /** All trend notes; those of the period and scope are selected here. */
  notities: readonly Trendnotitie[];
  ref: GemeenteOpzoeker;
  /** Regions, for notes about a region (column `regio`) and notes about no area in particular. */
  plaatsing?: NotitiePlaatsing;
  /** Per-file accounting of the inputs (paths as they should be shown). */
  invoer?: { signalen?: readonly BestandVerantwoording[]; notities?: readonly BestandVerantwoording[] };
  rubricering?: string;
  tlp?: string;
  versie?: string;
}

function trendGebied(g: GebiedCijfers): TrendGebied {
  const picked = Object.fromEntries(GEBIED_VELDEN.map((k) => [k, g[k]]));
  return {
    ...(picked as Pick<GebiedCijfers, (typeof GEBIED_VELDEN)[number]>),
    reeks: g.reeks.map((p) => ({ periode: p.periode, signalen: p.signalen, dekking: p.dekking ?? null })),
  };
}

/** What placing a note needs besides its gemeente: the regions, and the configured region's code. */
export interface NotitiePlaatsing {
  regios: readonly Regio[];
  standaardRegio?: string;
}

/** Where trend notes belong: the regions, and the configured region (an unknown name places nothing there). */
export function notitiePlaatsing(ref: Pick<Reference, 'regios' | 'resolveRegio'>, regio: string | undefined): NotitiePlaatsing {
  const standaard = regio === undefined ? undefined : ref.resolveRegio(regio);
  return { regios: ref.regios, standaardRegio: standaard?.ok ? standaard.regio.code : undefined };
}

const OVERAL = new Set(['landelijk', 'internationaal', 'online']);

/**
 * Whether a note belongs in a report on the area with these gemeenten: a note about a gemeente in the area; about a
 * region that contains the area or lies inside it; landelijk, internationaal or online; else (a local or regional note
 * about no area in particular) only in the report on the configured region. Without `plaatsing` every note without a
 * gemeente belongs (the behaviour before notes named a region).
 */
export function notitieHoortBij(
  n: Trendnotitie,
  gebied: { code: string; gemeenten: ReadonlySet<string> },
  plaatsing?: NotitiePlaatsing,
): boolean {
  if (n.gemeente !== undefined) return gebied.gemeenten.has(n.gemeente);
  if (n.regio !== undefined) {
    const regio = plaatsing?.regios.find((r) => r.code === n.regio);
    if (!regio) return plaatsing === undefined;
    const leden = new Set(regio.gemeenten);
    return [...gebied.gemeenten].every((g) => leden.has(g)) || regio.gemeenten.every((g) => gebied.gemeenten.has(g));
  }
  if (n.schaal !== undefined && OVERAL.has(n.schaal)) return true;
  return plaatsing === undefined || (plaatsing.standaardRegio !== undefined && gebied.code === plaatsing.standaardRegio);
}

/**
 * The trend notes of the period that concern the scope (notitieHoortBij). Sorted by date, then title, then where they
 * came from.
 */
export function notitiesVoorScope(
  notities: readonly Trendnotitie[],
  cijfers: ScopeCijfers,
  ref: GemeenteOpzoeker,
  plaatsing?: NotitiePlaatsing,
): TrendNotitie[] {
  const { start, eind } = cijfers.periode;
  const inScope = new Set(cijfers.gemeenten.length > 0 ? cijfers.gemeenten.map((g) => g.code) : [cijfers.gebied.code]);
  const gebied = { code: cijfers.gebied.code, gemeenten: inScope };
  return notities
    .filter((n) => n.datum >= start && n.datum <= eind && notitieHoortBij(n, gebied, plaatsing))
    .sort(
      (a, b) =>
        cmp(a.datum, b.datum) ||
        cmp(a.titel, b.titel) ||
        cmp(a.origin.bestand, b.origin.bestand) ||
        a.origin.regel - b.origin.regel,
    )
    .map((n) => ({
      datum: n.datum,
      titel: n.titel,
      notitie: n.notitie,
      fenomeen: n.fenomeen ?? null,
      schaal: n.schaal ?? null,
      gemeente: n.gemeente ?? null,
      gemeenteNaam: n.gemeente ? (ref.gemeente(n.gemeente)?.naam ?? null) : null,
    }));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function invoerSoort(bestanden: readonly BestandVerantwoording[] | undefined): InvoerSoort | null {
  if (!bestanden) return null;
  const totaal: Telling = { regels: 0, geaccepteerd: 0, afgewezen: 0, dubbel: 0 };
  const rows = bestanden.map((b) => {
    for (const k of ['regels', 'geaccepteerd', 'afgewezen', 'dubbel'] as const) totaal[k] += b[k];
    return {
      bestand: b.bestand,
      sha256: b.sha256,
      regels: b.regels,
      geaccepteerd: b.geaccepteerd,
      afgewezen: b.afgewezen,
      dubbel: b.dubbel,
    };
  });
  return { bestanden: rows, totaal };
}

/**
 * The `cter trends` JSON: one entry per gemeente in scope, then (with --alle) each region inside the scope's region,
 * then the region itself when a region was asked.
 */
export function trendSummary(options: TrendSummaryOptions): TrendSamenvatting {
  const { cijfers, ref } = options;
  const gebieden = [...cijfers.gemeenten, ...(options.deelregios ?? []), cijfers.gebied].map(trendGebied);
  return {
    schema: TRENDS_SCHEMA,
    periode: cijfers.periode.code,
    periodeSoort: cijfers.periode.soort,
    periodeLabel: cijfers.periode.label,
    van: cijfers.periode.start,
    tot: cijfers.periode.eind,
    vorigePeriode: cijfers.vorigePeriode.code,
    vorigJaar: cijfers.vorigJaar.code,
    dekking: cijfers.dekking ?? null,
    scope: { soort: cijfers.gebied.soort, code: cijfers.gebied.code, naam: cijfers.gebied.naam },
    toets: cijfers.toets,
    alpha: cijfers.alpha,
    gebieden,
    notities: notitiesVoorScope(options.notities, cijfers, ref, options.plaatsing),
    invoer: {
      bereik: cijfers.bereik ?? null,
      signalen: invoerSoort(options.invoer?.signalen),
      notities: invoerSoort(options.invoer?.notities),
    },
    rubricering: options.rubricering ?? null,
    tlp: options.tlp ?? null,
    versie: options.versie ?? null,
  };
}
