// The text model: multinomial naive Bayes over Dutch stems and word pairs, trained locally (no network, no downloaded
// weights). It proposes a fenomeen where the rules abstain, with a probability and the words that weighed most.
// Naive Bayes is additive: the shipped base model (data/tekstmodel.json, counts from the development part of the
// evaluation corpus) and the analyst's own labels are simply summed, so training at run time is one pass over the
// labelled signals. Everything iterates in fixed orders: the same input gives the same model and the same output.
// Each feature counts once per text (Bernoulli-style counts, which cross-validated better than raw term counts); word
// pairs weigh `paarGewicht` (they repeat the evidence of their stems, which makes naive Bayes overconfident) and a
// temperature tempers the probabilities. Smoothing, pair weight, temperature and threshold are chosen together by
// cross-validation (scripts/tekstmodel.mjs).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { FENOMENEN, type Fenomeen } from '../domain.js';
import { FileError } from '../util/errors.js';
import { tokenize, type Tokens } from './text.js';

/** Words that say nothing about a fenomeen (articles, pronouns, auxiliaries); left out of the features. */
const STOPWOORDEN = new Set(
  (
    'de het een en of in op aan van voor met bij naar om te tot uit door over als dan dat die dit deze er is zijn was ' +
    'waren wordt worden werd werden heeft hebben had hadden kan kunnen zal zullen wil willen moet moeten hij zij ze ' +
    'wij we ik je jij u hem haar hun hen ons onze zijn zich zelf niet geen wel ook nog al maar want dus toen na ' +
    'tijdens onder tegen zo hier daar waar wat wie welke hoe wanneer mijn mij me jouw uw men iets iemand meer veel ' +
    'wordt waarin waarop daarop daarin heeft hadden nu dan zou zouden bij'
  ).split(' '),
);

/**
 * Who a signal is about (gender, age, family role, pupil, client) is never evidence of a fenomeen: a model that learnt
 * "jongeman" or "betrokkene" from its training texts would profile people, and would call a young man's prayer
 * jihadism. These words and their inflections (by stem) are left out like stop words.
 */
const PERSOONSWOORDEN = (
  'man vrouw jongen jongeman jongere meisje meisjes jongvolwassene minderjarige tiener kind kinderen leerling student ' +
  'betrokkene betrokkenen cliënt cliënte vader moeder ouder ouders zoon dochter broer zus persoon jarige'
).split(' ');
const PERSOONSSTAMMEN = new Set(PERSOONSWOORDEN.map((w) => tokenize(w).stem[0]!));

/** A token worth a feature: not a stop word or a word for a person, at least two characters. */
function useful(stem: string, lower: string): boolean {
  return lower.length >= 2 && !STOPWOORDEN.has(lower) && !STOPWOORDEN.has(stem) && !PERSOONSSTAMMEN.has(stem);
}

export interface Kenmerken {
  /** Feature -> count in the text: stems ("aanslag") and word pairs within a sentence ("witt_ras"). */
  tellingen: Map<string, number>;
  /** Feature -> how the text wrote it, for reasons: the first occurrence. */
  woorden: Map<string, string>;
}

/**
 * Visits the features of a text in order of occurrence (repeats included): the stems of its useful words and the pairs
 * of neighbouring useful words within a sentence. `previous` is the pair's first token, -1 for a stem.
 */
function bezoekKenmerken(text: string, visit: (feature: string, tokens: Tokens, i: number, previous: number) => void): void {
  const tokens = tokenize(text);
  let previous = -1;
  for (let i = 0; i < tokens.lower.length; i++) {
    const lower = tokens.lower[i]!;
    const stem = tokens.stem[i]!;
    if (!useful(stem, lower)) continue;
    visit(stem, tokens, i, -1);
    if (previous >= 0 && tokens.sentence[previous] === tokens.sentence[i]) visit(`${tokens.stem[previous]!}_${stem}`, tokens, i, previous);
    previous = i;
  }
}

/** How the text wrote a feature, for reasons: the word, or the two words of a pair. */
function geschreven(tokens: Tokens, i: number, previous: number): string {
  return previous < 0 ? tokens.lower[i]! : `${tokens.lower[previous]!} ${tokens.lower[i]!}`;
}

/** The features of a text: the stems of its useful words and the pairs of neighbouring useful words. */
export function kenmerken(text: string): Kenmerken {
  const tellingen = new Map<string, number>();
  const woorden = new Map<string, string>();
  bezoekKenmerken(text, (feature, tokens, i, previous) => {
    tellingen.set(feature, (tellingen.get(feature) ?? 0) + 1);
    if (!woorden.has(feature)) woorden.set(feature, geschreven(tokens, i, previous));
  });
  return { tellingen, woorden };
}

/** A labelled text for training. `onbekend` marks a negative: a text that belongs to no fenomeen. */
export interface Voorbeeld {
  tekst: string;
  fenomeen: Fenomeen;
}

/** The model's counts: serialisable (data/tekstmodel.json) and additive. */
export interface ModelTellingen {
  /** Documents per class, in FENOMENEN order. */
  documenten: number[];
  /** Feature occurrences per class, in FENOMENEN order. */
  kenmerken: Record<string, number[]>;
}

/** How the counts become probabilities; chosen by cross-validation. */
export interface ModelInstellingen {
  /** Laplace smoothing. */
  alpha: number;
  /** The model proposes a fenomeen only at or above this probability. */
  drempel: number;
  /** Log-likelihoods are divided by this before the probability (1 = plain naive Bayes). */
  temperatuur: number;
  /** Weight of a word pair relative to a stem (0 = stems only). */
  paarGewicht: number;
  /**
   * The model may stop a weak conclusion of the rules (score below vetoOnder, such as a single term): when it finds no
   * fenomeen with at least this probability, the signal stays onbekend. null: the model never stops the rules.
   */
  vetoKans: number | null;
  vetoOnder: number;
}

/** Does the model stop a conclusion of the rules with this score? Only a weak one, and only when it sees no fenomeen. */
export function modelVeto(
  instellingen: Pick<ModelInstellingen, 'vetoKans' | 'vetoOnder'>,
  regelScore: number,
  voorstel: { fenomeen: Fenomeen; kans: number },
): boolean {
  const { vetoKans, vetoOnder } = instellingen;
  return vetoKans !== null && regelScore < vetoOnder && voorstel.fenomeen === 'onbekend' && voorstel.kans >= vetoKans;
}

export interface ModelBestand extends ModelTellingen, ModelInstellingen {
  versie: string;
  omschrijving: string;
}

const K = FENOMENEN.length;

/** Counts of labelled texts: per feature, the texts of each class that contain it. Each distinct text is tokenised once. */
export function tel(voorbeelden: readonly Voorbeeld[]): ModelTellingen {
  const documenten = new Array<number>(K).fill(0);
  const perTekst = new Map<string, number[]>();
  for (const v of voorbeelden) {
    const k = FENOMENEN.indexOf(v.fenomeen);
    documenten[k]!++;
    let perKlasse = perTekst.get(v.tekst);
    if (!perKlasse) perTekst.set(v.tekst, (perKlasse = new Array<number>(K).fill(0)));
    perKlasse[k]!++;
  }
  const kenmerkenPerKlasse = new Map<string, number[]>();
  for (const [tekst, perKlasse] of perTekst) {
    for (const f of kenmerken(tekst).tellingen.keys()) {
      let counts = kenmerkenPerKlasse.get(f);
      if (!counts) kenmerkenPerKlasse.set(f, (counts = new Array<number>(K).fill(0)));
      for (let k = 0; k < K; k++) if (perKlasse[k]! > 0) counts[k]! += perKlasse[k]!;
    }
  }
  const sorted = [...kenmerkenPerKlasse].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { documenten, kenmerken: Object.fromEntries(sorted) };
}

/**
 * The counts while a model is built, cheap for a million labelled texts: every feature interned once to an integer id
 * (one Map), the counts of all features in one growable typed array (id * K + class), and a generation stamp per
 * feature instead of a Map per text for counting each feature once per text.
 */
class Kenmerktabel {
  readonly ids = new Map<string, number>();
  readonly namen: string[] = [];
  tellingen = new Float64Array(K * 1024);
  stempel = new Int32Array(1024);
  private generatie = 0;

  get aantal(): number {
    return this.namen.length;
  }

  /** The id of a feature; a new one gets the next id. */
  id(feature: string): number {
    let id = this.ids.get(feature);
    if (id === undefined) {
      id = this.namen.length;
      this.ids.set(feature, id);
      this.namen.push(feature);
      if (id >= this.stempel.length) {
        const tellingen = new Float64Array(this.tellingen.length * 2);
        tellingen.set(this.tellingen);
        this.tellingen = tellingen;
        const stempel = new Int32Array(this.stempel.length * 2);
        stempel.set(this.stempel);
        this.stempel = stempel;
      }
    }
    return id;
  }

  /** A new generation: every feature counts again once (one per text). */
  volgendeGeneratie(): number {
    if (this.generatie === 0x7fffffff) {
      this.stempel.fill(0);
      this.generatie = 0;
    }
    return ++this.generatie;
  }

  /** Adds counts per class (a model file's) to a feature. */
  tel(feature: string, counts: readonly number[]): void {
    const base = this.id(feature) * K;
    for (let k = 0; k < K; k++) this.tellingen[base + k]! += counts[k] ?? 0;
  }

  /**
   * Adds labelled texts: per feature, the texts of each class that contain it. Each distinct text is tokenised once;
   * returns the texts per class.
   */
  telVoorbeelden(voorbeelden: readonly Voorbeeld[]): number[] {
    const documenten = new Array<number>(K).fill(0);
    const slots = new Map<string, number>();
    const teksten: string[] = [];
    let perTekst = new Int32Array(K * 1024);
    for (const v of voorbeelden) {
      const k = FENOMENEN.indexOf(v.fenomeen);
      documenten[k]!++;
      let slot = slots.get(v.tekst);
      if (slot === undefined) {
        slot = teksten.length;
        slots.set(v.tekst, slot);
        teksten.push(v.tekst);
        if ((slot + 1) * K > perTekst.length) {
          const groter = new Int32Array(perTekst.length * 2);
          groter.set(perTekst);
          perTekst = groter;
        }
      }
      perTekst[slot * K + k]!++;
    }
    slots.clear();
    for (let slot = 0; slot < teksten.length; slot++) {
      const generatie = this.volgendeGeneratie();
      const rij = slot * K;
      bezoekKenmerken(teksten[slot]!, (feature) => {
        const id = this.id(feature);
        if (this.stempel[id] === generatie) return;
        this.stempel[id] = generatie;
        const base = id * K;
        for (let k = 0; k < K; k++) if (perTekst[rij + k]! > 0) this.tellingen[base + k]! += perTekst[rij + k]!;
      });
    }
    return documenten;
  }
}

export interface ModelVoorstel {
  /** The most probable class; `onbekend` when the model thinks the text belongs to no fenomeen. */
  fenomeen: Fenomeen;
  kans: number;
  /** Features that weighed most for the winner against the runner-up, with their weight (log odds). */
  woorden: { woord: string; gewicht: number }[];
  /** True when the model proposes a fenomeen: not `onbekend`, and kans >= drempel. */
  zeker: boolean;
  reden: string;
}

/** Numbers as a Dutch reader writes them. */
function getal(n: number, decimals: number): string {
  return n.toFixed(decimals).replace('.', ',');
}

/** Is this property name an array index? Such names come first in a JavaScript object's key order. */
function isArrayIndex(name: string): boolean {
  return /^(?:0|[1-9][0-9]{0,9})$/.test(name) && Number(name) < 4294967295;
}

/**
 * The order in which the features' weighted counts are summed. When every term and partial sum is exact (counts are
 * integers; a pair weight such as 0.25 is a binary fraction), any order gives the same bits: the id order. Otherwise
 * the order of the earlier model, which summed over a JavaScript object: array-index names ascending, then the base
 * model's features in file order, then the new features sorted.
 */
function sommatieVolgorde(namen: readonly string[], basisAantal: number, paarGewicht: number, som: number): Iterable<number> {
  let schaal = 1;
  while (!Number.isInteger(paarGewicht * schaal) && schaal < 2 ** 30) schaal *= 2;
  const exact = Number.isInteger(paarGewicht * schaal) && som * Math.max(1, paarGewicht) * schaal < 2 ** 53;
  const alle = namen.keys();
  if (exact) return alle;
  const index: number[] = [];
  const basis: number[] = [];
  const nieuw: number[] = [];
  for (const id of alle) (isArrayIndex(namen[id]!) ? index : id < basisAantal ? basis : nieuw).push(id);
  index.sort((a, b) => Number(namen[a]) - Number(namen[b]));
  nieuw.sort((a, b) => (namen[a]! < namen[b]! ? -1 : namen[a]! > namen[b]! ? 1 : 0));
  return [...index, ...basis, ...nieuw];
}

/**
 * A trained model, ready to predict. Features are integer ids (one Map); each feature's contribution to each class's
 * score sits in one typed array (id * K + class), computed once; the training counts are not kept.
 */
export class Tekstmodel {
  readonly klassen: number[];
  readonly aantal: number;
  private readonly logPrior: number[];
  /** Feature -> id; an id with weight 0 (a neutral word) does not weigh. */
  private readonly ids: Map<string, number>;
  private readonly gewicht: Float64Array;
  /** Weighted and tempered log-probabilities: the contribution of feature id to class k at id * K + k. */
  private readonly logKans: Float64Array;
  private readonly stempel: Int32Array;
  private generatie = 0;
  /** Proposals per text while texts repeat; given up when they do not (a million distinct descriptions). */
  private cache: Map<string, ModelVoorstel> | null = new Map();
  private treffers = 0;

  readonly drempel: number;
  readonly instellingen: ModelInstellingen;

  /** Builds from counts (a table, emptied here); `basisAantal`: how many of its ids came from the model file. */
  private constructor(
    tabel: Kenmerktabel,
    basisAantal: number,
    documenten: readonly number[],
    instellingen: ModelInstellingen,
    /** Features that never weigh (the taxonomy's neutral words, such as religious practice). */
    negeer: ReadonlySet<string>,
  ) {
    this.instellingen = instellingen;
    this.drempel = instellingen.drempel;
    const { alpha, paarGewicht, temperatuur } = instellingen;
    this.klassen = documenten.flatMap((n, k) => (n > 0 ? [k] : []));
    this.aantal = documenten.reduce((a, b) => a + b, 0);
    const { namen, tellingen } = tabel;
    const n = namen.length;
    // A feature's weight: a pair weighs paarGewicht, a neutral word nothing; weightless features never weigh.
    const gewicht = new Float64Array(n);
    let v = 0;
    let som = 0;
    for (let id = 0; id < n; id++) {
      const f = namen[id]!;
      const w = negeer.has(f) ? 0 : f.includes('_') ? paarGewicht : 1;
      if (w > 0) {
        gewicht[id] = w;
        v++;
        for (let k = 0; k < K; k++) {
          const c = tellingen[id * K + k]!;
          // A count that is no integer (a hand-edited model file) makes the sums order-dependent.
          som += Number.isInteger(c) ? c : Infinity;
        }
      }
    }
    const totaal = new Array<number>(K).fill(0);
    for (const id of sommatieVolgorde(namen, basisAantal, paarGewicht, som)) {
      const w = gewicht[id]!;
      if (w > 0) for (const k of this.klassen) totaal[k]! += w * tellingen[id * K + k]!;
    }
    this.logPrior = documenten.map((d) => Math.log((d + 1) / (this.aantal + this.klassen.length)));
    const noemer = totaal.map((t) => Math.log(t + alpha * v));
    const logKans = new Float64Array(n * K);
    for (let id = 0; id < n; id++) {
      const w = gewicht[id]!;
      if (w > 0) for (let k = 0; k < K; k++) logKans[id * K + k] = (w * (Math.log(w * tellingen[id * K + k]! + alpha) - noemer[k]!)) / temperatuur;
    }
    this.ids = tabel.ids;
    this.gewicht = gewicht;
    this.logKans = logKans;
    this.stempel = new Int32Array(n);
  }

  /** A model from a model file (if any) plus labelled texts. */
  static bouw(
    basis: ModelTellingen | undefined,
    extra: readonly Voorbeeld[],
    instellingen: ModelInstellingen,
    negeer: ReadonlySet<string> = new Set(),
  ): Tekstmodel {
    const tabel = new Kenmerktabel();
    if (basis) for (const [f, counts] of Object.entries(basis.kenmerken)) tabel.tel(f, counts);
    const basisAantal = tabel.aantal;
    const perKlasse = tabel.telVoorbeelden(extra);
    const documenten = basis ? basis.documenten.map((n, k) => n + perKlasse[k]!) : perKlasse;
    return new Tekstmodel(tabel, basisAantal, documenten, instellingen, negeer);
  }

  /** The model's proposal for a text; cached per text while texts repeat. */
  voorstel(text: string): ModelVoorstel {
    const cache = this.cache;
    if (cache === null) return this.predict(text);
    let result = cache.get(text);
    if (result !== undefined) {
      this.treffers++;
      return result;
    }
    result = this.predict(text);
    if (cache.size === 20_000 && this.treffers < 2_000) {
      // Fewer than one text in ten repeated: a cache would only hold garbage.
      this.cache = null;
      return result;
    }
    if (cache.size >= 100_000) cache.clear();
    cache.set(text, result);
    return result;
  }

  private predict(text: string): ModelVoorstel {
    // Each feature counts once per text, as in training; the first occurrence says how the text wrote it.
    if (this.generatie === 0x7fffffff) {
      this.stempel.fill(0);
      this.generatie = 0;
    }
    const generatie = ++this.generatie;
    const bekend: { f: string; id: number; woord: string }[] = [];
    bezoekKenmerken(text, (f, tokens, i, previous) => {
      const id = this.ids.get(f);
      if (id === undefined || this.gewicht[id] === 0 || this.stempel[id] === generatie) return;
      this.stempel[id] = generatie;
      bekend.push({ f, id, woord: geschreven(tokens, i, previous) });
    });
    const lp = this.logKans;
    const scores = this.klassen.map((k) => {
      let s = this.logPrior[k]!;
      for (const { id } of bekend) s += lp[id * K + k]!;
      return s;
    });
    // Highest score first; ties in the fixed fenomeen order.
    const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
    const best = order[0]!;
    const max = scores[best]!;
    const som = scores.reduce((acc, s) => acc + Math.exp(s - max), 0);
    const kans = 1 / som;
    const winnaar = this.klassen[best]!;
    const tweede = order.length > 1 ? this.klassen[order[1]!]! : winnaar;
    const gewichten = bekend
      .map(({ f, id, woord }) => ({ woord, gewicht: lp[id * K + winnaar]! - lp[id * K + tweede]!, f }))
      .filter((w) => w.gewicht > 0)
      .sort((a, b) => b.gewicht - a.gewicht || (a.f < b.f ? -1 : a.f > b.f ? 1 : 0))
      .slice(0, 3)
      .map(({ woord, gewicht }) => ({ woord, gewicht }));
    const fenomeen = bekend.length === 0 ? 'onbekend' : FENOMENEN[winnaar]!;
    const zeker = fenomeen !== 'onbekend' && kans >= this.drempel;
    const woordenTekst = gewichten.map((w) => `'${w.woord}' (+${getal(w.gewicht, 1)})`).join(', ');
    // Rounded down below the threshold: 0,699 must not read as the 0,70 it missed.
    const kansTekst = `kans ${getal(zeker ? kans : Math.floor(kans * 100) / 100, 2)}`;
    let reden: string;
    if (bekend.length === 0) reden = 'model: geen bekende woorden';
    else if (zeker) reden = `model: ${woordenTekst}; ${kansTekst}`;
    else if (fenomeen === 'onbekend') reden = `model: geen fenomeen${woordenTekst ? ` (${woordenTekst})` : ''}; ${kansTekst}`;
    else reden = `model: ${fenomeen} te onzeker (${kansTekst}, minimaal ${getal(this.drempel, 2)} nodig)`;
    return { fenomeen, kans, woorden: gewichten, zeker, reden };
  }
}

/** A model from a model file, extended with extra labelled texts (the analyst's). */
export function bouwModel(
  basis: ModelBestand | undefined,
  extra: readonly Voorbeeld[],
  instellingen?: Partial<ModelInstellingen>,
  negeer?: ReadonlySet<string>,
): Tekstmodel {
  return Tekstmodel.bouw(basis, extra, { ...modelInstellingen(basis), ...instellingen }, negeer);
}

/** The settings of a model file; the standard ones without a file. */
export function modelInstellingen(basis: ModelBestand | undefined): ModelInstellingen {
  if (!basis) return { ...STANDAARD_INSTELLINGEN };
  const { alpha, drempel, temperatuur, paarGewicht, vetoKans, vetoOnder } = basis;
  return { alpha, drempel, temperatuur, paarGewicht, vetoKans, vetoOnder };
}

/**
 * The features the model ignores: the taxonomy's neutral words ("gebed", "halal", "moskee" for jihadisme), which by
 * definition carry no weight, so that the model cannot learn religious practice as evidence from its training texts.
 * A single word gives its stem; a phrase ("lange baard") its word pairs; prefixes (`*`) are left to the rules.
 */
export function neutraleKenmerken(taxonomie: { definitie: { fenomenen: readonly { neutraal: readonly { term: string }[] }[] } }): Set<string> {
  const result = new Set<string>();
  for (const f of taxonomie.definitie.fenomenen) {
    for (const { term } of f.neutraal) {
      if (term.includes('*')) continue;
      const features = [...kenmerken(term).tellingen.keys()];
      const pairs = features.filter((k) => k.includes('_'));
      for (const k of pairs.length > 0 ? pairs : features) result.add(k);
    }
  }
  return result;
}

/** Settings of a model without a model file (an analyst's own labels only). */
export const STANDAARD_INSTELLINGEN: Readonly<ModelInstellingen> = {
  alpha: 0.5,
  drempel: 0.8,
  temperatuur: 1,
  paarGewicht: 1,
  vetoKans: null,
  vetoOnder: 0,
};

export const INGEBOUWD_MODEL = fileURLToPath(new URL('../../data/tekstmodel.json', import.meta.url));

/** Reads a model file (data/tekstmodel.json); a damaged file is a clear error, not a stack trace. */
export async function laadModelbestand(file = INGEBOUWD_MODEL): Promise<ModelBestand> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new FileError(file, code ? `kan het tekstmodel niet lezen (${code})` : 'het tekstmodel is geen geldige JSON');
  }
  const m = raw as Partial<ModelBestand>;
  const ok =
    typeof m.versie === 'string' &&
    typeof m.alpha === 'number' &&
    m.alpha > 0 &&
    typeof m.drempel === 'number' &&
    m.drempel > 0 &&
    m.drempel <= 1 &&
    typeof m.temperatuur === 'number' &&
    m.temperatuur > 0 &&
    typeof m.paarGewicht === 'number' &&
    m.paarGewicht >= 0 &&
    (m.vetoKans === null || (typeof m.vetoKans === 'number' && m.vetoKans > 0 && m.vetoKans <= 1)) &&
    typeof m.vetoOnder === 'number' &&
    Array.isArray(m.documenten) &&
    m.documenten.length === K &&
    typeof m.kenmerken === 'object' &&
    m.kenmerken !== null &&
    Object.values(m.kenmerken).every((c) => Array.isArray(c) && c.length === K);
  if (!ok) throw new FileError(file, `geen geldig tekstmodel (verwacht versie, alpha, drempel, temperatuur, paarGewicht, vetoKans, vetoOnder, documenten en kenmerken met ${K} tellingen)`);
  return m as ModelBestand;
}
