// Classification while the signals are still being read: each signal is offered as the deduplicator keeps it, the
// text model trains on the labelled ones as they come (TrainingPass), the others wait for the model until the end. The
// outcome is numbers, VELDEN per signal, into one table of the distinct texts (fenomeen, herkomst, reasons), so that a
// million signals cost a few bytes each. The worker thread of parallel.ts runs it. The answer comes in parts: first
// every signal decided while reading, then the ones the model decides, DEEL at a time, so that the reading thread
// writes the classifications onto its signals while the model is still at work, instead of after it. A reading thread
// that holds the descriptions also helps with the model's work (Samenwerking): both threads take blocks of the waiting
// signals from one shared counter, each with the same model, so each signal is classified once, as one thread would.
import type { Fenomeen, Signaal } from '../domain.js';
import { bereiken, classifyWaiting, TrainingPass, type Beoordelingen, type Blokken, type Classificatie } from './classify.js';
import type { RegelUitkomst } from './rules.js';
import type { Taxonomy } from './taxonomy.js';
import { modelVanDelen, neutralFeatures, type ModelBuilder, type ModelDelen } from './tekstmodel.js';
import { groter } from '../util/groter.js';
import { TextNumbering } from '../util/text-numbering.js';

/** Numbers per classified signal. */
const VELDEN = 8;

/** In `beslist`: the signal waits for the model; its numbers come in a `voorspeld` part. */
const WACHT = -2;

/** Signals the model decides per `voorspeld` part. */
const DEEL = 16_384;

/**
 * The reading thread helps with the model's work (a `model` part) once `vanaf` signals wait: below it, building the
 * model a second time costs more than the help saves. The work goes in blocks of `blok` waiting signals: each thread
 * takes the next block when it is ready for one, so the work splits by how much time each has (the reading thread
 * also writes every classification onto its signal).
 */
export interface Samenwerking {
  vanaf: number;
  blok: number;
}

/** The blocks of `aantal` waiting signals on counter `teller`: the same on both threads. */
function gedeeldeBlokken(teller: SharedArrayBuffer, aantal: number, grootte: number): Blokken {
  const gedeeld = new Int32Array(teller);
  const blokken = Math.ceil(aantal / grootte);
  return {
    volgende: () => {
      const b = Atomics.add(gedeeld, 0, 1);
      return b < blokken ? b : -1;
    },
    grootte,
  };
}

/**
 * The parts of the worker's answer, in this order: `beslist`, possibly `model`, any number of `voorspeld`, `klaar`; or
 * only `opnieuw`.
 */
export type Antwoord =
  | {
      soort: 'beslist';
      /** VELDEN numbers per signal, in the order offered: indexes into the texts (-1: no regelSuggestie), afwijking 0/1; WACHT first for a signal that waits for the model. */
      codes: Int32Array;
      /** The texts new since the previous part; indexes count from the start of the first part. */
      teksten: string[];
    }
  | {
      /**
       * The reading thread classifies waiting signals too (classifyWaiting), with the model these counts build: it
       * would otherwise only wait while the model decides. Both threads take blocks of `grootte` waiting signals
       * from the shared counter `teller` (gedeeldeBlokken); the worker's come in `voorspeld` parts.
       */
      soort: 'model';
      model: ModelDelen;
      /** The waiting signals' numbers, in the order offered, and the rules' outcome of each. */
      nummers: Int32Array;
      regels: readonly RegelUitkomst[];
      teller: SharedArrayBuffer;
      grootte: number;
    }
  | {
      soort: 'voorspeld';
      /** Per signal the model decided, in the order offered: its number, then its VELDEN numbers. */
      codes: Int32Array;
      teksten: string[];
    }
  | { soort: 'klaar'; analist: number; handmatig: number }
  | { soort: 'opnieuw' };

/** What classification reads of a signal without a review decision: its description and label, nothing else. */
export function lichteVorm(omschrijving: string | undefined, fenomeenLabel: Fenomeen | undefined): Signaal {
  return { id: '', omschrijving, fenomeenLabel } as Signaal;
}

/** A signal whose id has a review decision: its whole content (the decision's hash reads it), not where it came from. */
export function beoordeeldeVorm(signal: Signaal): Signaal {
  const { origin: _origin, persoon: _persoon, ...inhoud } = signal;
  return inhoud as Signaal;
}

export class DoorlopendeKlassering {
  private readonly pass: TrainingPass<Classificatie>;
  /** Every distinct text of the answer once. */
  private readonly teksten = new TextNumbering();
  private codes: Int32Array;
  /** Numbers of the signals that taught the model. */
  private readonly getraind: number[] = [];
  /** Texts sent in earlier parts of the answer. */
  private verstuurd = 0;
  /** Per field of VELDEN, the text it last held and its index: consecutive signals mostly share them. */
  private readonly laatsteTekst: (string | undefined)[] = new Array(VELDEN).fill(undefined);
  private readonly laatsteIndex = new Int32Array(VELDEN);
  aantal = 0;

  /** `ruimte`: signals the first table holds; it grows by doubling (a small one lets tests see the growth). */
  constructor(
    taxonomy: Taxonomy,
    beoordelingen: Beoordelingen | undefined,
    private readonly builder: ModelBuilder,
    ruimte = 65_536,
  ) {
    this.codes = new Int32Array(VELDEN * ruimte);
    // The rules judge a waiting signal as it is offered, so the end only asks the model.
    this.pass = new TrainingPass<Classificatie>(taxonomy, beoordelingen, builder, (_signal, fields) => fields, true);
  }

  /** Signal number `aantal`: lichteVorm, or beoordeeldeVorm when a review decision names its id. */
  offer(signal: Signaal): void {
    const i = this.aantal++;
    const c = this.pass.offer(signal, i);
    if (this.pass.getraind) this.getraind.push(i);
    if (c !== undefined) this.write(i, c);
    else {
      // slot() first: it may replace this.codes by a larger array.
      const o = this.slot(i);
      this.codes[o] = WACHT;
    }
  }

  /**
   * After the last signal; `vervangen` are the numbers of offered signals that a later version replaced. A replaced
   * signal that taught the model makes the answer `opnieuw`: one thread, reading first, would not have trained on it.
   * Otherwise `stuur` gets the answer's parts (see Antwoord), each with the buffer it may hand over; the model's
   * decisions `perDeel` at a time. With `samen`, the reading thread takes blocks of the model's work as well.
   */
  einde(
    vervangen: readonly number[],
    stuur: (deel: Antwoord, overdragen?: ArrayBuffer[]) => void,
    perDeel = DEEL,
    samen?: Samenwerking,
  ): void {
    const weg = new Set(vervangen);
    if (this.getraind.some((i) => weg.has(i))) return stuur({ soort: 'opnieuw' });
    const codes = this.codes.subarray(0, this.aantal * VELDEN);
    stuur({ soort: 'beslist', codes, teksten: this.nieuweTeksten() }, [codes.buffer as ArrayBuffer]);
    const model = samen && this.pass.wachtend >= samen.vanaf ? this.builder.alsDelen() : undefined;
    let blokken: Blokken | undefined;
    if (model) {
      const { nummers, regels } = this.pass.wachtenden();
      const teller = new SharedArrayBuffer(4);
      const grootte = samen!.blok;
      blokken = gedeeldeBlokken(teller, nummers.length, grootte);
      const lijst = Int32Array.from(nummers);
      stuur({ soort: 'model', model, nummers: lijst, regels, teller, grootte }, [lijst.buffer]);
    }
    let deel = new Int32Array(perDeel * (1 + VELDEN));
    let n = 0;
    const verstuur = () => {
      stuur({ soort: 'voorspeld', codes: deel.subarray(0, n * (1 + VELDEN)), teksten: this.nieuweTeksten() }, [deel.buffer as ArrayBuffer]);
      deel = new Int32Array(perDeel * (1 + VELDEN));
      n = 0;
    };
    const { analist, handmatig } = this.pass.finish((i, c) => {
      const o = n * (1 + VELDEN);
      deel[o] = i;
      this.encode(deel, o + 1, c);
      if (++n === perDeel) verstuur();
    }, blokken);
    if (n > 0) verstuur();
    stuur({ soort: 'klaar', analist, handmatig });
  }

  /** The texts added since the last part was sent. */
  private nieuweTeksten(): string[] {
    const nieuw = this.teksten.texts.slice(this.verstuurd);
    this.verstuurd = this.teksten.texts.length;
    return nieuw;
  }

  /** The number of `tekst` in field `veld`, without the Map when the field holds the same string as last time. */
  private indexVan(veld: number, tekst: string): number {
    if (this.laatsteTekst[veld] === tekst) return this.laatsteIndex[veld]!;
    const i = this.teksten.number(tekst);
    this.laatsteTekst[veld] = tekst;
    this.laatsteIndex[veld] = i;
    return i;
  }

  /** Room for signal `i`'s numbers. */
  private slot(i: number): number {
    const o = i * VELDEN;
    if (o + VELDEN > this.codes.length) {
      this.codes = groter(this.codes, Math.max(this.codes.length * 2, o + VELDEN));
    }
    return o;
  }

  private write(i: number, c: Classificatie): void {
    // slot() first: it may replace this.codes by a larger array.
    const o = this.slot(i);
    this.encode(this.codes, o, c);
  }

  private encode(codes: Int32Array, o: number, c: Classificatie): void {
    codes[o] = this.indexVan(0, c.fenomeen);
    codes[o + 1] = this.indexVan(1, c.herkomst);
    codes[o + 2] = this.indexVan(2, c.reden);
    codes[o + 3] = this.indexVan(3, c.ernst);
    codes[o + 4] = this.indexVan(4, c.ernstReden);
    codes[o + 5] = c.afwijking ? 1 : 0;
    codes[o + 6] = c.regelSuggestie ? this.indexVan(6, c.regelSuggestie.fenomeen) : -1;
    codes[o + 7] = c.regelSuggestie ? this.indexVan(7, c.regelSuggestie.reden) : -1;
  }
}

/** What the reading thread needs to help with the model's work (an Antwoord `model`): final signal j itself. */
export interface ZelfKlasseren {
  signaal: (j: number) => Signaal;
  taxonomy: Taxonomy;
  beoordelingen: Beoordelingen | undefined;
}

type Einde = { klaar: true; analist: number; handmatig: number } | { klaar: true; opnieuw: true };

/** Reads the parts of an answer as they come, for the signals as they are after reading. */
export class KlasseringOntvanger {
  private readonly teksten: string[] = [];
  /** Per number of a suggestion's reason, the suggestion made with it last (see suggestie). */
  private readonly suggesties: NonNullable<Classificatie['regelSuggestie']>[] = [];
  /** The blocks of the model's work this thread classifies itself (a `model` part), between the worker's parts. */
  private eigen?: Promise<void>;
  /** Per signal offered, its number among the final signals; -1 when a later version replaced it. */
  private readonly positie: Int32Array;
  /** How many signals are final: each must be given once before the answer ends. */
  private readonly finals: number;
  private gegeven = 0;

  /**
   * `aantal` signals were offered, `vervangen` (ascending) of them replaced; `elk` gets the classification of each
   * final signal (numbered in order, without the replaced ones) exactly once, in the order the parts decide them.
   */
  constructor(
    aantal: number,
    vervangen: readonly number[],
    private readonly elk: (j: number, c: Classificatie) => void,
    private readonly zelf?: ZelfKlasseren,
  ) {
    this.positie = new Int32Array(aantal);
    let j = 0;
    for (let i = 0, v = 0; i < aantal; i++) {
      if (v < vervangen.length && vervangen[v] === i) {
        this.positie[i] = -1;
        v++;
      } else this.positie[i] = j++;
    }
    this.finals = j;
  }

  /**
   * One part; after `klaar` the training counts (once this thread's own blocks are done too), after `opnieuw`
   * undefined, after the others nothing yet.
   */
  ontvang(deel: Antwoord): Einde | Promise<Einde> | undefined {
    if (deel.soort === 'opnieuw') return { klaar: true, opnieuw: true };
    if (deel.soort === 'klaar') {
      const einde = (): Einde => {
        if (this.gegeven !== this.finals) throw new Error(`classification answer covered ${this.gegeven} of ${this.finals} signals`);
        return { klaar: true, analist: deel.analist, handmatig: deel.handmatig };
      };
      return this.eigen ? this.eigen.then(einde) : einde();
    }
    if (deel.soort === 'model') {
      if (!this.zelf) throw new Error('classification answer handed over signals this thread cannot classify');
      this.eigen = this.klasseerZelf(deel, this.zelf);
      // A failure is reported with `klaar`; until then it must not count as unhandled.
      this.eigen.catch(() => undefined);
      return undefined;
    }
    for (const t of deel.teksten) this.teksten.push(t);
    const { codes } = deel;
    if (deel.soort === 'beslist') {
      for (let i = 0; i < this.positie.length; i++) if (codes[i * VELDEN] !== WACHT) this.geef(i, codes, i * VELDEN);
    } else {
      for (let o = 0; o < codes.length; o += 1 + VELDEN) this.geef(codes[o]!, codes, o + 1);
    }
    return undefined;
  }

  /** Blocks of the model's work while the worker leaves any, one at a time: the worker's parts are read in between. */
  private async klasseerZelf(deel: Extract<Antwoord, { soort: 'model' }>, zelf: ZelfKlasseren): Promise<void> {
    const model = modelVanDelen(deel.model, neutralFeatures(zelf.taxonomy));
    const klasseer = classifyWaiting(zelf.taxonomy, zelf.beoordelingen);
    const { nummers, regels } = deel;
    for (const [van, tot] of bereiken(gedeeldeBlokken(deel.teller, nummers.length, deel.grootte), nummers.length)) {
      for (let k = van; k < tot; k++) {
        const j = this.positie[nummers[k]!]!;
        if (j < 0) continue;
        this.gegeven++;
        this.elk(j, klasseer(zelf.signaal(j), model, regels[k]!));
      }
      await new Promise((verder) => setImmediate(verder));
    }
  }

  private geef(i: number, codes: Int32Array, o: number): void {
    const j = this.positie[i]!;
    if (j < 0) return;
    const teksten = this.teksten;
    // The key order of classifyWith's objects, so every JSON output is the same as one thread's.
    const fields: Classificatie = {
      fenomeen: teksten[codes[o]!] as Fenomeen,
      herkomst: teksten[codes[o + 1]!] as Classificatie['herkomst'],
      reden: teksten[codes[o + 2]!]!,
      ernst: teksten[codes[o + 3]!] as Classificatie['ernst'],
      ernstReden: teksten[codes[o + 4]!]!,
      afwijking: codes[o + 5] === 1,
    };
    if (codes[o + 6]! >= 0) fields.regelSuggestie = this.suggestie(codes[o + 6]!, codes[o + 7]!);
    this.gegeven++;
    this.elk(j, fields);
  }

  /** The rules' suggestion of these texts: one object per distinct suggestion, which every signal with it keeps. */
  private suggestie(fenomeenTekst: number, redenTekst: number): NonNullable<Classificatie['regelSuggestie']> {
    const fenomeen = this.teksten[fenomeenTekst] as Fenomeen;
    const eerder = this.suggesties[redenTekst];
    if (eerder !== undefined && eerder.fenomeen === fenomeen) return eerder;
    return (this.suggesties[redenTekst] = { fenomeen, reden: this.teksten[redenTekst]! });
  }
}
