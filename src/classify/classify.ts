// The classification pass: each signal gets a fenomeen with its provenance (herkomst) and reason, and an ernst.
// Precedence: a review decision for this exact content (handmatig) > the analyst's label in the export (analist) >
// the rules (regel) > the text model where the rules abstain (model) > nothing conclusive (geen, fenomeen onbekend).
// The one exception: a weak conclusion of the rules (below the model's vetoOnder) gives way to a model that is sure
// the text belongs to no fenomeen (vetoKans); the signal stays onbekend. The rules' own view is kept as regelSuggestie.
import { createHash } from 'node:crypto';
import type { Ernst, Fenomeen, GeclassificeerdSignaal, Signaal } from '../domain.js';
import { evaluate, getal, type RegelUitkomst } from './rules.js';
import { fenomeenLabel, type Taxonomy } from './taxonomy.js';
import { modelVeto, type TextModel, type TrainingExample } from './tekstmodel.js';

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

type Classificatie = Omit<GeclassificeerdSignaal, keyof Signaal>;

/** How a classification joins its signal: as a copy, or written onto the signal itself. */
type Merge = (signal: Signaal, fields: Classificatie) => GeclassificeerdSignaal;

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
const inPlace: Merge = (signal, fields) => Object.assign(signal, fields);

function classifyWith(
  signal: Signaal,
  taxonomy: Taxonomy,
  beoordelingen: Beoordelingen | undefined,
  rules: RegelUitkomst,
  model: TextModel | undefined,
  classified: Merge = copied,
): GeclassificeerdSignaal {
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

  // 'onbekend' as a label means the analyst did not decide; the rules may.
  if (signal.fenomeenLabel && signal.fenomeenLabel !== 'onbekend') {
    const afwijking = rules.zeker && rules.fenomeen !== signal.fenomeenLabel;
    const reden = `analist: label '${fenomeenLabel(taxonomy, signal.fenomeenLabel)}' in de export${
      afwijking ? `; afwijking: de regels wijzen op ${rules.fenomeen}` : ''
    }`;
    return classified(signal, {
      fenomeen: signal.fenomeenLabel,
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
    const voorstel = model.voorstel(signal.omschrijving);
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
  if (!rules.zeker && model && signal.omschrijving) {
    // The rules abstain: the text model may propose a fenomeen; the rules' reason stays as regelSuggestie.
    const voorstel = model.voorstel(signal.omschrijving);
    if (voorstel.zeker) {
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
    return classified(signal, {
      fenomeen: rules.fenomeen,
      herkomst: 'geen',
      reden: `${rules.reden}; ${voorstel.reden}${verlopen}`,
      ernst: rules.ernst,
      ernstReden: rules.ernstReden,
      afwijking: false,
    });
  }
  return classified(signal, {
    fenomeen: rules.fenomeen,
    herkomst: rules.zeker ? 'regel' : 'geen',
    reden: verlopen ? rules.reden + verlopen : rules.reden,
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
  return classifyWith(signal, taxonomy, beoordelingen, evaluate(signal.omschrijving, taxonomy.regels), model);
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

/**
 * As classifySignals, but each signal object itself receives its classification and is returned as the classified
 * signal: for the pipeline, which holds no other use of the unclassified signals. Same results, same key order.
 */
export function classifySignalsInPlace(
  signals: readonly Signaal[],
  taxonomy: Taxonomy,
  beoordelingen?: Beoordelingen,
  model?: TextModel,
): GeclassificeerdSignaal[] {
  return classifyAll(signals, taxonomy, beoordelingen, model, inPlace);
}

function classifyAll(
  signals: readonly Signaal[],
  taxonomy: Taxonomy,
  beoordelingen: Beoordelingen | undefined,
  model: TextModel | undefined,
  merge: Merge,
): GeclassificeerdSignaal[] {
  const memo = new Map<string, RegelUitkomst>();
  // Equal reasons share one string: reasons are built per signal (the analyst's) or per distinct text (the rules'),
  // and a million signals with a handful of distinct reasons would otherwise hold a million copies (300 MB, measured).
  const redenen = new Map<string, string>();
  const shared = (text: string): string => {
    const earlier = redenen.get(text);
    if (earlier !== undefined) return earlier;
    if (redenen.size < MEMO_LIMIT) redenen.set(text, text);
    return text;
  };
  const out: GeclassificeerdSignaal[] = new Array(signals.length);
  for (let i = 0; i < signals.length; i++) {
    const signal = signals[i]!;
    const text = signal.omschrijving ?? '';
    let rules = memo.get(text);
    if (!rules) {
      rules = evaluate(text, taxonomy.regels);
      if (memo.size < MEMO_LIMIT) memo.set(text, rules);
    }
    const c = classifyWith(signal, taxonomy, beoordelingen, rules, model, merge);
    c.reden = shared(c.reden);
    c.ernstReden = shared(c.ernstReden);
    if (c.regelSuggestie) c.regelSuggestie.reden = shared(c.regelSuggestie.reden);
    out[i] = c;
  }
  return out;
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
    if (!signal.omschrijving) continue;
    const beoordeling = beoordelingen?.get(signal.id);
    if (beoordeling && beoordeling.fenomeen !== 'onbekend' && beoordeling.hash === signalContentHash(signal)) {
      voorbeelden.push({ tekst: signal.omschrijving, fenomeen: beoordeling.fenomeen });
      handmatig++;
    } else if (signal.fenomeenLabel && signal.fenomeenLabel !== 'onbekend') {
      voorbeelden.push({ tekst: signal.omschrijving, fenomeen: signal.fenomeenLabel });
      analist++;
    }
  }
  return { voorbeelden, analist, handmatig };
}
