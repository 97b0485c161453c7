// The worker thread of src/classify/parallel.ts: trains the text model and classifies the signals it is sent, with
// the same TrainingPass as one thread, and answers once, after the last batch, with the numbers of parallel.ts.
import { parentPort, workerData } from 'node:worker_threads';
import type { Fenomeen, Signaal } from '../domain.js';
import { TrainingPass, type Classificatie } from './classify.js';
import type { Antwoord, Einde, Partij, Verwerkt, WorkerStart } from './parallel.js';
import { VELDEN } from './parallel.js';
import { loadTaxonomy } from './taxonomy.js';
import { loadModelFile, modelBuilder, neutralFeatures } from './tekstmodel.js';

const start = workerData as WorkerStart;
const port = parentPort!;

/** Every distinct text of the answer once. */
const teksten: string[] = [];
const tekstIndex = new Map<string, number>();
const index = (tekst: string): number => {
  let i = tekstIndex.get(tekst);
  if (i === undefined) {
    i = teksten.length;
    teksten.push(tekst);
    tekstIndex.set(tekst, i);
  }
  return i;
};

let codes = new Int32Array(VELDEN * 65_536);
function write(i: number, c: Classificatie): void {
  const o = i * VELDEN;
  if (o + VELDEN > codes.length) {
    const groter = new Int32Array(Math.max(codes.length * 2, o + VELDEN));
    groter.set(codes);
    codes = groter;
  }
  codes[o] = index(c.fenomeen);
  codes[o + 1] = index(c.herkomst);
  codes[o + 2] = index(c.reden);
  codes[o + 3] = index(c.ernst);
  codes[o + 4] = index(c.ernstReden);
  codes[o + 5] = c.afwijking ? 1 : 0;
  codes[o + 6] = c.regelSuggestie ? index(c.regelSuggestie.fenomeen) : -1;
  codes[o + 7] = c.regelSuggestie ? index(c.regelSuggestie.reden) : -1;
}

// Batches that arrive while the taxonomy and the model load wait here.
const wachtend: (Partij | Einde)[] = [];
let verwerk: ((bericht: Partij | Einde) => void) | undefined;
port.on('message', (bericht: Partij | Einde) => (verwerk ? verwerk(bericht) : wachtend.push(bericht)));

const taxonomy = await loadTaxonomy(start.taxonomie);
const zelfde = taxonomy.bronnen.length === start.bronnen.length && taxonomy.bronnen.every((b, i) => b.sha256 === start.bronnen[i]);
const basis = await loadModelFile();
const pass = new TrainingPass<Classificatie>(
  taxonomy,
  new Map(start.beoordelingen),
  modelBuilder(basis, undefined, neutralFeatures(taxonomy)),
  (_signal, fields) => fields,
  true,
);
/** Numbers of the signals that taught the model. */
const getraind: number[] = [];
let aantal = 0;

function partij(p: Partij): void {
  let volgende = 0;
  for (let k = 0; k < p.omschrijvingen.length; k++) {
    let signal: Signaal;
    if (volgende < p.beoordeeld.length && p.beoordeeld[volgende]![0] === k) {
      signal = p.beoordeeld[volgende++]![1] as Signaal;
    } else {
      // Without a review decision, classification reads only the description and the label (see classifyWith).
      signal = { id: '', omschrijving: p.omschrijvingen[k], fenomeenLabel: p.labels[k] as Fenomeen | undefined } as Signaal;
    }
    const i = p.start + k;
    const c = pass.offer(signal, i);
    if (pass.getraind) getraind.push(i);
    if (c !== undefined) write(i, c);
  }
  aantal = p.start + p.omschrijvingen.length;
  const verwerkt: Verwerkt = { soort: 'verwerkt', tot: aantal };
  port.postMessage(verwerkt);
}

function einde(e: Einde): Antwoord {
  // A replaced signal taught the model: one thread would not have trained on it.
  const vervangen = new Set(e.vervangen);
  if (!zelfde || getraind.some((i) => vervangen.has(i))) return { soort: 'opnieuw' };
  const { model, analist, handmatig } = pass.finish(write);
  return { soort: 'klaar', codes: codes.subarray(0, aantal * VELDEN), teksten, analist, handmatig };
}

verwerk = (bericht) => {
  if (bericht.soort === 'partij') return partij(bericht);
  const antwoord = einde(bericht);
  port.postMessage(antwoord, antwoord.soort === 'klaar' ? [antwoord.codes.buffer as ArrayBuffer] : []);
};
for (const bericht of wachtend.splice(0)) verwerk(bericht);
