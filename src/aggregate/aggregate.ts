// The aggregation pass: classified signals -> figures per area and period.
// One pass buckets every signal by gemeente x period (indexSignals); an area's figures for any period are then a
// merge of a few buckets, so a region, its gemeenten and eight periods of series never re-scan the signals.
// Output key order is fixed (canonical category order, open categories by count then name): same input, same JSON.
import {
  ERNST_NIVEAUS,
  FENOMENEN,
  HERKOMSTEN,
  type Betrouwbaarheid,
  type Ernst,
  type Fenomeen,
  type TelSignaal,
  type Gemeente,
  type Herkomst,
  type Regio,
} from '../domain.js';
import { compareGemeenteNamen } from '../reference/index.js';
import { UsageError } from '../util/errors.js';
import {
  indexVanDatum,
  indexVanPeriode,
  laatstePerioden,
  vorigJaar as jaarEerder,
  vorigePeriode as periodeEerder,
} from './periode.js';
import { ALPHA, TOETS, verandering } from './stats.js';
import type {
  Dekking,
  GebiedCijfers,
  Periode,
  PeriodeSoort,
  ReeksPunt,
  ScopeCijfers,
  Verandering,
} from './result-types.js';

/** What aggregation needs from the reference data (the Reference of src/reference satisfies it). */
export interface GemeenteOpzoeker {
  gemeente(code: string): Gemeente | undefined;
}

export type Scope = { soort: 'gemeente'; code: string } | { soort: 'regio'; regio: Regio };

/** Number of periods in a series. */
const REEKS_LENGTE = 8;

/** Counts of one gemeente in one period. */
interface Bucket {
  signalen: number;
  fenomenen: Record<Fenomeen, number>;
  ernst: Record<Ernst, number>;
  herkomst: Record<Herkomst, number>;
  types: Map<string, number>;
  bronnen: Map<string, number>;
  betrouwbaarheid: Map<string, number>;
  afwijkingen: number;
  metPersoon: number;
  personen: Set<string>;
}

/** Signals bucketed by gemeente (CBS code) and period ordinal, with the date range of all inputs. */
export interface SignaalIndex {
  soort: PeriodeSoort;
  /** The indexed signals, to re-index for another period kind. */
  signalen: readonly TelSignaal[];
  bereik: { eerste: string; laatste: string } | null;
  buckets: Map<string, Map<number, Bucket>>;
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function emptyBucket(): Bucket {
  return {
    signalen: 0,
    fenomenen: zeros(FENOMENEN),
    ernst: zeros(ERNST_NIVEAUS),
    herkomst: zeros(HERKOMSTEN),
    types: new Map(),
    bronnen: new Map(),
    betrouwbaarheid: new Map(),
    afwijkingen: 0,
    metPersoon: 0,
    personen: new Set(),
  };
}

const ONBEKEND = 'onbekend';

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function addSignal(bucket: Bucket, s: TelSignaal): void {
  bucket.signalen++;
  bucket.fenomenen[s.fenomeen]++;
  bucket.ernst[s.ernst]++;
  bucket.herkomst[s.herkomst]++;
  bump(bucket.types, s.type || ONBEKEND);
  bump(bucket.bronnen, s.bron || ONBEKEND);
  // The two grading systems are kept apart: a 4x4 'B' is not an Admiralty 'B' (see betrouwbaarheidSleutel).
  bump(bucket.betrouwbaarheid, s.betrouwbaarheid ? betrouwbaarheidSleutel(s.betrouwbaarheid) : ONBEKEND);
  if (s.afwijking) bucket.afwijkingen++;
  if (s.persoon) {
    bucket.metPersoon++;
    bucket.personen.add(s.persoon);
  }
}

/** One pass over the signals: bucket each by gemeente and period of the given kind. */
export function indexSignals(signalen: readonly TelSignaal[], soort: PeriodeSoort): SignaalIndex {
  const buckets = new Map<string, Map<number, Bucket>>();
  let eerste: string | undefined;
  let laatste: string | undefined;
  for (const s of signalen) {
    if (eerste === undefined || s.datum < eerste) eerste = s.datum;
    if (laatste === undefined || s.datum > laatste) laatste = s.datum;
    let perPeriode = buckets.get(s.gemeente);
    if (!perPeriode) buckets.set(s.gemeente, (perPeriode = new Map()));
    const index = indexVanDatum(soort, s.datum);
    let bucket = perPeriode.get(index);
    if (!bucket) perPeriode.set(index, (bucket = emptyBucket()));
    addSignal(bucket, s);
  }
  return { soort, signalen, bereik: eerste && laatste ? { eerste, laatste } : null, buckets };
}

/**
 * The buckets added up. Distinct persons are only counted for the period itself, so `metPersonen: false` leaves the
 * merged person set empty: copying every person key of a region for each of the ten periods was most of the merge.
 */
function mergeBuckets(parts: readonly Bucket[], metPersonen: boolean): Bucket {
  if (parts.length === 1 && parts[0]) return parts[0];
  const merged = emptyBucket();
  for (const b of parts) {
    merged.signalen += b.signalen;
    for (const k of FENOMENEN) merged.fenomenen[k] += b.fenomenen[k];
    for (const k of ERNST_NIVEAUS) merged.ernst[k] += b.ernst[k];
    for (const k of HERKOMSTEN) merged.herkomst[k] += b.herkomst[k];
    for (const [k, n] of b.types) bump(merged.types, k, n);
    for (const [k, n] of b.bronnen) bump(merged.bronnen, k, n);
    for (const [k, n] of b.betrouwbaarheid) bump(merged.betrouwbaarheid, k, n);
    merged.afwijkingen += b.afwijkingen;
    merged.metPersoon += b.metPersoon;
    // A person seen in two gemeenten of a region is one person in the region.
    if (metPersonen) for (const p of b.personen) merged.personen.add(p);
  }
  return merged;
}

/** Open categories as a record sorted by count (desc), then name: the order a reader expects, and a stable one. */
function sortedCounts(map: Map<string, number>): Record<string, number> {
  const entries = [...map].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

export function dekking(periode: Periode, bereik: SignaalIndex['bereik']): Dekking {
  if (!bereik || periode.eind < bereik.eerste || periode.start > bereik.laatste) return 'geen';
  return periode.eind > bereik.laatste ? 'onvolledig' : 'volledig';
}

/** Why two periods cannot be compared fairly, or undefined when they can. */
function vergelijkingsBezwaar(
  huidig: Periode,
  eerder: Periode,
  bereik: SignaalIndex['bereik'],
): string | undefined {
  for (const p of [eerder, huidig]) {
    const d = dekking(p, bereik);
    if (d === 'geen') return `de invoer bevat geen gegevens over ${p.label}${bereikTekst(bereik)}`;
    if (d === 'onvolledig') return `${p.label} is nog niet compleet in de invoer${bereikTekst(bereik)}`;
  }
  return undefined;
}

const bereikTekst = (bereik: SignaalIndex['bereik']): string =>
  bereik ? ` (signalen van ${bereik.eerste} t/m ${bereik.laatste})` : ' (geen signalen)';

interface Gebied {
  soort: 'gemeente' | 'regio';
  code: string;
  naam: string;
  inwoners: number;
  /** Member gemeente codes (one for a gemeente). */
  leden: readonly string[];
}

interface Context {
  index: SignaalIndex;
  /** The series periods, oldest first: the last is the period itself, the one before it the previous period. */
  reeks: Periode[];
  jaarEerder: Periode;
  bezwaarVorige: string | undefined;
  bezwaarJaar: string | undefined;
}

const EMPTY = emptyBucket();

function bucketVan(index: SignaalIndex, leden: readonly string[], periode: Periode, metPersonen = false): Bucket {
  const ordinal = indexVanPeriode(periode);
  const parts = leden.map((code) => index.buckets.get(code)?.get(ordinal)).filter((b): b is Bucket => !!b);
  return parts.length === 0 ? EMPTY : mergeBuckets(parts, metPersonen);
}

function personen(bucket: Bucket, inputsHavePersons: boolean): number | null {
  if (bucket.metPersoon > 0) return bucket.personen.size;
  // No signals and person keys elsewhere in the inputs: truly nobody. Signals without keys: unknown.
  return bucket.signalen === 0 && inputsHavePersons ? 0 : null;
}

function gebiedCijfers(gebied: Gebied, ctx: Context, inputsHavePersons: boolean): GebiedCijfers {
  // The last series period is the period itself, the only one whose distinct persons are reported.
  const reeksBuckets = ctx.reeks.map((p, i) => bucketVan(ctx.index, gebied.leden, p, i === ctx.reeks.length - 1));
  const nu = reeksBuckets[reeksBuckets.length - 1] ?? EMPTY;
  const vorige = reeksBuckets[reeksBuckets.length - 2] ?? EMPTY;
  const jaar = bucketVan(ctx.index, gebied.leden, ctx.jaarEerder);
  const beide = (huidig: number, vp: number, vj: number) => ({
    vorigePeriode: verandering(huidig, vp, ctx.bezwaarVorige),
    vorigJaar: verandering(huidig, vj, ctx.bezwaarJaar),
  });
  const fenomeenVerandering = Object.fromEntries(
    FENOMENEN.map((f) => [f, beide(nu.fenomenen[f], vorige.fenomenen[f], jaar.fenomenen[f])]),
  ) as Record<Fenomeen, { vorigePeriode: Verandering; vorigJaar: Verandering }>;
  const reeks: ReeksPunt[] = ctx.reeks.map((p, i) => {
    const b = reeksBuckets[i] ?? EMPTY;
    return {
      periode: p.code,
      label: p.label,
      signalen: b.signalen,
      fenomenen: { ...b.fenomenen },
      dekking: dekking(p, ctx.index.bereik),
    };
  });
  return {
    soort: gebied.soort,
    code: gebied.code,
    naam: gebied.naam,
    inwoners: gebied.inwoners,
    signalen: nu.signalen,
    signalenVorigePeriode: vorige.signalen,
    signalenVorigJaar: jaar.signalen,
    personen: personen(nu, inputsHavePersons),
    signalenMetPersoon: nu.metPersoon,
    per10000: gebied.inwoners > 0 ? Math.round((nu.signalen / gebied.inwoners) * 10000 * 100) / 100 : 0,
    fenomenen: { ...nu.fenomenen },
    ernst: { ...nu.ernst },
    herkomst: { ...nu.herkomst },
    types: sortedCounts(nu.types),
    bronnen: sortedCounts(nu.bronnen),
    betrouwbaarheid: sortedCounts(nu.betrouwbaarheid),
    afwijkingen: nu.afwijkingen,
    reeks,
    verandering: beide(nu.signalen, vorige.signalen, jaar.signalen),
    fenomeenVerandering,
  };
}

function gemeenteGebied(ref: GemeenteOpzoeker, code: string): Gebied {
  const g = ref.gemeente(code);
  if (!g) throw new UsageError(`onbekende gemeentecode '${code}'.`);
  return { soort: 'gemeente', code: g.code, naam: g.naam, inwoners: g.inwoners, leden: [g.code] };
}

function inputsHavePersons(index: SignaalIndex): boolean {
  for (const perPeriode of index.buckets.values()) {
    for (const b of perPeriode.values()) if (b.metPersoon > 0) return true;
  }
  return false;
}

export interface AggregateOptions {
  /** The classified signals, or an index of them built once (batch: many scopes over the same signals). */
  signalen: readonly TelSignaal[] | SignaalIndex;
  ref: GemeenteOpzoeker;
  scope: Scope;
  periode: Periode;
}

/**
 * The figures of a scope for a period: the area itself and, for a region, each member gemeente (sorted by name),
 * with series over the last eight periods and tested changes against the previous period and a year earlier.
 */
export function aggregateScope({ signalen, ref, scope, periode }: AggregateOptions): ScopeCijfers {
  const index = indexFor(signalen, periode.soort);
  const vorige = periodeEerder(periode);
  const jaar = jaarEerder(periode);
  const ctx: Context = {
    index,
    reeks: laatstePerioden(periode, REEKS_LENGTE),
    jaarEerder: jaar,
    bezwaarVorige: vergelijkingsBezwaar(periode, vorige, index.bereik),
    bezwaarJaar: vergelijkingsBezwaar(periode, jaar, index.bereik),
  };
  const metPersonen = inputsHavePersons(index);
  let gebied: GebiedCijfers;
  let gemeenten: GebiedCijfers[] = [];
  if (scope.soort === 'gemeente') {
    gebied = gebiedCijfers(gemeenteGebied(ref, scope.code), ctx, metPersonen);
  } else {
    const leden = scope.regio.gemeenten.map((code) => gemeenteGebied(ref, code));
    leden.sort((a, b) => compareGemeenteNamen(a.naam, b.naam) || (a.code < b.code ? -1 : 1));
    gemeenten = leden.map((g) => gebiedCijfers(g, ctx, metPersonen));
    const regio: Gebied = {
      soort: 'regio',
      code: scope.regio.code,
      naam: scope.regio.naam,
      inwoners: leden.reduce((sum, g) => sum + g.inwoners, 0),
      leden: leden.map((g) => g.code),
    };
    gebied = gebiedCijfers(regio, ctx, metPersonen);
  }
  return {
    periode,
    vorigePeriode: vorige,
    vorigJaar: jaar,
    gebied,
    gemeenten,
    toets: TOETS,
    alpha: ALPHA,
    bereik: index.bereik,
    dekking: dekking(periode, index.bereik),
  };
}

function indexFor(signalen: AggregateOptions['signalen'], soort: PeriodeSoort): SignaalIndex {
  if (!('buckets' in signalen)) return indexSignals(signalen, soort);
  return signalen.soort === soort ? signalen : indexSignals(signalen.signalen, soort);
}

/** The key a source grading is counted under: the Admiralty letter ("B"), or "4x4 " and the Europol letter ("4x4 B"). */
function betrouwbaarheidSleutel(b: Betrouwbaarheid): string {
  return b.schema === '4x4' ? `4x4 ${b.bron}` : b.bron;
}
