// The aggregation pass: classified signals -> figures per area and period.
// One pass counts every signal into the cell of its gemeente x period (indexSignals: typed counts, open categories by
// number); an area's figures for any period are then a sum of a few cells, so a region, its gemeenten and eight
// periods of series never re-scan the signals.
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
import { groter } from '../util/groter.js';
import { Stempels } from '../util/stempels.js';
import { TextNumbering } from '../util/text-numbering.js';
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

/** Counts of one gemeente in one period, or of several added up. */
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
  /** Distinct persons, when asked for (see mergeCells); else 0. */
  personen: number;
}

// The closed categories' counts of a cell, side by side in one Int32Array: STRIDE numbers per cell.
const F = FENOMENEN.length;
const E = ERNST_NIVEAUS.length;
const H = HERKOMSTEN.length;
const AT_FENOMEEN = 1;
const AT_ERNST = AT_FENOMEEN + F;
const AT_HERKOMST = AT_ERNST + E;
const AT_AFWIJKING = AT_HERKOMST + H;
const AT_PERSOON = AT_AFWIJKING + 1;
const STRIDE = AT_PERSOON + 1;

const positions = <K extends string>(keys: readonly K[]): ReadonlyMap<string, number> => new Map(keys.map((k, i) => [k, i]));
const FENOMEEN_AT = positions(FENOMENEN);
const ERNST_AT = positions(ERNST_NIVEAUS);
const HERKOMST_AT = positions(HERKOMSTEN);

function position(at: ReadonlyMap<string, number>, value: string, wat: string): number {
  const i = at.get(value);
  if (i === undefined) throw new Error(`unknown ${wat} '${value}' in a classified signal`);
  return i;
}

/** Per cell, per category number: how many of its signals have it (shorter when the later numbers are absent). */
type OpenTelling = number[][];

/**
 * Signals counted by gemeente (CBS code) and period ordinal into cells, with the date range of all inputs. An area's
 * figures for a period are the sum of its gemeenten's cells: one pass over the signals serves every scope.
 */
export interface SignaalIndex {
  soort: PeriodeSoort;
  /** The indexed signals, to re-index for another period kind. */
  signalen: readonly TelSignaal[];
  bereik: { eerste: string; laatste: string } | null;
  /** Gemeente code -> period ordinal -> cell number. */
  cellen: Map<string, Map<number, number>>;
  /** The closed categories' counts, STRIDE per cell. */
  tellingen: Int32Array;
  types: { namen: readonly string[]; perCel: OpenTelling };
  bronnen: { namen: readonly string[]; perCel: OpenTelling };
  betrouwbaarheid: { namen: readonly string[]; perCel: OpenTelling };
  /**
   * Distinct persons of a set of cells, from each cell's numbered (pseudonymised) persons with repeats: distinct
   * persons are only reported for the period itself, so they are told apart only for the cells a report asks about.
   */
  personenTeller: PersonenTeller;
  /** Whether any signal carries a person key. */
  metPersonen: boolean;
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
    personen: 0,
  };
}

const ONBEKEND = 'onbekend';

function tel(perCel: OpenTelling, cel: number, nummer: number): void {
  const counts = perCel[cel]!;
  while (counts.length <= nummer) counts.push(0);
  counts[nummer]!++;
}

/** One pass over the signals: count each into the cell of its gemeente and its period of the given kind. */
export function indexSignals(signalen: readonly TelSignaal[], soort: PeriodeSoort): SignaalIndex {
  const index = new SignaalIndexBouwer(soort);
  for (const s of signalen) index.voegToe(s);
  return index.klaar(signalen);
}

/**
 * indexSignals one signal at a time, in any order: every count is a sum, the open categories are sorted when they are
 * reported and persons are told apart as a set, so the figures do not depend on the order. The pipeline counts each
 * signal as its classification arrives from the worker thread, while the text model still decides the others.
 */
export class SignaalIndexBouwer {
  private readonly cellen = new Map<string, Map<number, number>>();
  private tellingen = new Int32Array(STRIDE * 256);
  private readonly types = new TextNumbering();
  private readonly bronnen = new TextNumbering();
  private readonly graden = new TextNumbering();
  private readonly typesPerCel: OpenTelling = [];
  private readonly bronnenPerCel: OpenTelling = [];
  private readonly gradenPerCel: OpenTelling = [];
  /** Per cell its persons' numbers, with repeats; numbered as they come, while the pass still waits for the model. */
  private readonly personen = new TextNumbering();
  private readonly personenPerCel: number[][] = [];
  // Gradings are shared objects (one per grade): their category number is remembered by object.
  private readonly graadNummer = new Map<Betrouwbaarheid, number>();
  // Dates are shared strings (one per day): their period ordinal is remembered by date.
  private readonly ordinals = new Map<string, number>();
  private eerste: string | undefined;
  private laatste: string | undefined;
  private gemeente: string | undefined;
  private perPeriode: Map<number, number> | undefined;
  private metPersonen = false;

  constructor(readonly soort: PeriodeSoort) {}

  voegToe(s: TelSignaal): void {
    if (this.eerste === undefined || s.datum < this.eerste) this.eerste = s.datum;
    if (this.laatste === undefined || s.datum > this.laatste) this.laatste = s.datum;
    let perPeriode = this.perPeriode;
    if (s.gemeente !== this.gemeente || perPeriode === undefined) {
      this.gemeente = s.gemeente;
      perPeriode = this.cellen.get(s.gemeente);
      if (!perPeriode) this.cellen.set(s.gemeente, (perPeriode = new Map()));
      this.perPeriode = perPeriode;
    }
    let ordinal = this.ordinals.get(s.datum);
    if (ordinal === undefined) this.ordinals.set(s.datum, (ordinal = indexVanDatum(this.soort, s.datum)));
    let cel = perPeriode.get(ordinal);
    if (cel === undefined) {
      cel = this.personenPerCel.length;
      perPeriode.set(ordinal, cel);
      if (STRIDE * (cel + 1) > this.tellingen.length) this.tellingen = groter(this.tellingen, this.tellingen.length * 2);
      this.typesPerCel.push([]);
      this.bronnenPerCel.push([]);
      this.gradenPerCel.push([]);
      this.personenPerCel.push([]);
    }
    const tellingen = this.tellingen;
    const at = STRIDE * cel;
    tellingen[at]!++;
    tellingen[at + AT_FENOMEEN + position(FENOMEEN_AT, s.fenomeen, 'fenomeen')]!++;
    tellingen[at + AT_ERNST + position(ERNST_AT, s.ernst, 'ernst')]!++;
    tellingen[at + AT_HERKOMST + position(HERKOMST_AT, s.herkomst, 'herkomst')]!++;
    tel(this.typesPerCel, cel, this.types.number(s.type || ONBEKEND));
    tel(this.bronnenPerCel, cel, this.bronnen.number(s.bron || ONBEKEND));
    let graad: number;
    if (s.betrouwbaarheid) {
      const b = s.betrouwbaarheid;
      let n = this.graadNummer.get(b);
      // The two grading systems are kept apart: a 4x4 'B' is not an Admiralty 'B' (see betrouwbaarheidSleutel).
      if (n === undefined) this.graadNummer.set(b, (n = this.graden.number(betrouwbaarheidSleutel(b))));
      graad = n;
    } else {
      graad = this.graden.number(ONBEKEND);
    }
    tel(this.gradenPerCel, cel, graad);
    if (s.afwijking) tellingen[at + AT_AFWIJKING]!++;
    if (s.persoon) {
      tellingen[at + AT_PERSOON]!++;
      this.personenPerCel[cel]!.push(this.personen.number(s.persoon));
      this.metPersonen = true;
    }
  }

  /** The index, once every signal was added; `signalen` are the same signals, kept to index again by another kind. */
  klaar(signalen: readonly TelSignaal[]): SignaalIndex {
    const { eerste, laatste } = this;
    return {
      soort: this.soort,
      signalen,
      bereik: eerste && laatste ? { eerste, laatste } : null,
      cellen: this.cellen,
      tellingen: this.tellingen,
      types: { namen: this.types.texts, perCel: this.typesPerCel },
      bronnen: { namen: this.bronnen.texts, perCel: this.bronnenPerCel },
      betrouwbaarheid: { namen: this.graden.texts, perCel: this.gradenPerCel },
      personenTeller: new PersonenTeller(this.personenPerCel, this.personen.texts.length),
      metPersonen: this.metPersonen,
    };
  }
}

function openCounts(categorie: SignaalIndex['types'], cellen: readonly number[]): Map<string, number> {
  const sums: number[] = [];
  for (const cel of cellen) {
    const counts = categorie.perCel[cel]!;
    for (let n = 0; n < counts.length; n++) sums[n] = (sums[n] ?? 0) + counts[n]!;
  }
  const map = new Map<string, number>();
  for (let n = 0; n < sums.length; n++) if (sums[n]! > 0) map.set(categorie.namen[n]!, sums[n]!);
  return map;
}

/** The cells added up. Distinct persons are only reported for the period itself: counted with `metPersonen` only. */
function mergeCells(index: SignaalIndex, cellen: readonly number[], metPersonen: boolean): Bucket {
  const merged = emptyBucket();
  const t = index.tellingen;
  for (const cel of cellen) {
    const at = STRIDE * cel;
    merged.signalen += t[at]!;
    for (let i = 0; i < F; i++) merged.fenomenen[FENOMENEN[i]!] += t[at + AT_FENOMEEN + i]!;
    for (let i = 0; i < E; i++) merged.ernst[ERNST_NIVEAUS[i]!] += t[at + AT_ERNST + i]!;
    for (let i = 0; i < H; i++) merged.herkomst[HERKOMSTEN[i]!] += t[at + AT_HERKOMST + i]!;
    merged.afwijkingen += t[at + AT_AFWIJKING]!;
    merged.metPersoon += t[at + AT_PERSOON]!;
  }
  merged.types = openCounts(index.types, cellen);
  merged.bronnen = openCounts(index.bronnen, cellen);
  merged.betrouwbaarheid = openCounts(index.betrouwbaarheid, cellen);
  if (metPersonen) merged.personen = index.personenTeller.verschillend(cellen);
  return merged;
}

/**
 * The distinct persons of some cells: a person seen in two gemeenten of a region is one person in the region. Each
 * person has a number (SignaalIndexBouwer numbers them as they come), and a union of cells is counted by stamping
 * numbers, instead of a Set of strings per union: a region's union is its gemeenten's cells again, and a batch asks
 * for every gemeente, every region and the whole unit. A batch asks for the same gemeente in several scopes: counted
 * once per set of cells.
 */
class PersonenTeller {
  private readonly stempels: Stempels;
  /** Distinct persons per set of cells already counted (key: the cell numbers). */
  private readonly geteld = new Map<string, number>();

  /** `aantal`: the persons numbered (every number is below it). */
  constructor(
    private readonly personenPerCel: readonly (readonly number[])[],
    aantal: number,
  ) {
    this.stempels = new Stempels(aantal);
  }

  verschillend(cellen: readonly number[]): number {
    const key = cellen.join(',');
    let n = this.geteld.get(key);
    if (n === undefined) this.geteld.set(key, (n = this.tel(cellen)));
    return n;
  }

  private tel(cellen: readonly number[]): number {
    const generatie = this.stempels.volgende();
    const stempel = this.stempels.waarden;
    let n = 0;
    for (const cel of cellen) {
      const ids = this.personenPerCel[cel]!;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        if (stempel[id] === generatie) continue;
        stempel[id] = generatie;
        n++;
      }
    }
    return n;
  }
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
  const cellen: number[] = [];
  for (const code of leden) {
    const cel = index.cellen.get(code)?.get(ordinal);
    if (cel !== undefined) cellen.push(cel);
  }
  return cellen.length === 0 ? EMPTY : mergeCells(index, cellen, metPersonen);
}

function personen(bucket: Bucket, inputsHavePersons: boolean): number | null {
  if (bucket.metPersoon > 0) return bucket.personen;
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
  const metPersonen = index.metPersonen;
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
  if (!('cellen' in signalen)) return indexSignals(signalen, soort);
  return signalen.soort === soort ? signalen : indexSignals(signalen.signalen, soort);
}

/** The key a source grading is counted under: the Admiralty letter ("B"), or "4x4 " and the Europol letter ("4x4 B"). */
function betrouwbaarheidSleutel(b: Betrouwbaarheid): string {
  return b.schema === '4x4' ? `4x4 ${b.bron}` : b.bron;
}
