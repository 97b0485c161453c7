// The accuracy of the classification a report states in its verantwoording: 5-fold cross-validation of the rules and
// the text model on the signals the analyst labelled (src/classify/evaluatie.ts). About half a second of CPU time that
// every report of a run waits for: `cter batch` measures on a worker thread (meting-worker.ts), started before the
// inputs are read so that it has loaded the taxonomy and the base model by then, while its own thread prepares the
// first reports; the result is the same as in one thread (the same examples in the same order, the same code).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { trainingsvoorbeelden } from '../classify/classify.js';
import { evaluateClassifier } from '../classify/evaluatie.js';
import type { Taxonomy } from '../classify/taxonomy.js';
import type { ModelFile, TrainingExample } from '../classify/tekstmodel.js';
import type { LoadedConfig } from '../config/cter-config.js';
import type { GeclassificeerdSignaal } from '../domain.js';
import { taxonomieBron } from '../pipeline.js';
import type { ClassificatieMeting } from './model-types.js';

/** At most this many labelled signals are cross-validated for the verantwoording (an even spread over the inputs). */
const MEETLIMIET = 3000;
const MEETVOUWEN = 5;

/** The labelled signals measured on: all of them, or an even spread of at most MEETLIMIET. */
export function meetvoorbeelden(signalen: readonly GeclassificeerdSignaal[]): TrainingExample[] {
  const { voorbeelden } = trainingsvoorbeelden(signalen);
  const stap = Math.ceil(voorbeelden.length / MEETLIMIET);
  return voorbeelden.filter((_, i) => i % stap === 0);
}

/**
 * Would the rules and the model have given the analyst's fenomeen? Undefined when there are fewer labelled examples
 * than folds.
 */
export function meetClassificatie(
  steekproef: readonly TrainingExample[],
  taxonomy: Taxonomy,
  basis: ModelFile,
): ClassificatieMeting | undefined {
  if (steekproef.length < MEETVOUWEN) return undefined;
  const e = evaluateClassifier(steekproef, taxonomy, basis, MEETVOUWEN, { analist: steekproef.length, handmatig: 0 });
  const beide = e.metingen.find((m) => m.methode === 'beide')!;
  return { gelabeld: steekproef.length, vouwen: e.vouwen, nauwkeurigheid: beide.nauwkeurigheid, onthouding: beide.onthouding };
}

/** What the main thread sends once the inputs are read. */
export interface MeetOpdracht {
  voorbeelden: TrainingExample[];
  /** The taxonomy's sources as the main thread read them: the worker checks it loaded the same files. */
  bronnen: string[];
}

/** The worker's answer; `opnieuw`: it loaded another taxonomy (a file changed in between), the main thread measures. */
export type MeetAntwoord = { soort: 'klaar'; meting: ClassificatieMeting | undefined } | { soort: 'opnieuw' };

/** The compiled worker; absent when cter runs from its TypeScript sources (the tests), which then measure in one thread. */
const WORKER = new URL('./meting-worker.js', import.meta.url);

/** What the measurement needs of a pipeline run. */
export interface MeetInvoer {
  signalen: readonly GeclassificeerdSignaal[];
  taxonomy: Taxonomy;
  tekstmodel: { basisBestand: ModelFile };
}

/**
 * The measurement on a worker thread, started ahead of the data (the worker loads the taxonomy and the base model
 * meanwhile). `meet` gives the same result as meetClassificatie in this thread; it falls back to this thread when the
 * worker cannot run or answer.
 */
export class MetingOpAchtergrond {
  private readonly worker: Worker | undefined;
  private readonly antwoord: Promise<MeetAntwoord> | undefined;

  /** `config`: the run's configuration, whose taxonomy the worker loads as the pipeline does. */
  constructor(config: LoadedConfig, worker: URL = WORKER) {
    if (!existsSync(fileURLToPath(worker))) return;
    this.worker = new Worker(worker, { workerData: taxonomieBron(config) });
    // The measurement never keeps the process alive: a run that stops early does not wait for it.
    this.worker.unref();
    this.antwoord = new Promise<MeetAntwoord>((resolve, reject) => {
      this.worker!.once('message', resolve);
      this.worker!.once('error', reject);
      this.worker!.once('exit', (code) => reject(new Error(`measurement worker stopped with code ${code}`)));
    });
    // Awaited only once the data is read; a failure before that must not surface as an unhandled rejection.
    this.antwoord.catch(() => undefined);
  }

  /** Whether the measurement runs on a worker thread (else `meet` measures in this thread). */
  get opAchtergrond(): boolean {
    return this.worker !== undefined;
  }

  async meet(invoer: MeetInvoer): Promise<ClassificatieMeting | undefined> {
    const voorbeelden = meetvoorbeelden(invoer.signalen);
    const hier = () => meetClassificatie(voorbeelden, invoer.taxonomy, invoer.tekstmodel.basisBestand);
    if (!this.worker || !this.antwoord) return hier();
    const opdracht: MeetOpdracht = { voorbeelden, bronnen: invoer.taxonomy.bronnen.map((b) => b.sha256) };
    this.worker.postMessage(opdracht);
    // Awaited now: the answer keeps the process alive (a JSON batch has no browser that would).
    this.worker.ref();
    try {
      const antwoord = await this.antwoord;
      return antwoord.soort === 'klaar' ? antwoord.meting : hier();
    } catch {
      return hier();
    } finally {
      this.stop();
    }
  }

  /** Stops the worker (also when the run stopped before measuring); safe to call more than once. */
  stop(): void {
    void this.worker?.terminate();
  }
}
