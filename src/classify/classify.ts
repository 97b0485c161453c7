// The classification pass: each signal gets a fenomeen with its provenance (herkomst) and reason, and an ernst.
// Precedence: a review decision for this exact content (handmatig) > the analyst's label in the export (analist) >
// the rules (regel) > the text model where the rules abstain (model) > nothing conclusive (geen, fenomeen onbekend).
// The one exception: a weak conclusion of the rules (below the model's vetoOnder) gives way to a model that is sure
// the text belongs to no fenomeen (vetoKans); the signal stays onbekend. The rules' own view is kept as regelSuggestie.
import { createHash } from 'node:crypto';
import type { Ernst, Fenomeen, GeclassificeerdSignaal, Signaal, TelSignaal } from '../domain.js';
import { evaluate, getal, type RegelUitkomst } from './rules.js';
import { fenomeenLabel, type Taxonomy } from './taxonomy.js';
import { modelVeto, type ModelBuilder, type TextModel, type TrainingExample } from './tekstmodel.js';
import { leegTokens, tokenize, type Tokens } from './text.js';
import { ModelTokens } from './model-tokens.js';
import { RepeatCache } from '../util/repeat-cache.js';

/** A review decision (from `cter review`), valid only for the content it was made on. */
export interface Beoordeling {
  /** signalContentHash of the signal when it was reviewed. */
  hash: string;
  fenomeen: Fenomeen;
  ernst?: Ernst;
  wie: string;
  wanneer: string;
}

/** Review decisions by signal id. */
export type Beoordelingen = ReadonlyMap<string, Beoordeling>;

/**
 * SHA-256 (hex) over the signal's content fields in a fixed order. Excluded: the origin (file and line move between
 * exports) and the person key (its pseudonym depends on the configured secret and may differ per run).
 */
export function signalContentHash(signal: Signaal): string {
  const content = [
    signal.id,
    signal.datum,
    signal.tijd ?? null,
    signal.gemeente,
    signal.bron ?? null,
    signal.betrouwbaarheid?.code ?? null,
    signal.type ?? null,
    signal.fenomeenLabel ?? null,
    signal.omschrijving ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** Why the model's fenomeen was not proposed: the words the taxonomy asks for it (modelAlleenMet) are missing. */
function modelAlleenMetText(taxonomy: Taxonomy, fenomeen: Fenomeen): string {
  const lijst = taxonomy.definitie.fenomenen.find((f) => f.code === fenomeen)?.modelAlleenMet ?? [];
  return `${fenomeen} vraagt een woord uit ${lijst.map((e) => e.term).join(', ')} en dat staat er niet in`;
}

/** The analyst's fenomeen in the export; 'onbekend' there means the analyst did not decide, so the rules may. */
function analistLabel(signal: Signaal): Fenomeen | undefined {
  return signal.fenomeenLabel && signal.fenomeenLabel !== 'onbekend' ? signal.fenomeenLabel : undefined;
}

/** The analyst's reasons per taxonomy, by label and the rules' other fenomeen: a handful of texts, each built once. */
const ANALIST_REDENEN = new WeakMap<Taxonomy, Map<string, string>>();
let laatsteTaxonomy: Taxonomy | undefined;
let laatsteRedenen: Map<string, string> | undefined;

/** The reason of a label in the export; `afwijkend`: the fenomeen the rules conclude instead. */
function analistReden(taxonomy: Taxonomy, label: Fenomeen, afwijkend: Fenomeen | undefined): string {
  // The taxonomy of the previous call first: a run classifies with one.
  let redenen = taxonomy === laatsteTaxonomy ? laatsteRedenen : ANALIST_REDENEN.get(taxonomy);
  if (redenen === undefined) ANALIST_REDENEN.set(taxonomy, (redenen = new Map()));
  laatsteTaxonomy = taxonomy;
  laatsteRedenen = redenen;
  const key = afwijkend === undefined ? label : `${label} ${afwijkend}`;
  let reden = redenen.get(key);
  if (reden === undefined) {
    reden = `analist: label '${fenomeenLabel(taxonomy, label)}' in de export${
      afwijkend === undefined ? '' : `; afwijking: de regels wijzen op ${afwijkend}`
    }`;
    redenen.set(key, reden);
  }
  return reden;
}

/** What the classification adds to a signal. */
export type Classificatie = Omit<GeclassificeerdSignaal, keyof Signaal>;

/** How a classification joins its signal: as a copy, written onto the signal itself, or as what counting needs. */
export type Merge<R = GeclassificeerdSignaal> = (signal: Signaal, fields: Classificatie) => R;

/**
 * The signal with its classification, as a new object. Object.assign rather than spread: V8 copies
 * `{ ...signal, more }` on a slow path (about 15x slower, measured), which matters at a million signals.
 */
const copied: Merge = (signal, fields) => Object.assign({}, signal, fields);

/**
 * The classification written beside the ingested fields of the same object: one record per signal instead of an
 * ingested and a classified copy (a million signals: a few hundred MB less and far less garbage collection). The key
 * order, and so every JSON output, is the same as the copy's: the signal's fields, then the classification's.
 */
export const inPlace: Merge = (signal, fields) => {
  // Field by field, in the classification's key order (the same keys in the same order as Object.assign would add):
  // plain stores take two thirds of Object.assign's time at a million signals (measured).
  const s = signal as GeclassificeerdSignaal;
  s.fenomeen = fields.fenomeen;
  s.herkomst = fields.herkomst;
  s.reden = fields.reden;
  s.ernst = fields.ernst;
  s.ernstReden = fields.ernstReden;
  s.afwijking = fields.afwijking;
  if ('regelSuggestie' in fields) s.regelSuggestie = fields.regelSuggestie;
  return s;
};

/** Only what counting needs, in one object of a fixed shape; the signal itself can then be collected. */
export const forCounting: Merge<TelSignaal> = (s, f) => ({
  datum: s.datum,
  gemeente: s.gemeente,
  type: s.type,
  bron: s.bron,
  betrouwbaarheid: s.betrouwbaarheid,
  persoon: s.persoon,
  fenomeen: f.fenomeen,
  herkomst: f.herkomst,
  ernst: f.ernst,
  afwijking: f.afwijking,
});

/**
 * Equal reasons share one string: reasons are built per signal (the analyst's) or per distinct text (the rules'), and
 * a million signals with a handful of distinct reasons would otherwise hold a million copies (300 MB, measured).
 */
function sharingReasons(merge: Merge): Merge {
  const redenen = new Map<string, string>();
  const shared = (text: string): string => {
    const earlier = redenen.get(text);
    if (earlier !== undefined) return earlier;
    if (redenen.size < MEMO_LIMIT) redenen.set(text, text);
    return text;
  };
  return (signal, fields) => {
    fields.reden = shared(fields.reden);
    fields.ernstReden = shared(fields.ernstReden);
    if (fields.regelSuggestie) fields.regelSuggestie.reden = shared(fields.regelSuggestie.reden);
    return merge(signal, fields);
  };
}

/**
 * Reads of the signal only its id, description and label, and (when a review decision names the id) its content hash:
 * the worker of src/classify/parallel.ts sends no more (tests/unit/parallel-classificatie.test.ts holds it to that).
 */
function classifyWith<R>(
  signal: Signaal,
  taxonomy: Taxonomy,
  beoordelingen: Beoordelingen | undefined,
  rules: RegelUitkomst,
  model: TextModel | undefined,
  classified: Merge<R>,
  /** tokenize(signal.omschrijving) when the caller has it: the model reads the tokens the rules read. */
  tokens?: Tokens,
): R {
  const suggestie = () => ({ fenomeen: rules.fenomeen, reden: rules.reden });
  const beoordeling = beoordelingen?.get(signal.id);
  let verlopen = '';
  if (beoordeling) {
    const wanneer = `${beoordeling.wie} op ${beoordeling.wanneer}`;
    if (beoordeling.hash === signalContentHash(signal)) {
      return classified(signal, {
        fenomeen: beoordeling.fenomeen,
        herkomst: 'handmatig',
        reden: `handmatig: beoordeeld door ${wanneer}`,
        ernst: beoordeling.ernst ?? rules.ernst,
        ernstReden: beoordeling.ernst ? `${beoordeling.ernst}: handmatig vastgesteld door ${wanneer}` : rules.ernstReden,
        afwijking: false,
        regelSuggestie: suggestie(),
      });
    }
    // The content changed since the review: the decision no longer applies and the signal goes back to the queue.
    verlopen = `; beoordeling door ${wanneer} niet toegepast: de inhoud van het signaal is sindsdien gewijzigd`;
  }

  const label = analistLabel(signal);
  if (label) {
    const afwijking = rules.zeker && rules.fenomeen !== label;
    const reden = analistReden(taxonomy, label, afwijking ? rules.fenomeen : undefined);
    return classified(signal, {
      fenomeen: label,
      herkomst: 'analist',
      reden: reden + verlopen,
      ernst: rules.ernst,
      ernstReden: rules.ernstReden,
      afwijking,
      regelSuggestie: suggestie(),
    });
  }
  if (rules.zeker && model && signal.omschrijving && rules.score < model.instellingen.vetoOnder) {
    // A weak conclusion of the rules (one term, say) against a model that sees no fenomeen: cter does not guess.
    const voorstel = model.voorstel(signal.omschrijving, tokens);
    if (modelVeto(model.instellingen, rules.score, voorstel)) {
      return classified(signal, {
        fenomeen: 'onbekend',
        herkomst: 'geen',
        reden:
          `${voorstel.reden}; dat weegt op tegen een zwakke regel (score ${getal(rules.score)}, minder dan ` +
          `${getal(model.instellingen.vetoOnder)}): ${rules.reden}${verlopen}`,
        ernst: rules.ernst,
        ernstReden: rules.ernstReden,
        afwijking: false,
        regelSuggestie: suggestie(),
      });
    }
  }
  if (!rules.zeker && model && signal.omschrijving && rules.onschuldig === undefined) {
    // The rules abstain: the text model may propose a fenomeen; the rules' reason stays as regelSuggestie.
    const voorstel = model.voorstel(signal.omschrijving, tokens, rules.voorkeur);
    const gesloten = voorstel.zeker && rules.modelGesloten?.includes(voorstel.fenomeen);
    if (voorstel.zeker && !gesloten) {
      return classified(signal, {
        fenomeen: voorstel.fenomeen,
        herkomst: 'model',
        reden: voorstel.reden + verlopen,
        ernst: rules.ernst,
        ernstReden: rules.ernstReden,
        afwijking: false,
        regelSuggestie: suggestie(),
      });
    }
    const poort = gesloten ? `; niet voorgesteld: ${modelAlleenMetText(taxonomy, voorstel.fenomeen)}` : '';
    return classified(signal, {
      fenomeen: rules.fenomeen,
      herkomst: 'geen',
      reden: `${rules.reden}; ${voorstel.reden}${poort}${verlopen}`,
      ernst: rules.ernst,
      ernstReden: rules.ernstReden,
      afwijking: false,
    });
  }
  // A description that judges the signal harmless ('geen dreiging') gets no proposal of the model either.
  const geenVoorstel =
    !rules.zeker && model && rules.onschuldig !== undefined
      ? `; geen voorstel van het model: de omschrijving zegt '${rules.onschuldig}'`
      : '';
  return classified(signal, {
    fenomeen: rules.fenomeen,
    herkomst: rules.zeker ? 'regel' : 'geen',
    reden: rules.reden + geenVoorstel + verlopen,
    ernst: rules.ernst,
    ernstReden: rules.ernstReden,
    afwijking: false,
  });
}

/** Classifies one signal. Pure: the same signal, taxonomy, decisions and model give the same result. */
export function classifySignal(
  signal: Signaal,
  taxonomy: Taxonomy,
  beoordelingen?: Beoordelingen,
  model?: TextModel,
): GeclassificeerdSignaal {
  return classifyWith(signal, taxonomy, beoordelingen, evaluate(signal.omschrijving, taxonomy.regels), model, copied);
}

/** Texts remembered per call: exports repeat descriptions ("Sticker aangetroffen"), big ones a lot. */
const MEMO_LIMIT = 100_000;

/** Classifies signals in order, into new objects. Identical descriptions are evaluated once. */
export function classifySignals(
  signals: readonly Signaal[],
  taxonomy: Taxonomy,
  beoordelingen?: Beoordelingen,
  model?: TextModel,
): GeclassificeerdSignaal[] {
  return classifyAll(signals, taxonomy, beoordelingen, model, copied);
}

function classifyAll(
  signals: readonly Signaal[],
  taxonomy: Taxonomy,
  beoordelingen: Beoordelingen | undefined,
  model: TextModel | undefined,
  merge: Merge,
): GeclassificeerdSignaal[] {
  const pass = new ClassificationPass(taxonomy, beoordelingen, sharingReasons(merge));
  const out: GeclassificeerdSignaal[] = new Array(signals.length);
  for (let i = 0; i < signals.length; i++) out[i] = pass.classify(signals[i]!, model);
  return out;
}

/**
 * Classifies signals that waited for the model from the rules' outcome the pass kept (TrainingPass.wachtenden):
 * exactly what TrainingPass.finish gives them.
 */
export function classifyWaiting(
  taxonomy: Taxonomy,
  beoordelingen: Beoordelingen | undefined,
): (signal: Signaal, model: TextModel, rules: RegelUitkomst) => Classificatie {
  const pass = new ClassificationPass<Classificatie>(taxonomy, beoordelingen, (_signal, fields) => fields);
  return (signal, model, rules) => pass.classifyWithRules(signal, model, rules);
}

/** One classification run: the rules' outcome remembered per text while texts repeat. */
class ClassificationPass<R> {
  /** The rules' outcome per text while texts repeat (see RepeatCache). */
  private readonly memo = new RepeatCache<RegelUitkomst>(MEMO_LIMIT);
  /** The tokens of the text at hand, written over for each text (read before the next). */
  private readonly tokens = leegTokens();

  constructor(
    private readonly taxonomy: Taxonomy,
    private readonly beoordelingen: Beoordelingen | undefined,
    private readonly merge: Merge<R>,
  ) {}

  /** The tokens the last rules() call made; undefined when it was given them, or the memo answered without them. */
  private gemaakt: Tokens | undefined;

  /** The rules' outcome for `text` (`tokens`: its tokens when the caller has them), from the memo while texts repeat. */
  private rules(text: string, tokens: Tokens | undefined): RegelUitkomst {
    this.gemaakt = undefined;
    const hit = this.memo.get(text);
    if (hit !== undefined) return hit;
    if (tokens === undefined && text !== '') tokens = this.gemaakt = tokenize(text, this.tokens);
    const rules = evaluate(text, this.taxonomy.regels, tokens);
    this.memo.set(text, rules);
    return rules;
  }

  /** Classifies a signal; `tokens` is tokenize(its description) when the caller has it. */
  classify(signal: Signaal, model: TextModel | undefined, tokens?: Tokens): R {
    const rules = this.rules(signal.omschrijving ?? '', tokens);
    // Tokenised once, for the rules and (where the rules abstain) the model.
    return classifyWith(signal, this.taxonomy, this.beoordelingen, rules, model, this.merge, tokens ?? this.gemaakt);
  }

  /**
   * The rules' outcome for a signal's description; `tokens` gets the description's tokens, or undefined when the
   * rules' memo answered without them. They are written over by the next text.
   */
  rulesOf(signal: Signaal, tokens?: (t: Tokens | undefined) => void): RegelUitkomst {
    const rules = this.rules(signal.omschrijving ?? '', undefined);
    tokens?.(this.gemaakt);
    return rules;
  }

  /**
   * Classifies a signal whose rules' outcome is known (rulesOf). `tokens`: what the model reads of its description
   * (ModelTokens), else the model tokenises the text if it is asked.
   */
  classifyWithRules(signal: Signaal, model: TextModel, rules: RegelUitkomst, tokens?: Tokens): R {
    return classifyWith(signal, this.taxonomy, this.beoordelingen, rules, model, this.merge, tokens);
  }
}

/** A review decision for this signal that still applies: made on the content the signal has now. */
function geldigeBeoordeling(signal: Signaal, beoordelingen: Beoordelingen | undefined): Beoordeling | undefined {
  const beoordeling = beoordelingen?.get(signal.id);
  return beoordeling && beoordeling.hash === signalContentHash(signal) ? beoordeling : undefined;
}

/** What a signal teaches the text model: its description's fenomeen as reviewed (handmatig) or labelled (analist). */
function trainingLabel(signal: Signaal, geldig: Beoordeling | undefined): { fenomeen: Fenomeen; herkomst: 'handmatig' | 'analist' } | undefined {
  if (!signal.omschrijving) return undefined;
  if (geldig && geldig.fenomeen !== 'onbekend') return { fenomeen: geldig.fenomeen, herkomst: 'handmatig' };
  const label = analistLabel(signal);
  if (label) return { fenomeen: label, herkomst: 'analist' };
  return undefined;
}

interface Getraind<R> {
  signalen: R[];
  model: TextModel;
  /** Training examples from the analyst's labels and from review decisions. */
  analist: number;
  handmatig: number;
}

/**
 * Trains the text model on the labelled signals and classifies every signal in place, as trainingsvoorbeelden +
 * buildModel + classifySignals do, with the same results, but each description tokenised once: a signal whose
 * fenomeen a review decision or the analyst's label decides needs no model, so it is classified in the training pass
 * from the tokens the training reads; the others follow once the model is built, in input order.
 */
export function classifyAndTrainInPlace(
  signals: readonly Signaal[],
  taxonomy: Taxonomy,
  beoordelingen: Beoordelingen | undefined,
  builder: ModelBuilder,
): Getraind<GeclassificeerdSignaal> {
  return classifyAndTrain(signals, taxonomy, beoordelingen, builder, sharingReasons(inPlace));
}

/**
 * As classifyAndTrainInPlace, for a run that only counts (cter trends): each signal becomes the TelSignaal counting
 * needs, and its slot in `signals` is emptied as soon as it is classified, so the full records (descriptions, reasons,
 * ids) are collected while the pass runs instead of all living until its end.
 */
export function classifyAndTrainForCounting(
  signals: (Signaal | undefined)[],
  taxonomy: Taxonomy,
  beoordelingen: Beoordelingen | undefined,
  builder: ModelBuilder,
): Getraind<TelSignaal> {
  return classifyAndTrain(signals as Signaal[], taxonomy, beoordelingen, builder, forCounting, (i) => (signals[i] = undefined));
}

function classifyAndTrain<R>(
  signals: readonly Signaal[],
  taxonomy: Taxonomy,
  beoordelingen: Beoordelingen | undefined,
  builder: ModelBuilder,
  merge: Merge<R>,
  release?: (i: number) => void,
): Getraind<R> {
  const pass = new TrainingPass(taxonomy, beoordelingen, builder, merge);
  const out: R[] = new Array(signals.length);
  for (let i = 0; i < signals.length; i++) {
    const result = pass.offer(signals[i]!, i);
    if (result === undefined) continue;
    out[i] = result;
    release?.(i);
  }
  const { model, analist, handmatig } = pass.finish((i, result) => {
    out[i] = result;
    release?.(i);
  });
  return { signalen: out, model, analist, handmatig };
}

/**
 * The training pass of classifyAndTrain one signal at a time, for signals that arrive while an export is still being
 * read (src/classify/parallel.ts): a signal whose fenomeen a review decision or the analyst's label decides is
 * classified as it comes, from the tokens the training reads; the others wait for the model, built by `finish` once
 * every signal has been offered, and are classified then in the order offered.
 */
export class TrainingPass<R> {
  private readonly pass: ClassificationPass<R>;
  /** The signals that wait for the model, and their numbers (two arrays: no object per waiting signal). */
  private readonly laterSignalen: Signaal[] = [];
  private readonly laterIndex: number[] = [];
  /** With `regelsVooraf`: the rules' outcome of each waiting signal, equal outcomes one object. */
  private readonly laterRegels: RegelUitkomst[] = [];
  /** With `regelsVooraf`: what the model reads of each waiting signal's description, and room to read it into. */
  private readonly laterTokens = new ModelTokens();
  private readonly bewaarTokens = (t: Tokens | undefined) => this.laterTokens.bewaar(t);
  private readonly modelTokens = leegTokens();
  private readonly uitkomsten = new Map<string, RegelUitkomst>();
  /** The tokens of the labelled text at hand (see ClassificationPass.tokens). */
  private readonly tokens = leegTokens();
  /** The values of `uitkomsten`. */
  private readonly bewaard = new Set<RegelUitkomst>();
  analist = 0;
  handmatig = 0;

  constructor(
    taxonomy: Taxonomy,
    private readonly beoordelingen: Beoordelingen | undefined,
    private readonly builder: ModelBuilder,
    merge: Merge<R>,
    /**
     * Apply the rules to a waiting signal as it is offered, so that `finish` only asks the model (the worker of
     * parallel.ts, idle while it waits for the next batch); the model then tokenises those texts again.
     */
    private readonly regelsVooraf = false,
  ) {
    this.pass = new ClassificationPass(taxonomy, beoordelingen, merge);
  }

  /**
   * One object per distinct outcome of the rules: waiting signals hold it until the model is built. The key holds every
   * field of RegelUitkomst: two texts with the same reason can still differ in what the model may do ("geen termen
   * gevonden" with and without 'geen dreiging', or with and without a group for polarisatie).
   */
  private gedeeld(r: RegelUitkomst): RegelUitkomst {
    // An outcome kept before (a shared one such as nietsGevonden, or a text's repeated) is its own answer: no key.
    if (this.bewaard.has(r)) return r;
    const key =
      `${r.fenomeen}\u0000${r.zeker}\u0000${r.score}\u0000${r.ernst}\u0000${r.reden}\u0000${r.ernstReden}` +
      `\u0000${r.voorkeur ?? ''}\u0000${r.onschuldig ?? ''}\u0000${r.modelGesloten?.join(',') ?? ''}`;
    const earlier = this.uitkomsten.get(key);
    if (earlier !== undefined) return earlier;
    if (this.uitkomsten.size < MEMO_LIMIT) {
      this.uitkomsten.set(key, r);
      this.bewaard.add(r);
    }
    return r;
  }

  /** `getraind`: whether the last signal offered taught the model. */
  getraind = false;

  /** Offers signal number `i`: its classification now, or undefined when it waits for the model. */
  offer(signal: Signaal, i: number): R | undefined {
    const geldig = geldigeBeoordeling(signal, this.beoordelingen);
    this.getraind = false;
    if (!geldig && !analistLabel(signal)) {
      this.laterSignalen.push(signal);
      this.laterIndex.push(i);
      if (this.regelsVooraf) this.laterRegels.push(this.gedeeld(this.pass.rulesOf(signal, this.bewaarTokens)));
      return undefined;
    }
    const label = trainingLabel(signal, geldig);
    let tokens: Tokens | undefined;
    if (label) {
      tokens = tokenize(signal.omschrijving!, this.tokens);
      this.builder.add(tokens, label.fenomeen);
      if (label.herkomst === 'handmatig') this.handmatig++;
      else this.analist++;
      this.getraind = true;
    }
    // Decided by the review or the label: the model is not asked (see classifyWith).
    return this.pass.classify(signal, undefined, tokens);
  }

  /** How many signals wait for the model. */
  get wachtend(): number {
    return this.laterIndex.length;
  }

  /**
   * With `regelsVooraf`: the waiting signals' numbers and the rules' outcomes, in the order offered, for another
   * thread to classify some of them (classifyWaiting; see finish).
   */
  wachtenden(): { nummers: readonly number[]; regels: readonly RegelUitkomst[] } {
    if (!this.regelsVooraf) throw new Error('wachtenden needs the rules applied as signals are offered');
    return { nummers: this.laterIndex, regels: this.laterRegels };
  }

  /**
   * Builds the model and classifies the signals that waited for it, in the order offered. With `blokken`, only the
   * blocks of `grootte` waiting signals that `volgende` hands out (-1: none left); another thread takes the others.
   */
  finish(
    classified: (i: number, result: R) => void,
    blokken?: Blokken,
  ): { model: TextModel; analist: number; handmatig: number } {
    const model = this.builder.build();
    const aantal = this.laterIndex.length;
    for (const [van, tot] of bereiken(blokken ?? { grootte: aantal, volgende: eenmaal() }, aantal)) {
      for (let j = van; j < tot; j++) {
        const signal = this.laterSignalen[j]!;
        const rules = this.laterRegels[j];
        classified(
          this.laterIndex[j]!,
          rules ? this.pass.classifyWithRules(signal, model, rules, this.laterTokens.lees(j, this.modelTokens)) : this.pass.classify(signal, model),
        );
      }
    }
    this.laterSignalen.length = 0;
    this.laterIndex.length = 0;
    this.laterRegels.length = 0;
    this.laterTokens.clear();
    this.uitkomsten.clear();
    this.bewaard.clear();
    return { model, analist: this.analist, handmatig: this.handmatig };
  }
}

/** Blocks of `grootte` waiting signals, handed out one at a time. */
export interface Blokken {
  /** The next block's number; -1 when every one is taken. */
  volgende: () => number;
  grootte: number;
}

/** The blocks `blokken` hands out over `aantal` waiting signals, each as its range [van, tot), until none is left. */
export function* bereiken(blokken: Blokken, aantal: number): Generator<[van: number, tot: number]> {
  const { grootte } = blokken;
  for (let b = blokken.volgende(); b >= 0; b = blokken.volgende()) yield [b * grootte, Math.min(aantal, (b + 1) * grootte)];
}

/** Hands out block 0 once: all waiting signals in one block. */
function eenmaal(): () => number {
  let gegeven = false;
  return () => (gegeven ? -1 : ((gegeven = true), 0));
}

/**
 * The labelled texts in the inputs, for training the text model: the analyst's labels in the export (herkomst
 * analist) and review decisions that still apply (handmatig), in input order. A label 'onbekend' means undecided and
 * teaches nothing.
 */
export function trainingsvoorbeelden(
  signals: readonly Signaal[],
  beoordelingen?: Beoordelingen,
): { voorbeelden: TrainingExample[]; analist: number; handmatig: number } {
  const voorbeelden: TrainingExample[] = [];
  let analist = 0;
  let handmatig = 0;
  for (const signal of signals) {
    const label = trainingLabel(signal, geldigeBeoordeling(signal, beoordelingen));
    if (!label) continue;
    voorbeelden.push({ tekst: signal.omschrijving!, fenomeen: label.fenomeen });
    if (label.herkomst === 'handmatig') handmatig++;
    else analist++;
  }
  return { voorbeelden, analist, handmatig };
}
