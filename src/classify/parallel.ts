// Classification on the second core while the first one reads: the signals go to a worker thread
// (classify-worker.ts) in batches as the deduplicator keeps them, and the worker classifies them as they come
// (DoorlopendeKlassering), exactly as classifyAndTrain does in one thread. What crosses the thread boundary is small:
// of a signal only its description and label (its whole content only when a review decision names its id, whose
// content hash decides whether that decision applies); back come eight numbers per signal into one table of the
// distinct texts (fenomeen, herkomst, reasons), so equal reasons stay one string on this side too. At the end, while
// the model decides the signals that waited for it, this thread takes blocks of that work too (see doorlopend.ts).
// The result is the same as one thread's: the worker trains on the same labelled signals in the same order. The one
// case it cannot follow, a labelled signal that a later version with other content replaces (it was trained on
// before the replacement was known), is answered with `opnieuw`: the caller then classifies in one thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Fenomeen, Signaal } from '../domain.js';
import type { Beoordelingen, Classificatie } from './classify.js';
import { beoordeeldeVorm, KlasseringOntvanger, type Antwoord, type Samenwerking } from './doorlopend.js';
import type { LoadTaxonomyOptions, Taxonomy } from './taxonomy.js';

/** A batch of kept signals, numbered from `start` in the order the deduplicator kept them. */
export interface Partij {
  soort: 'partij';
  start: number;
  omschrijvingen: (string | undefined)[];
  labels: (Fenomeen | undefined)[];
  /** Signals whose id has a review decision: their position in the batch and their whole content. */
  beoordeeld: [number, Signaal][];
}

/**
 * No more signals; `vervangen` are the numbers of kept signals that a later version replaced. With `samen` the
 * reading thread helps with the model's work (it holds the signals' descriptions).
 */
export interface Einde {
  soort: 'einde';
  vervangen: number[];
  samen?: Samenwerking;
}

/** After each batch: how many signals the worker has taken in, so that reading can wait for it (backpressure). */
export interface Verwerkt {
  soort: 'verwerkt';
  tot: number;
}

export interface WorkerStart {
  taxonomie: LoadTaxonomyOptions;
  /** The taxonomy's sources as the main thread read them: the worker checks it reads the same files. */
  bronnen: string[];
  beoordelingen: [string, ReturnType<Beoordelingen['get']> & object][];
}

/** The compiled worker; absent when cter runs from its TypeScript sources (the tests), which then use one thread. */
const WORKER = new URL('./classify-worker.js', import.meta.url);

/** Signals per message: large enough that messaging costs little, small enough that the worker starts early. */
const PARTIJ = 4096;

/**
 * Signals sent but not yet taken in by the worker before reading pauses: when the worker falls behind (a busy machine,
 * long texts), waiting batches would otherwise pile up in memory.
 */
const ACHTERSTAND = 16 * PARTIJ;

/**
 * Below this many bytes of input a second thread costs more than it saves (starting it reads the taxonomy and the
 * base model again, about 0.1 s).
 */
export const PARALLEL_VANAF_BYTES = 2_000_000;

export function parallelBeschikbaar(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

/** When the reading thread helps with the model's work at the end (it has the descriptions). */
const SAMEN: Samenwerking = { vanaf: 50_000, blok: 2048 };

/** What the worker's training counted: labels of the analyst and review decisions it learnt from. */
export interface Uitkomst {
  analist: number;
  handmatig: number;
}

export class ParallelClassificatie {
  private readonly worker: Worker;
  /** Settles with the answer's end: the training counts, or undefined (`opnieuw`). */
  private readonly antwoord: Promise<Uitkomst | undefined>;
  /** Reads the answer's parts; set by finish(). */
  private ontvanger?: KlasseringOntvanger;
  /** Parts that came before finish() (einde() was called earlier): read once the receiver is there. */
  private readonly vroeg: Antwoord[] = [];
  /** What einde() told the worker (undefined: not sent yet): whether this thread helps with the model's work. */
  private eindeMetSignalen?: boolean;
  private partij: Partij;
  private aantal = 0;
  /** Signals the worker has taken in. */
  private verwerkt = 0;
  /** While reading waits for the worker: the pause and how to end it. */
  private pauze?: { klaar: Promise<void>; verder: () => void };
  private beeindigd = false;
  /** Settles `antwoord`. */
  private beantwoord!: { resolve: (u: Uitkomst | undefined) => void; reject: (err: Error) => void };

  constructor(
    taxonomie: LoadTaxonomyOptions,
    private readonly taxonomy: Taxonomy,
    private readonly beoordelingen: Beoordelingen | undefined,
    /** When this thread helps with the model's work, if finish() can give it the signals (tests set it). */
    private readonly samen = SAMEN,
  ) {
    const start: WorkerStart = {
      taxonomie,
      bronnen: taxonomy.bronnen.map((b) => b.sha256),
      beoordelingen: [...(beoordelingen ?? new Map())],
    };
    this.worker = new Worker(WORKER, { workerData: start });
    this.antwoord = new Promise<Uitkomst | undefined>((resolve, reject) => {
      this.beantwoord = { resolve, reject };
      this.worker.on('message', (bericht: Antwoord | Verwerkt) => {
        if (bericht.soort === 'verwerkt') {
          this.verwerkt = bericht.tot;
          if (this.aantal - this.verwerkt <= ACHTERSTAND / 2) this.hervat();
          return;
        }
        if (this.ontvanger) this.lees(bericht);
        else this.vroeg.push(bericht);
      });
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`classification worker stopped with code ${code}`)));
    });
    // A stopped worker must not leave reading paused: the answer's failure is reported by finish(). Handling it here
    // also keeps a failure before the answer is awaited from surfacing as an unhandled rejection.
    this.antwoord.then(
      () => this.hervat(),
      () => this.hervat(),
    );
    this.partij = this.nieuwePartij();
  }

  private nieuwePartij(): Partij {
    return { soort: 'partij', start: this.aantal, omschrijvingen: [], labels: [], beoordeeld: [] };
  }

  /** A signal the deduplicator kept (new, or replacing an earlier version), in the order kept. */
  feed(signal: Signaal): void {
    const p = this.partij;
    if (this.beoordelingen?.has(signal.id)) p.beoordeeld.push([p.omschrijvingen.length, beoordeeldeVorm(signal)]);
    p.omschrijvingen.push(signal.omschrijving);
    p.labels.push(signal.fenomeenLabel);
    this.aantal++;
    if (p.omschrijvingen.length === PARTIJ) this.verstuur();
  }

  /** A promise while the worker is too far behind: reading then waits for it. */
  wacht(): Promise<void> | undefined {
    if (this.aantal - this.verwerkt <= ACHTERSTAND || this.beeindigd) return undefined;
    if (!this.pauze) {
      let verder!: () => void;
      const klaar = new Promise<void>((resolve) => (verder = resolve));
      this.pauze = { klaar, verder };
    }
    return this.pauze.klaar;
  }

  private hervat(): void {
    this.pauze?.verder();
    this.pauze = undefined;
  }

  private verstuur(): void {
    if (this.partij.omschrijvingen.length === 0) return;
    this.worker.postMessage(this.partij);
    this.partij = this.nieuwePartij();
  }

  private lees(bericht: Antwoord): void {
    const { resolve, reject } = this.beantwoord;
    try {
      const einde = this.ontvanger!.ontvang(bericht);
      if (!einde) return;
      Promise.resolve(einde).then((e) => resolve('opnieuw' in e ? undefined : { analist: e.analist, handmatig: e.handmatig }), reject);
    } catch (err) {
      reject(err as Error);
    }
  }

  /**
   * No more signals: the worker builds the model and answers, while reading still does its bookkeeping. `vervangen`
   * as for finish(), which must follow (with the signals when `metSignalen`); without this call, finish() sends it.
   */
  einde(vervangen: readonly number[], metSignalen: boolean): void {
    if (this.eindeMetSignalen !== undefined) return;
    this.verstuur();
    this.eindeMetSignalen = metSignalen;
    const einde: Einde = { soort: 'einde', vervangen: [...vervangen], ...(metSignalen && { samen: this.samen }) };
    this.worker.postMessage(einde);
  }

  /**
   * After the last signal: `vervangen` are the numbers (in the order fed, ascending) of the signals a later version
   * replaced; the others are the final signals, and `elk` gets the classification of each of them (numbered in order,
   * without the replaced ones) once, as the answer's parts arrive: those decided while reading first, then those the
   * model decides. Undefined, before any `elk`, when the worker cannot give one thread's result (see the top of this
   * file). `signaal` gives final signal j as read (with its description): this thread then helps with the model's work.
   */
  async finish(
    vervangen: readonly number[],
    elk: (j: number, c: Classificatie) => void,
    signaal?: (j: number) => Signaal,
  ): Promise<Uitkomst | undefined> {
    this.einde(vervangen, signaal !== undefined);
    // einde() told the worker before whether this thread helps; it can only do so with the signals.
    const zelf = this.eindeMetSignalen && signaal ? { signaal, taxonomy: this.taxonomy, beoordelingen: this.beoordelingen } : undefined;
    this.ontvanger = new KlasseringOntvanger(this.aantal, vervangen, elk, zelf);
    for (const bericht of this.vroeg.splice(0)) this.lees(bericht);
    try {
      return await this.antwoord;
    } finally {
      this.beeindig();
    }
  }

  /** Stops the worker (also when reading failed); safe to call more than once. */
  beeindig(): void {
    if (this.beeindigd) return;
    this.beeindigd = true;
    this.hervat();
    void this.worker.terminate();
  }
}
