// Classification on the second core while the first one reads: the signals go to a worker thread
// (classify-worker.ts) in batches as the deduplicator keeps them, and the worker trains the text model and classifies
// with TrainingPass, exactly as classifyAndTrain does in one thread. What crosses the thread boundary is small: of a
// signal only its description and label (its whole content only when a review decision names its id, whose content
// hash decides whether that decision applies); back come eight numbers per signal into one table of the distinct
// texts (fenomeen, herkomst, reasons), so equal reasons stay one string on this side too.
// The result is the same as one thread's: the worker trains on the same labelled signals in the same order. The one
// case it cannot follow, a labelled signal that a later version with other content replaces (it was trained on
// before the replacement was known), is answered with `opnieuw`: the caller then classifies in one thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Fenomeen, Signaal } from '../domain.js';
import type { Beoordelingen, Classificatie } from './classify.js';
import type { LoadTaxonomyOptions, Taxonomy } from './taxonomy.js';

/** Numbers per classified signal in the worker's answer. */
export const VELDEN = 8;

/** A batch of kept signals, numbered from `start` in the order the deduplicator kept them. */
export interface Partij {
  soort: 'partij';
  start: number;
  omschrijvingen: (string | undefined)[];
  labels: (Fenomeen | undefined)[];
  /** Signals whose id has a review decision: their position in the batch and their whole content. */
  beoordeeld: [number, Omit<Signaal, 'origin' | 'persoon'>][];
}

/** No more signals; `vervangen` are the numbers of kept signals that a later version replaced. */
export interface Einde {
  soort: 'einde';
  vervangen: number[];
}

/** After each batch: how many signals the worker has taken in, so that reading can wait for it (backpressure). */
export interface Verwerkt {
  soort: 'verwerkt';
  tot: number;
}

export type Antwoord =
  | {
      soort: 'klaar';
      /** VELDEN numbers per signal, in the order offered: indexes into `teksten` (-1: no regelSuggestie), afwijking 0/1. */
      codes: Int32Array;
      teksten: string[];
      analist: number;
      handmatig: number;
    }
  | { soort: 'opnieuw' };

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

/** The classification of each signal fed to `feed`, from the worker; undefined: classify in one thread instead. */
export interface ParallelUitkomst {
  /** Per final signal (kept and not replaced), in order: its classification, built on demand. */
  classificatie(i: number): Classificatie;
  analist: number;
  handmatig: number;
}

export class ParallelClassificatie {
  private readonly worker: Worker;
  private readonly antwoord: Promise<Antwoord>;
  private partij: Partij;
  private aantal = 0;
  /** Signals the worker has taken in. */
  private verwerkt = 0;
  /** While reading waits for the worker: the pause and how to end it. */
  private pauze?: { klaar: Promise<void>; verder: () => void };
  private beeindigd = false;

  constructor(
    taxonomie: LoadTaxonomyOptions,
    taxonomy: Taxonomy,
    private readonly beoordelingen: Beoordelingen | undefined,
  ) {
    const start: WorkerStart = {
      taxonomie,
      bronnen: taxonomy.bronnen.map((b) => b.sha256),
      beoordelingen: [...(beoordelingen ?? new Map())],
    };
    this.worker = new Worker(WORKER, { workerData: start });
    this.antwoord = new Promise<Antwoord>((resolve, reject) => {
      this.worker.on('message', (bericht: Antwoord | Verwerkt) => {
        if (bericht.soort !== 'verwerkt') return resolve(bericht);
        this.verwerkt = bericht.tot;
        if (this.aantal - this.verwerkt <= ACHTERSTAND / 2) this.hervat();
      });
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`classification worker stopped with code ${code}`)));
    });
    // A stopped worker must not leave reading paused: the answer's failure is reported by finish().
    this.antwoord.then(
      () => this.hervat(),
      () => this.hervat(),
    );
    // A failure before the answer is awaited must not surface as an unhandled rejection.
    this.antwoord.catch(() => undefined);
    this.partij = this.nieuwePartij();
  }

  private nieuwePartij(): Partij {
    return { soort: 'partij', start: this.aantal, omschrijvingen: [], labels: [], beoordeeld: [] };
  }

  /** A signal the deduplicator kept (new, or replacing an earlier version), in the order kept. */
  feed(signal: Signaal): void {
    const p = this.partij;
    if (this.beoordelingen?.has(signal.id)) {
      const { origin: _origin, persoon: _persoon, ...inhoud } = signal;
      p.beoordeeld.push([p.omschrijvingen.length, inhoud]);
    }
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

  /**
   * After the last signal: `vervangen` are the numbers (in the order fed, ascending) of the signals a later version
   * replaced; the others are the final signals. Undefined when the worker cannot give one thread's result (see the top
   * of this file).
   */
  async finish(vervangen: readonly number[]): Promise<ParallelUitkomst | undefined> {
    this.verstuur();
    // Final signal j is the j-th signal fed that was not replaced.
    const positie = new Int32Array(this.aantal - vervangen.length);
    for (let i = 0, v = 0, j = 0; i < this.aantal; i++) {
      if (v < vervangen.length && vervangen[v] === i) v++;
      else positie[j++] = i;
    }
    const einde: Einde = { soort: 'einde', vervangen: [...vervangen] };
    this.worker.postMessage(einde);
    const antwoord = await this.antwoord;
    this.beeindig();
    if (antwoord.soort === 'opnieuw') return undefined;
    const { codes, teksten, analist, handmatig } = antwoord;
    return {
      classificatie(j: number): Classificatie {
        const o = positie[j]! * VELDEN;
        // The key order of classifyWith's objects, so every JSON output is the same as one thread's.
        const fields: Classificatie = {
          fenomeen: teksten[codes[o]!] as Fenomeen,
          herkomst: teksten[codes[o + 1]!] as Classificatie['herkomst'],
          reden: teksten[codes[o + 2]!]!,
          ernst: teksten[codes[o + 3]!] as Classificatie['ernst'],
          ernstReden: teksten[codes[o + 4]!]!,
          afwijking: codes[o + 5] === 1,
        };
        if (codes[o + 6]! >= 0) fields.regelSuggestie = { fenomeen: teksten[codes[o + 6]!] as Fenomeen, reden: teksten[codes[o + 7]!]! };
        return fields;
      },
      analist,
      handmatig,
    };
  }

  /** Stops the worker (also when reading failed); safe to call more than once. */
  beeindig(): void {
    if (this.beeindigd) return;
    this.beeindigd = true;
    this.hervat();
    void this.worker.terminate();
  }
}
