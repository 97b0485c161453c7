// The worker thread of src/classify/parallel.ts: classifies the signals it is sent as they come
// (DoorlopendeKlassering), tells after each batch how far it is, and answers in parts after the last batch.
import { parentPort, workerData } from 'node:worker_threads';
import type { Fenomeen } from '../domain.js';
import { DoorlopendeKlassering, lichteVorm, type Antwoord } from './doorlopend.js';
import type { Einde, Partij, Verwerkt, WorkerStart } from './parallel.js';
import { loadTaxonomy } from './taxonomy.js';
import { loadModelFile, modelBuilder, neutralFeatures } from './tekstmodel.js';

const start = workerData as WorkerStart;
const port = parentPort!;

// Batches that arrive while the taxonomy and the model load wait here.
const wachtend: (Partij | Einde)[] = [];
let verwerk: ((bericht: Partij | Einde) => void) | undefined;
port.on('message', (bericht: Partij | Einde) => (verwerk ? verwerk(bericht) : wachtend.push(bericht)));

const taxonomy = await loadTaxonomy(start.taxonomie);
const zelfde = taxonomy.bronnen.length === start.bronnen.length && taxonomy.bronnen.every((b, i) => b.sha256 === start.bronnen[i]);
const basis = await loadModelFile();
const klassering = new DoorlopendeKlassering(taxonomy, new Map(start.beoordelingen), modelBuilder(basis, undefined, neutralFeatures(taxonomy)));

function partij(p: Partij): void {
  let volgende = 0;
  for (let k = 0; k < p.omschrijvingen.length; k++) {
    if (volgende < p.beoordeeld.length && p.beoordeeld[volgende]![0] === k) klassering.offer(p.beoordeeld[volgende++]![1]);
    else klassering.offer(lichteVorm(p.omschrijvingen[k], p.labels[k] as Fenomeen | undefined));
  }
  const verwerkt: Verwerkt = { soort: 'verwerkt', tot: klassering.aantal };
  port.postMessage(verwerkt);
}

function einde(e: Einde): void {
  // Another taxonomy than the main thread's (a file changed in between): one thread must decide.
  if (!zelfde) return port.postMessage({ soort: 'opnieuw' } satisfies Antwoord);
  klassering.einde(e.vervangen, (deel, overdragen) => port.postMessage(deel, overdragen ?? []), undefined, e.samen);
}

verwerk = (bericht) => (bericht.soort === 'partij' ? partij(bericht) : einde(bericht));
for (const bericht of wachtend.splice(0)) verwerk(bericht);
