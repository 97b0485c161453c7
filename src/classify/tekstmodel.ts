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
import { tokenize } from './text.js';

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

/** The features of a text: the stems of its useful words and the pairs of neighbouring useful words. */
export function kenmerken(text: string): Kenmerken {
  const tokens = tokenize(text);
  const tellingen = new Map<string, number>();
  const woorden = new Map<string, string>();
  const add = (feature: string, woord: string) => {
    tellingen.set(feature, (tellingen.get(feature) ?? 0) + 1);
    if (!woorden.has(feature)) woorden.set(feature, woord);
  };
  let previous = -1;
  for (let i = 0; i < tokens.lower.length; i++) {
    const lower = tokens.lower[i]!;
    const stem = tokens.stem[i]!;
    if (!useful(stem, lower)) continue;
    add(stem, lower);
    if (previous >= 0 && tokens.sentence[previous] === tokens.sentence[i]) {
      add(`${tokens.stem[previous]!}_${stem}`, `${tokens.lower[previous]!} ${lower}`);
    }
    previous = i;
  }
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

/** The sum of two sets of counts (the base model plus the analyst's labels). */
export function optellen(a: ModelTellingen, b: ModelTellingen): ModelTellingen {
  const documenten = a.documenten.map((n, k) => n + (b.documenten[k] ?? 0));
  const kenmerken: Record<string, number[]> = { ...a.kenmerken };
  for (const [f, counts] of Object.entries(b.kenmerken)) {
    const earlier = kenmerken[f];
    kenmerken[f] = earlier ? earlier.map((n, k) => n + (counts[k] ?? 0)) : [...counts];
  }
  return { documenten, kenmerken };
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

/** A trained model, ready to predict. */
export class Tekstmodel {
  readonly klassen: number[];
  readonly aantal: number;
  private readonly logPrior: number[];
  private readonly logKans = new Map<string, Float64Array>();
  private readonly cache = new Map<string, ModelVoorstel>();

  readonly drempel: number;
  readonly instellingen: ModelInstellingen;

  constructor(
    readonly tellingen: ModelTellingen,
    instellingen: ModelInstellingen,
    /** Features that never weigh (the taxonomy's neutral words, such as religious practice). */
    negeer: ReadonlySet<string> = new Set(),
  ) {
    this.instellingen = instellingen;
    this.drempel = instellingen.drempel;
    const { alpha, paarGewicht, temperatuur } = instellingen;
    const { documenten } = tellingen;
    this.klassen = documenten.flatMap((n, k) => (n > 0 ? [k] : []));
    this.aantal = documenten.reduce((a, b) => a + b, 0);
    // A feature's weight: a pair weighs paarGewicht, a neutral word nothing; weightless features are left out.
    const features: [string, number[], number][] = [];
    for (const [f, counts] of Object.entries(tellingen.kenmerken)) {
      const w = negeer.has(f) ? 0 : f.includes('_') ? paarGewicht : 1;
      if (w > 0) features.push([f, counts, w]);
    }
    const totaal = new Array<number>(K).fill(0);
    for (const [, counts, w] of features) for (const k of this.klassen) totaal[k]! += w * (counts[k] ?? 0);
    const v = features.length;
    this.logPrior = documenten.map((n) => Math.log((n + 1) / (this.aantal + this.klassen.length)));
    const noemer = totaal.map((t) => Math.log(t + alpha * v));
    // Stored already weighted and tempered: the contribution of the feature to each class's score.
    for (const [f, counts, w] of features) {
      this.logKans.set(f, Float64Array.from(noemer, (d, k) => (w * (Math.log(w * (counts[k] ?? 0) + alpha) - d)) / temperatuur));
    }
  }

  /** The model's proposal for a text; cached per text. */
  voorstel(text: string): ModelVoorstel {
    let result = this.cache.get(text);
    if (result === undefined) {
      result = this.predict(text);
      if (this.cache.size >= 100_000) this.cache.clear();
      this.cache.set(text, result);
    }
    return result;
  }

  private predict(text: string): ModelVoorstel {
    const { tellingen, woorden } = kenmerken(text);
    // Each feature counts once per text, as in training.
    const bekend: [string, Float64Array][] = [];
    for (const f of tellingen.keys()) {
      const lp = this.logKans.get(f);
      if (lp) bekend.push([f, lp]);
    }
    const scores = this.klassen.map((k) => {
      let s = this.logPrior[k]!;
      for (const [, lp] of bekend) s += lp[k]!;
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
      .map(([f, lp]) => ({ woord: woorden.get(f)!, gewicht: lp[winnaar]! - lp[tweede]!, f }))
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
  const leeg: ModelTellingen = { documenten: new Array<number>(K).fill(0), kenmerken: {} };
  const tellingen = optellen(basis ?? leeg, tel(extra));
  return new Tekstmodel(tellingen, { ...modelInstellingen(basis), ...instellingen }, negeer);
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
