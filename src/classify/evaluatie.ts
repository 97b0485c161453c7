// Measuring the classification on labelled texts: k-fold cross-validation of the text model, the rules alone, the model
// alone and both together; per fenomeen precision, recall and F1, a confusion matrix and the abstention rate.
// A label `onbekend` is a negative (the text belongs to no fenomeen); a prediction `onbekend` is an abstention.
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { FENOMENEN, type Fenomeen } from '../domain.js';
import { CterError } from '../util/errors.js';
import { evaluate } from './rules.js';
import {
  buildModel,
  drempelVoor,
  modelSettings,
  modelVeto,
  modelVingerafdruk,
  neutralFeatures,
  type ModelFile,
  type ModelSettings,
  type TrainingExample,
} from './tekstmodel.js';
import type { Taxonomy } from './taxonomy.js';
import { decimalComma } from '../present/getal.js';

const METHODES = ['regels', 'model', 'beide'] as const;
export type Method = (typeof METHODES)[number];

/** One labelled text and what each method said; the model's proposal before its threshold. */
export interface Prediction {
  label: Fenomeen;
  regel: Fenomeen;
  /** The rules' score when conclusive, else 0. */
  regelScore: number;
  model: { fenomeen: Fenomeen; kans: number };
  /** The fenomeen the rules lean to without concluding (RegelUitkomst.voorkeur). */
  voorkeur: Fenomeen | undefined;
  /** The description judges the signal harmless: the model proposes nothing (RegelUitkomst.onschuldig). */
  onschuldig: boolean;
  /** The model's fenomeen is closed to it for this text: its modelAlleenMet words are missing. */
  gesloten: boolean;
}

/** The settings that turn the predictions into an outcome: the model's threshold and its veto on weak rules. */
export type DecisionRules = Pick<ModelSettings, 'drempel' | 'drempelMetSteun' | 'vetoKans' | 'vetoOnder'>;

interface FenomeenMaat {
  fenomeen: Fenomeen;
  /** Labelled with this fenomeen. */
  aantal: number;
  voorspeld: number;
  juist: number;
  precisie: number | null;
  recall: number | null;
  f1: number | null;
}

export interface Measurement {
  methode: Method;
  aantal: number;
  juist: number;
  /** Share of all labelled texts classified right (an abstention on a negative is right). */
  nauwkeurigheid: number;
  /** Share of the texts with a fenomeen label on which the method abstained. */
  onthouding: number;
  /** Negatives (label onbekend) that got a fenomeen. */
  negatiefGeforceerd: number;
  negatieven: number;
  perFenomeen: FenomeenMaat[];
  /** Confusion matrix: label -> predicted -> count, only the fenomenen that occur. */
  verwarring: { fenomenen: Fenomeen[]; rijen: number[][] };
}

/** The prediction of a method for one text, with the model's threshold and veto applied (as classifySignal does). */
function uitkomst(v: Prediction, methode: Method, b: DecisionRules): Fenomeen {
  const model = v.model.fenomeen !== 'onbekend' && v.model.kans >= b.drempel ? v.model.fenomeen : 'onbekend';
  if (methode === 'regels') return v.regel;
  if (methode === 'model') return model;
  if (v.regel === 'onbekend') {
    if (v.onschuldig || v.gesloten || v.model.fenomeen === 'onbekend') return 'onbekend';
    return v.model.kans >= drempelVoor(b, v.model.fenomeen, v.voorkeur) ? v.model.fenomeen : 'onbekend';
  }
  return modelVeto(b, v.regelScore, v.model) ? 'onbekend' : v.regel;
}

const deel = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function measure(voorspellingen: readonly Prediction[], methode: Method, b: DecisionRules): Measurement {
  const paren = voorspellingen.map((v) => ({ label: v.label, voorspeld: uitkomst(v, methode, b) }));
  const fenomenen = FENOMENEN.filter((f) => paren.some((p) => p.label === f || p.voorspeld === f));
  const index = new Map(fenomenen.map((f, i) => [f, i]));
  const rijen = fenomenen.map(() => new Array<number>(fenomenen.length).fill(0));
  for (const p of paren) rijen[index.get(p.label)!]![index.get(p.voorspeld)!]!++;
  const juist = paren.filter((p) => p.label === p.voorspeld).length;
  const positief = paren.filter((p) => p.label !== 'onbekend');
  const negatief = paren.filter((p) => p.label === 'onbekend');
  const perFenomeen = fenomenen
    .filter((f) => f !== 'onbekend')
    .map((f): FenomeenMaat => {
      const aantal = paren.filter((p) => p.label === f).length;
      const voorspeld = paren.filter((p) => p.voorspeld === f).length;
      const goed = paren.filter((p) => p.label === f && p.voorspeld === f).length;
      const precisie = deel(goed, voorspeld);
      const recall = deel(goed, aantal);
      const f1 = precisie === null || recall === null || precisie + recall === 0 ? null : (2 * precisie * recall) / (precisie + recall);
      return { fenomeen: f, aantal, voorspeld, juist: goed, precisie, recall, f1 };
    });
  return {
    methode,
    aantal: paren.length,
    juist,
    nauwkeurigheid: paren.length === 0 ? 0 : juist / paren.length,
    onthouding: positief.length === 0 ? 0 : positief.filter((p) => p.voorspeld === 'onbekend').length / positief.length,
    negatiefGeforceerd: negatief.filter((p) => p.voorspeld !== 'onbekend').length,
    negatieven: negatief.length,
    perFenomeen,
    verwarring: { fenomenen, rijen },
  };
}

/** The rules' and a model's predictions for labelled texts; the model has not seen these texts. */
export function predict(
  voorbeelden: readonly TrainingExample[],
  taxonomy: Taxonomy,
  model: { voorstel(text: string): { fenomeen: Fenomeen; kans: number } },
): Prediction[] {
  return voorbeelden.map((v) => {
    const regels = evaluate(v.tekst, taxonomy.regels);
    const m = model.voorstel(v.tekst);
    return {
      label: v.fenomeen,
      regel: regels.zeker ? regels.fenomeen : 'onbekend',
      regelScore: regels.score,
      model: { fenomeen: m.fenomeen, kans: m.kans },
      voorkeur: regels.voorkeur,
      onschuldig: regels.onschuldig !== undefined,
      gesloten: regels.modelGesloten?.includes(m.fenomeen) ?? false,
    };
  });
}

/**
 * k-fold cross-validation: each fold is predicted by a model trained on the base model (if any) plus the other folds,
 * with the base model's settings unless others are given. Folds are assigned round-robin in input order, so the
 * outcome is deterministic.
 */
export function crossValidate(
  voorbeelden: readonly TrainingExample[],
  taxonomy: Taxonomy,
  basis: ModelFile | undefined,
  k: number,
  instellingen?: Partial<ModelSettings>,
): Prediction[] {
  const result: Prediction[] = new Array(voorbeelden.length);
  const folds = Math.max(2, Math.min(k, voorbeelden.length));
  const negeer = neutralFeatures(taxonomy);
  for (let fold = 0; fold < folds; fold++) {
    const train = voorbeelden.filter((_, i) => i % folds !== fold);
    const test = voorbeelden.map((v, i) => [v, i] as const).filter(([, i]) => i % folds === fold);
    const model = buildModel(basis, train, { ...instellingen, drempel: 0 }, negeer);
    const predicted = predict(
      test.map(([v]) => v),
      taxonomy,
      model,
    );
    test.forEach(([, i], j) => (result[i] = predicted[j]!));
  }
  return result;
}

/** Cross-validations made in this process, by the fingerprint of everything their predictions depend on. */
const GEMETEN = new Map<string, readonly Prediction[]>();
/** Enough for the labelled sets one process measures (a test worker runs many commands on a few workspaces). */
const GEMETEN_MAX = 8;

/**
 * The fingerprint of a cross-validation: the labelled texts and their order, the taxonomy (its rules and neutral words
 * are compiled from the definition), the base model's counts and settings, k and the settings asked for.
 */
function vingerafdruk(
  voorbeelden: readonly TrainingExample[],
  taxonomy: Taxonomy,
  basis: ModelFile | undefined,
  k: number,
  instellingen: Partial<ModelSettings> | undefined,
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([k, instellingen ?? null, taxonomy.definitie]));
  hash.update('\0');
  hash.update(basis === undefined ? 'geen basis' : modelVingerafdruk(basis));
  for (const v of voorbeelden) hash.update(`\0${v.fenomeen}\0${v.tekst}`);
  return hash.digest('hex');
}

/**
 * crossValidate, made once per process for the same inputs: the same labelled set, taxonomy, base model and settings
 * give the same predictions (the folds are deterministic), so a second report, or a second command in the same
 * process, reuses them. The figures are exactly those of a new cross-validation.
 */
function crossValidateOnce(
  voorbeelden: readonly TrainingExample[],
  taxonomy: Taxonomy,
  basis: ModelFile | undefined,
  k: number,
  instellingen?: Partial<ModelSettings>,
): readonly Prediction[] {
  const key = vingerafdruk(voorbeelden, taxonomy, basis, k, instellingen);
  let cv = GEMETEN.get(key);
  if (cv === undefined) {
    cv = crossValidate(voorbeelden, taxonomy, basis, k, instellingen);
    if (GEMETEN.size >= GEMETEN_MAX) GEMETEN.delete(GEMETEN.keys().next().value!);
    GEMETEN.set(key, cv);
  }
  return cv;
}

/** Candidate thresholds, from permissive to strict. */
const DREMPELS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.975, 0.99];

/**
 * What a negative forced into a fenomeen costs, counted in missed cases: "cter gokt niet" comes first. Fifteen: with
 * twenty, the chosen settings fell below 90% right on development parts held out one writer at a time (2026-11-30);
 * with ten they forced more negatives for little gain.
 */
const KOSTEN_GEFORCEERD = 15;

/** The cost of a method's outcome on cross-validated predictions: a miss or a wrong fenomeen 1, a forced negative more. */
function kosten(voorspellingen: readonly Prediction[], b: DecisionRules): number {
  let cost = 0;
  for (const v of voorspellingen) {
    const u = uitkomst(v, 'beide', b);
    if (u !== v.label) cost += v.label === 'onbekend' ? KOSTEN_GEFORCEERD : 1;
  }
  return cost;
}

/**
 * The thresholds and veto that cost least on cross-validated predictions of both together; on equal cost the stricter
 * threshold wins (then the stricter one with the rules' support), then the first veto candidate (no veto first).
 */
function kiesBeslisregels(voorspellingen: readonly Prediction[]): DecisionRules & { kosten: number } {
  let best: DecisionRules & { kosten: number } = { drempel: 1, drempelMetSteun: 1, vetoKans: null, vetoOnder: 0, kosten: Infinity };
  for (const vetoOnder of KANDIDATEN.vetoOnder) {
    for (const vetoKans of KANDIDATEN.vetoKans) {
      if (vetoKans === null && vetoOnder !== KANDIDATEN.vetoOnder[0]) continue;
      for (const drempel of DREMPELS) {
        for (const drempelMetSteun of DREMPELS.filter((d) => d <= drempel)) {
          const b = { drempel, drempelMetSteun, vetoKans, vetoOnder: vetoKans === null ? 0 : vetoOnder };
          const cost = kosten(voorspellingen, b);
          const strenger = drempel > best.drempel || (drempel === best.drempel && drempelMetSteun > best.drempelMetSteun);
          if (cost < best.kosten || (cost === best.kosten && strenger)) best = { ...b, kosten: cost };
        }
      }
    }
  }
  return best;
}

/** Candidate settings of the model, searched together with the threshold. */
const KANDIDATEN = {
  alpha: [0.1, 0.25, 0.5],
  temperatuur: [1, 2, 3],
  paarGewicht: [0, 0.25, 0.5],
  /** No veto, or the model's probability of 'no fenomeen' that stops a weak rule. */
  vetoKans: [null, 0.5, 0.6, 0.7, 0.8, 0.9],
  /**
   * A conclusion of the rules is weak below this score (2,5: one term of weight 2; 3,5: also one of weight 3; 5: also
   * two terms, such as a loaded word and a weak one beside it; 8: a few loaded words in a harmless text).
   */
  vetoOnder: [2.5, 3.5, 5, 8],
} as const;

/**
 * The model settings (smoothing, temperature, pair weight, threshold, veto) that cost least on k-fold cross-validation
 * of rules and model together; on equal cost the first candidate in a fixed order wins (deterministic).
 * @public used by scripts/tekstmodel.mjs (through dist/).
 */
export function chooseSettings(voorbeelden: readonly TrainingExample[], taxonomy: Taxonomy, k: number): ModelSettings {
  let best: ModelSettings | undefined;
  let bestCost = Infinity;
  for (const alpha of KANDIDATEN.alpha) {
    for (const temperatuur of KANDIDATEN.temperatuur) {
      for (const paarGewicht of KANDIDATEN.paarGewicht) {
        const cv = crossValidate(voorbeelden, taxonomy, undefined, k, { alpha, temperatuur, paarGewicht });
        const { kosten: cost, ...beslis } = kiesBeslisregels(cv);
        if (cost < bestCost) {
          bestCost = cost;
          best = { alpha, temperatuur, paarGewicht, ...beslis };
        }
      }
    }
  }
  return best!;
}

/** A development part of the evaluation corpus: ontwikkel.csv, ontwikkel-2.csv, ... (test.csv is never one). */
const ONTWIKKELDEEL = /^ontwikkel(?:-(\d+))?\.csv$/;

/**
 * The development parts among these file names, in their numbered order (ontwikkel.csv first): the base model and the
 * tests read the same parts in the same order.
 * @public used by scripts/tekstmodel.mjs (through dist/).
 */
export function developmentParts(bestanden: readonly string[]): string[] {
  const nummer = (f: string) => Number(ONTWIKKELDEEL.exec(f)?.[1] ?? 1);
  return bestanden.filter((f) => ONTWIKKELDEEL.test(f)).sort((a, b) => nummer(a) - nummer(b));
}

/** A labelled evaluation file: header id,bron,omschrijving,fenomeen (the corpus in tests/fixtures/classify/evaluatie). */
export function readEvaluationSet(
  csv: string,
  bestand: string,
  label: (tekst: string) => Fenomeen | undefined,
): (TrainingExample & { id: string; bron: string })[] {
  const rows = parse(csv, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((row, i) => {
    const fenomeen = row.fenomeen === undefined ? undefined : label(row.fenomeen);
    if (fenomeen === undefined || row.omschrijving === undefined || row.id === undefined) {
      throw new CterError(`${bestand}: record ${i + 1}: verwacht id, omschrijving en een bekend fenomeen`);
    }
    return { id: row.id, bron: row.bron ?? '', tekst: row.omschrijving, fenomeen };
  });
}

/** The result of `cter classificeer --evalueer`. */
export interface Evaluation {
  /** Labelled signals used: the analyst's labels and review decisions in the inputs. */
  gelabeld: number;
  analist: number;
  handmatig: number;
  vouwen: number;
  drempel: number;
  drempelMetSteun: number;
  /** The model stops a conclusion of the rules below vetoOnder at this probability of 'no fenomeen'; null: never. */
  vetoKans: number | null;
  vetoOnder: number;
  metingen: Measurement[];
}

/** k-fold cross-validation of rules, model and both on the labelled texts (base model plus the other folds). */
export function evaluateClassifier(
  voorbeelden: readonly TrainingExample[],
  taxonomy: Taxonomy,
  basis: ModelFile | undefined,
  k: number,
  herkomst: { analist: number; handmatig: number },
): Evaluation {
  const instellingen = modelSettings(basis);
  const { drempel, drempelMetSteun, vetoKans, vetoOnder } = instellingen;
  const cv = voorbeelden.length < 2 ? [] : crossValidateOnce(voorbeelden, taxonomy, basis, k);
  return {
    gelabeld: voorbeelden.length,
    ...herkomst,
    vouwen: Math.max(2, Math.min(k, voorbeelden.length)),
    drempel,
    drempelMetSteun,
    vetoKans,
    vetoOnder,
    metingen: METHODES.map((m) => measure(cv, m, instellingen)),
  };
}

const procent = (n: number | null) => (n === null ? '–' : `${(n * 100).toFixed(1).replace('.', ',')}%`);

function kolommen(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd());
}

const METHODE_NAAM: Record<Method, string> = { regels: 'alleen regels', model: 'alleen model', beide: 'regels en model' };

/** The evaluation as text for people (stdout of `cter classificeer --evalueer`). */
export function evaluationText(e: Evaluation): string {
  const lines = [
    `Evaluatie op ${e.gelabeld} gelabelde signalen (labels van de analist ${e.analist}, beoordelingen ${e.handmatig}); ` +
      `${e.vouwen}-voudige kruisvalidatie; het model stelt een fenomeen voor vanaf kans ${decimalComma(e.drempel)}` +
      (e.drempelMetSteun < e.drempel ? ` (${decimalComma(e.drempelMetSteun)} als de regels zwak hetzelfde fenomeen aanwijzen)` : '') +
      (e.vetoKans === null
        ? '.'
        : ` en houdt een regel met score onder ${decimalComma(e.vetoOnder)} tegen vanaf kans ${decimalComma(e.vetoKans)} op geen fenomeen.`),
    '',
    ...kolommen([
      ['methode', 'juist', 'nauwkeurigheid', 'onthouding'],
      ...e.metingen.map((m) => [METHODE_NAAM[m.methode], `${m.juist}/${m.aantal}`, procent(m.nauwkeurigheid), procent(m.onthouding)]),
    ]),
  ];
  for (const m of e.metingen) {
    lines.push('', `${METHODE_NAAM[m.methode]}:`);
    lines.push(
      ...kolommen([
        ['fenomeen', 'gelabeld', 'voorspeld', 'juist', 'precisie', 'recall', 'F1'],
        ...m.perFenomeen.map((f) => [
          f.fenomeen,
          String(f.aantal),
          String(f.voorspeld),
          String(f.juist),
          procent(f.precisie),
          procent(f.recall),
          procent(f.f1),
        ]),
      ]).map((l) => `  ${l}`),
    );
    const { fenomenen, rijen } = m.verwarring;
    lines.push('  verwarringsmatrix (rij: label, kolom: uitkomst; onbekend = onthouden):');
    lines.push(
      ...kolommen([['label \\ uitkomst', ...fenomenen], ...rijen.map((r, i) => [fenomenen[i]!, ...r.map(String)])]).map(
        (l) => `  ${l}`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
