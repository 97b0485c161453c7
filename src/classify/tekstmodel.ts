// The text model: multinomial naive Bayes over Dutch stems and word pairs, trained locally (no network, no downloaded
// weights). It proposes a fenomeen where the rules abstain, with a probability and the words that weighed most.
// Naive Bayes is additive: the shipped base model (data/tekstmodel.json, counts from the development part of the
// evaluation corpus) and the analyst's own labels are simply summed, so training at run time is one pass over the
// labelled signals. Everything iterates in fixed orders: the same input gives the same model and the same output.
// Each feature counts once per text (Bernoulli-style counts, which cross-validated better than raw term counts); word
// pairs weigh `paarGewicht` (they repeat the evidence of their stems, which makes naive Bayes overconfident) and a
// temperature tempers the probabilities. Smoothing, pair weight, temperature and threshold are chosen together by
// cross-validation (scripts/tekstmodel.mjs).
import { createHash } from 'node:crypto';
import { readFile, rm, stat } from 'node:fs/promises';
import { endianness } from 'node:os';
import { fileURLToPath } from 'node:url';
import { FENOMENEN, type Fenomeen } from '../domain.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { FileError } from '../util/errors.js';
import { alleenCijfers, leegTokens, tokenize, type Tokens } from './text.js';
import { groter } from '../util/groter.js';
import { RepeatCache } from '../util/repeat-cache.js';
import { Stempels } from '../util/stempels.js';

/** Words that say nothing about a fenomeen (articles, pronouns, auxiliaries); left out of the features. */
const STOPWOORDEN = new Set(
  (
    'de het een en of in op aan van voor met bij naar om te tot uit door over als dan dat die dit deze er is zijn was ' +
    'waren wordt worden werd werden heeft hebben had hadden kan kunnen zal zullen wil willen moet moeten hij zij ze ' +
    'wij we ik je jij u hem haar hun hen ons onze zijn zich zelf niet geen wel ook nog al maar want dus toen na ' +
    'tijdens onder tegen zo hier daar waar wat wie welke hoe wanneer mijn mij me jouw uw men iets iemand meer veel ' +
    'wordt waarin waarop daarop daarin heeft hadden nu dan zou zouden bij tussen elkaar samen ander andere alle elk ' +
    'elke ieder iedere twee drie vier vijf'
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

/**
 * A token worth a feature: not a stop word, a number or a word for a person, at least two characters. A number is an
 * age, a count, a date or a house number far more often than a code (the rules know the codes: 1488, 1312).
 */
export function useful(stem: string, lower: string): boolean {
  return lower.length >= 2 && !alleenCijfers(lower) && !STOPWOORDEN.has(lower) && !STOPWOORDEN.has(stem) && !PERSOONSSTAMMEN.has(stem);
}

export interface TextFeatures {
  /** Feature -> count in the text: stems ("aanslag") and word pairs within a sentence ("witt_ras"). */
  tellingen: Map<string, number>;
  /** Feature -> how the text wrote it, for reasons: the first occurrence. */
  woorden: Map<string, string>;
}

/**
 * Visits the features of a text in order of occurrence (repeats included): the stems of its useful words and the pairs
 * of neighbouring useful words within a sentence. `previous` is the pair's first token, -1 for a stem. With `namen`
 * false the feature is passed as '' (the caller works from the tokens; no pair string is built).
 */
function bezoekKenmerken(
  tokens: Tokens,
  visit: (feature: string, tokens: Tokens, i: number, previous: number) => void,
  namen = true,
): void {
  let previous = -1;
  for (let i = 0; i < tokens.aantal; i++) {
    const lower = tokens.lower[i]!;
    const stem = tokens.stem[i]!;
    if (!useful(stem, lower)) continue;
    visit(stem, tokens, i, -1);
    if (previous >= 0 && tokens.sentence[previous] === tokens.sentence[i]) {
      visit(namen ? `${tokens.stem[previous]!}_${stem}` : '', tokens, i, previous);
    }
    previous = i;
  }
}

/** How the text wrote a feature, for reasons: the word, or the two words of a pair. */
function geschreven(tokens: Tokens, i: number, previous: number): string {
  return previous < 0 ? tokens.lower[i]! : `${tokens.lower[previous]!} ${tokens.lower[i]!}`;
}

/** The features of a text: the stems of its useful words and the pairs of neighbouring useful words. */
export function extractFeatures(text: string): TextFeatures {
  const tellingen = new Map<string, number>();
  const woorden = new Map<string, string>();
  bezoekKenmerken(tokenize(text), (feature, tokens, i, previous) => {
    tellingen.set(feature, (tellingen.get(feature) ?? 0) + 1);
    if (!woorden.has(feature)) woorden.set(feature, geschreven(tokens, i, previous));
  });
  return { tellingen, woorden };
}

/** A labelled text for training. `onbekend` marks a negative: a text that belongs to no fenomeen. */
export interface TrainingExample {
  tekst: string;
  fenomeen: Fenomeen;
}

/** The model's counts: serialisable (data/tekstmodel.json) and additive. */
export interface ModelCounts {
  /** Documents per class, in FENOMENEN order. */
  documenten: number[];
  /** Feature occurrences per class, in FENOMENEN order. */
  kenmerken: Record<string, number[]>;
}

/** How the counts become probabilities; chosen by cross-validation. */
export interface ModelSettings {
  /** Laplace smoothing. */
  alpha: number;
  /** The model proposes a fenomeen only at or above this probability. */
  drempel: number;
  /**
   * The threshold when the rules lean to the same fenomeen without concluding (a weak hint, below their minimum score):
   * model and rules then point the same way, so less certainty is needed. At most drempel.
   */
  drempelMetSteun: number;
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

/** The probability a proposal of `fenomeen` needs: drempelMetSteun when the rules lean to that same fenomeen. */
export function drempelVoor(
  instellingen: Pick<ModelSettings, 'drempel' | 'drempelMetSteun'>,
  fenomeen: Fenomeen,
  steun: Fenomeen | undefined,
): number {
  return steun !== undefined && steun === fenomeen ? instellingen.drempelMetSteun : instellingen.drempel;
}

/** Does the model stop a conclusion of the rules with this score? Only a weak one, and only when it sees no fenomeen. */
export function modelVeto(
  instellingen: Pick<ModelSettings, 'vetoKans' | 'vetoOnder'>,
  regelScore: number,
  voorstel: { fenomeen: Fenomeen; kans: number },
): boolean {
  const { vetoKans, vetoOnder } = instellingen;
  return vetoKans !== null && regelScore < vetoOnder && voorstel.fenomeen === 'onbekend' && voorstel.kans >= vetoKans;
}

export interface ModelFile extends ModelCounts, ModelSettings {
  versie: string;
  omschrijving: string;
}

const K = FENOMENEN.length;

/** Counts of labelled texts: per feature, the texts of each class that contain it. Each distinct text is tokenised once. */
export function countFeatures(voorbeelden: readonly TrainingExample[]): ModelCounts {
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
    for (const f of extractFeatures(tekst).tellingen.keys()) {
      let counts = kenmerkenPerKlasse.get(f);
      if (!counts) kenmerkenPerKlasse.set(f, (counts = new Array<number>(K).fill(0)));
      for (let k = 0; k < K; k++) if (perKlasse[k]! > 0) counts[k]! += perKlasse[k]!;
    }
  }
  const sorted = [...kenmerkenPerKlasse].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { documenten, kenmerken: Object.fromEntries(sorted) };
}

/** Features found in a text, in three growable parallel arrays: id, token, pair's first token (-1 for a stem). */
class Gevonden {
  id = new Int32Array(64);
  token = new Int32Array(64);
  vorig = new Int32Array(64);

  /** Sets entry n; returns n + 1. */
  zet(n: number, id: number, token: number, vorig: number): number {
    if (n === this.id.length) {
      this.id = groter(this.id, n * 2);
      this.token = groter(this.token, n * 2);
      this.vorig = groter(this.vorig, n * 2);
    }
    this.id[n] = id;
    this.token[n] = token;
    this.vorig[n] = vorig;
    return n + 1;
  }
}

/** Hash of two non-negative ints for the open-addressing tables. */
function hash2(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
}

/** What the compact model form keeps of a Kenmerktabel besides its typed arrays. */
interface TabelKop {
  atoomNamen: string[];
  atoomCapaciteit: number;
  paren: number;
  aantal: number;
  capaciteit: number;
}

/**
 * The features of a model, cheap for a million labelled texts. A stem is interned once to an atom (one Map from the
 * stem strings the tokeniser already holds); a feature is an integer id: a stem feature per atom, a pair feature per
 * two atoms in an open-addressing table of ints, so no pair string is ever built. Counts sit in one growable typed array
 * (id * K + class); a generation stamp per feature counts each feature once per text without a Map per text.
 * A model file's feature name with exactly one '_' is a pair; any other name is a stem (names and ids correspond one to
 * one, as the names did in the earlier object-based model).
 */
class Kenmerktabel {
  private atomen = new Map<string, number>();
  private atoomNamen: string[] = [];
  /** Atom -> its stem feature, -1 while the stem is no feature. */
  private atoomKenmerk = new Int32Array(1024).fill(-1);
  /** Pair table: slot -> feature id (-1 empty); the pair's atoms are kenmerkA/kenmerkB of that feature. */
  private paarSlots = new Int32Array(4096).fill(-1);
  private paren = 0;
  /** Per feature: its atom (a stem) or first atom (a pair), and the second atom of a pair (-1 for a stem). */
  kenmerkA = new Int32Array(1024);
  kenmerkB = new Int32Array(1024);
  aantal = 0;
  /**
   * Counts per feature and class. Whole numbers (any model file cter writes, and every text's count) fit in an
   * Int32Array, half the memory of a Float64Array at a million labelled texts; a hand-edited file with fractions gets
   * the Float64Array. Either holds the same values, so the model is the same.
   */
  tellingen: Float64Array | Int32Array;
  /** Each feature counts once per text (telVoorbeeld). */
  private stempels = new Stempels(1024);

  constructor(geheel: boolean) {
    this.tellingen = geheel ? new Int32Array(K * 1024) : new Float64Array(K * 1024);
  }

  /** The atom of a stem; -1 when unknown and not to be made. */
  atoom(stem: string, maak: boolean): number {
    let a = this.atomen.get(stem);
    if (a === undefined) {
      if (!maak) return -1;
      a = this.atoomNamen.length;
      this.atomen.set(stem, a);
      this.atoomNamen.push(stem);
      if (a >= this.atoomKenmerk.length) this.atoomKenmerk = groter(this.atoomKenmerk, this.atoomKenmerk.length * 2, -1);
    }
    return a;
  }

  private nieuwKenmerk(a: number, b: number): number {
    const id = this.aantal++;
    if (id >= this.kenmerkA.length) {
      const n = this.kenmerkA.length * 2;
      this.kenmerkA = groter(this.kenmerkA, n);
      this.kenmerkB = groter(this.kenmerkB, n);
      this.stempels.groei(n);
      const tellingen = this.tellingen instanceof Int32Array ? new Int32Array(n * K) : new Float64Array(n * K);
      tellingen.set(this.tellingen);
      this.tellingen = tellingen;
    }
    this.kenmerkA[id] = a;
    this.kenmerkB[id] = b;
    return id;
  }

  /** The feature of a stem (its atom); -1 when unknown and not to be made. */
  stamKenmerk(a: number, maak: boolean): number {
    let id = this.atoomKenmerk[a]!;
    if (id < 0 && maak) this.atoomKenmerk[a] = id = this.nieuwKenmerk(a, -1);
    return id;
  }

  /** The feature of a pair of atoms; -1 when unknown and not to be made. */
  paarKenmerk(a: number, b: number, maak: boolean): number {
    const slots = this.paarSlots;
    const mask = slots.length - 1;
    let s = hash2(a, b) & mask;
    for (;;) {
      const id = slots[s]!;
      if (id < 0) break;
      if (this.kenmerkA[id] === a && this.kenmerkB[id] === b) return id;
      s = (s + 1) & mask;
    }
    if (!maak) return -1;
    const id = this.nieuwKenmerk(a, b);
    slots[s] = id;
    if (++this.paren * 2 > slots.length) this.herverdeel();
    return id;
  }

  private herverdeel(): void {
    const slots = new Int32Array(this.paarSlots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (const id of this.paarSlots) {
      if (id < 0) continue;
      let s = hash2(this.kenmerkA[id]!, this.kenmerkB[id]!) & mask;
      while (slots[s]! >= 0) s = (s + 1) & mask;
      slots[s] = id;
    }
    this.paarSlots = slots;
  }

  /** The feature of a name as a model file writes it ("aanslag", "witt_ras"); -1 when unknown and not to be made. */
  kenmerkVanNaam(naam: string, maak: boolean): number {
    const streep = naam.indexOf('_');
    if (streep >= 0 && naam.indexOf('_', streep + 1) < 0) {
      const a = this.atoom(naam.slice(0, streep), maak);
      const b = a < 0 ? -1 : this.atoom(naam.slice(streep + 1), maak);
      return b < 0 ? -1 : this.paarKenmerk(a, b, maak);
    }
    const a = this.atoom(naam, maak);
    return a < 0 ? -1 : this.stamKenmerk(a, maak);
  }

  /** A feature's name: the stem, or the pair's stems joined by '_'. */
  naam(id: number): string {
    const b = this.kenmerkB[id]!;
    const a = this.atoomNamen[this.kenmerkA[id]!]!;
    return b < 0 ? a : `${a}_${this.atoomNamen[b]!}`;
  }

  /** Is the feature a pair (or a model file's name with an underscore), weighing paarGewicht? */
  isPaar(id: number): boolean {
    return this.kenmerkB[id]! >= 0 || this.atoomNamen[this.kenmerkA[id]!]!.includes('_');
  }

  /**
   * The feature ids of a text in order of occurrence (repeats included), as bezoekKenmerken visits them by name, into
   * `gevonden` (id, token, pair's first token or -1), overwritten by the next call: their number. Unknown features are
   * skipped unless `maak`, which makes them.
   */
  kenmerken(tokens: Tokens, maak: boolean): number {
    let vorig = -1;
    let huidig = -1;
    let n = 0;
    let previous = -1;
    for (let i = 0; i < tokens.aantal; i++) {
      if (!useful(tokens.stem[i]!, tokens.lower[i]!)) continue;
      vorig = huidig;
      huidig = this.atoom(tokens.stem[i]!, maak);
      const id = huidig < 0 ? -1 : this.stamKenmerk(huidig, maak);
      if (id >= 0) n = this.gevonden.zet(n, id, i, -1);
      if (previous >= 0 && tokens.sentence[previous] === tokens.sentence[i] && vorig >= 0 && huidig >= 0) {
        const paar = this.paarKenmerk(vorig, huidig, maak);
        if (paar >= 0) n = this.gevonden.zet(n, paar, i, previous);
      }
      previous = i;
    }
    return n;
  }

  /** What kenmerken found last. */
  readonly gevonden = new Gevonden();

  /** Adds counts per class (a model file's) to a feature. */
  tel(naam: string, counts: readonly number[]): void {
    const base = this.kenmerkVanNaam(naam, true) * K;
    for (let k = 0; k < K; k++) this.tellingen[base + k]! += counts[k] ?? 0;
  }

  /**
   * Adds a labelled text (its tokens) of class k: per feature, the texts of each class that contain it (integer counts,
   * so the order does not matter). A repeated text is simply counted again: cheaper than a Map of a million distinct
   * descriptions.
   */
  telVoorbeeld(tokens: Tokens, k: number): void {
    const generatie = this.stempels.volgende();
    const n = this.kenmerken(tokens, true);
    // After kenmerken: making a feature may have grown the marks.
    const stempel = this.stempels.waarden;
    const ids = this.gevonden.id;
    for (let j = 0; j < n; j++) {
      const id = ids[j]!;
      if (stempel[id] === generatie) continue;
      stempel[id] = generatie;
      this.tellingen[id * K + k]!++;
    }
  }

  /** An independent copy: a builder starts from a copy of the base model's table instead of reading the file's names again. */
  kopie(): Kenmerktabel {
    const k = new Kenmerktabel(this.tellingen instanceof Int32Array);
    k.atomen = new Map(this.atomen);
    k.atoomNamen = this.atoomNamen.slice();
    k.atoomKenmerk = this.atoomKenmerk.slice();
    k.paarSlots = this.paarSlots.slice();
    k.paren = this.paren;
    k.kenmerkA = this.kenmerkA.slice();
    k.kenmerkB = this.kenmerkB.slice();
    k.aantal = this.aantal;
    k.tellingen = this.tellingen.slice();
    k.stempels = new Stempels(this.stempels.waarden.length);
    return k;
  }

  /**
   * The table in the compact model form (see writeCompactModel): the names in a header, the used part of each typed
   * array as it is, and the capacities, so that fromParts gives back this very table (the same ids, the same slots).
   * Only a table of whole counts (an Int32Array) has this form.
   */
  toParts(): { kop: TabelKop; delen: Int32Array[] } | undefined {
    if (!(this.tellingen instanceof Int32Array)) return undefined;
    const kop: TabelKop = {
      atoomNamen: this.atoomNamen,
      atoomCapaciteit: this.atoomKenmerk.length,
      paren: this.paren,
      aantal: this.aantal,
      capaciteit: this.kenmerkA.length,
    };
    const n = this.aantal;
    const delen = [
      this.kenmerkA.subarray(0, n),
      this.kenmerkB.subarray(0, n),
      this.tellingen.subarray(0, n * K),
      this.atoomKenmerk.subarray(0, this.atoomNamen.length),
      this.paarSlots,
    ];
    return { kop, delen };
  }

  /** The table toParts described; `delen` in its order. */
  static fromParts(kop: TabelKop, delen: readonly Int32Array[]): Kenmerktabel {
    const [kenmerkA, kenmerkB, tellingen, atoomKenmerk, paarSlots] = delen as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
    const t = new Kenmerktabel(true);
    t.atoomNamen = kop.atoomNamen.slice();
    t.atomen = new Map(kop.atoomNamen.map((naam, a) => [naam, a]));
    t.atoomKenmerk = groter(atoomKenmerk, kop.atoomCapaciteit, -1);
    t.paarSlots = groter(paarSlots, paarSlots.length);
    t.paren = kop.paren;
    t.kenmerkA = groter(kenmerkA, kop.capaciteit);
    t.kenmerkB = groter(kenmerkB, kop.capaciteit);
    t.stempels = new Stempels(kop.capaciteit);
    t.aantal = kop.aantal;
    const alle = new Int32Array(kop.capaciteit * K);
    alle.set(tellingen);
    t.tellingen = alle;
    return t;
  }

  /** After building: the counts and names are no longer needed, only the lookups from stems to features. */
  naBouw(): void {
    this.tellingen = new Int32Array(0);
    this.stempels = new Stempels(0);
    this.atoomNamen = [];
  }
}

export interface ModelProposal {
  /** The most probable class; `onbekend` when the model thinks the text belongs to no fenomeen. */
  fenomeen: Fenomeen;
  kans: number;
  /** Features that weighed most for the winner against the runner-up, with their weight (log odds). */
  woorden: { woord: string; gewicht: number }[];
  /** True when the model proposes a fenomeen: not `onbekend`, and kans >= its threshold. */
  zeker: boolean;
  reden: string;
}

/** The model's view of a text before any threshold: what voorstel caches per text. */
type Inschatting = Pick<ModelProposal, 'fenomeen' | 'kans' | 'woorden'> & { bekend: boolean };

/** Written numbers per number of decimals: a reason's weights are the model's, the same few over and over. */
const GESCHREVEN = [new Map<number, string>(), new Map<number, string>(), new Map<number, string>()];

/** Numbers as a Dutch reader writes them; 0-2 decimals. */
function getal(n: number, decimals: 0 | 1 | 2): string {
  const geschreven = GESCHREVEN[decimals]!;
  let tekst = geschreven.get(n);
  if (tekst === undefined) {
    tekst = n.toFixed(decimals).replace('.', ',');
    // toFixed cost a tenth of the model's proposals (a million signals); bounded like the other caches.
    if (geschreven.size >= 50_000) geschreven.clear();
    geschreven.set(n, tekst);
  }
  return tekst;
}

/** Is this property name an array index? Such names come first in a JavaScript object's key order. */
function isArrayIndex(name: string): boolean {
  return /^(?:0|[1-9][0-9]{0,9})$/.test(name) && Number(name) < 4294967295;
}

/**
 * The order in which the features' weighted counts are summed. When every term and partial sum is exact (counts are
 * integers; a pair weight such as 0.25 is a binary fraction), any order gives the same bits: the id order, returned as
 * undefined. Otherwise the order of the earlier model, which summed over a JavaScript object: array-index names
 * ascending, then the base model's features in file order, then the new features sorted.
 */
function sommatieVolgorde(tabel: Kenmerktabel, basisAantal: number, paarGewicht: number, som: number): readonly number[] | undefined {
  let schaal = 1;
  while (!Number.isInteger(paarGewicht * schaal) && schaal < 2 ** 30) schaal *= 2;
  const exact = Number.isInteger(paarGewicht * schaal) && som * Math.max(1, paarGewicht) * schaal < 2 ** 53;
  if (exact) return undefined;
  const alle = Array.from({ length: tabel.aantal }, (_, id) => id);
  const namen = alle.map((id) => tabel.naam(id));
  const index: number[] = [];
  const basis: number[] = [];
  const nieuw: number[] = [];
  for (const id of alle) (isArrayIndex(namen[id]!) ? index : id < basisAantal ? basis : nieuw).push(id);
  index.sort((a, b) => Number(namen[a]) - Number(namen[b]));
  nieuw.sort((a, b) => (namen[a]! < namen[b]! ? -1 : namen[a]! > namen[b]! ? 1 : 0));
  return [...index, ...basis, ...nieuw];
}

/**
 * A trained model, ready to predict. Features are integer ids (see Kenmerktabel). Features with the same weight and
 * the same counts contribute the same to every class (most features of a large input occur once or twice), so each
 * distinct row of contributions is computed once into one typed array (row * K + class) and a feature points to its
 * row; the training counts are not kept.
 */
export class TextModel {
  readonly klassen: number[];
  readonly aantal: number;
  private readonly logPrior: number[];
  private readonly tabel: Kenmerktabel;
  /** Feature -> row of logKans; -1 for a feature that does not weigh (a neutral word). */
  private readonly rij: Int32Array;
  /** Weighted and tempered log-probabilities: the contribution of a row to class k at row * K + k. */
  private readonly logKans: Float64Array;
  /** Each feature counts once per text (predict). */
  private readonly stempels: Stempels;
  /** Scratch of predict: the known features of one text, and the score per class. */
  private bekendRij = new Int32Array(64);
  private bekendToken = new Int32Array(64);
  private bekendVorig = new Int32Array(64);
  private readonly scores = new Float64Array(K);
  /** The tokens of a text the caller did not tokenise, written over for each text. */
  private readonly tokens = leegTokens();
  /** Proposals per text while texts repeat (see RepeatCache). */
  private readonly cache = new RepeatCache<Inschatting>(100_000);

  readonly drempel: number;
  readonly instellingen: ModelSettings;

  /** Builds from counts (a table, emptied here); `basisAantal`: how many of its ids came from the model file. */
  private constructor(
    tabel: Kenmerktabel,
    basisAantal: number,
    documenten: readonly number[],
    instellingen: ModelSettings,
    /** Features that never weigh (the taxonomy's neutral words, such as religious practice). */
    negeer: ReadonlySet<string>,
  ) {
    this.instellingen = instellingen;
    this.drempel = instellingen.drempel;
    const { alpha, paarGewicht, temperatuur } = instellingen;
    this.klassen = documenten.flatMap((n, k) => (n > 0 ? [k] : []));
    this.aantal = documenten.reduce((a, b) => a + b, 0);
    const { tellingen } = tabel;
    const n = tabel.aantal;
    // A feature's weight: a pair weighs paarGewicht, a neutral word nothing; weightless features never weigh.
    const gewicht = new Float64Array(n);
    for (let id = 0; id < n; id++) gewicht[id] = tabel.isPaar(id) ? paarGewicht : 1;
    for (const f of negeer) {
      const id = tabel.kenmerkVanNaam(f, false);
      if (id >= 0) gewicht[id] = 0;
    }
    let v = 0;
    let som = 0;
    for (let id = 0; id < n; id++) {
      if (!(gewicht[id]! > 0)) continue;
      v++;
      for (let k = 0; k < K; k++) {
        const c = tellingen[id * K + k]!;
        // A count that is no integer (a hand-edited model file) makes the sums order-dependent.
        som += Number.isInteger(c) ? c : Infinity;
      }
    }
    const totaal = new Array<number>(K).fill(0);
    // Plain loops (no iterators): this runs once per model over every feature, mostly before the code is optimised.
    const klassen = this.klassen;
    const telOp = (id: number) => {
      const w = gewicht[id]!;
      if (w > 0) for (let j = 0; j < klassen.length; j++) totaal[klassen[j]!]! += w * tellingen[id * K + klassen[j]!]!;
    };
    const volgorde = sommatieVolgorde(tabel, basisAantal, paarGewicht, som);
    if (volgorde === undefined) for (let id = 0; id < n; id++) telOp(id);
    else for (const id of volgorde) telOp(id);
    this.logPrior = documenten.map((d) => Math.log((d + 1) / (this.aantal + this.klassen.length)));
    const noemer = totaal.map((t) => Math.log(t + alpha * v));
    // Distinct rows (weight and counts): an open-addressing table over their first feature.
    const rij = new Int32Array(n).fill(-1);
    const eerste: number[] = [];
    let slots = new Int32Array(1024).fill(-1);
    const rijHash = (id: number) => {
      let h = hash2(gewicht[id]! * 4096, 0);
      for (let k = 0; k < K; k++) h = hash2(h, tellingen[id * K + k]! | 0);
      return h;
    };
    const gelijk = (a: number, b: number) => {
      if (gewicht[a] !== gewicht[b]) return false;
      for (let k = 0; k < K; k++) if (tellingen[a * K + k] !== tellingen[b * K + k]) return false;
      return true;
    };
    for (let id = 0; id < n; id++) {
      if (!(gewicht[id]! > 0)) continue;
      let mask = slots.length - 1;
      let s = rijHash(id) & mask;
      while (slots[s]! >= 0 && !gelijk(eerste[slots[s]!]!, id)) s = (s + 1) & mask;
      if (slots[s]! >= 0) {
        rij[id] = slots[s]!;
        continue;
      }
      rij[id] = slots[s] = eerste.length;
      eerste.push(id);
      if (eerste.length * 2 > slots.length) {
        slots = new Int32Array(slots.length * 2).fill(-1);
        mask = slots.length - 1;
        for (let r = 0; r < eerste.length; r++) {
          let t = rijHash(eerste[r]!) & mask;
          while (slots[t]! >= 0) t = (t + 1) & mask;
          slots[t] = r;
        }
      }
    }
    const logKans = new Float64Array(eerste.length * K);
    for (let r = 0; r < eerste.length; r++) {
      const id = eerste[r]!;
      const w = gewicht[id]!;
      for (let k = 0; k < K; k++) logKans[r * K + k] = (w * (Math.log(w * tellingen[id * K + k]! + alpha) - noemer[k]!)) / temperatuur;
    }
    tabel.naBouw();
    this.tabel = tabel;
    this.rij = rij;
    this.logKans = logKans;
    this.stempels = new Stempels(n);
  }

  /** A model from a builder's counts; only ModelBuilder.build calls this. */
  static fromTable(
    tabel: Kenmerktabel,
    basisAantal: number,
    documenten: readonly number[],
    instellingen: ModelSettings,
    negeer: ReadonlySet<string>,
  ): TextModel {
    return new TextModel(tabel, basisAantal, documenten, instellingen, negeer);
  }

  /**
   * The model's proposal for a text. `tokens`: the text's tokens when the caller already has them (tokenize(text)), so
   * a text is tokenised once for the rules and the model. `steun`: the fenomeen the rules lean to without concluding;
   * a proposal of that fenomeen needs only drempelMetSteun.
   */
  voorstel(text: string, tokens?: Tokens, steun?: Fenomeen): ModelProposal {
    const inschatting = this.inschatting(text, tokens);
    const drempel = drempelVoor(this.instellingen, inschatting.fenomeen, steun);
    // The support is named only where it made the difference.
    const gesteund = drempel < this.drempel && inschatting.kans < this.drempel;
    return gesteund ? proposal(inschatting, drempel, steun) : proposal(inschatting, this.drempel, undefined);
  }

  /** The model's view of a text, cached per text while texts repeat. */
  private inschatting(text: string, tokens: Tokens | undefined): Inschatting {
    let result = this.cache.get(text);
    if (result === undefined) {
      result = this.predict(tokens ?? tokenize(text, this.tokens));
      this.cache.set(text, result);
    }
    return result;
  }

  private predict(tokens: Tokens): Inschatting {
    // Each feature counts once per text, as in training; the first occurrence says how the text wrote it.
    const generatie = this.stempels.volgende();
    const stempel = this.stempels.waarden;
    // The known features of the text in order of occurrence: row, token and pair's first token (-1 for a stem), in
    // reused scratch arrays rather than an object per feature (this runs for every signal the rules leave open).
    let n = 0;
    const gevonden = this.tabel.gevonden;
    const aantal = this.tabel.kenmerken(tokens, false);
    for (let j = 0; j < aantal; j++) {
      const id = gevonden.id[j]!;
      const rij = this.rij[id]!;
      if (rij < 0 || stempel[id] === generatie) continue;
      stempel[id] = generatie;
      if (n === this.bekendRij.length) this.groeiBekend();
      this.bekendRij[n] = rij;
      this.bekendToken[n] = gevonden.token[j]!;
      this.bekendVorig[n++] = gevonden.vorig[j]!;
    }
    const rijen = this.bekendRij;
    const lp = this.logKans;
    const klassen = this.klassen;
    const scores = this.scores;
    // Plain loops in the order of the earlier map/sort/reduce, so every sum has the same bits.
    let best = 0;
    let tweedeIndex = -1;
    for (let c = 0; c < klassen.length; c++) {
      const k = klassen[c]!;
      let s = this.logPrior[k]!;
      for (let j = 0; j < n; j++) s += lp[rijen[j]! * K + k]!;
      scores[c] = s;
      // Highest score first; ties in the fixed fenomeen order (the lower index).
      if (c === 0) continue;
      if (s > scores[best]!) {
        tweedeIndex = best;
        best = c;
      } else if (tweedeIndex < 0 || s > scores[tweedeIndex]!) tweedeIndex = c;
    }
    const max = scores[best]!;
    let som = 0;
    for (let c = 0; c < klassen.length; c++) som += Math.exp(scores[c]! - max);
    const kans = 1 / som;
    const winnaar = klassen[best]!;
    const tweede = tweedeIndex >= 0 ? klassen[tweedeIndex]! : winnaar;
    // The three features that weighed most for the winner against the runner-up: weight descending, then the feature's
    // name (distinct per feature, so this is the order a full sort gives). Kept in t0..t2 (-1: none yet).
    let t0 = -1;
    let t1 = -1;
    let t2 = -1;
    let g0 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let j = 0; j < n; j++) {
      const g = lp[rijen[j]! * K + winnaar]! - lp[rijen[j]! * K + tweede]!;
      if (!(g > 0)) continue;
      if (t2 >= 0 && !this.voor(tokens, j, g, t2, g2)) continue;
      if (t0 < 0 || this.voor(tokens, j, g, t0, g0)) {
        t2 = t1;
        g2 = g1;
        t1 = t0;
        g1 = g0;
        t0 = j;
        g0 = g;
      } else if (t1 < 0 || this.voor(tokens, j, g, t1, g1)) {
        t2 = t1;
        g2 = g1;
        t1 = j;
        g1 = g;
      } else {
        t2 = j;
        g2 = g;
      }
    }
    const gewichten: { woord: string; gewicht: number }[] = [];
    if (t0 >= 0) gewichten.push(this.gewogen(tokens, t0, g0));
    if (t1 >= 0) gewichten.push(this.gewogen(tokens, t1, g1));
    if (t2 >= 0) gewichten.push(this.gewogen(tokens, t2, g2));
    const fenomeen = n === 0 ? 'onbekend' : FENOMENEN[winnaar]!;
    return { fenomeen, kans, woorden: gewichten, bekend: n > 0 };
  }

  /** Known feature j as a reason names it: how the text wrote it, and its weight. */
  private gewogen(tokens: Tokens, j: number, gewicht: number): { woord: string; gewicht: number } {
    return { woord: geschreven(tokens, this.bekendToken[j]!, this.bekendVorig[j]!), gewicht };
  }

  /** Does known feature a (weight ga) come before b (weight gb) among the weightiest: heavier, or the smaller name? */
  private voor(tokens: Tokens, a: number, ga: number, b: number, gb: number): boolean {
    if (ga !== gb) return ga > gb;
    return this.bekendNaam(tokens, a) < this.bekendNaam(tokens, b);
  }

  /** The name of known feature j: its stem, or the pair's stems joined by '_'. */
  private bekendNaam(tokens: Tokens, j: number): string {
    const i = this.bekendToken[j]!;
    const previous = this.bekendVorig[j]!;
    return previous < 0 ? tokens.stem[i]! : `${tokens.stem[previous]!}_${tokens.stem[i]!}`;
  }

  private groeiBekend(): void {
    const lengte = this.bekendRij.length * 2;
    this.bekendRij = groter(this.bekendRij, lengte);
    this.bekendToken = groter(this.bekendToken, lengte);
    this.bekendVorig = groter(this.bekendVorig, lengte);
  }
}

/** The proposal at a threshold, with its reason; `steun`: the rules' lean that lowered the threshold. */
function proposal(i: Inschatting, drempel: number, steun: Fenomeen | undefined): ModelProposal {
  const { fenomeen, kans, woorden } = i;
  const zeker = fenomeen !== 'onbekend' && kans >= drempel;
  const woordenTekst = woorden.map((w) => `'${w.woord}' (+${getal(w.gewicht, 1)})`).join(', ');
  // Rounded down below the threshold: 0,699 must not read as the 0,70 it missed.
  const kansTekst = `kans ${getal(zeker ? kans : Math.floor(kans * 100) / 100, 2)}`;
  const metSteun = steun === undefined ? '' : `, de regels wijzen zwak op ${steun}`;
  let reden: string;
  if (!i.bekend) reden = 'model: geen bekende woorden';
  else if (zeker) reden = `model: ${woordenTekst}; ${kansTekst}${steun === undefined ? '' : ` (minimaal ${getal(drempel, 2)}${metSteun})`}`;
  else if (fenomeen === 'onbekend') reden = `model: geen fenomeen${woordenTekst ? ` (${woordenTekst})` : ''}; ${kansTekst}`;
  else reden = `model: ${fenomeen} te onzeker (${kansTekst}, minimaal ${getal(drempel, 2)} nodig${metSteun})`;
  return { fenomeen, kans, woorden, zeker, reden };
}

/**
 * A new table of a model file's counts, for a builder to extend: a copy of the table made once per file read (every
 * command and every fold starts from it), or, for a model from its compact form, the table made from that form's arrays.
 */
const BASISTABELLEN = new WeakMap<ModelCounts, () => Kenmerktabel>();

function basisTabel(basis: ModelCounts): Kenmerktabel {
  let nieuw = BASISTABELLEN.get(basis);
  if (nieuw === undefined) {
    const tabel = tabelVanTellingen(basis);
    BASISTABELLEN.set(basis, (nieuw = () => tabel.kopie()));
  }
  return nieuw();
}

/** The table of a model file's counts, feature by feature in the file's order. */
function tabelVanTellingen(basis: ModelCounts): Kenmerktabel {
  // Whole counts with room for a million texts more stay whole in an Int32Array (see Kenmerktabel.tellingen).
  const geheel = (c: number) => Number.isInteger(c) && c >= 0 && c < 2 ** 30;
  const tabel = new Kenmerktabel(Object.values(basis.kenmerken).every((counts) => counts.every(geheel)));
  for (const [f, counts] of Object.entries(basis.kenmerken)) tabel.tel(f, counts);
  return tabel;
}

/**
 * Trains a model text by text: a model file's counts (if any), then labelled texts as they come (their tokens, so a
 * caller that tokenises a text for the rules too does it once), then `build()`. The same texts in the same order give
 * the same model as buildModel.
 */
export class ModelBuilder {
  private readonly tabel: Kenmerktabel;
  private readonly basisAantal: number;
  private readonly documenten = new Array<number>(K).fill(0);
  private readonly instellingen: ModelSettings;

  constructor(
    basis: ModelCounts | undefined,
    instellingen: ModelSettings,
    private readonly negeer: ReadonlySet<string> = new Set(),
  ) {
    this.instellingen = instellingen;
    this.tabel = basis ? basisTabel(basis) : new Kenmerktabel(true);
    if (basis) basis.documenten.forEach((n, k) => (this.documenten[k] = n));
    this.basisAantal = this.tabel.aantal;
  }

  /** Adds a labelled text by its tokens (tokenize(text)). */
  add(tokens: Tokens, fenomeen: Fenomeen): void {
    const k = FENOMENEN.indexOf(fenomeen);
    this.documenten[k]!++;
    this.tabel.telVoorbeeld(tokens, k);
  }

  build(): TextModel {
    return TextModel.fromTable(this.tabel, this.basisAantal, this.documenten, this.instellingen, this.negeer);
  }

  /**
   * What build() builds from, as data that can cross a thread: modelVanDelen builds the same model from it. Views of
   * the builder's arrays, valid while it learns no more. Undefined for counts that are not whole (a hand-edited file).
   */
  alsDelen(): ModelDelen | undefined {
    const delen = this.tabel.toParts();
    if (!delen) return undefined;
    return { ...delen, basisAantal: this.basisAantal, documenten: [...this.documenten], instellingen: { ...this.instellingen } };
  }
}

/** A builder's counts and settings as data (ModelBuilder.alsDelen). */
export interface ModelDelen {
  kop: TabelKop;
  delen: Int32Array[];
  basisAantal: number;
  documenten: number[];
  instellingen: ModelSettings;
}

/** The model ModelBuilder.build gives from these counts: the same table, ids and sums, so the same predictions. */
export function modelVanDelen(d: ModelDelen, negeer: ReadonlySet<string>): TextModel {
  return TextModel.fromTable(Kenmerktabel.fromParts(d.kop, d.delen), d.basisAantal, d.documenten, d.instellingen, negeer);
}

/** A builder for a model file's counts and settings (the standard ones without a file), with `instellingen` over them. */
export function modelBuilder(
  basis: ModelFile | undefined,
  instellingen?: Partial<ModelSettings>,
  negeer?: ReadonlySet<string>,
): ModelBuilder {
  return new ModelBuilder(basis, { ...modelSettings(basis), ...instellingen }, negeer);
}

/** A model from a model file, extended with extra labelled texts (the analyst's). */
export function buildModel(
  basis: ModelFile | undefined,
  extra: readonly TrainingExample[],
  instellingen?: Partial<ModelSettings>,
  negeer?: ReadonlySet<string>,
): TextModel {
  const builder = modelBuilder(basis, instellingen, negeer);
  for (const v of extra) builder.add(tokenize(v.tekst), v.fenomeen);
  return builder.build();
}

/** The settings of a model file; the standard ones without a file. */
export function modelSettings(basis: ModelFile | undefined): ModelSettings {
  if (!basis) return { ...STANDAARD_INSTELLINGEN };
  const { alpha, drempel, drempelMetSteun, temperatuur, paarGewicht, vetoKans, vetoOnder } = basis;
  return { alpha, drempel, drempelMetSteun, temperatuur, paarGewicht, vetoKans, vetoOnder };
}

/**
 * The features the model ignores: the taxonomy's neutral words ("gebed", "halal", "moskee" for jihadisme), which by
 * definition carry no weight, so that the model cannot learn religious practice as evidence from its training texts.
 * A single word gives its stem; a phrase ("lange baard") its word pairs; prefixes (`*`) are left to the rules.
 */
export function neutralFeatures(taxonomie: { definitie: { fenomenen: readonly { neutraal: readonly { term: string }[] }[] } }): Set<string> {
  const result = new Set<string>();
  for (const f of taxonomie.definitie.fenomenen) {
    for (const { term } of f.neutraal) {
      if (term.includes('*')) continue;
      const features = [...extractFeatures(term).tellingen.keys()];
      const pairs = features.filter((k) => k.includes('_'));
      for (const k of pairs.length > 0 ? pairs : features) result.add(k);
    }
  }
  return result;
}

/** Settings of a model without a model file (an analyst's own labels only). */
const STANDAARD_INSTELLINGEN: Readonly<ModelSettings> = {
  alpha: 0.5,
  drempel: 0.8,
  drempelMetSteun: 0.8,
  temperatuur: 1,
  paarGewicht: 1,
  vetoKans: null,
  vetoOnder: 0,
};

const INGEBOUWD_MODEL = fileURLToPath(new URL('../../data/tekstmodel.json', import.meta.url));

/**
 * The built-in model in its compact form, which the build (scripts/build.sh) writes into dist/: the same path from
 * src/classify and from dist/classify.
 */
const INGEBOUWD_COMPACT = fileURLToPath(new URL('../../dist/tekstmodel.bin', import.meta.url));

/** Model files read in this process, by path, with the size and time of the version read. */
const GELEZEN = new Map<string, { versie: string; model: Promise<ModelFile> }>();

/**
 * Reads a model file (data/tekstmodel.json); a damaged file is a clear error, not a stack trace. Read once per process
 * while the file is unchanged: every command (and every test in one process) shares the same immutable ModelFile.
 * With `compact` (for the built-in model: the one the build made), the model and its feature table come from the
 * compact form when that was made from exactly these bytes, which costs a fraction of parsing the JSON and building
 * the table from its names; any other compact file is passed over.
 */
export async function loadModelFile(file = INGEBOUWD_MODEL, compact = file === INGEBOUWD_MODEL ? INGEBOUWD_COMPACT : undefined): Promise<ModelFile> {
  let versie: string | undefined;
  try {
    const s = await stat(file);
    versie = `${s.size} ${s.mtimeMs} ${compact ?? ''}`;
  } catch {
    // readModelFile says what is wrong.
  }
  const gelezen = GELEZEN.get(file);
  if (versie !== undefined && gelezen?.versie === versie) return gelezen.model;
  const model = readModelFile(file, compact);
  if (versie !== undefined) {
    GELEZEN.set(file, { versie, model });
    model.catch(() => GELEZEN.delete(file));
  }
  return model;
}

async function readModelFile(file: string, compact: string | undefined): Promise<ModelFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new FileError(file, `kan het tekstmodel niet lezen (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return (compact !== undefined && (await readCompactModel(compact, bytes))) || parseModelFile(file, bytes);
}

/** A model file's bytes as a ModelFile, checked. */
function parseModelFile(file: string, bytes: Buffer): ModelFile {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new FileError(file, 'het tekstmodel is geen geldige JSON');
  }
  const m = raw as Partial<ModelFile>;
  const ok =
    typeof m.versie === 'string' &&
    typeof m.alpha === 'number' &&
    m.alpha > 0 &&
    typeof m.drempel === 'number' &&
    m.drempel > 0 &&
    m.drempel <= 1 &&
    typeof m.drempelMetSteun === 'number' &&
    m.drempelMetSteun > 0 &&
    m.drempelMetSteun <= m.drempel &&
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
  if (!ok) throw new FileError(file, `geen geldig tekstmodel (verwacht versie, alpha, drempel, drempelMetSteun (niet boven drempel), temperatuur, paarGewicht, vetoKans, vetoOnder, documenten en kenmerken met ${K} tellingen)`);
  return m as ModelFile;
}

// The compact form of a model file: MAGIC, the header's length (uint32, little-endian), the header (JSON: the model
// file's bytes' SHA-256, the byte order, the model file without its counts, the table's names and capacities, the
// lengths of the parts), padding to a multiple of 4, then the table's typed arrays (Kenmerktabel.toParts) one after
// another in the machine's byte order. The build makes it on the machine that reads it.
const MAGIC = 'cter-tekstmodel-1\n';

interface CompactKop {
  bron: string;
  endian: string;
  model: Omit<ModelFile, 'kenmerken'>;
  tabel: TabelKop;
  lengtes: number[];
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** Fingerprints of model files, once per object: see modelVingerafdruk. */
const VINGERAFDRUKKEN = new WeakMap<ModelFile, string>();

/**
 * A fingerprint of a model file's counts and settings, for caches keyed by the model: for a model read from its
 * compact form the SHA-256 of the file's bytes (known from loading), else the SHA-256 of the model as JSON, computed
 * once per object. Model files are not changed after loading.
 */
export function modelVingerafdruk(basis: ModelFile): string {
  let v = VINGERAFDRUKKEN.get(basis);
  if (v === undefined) VINGERAFDRUKKEN.set(basis, (v = `json ${sha256(JSON.stringify(basis))}`));
  return v;
}

/**
 * Writes the compact form of a model file (the built-in one by default), after checking the model file as loading
 * does. A model with counts that are not whole numbers has no compact form: then any earlier compact file is removed
 * and the result is false.
 */
export async function writeCompactModel(file = INGEBOUWD_MODEL, compact = INGEBOUWD_COMPACT): Promise<boolean> {
  const bytes = await readFile(file);
  const model = parseModelFile(file, bytes);
  const delen = tabelVanTellingen(model).toParts();
  if (!delen) {
    await rm(compact, { force: true });
    return false;
  }
  const { kenmerken: _, ...zonderTellingen } = model;
  const kop: CompactKop = { bron: sha256(bytes), endian: endianness(), model: zonderTellingen, tabel: delen.kop, lengtes: delen.delen.map((d) => d.length) };
  const kopBytes = Buffer.from(JSON.stringify(kop), 'utf8');
  const voor = Buffer.byteLength(MAGIC) + 4 + kopBytes.length;
  const lengte = Buffer.alloc(4);
  lengte.writeUInt32LE(kopBytes.length);
  const stukken: Uint8Array[] = [Buffer.from(MAGIC, 'utf8'), lengte, kopBytes, Buffer.alloc((4 - (voor % 4)) % 4)];
  for (const d of delen.delen) stukken.push(new Uint8Array(d.buffer, d.byteOffset, d.byteLength));
  await writeFileAtomic(compact, Buffer.concat(stukken));
  return true;
}

/**
 * The model from its compact form when that was made from exactly `bron` (the model file's bytes) on a machine with
 * this byte order; undefined for a missing, damaged or other file. Its feature table is registered for basisTabel; the
 * counts by name (`kenmerken`, which only training tools and tests read) are parsed from `bron` when first asked for.
 */
async function readCompactModel(compact: string, bron: Buffer): Promise<ModelFile | undefined> {
  let buf: Buffer;
  try {
    buf = await readFile(compact);
  } catch {
    return undefined;
  }
  const start = Buffer.byteLength(MAGIC);
  if (buf.length < start + 4 || buf.toString('utf8', 0, start) !== MAGIC) return undefined;
  const kopLengte = buf.readUInt32LE(start);
  let kop: CompactKop;
  try {
    kop = JSON.parse(buf.toString('utf8', start + 4, start + 4 + kopLengte)) as CompactKop;
  } catch {
    return undefined;
  }
  if (kop.bron !== sha256(bron) || kop.endian !== endianness()) return undefined;
  let positie = start + 4 + kopLengte;
  positie += (4 - (positie % 4)) % 4;
  const nodig = kop.lengtes.reduce((som, n) => som + n * 4, positie);
  if (nodig !== buf.length) return undefined;
  const delen = kop.lengtes.map((n) => {
    const van = buf.byteOffset + positie;
    positie += n * 4;
    // A view where the bytes are aligned (fromParts copies them), else a copy.
    return van % 4 === 0 ? new Int32Array(buf.buffer, van, n) : new Int32Array(buf.buffer.slice(van, van + n * 4));
  });
  const model = { ...kop.model } as ModelFile;
  let kenmerken: ModelFile['kenmerken'] | undefined;
  Object.defineProperty(model, 'kenmerken', {
    enumerable: true,
    get: () => (kenmerken ??= (JSON.parse(bron.toString('utf8')) as ModelFile).kenmerken),
  });
  BASISTABELLEN.set(model, () => Kenmerktabel.fromParts(kop.tabel, delen));
  VINGERAFDRUKKEN.set(model, `bestand ${kop.bron}`);
  return model;
}
